"""The seller's product editor: who may save, what a valid product is, variants and rollups,
and that a refused save leaves everything as it was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductPhoto, ProductVariant, Shop
from socialshop.services.catalog import products
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import ProductInput, save_product
from tests.factories import (
    make_product,
    make_shop,
    make_user,
    png_bytes,
    product_input,
    variant_input,
    variants_of,
)
from tests.unit.services.catalog.refusals import invalid, refused


def stored(session: Session, slug: str) -> tuple:
    """Everything the database holds about a product and its variants (nothing pending)."""
    assert not (session.new or session.dirty or session.deleted), "something was left half-written"
    session.expire_all()
    product = session.exec(select(Product).where(Product.slug == slug)).one()
    variants = session.exec(
        select(ProductVariant).where(ProductVariant.product_id == product.id).order_by(ProductVariant.id)
    ).all()
    return (
        product.model_dump(),
        [v.model_dump() for v in variants],
    )


def save(session: Session, actor: User | None, data: ProductInput, slug: str | None = None) -> Product:
    return save_product(session=session, actor=actor, data=data, slug=slug)


def edit_of(session: Session, product: Product, **changes) -> ProductInput:
    """The editor's form for an existing product, as submitted back with some changes."""
    form = products.product_form(session=session, actor=_owner(session, product), slug=product.slug)
    data = ProductInput(
        title=form.title,
        description=form.description,
        category=form.category,
        tags=form.tags,
        currency=form.currency,
        price_text=form.price_text,
        compare_at_text=form.compare_at_text,
        status=form.status,
        variants=tuple(
            variant_input(
                v.sku, stock=v.stock, price=v.price_text, size=v.size, colour=v.colour, variant_id=v.id
            )
            for v in form.variants
        ),
    )
    return replace(data, **changes)


def _owner(session: Session, product: Product) -> User:
    return session.get(User, session.get(Shop, product.shop_id).owner_id)


# --- who may edit -----------------------------------------------------------------------------


def test_owner_edits_own_product(session: Session, mara: User) -> None:
    bowl = make_product(session, mara, "Bowl", price="20.00")

    save(session, mara, edit_of(session, bowl, title="Big bowl", price_text="24.50"), slug=bowl.slug)

    product, _ = stored(session, bowl.slug)
    assert (product["title"], product["price_minor"], product["min_price_minor"]) == ("Big bowl", 2450, 2450)


@pytest.mark.parametrize(
    ("who", "code"),
    [("olek", C.NOT_YOUR_PRODUCT), ("pia", C.NO_SHOP), (None, C.NOT_SIGNED_IN)],
    ids=["another seller", "member without a shop", "signed out"],
)
def test_only_the_owner_edits_a_product_and_a_refusal_writes_nothing(
    session: Session, mara: User, olek: User, pia: User, who: str | None, code: C
) -> None:
    bowl = make_product(session, mara, "Bowl", price="20.00", variants=[variant_input("BOWL-1", stock=4)])
    before = stored(session, bowl.slug)
    actor = {"olek": olek, "pia": pia, None: None}[who]
    takeover = product_input("Stolen bowl", price="1.00", variants=[variant_input("BOWL-1", stock=0)])

    with refused(code):
        save(session, actor, takeover, slug=bowl.slug)
    with refused(code):
        products.product_form(session=session, actor=actor, slug=bowl.slug)

    assert stored(session, bowl.slug) == before


def test_editing_an_unknown_product_is_not_found(session: Session, mara: User) -> None:
    with refused(C.PRODUCT_NOT_FOUND):
        save(session, mara, product_input("Bowl"), slug="no-such-bowl")


def test_a_member_without_a_shop_cannot_create_products(session: Session, pia: User) -> None:
    with refused(C.NO_SHOP):
        save(session, pia, product_input("Bowl"))

    assert session.exec(select(Product)).all() == []


