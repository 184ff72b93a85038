"""Carts: add, change, remove; totals from current server prices; a guest's cart merges at login."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductStatus, ProductVariant, Shop
from socialshop.models.commerce import CartItem
from socialshop.models.social import Post
from socialshop.services import money
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import cover_thumbs, variant_label, variant_price
from socialshop.services.errors import DomainError

MAX_QUANTITY = 20
GUEST_COOKIE = "ss_guest"  # the cookie holding a guest browser's cart key


@dataclass(frozen=True)
class CartOwner:
    """Whose cart: a signed-in user, or a guest browser's random key."""

    user_id: int | None = None
    guest_key: str | None = None

    def where(self):
        if self.user_id is not None:
            return CartItem.user_id == self.user_id
        return CartItem.guest_key == (self.guest_key or "-")

    @classmethod
    def of(cls, user: User | None, guest_key: str | None) -> CartOwner:
        """The user's cart, else the guest key's; a key the browser made up is no key."""
        if user is not None:
            return cls(user_id=user.id)
        return cls(guest_key=guest_key if is_guest_key(guest_key) else None)


_GUEST_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def is_guest_key(value: str | None) -> bool:
    """What `secrets.token_urlsafe` gives (the states make guest keys with it), at most 64 long."""
    return bool(value) and _GUEST_KEY.fullmatch(value) is not None


@dataclass
class CartLine:
    id: int = 0
    product_slug: str = ""
    title: str = ""
    variant_label: str = ""
    shop_name: str = ""
    thumb_url: str = ""
    quantity: int = 1
    unit_price_text: str = ""
    line_total_text: str = ""
    available: bool = True
    stock: int = 0
    problem: str = ""  # why the line needs attention: price changed, stock short, unavailable


@dataclass
class CartView:
    lines: list[CartLine] = field(default_factory=list)
    count: int = 0
    # Totals per currency: a cart may mix shops that sell in different currencies.
    totals: list[str] = field(default_factory=list)
    has_problems: bool = False


def _check_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise DomainError(C.QUANTITY_INVALID, "quantity")


def _buyable(session: Session, variant_id: int) -> tuple[ProductVariant, Product]:
    variant = session.get(ProductVariant, variant_id)
    if variant is None:
        raise DomainError(C.VARIANT_NOT_FOUND)
    product = session.get(Product, variant.product_id)
    if product is None or product.status != ProductStatus.ACTIVE.value:
        raise DomainError(C.PRODUCT_UNAVAILABLE)
    return variant, product


def add_item(
    *, session: Session, owner: CartOwner, variant_id: int, quantity: int = 1, from_post_id: int | None = None
) -> CartItem:
    """Add to the cart; stock is checked now (and again at checkout). The price comes from us."""
    if owner.user_id is None and not owner.guest_key:
        raise DomainError(C.NOT_SIGNED_IN)
    _check_quantity(quantity)
    variant, product = _buyable(session, variant_id)
    if variant.stock <= 0:
        raise DomainError(C.OUT_OF_STOCK)
    line = session.exec(select(CartItem).where(owner.where(), CartItem.variant_id == variant.id)).first()
    wanted = quantity + (line.quantity if line else 0)
    if wanted > variant.stock:
        raise DomainError(C.NOT_ENOUGH_STOCK)
    if wanted > MAX_QUANTITY:
        raise DomainError(C.QUANTITY_INVALID, "quantity")
    if from_post_id is not None and session.get(Post, from_post_id) is None:
        from_post_id = None  # the browser names the post: it may be gone (or never was); buy anyway
    if line is None:
        line = CartItem(
            user_id=owner.user_id, guest_key=None if owner.user_id else owner.guest_key,
            variant_id=variant.id, quantity=0, from_post_id=from_post_id,
        )
    line.quantity = wanted
    _remember_price(line, product, variant)
    session.add(line)
    session.flush()
    return line


def _remember_price(line: CartItem, product: Product, variant: ProductVariant) -> None:
    """What the shopper has now seen (and so accepted): the unit price and its currency."""
    line.seen_unit_price_minor = variant_price(product, variant)
    line.seen_currency = product.currency


def _own_line(session: Session, owner: CartOwner, line_id: int) -> CartItem:
    line = session.exec(select(CartItem).where(CartItem.id == line_id, owner.where())).first()
    if line is None:
        raise DomainError(C.CART_LINE_NOT_FOUND)
    return line


