"""Products and their variants: the seller's editor, and what shoppers see (cards, the sheet)."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.catalog import (
    Product,
    ProductPhoto,
    ProductStatus,
    ProductVariant,
    Shop,
    WishlistItem,
)
from socialshop.schemas.catalog import (
    ProductCardView,
    ProductDetail,
    ProductForm,
    SellerProductRow,
    VariantForm,
    VariantView,
)
from socialshop.schemas.social import PhotoView
from socialshop.services import media, money, stored_files
from socialshop.services.accounts import clean_text, initials_of
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.shops import require_own_shop
from socialshop.services.errors import DomainError, ValidationFailed

CATEGORIES = {
    "apparel": "Apparel",
    "accessories": "Accessories",
    "home": "Home",
    "ceramics": "Ceramics",
    "kitchen": "Kitchen",
    "outdoor": "Outdoor",
    "beauty": "Beauty",
    "plants": "Plants",
    "other": "Other",
}
TITLE_MAX = 120
DESCRIPTION_MAX = 5000
VARIANTS_MAX = 30
PHOTOS_MAX = 8
STOCK_MAX = 1_000_000
LOW_STOCK = 3


@dataclass(frozen=True)
class VariantInput:
    id: int = 0
    sku: str = ""
    size: str = ""
    colour: str = ""
    price_text: str = ""  # empty: the product's price
    stock: str | int = 0


@dataclass(frozen=True)
class ProductInput:
    title: str
    description: str = ""
    category: str = "other"
    tags: str = ""
    currency: str = "EUR"
    price_text: str = ""
    compare_at_text: str = ""
    status: str = ProductStatus.DRAFT.value
    variants: tuple[VariantInput, ...] = ()


# --- pure helpers ------------------------------------------------------------------------------


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "product"


def variant_price(product: Product, variant: ProductVariant) -> int:
    """The one rule for what a variant costs: its override, else the product's price."""
    return variant.price_override_minor if variant.price_override_minor is not None else product.price_minor


def variant_label(variant: ProductVariant) -> str:
    parts = [p for p in (variant.size, variant.colour) if p]
    return " / ".join(parts) or "One size"


def stock_note(stock: int) -> str:
    if stock <= 0:
        return "Sold out"
    if stock <= LOW_STOCK:
        return f"Only {stock} left"
    return "In stock"


def normalize_tags(raw: str) -> str:
    words = [w.lstrip("#").lower() for w in re.split(r"[\s,]+", raw) if w.strip("# ")]
    return " ".join(dict.fromkeys(w[:30] for w in words))[:300]


# --- validation --------------------------------------------------------------------------------


def _validate(data: ProductInput) -> tuple[dict[str, StrEnum], dict]:
    errors: dict[str, StrEnum] = {}
    title = clean_text(data.title)
    description = clean_text(data.description)
    currency = data.currency.strip().upper()
    if not title:
        errors["title"] = C.TITLE_REQUIRED
    elif len(title) > TITLE_MAX:
        errors["title"] = C.TITLE_TOO_LONG
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = C.DESCRIPTION_TOO_LONG
    if currency not in money.SUPPORTED_CURRENCIES:
        errors["currency"] = C.CURRENCY_INVALID
        currency = "EUR"
    if data.category not in CATEGORIES:
        errors["category"] = C.CATEGORY_INVALID
    if data.status not in {s.value for s in ProductStatus}:
        errors["status"] = C.STATUS_INVALID
    price = money.parse_amount(data.price_text, currency)
    if price is None:
        errors["price"] = C.PRICE_INVALID
    elif price > money.MAX_MINOR:
        errors["price"] = C.PRICE_TOO_HIGH
    compare_at = None
    if data.compare_at_text.strip():
        compare_at = money.parse_amount(data.compare_at_text, currency)
        if compare_at is None or compare_at > money.MAX_MINOR or (price is not None and compare_at <= price):
            errors["compare_at"] = C.COMPARE_AT_INVALID
    variants = []
    if not data.variants:
        errors["variants"] = C.VARIANT_REQUIRED
    if len(data.variants) > VARIANTS_MAX:
        errors["variants"] = C.TOO_MANY_VARIANTS
    seen_skus: set[str] = set()
    for index, row in enumerate(data.variants):
        sku = clean_text(row.sku).upper()[:40]
        if not sku:
            errors[f"variants.{index}.sku"] = C.SKU_REQUIRED
        elif sku in seen_skus:
            errors[f"variants.{index}.sku"] = C.SKU_TAKEN
        seen_skus.add(sku)
        try:
            stock = int(str(row.stock).strip() or "0")
        except ValueError:
            stock = -1
        if not 0 <= stock <= STOCK_MAX:
            errors[f"variants.{index}.stock"] = C.STOCK_INVALID
        override = None
        if str(row.price_text).strip():
            override = money.parse_amount(str(row.price_text), currency)
            if override is None or override > money.MAX_MINOR:
                errors[f"variants.{index}.price"] = C.PRICE_INVALID
        variants.append(
            {
                "id": row.id, "sku": sku, "size": clean_text(row.size)[:30], "colour": clean_text(row.colour)[:30],
                "price_override_minor": override, "stock": stock,
            }
        )
    clean = {
        "title": title, "description": description, "category": data.category, "tags": normalize_tags(data.tags),
        "currency": currency, "price_minor": price, "compare_at_minor": compare_at, "status": data.status,
        "variants": variants,
    }
    return errors, clean


