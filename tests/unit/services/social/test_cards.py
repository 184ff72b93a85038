"""Feed cards read in one statement: every field a card shows, for members and for guests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import bindparam, text
from sqlmodel import Session, UTCDateTime, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.social import PostPhoto, PostSave
from socialshop.services.dialects import dialect_of
from socialshop.services.social import cards, feeds, graph, interactions
from tests.factories import make_post, png_bytes


def photos_of(session: Session, post_id: int) -> list[PostPhoto]:
    return list(session.exec(select(PostPhoto).where(PostPhoto.post_id == post_id).order_by(PostPhoto.position)))


def test_a_card_shows_author_text_photos_in_order_and_counts(
    session: Session, mara: User, olek: User, isolated_settings: Path
) -> None:
    mara.display_name, mara.avatar_file = "Mara Santos", "avatars/mara.webp"
    session.add(mara)
    colours = [(200, 0, 0), (0, 200, 0), (0, 0, 200)]
    post = make_post(
        session, mara, "New #linen shirts, ask @olek", photos=[png_bytes(color=c) for c in colours],
        uploads_dir=isolated_settings / "uploads", like_count=4, comment_count=2, repost_count=1,
        created_at=utcnow() - timedelta(hours=3),
    )
    # Positions, not insertion order, decide the order: move the last photo to the front.
    stored = photos_of(session, post.id)
    for photo, position in zip(stored, (1, 2, 0), strict=True):
        photo.position = position
        session.add(photo)
    session.flush()
    stored = photos_of(session, post.id)
    assert stored[0].id > stored[1].id

    [card] = cards.cards_for_ids(session, [post.id], olek.id)

    assert (card.author.username, card.author.display_name, card.author.initials) == ("mara", "Mara Santos", "MS")
    assert card.author.avatar_url == routes.upload_url("avatars/mara.webp")
    assert [(s.kind, s.text) for s in card.segments] == [
        ("text", "New "), ("tag", "#linen"), ("text", " shirts, ask "), ("mention", "@olek"),
    ]
    assert [p.thumb_url for p in card.photos] == [routes.upload_url(p.thumb_file) for p in stored]
    assert [p.url for p in card.photos] == [routes.upload_url(p.file) for p in stored]
    assert (card.like_count, card.comment_count, card.repost_count) == (4, 2, 1)
    assert card.age == "3h"
    assert card.created_iso == post.created_at.isoformat()
    assert (card.liked, card.saved, card.is_own, card.edited, card.has_quote) == (False, False, False, False, False)


def test_a_card_shows_the_viewers_own_like_and_save_only(session: Session, mara: User, olek: User, pia: User) -> None:
    post = make_post(session, mara, "Hello")
    interactions.like(session=session, actor=olek, post_id=post.id)
    interactions.save(session=session, actor=olek, post_id=post.id)

    [for_olek] = cards.cards_for_ids(session, [post.id], olek.id)
    [for_pia] = cards.cards_for_ids(session, [post.id], pia.id)
    [for_guest] = cards.cards_for_ids(session, [post.id], None)
    [for_mara] = cards.cards_for_ids(session, [post.id], mara.id)

    assert (for_olek.liked, for_olek.saved) == (True, True)
    assert (for_pia.liked, for_pia.saved, for_guest.liked, for_guest.saved) == (False, False, False, False)
    assert (for_mara.is_own, for_olek.is_own, for_guest.is_own) == (True, False, False)


def test_a_quote_card_shows_the_quoted_post_with_its_first_photo(
    session: Session, mara: User, olek: User, isolated_settings: Path
) -> None:
    original = make_post(
        session, mara, "Two photos", photos=[png_bytes(), png_bytes(color=(9, 9, 9))],
        uploads_dir=isolated_settings / "uploads",
    )
    quote = make_post(session, olek, "Look at this", quote_of_id=original.id)

    [card] = cards.cards_for_ids(session, [quote.id], None)

    assert card.has_quote and card.quote.id == original.id
    assert card.quote.author.username == "mara"
    assert [s.text for s in card.quote.segments] == ["Two photos"]
    assert card.quote.thumb_url == routes.upload_url(photos_of(session, original.id)[0].thumb_file)
    assert card.photos == []


def test_a_quote_of_someone_blocked_either_way_shows_without_the_quote(
    session: Session, mara: User, olek: User, pia: User, kai: User
) -> None:
    original = make_post(session, mara, "Mara's words")
    quote = make_post(session, olek, "So true", quote_of_id=original.id)
    graph.block(session=session, actor=pia, username="mara")  # pia blocked mara
    graph.block(session=session, actor=mara, username="kai")  # mara blocked kai

    def quoted_for(viewer: User | None) -> tuple[bool, int]:
        [card] = cards.cards_for_ids(session, [quote.id], viewer.id if viewer else None)
        return card.has_quote, card.quote.id

    assert quoted_for(pia) == (False, 0)  # olek's post stays, as if mara's were deleted
    assert quoted_for(kai) == (False, 0)
    assert quoted_for(olek) == (True, original.id)
    assert quoted_for(None) == (True, original.id)
    # Feeds build their cards the same way.
    graph.follow(session=session, actor=pia, username="olek")
    [card] = feeds.following_feed(session=session, viewer=pia).cards
    assert card.id == quote.id and not card.has_quote


def test_cards_come_in_the_order_asked_once_each_and_skip_deleted_posts(session: Session, mara: User) -> None:
    first, second, third = (make_post(session, mara, f"Post {n}") for n in range(3))

    listed = cards.cards_for_ids(session, [third.id, first.id, 999_999, third.id, second.id], None)

    assert [c.id for c in listed] == [third.id, first.id, second.id]
    assert cards.cards_for_ids(session, [], mara.id) == []


def test_each_card_gets_its_own_segments_even_for_the_same_text(session: Session, mara: User) -> None:
    one, two = make_post(session, mara, "Same #words"), make_post(session, mara, "Same #words")

    first, second = cards.cards_for_ids(session, [one.id, two.id], None)
    first.segments[0].text = "changed"

    assert second.segments[0].text == "Same "
    assert cards.cards_for_ids(session, [one.id], None)[0].segments[0].text == "Same "


def test_cards_see_unflushed_writes_of_the_same_unit_of_work(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara, "Hello")
    session.add(PostSave(user_id=olek.id, post_id=post.id))

    assert cards.cards_for_ids(session, [post.id], olek.id)[0].saved is True


def test_the_card_query_returns_the_columns_cards_are_read_by(session: Session, mara: User) -> None:
    """`_card` unpacks rows by position: the SELECT list and CARD_COLUMNS must not drift apart."""
    post = make_post(session, mara, "Hello")
    statement = cards._cards_by_id(dialect_of(session))

    result = session.connection().execute(statement, {"ids": [post.id], "viewer": mara.id})

    assert [d[0] for d in result.cursor.description] == list(cards.CARD_COLUMNS)


def test_the_database_ages_a_post_in_hours_as_python_does(session: Session, mara: User) -> None:
    """The For You query ages posts in SQL (hours_between); the formula's reference ages them in Python."""
    anchor = utcnow().replace(microsecond=0)
    post = make_post(session, mara, "Hello", created_at=anchor - timedelta(hours=5, minutes=30, microseconds=250))
    hours = dialect_of(session).hours_between(":anchor", "created_at")

    from_sql = session.execute(
        text(f"SELECT {hours} FROM post WHERE id = :id").bindparams(bindparam("anchor", type_=UTCDateTime())),
        {"anchor": anchor, "id": post.id},
    ).scalar_one()

    assert from_sql == pytest.approx((anchor - post.created_at).total_seconds() / 3600, abs=1e-6)
