"""Feeds: Following, For You, a tag, a person; keyset (cursor) pagination, never OFFSET.

Chronological feeds page by post id (ids are given out in publication order), so a post
published while someone scrolls can neither repeat nor push another one off a page.
For You ranks a window of recent posts with the `ranking` formula as of an anchor time
fixed on the first page, so later pages continue the same ranking.

Every feed is one SQL statement per page: it names its page of posts as a `page(id, score)` CTE and
`cards.card_statement` adds what each card shows (these are the hottest reads of the app).
"""

from __future__ import annotations

import base64
import binascii
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import func, text
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session, col, select

from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Post, PostTag, PostView
from socialshop.schemas.social import FeedPage, GridTile
from socialshop.services.dialects import SqlDialect, dialect_of
from socialshop.services.errors import DomainError
from socialshop.services.social.blocks import HIDDEN_AUTHORS_SQL, is_blocked_between
from socialshop.services.social.cards import (
    BEFORE_ALL,
    NO_VIEWER,
    card_statement,
    read_cards,
)
from socialshop.services.social.errors import SocialErrorCode as S
from socialshop.services.social.graph import user_by_username
from socialshop.services.social.presenters import build_tiles
from socialshop.services.social.ranking import for_you_score_sql
from socialshop.services.social.text import normalize_tag

PAGE_SIZE = 10
_LATEST_ANCHOR = 253402300799  # 9999-12-31T23:59:59Z, the last second a datetime can hold
FOR_YOU_WINDOW = timedelta(days=30)
FOR_YOU_CANDIDATES = 400


@dataclass(frozen=True)
class FeedCursor:
    """Where the next page starts. `before_id` for chronological feeds; For You adds its anchor."""

    before_id: int
    anchor_seconds: int = 0
    anchor_max_id: int = 0
    score: float = 0.0

    def encode(self) -> str:
        raw = f"{self.before_id}:{self.anchor_seconds}:{self.anchor_max_id}:{self.score!r}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str | None) -> FeedCursor | None:
        if not token:
            return None
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            before_id, anchor, max_id, score = raw.split(":")
            cursor = cls(int(before_id), int(anchor), int(max_id), float(score))
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise DomainError(S.BAD_CURSOR) from exc
        # A hand-made token must fail as a bad cursor, not as an integer or a date the database refuses.
        in_range = (
            0 <= cursor.before_id <= BEFORE_ALL and 0 <= cursor.anchor_max_id <= BEFORE_ALL
            and 0 <= cursor.anchor_seconds <= _LATEST_ANCHOR and math.isfinite(cursor.score)
        )
        if not in_range:
            raise DomainError(S.BAD_CURSOR)
        return cursor


def _feed_page(session: Session, statement: TextualSelect, params: dict, limit: int, cursor_after) -> FeedPage:
    """One page: the statement reads `limit + 1` rows, the extra one only tells whether more exist."""
    cards, rows = read_cards(session, statement, params | {"limit": limit + 1}, limit=limit)
    more = len(rows) > limit
    return FeedPage(cards=cards, next_cursor=cursor_after(rows[limit - 1]).encode() if more and cards else "")


# Which posts each chronological feed shows: fixed SQL over `post`, values only ever bound.
_CHRONOLOGICAL_FEEDS = {
    # One IN over (followees UNION ALL me), not an OR: SQLite then walks each author's posts newest
    # first via (author_id, id) and stops early, instead of reading all of them and sorting.
    "following": """author_id IN (
        SELECT followee_id FROM follow WHERE follower_id = :viewer UNION ALL SELECT CAST(:viewer AS INTEGER)
    )""",
    "profile": "author_id = :author",
    "tag": "id IN (SELECT post_id FROM post_tag WHERE tag = :tag)",
    "saved": "id IN (SELECT post_id FROM post_save WHERE user_id = :viewer)",
}


@cache
def _chronological_statement(dialect: SqlDialect, feed: str) -> TextualSelect:
    return card_statement(
        dialect,
        f"""page(id, score) AS (
            SELECT id, {dialect.real(0)} FROM post
            WHERE {_CHRONOLOGICAL_FEEDS[feed]} AND author_id NOT IN ({HIDDEN_AUTHORS_SQL}) AND id < :before
            ORDER BY id DESC LIMIT :limit
        )""",
    )


def _chronological(
    session: Session, feed: str, params: dict, *, viewer_id: int | None, hide_for: int | None,
    cursor: str | None, limit: int,
) -> FeedPage:
    """Newest first among the posts of `feed` (see _CHRONOLOGICAL_FEEDS), without `hide_for`'s hidden authors."""
    position = FeedCursor.decode(cursor)
    params = params | {
        "viewer": viewer_id or NO_VIEWER,
        "hidden_for": hide_for or NO_VIEWER,
        "before": position.before_id if position else BEFORE_ALL,
    }
    statement = _chronological_statement(dialect_of(session), feed)
    return _feed_page(session, statement, params, limit, lambda last: FeedCursor(before_id=last.id))


