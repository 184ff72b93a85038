"""The cart and wishlist pages driven through ShopperState: what a tap does, and what it says."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from socialshop import routes
from socialshop.models.catalog import ProductVariant
from socialshop.services.commerce import cart
from socialshop.services.commerce.cart import CartOwner
from socialshop.states.shopping import ShopperState
from tests.factories import (
    described,
    make_product,
    make_session_token,
    make_user,
    run_event,
    state_at,
    variant_input,
    variants_of,
)


async def test_the_minus_button_brings_a_line_above_the_stock_down(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as db:
        seller, shopper = make_user(db, "pat"), make_user(db, "sam")
        [variant] = variants_of(db, make_product(db, seller, "Mug", variants=[variant_input("MUG", stock=9)]))
        line = cart.add_item(session=db, owner=CartOwner.of(shopper, None), variant_id=variant.id, quantity=5)
        db.get(ProductVariant, variant.id).stock = 2  # sold elsewhere meanwhile
        token = make_session_token(db, shopper)
        db.commit()
    state = state_at(ShopperState, routes.CART, token=token)
    await run_event(state.load_cart())
    [shown] = state.cart_lines
    assert shown.problem == "Only 2 left: lower the quantity"

    events = await run_event(state.set_line_quantity(line.id, shown.quantity - 1))

    assert described(*events) == []  # no error toast
    assert [(line.quantity, line.problem) for line in state.cart_lines] == [(4, "Only 2 left: lower the quantity")]


async def test_removing_from_the_wishlist_signed_out_says_so(engine: Engine) -> None:
    state = state_at(ShopperState, routes.WISHLIST)

    events = await run_event(state.remove_from_wishlist("linen-shirt"))

    assert described(*events) == ["toast.error Log in to do that."]


async def test_an_id_too_large_for_the_database_is_answered_not_crashed_on(engine: Engine) -> None:
    # Only a hand-made websocket message sends one; SQLite cannot even bind it.
    with Session(engine) as db:
        token = make_session_token(db, make_user(db, "sam"))
        db.commit()
    state = state_at(ShopperState, routes.CART, token=token)

    events = await run_event(state.set_line_quantity(2**70, 1))

    assert described(*events) == ["toast.error That doesn't look right. Reload the page and try again."]
