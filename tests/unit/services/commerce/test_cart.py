"""Carts: what may go in, whose lines are whose, and totals that only the server prices."""

from __future__ import annotations

import inspect

import pytest
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductVariant
from socialshop.models.commerce import CartItem
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import save_product
from socialshop.services.commerce import cart
from socialshop.services.commerce.cart import MAX_QUANTITY, CartOwner
from tests.factories import make_post, make_product, product_input, variant_input, variants_of
from tests.unit.services.social.refusals import refused

GUEST = CartOwner(guest_key="guest-browser-1")


def owner_of(user: User) -> CartOwner:
    return CartOwner.of(user, None)


def only_variant(session: Session, product: Product) -> ProductVariant:
    [variant] = variants_of(session, product)
    return variant


def shirt(
    session: Session, seller: User, *, price: str = "40.00", stock: int = 10, **fields
) -> ProductVariant:
    product = make_product(
        session, seller, "Shirt", price=price, variants=[variant_input("SHIRT", stock=stock)], **fields
    )
    return only_variant(session, product)


def reprice(session: Session, seller: User, variant: ProductVariant, price: str) -> None:
    """The seller changes the product's price in the editor."""
    product = session.get(Product, variant.product_id)
    data = product_input(
        product.title,
        price=price,
        currency=product.currency,
        variants=[variant_input(variant.sku, stock=variant.stock, variant_id=variant.id)],
    )
    save_product(session=session, actor=seller, data=data, slug=product.slug)


def set_stock(session: Session, variant: ProductVariant, stock: int) -> None:
    """Stock moves under the shopper's feet (another buyer, the seller's count)."""
    variant.stock = stock
    session.add(variant)
    session.flush()


def lines(session: Session, owner: CartOwner) -> list[tuple[int, int]]:
    return [
        (item.variant_id, item.quantity)
        for item in session.exec(select(CartItem).where(owner.where()).order_by(CartItem.id)).all()
    ]


# --- prices come from the server ----------------------------------------------------------------


def test_adding_to_the_cart_takes_no_price_from_the_browser() -> None:
    parameters = set(inspect.signature(cart.add_item).parameters)

    assert parameters == {"session", "owner", "variant_id", "quantity", "from_post_id"}
    with pytest.raises(TypeError):
        cart.add_item(session=None, owner=GUEST, variant_id=1, quantity=1, unit_price_minor=1)  # type: ignore[call-arg]


def test_totals_are_computed_from_current_server_prices(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, price="40.00")
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    assert line.seen_unit_price_minor == 4000
    view = cart.view(session=session, owner=owner_of(pia))
    assert (view.totals, view.count, view.has_problems) == (["€80.00"], 2, False)
    assert (view.lines[0].unit_price_text, view.lines[0].line_total_text) == ("€40.00", "€80.00")


def test_a_variant_override_is_the_price_charged(session: Session, mara: User, pia: User) -> None:
    product = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        variants=[variant_input("S"), variant_input("XL", price="44.00")],
    )
    _small, large = variants_of(session, product)

    cart.add_item(session=session, owner=owner_of(pia), variant_id=large.id, quantity=1)

    assert cart.view(session=session, owner=owner_of(pia)).totals == ["€44.00"]


def test_totals_follow_a_price_change_made_after_adding_and_flag_it_until_acknowledged(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, price="40.00")
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    reprice(session, mara, variant, "45.00")

    view = cart.view(session=session, owner=owner_of(pia))
    assert view.totals == ["€90.00"]
    assert (view.lines[0].unit_price_text, view.lines[0].problem) == ("€45.00", "Price changed (was €40.00)")
    assert view.has_problems

    cart.acknowledge_prices(session=session, owner=owner_of(pia))

    view = cart.view(session=session, owner=owner_of(pia))
    assert (view.totals, view.lines[0].problem, view.has_problems) == (["€90.00"], "", False)


def test_a_switch_of_currency_with_the_same_number_is_flagged_as_a_price_change(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, price="12.50")  # euros: 1250 minor units
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)
    product = session.get(Product, variant.product_id)
    save_product(
        session=session, actor=mara, slug=product.slug,
        data=product_input(product.title, price="1250", currency="JPY",
                           variants=[variant_input(variant.sku, stock=variant.stock, variant_id=variant.id)]),
    )

    view = cart.view(session=session, owner=owner_of(pia))
    assert (view.lines[0].unit_price_text, view.lines[0].problem) == ("¥1,250", "Price changed (was €12.50)")
    cart.acknowledge_prices(session=session, owner=owner_of(pia))
    assert cart.view(session=session, owner=owner_of(pia)).lines[0].problem == ""


