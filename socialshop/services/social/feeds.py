"""Feeds: Following, For You, a tag, a person; keyset (cursor) pagination, never OFFSET.

Chronological feeds page by post id (ids are given out in publication order), so a post
published while someone scrolls can neither repeat nor push another one off a page.
For You ranks a window of recent posts with `ranking.for_you_score` as of an anchor time
fixed on the first page, so later pages continue the same ranking.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, literal
from sqlmodel import Session, col, select

from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Follow, Post, PostSave, PostTag, PostView
from socialshop.schemas.social import FeedPage, GridTile
from socialshop.services.errors import DomainError
from socialshop.services.social.errors import SocialErrorCode as S
from socialshop.services.social.graph import hidden_author_ids, is_blocked_between, user_by_username
from socialshop.services.social.presenters import build_cards, build_tiles
from socialshop.services.social.ranking import RankInput, for_you_score
from socialshop.services.social.text import normalize_tag

PAGE_SIZE = 10
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
            return cls(int(before_id), int(anchor), int(max_id), float(score))
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise DomainError(S.BAD_CURSOR) from exc


def _page(session: Session, stmt, viewer_id: int | None, limit: int) -> FeedPage:
    """Run a chronological query ordered by id desc; one extra row tells whether more exist."""
    posts = list(session.exec(stmt.order_by(col(Post.id).desc()).limit(limit + 1)).all())
    more = len(posts) > limit
    posts = posts[:limit]
    return FeedPage(
        cards=build_cards(session, posts, viewer_id),
        next_cursor=FeedCursor(before_id=posts[-1].id).encode() if more and posts else "",
    )


def _visible(stmt, hidden: set[int], cursor: FeedCursor | None):
    if hidden:
        stmt = stmt.where(col(Post.author_id).not_in(hidden))
    if cursor is not None:
        stmt = stmt.where(col(Post.id) < cursor.before_id)
    return stmt


def following_feed(
    *, session: Session, viewer: User, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    """Newest first: the people the viewer follows, and the viewer."""
    position = FeedCursor.decode(cursor)
    # One IN over (followees UNION ALL me), not an OR: SQLite then walks each author's posts newest
    # first via (author_id, id) and stops early, instead of reading all of them and sorting.
    authors = select(Follow.followee_id).where(Follow.follower_id == viewer.id).union_all(select(literal(viewer.id)))
    stmt = select(Post).where(col(Post.author_id).in_(authors))
    stmt = _visible(stmt, hidden_author_ids(session, viewer.id), position)
    return _page(session, stmt, viewer.id, limit)


def profile_feed(
    *, session: Session, viewer: User | None, username: str, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    author = user_by_username(session, username)
    viewer_id = viewer.id if viewer else None
    # Mute hides from feeds only: visiting someone's profile still shows their posts.
    if viewer_id is not None and is_blocked_between(session, viewer_id, author.id):
        return FeedPage()
    stmt = _visible(select(Post).where(Post.author_id == author.id), set(), FeedCursor.decode(cursor))
    return _page(session, stmt, viewer_id, limit)


def profile_grid(
    *, session: Session, viewer: User | None, username: str, cursor: str | None = None, limit: int = 24
) -> tuple[list[GridTile], str]:
    author = user_by_username(session, username)
    if viewer is not None and is_blocked_between(session, viewer.id, author.id):
        return [], ""
    stmt = _visible(select(Post).where(Post.author_id == author.id), set(), FeedCursor.decode(cursor))
    posts = list(session.exec(stmt.order_by(col(Post.id).desc()).limit(limit + 1)).all())
    more = len(posts) > limit
    posts = posts[:limit]
    return build_tiles(session, posts), FeedCursor(before_id=posts[-1].id).encode() if more and posts else ""


def tag_feed(
    *, session: Session, viewer: User | None, tag: str, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    tagged = select(PostTag.post_id).where(PostTag.tag == normalize_tag(tag))
    stmt = select(Post).where(col(Post.id).in_(tagged))
    viewer_id = viewer.id if viewer else None
    stmt = _visible(stmt, hidden_author_ids(session, viewer_id), FeedCursor.decode(cursor))
    return _page(session, stmt, viewer_id, limit)


def tag_post_count(*, session: Session, tag: str) -> int:
    return session.exec(select(func.count()).select_from(PostTag).where(PostTag.tag == normalize_tag(tag))).one()


def saved_feed(*, session: Session, viewer: User, cursor: str | None = None, limit: int = PAGE_SIZE) -> FeedPage:
    saved = select(PostSave.post_id).where(PostSave.user_id == viewer.id)
    stmt = _visible(select(Post).where(col(Post.id).in_(saved)), hidden_author_ids(session, viewer.id), FeedCursor.decode(cursor))
    return _page(session, stmt, viewer.id, limit)


def for_you_feed(
    *, session: Session, viewer: User | None, cursor: str | None = None, limit: int = PAGE_SIZE
) -> FeedPage:
    """Recent posts ranked by `for_you_score`, excluding the viewer's own and hidden authors."""
    position = FeedCursor.decode(cursor)
    if position is None:
        anchor = utcnow().replace(microsecond=0)  # whole seconds: the cursor carries it exactly
        anchor_max_id = session.exec(select(func.max(Post.id))).one() or 0
    else:
        anchor = datetime.fromtimestamp(position.anchor_seconds, tz=UTC)
        anchor_max_id = position.anchor_max_id
    viewer_id = viewer.id if viewer else None
    stmt = select(
        Post.id, Post.author_id, Post.created_at, Post.like_count, Post.comment_count,
        Post.repost_count, Post.save_count, Post.photo_count,
    ).where(Post.id <= anchor_max_id, Post.created_at > anchor - FOR_YOU_WINDOW)
    hidden = hidden_author_ids(session, viewer_id)
    if hidden:
        stmt = stmt.where(col(Post.author_id).not_in(hidden))
    if viewer_id is not None:
        stmt = stmt.where(Post.author_id != viewer_id)
    rows = session.exec(stmt.order_by(col(Post.id).desc()).limit(FOR_YOU_CANDIDATES)).all()
    followed: set[int] = set()
    seen: set[int] = set()
    if viewer_id is not None and rows:
        followed = set(session.exec(select(Follow.followee_id).where(Follow.follower_id == viewer_id)).all())
        seen = set(
            session.exec(
                select(PostView.post_id).where(
                    PostView.user_id == viewer_id,
                    # The candidates are a contiguous id range: a key range, not 400 parameters.
                    col(PostView.post_id).between(rows[-1][0], rows[0][0]),
                    PostView.seen_at < anchor,
                )
            ).all()
        )
    ranked = sorted(
        (
            (
                for_you_score(
                    RankInput(
                        age_hours=(anchor - created_at).total_seconds() / 3600,
                        likes=likes, comments=comments, reposts=reposts, saves=saves,
                        follows_author=author_id in followed, seen=post_id in seen, has_photos=photos > 0,
                    )
                ),
                post_id,
            )
            for post_id, author_id, created_at, likes, comments, reposts, saves, photos in rows
        ),
        reverse=True,
    )
    if position is not None:
        ranked = [r for r in ranked if r < (position.score, position.before_id)]
    page = ranked[:limit]
    more = len(ranked) > limit
    posts_by_id = {p.id: p for p in session.exec(select(Post).where(col(Post.id).in_([pid for _, pid in page]))).all()}
    posts = [posts_by_id[pid] for _, pid in page if pid in posts_by_id]
    next_cursor = ""
    if more and page:
        last_score, last_id = page[-1]
        next_cursor = FeedCursor(
            before_id=last_id,
            anchor_seconds=int(anchor.timestamp()),
            anchor_max_id=anchor_max_id,
            score=last_score,
        ).encode()
    return FeedPage(cards=build_cards(session, posts, viewer_id), next_cursor=next_cursor)


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