# --- what a valid product is -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "currency", "code"),
    [
        ("-1.00", "EUR", C.PRICE_INVALID),
        ("twelve", "EUR", C.PRICE_INVALID),
        ("", "EUR", C.PRICE_INVALID),
        ("1.234", "EUR", C.PRICE_INVALID),
        ("1.5", "JPY", C.PRICE_INVALID),
        ("1e3", "EUR", C.PRICE_INVALID),
        ("1000000.01", "EUR", C.PRICE_TOO_HIGH),
        ("100000001", "JPY", C.PRICE_TOO_HIGH),
    ],
)
def test_price_must_be_a_plain_non_negative_amount_in_the_currency(
    session: Session, mara: User, price: str, currency: str, code: C
) -> None:
    with invalid(price=code):
        save(session, mara, product_input("Bowl", price=price, currency=currency))

    assert session.exec(select(Product)).all() == []


@pytest.mark.parametrize(
    ("price", "currency", "minor"),
    [
        ("12.5", "EUR", 1250),
        ("€1,000.00", "EUR", 100000),
        ("1200", "JPY", 1200),
        ("0", "EUR", 0),
        ("1000000.00", "EUR", 100_000_000),
    ],
)
def test_valid_prices_are_stored_in_minor_units(
    session: Session, mara: User, price: str, currency: str, minor: int
) -> None:
    product = save(session, mara, product_input("Bowl", price=price, currency=currency))

    assert (product.price_minor, product.min_price_minor, product.currency) == (minor, minor, currency)


@pytest.mark.parametrize("compare_at", ["40.00", "39.99", "0", "abc", "40.001", "1000000.01"])
def test_compare_at_price_must_exceed_the_price(session: Session, mara: User, compare_at: str) -> None:
    with invalid(compare_at=C.COMPARE_AT_INVALID):
        save(session, mara, product_input("Bowl", price="40.00", compare_at_text=compare_at))


def test_compare_at_price_above_the_price_is_kept(session: Session, mara: User) -> None:
    product = save(session, mara, product_input("Bowl", price="40.00", compare_at_text="40.01"))

    assert product.compare_at_minor == 4001


@pytest.mark.parametrize("stock", [-1, "-3", "many", "1.5", 1_000_001])
def test_stock_must_be_a_whole_number_within_bounds(session: Session, mara: User, stock: int | str) -> None:
    with invalid(variants__0__stock=C.STOCK_INVALID):
        save(session, mara, product_input("Bowl", variants=[variant_input("BOWL", stock=stock)]))


@pytest.mark.parametrize("stock", [0, "", " 7 ", 1_000_000])
def test_stock_accepts_zero_blank_and_the_maximum(session: Session, mara: User, stock: int | str) -> None:
    product = save(session, mara, product_input("Bowl", variants=[variant_input("BOWL", stock=stock)]))

    assert product.total_stock == (int(str(stock).strip() or "0"))


@pytest.mark.parametrize("override", ["-2.00", "cheap", "2.001", "1000000.01"])
def test_variant_price_override_is_validated_like_a_price(
    session: Session, mara: User, override: str
) -> None:
    with invalid(variants__1__price=C.PRICE_INVALID):
        save(
            session,
            mara,
            product_input("Bowl", variants=[variant_input("A"), variant_input("B", price=override)]),
        )


def test_every_problem_is_reported_at_once(session: Session, mara: User) -> None:
    data = ProductInput(
        title=" ",
        description="d" * 5001,
        category="weapons",
        currency="XXX",
        price_text="-1",
        status="secret",
        variants=(variant_input("", stock=-1),),
    )

    with invalid(
        title=C.TITLE_REQUIRED,
        description=C.DESCRIPTION_TOO_LONG,
        category=C.CATEGORY_INVALID,
        currency=C.CURRENCY_INVALID,
        price=C.PRICE_INVALID,
        status=C.STATUS_INVALID,
        variants__0__sku=C.SKU_REQUIRED,
        variants__0__stock=C.STOCK_INVALID,
    ):
        save(session, mara, data)