def test_a_line_from_before_currencies_were_recorded_compares_the_amount_only(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, price="12.50")
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)
    line.seen_currency = ""  # what migration 0005 gives existing lines
    session.add(line)
    session.flush()

    assert cart.view(session=session, owner=owner_of(pia)).lines[0].problem == ""
    reprice(session, mara, variant, "13.00")
    assert cart.view(session=session, owner=owner_of(pia)).lines[0].problem == "Price changed (was €12.50)"


def test_acknowledging_prices_touches_only_the_owners_cart(
    session: Session, mara: User, pia: User, kai: User
) -> None:
    variant = shirt(session, mara, price="40.00")
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=1)
    cart.add_item(session=session, owner=owner_of(kai), variant_id=variant.id, quantity=1)
    reprice(session, mara, variant, "30.00")

    cart.acknowledge_prices(session=session, owner=owner_of(pia))

    assert cart.view(session=session, owner=owner_of(kai)).lines[0].problem == "Price changed (was €40.00)"


def test_each_currency_gets_its_own_total(session: Session, mara: User, olek: User, pia: User) -> None:
    euros = shirt(session, mara, price="40.00")
    yen = only_variant(
        session, make_product(session, olek, "Teapot", price="1200", currency="JPY", variants=["POT"])
    )
    mug = only_variant(session, make_product(session, mara, "Mug", price="12.50", variants=["MUG"]))

    for variant, quantity in ((euros, 1), (yen, 3), (mug, 2)):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=quantity)

    assert cart.view(session=session, owner=owner_of(pia)).totals == ["€65.00", "¥3,600"]


# --- what may go in -----------------------------------------------------------------------------


def test_a_sold_out_variant_cannot_be_added(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, stock=0)

    with refused(C.OUT_OF_STOCK):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)
    assert lines(session, owner_of(pia)) == []


def test_quantity_cannot_exceed_stock_even_across_two_adds(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, stock=5)

    with refused(C.NOT_ENOUGH_STOCK):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=6)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=3)
    with refused(C.NOT_ENOUGH_STOCK):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=3)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    assert lines(session, owner_of(pia)) == [(variant.id, 5)]


def test_quantity_cannot_exceed_the_maximum_per_line(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, stock=100)

    with refused(C.QUANTITY_INVALID):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=MAX_QUANTITY + 1)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=MAX_QUANTITY)
    with refused(C.QUANTITY_INVALID):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=1)

    assert lines(session, owner_of(pia)) == [(variant.id, MAX_QUANTITY)]


@pytest.mark.parametrize("quantity", [0, -1])
def test_adding_nothing_or_less_is_refused(session: Session, mara: User, pia: User, quantity: int) -> None:
    variant = shirt(session, mara)

    with refused(C.QUANTITY_INVALID):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=quantity)


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_only_active_products_can_be_added(session: Session, mara: User, pia: User, status: str) -> None:
    variant = shirt(session, mara, status=status)

    with refused(C.PRODUCT_UNAVAILABLE):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)


def test_an_unknown_variant_cannot_be_added(session: Session, pia: User) -> None:
    with refused(C.VARIANT_NOT_FOUND):
        cart.add_item(session=session, owner=owner_of(pia), variant_id=999)


def test_a_browser_without_account_or_guest_key_has_no_cart(session: Session, mara: User) -> None:
    variant = shirt(session, mara)
    nobody = CartOwner.of(None, "")

    with refused(C.NOT_SIGNED_IN):
        cart.add_item(session=session, owner=nobody, variant_id=variant.id)
    assert cart.view(session=session, owner=nobody).lines == []
    assert cart.item_count(session=session, owner=nobody) == 0


def test_the_post_a_line_came_from_is_remembered(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara)
    post = make_post(session, pia, "new shirt")

    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, from_post_id=post.id)

    assert line.from_post_id == post.id


def test_a_post_that_is_gone_does_not_stop_the_purchase(session: Session, mara: User, pia: User) -> None:
    # The sheet was opened from a post deleted since (or a hand-made one): the line just has no post.
    variant = shirt(session, mara)

    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, from_post_id=999_999)
    session.flush()

    assert (line.quantity, line.from_post_id) == (1, None)


# --- changing lines ----------------------------------------------------------------------------