def set_quantity(*, session: Session, owner: CartOwner, line_id: int, quantity: int) -> None:
    """Change a line's quantity. Asking for more is checked against stock; asking for fewer never
    is, so a line flagged "Only 2 left" or "No longer available" can always be brought down."""
    line = _own_line(session, owner, line_id)
    if quantity == 0:
        session.delete(line)
        return
    _check_quantity(quantity)
    if quantity < line.quantity:
        line.quantity = quantity
        session.add(line)
        return
    variant, product = _buyable(session, line.variant_id)
    if quantity > variant.stock:
        raise DomainError(C.NOT_ENOUGH_STOCK)
    line.quantity = quantity
    _remember_price(line, product, variant)
    session.add(line)


def remove_item(*, session: Session, owner: CartOwner, line_id: int) -> None:
    session.delete(_own_line(session, owner, line_id))


def item_count(*, session: Session, owner: CartOwner) -> int:
    if owner.user_id is None and not owner.guest_key:
        return 0
    return session.exec(select(func.coalesce(func.sum(CartItem.quantity), 0)).where(owner.where())).one()


def merge_guest_cart(*, session: Session, guest_key: str | None, user_id: int) -> None:
    """At login: the guest's lines join the account's cart (quantities add up, capped by stock)."""
    if not guest_key:
        return
    guest_lines = session.exec(select(CartItem).where(CartItem.guest_key == guest_key)).all()
    for guest_line in guest_lines:
        mine = session.exec(
            select(CartItem).where(CartItem.user_id == user_id, CartItem.variant_id == guest_line.variant_id)
        ).first()
        variant = session.get(ProductVariant, guest_line.variant_id)
        # A sold-out line stays (flagged "Sold out") at quantity 1, not at what was wanted.
        cap = max(1, min(MAX_QUANTITY, variant.stock if variant else 0))
        if mine is None:
            guest_line.guest_key, guest_line.user_id = None, user_id
            guest_line.quantity = min(guest_line.quantity, cap)
            session.add(guest_line)
        else:
            mine.quantity = min(mine.quantity + guest_line.quantity, cap)
            session.add(mine)
            session.delete(guest_line)
    session.flush()


def clear_guest(*, session: Session, guest_key: str) -> None:
    session.exec(delete(CartItem).where(CartItem.guest_key == guest_key))


def view(*, session: Session, owner: CartOwner) -> CartView:
    """The cart as it is now: current prices, stock and availability, computed here."""
    if owner.user_id is None and not owner.guest_key:
        return CartView()
    rows = session.exec(
        select(CartItem, ProductVariant, Product, Shop)
        .join(ProductVariant, ProductVariant.id == CartItem.variant_id)
        .join(Product, Product.id == ProductVariant.product_id)
        .join(Shop, Shop.id == Product.shop_id)
        .where(owner.where())
        .order_by(col(CartItem.id))
    ).all()
    thumbs = cover_thumbs(session, (product.id for _, _, product, _ in rows))
    totals: dict[str, int] = {}
    lines = []
    for item, variant, product, shop in rows:
        unit = variant_price(product, variant)
        available = product.status == ProductStatus.ACTIVE.value and variant.stock > 0
        problem = ""
        if not available:
            problem = "No longer available" if product.status != ProductStatus.ACTIVE.value else "Sold out"
        elif item.quantity > variant.stock:
            problem = f"Only {variant.stock} left: lower the quantity"
        elif unit != item.seen_unit_price_minor or item.seen_currency not in ("", product.currency):
            was = money.format_money(item.seen_unit_price_minor, item.seen_currency or product.currency)
            problem = f"Price changed (was {was})"
        if available:
            totals[product.currency] = totals.get(product.currency, 0) + unit * item.quantity
        lines.append(
            CartLine(
                id=item.id, product_slug=product.slug, title=product.title, variant_label=variant_label(variant),
                shop_name=shop.name, thumb_url=thumbs.get(product.id, ""), quantity=item.quantity,
                unit_price_text=money.format_money(unit, product.currency),
                line_total_text=money.format_money(unit * item.quantity, product.currency),
                available=available, stock=variant.stock, problem=problem,
            )
        )
    return CartView(
        lines=lines,
        count=sum(line.quantity for line in lines),
        totals=[money.format_money(amount, currency) for currency, amount in sorted(totals.items())],
        has_problems=any(line.problem for line in lines),
    )


def acknowledge_prices(*, session: Session, owner: CartOwner) -> None:
    """The shopper has seen the new prices: stop flagging them."""
    for item, variant, product in session.exec(
        select(CartItem, ProductVariant, Product)
        .join(ProductVariant, ProductVariant.id == CartItem.variant_id)
        .join(Product, Product.id == ProductVariant.product_id)
        .where(owner.where())
    ).all():
        _remember_price(item, product, variant)
        session.add(item)