def test_title_is_bounded_and_a_product_needs_between_one_and_thirty_variants(
    session: Session, mara: User
) -> None:
    with invalid(title=C.TITLE_TOO_LONG, variants=C.VARIANT_REQUIRED):
        save(session, mara, product_input("t" * 121, variants=[]))
    with invalid(variants=C.TOO_MANY_VARIANTS):
        save(session, mara, product_input("Bowl", variants=[f"SKU-{i}" for i in range(31)]))


# --- variants -----------------------------------------------------------------------------------


def test_sku_is_required_on_every_row(session: Session, mara: User) -> None:
    with invalid(variants__1__sku=C.SKU_REQUIRED):
        save(session, mara, product_input("Bowl", variants=[variant_input("BOWL-S"), variant_input("  ")]))


def test_sku_is_unique_within_the_form_whatever_the_case(session: Session, mara: User) -> None:
    with invalid(variants__1__sku=C.SKU_TAKEN):
        save(
            session, mara, product_input("Bowl", variants=[variant_input("bowl-s"), variant_input("BOWL-S ")])
        )


def test_sku_is_unique_across_the_shop_but_not_across_shops(session: Session, mara: User, olek: User) -> None:
    make_product(session, mara, "Bowl", variants=["BOWL-S"])

    with invalid(variants__0__sku=C.SKU_TAKEN):
        save(session, mara, product_input("Other bowl", variants=[variant_input("bowl-s")]))
    theirs = save(session, olek, product_input("Olek bowl", variants=[variant_input("BOWL-S")]))

    assert [v.sku for v in variants_of(session, theirs)] == ["BOWL-S"]


def test_skus_are_stored_trimmed_and_upper_case(session: Session, mara: User) -> None:
    bowl = make_product(
        session, mara, "Bowl", variants=[variant_input(" bowl-s ", size=" S ", colour="Sand")]
    )

    [variant] = variants_of(session, bowl)
    assert (variant.sku, variant.size, variant.colour, variant.shop_id) == (
        "BOWL-S",
        "S",
        "Sand",
        bowl.shop_id,
    )


def test_price_override_sets_the_variant_price_and_the_rollup_is_the_cheapest(
    session: Session, mara: User
) -> None:
    shirt = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        variants=[
            variant_input("S", stock=2),
            variant_input("XL", stock=3, price="44.00"),
            variant_input("XS", stock=0, price="35.50"),
        ],
    )

    prices = [products.variant_price(shirt, v) for v in variants_of(session, shirt)]
    assert prices == [4000, 4400, 3550]
    assert (shirt.min_price_minor, shirt.total_stock) == (3550, 5)


def test_rollups_follow_every_edit_of_prices_stock_and_rows(session: Session, mara: User) -> None:
    shirt = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        variants=[variant_input("S", stock=2), variant_input("M", stock=3, price="30.00")],
    )
    small, medium = variants_of(session, shirt)

    # M goes, S gets more stock, L arrives with its own price; the product price rises.
    data = product_input(
        "Shirt",
        price="45.00",
        variants=[
            variant_input("S", stock=6, variant_id=small.id),
            variant_input("L", stock=1, price="50.00"),
        ],
    )
    save(session, mara, data, slug=shirt.slug)

    product, variants = stored(session, shirt.slug)
    assert [(v["sku"], v["stock"], v["price_override_minor"], v["position"]) for v in variants] == [
        ("S", 6, None, 0),
        ("L", 1, 5000, 1),
    ]
    assert variants[0]["id"] == small.id
    assert "M" not in {v["sku"] for v in variants} and medium.sku == "M"
    assert (product["price_minor"], product["min_price_minor"], product["total_stock"]) == (4500, 4500, 7)


def test_clearing_an_override_falls_back_to_the_product_price(session: Session, mara: User) -> None:
    shirt = make_product(session, mara, "Shirt", price="40.00", variants=[variant_input("S", price="10.00")])
    [small] = variants_of(session, shirt)

    save(
        session,
        mara,
        product_input("Shirt", price="40.00", variants=[variant_input("S", variant_id=small.id)]),
        slug=shirt.slug,
    )

    product, [variant] = stored(session, shirt.slug)
    assert (variant["price_override_minor"], product["min_price_minor"]) == (None, 4000)


