"""Feeds: who shows up where, and keyset pages that never repeat or skip a post while people post."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, select

from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Post, PostView
from socialshop.schemas.social import FeedPage
from socialshop.services.social import feeds, graph, interactions
from socialshop.services.social.errors import SocialErrorCode as S
from tests.factories import make_post
from tests.unit.services.social.refusals import refused

Fetch = Callable[[str | None], FeedPage]


def every_page(
    fetch: Fetch, between_pages: Callable[[list[int]], None] = lambda _ids: None
) -> list[list[int]]:
    """Follow next_cursor to the end; `between_pages` runs after each page but the last."""
    pages: list[list[int]] = []
    cursor: str | None = None
    while True:
        page = fetch(cursor)
        pages.append([card.id for card in page.cards])
        if not page.next_cursor:
            return pages
        assert len(pages) < 100, "the cursor never ran out"
        between_pages(pages[-1])
        cursor = page.next_cursor


def flat(pages: list[list[int]]) -> list[int]:
    return [post_id for page in pages for post_id in page]


def ids(page: FeedPage) -> list[int]:
    return [card.id for card in page.cards]


def hours_ago(hours: float) -> datetime:
    return utcnow() - timedelta(hours=hours)


# --- Following --------------------------------------------------------------------------------


def test_following_feed_shows_followed_people_and_yourself_newest_first(
    session: Session, mara: User, olek: User, kai: User
) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    first = make_post(session, olek, "one")
    make_post(session, kai, "not followed")
    own = make_post(session, mara, "mine")
    last = make_post(session, olek, "two")

    assert ids(feeds.following_feed(session=session, viewer=mara)) == [last.id, own.id, first.id]


def test_following_pages_never_repeat_or_skip_while_new_posts_arrive(
    session: Session, mara: User, olek: User, pia: User, kai: User
) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=mara, username="pia")
    authors = [olek, pia, kai, mara]
    made = [make_post(session, authors[n % 4], f"post {n}") for n in range(26)]
    arrived: list[Post] = []

    def publish_more(_shown: list[int]) -> None:
        arrived.extend(make_post(session, author, "while scrolling") for author in (olek, pia, kai, mara))

    pages = every_page(
        lambda cursor: feeds.following_feed(session=session, viewer=mara, cursor=cursor, limit=5),
        publish_more,
    )

    visible = [p.id for p in made if p.author_id != kai.id]
    assert flat(pages) == visible[::-1]  # each exactly once, newest first
    assert all(len(page) == 5 for page in pages[:-1])
    assert arrived and not {p.id for p in arrived} & set(flat(pages))
    newest_arrived = [p.id for p in reversed(arrived) if p.author_id != kai.id]
    assert ids(feeds.following_feed(session=session, viewer=mara, limit=3)) == newest_arrived[:3]


def test_page_two_starts_right_after_the_last_post_of_page_one(session: Session, mara: User) -> None:
    made = [make_post(session, mara, f"n{n}").id for n in range(7)]
    page_one = feeds.following_feed(session=session, viewer=mara, limit=4)
    make_post(session, mara, "newest")

    page_two = feeds.following_feed(session=session, viewer=mara, cursor=page_one.next_cursor, limit=4)

    assert ids(page_one) == made[::-1][:4]
    assert ids(page_two) == made[::-1][4:]
    assert page_two.next_cursor == ""


def test_last_full_page_has_no_next_cursor(session: Session, mara: User) -> None:
    for n in range(4):
        make_post(session, mara, f"n{n}")

    assert feeds.following_feed(session=session, viewer=mara, limit=4).next_cursor == ""
    assert feeds.following_feed(session=session, viewer=mara, limit=3).next_cursor != ""


def test_empty_feed_is_one_empty_page(session: Session, mara: User) -> None:
    page = feeds.following_feed(session=session, viewer=mara)

    assert (page.cards, page.next_cursor) == ([], "")


# --- For You ----------------------------------------------------------------------------------


def for_you(session: Session, viewer: User | None, cursor: str | None = None, limit: int = 5) -> FeedPage:
    return feeds.for_you_feed(session=session, viewer=viewer, cursor=cursor, limit=limit)


def test_for_you_pages_show_every_post_once_while_people_post_like_and_scroll(
    session: Session, mara: User, olek: User, pia: User, kai: User
) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    authors = [olek, pia, kai]
    candidates = {
        make_post(
            session,
            authors[n % 3],
            f"post {n}",
            created_at=hours_ago(n * 7 % 40),
            like_count=n * 37 % 200,
            comment_count=n % 3,
            photo_count=n % 2,
        ).id
        for n in range(31)
    }
    make_post(session, mara, "her own post is never in her For You")
    arrived: list[int] = []

    def meanwhile(shown: list[int]) -> None:
        # New posts would rank both above the cursor (popular) and below it (quiet: fresh, but
        # far less engagement than the older posts still to come).
        arrived.append(make_post(session, kai, "fresh and popular", like_count=5000).id)
        arrived.append(make_post(session, olek, "fresh and quiet").id)
        feeds.record_views(session=session, viewer_id=mara.id, post_ids=shown)

    pages = every_page(lambda cursor: for_you(session, mara, cursor), meanwhile)

    shown = flat(pages)
    assert len(shown) == len(set(shown)), "a post was shown twice"
    assert set(shown) == candidates, "a post was skipped"
    assert all(len(page) == 5 for page in pages[:-1])
    assert not set(arrived) & set(shown)
    assert set(arrived) <= set(ids(for_you(session, mara, limit=100)))  # the next refresh has them


def test_for_you_pages_through_equal_scores_by_id(session: Session, mara: User, olek: User) -> None:
    same_moment = hours_ago(3)
    made = [make_post(session, olek, f"twin {n}", created_at=same_moment).id for n in range(12)]

    pages = every_page(lambda cursor: for_you(session, mara, cursor))

    assert flat(pages) == made[::-1]


def test_for_you_cursor_keeps_the_first_pages_ranking(session: Session, mara: User, olek: User) -> None:
    made = [
        make_post(session, olek, f"p{n}", created_at=hours_ago(n), like_count=100 - 10 * n).id
        for n in range(6)
    ]
    page_one = for_you(session, mara, limit=3)
    make_post(session, olek, "brand new and loved", like_count=1000)  # ranks above the cursor
    make_post(session, olek, "brand new and quiet")  # ranks below every post of page two

    page_two = for_you(session, mara, cursor=page_one.next_cursor, limit=3)

    assert ids(page_one) + ids(page_two) == made
    assert page_two.next_cursor == ""


def test_for_you_leaves_out_your_own_posts_hidden_people_and_posts_older_than_30_days(
    session: Session, mara: User, olek: User, pia: User, kai: User
) -> None:
    shown = make_post(session, olek, "recent")
    make_post(session, olek, "too old", created_at=utcnow() - timedelta(days=31))
    make_post(session, mara, "own")
    make_post(session, pia, "blocked")
    make_post(session, kai, "muted")
    graph.block(session=session, actor=mara, username="pia")
    graph.mute(session=session, actor=mara, username="kai")

    assert ids(for_you(session, mara, limit=50)) == [shown.id]


def test_for_you_for_a_signed_out_visitor_shows_everyone(session: Session, mara: User, olek: User) -> None:
    a, b = make_post(session, mara, "a"), make_post(session, olek, "b")

    assert set(ids(for_you(session, None, limit=50))) == {a.id, b.id}


def test_for_you_ranks_a_followed_authors_post_above_an_equal_strangers(
    session: Session, mara: User, olek: User, kai: User
) -> None:
    moment = hours_ago(5)
    followed = make_post(session, olek, "followed", created_at=moment)
    make_post(session, kai, "stranger", created_at=moment)
    graph.follow(session=session, actor=mara, username="olek")

    assert ids(for_you(session, mara))[0] == followed.id


def test_for_you_ranks_a_post_you_have_seen_below_one_you_have_not(
    session: Session, mara: User, olek: User
) -> None:
    older = make_post(session, olek, "not seen yet", created_at=hours_ago(2))
    newer = make_post(session, olek, "seen", created_at=hours_ago(1))
    assert ids(for_you(session, mara)) == [newer.id, older.id]

    session.add(PostView(user_id=mara.id, post_id=newer.id, seen_at=hours_ago(0.5)))
    session.flush()

    assert ids(for_you(session, mara)) == [older.id, newer.id]


def test_for_you_ranks_engagement_above_recency_when_the_gap_is_large(
    session: Session, mara: User, olek: User
) -> None:
    quiet = make_post(session, olek, "quiet", created_at=hours_ago(1))
    loved = make_post(session, olek, "loved", created_at=hours_ago(3), like_count=60, comment_count=10)

    assert ids(for_you(session, mara)) == [loved.id, quiet.id]


def test_recording_views_twice_keeps_one_row_per_post(session: Session, mara: User, olek: User) -> None:
    a, b = make_post(session, olek, "a"), make_post(session, olek, "b")

    feeds.record_views(session=session, viewer_id=mara.id, post_ids=[a.id, a.id, b.id])
    feeds.record_views(session=session, viewer_id=mara.id, post_ids=[b.id])
    feeds.record_views(session=session, viewer_id=mara.id, post_ids=[])

    assert sorted(session.exec(select(PostView.post_id).where(PostView.user_id == mara.id)).all()) == [
        a.id,
        b.id,
    ]


# --- tags, profiles, saved --------------------------------------------------------------------


def test_tag_feed_matches_any_case_and_a_leading_hash(session: Session, mara: User, olek: User) -> None:
    a = make_post(session, mara, "#Sneakers drop")
    b = make_post(session, olek, "more #sneakers")
    make_post(session, olek, "#sneakerhead only")

    assert ids(feeds.tag_feed(session=session, viewer=None, tag="#SNEAKERS")) == [b.id, a.id]
    assert feeds.tag_post_count(session=session, tag="Sneakers") == 2


def test_tag_feed_pages_never_repeat_or_skip(session: Session, mara: User, olek: User) -> None:
    tagged = [make_post(session, mara, f"#vintage {n}").id for n in range(9)]

    def publish_more(_shown: list[int]) -> None:
        make_post(session, olek, "#vintage new")

    pages = every_page(
        lambda cursor: feeds.tag_feed(session=session, viewer=olek, tag="vintage", cursor=cursor, limit=4),
        publish_more,
    )

    assert flat(pages) == tagged[::-1]


def test_profile_feed_and_grid_page_through_one_persons_posts(
    session: Session, mara: User, olek: User
) -> None:
    made = [make_post(session, mara, f"m{n}", like_count=n).id for n in range(5)]
    make_post(session, olek, "not hers")

    pages = every_page(
        lambda cursor: feeds.profile_feed(
            session=session, viewer=olek, username="mara", cursor=cursor, limit=2
        )
    )
    tiles, cursor = feeds.profile_grid(session=session, viewer=None, username="mara", limit=3)
    more, end = feeds.profile_grid(session=session, viewer=None, username="mara", cursor=cursor, limit=3)

    assert flat(pages) == made[::-1]
    assert [t.post_id for t in tiles + more] == made[::-1]
    assert [t.like_count for t in tiles] == [4, 3, 2]
    assert end == ""


def test_saved_feed_lists_your_bookmarks_newest_post_first(session: Session, mara: User, olek: User) -> None:
    a, b = make_post(session, olek, "a"), make_post(session, olek, "b")
    make_post(session, olek, "not saved")
    interactions.save(session=session, actor=mara, post_id=a.id)
    interactions.save(session=session, actor=mara, post_id=b.id)

    assert ids(feeds.saved_feed(session=session, viewer=mara)) == [b.id, a.id]


# --- blocked and muted people -----------------------------------------------------------------

FEEDS: dict[str, Callable[[Session, User], FeedPage]] = {
    "following": lambda s, viewer: feeds.following_feed(session=s, viewer=viewer, limit=50),
    "for-you": lambda s, viewer: feeds.for_you_feed(session=s, viewer=viewer, limit=50),
    "tag": lambda s, viewer: feeds.tag_feed(session=s, viewer=viewer, tag="drop", limit=50),
    "saved": lambda s, viewer: feeds.saved_feed(session=s, viewer=viewer, limit=50),
}


@pytest.fixture
def olek_seen_by_mara(session: Session, mara: User, olek: User) -> Post:
    """A post of olek's that mara follows, saved, and would see in every feed."""
    graph.follow(session=session, actor=mara, username="olek")
    post = make_post(session, olek, "new #drop today")
    interactions.save(session=session, actor=mara, post_id=post.id)
    for name, feed in FEEDS.items():
        assert post.id in ids(feed(session, mara)), f"not in {name} to begin with"
    return post