def test_setting_quantity_to_zero_removes_the_line(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara)
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=0)
    session.flush()

    assert lines(session, owner_of(pia)) == []


def test_set_quantity_respects_stock_and_the_maximum(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, stock=30)
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=7)
    with refused(C.QUANTITY_INVALID):
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=MAX_QUANTITY + 1)
    with refused(C.QUANTITY_INVALID):
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=-2)
    set_stock(session, variant, 4)
    with refused(C.NOT_ENOUGH_STOCK):
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=8)
    session.flush()

    assert lines(session, owner_of(pia)) == [(variant.id, 7)]
    assert cart.item_count(session=session, owner=owner_of(pia)) == 7


def test_another_owners_line_cannot_be_changed_or_removed(
    session: Session, mara: User, pia: User, kai: User
) -> None:
    variant = shirt(session, mara)
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)

    for intruder in (owner_of(kai), GUEST):
        with refused(C.CART_LINE_NOT_FOUND):
            cart.set_quantity(session=session, owner=intruder, line_id=line.id, quantity=1)
        with refused(C.CART_LINE_NOT_FOUND):
            cart.set_quantity(session=session, owner=intruder, line_id=line.id, quantity=0)
        with refused(C.CART_LINE_NOT_FOUND):
            cart.remove_item(session=session, owner=intruder, line_id=line.id)
    session.flush()

    assert lines(session, owner_of(pia)) == [(variant.id, 2)]


def test_removing_a_line(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara)
    mug = only_variant(session, make_product(session, mara, "Mug", variants=["MUG"]))
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=mug.id)

    cart.remove_item(session=session, owner=owner_of(pia), line_id=line.id)
    session.flush()

    assert lines(session, owner_of(pia)) == [(mug.id, 1)]


# --- what the cart shows when things change -------------------------------------------------------


def test_an_archived_product_is_flagged_and_left_out_of_the_totals(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, price="40.00")
    mug = only_variant(session, make_product(session, mara, "Mug", price="12.50", variants=["MUG"]))
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=mug.id, quantity=2)

    product = session.get(Product, variant.product_id)
    product.status = "archived"
    session.add(product)
    session.flush()

    view = cart.view(session=session, owner=owner_of(pia))
    assert [(line.title, line.available, line.problem) for line in view.lines] == [
        ("Shirt", False, "No longer available"),
        ("Mug", True, ""),
    ]
    assert (view.totals, view.has_problems) == (["€25.00"], True)
    with refused(C.PRODUCT_UNAVAILABLE):
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=view.lines[0].id, quantity=1)


def test_a_line_sold_out_since_adding_is_flagged_and_left_out_of_the_totals(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, price="40.00")
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id)

    set_stock(session, variant, 0)

    view = cart.view(session=session, owner=owner_of(pia))
    assert (view.lines[0].problem, view.lines[0].available, view.totals) == ("Sold out", False, [])


def test_a_line_above_the_remaining_stock_asks_for_a_lower_quantity(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, stock=10)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=5)

    set_stock(session, variant, 2)

    line = cart.view(session=session, owner=owner_of(pia)).lines[0]
    assert (line.problem, line.stock) == ("Only 2 left: lower the quantity", 2)


def test_a_line_above_the_remaining_stock_can_be_lowered_step_by_step(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, stock=10)
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=5)
    set_stock(session, variant, 2)

    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=4)  # the "−" button
    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=3)
    with refused(C.NOT_ENOUGH_STOCK):  # more is still checked
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=4)
    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=2)
    session.flush()

    assert lines(session, owner_of(pia)) == [(variant.id, 2)]
    assert cart.view(session=session, owner=owner_of(pia)).lines[0].problem == ""


def test_a_line_no_longer_available_can_still_be_lowered_but_not_raised(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, stock=10)
    line = cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=3)
    product = session.get(Product, variant.product_id)
    product.status = "archived"
    session.add(product)
    session.flush()

    cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=2)
    with refused(C.PRODUCT_UNAVAILABLE):
        cart.set_quantity(session=session, owner=owner_of(pia), line_id=line.id, quantity=3)
    session.flush()

    assert lines(session, owner_of(pia)) == [(variant.id, 2)]


# --- a guest's cart at login --------------------------------------------------------------------


