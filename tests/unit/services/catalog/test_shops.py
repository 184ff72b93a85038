"""Opening and editing a shop, following it, and what its storefront counts."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Shop
from socialshop.services.catalog import shops
from socialshop.services.catalog.errors import CatalogErrorCode as C
from tests.factories import make_product, make_user
from tests.unit.services.catalog.refusals import invalid, refused


def test_opening_a_shop_makes_the_member_a_seller(session: Session, pia: User) -> None:
    assert not pia.is_seller

    shop = shops.open_shop(session=session, actor=pia, handle=" @Pia_Ceramics ", name="  Pia Ceramics ")

    assert (shop.handle, shop.name, shop.owner_id) == ("pia_ceramics", "Pia Ceramics", pia.id)
    session.expire_all()
    assert session.get(User, pia.id).is_seller
    assert shops.shop_of(session, pia).id == shop.id


def test_a_member_opens_only_one_shop(session: Session, mara: User) -> None:
    with refused(C.ALREADY_HAS_SHOP):
        shops.open_shop(session=session, actor=mara, handle="mara_second", name="Second")


def test_a_handle_taken_by_a_racing_shop_is_reported_as_taken(
    session: Session, mara: User, pia: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both passed the checks a moment ago; the other shop's insert landed first.
    session.commit()  # mara_studio is there for good (a refusal rolls this unit of work back)
    monkeypatch.setattr(shops, "_validated", lambda *_, **__: None)

    with invalid(handle=C.HANDLE_TAKEN):
        shops.open_shop(session=session, actor=pia, handle="mara_studio", name="Mine too")
    session.rollback()
    monkeypatch.setattr(shops, "shop_of", lambda *_: None)  # her second tab opened one meanwhile
    with refused(C.ALREADY_HAS_SHOP):
        shops.open_shop(session=session, actor=mara, handle="mara_again", name="Again")


def test_signed_out_visitor_cannot_open_a_shop(session: Session) -> None:
    with refused(C.NOT_SIGNED_IN):
        shops.open_shop(session=session, actor=None, handle="ghost_shop", name="Ghost")


@pytest.mark.parametrize("handle", ["ab", "x" * 31, "pia ceramics", "pia-ceramics", "pïa", ""])
def test_shop_handle_must_be_3_to_30_letters_digits_or_underscores(
    session: Session, pia: User, handle: str
) -> None:
    with invalid(handle=C.HANDLE_INVALID):
        shops.open_shop(session=session, actor=pia, handle=handle, name="Pia")

    assert shops.shop_of(session, pia) is None
    assert not pia.is_seller


def test_shop_handle_is_unique_whatever_the_case(session: Session, mara: User, pia: User) -> None:
    with invalid(handle=C.HANDLE_TAKEN):
        shops.open_shop(session=session, actor=pia, handle="MARA_Studio", name="Copycat")

    assert session.exec(select(Shop).where(Shop.owner_id == pia.id)).first() is None


def test_shop_name_is_required_and_bounded(session: Session, pia: User) -> None:
    with invalid(name=C.SHOP_NAME_REQUIRED):
        shops.open_shop(session=session, actor=pia, handle="pia_shop", name=" \x00 ")
    with invalid(name=C.SHOP_NAME_TOO_LONG, description=C.SHOP_DESCRIPTION_TOO_LONG):
        shops.open_shop(session=session, actor=pia, handle="pia_shop", name="n" * 61, description="d" * 1001)


def test_owner_edits_name_and_description_but_not_the_handle(session: Session, mara: User) -> None:
    shop = shops.update_shop(
        session=session, actor=mara, name="Mara's Kiln", description="Stoneware, fired slowly"
    )

    assert (shop.handle, shop.name, shop.description) == (
        "mara_studio",
        "Mara's Kiln",
        "Stoneware, fired slowly",
    )


def test_member_without_a_shop_has_nothing_to_edit(session: Session, pia: User) -> None:
    with refused(C.NO_SHOP):
        shops.update_shop(session=session, actor=pia, name="Pia", description="")


def test_follow_is_idempotent_and_counted_on_the_storefront(session: Session, mara: User, pia: User) -> None:
    olek = make_user(session, "olek")
    shops.follow_shop(session=session, actor=pia, handle="mara_studio")
    shops.follow_shop(session=session, actor=pia, handle=" Mara_Studio ")
    shops.follow_shop(session=session, actor=olek, handle="mara_studio")

    assert shops.shop_view(session=session, viewer=pia, handle="mara_studio").follower_count == 2

    shops.unfollow_shop(session=session, actor=pia, handle="mara_studio")
    shops.unfollow_shop(session=session, actor=pia, handle="mara_studio")

    seen_by_pia = shops.shop_view(session=session, viewer=pia, handle="mara_studio")
    assert (seen_by_pia.follower_count, seen_by_pia.viewer_follows) == (1, False)


def test_following_an_unknown_shop_is_not_found(session: Session, pia: User) -> None:
    with refused(C.SHOP_NOT_FOUND):
        shops.follow_shop(session=session, actor=pia, handle="nobody_here")


def test_storefront_counts_only_active_products_and_knows_its_owner(
    session: Session, mara: User, pia: User
) -> None:
    make_product(session, mara, "Bowl")
    make_product(session, mara, "Cup", status="draft")
    make_product(session, mara, "Jug", status="archived")

    own = shops.shop_view(session=session, viewer=mara, handle="mara_studio")
    theirs = shops.shop_view(session=session, viewer=pia, handle="mara_studio")

    assert (own.product_count, own.is_own, own.owner_username, own.initials) == (1, True, "mara", "MS")
    assert theirs.is_own is False


def test_only_the_owner_changes_the_logo_and_the_old_file_goes_after_commit(
    session: Session, mara: User, pia: User, uploads_dir
) -> None:
    from tests.factories import png_bytes

    with refused(C.NO_SHOP):
        shops.set_logo(session=session, actor=pia, image=png_bytes(), uploads_dir=uploads_dir)
    first = shops.set_logo(session=session, actor=mara, image=png_bytes(), uploads_dir=uploads_dir).logo_file
    session.commit()
    second = shops.set_logo(session=session, actor=mara, image=png_bytes(), uploads_dir=uploads_dir).logo_file
    session.commit()

    assert first != second and second.startswith("logos/") and second.endswith(".webp")
    assert (uploads_dir / second).is_file()
    assert not (uploads_dir / first).exists()


def test_a_logo_that_is_not_an_image_changes_nothing(session: Session, mara: User, uploads_dir) -> None:
    from socialshop.services.media import MediaErrorCode

    with refused(MediaErrorCode.WRONG_TYPE):
        shops.set_logo(session=session, actor=mara, image=b"<svg onload=alert(1)>", uploads_dir=uploads_dir)
    assert shops.shop_of(session, mara).logo_file is None