def following_feed(
    *, session: Session, viewer: User, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    """Newest first: the people the viewer follows, and the viewer."""
    return _chronological(
        session, "following", {}, viewer_id=viewer.id, hide_for=viewer.id, cursor=cursor, limit=limit
    )


def profile_feed(
    *, session: Session, viewer: User | None, username: str, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    author = user_by_username(session, username)
    viewer_id = viewer.id if viewer else None
    if viewer_id is not None and is_blocked_between(session, viewer_id, author.id):
        return FeedPage()
    # Mute hides from feeds only: visiting someone's profile still shows their posts.
    return _chronological(
        session, "profile", {"author": author.id}, viewer_id=viewer_id, hide_for=None,
        cursor=cursor, limit=limit,
    )


def profile_grid(
    *, session: Session, viewer: User | None, username: str, cursor: str | None = None, limit: int = 24
) -> tuple[list[GridTile], str]:
    author = user_by_username(session, username)
    if viewer is not None and is_blocked_between(session, viewer.id, author.id):
        return [], ""
    stmt = select(Post).where(Post.author_id == author.id)
    if (position := FeedCursor.decode(cursor)) is not None:
        stmt = stmt.where(col(Post.id) < position.before_id)
    posts = list(session.exec(stmt.order_by(col(Post.id).desc()).limit(limit + 1)).all())
    more = len(posts) > limit
    posts = posts[:limit]
    return build_tiles(session, posts), FeedCursor(before_id=posts[-1].id).encode() if more and posts else ""


def tag_feed(
    *, session: Session, viewer: User | None, tag: str, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    viewer_id = viewer.id if viewer else None
    return _chronological(
        session, "tag", {"tag": normalize_tag(tag)},
        viewer_id=viewer_id, hide_for=viewer_id, cursor=cursor, limit=limit,
    )


def tag_post_count(*, session: Session, tag: str) -> int:
    return session.exec(select(func.count()).select_from(PostTag).where(PostTag.tag == normalize_tag(tag))).one()


def saved_feed(*, session: Session, viewer: User, cursor: str | None = None, limit: int = PAGE_SIZE) -> FeedPage:
    return _chronological(
        session, "saved", {},
        viewer_id=viewer.id, hide_for=viewer.id, cursor=cursor, limit=limit,
    )


@cache
def _for_you_statement(dialect: SqlDialect) -> TextualSelect:
    """The newest FOR_YOU_CANDIDATES posts of the window (not the viewer's own, no hidden authors),
    scored by the ranking formula, best first from the cursor on.

    Built once per process: the ranking constants are read at the first For You page (a test that
    tunes them calls `_for_you_statement.cache_clear()`)."""
    score = for_you_score_sql(
        dialect,
        likes="c.like_count", comments="c.comment_count", reposts="c.repost_count", saves="c.save_count",
        follows_author="EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = c.author_id)",
        # Only what was seen before the anchor: pages 2, 3... keep the ranking of page 1.
        seen="EXISTS (SELECT 1 FROM post_view v WHERE v.user_id = :viewer AND v.post_id = c.id AND v.seen_at < :anchor)",
        has_photos="c.photo_count > 0",
        age_hours=dialect.hours_between(":anchor", "c.created_at"),
    )
    return card_statement(
        dialect,
        f"""candidate AS (
            SELECT id, author_id, created_at, like_count, comment_count, repost_count, save_count, photo_count
            FROM post
            WHERE id <= :newest AND created_at > :since AND author_id <> :viewer
              AND author_id NOT IN ({HIDDEN_AUTHORS_SQL})
            ORDER BY id DESC LIMIT :candidates
        ),
        scored AS (SELECT c.id, {score} AS score FROM candidate c),
        page(id, score) AS (
            SELECT id, score FROM scored WHERE (score, id) < (:after_score, :before)
            ORDER BY score DESC, id DESC LIMIT :limit
        )""",
        "anchor", "since",
    )


_NEWEST_POST = text("SELECT max(id) FROM post")


def for_you_feed(
    *, session: Session, viewer: User | None, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    """Recent posts ranked by the For You formula, excluding the viewer's own and hidden authors."""
    position = FeedCursor.decode(cursor)
    if position is None:
        anchor = utcnow().replace(microsecond=0)  # whole seconds: the cursor carries it exactly
        # Posts published after the first page wait for the next refresh instead of shifting pages.
        newest = session.execute(_NEWEST_POST).scalar() or 0
    else:
        anchor = datetime.fromtimestamp(position.anchor_seconds, tz=UTC)
        newest = position.anchor_max_id
    viewer_id = viewer.id if viewer else NO_VIEWER
    params = {
        "viewer": viewer_id,
        "hidden_for": viewer_id,
        "anchor": anchor,
        "since": anchor - FOR_YOU_WINDOW,
        "newest": newest,
        "candidates": FOR_YOU_CANDIDATES,
        "after_score": position.score if position else float("inf"),
        "before": position.before_id if position else BEFORE_ALL,
    }
    return _feed_page(
        session, _for_you_statement(dialect_of(session)), params, limit,
        lambda last: FeedCursor(
            before_id=last.id, anchor_seconds=int(anchor.timestamp()), anchor_max_id=newest, score=float(last.score)
        ),
    )


def record_views(*, session: Session, viewer_id: int, post_ids: list[int]) -> None:
    """Remember what a viewer was shown (For You ranks it lower next time)."""
    if not post_ids:
        return
    already = set(
        session.exec(
            select(PostView.post_id).where(PostView.user_id == viewer_id, col(PostView.post_id).in_(post_ids))
        ).all()
    )
    for post_id in dict.fromkeys(post_ids):
        if post_id not in already:
            session.add(PostView(user_id=viewer_id, post_id=post_id))
    session.flush()