@pytest.mark.parametrize("feed", FEEDS.values(), ids=FEEDS.keys())
def test_blocked_persons_posts_disappear_from_the_blockers_feeds(
    session: Session, mara: User, olek_seen_by_mara: Post, feed: Callable[[Session, User], FeedPage]
) -> None:
    graph.block(session=session, actor=mara, username="olek")

    assert olek_seen_by_mara.id not in ids(feed(session, mara))


@pytest.mark.parametrize("feed", FEEDS.values(), ids=FEEDS.keys())
def test_blockers_posts_disappear_from_the_blocked_persons_feeds(
    session: Session, mara: User, olek: User, feed: Callable[[Session, User], FeedPage]
) -> None:
    graph.follow(session=session, actor=olek, username="mara")
    post = make_post(session, mara, "#drop from mara")
    interactions.save(session=session, actor=olek, post_id=post.id)

    graph.block(session=session, actor=mara, username="olek")

    assert post.id not in ids(feed(session, olek))


def test_blocked_persons_profile_is_empty_for_the_blocker(session: Session, mara: User, olek: User) -> None:
    make_post(session, olek, "hi")
    graph.block(session=session, actor=olek, username="mara")

    assert feeds.profile_feed(session=session, viewer=mara, username="olek").cards == []
    assert feeds.profile_grid(session=session, viewer=mara, username="olek") == ([], "")