def _unique_slug(session: Session, title: str) -> str:
    base = slugify(title)
    slug = base
    while session.exec(select(Product.id).where(Product.slug == slug)).first() is not None:
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def _sku_taken_elsewhere(session: Session, shop_id: int, sku: str, ignore_ids: set[int]) -> bool:
    """`ignore_ids`: the row itself, and the rows this save removes (their SKUs are free again)."""
    return (
        session.exec(
            select(ProductVariant.id).where(
                ProductVariant.shop_id == shop_id, ProductVariant.sku == sku, col(ProductVariant.id).not_in(ignore_ids)
            )
        ).first()
        is not None
    )


def refresh_rollups(session: Session, product: Product) -> None:
    """Keep min price and total stock in step with the variants."""
    variants = session.exec(select(ProductVariant).where(ProductVariant.product_id == product.id)).all()
    product.min_price_minor = min((variant_price(product, v) for v in variants), default=product.price_minor)
    product.total_stock = sum(v.stock for v in variants)
    session.add(product)


# --- seller use-cases ---------------------------------------------------------------------------


def may_edit_product(actor: User, product: Product, shop: Shop) -> bool:
    """The one rule for who may change a product: the owner of its shop."""
    return shop.owner_id == actor.id and product.shop_id == shop.id


def save_product(
    *, session: Session, actor: User | None, data: ProductInput, slug: str | None = None
) -> Product:
    """Create (slug None) or update a product with all its variants; nothing is half-written."""
    _actor, shop = require_own_shop(session, actor)
    product = None
    if slug is not None:
        product = session.exec(select(Product).where(Product.slug == slug)).first()
        if product is None:
            raise DomainError(C.PRODUCT_NOT_FOUND)
        if not may_edit_product(_actor, product, shop):
            raise DomainError(C.NOT_YOUR_PRODUCT)
    errors, clean = _validate(data)
    existing_ids = set()
    if product is not None:
        existing_ids = set(session.exec(select(ProductVariant.id).where(ProductVariant.product_id == product.id)).all())
    removed_ids = existing_ids - {row["id"] for row in clean["variants"]}
    for index, row in enumerate(clean["variants"]):
        if row["id"] and row["id"] not in existing_ids:
            errors[f"variants.{index}.sku"] = C.VARIANT_NOT_FOUND
        elif row["sku"] and _sku_taken_elsewhere(session, shop.id, row["sku"], {row["id"] or 0, *removed_ids}):
            errors[f"variants.{index}.sku"] = C.SKU_TAKEN
    if errors:
        raise ValidationFailed(errors)
    variants = clean.pop("variants")
    if product is None:
        product = Product(shop_id=shop.id, slug=_unique_slug(session, clean["title"]), **clean)
    else:
        for key, value in clean.items():
            setattr(product, key, value)
        product.updated_at = utcnow()
    session.add(product)
    session.flush()
    keep = {row["id"] for row in variants if row["id"]}
    for variant in session.exec(select(ProductVariant).where(ProductVariant.product_id == product.id)).all():
        if variant.id not in keep:
            session.delete(variant)
    session.flush()
    for position, row in enumerate(variants):
        variant = session.get(ProductVariant, row["id"]) if row["id"] else None
        if variant is None:
            variant = ProductVariant(product_id=product.id, shop_id=shop.id, sku=row["sku"])
        variant.sku, variant.size, variant.colour = row["sku"], row["size"], row["colour"]
        variant.price_override_minor, variant.stock, variant.position = row["price_override_minor"], row["stock"], position
        session.add(variant)
    session.flush()
    refresh_rollups(session, product)
    session.flush()
    return product