def test_a_removed_rows_sku_can_be_used_by_a_new_row_in_the_same_save(session: Session, mara: User) -> None:
    shirt = make_product(session, mara, "Shirt", variants=[variant_input("SHIRT-S", stock=1), "SHIRT-M"])
    small, medium = variants_of(session, shirt)

    data = product_input(
        "Shirt", variants=[variant_input("SHIRT-M", variant_id=medium.id), variant_input("SHIRT-S", stock=9)]
    )
    save(session, mara, data, slug=shirt.slug)

    _, variants = stored(session, shirt.slug)
    assert [(v["sku"], v["stock"]) for v in variants] == [("SHIRT-M", 10), ("SHIRT-S", 9)]
    assert variants[1]["id"] != small.id


def test_renaming_a_kept_rows_sku_is_allowed(session: Session, mara: User) -> None:
    shirt = make_product(session, mara, "Shirt", variants=["SHIRT-S"])
    [small] = variants_of(session, shirt)

    save(
        session,
        mara,
        product_input("Shirt", variants=[variant_input("SHIRT-SMALL", variant_id=small.id)]),
        slug=shirt.slug,
    )

    assert [v["sku"] for v in stored(session, shirt.slug)[1]] == ["SHIRT-SMALL"]


def test_a_variant_of_another_product_cannot_be_taken_over(session: Session, mara: User, olek: User) -> None:
    theirs = make_product(session, olek, "Olek mug", variants=["MUG-1"])
    mine = make_product(session, mara, "Bowl", variants=["BOWL-1"])
    [their_variant] = variants_of(session, theirs)
    before = stored(session, theirs.slug)

    with invalid(variants__0__sku=C.VARIANT_NOT_FOUND):
        save(
            session,
            mara,
            product_input("Bowl", variants=[variant_input("MUG-1", variant_id=their_variant.id)]),
            slug=mine.slug,
        )
    with invalid(variants__0__sku=C.VARIANT_NOT_FOUND):
        save(
            session, mara, product_input("New", variants=[variant_input("NEW", variant_id=their_variant.id)])
        )

    assert stored(session, theirs.slug) == before


def test_a_refused_save_leaves_the_product_and_its_variants_unchanged(session: Session, mara: User) -> None:
    shirt = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        variants=[variant_input("S", stock=2), variant_input("M", stock=3, price="30.00")],
    )
    small, _medium = variants_of(session, shirt)
    before = stored(session, shirt.slug)

    # A good title and price, a removed row, a new row: and one bad stock, so none of it happens.
    data = product_input(
        "Shirt, renamed",
        price="99.00",
        variants=[variant_input("S", stock=5, variant_id=small.id), variant_input("L", stock="lots")],
    )
    with invalid(variants__1__stock=C.STOCK_INVALID):
        save(session, mara, data, slug=shirt.slug)

    assert stored(session, shirt.slug) == before


# --- slugs, tags, and what shoppers see ----------------------------------------------------------


def test_slugs_are_ascii_and_unique(session: Session, mara: User) -> None:
    first = make_product(session, mara, "Café Crème Mug!", variants=["MUG-A"])
    second = make_product(session, mara, "Cafe creme mug", variants=["MUG-B"])

    assert first.slug == "cafe-creme-mug"
    assert second.slug.startswith("cafe-creme-mug-") and second.slug != first.slug
    assert products.slugify("!!!") == "product"


def test_tags_are_lowercase_words_without_hashes_or_repeats(session: Session, mara: User) -> None:
    bowl = make_product(session, mara, "Bowl", tags="#Stoneware, handmade  #stoneware BLUE")

    assert bowl.tags == "stoneware handmade blue"