@pytest.mark.parametrize("feed", FEEDS.values(), ids=FEEDS.keys())
def test_muted_persons_posts_leave_the_feeds_and_come_back_on_unmute(
    session: Session,
    mara: User,
    olek: User,
    olek_seen_by_mara: Post,
    feed: Callable[[Session, User], FeedPage],
) -> None:
    graph.mute(session=session, actor=mara, username="olek")
    assert olek_seen_by_mara.id not in ids(feed(session, mara))
    assert graph.follows(session, mara.id, olek.id)

    graph.unmute(session=session, actor=mara, username="olek")
    assert olek_seen_by_mara.id in ids(feed(session, mara))


def test_muting_someone_hides_them_only_from_the_muter(
    session: Session, mara: User, olek: User, pia: User
) -> None:
    post = make_post(session, olek, "#drop")
    graph.mute(session=session, actor=mara, username="olek")

    assert post.id in ids(feeds.tag_feed(session=session, viewer=pia, tag="drop"))
    assert post.id in ids(feeds.for_you_feed(session=session, viewer=pia))


# --- cursors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        "%%%%",
        base64.urlsafe_b64encode(b"12:0").decode(),
        base64.urlsafe_b64encode(b"a:b:c:d").decode(),
        base64.urlsafe_b64encode(b"9223372036854775808:0:0:1.0").decode(),
        base64.urlsafe_b64encode(b"5:99999999999999:10:1.0").decode(),
        base64.urlsafe_b64encode(b"-5:0:0:1.0").decode(),
        base64.urlsafe_b64encode(b"5:1700000000:10:nan").decode(),
        base64.urlsafe_b64encode(b"5:1700000000:10:inf").decode(),
    ],
    ids=["words", "not-base64", "too-few-parts", "not-numbers", "id-beyond-64-bits", "year-beyond-9999",
         "negative-id", "nan-score", "infinite-score"],
)
def test_tampered_cursor_is_refused(session: Session, mara: User, cursor: str) -> None:
    for fetch in (feeds.following_feed, feeds.for_you_feed):
        with refused(S.BAD_CURSOR):
            fetch(session=session, viewer=mara, cursor=cursor)


def test_cursor_round_trips_exactly() -> None:
    cursor = feeds.FeedCursor(before_id=42, anchor_seconds=1_700_000_000, anchor_max_id=99, score=0.1 + 0.2)

    assert feeds.FeedCursor.decode(cursor.encode()) == cursor
    assert feeds.FeedCursor.decode("") is None
    assert feeds.FeedCursor.decode(None) is None


def test_muted_persons_profile_still_shows_their_posts(session: Session, mara: User, olek: User) -> None:
    """Mute hides from feeds only: visiting the person is a choice to see them."""
    post = make_post(session, olek, "still here")
    graph.mute(session=session, actor=mara, username="olek")

    assert ids(feeds.profile_feed(session=session, viewer=mara, username="olek")) == [post.id]
    assert [t.post_id for t in feeds.profile_grid(session=session, viewer=mara, username="olek")[0]] == [
        post.id
    ]
