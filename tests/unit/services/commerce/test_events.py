"""The funnel's raw events: one batch, one row per event, with its kind."""

from __future__ import annotations

from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.commerce import CommerceEvent, CommerceEventKind
from socialshop.services.commerce import events
from socialshop.services.commerce.events import EventInput
from tests.factories import make_post, make_product, variants_of


def stored_events(session: Session) -> list[CommerceEvent]:
    return list(session.exec(select(CommerceEvent).order_by(CommerceEvent.id)).all())


def test_a_batch_is_stored_row_by_row_with_its_kinds(session: Session, mara: User, pia: User) -> None:
    shirt = make_product(session, mara, "Shirt")
    [variant] = variants_of(session, shirt)
    post = make_post(session, mara, "new shirt")
    batch = [
        EventInput(CommerceEventKind.TAG_IMPRESSION, shirt.id, post_id=post.id),
        EventInput(CommerceEventKind.SHEET_OPEN, shirt.id, post_id=post.id),
        EventInput(CommerceEventKind.VARIANT_PICK, shirt.id, post_id=post.id, variant_id=variant.id),
        EventInput(CommerceEventKind.ADD_TO_CART, shirt.id, variant_id=variant.id),
    ]

    assert events.record(session=session, user_id=pia.id, visitor="browser-1", events=batch) == 4

    rows = stored_events(session)
    assert [(e.kind, e.product_id, e.post_id, e.variant_id) for e in rows] == [
        ("tag_impression", shirt.id, post.id, None),
        ("sheet_open", shirt.id, post.id, None),
        ("variant_pick", shirt.id, post.id, variant.id),
        ("add_to_cart", shirt.id, None, variant.id),
    ]
    assert {(e.user_id, e.visitor) for e in rows} == {(pia.id, "browser-1")}
    assert len({e.created_at for e in rows}) == 1


def test_a_guests_events_keep_a_bounded_visitor_id(session: Session, mara: User) -> None:
    shirt = make_product(session, mara, "Shirt")

    events.record(
        session=session,
        user_id=None,
        visitor="v" * 100,
        events=[EventInput(CommerceEventKind.PRODUCT_VIEW, shirt.id)],
    )

    [row] = stored_events(session)
    assert (row.user_id, row.visitor, row.kind) == (None, "v" * 64, "product_view")


def test_an_empty_batch_writes_nothing(session: Session) -> None:
    assert events.record(session=session, user_id=None, visitor="", events=[]) == 0
    assert stored_events(session) == []