def test_a_guest_cart_joins_the_account_at_login(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara)
    mug = only_variant(session, make_product(session, mara, "Mug", variants=[variant_input("MUG", stock=3)]))
    cart.add_item(session=session, owner=owner_of(pia), variant_id=variant.id, quantity=2)
    cart.add_item(session=session, owner=GUEST, variant_id=variant.id, quantity=4)
    cart.add_item(session=session, owner=GUEST, variant_id=mug.id, quantity=1)

    cart.merge_guest_cart(session=session, guest_key=GUEST.guest_key, user_id=pia.id)

    assert lines(session, owner_of(pia)) == [(variant.id, 6), (mug.id, 1)]
    assert lines(session, GUEST) == []


def test_merged_quantities_are_capped_by_stock_and_the_maximum(
    session: Session, mara: User, pia: User
) -> None:
    scarce = shirt(session, mara, stock=5)
    plenty = only_variant(
        session, make_product(session, mara, "Mug", variants=[variant_input("MUG", stock=500)])
    )
    cart.add_item(session=session, owner=owner_of(pia), variant_id=scarce.id, quantity=3)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=plenty.id, quantity=15)
    cart.add_item(session=session, owner=GUEST, variant_id=scarce.id, quantity=4)
    cart.add_item(session=session, owner=GUEST, variant_id=plenty.id, quantity=15)

    cart.merge_guest_cart(session=session, guest_key=GUEST.guest_key, user_id=pia.id)

    assert lines(session, owner_of(pia)) == [(scarce.id, 5), (plenty.id, MAX_QUANTITY)]


def test_a_guest_line_over_the_remaining_stock_is_capped_when_it_moves(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara, stock=6)
    cart.add_item(session=session, owner=GUEST, variant_id=variant.id, quantity=6)
    set_stock(session, variant, 2)

    cart.merge_guest_cart(session=session, guest_key=GUEST.guest_key, user_id=pia.id)

    assert lines(session, owner_of(pia)) == [(variant.id, 2)]


def test_a_guest_line_sold_out_since_moves_at_quantity_one_flagged(session: Session, mara: User, pia: User) -> None:
    variant = shirt(session, mara, stock=9)
    other = only_variant(session, make_product(session, mara, "Mug", variants=[variant_input("MUG", stock=9)]))
    cart.add_item(session=session, owner=GUEST, variant_id=variant.id, quantity=7)
    cart.add_item(session=session, owner=owner_of(pia), variant_id=other.id, quantity=5)
    cart.add_item(session=session, owner=GUEST, variant_id=other.id, quantity=2)
    set_stock(session, variant, 0)
    set_stock(session, other, 0)

    cart.merge_guest_cart(session=session, guest_key=GUEST.guest_key, user_id=pia.id)

    assert sorted(lines(session, owner_of(pia))) == sorted([(other.id, 1), (variant.id, 1)])
    assert {line.problem for line in cart.view(session=session, owner=owner_of(pia)).lines} == {"Sold out"}


def test_merging_without_a_guest_key_or_another_guests_key_changes_nothing(
    session: Session, mara: User, pia: User
) -> None:
    variant = shirt(session, mara)
    cart.add_item(session=session, owner=GUEST, variant_id=variant.id, quantity=1)

    cart.merge_guest_cart(session=session, guest_key=None, user_id=pia.id)
    cart.merge_guest_cart(session=session, guest_key="another-browser", user_id=pia.id)

    assert lines(session, owner_of(pia)) == []
    assert lines(session, GUEST) == [(variant.id, 1)]


def test_guest_carts_are_kept_apart(session: Session, mara: User) -> None:
    variant = shirt(session, mara)
    other_guest = CartOwner(guest_key="guest-browser-2")
    cart.add_item(session=session, owner=GUEST, variant_id=variant.id, quantity=2)
    cart.add_item(session=session, owner=other_guest, variant_id=variant.id, quantity=1)

    cart.clear_guest(session=session, guest_key=GUEST.guest_key)

    assert (
        cart.item_count(session=session, owner=GUEST),
        cart.item_count(session=session, owner=other_guest),
    ) == (0, 1)


def test_only_a_key_shaped_like_ours_names_a_guest_cart() -> None:
    # The key comes from a cookie the browser can change: too long for the column, or odd, is none.
    assert CartOwner.of(None, "Xy3_-" * 6).guest_key == "Xy3_-" * 6
    for forged in ("", None, "short", "x" * 65, "has spaces in it ok", "semi;colon;cookie;value"):
        assert CartOwner.of(None, forged).guest_key is None
    assert not cart.is_guest_key("a" * 65)