def add_product_photo(
    *, session: Session, actor: User | None, slug: str, image: bytes, uploads_dir: Path
) -> Product:
    _actor, shop = require_own_shop(session, actor)
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    if product is None:
        raise DomainError(C.PRODUCT_NOT_FOUND)
    if not may_edit_product(_actor, product, shop):
        raise DomainError(C.NOT_YOUR_PRODUCT)
    count = session.exec(select(func.count()).select_from(ProductPhoto).where(ProductPhoto.product_id == product.id)).one()
    if count >= PHOTOS_MAX:
        raise DomainError(C.TOO_MANY_PHOTOS, "photos")
    decoded = media.decode_image(image)
    full = media.write_encoded(media.render_variant(decoded, media.PHOTO), uploads_dir=uploads_dir, folder="products")
    thumb = media.write_encoded(media.render_variant(decoded, media.THUMBNAIL), uploads_dir=uploads_dir, folder="products/thumbs")
    stored_files.discard_if_rolled_back(session, [full, thumb], uploads_dir)
    session.add(ProductPhoto(product_id=product.id, position=count, file=full, thumb_file=thumb))
    session.flush()
    return product


def remove_product_photo(*, session: Session, actor: User | None, slug: str, position: int, uploads_dir: Path) -> None:
    _actor, shop = require_own_shop(session, actor)
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    if product is None or not may_edit_product(_actor, product, shop):
        raise DomainError(C.NOT_YOUR_PRODUCT if product else C.PRODUCT_NOT_FOUND)
    photos = session.exec(select(ProductPhoto).where(ProductPhoto.product_id == product.id).order_by(ProductPhoto.position)).all()
    if not 0 <= position < len(photos):
        return
    gone = photos[position]
    session.delete(gone)
    for index, photo in enumerate(p for p in photos if p.id != gone.id):
        photo.position = index
        session.add(photo)
    stored_files.discard_once_committed(session, [gone.file, gone.thumb_file], uploads_dir)


# --- read models -------------------------------------------------------------------------------


def _photos(session: Session, product_ids: list[int]) -> dict[int, list[PhotoView]]:
    out: dict[int, list[PhotoView]] = {}
    if not product_ids:
        return out
    for photo in session.exec(
        select(ProductPhoto).where(col(ProductPhoto.product_id).in_(product_ids)).order_by(ProductPhoto.product_id, ProductPhoto.position)
    ).all():
        out.setdefault(photo.product_id, []).append(
            PhotoView(url=routes.upload_url(photo.file), thumb_url=routes.upload_url(photo.thumb_file))
        )
    return out


def cover_thumbs(session: Session, product_ids: Iterable[int]) -> dict[int, str]:
    """Each product's first photo as a thumbnail URL, in one query (cards, carts, pins all use it)."""
    ids = set(product_ids)
    if not ids:
        return {}
    return {
        photo.product_id: routes.upload_url(photo.thumb_file)
        for photo in session.exec(
            select(ProductPhoto).where(col(ProductPhoto.product_id).in_(ids), ProductPhoto.position == 0)
        ).all()
    }


def product_cards(session: Session, products: list[Product]) -> list[ProductCardView]:
    if not products:
        return []
    thumbs = cover_thumbs(session, (p.id for p in products))
    shops = {s.id: s for s in session.exec(select(Shop).where(col(Shop.id).in_({p.shop_id for p in products}))).all()}
    return [
        ProductCardView(
            slug=p.slug,
            title=p.title,
            price_text=money.format_money(p.min_price_minor, p.currency),
            compare_at_text=money.format_money(p.compare_at_minor, p.currency) if p.compare_at_minor else "",
            thumb_url=thumbs.get(p.id, ""),
            shop_name=shops[p.shop_id].name,
            shop_handle=shops[p.shop_id].handle,
            sold_out=p.total_stock <= 0,
            status=p.status,
        )
        for p in products
    ]


def get_active_product(session: Session, slug: str) -> Product:
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    if product is None or product.status != ProductStatus.ACTIVE.value:
        raise DomainError(C.PRODUCT_NOT_FOUND)
    return product


