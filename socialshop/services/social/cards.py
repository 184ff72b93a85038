"""Feed cards straight from SQL: one statement returns a page of posts with everything a card shows.

A feed names its page of posts as a `page(id, score)` CTE; `card_statement` wraps it with the author,
the photos, the quoted post and the viewer's like and save, so a whole page is one round trip and
no ORM objects are built on the way (that overhead used to cost five times the queries themselves).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Integer, bindparam, column, text
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session, UTCDateTime

from socialshop import routes
from socialshop.models.accounts import utcnow
from socialshop.schemas.social import PhotoView, PostCard, QuotedPost, TextSegment
from socialshop.services.dialects import SqlDialect, dialect_of
from socialshop.services.social.blocks import blocked_either_way_sql
from socialshop.services.social.presenters import author_from, relative_age
from socialshop.services.social.text import segments

# Bound where a value is absent, so one statement serves every page and every viewer.
NO_VIEWER = 0  # no account has id 0: a guest likes, saves, follows and hides nothing
BEFORE_ALL = 2**62  # "before" the first page: larger than any post id

_CARD_SQL = """
WITH {ctes}
SELECT p.id, p.body, p.created_at, p.edited_at, p.like_count, p.comment_count, p.repost_count,
       p.author_id, a.username, a.display_name, a.avatar_file,  -- read by position in _card: keep the order
       EXISTS (SELECT 1 FROM post_like l WHERE l.user_id = :viewer AND l.post_id = p.id) AS liked,
       EXISTS (SELECT 1 FROM post_save s WHERE s.user_id = :viewer AND s.post_id = p.id) AS saved,
       CASE WHEN p.photo_count > 0 THEN (
           SELECT {photos} FROM post_photo ph WHERE ph.post_id = p.id
       ) END AS photos,
       q.id AS quote_id, q.body AS quote_body, q.created_at AS quote_created_at,
       qa.username AS quote_username, qa.display_name AS quote_display_name, qa.avatar_file AS quote_avatar,
       CASE WHEN q.photo_count > 0 THEN (
           SELECT ph.thumb_file FROM post_photo ph WHERE ph.post_id = q.id ORDER BY ph.position LIMIT 1
       ) END AS quote_thumb,
       page.score
FROM page
JOIN post p ON p.id = page.id
JOIN user_account a ON a.id = p.author_id
LEFT JOIN post q ON q.id = p.quote_of_id AND q.author_id NOT IN ({quote_blocked})  -- like a deleted one
LEFT JOIN user_account qa ON qa.id = q.author_id
ORDER BY page.score DESC, page.id DESC
"""


# The columns of _CARD_SQL, in order (`_card` unpacks rows by position).
CARD_COLUMNS = (
    "id", "body", "created_at", "edited_at", "like_count", "comment_count", "repost_count",
    "author_id", "username", "display_name", "avatar_file", "liked", "saved", "photos",
    "quote_id", "quote_body", "quote_created_at", "quote_username", "quote_display_name", "quote_avatar",
    "quote_thumb", "score",
)


def card_statement(dialect: SqlDialect, ctes: str, *datetime_params: str, expanding: Sequence[str] = ()) -> TextualSelect:
    """The card query over `ctes` (which must define `page(id, score)`), typed for both databases.

    Callers build it once per dialect (functools.cache), so SQLAlchemy compiles the text once.
    """
    sql = _CARD_SQL.format(
        ctes=ctes,
        photos=dialect.json_rows("ph.position", "ph.file", "ph.thumb_file", "ph.alt"),
        # A post quoting someone the viewer blocked (or who blocked them) shows without the quote.
        quote_blocked=blocked_either_way_sql("viewer"),
    )
    params = [bindparam(name, type_=UTCDateTime()) for name in datetime_params]
    params += [bindparam(name, expanding=True, type_=Integer()) for name in expanding]
    # Result columns are declared in order and untyped: SQLAlchemy then maps them once per compiled
    # statement, not on every run, and `_card` converts the few that differ by driver (dates, JSON).
    return text(sql).bindparams(*params).columns(*(column(name) for name in CARD_COLUMNS))


@cache
def _cards_by_id(dialect: SqlDialect) -> TextualSelect:
    ctes = f"page(id, score) AS (SELECT id, {dialect.real(0)} FROM post WHERE id IN :ids)"
    return card_statement(dialect, ctes, expanding=("ids",))


def read_cards(
    session: Session, statement: TextualSelect, params: dict[str, Any], *, limit: int | None = None
) -> tuple[list[PostCard], list[Any]]:
    """Run a card statement: cards for its first `limit` rows (all when None), and every row.

    Rows past `limit` are only looked at (a feed reads one extra to know whether more exist).
    """
    params = {"viewer": NO_VIEWER} | params
    viewer_id = params["viewer"]
    session.flush()  # what session.execute would autoflush: the page must see this unit of work's writes
    rows = session.connection().execute(statement, params).all()
    now = utcnow()
    return [_card(row, viewer_id, now) for row in rows[:limit]], rows


def cards_for_ids(session: Session, post_ids: Iterable[int], viewer_id: int | None) -> list[PostCard]:
    """Cards for these posts in the given order; ids of deleted posts are skipped."""
    order = list(dict.fromkeys(post_ids))
    if not order:
        return []
    cards, _ = read_cards(session, _cards_by_id(dialect_of(session)), {"ids": order, "viewer": viewer_id or NO_VIEWER})
    found = {card.id: card for card in cards}
    return [found[post_id] for post_id in order if post_id in found]


@lru_cache(maxsize=4096)
def _parsed(body: str) -> tuple[tuple[str, str, str], ...]:
    # The same caption is shown to every follower: parse it once, hand each card its own segments.
    return tuple((s.kind, s.text, s.href) for s in segments(body))


def text_segments(body: str) -> list[TextSegment]:
    return [TextSegment(kind, text_, href) for kind, text_, href in _parsed(body)]


def _utc(value: datetime | str) -> datetime:
    """A stored UTC time: SQLite returns its text, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _photos(value: Any) -> list[PhotoView]:
    if not value:
        return []
    rows = json.loads(value) if isinstance(value, str) else value
    return [
        PhotoView(url=routes.upload_url(file), thumb_url=routes.upload_url(thumb), alt=alt)
        for _, file, thumb, alt in sorted(rows, key=lambda r: r[0])
    ]


def _card(row: Any, viewer_id: int, now: datetime) -> PostCard:
    # Unpacked by position (the column order of _CARD_SQL): a tenth of the cost of row.name look-ups.
    (
        post_id, body, created, edited, likes, comments, reposts, author_id, username, display_name, avatar,
        liked, saved, photos, quote_id, quote_body, quote_created, quote_username, quote_display_name,
        quote_avatar, quote_thumb, _score,
    ) = row
    created = _utc(created)
    card = PostCard(
        id=post_id,
        author=author_from(username, display_name, avatar),
        segments=text_segments(body),
        body=body,
        photos=_photos(photos),
        age=relative_age(created, now),
        created_iso=created.isoformat(),
        edited=edited is not None,
        like_count=likes,
        comment_count=comments,
        repost_count=reposts,
        liked=bool(liked),
        saved=bool(saved),
        is_own=viewer_id == author_id,
    )
    if quote_id is not None:
        card.has_quote = True
        card.quote = QuotedPost(
            id=quote_id,
            author=author_from(quote_username, quote_display_name, quote_avatar),
            segments=text_segments(quote_body[:280]),
            thumb_url=routes.upload_url(quote_thumb),
            age=relative_age(_utc(quote_created), now),
        )
    return card