def test_drafts_are_shown_to_their_owner_only(session: Session, mara: User, olek: User) -> None:
    draft = make_product(session, mara, "Bowl", status="draft")

    assert products.product_detail(session=session, viewer=mara, slug=draft.slug).is_active is False
    for viewer in (olek, None):
        with refused(C.PRODUCT_NOT_FOUND):
            products.product_detail(session=session, viewer=viewer, slug=draft.slug)


def test_product_sheet_shows_live_stock_and_variant_prices(session: Session, mara: User) -> None:
    shirt = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        compare_at_text="50",
        variants=[
            variant_input("S", size="S", colour="Sand", stock=0),
            variant_input("M", size="M", stock=2),
            variant_input("L", stock=9, price="42.00"),
        ],
    )

    sheet = products.product_detail(session=session, viewer=None, slug=shirt.slug)

    assert (sheet.price_text, sheet.compare_at_text, sheet.sold_out) == ("€40.00", "€50.00", False)
    assert [(v.label, v.price_text, v.sold_out, v.stock_note) for v in sheet.variants] == [
        ("S / Sand", "€40.00", True, "Sold out"),
        ("M", "€40.00", False, "Only 2 left"),
        ("One size", "€42.00", False, "In stock"),
    ]


def test_similar_products_are_active_in_stock_and_in_the_same_category(session: Session, mara: User) -> None:
    shirt = make_product(
        session, mara, "Shirt", category="apparel", variants=[variant_input("SHIRT", stock=0)]
    )
    make_product(session, mara, "Scarf", category="apparel")
    make_product(session, mara, "Sold out tee", category="apparel", variants=[variant_input("TEE", stock=0)])
    make_product(session, mara, "Draft hat", category="apparel", status="draft")
    make_product(session, mara, "Bowl", category="ceramics")

    sheet = products.product_detail(session=session, viewer=None, slug=shirt.slug)

    assert sheet.sold_out
    assert [card.title for card in sheet.similar] == ["Scarf"]


def test_the_form_shows_saved_amounts_as_the_seller_typed_them(session: Session, mara: User) -> None:
    mug = make_product(
        session,
        mara,
        "Mug",
        price="12.5",
        compare_at_text="20",
        currency="EUR",
        variants=[variant_input("MUG", price="13"), variant_input("MUG-2")],
    )
    yen = make_product(session, mara, "Teapot", price="1200", currency="JPY", variants=["POT"])

    form = products.product_form(session=session, actor=mara, slug=mug.slug)
    yen_form = products.product_form(session=session, actor=mara, slug=yen.slug)

    assert (form.price_text, form.compare_at_text, [v.price_text for v in form.variants]) == (
        "12.50",
        "20.00",
        ["13.00", ""],
    )
    assert yen_form.price_text == "1200"


def test_seller_list_shows_every_status_with_stock_and_variant_counts(
    session: Session, mara: User, olek: User
) -> None:
    make_product(session, mara, "Bowl", variants=[variant_input("B1", stock=2), variant_input("B2", stock=3)])
    make_product(session, mara, "Cup", status="draft", variants=["C1"])
    make_product(session, olek, "Not mine", variants=["X"])

    rows = products.seller_products(session=session, actor=mara)

    assert [(r.title, r.status, r.total_stock, r.variant_count) for r in rows] == [
        ("Cup", "draft", 10, 1),
        ("Bowl", "active", 5, 2),
    ]


def test_stock_note_and_label_wording() -> None:
    assert [products.stock_note(n) for n in (-1, 0, 1, 3, 4)] == [
        "Sold out",
        "Sold out",
        "Only 1 left",
        "Only 3 left",
        "In stock",
    ]
    assert products.variant_label(ProductVariant(product_id=1, shop_id=1, sku="X", colour="Blue")) == "Blue"


def test_a_shop_opened_later_keeps_its_own_products_apart(session: Session) -> None:
    rosa = make_user(session, "rosa")
    make_shop(session, rosa, "rosa_shop")
    make_product(session, rosa, "Vase")

    assert [r.title for r in products.seller_products(session=session, actor=rosa)] == ["Vase"]