def product_detail(
    *, session: Session, viewer: User | None, slug: str, social_proof: str = "", similar_limit: int = 4
) -> ProductDetail:
    """The sheet / page: live stock per variant, and similar products for when it is sold out."""
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    owner_view = False
    if product is not None and viewer is not None:
        shop = session.get(Shop, product.shop_id)
        owner_view = shop is not None and shop.owner_id == viewer.id
    if product is None or (product.status != ProductStatus.ACTIVE.value and not owner_view):
        raise DomainError(C.PRODUCT_NOT_FOUND)
    shop = session.get(Shop, product.shop_id)
    owner = session.get(User, shop.owner_id)
    variants = session.exec(
        select(ProductVariant).where(ProductVariant.product_id == product.id).order_by(ProductVariant.position)
    ).all()
    wishlisted = viewer is not None and session.get(WishlistItem, (viewer.id, product.id)) is not None
    similar = session.exec(
        select(Product)
        .where(Product.category == product.category, Product.id != product.id,
               Product.status == ProductStatus.ACTIVE.value, Product.total_stock > 0)
        .order_by(col(Product.id).desc())
        .limit(similar_limit)
    ).all()
    return ProductDetail(
        id=product.id,
        slug=product.slug,
        title=product.title,
        description=product.description,
        category=CATEGORIES.get(product.category, "Other"),
        price_text=money.format_money(product.min_price_minor, product.currency),
        compare_at_text=money.format_money(product.compare_at_minor, product.currency) if product.compare_at_minor else "",
        photos=_photos(session, [product.id]).get(product.id, []),
        variants=[
            VariantView(
                id=v.id,
                label=variant_label(v),
                size=v.size,
                colour=v.colour,
                price_text=money.format_money(variant_price(product, v), product.currency),
                stock=v.stock,
                sold_out=v.stock <= 0,
                stock_note=stock_note(v.stock),
            )
            for v in variants
        ],
        shop_handle=shop.handle,
        shop_name=shop.name,
        shop_logo_url=routes.upload_url(shop.logo_file or (owner.avatar_file if owner else None)),
        shop_initials=initials_of(shop.name),
        is_active=product.status == ProductStatus.ACTIVE.value,
        sold_out=product.total_stock <= 0,
        wishlisted=wishlisted,
        social_proof=social_proof,
        similar=product_cards(session, list(similar)),
    )


def product_form(*, session: Session, actor: User | None, slug: str | None) -> ProductForm:
    _actor, shop = require_own_shop(session, actor)
    if slug is None:
        return ProductForm(variants=[VariantForm(sku="", stock=0)])
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    if product is None:
        raise DomainError(C.PRODUCT_NOT_FOUND)
    if not may_edit_product(_actor, product, shop):
        raise DomainError(C.NOT_YOUR_PRODUCT)
    variants = session.exec(
        select(ProductVariant).where(ProductVariant.product_id == product.id).order_by(ProductVariant.position)
    ).all()
    return ProductForm(
        id=product.id,
        slug=product.slug,
        title=product.title,
        description=product.description,
        category=product.category,
        tags=product.tags,
        currency=product.currency,
        price_text=money.to_major_text(product.price_minor, product.currency),
        compare_at_text=money.to_major_text(product.compare_at_minor, product.currency) if product.compare_at_minor else "",
        status=product.status,
        photos=_photos(session, [product.id]).get(product.id, []),
        variants=[
            VariantForm(
                id=v.id, sku=v.sku, size=v.size, colour=v.colour,
                price_text=money.to_major_text(v.price_override_minor, product.currency) if v.price_override_minor is not None else "",
                stock=v.stock,
            )
            for v in variants
        ],
    )


def seller_products(*, session: Session, actor: User | None) -> list[SellerProductRow]:
    _actor, shop = require_own_shop(session, actor)
    products = session.exec(select(Product).where(Product.shop_id == shop.id).order_by(col(Product.id).desc())).all()
    thumbs = cover_thumbs(session, (p.id for p in products))
    counts = dict(
        session.exec(
            select(ProductVariant.product_id, func.count()).where(ProductVariant.shop_id == shop.id).group_by(ProductVariant.product_id)
        ).all()
    )
    return [
        SellerProductRow(
            slug=p.slug, title=p.title, status=p.status,
            price_text=money.format_money(p.min_price_minor, p.currency),
            total_stock=p.total_stock, variant_count=counts.get(p.id, 0),
            thumb_url=thumbs.get(p.id, ""),
        )
        for p in products
    ]


def shop_products(*, session: Session, shop: Shop, limit: int = 60) -> list[ProductCardView]:
    products = session.exec(
        select(Product).where(Product.shop_id == shop.id, Product.status == ProductStatus.ACTIVE.value)
        .order_by(col(Product.id).desc()).limit(limit)
    ).all()
    return product_cards(session, list(products))


def latest_products(*, session: Session, category: str | None = None, limit: int = 48) -> list[ProductCardView]:
    stmt = select(Product).where(Product.status == ProductStatus.ACTIVE.value)
    if category:
        stmt = stmt.where(Product.category == category)
    return product_cards(session, list(session.exec(stmt.order_by(col(Product.id).desc()).limit(limit)).all()))
