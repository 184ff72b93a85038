"""Shoppable posts: who pins products on which photo, where, how many; and the pins a card shows."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product
from socialshop.models.commerce import PostProductTag
from socialshop.models.social import Post
from socialshop.schemas.social import PostCard
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.commerce import tagging
from socialshop.services.commerce.tagging import TAGS_PER_PHOTO, TagInput
from tests.factories import make_post, make_product, variant_input
from tests.unit.services.social.refusals import refused


def photo_post(session: Session, author: User, photos: int = 2) -> Post:
    """A post with `photos` photos (the count is what tagging checks; no files needed)."""
    return make_post(session, author, "new in", photo_count=photos)


def catalog(session: Session, seller: User, count: int) -> list[Product]:
    return [make_product(session, seller, f"Item {i}", variants=[f"ITEM-{i}"]) for i in range(count)]


def tags_of(session: Session, post: Post) -> list[tuple[int, int, int, int]]:
    """(photo, product, x, y) for every tag of the post, as stored."""
    session.flush()
    return [
        (t.photo_position, t.product_id, t.x, t.y)
        for t in session.exec(
            select(PostProductTag).where(PostProductTag.post_id == post.id).order_by(PostProductTag.id)
        )
    ]


def tag(product: Product, photo: int = 0, x: int = 500, y: int = 500) -> TagInput:
    return TagInput(product_slug=product.slug, photo_position=photo, x=x, y=y)


# --- who tags, and what --------------------------------------------------------------------------


def test_the_author_pins_products_on_their_photos(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    bowl, cup = catalog(session, mara, 2)

    rows = tagging.set_post_tags(
        session=session, actor=mara, post_id=post.id, tags=[tag(bowl, 0, 120, 880), tag(cup, 1, 0, 1000)]
    )

    assert [r.tagged_by_id for r in rows] == [mara.id, mara.id]
    assert tags_of(session, post) == [(0, bowl.id, 120, 880), (1, cup.id, 0, 1000)]


def test_a_creator_without_a_shop_tags_someone_elses_product(session: Session, mara: User, pia: User) -> None:
    post = photo_post(session, pia)
    [bowl] = catalog(session, mara, 1)

    tagging.set_post_tags(session=session, actor=pia, post_id=post.id, tags=[tag(bowl)])

    assert tags_of(session, post) == [(0, bowl.id, 500, 500)]


def test_only_the_posts_author_may_tag_it(session: Session, mara: User, pia: User) -> None:
    post = photo_post(session, pia)
    [bowl] = catalog(session, mara, 1)

    with refused(C.NOT_YOUR_POST):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl)])
    with refused(C.NOT_SIGNED_IN):
        tagging.set_post_tags(session=session, actor=None, post_id=post.id, tags=[tag(bowl)])
    with refused(C.POST_NOT_FOUND):
        tagging.set_post_tags(session=session, actor=pia, post_id=post.id + 100, tags=[tag(bowl)])

    assert tags_of(session, post) == []


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_only_active_products_can_be_tagged(session: Session, mara: User, status: str) -> None:
    post = photo_post(session, mara)
    hidden = make_product(session, mara, "Hidden", status=status)

    with refused(C.TAG_PRODUCT_NOT_ACTIVE):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(hidden)])


def test_an_unknown_product_cannot_be_tagged(session: Session, mara: User) -> None:
    post = photo_post(session, mara)

    with refused(C.TAG_PRODUCT_NOT_ACTIVE):
        tagging.set_post_tags(
            session=session,
            actor=mara,
            post_id=post.id,
            tags=[TagInput(product_slug="nope", photo_position=0, x=1, y=1)],
        )


@pytest.mark.parametrize("photo", [-1, 2, 7])
def test_the_photo_must_exist(session: Session, mara: User, photo: int) -> None:
    post = photo_post(session, mara, photos=2)
    [bowl] = catalog(session, mara, 1)

    with refused(C.TAG_PHOTO_INVALID):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl, photo)])


def test_a_post_without_photos_cannot_be_tagged(session: Session, mara: User) -> None:
    post = photo_post(session, mara, photos=0)
    [bowl] = catalog(session, mara, 1)

    with refused(C.TAG_PHOTO_INVALID):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl, 0)])


@pytest.mark.parametrize(("x", "y"), [(-1, 500), (1001, 500), (500, -1), (500, 1001)])
def test_the_point_must_lie_on_the_photo(session: Session, mara: User, x: int, y: int) -> None:
    post = photo_post(session, mara)
    [bowl] = catalog(session, mara, 1)

    with refused(C.TAG_POINT_INVALID):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl, 0, x, y)])


# --- how many, and replacing ---------------------------------------------------------------------


def test_at_most_five_products_per_photo_and_a_refusal_keeps_the_old_tags(
    session: Session, mara: User
) -> None:
    post = photo_post(session, mara)
    items = catalog(session, mara, TAGS_PER_PHOTO + 1)
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(items[0], 1)])

    with refused(C.TAG_LIMIT):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(p, 0) for p in items])

    assert tags_of(session, post) == [(1, items[0].id, 500, 500)]


def test_five_per_photo_counts_each_photo_on_its_own(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    items = catalog(session, mara, TAGS_PER_PHOTO)

    tagging.set_post_tags(
        session=session,
        actor=mara,
        post_id=post.id,
        tags=[tag(p, 0) for p in items] + [tag(p, 1) for p in items],
    )

    assert len(tags_of(session, post)) == 2 * TAGS_PER_PHOTO


def test_a_product_tagged_twice_on_one_photo_collapses_to_the_first_pin(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    items = catalog(session, mara, TAGS_PER_PHOTO)

    # Five distinct products plus a repeat: the repeat neither counts toward the limit nor moves the pin.
    tagging.set_post_tags(
        session=session,
        actor=mara,
        post_id=post.id,
        tags=[tag(items[0], 0, 100, 100)] + [tag(p, 0) for p in items[1:]] + [tag(items[0], 0, 900, 900)],
    )

    stored = tags_of(session, post)
    assert len(stored) == TAGS_PER_PHOTO
    assert stored[0] == (0, items[0].id, 100, 100)


def test_setting_tags_replaces_the_previous_ones(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    bowl, cup, jug = catalog(session, mara, 3)
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl), tag(cup, 1)])

    tagging.set_post_tags(
        session=session, actor=mara, post_id=post.id, tags=[tag(cup, 0, 10, 20), tag(jug, 1)]
    )
    assert tags_of(session, post) == [(0, cup.id, 10, 20), (1, jug.id, 500, 500)]

    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[])
    assert tags_of(session, post) == []


def test_a_pin_whose_product_was_archived_may_stay_but_not_be_added_anew(session: Session, mara: User) -> None:
    post, other = photo_post(session, mara), photo_post(session, mara)
    bowl, cup = catalog(session, mara, 2)
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl), tag(cup, 1)])
    cup.status = "archived"
    session.add(cup)
    session.flush()

    # Saving the editor as it was (with the archived pin moved) keeps it...
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl), tag(cup, 1, 10, 10)])
    assert tags_of(session, post) == [(0, bowl.id, 500, 500), (1, cup.id, 10, 10)]
    # ...but the archived product cannot be pinned where it was not: another post, another photo.
    with refused(C.TAG_PRODUCT_NOT_ACTIVE):
        tagging.set_post_tags(session=session, actor=mara, post_id=other.id, tags=[tag(cup)])
    with refused(C.TAG_PRODUCT_NOT_ACTIVE):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(cup, 1), tag(cup, 0)])
    # Removing it drops it for good.
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl)])
    with refused(C.TAG_PRODUCT_NOT_ACTIVE):
        tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl), tag(cup)])


# --- the tag editor's view ---------------------------------------------------------------------


def test_the_editor_gets_every_pin_in_photo_order_with_whether_it_is_on_sale(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    bowl, cup = catalog(session, mara, 2)
    tagging.set_post_tags(
        session=session, actor=mara, post_id=post.id, tags=[tag(cup, 1, 100, 200), tag(bowl, 0, 300, 400)]
    )
    cup.status = "archived"
    session.add(cup)
    session.flush()

    assert tagging.tags_for_editing(session=session, actor=mara, post_id=post.id) == [
        tagging.EditableTag(bowl.slug, bowl.title, 0, 300, 400, True),
        tagging.EditableTag(cup.slug, cup.title, 1, 100, 200, False),
    ]


def test_only_the_posts_author_sees_its_pins_in_the_editor(session: Session, mara: User, pia: User) -> None:
    post = photo_post(session, mara)

    with refused(C.NOT_YOUR_POST):
        tagging.tags_for_editing(session=session, actor=pia, post_id=post.id)
    with refused(C.NOT_SIGNED_IN):
        tagging.tags_for_editing(session=session, actor=None, post_id=post.id)
    with refused(C.POST_NOT_FOUND):
        tagging.tags_for_editing(session=session, actor=mara, post_id=post.id + 100)
    assert tagging.tags_for_editing(session=session, actor=mara, post_id=post.id) == []


# --- pins on feed cards ------------------------------------------------------------------------


def test_cards_get_pins_at_percent_positions_with_live_price_and_stock(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    other = photo_post(session, mara)
    untagged = photo_post(session, mara)
    shirt = make_product(
        session,
        mara,
        "Shirt",
        price="40.00",
        variants=[variant_input("S", stock=0), variant_input("M", stock=0, price="35.00")],
    )
    bowl = make_product(session, mara, "Bowl", price="18.00")
    tagging.set_post_tags(
        session=session, actor=mara, post_id=post.id, tags=[tag(bowl, 1, 1000, 0), tag(shirt, 0, 255, 750)]
    )
    tagging.set_post_tags(session=session, actor=mara, post_id=other.id, tags=[tag(bowl, 0, 5, 995)])
    cards = [PostCard(id=post.id), PostCard(id=other.id), PostCard(id=untagged.id)]

    tagging.attach_pins(session, cards)

    assert [
        (p.title, p.photo_position, p.left, p.top, p.price_text, p.sold_out, p.product_id)
        for p in cards[0].pins
    ] == [
        ("Shirt", 0, "25.5%", "75.0%", "€35.00", True, shirt.id),
        ("Bowl", 1, "100.0%", "0.0%", "€18.00", False, bowl.id),
    ]
    assert [(p.product_slug, p.left, p.top) for p in cards[1].pins] == [(bowl.slug, "0.5%", "99.5%")]
    assert cards[2].pins == []


def test_pins_of_products_no_longer_active_are_hidden(session: Session, mara: User) -> None:
    post = photo_post(session, mara)
    bowl, cup = catalog(session, mara, 2)
    tagging.set_post_tags(session=session, actor=mara, post_id=post.id, tags=[tag(bowl), tag(cup)])
    cup.status = "archived"
    session.add(cup)
    session.flush()
    card = PostCard(id=post.id)

    tagging.attach_pins(session, [card])

    assert [p.title for p in card.pins] == [bowl.title]


def test_posts_featuring_a_product_newest_first(session: Session, mara: User, pia: User) -> None:
    [bowl] = catalog(session, mara, 1)
    first, second = photo_post(session, pia), photo_post(session, mara)
    photo_post(session, mara)
    for post in (first, second):
        tagging.set_post_tags(
            session=session,
            actor=session.get(User, post.author_id),
            post_id=post.id,
            tags=[tag(bowl, 0), tag(bowl, 1)],
        )

    assert tagging.posts_featuring(session, bowl.id) == [second.id, first.id]