def test_swapping_skus_between_kept_rows_is_refused_cleanly(session: Session, mara: User) -> None:
    shirt = make_product(session, mara, "Shirt", variants=["SHIRT-S", "SHIRT-M"])
    small, medium = variants_of(session, shirt)
    before = stored(session, shirt.slug)

    swapped = product_input(
        "Shirt",
        variants=[
            variant_input("SHIRT-M", variant_id=small.id),
            variant_input("SHIRT-S", variant_id=medium.id),
        ],
    )
    with invalid(variants__0__sku=C.SKU_TAKEN):
        save(session, mara, swapped, slug=shirt.slug)

    assert stored(session, shirt.slug) == before


# --- photos ------------------------------------------------------------------------------------


def stored_files(uploads_dir: Path) -> list[Path]:
    return sorted(p for p in uploads_dir.rglob("*") if p.is_file()) if uploads_dir.exists() else []


def photo_files(session: Session, product: Product) -> list[str]:
    return list(
        session.exec(
            select(ProductPhoto.file)
            .where(ProductPhoto.product_id == product.id)
            .order_by(ProductPhoto.position)
        ).all()
    )


def test_only_the_owner_adds_or_removes_photos(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    bowl = make_product(session, mara, "Bowl")
    products.add_product_photo(
        session=session, actor=mara, slug=bowl.slug, image=png_bytes(), uploads_dir=uploads_dir
    )
    before = stored_files(uploads_dir)

    with refused(C.NOT_YOUR_PRODUCT):
        products.add_product_photo(
            session=session, actor=olek, slug=bowl.slug, image=png_bytes(), uploads_dir=uploads_dir
        )
    with refused(C.NOT_YOUR_PRODUCT):
        products.remove_product_photo(
            session=session, actor=olek, slug=bowl.slug, position=0, uploads_dir=uploads_dir
        )
    with refused(C.NOT_SIGNED_IN):
        products.add_product_photo(
            session=session, actor=None, slug=bowl.slug, image=png_bytes(), uploads_dir=uploads_dir
        )

    assert len(photo_files(session, bowl)) == 1
    assert stored_files(uploads_dir) == before


def test_the_first_photo_is_the_cards_thumbnail_and_removal_renumbers(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    bowl = make_product(session, mara, "Bowl")
    for color in ((255, 0, 0), (0, 255, 0), (0, 0, 255)):
        products.add_product_photo(
            session=session, actor=mara, slug=bowl.slug, image=png_bytes(color=color), uploads_dir=uploads_dir
        )
    _first, second, third = photo_files(session, bowl)

    products.remove_product_photo(
        session=session, actor=mara, slug=bowl.slug, position=0, uploads_dir=uploads_dir
    )
    products.remove_product_photo(
        session=session, actor=mara, slug=bowl.slug, position=9, uploads_dir=uploads_dir
    )
    session.flush()

    photos = session.exec(
        select(ProductPhoto).where(ProductPhoto.product_id == bowl.id).order_by(ProductPhoto.id)
    ).all()
    assert [(p.file, p.position) for p in photos] == [(second, 0), (third, 1)]
    [card] = products.product_cards(session, [bowl])
    assert card.thumb_url == routes.upload_url(photos[0].thumb_file)


def test_a_product_has_at_most_eight_photos(session: Session, mara: User, uploads_dir: Path) -> None:
    bowl = make_product(session, mara, "Bowl")
    for position in range(products.PHOTOS_MAX):  # rows are enough: the count is what is checked
        session.add(
            ProductPhoto(product_id=bowl.id, position=position, file=f"p{position}.webp", thumb_file="t.webp")
        )
    session.flush()

    with refused(C.TOO_MANY_PHOTOS):
        products.add_product_photo(
            session=session, actor=mara, slug=bowl.slug, image=png_bytes(), uploads_dir=uploads_dir
        )
    assert stored_files(uploads_dir) == []
