"""Wishlists: saving a product for later, twice or not at all."""

from __future__ import annotations

from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.catalog import WishlistItem
from socialshop.services.catalog import wishlist
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import product_detail
from tests.factories import make_product
from tests.unit.services.catalog.refusals import refused


def saved_by(session: Session, user: User) -> list[int]:
    return list(session.exec(select(WishlistItem.product_id).where(WishlistItem.user_id == user.id)).all())


def test_saving_twice_keeps_one_item(session: Session, mara: User, pia: User) -> None:
    bowl = make_product(session, mara, "Bowl")

    wishlist.add(session=session, actor=pia, slug=bowl.slug)
    wishlist.add(session=session, actor=pia, slug=bowl.slug)

    assert saved_by(session, pia) == [bowl.id]
    assert [card.slug for card in wishlist.items(session=session, actor=pia)] == [bowl.slug]


def test_removing_twice_or_an_unknown_product_is_fine(session: Session, mara: User, pia: User) -> None:
    bowl = make_product(session, mara, "Bowl")
    cup = make_product(session, mara, "Cup")
    wishlist.add(session=session, actor=pia, slug=bowl.slug)
    wishlist.add(session=session, actor=pia, slug=cup.slug)

    wishlist.remove(session=session, actor=pia, slug=bowl.slug)
    wishlist.remove(session=session, actor=pia, slug=bowl.slug)
    wishlist.remove(session=session, actor=pia, slug="no-such-thing")

    assert saved_by(session, pia) == [cup.id]


def test_only_active_products_can_be_saved(session: Session, mara: User, pia: User) -> None:
    draft = make_product(session, mara, "Bowl", status="draft")

    with refused(C.PRODUCT_NOT_FOUND):
        wishlist.add(session=session, actor=pia, slug=draft.slug)
    assert saved_by(session, pia) == []


def test_signed_out_visitor_has_no_wishlist(session: Session, mara: User) -> None:
    bowl = make_product(session, mara, "Bowl")

    with refused(C.NOT_SIGNED_IN):
        wishlist.add(session=session, actor=None, slug=bowl.slug)
    with refused(C.NOT_SIGNED_IN):
        wishlist.remove(session=session, actor=None, slug=bowl.slug)


def test_the_sheet_knows_what_the_viewer_saved(session: Session, mara: User, pia: User) -> None:
    bowl = make_product(session, mara, "Bowl")
    wishlist.add(session=session, actor=pia, slug=bowl.slug)

    assert product_detail(session=session, viewer=pia, slug=bowl.slug).wishlisted
    assert not product_detail(session=session, viewer=mara, slug=bowl.slug).wishlisted
