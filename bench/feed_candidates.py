"""Proposed changes to the feed services, applied by monkeypatching so the benchmark can measure them
before anyone edits socialshop/ (`python -m bench.feed --try following-in-union,...`).

Each candidate is a copy of the service function with one change, named after that change. Once a
change is applied in socialshop/, its candidate here is obsolete and should be deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, literal, union_all
from sqlmodel import Session, col, select

from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Block, Follow, Mute, Post, PostLike, PostSave, PostView
from socialshop.schemas.social import FeedPage
from socialshop.services.social import feeds, presenters
from socialshop.services.social.ranking import RankInput, for_you_score


def following_in_union(
    *, session: Session, viewer: User, cursor: str | None = None, limit: int = feeds.PAGE_SIZE
) -> FeedPage:
    """`author_id IN (followees UNION ALL viewer)` instead of `author_id IN (followees) OR author_id = viewer`.

    With the OR, SQLite runs a MULTI-INDEX OR: it walks each followee's range of ix_post_author_id
    oldest first, so it visits every post of every followee (and de-duplicates each id in a
    RowSet) before the ORDER BY ... LIMIT sorter can keep 11. With one IN it walks each followee's
    range newest first and moves to the next followee as soon as an entry cannot beat the 11th
    best id so far (the IdxLE jump in EXPLAIN): about one seek per followee, whatever they posted.
    """
    position = feeds.FeedCursor.decode(cursor)
    authors = select(Follow.followee_id).where(Follow.follower_id == viewer.id).union_all(select(literal(viewer.id)))
    stmt = select(Post).where(col(Post.author_id).in_(authors))
    stmt = feeds._visible(stmt, feeds.hidden_author_ids(session, viewer.id), position)
    return feeds._page(session, stmt, viewer.id, limit)


def hidden_author_ids_one_query(session: Session, viewer_id: int | None) -> set[int]:
    """The three look-ups (blocked, blocked me, muted) as one UNION ALL statement."""
    if viewer_id is None:
        return set()
    stmt = union_all(
        select(Block.blocked_id).where(Block.blocker_id == viewer_id),
        select(Block.blocker_id).where(Block.blocked_id == viewer_id),
        select(Mute.muted_id).where(Mute.muter_id == viewer_id),
    )
    return set(session.exec(stmt).scalars().all())


def for_you_seen_range(
    *, session: Session, viewer: User | None, cursor: str | None = None, limit: int = feeds.PAGE_SIZE
) -> FeedPage:
    """For You with the seen look-up as a key range on post_view's primary key (user_id, post_id
    between the oldest and newest candidate) instead of `post_id IN (400 bound parameters)`, and the
    followees fetched once. Everything else is feeds.for_you_feed as it stands."""
    position = feeds.FeedCursor.decode(cursor)
    if position is None:
        anchor = utcnow().replace(microsecond=0)
        anchor_max_id = session.exec(select(func.max(Post.id))).one() or 0
    else:
        anchor = datetime.fromtimestamp(position.anchor_seconds, tz=UTC)
        anchor_max_id = position.anchor_max_id
    viewer_id = viewer.id if viewer else None
    stmt = select(
        Post.id, Post.author_id, Post.created_at, Post.like_count, Post.comment_count,
        Post.repost_count, Post.save_count, Post.photo_count,
    ).where(Post.id <= anchor_max_id, Post.created_at > anchor - feeds.FOR_YOU_WINDOW)
    hidden = feeds.hidden_author_ids(session, viewer_id)
    if hidden:
        stmt = stmt.where(col(Post.author_id).not_in(hidden))
    if viewer_id is not None:
        stmt = stmt.where(Post.author_id != viewer_id)
    rows = session.exec(stmt.order_by(col(Post.id).desc()).limit(feeds.FOR_YOU_CANDIDATES)).all()
    followed: set[int] = set()
    seen: set[int] = set()
    if viewer_id is not None and rows:
        followed = set(session.exec(select(Follow.followee_id).where(Follow.follower_id == viewer_id)).all())
        seen = set(
            session.exec(
                select(PostView.post_id).where(
                    PostView.user_id == viewer_id,
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
        next_cursor = feeds.FeedCursor(
            before_id=last_id, anchor_seconds=int(anchor.timestamp()), anchor_max_id=anchor_max_id, score=last_score,
        ).encode()
    return FeedPage(cards=feeds.build_cards(session, posts, viewer_id), next_cursor=next_cursor)


_original_build_cards = presenters.build_cards


def build_cards_one_flag_query(session: Session, posts, viewer_id: int | None):
    """build_cards with the viewer's likes and saves read by one UNION ALL instead of two statements.

    Runs the original with viewer_id=None (which skips both look-ups), then sets the two flags.
    """
    cards = _original_build_cards(session, posts, None)
    if viewer_id is None or not cards:
        return cards
    post_ids = [p.id for p in posts]
    flags = session.exec(
        union_all(
            select(PostLike.post_id, literal(1)).where(PostLike.user_id == viewer_id, col(PostLike.post_id).in_(post_ids)),
            select(PostSave.post_id, literal(2)).where(PostSave.user_id == viewer_id, col(PostSave.post_id).in_(post_ids)),
        )
    ).all()
    liked = {post_id for post_id, kind in flags if kind == 1}
    saved = {post_id for post_id, kind in flags if kind == 2}
    for card, post in zip(cards, posts, strict=True):
        card.liked = post.id in liked
        card.saved = post.id in saved
        card.is_own = viewer_id == post.author_id
    return cards


# name -> (module, attribute, replacement)
CANDIDATES: dict[str, tuple[object, str, Callable]] = {
    "following-in-union": (feeds, "following_feed", following_in_union),
    "hidden-one-query": (feeds, "hidden_author_ids", hidden_author_ids_one_query),
    "for-you-seen-range": (feeds, "for_you_feed", for_you_seen_range),
    "cards-one-flag-query": (feeds, "build_cards", build_cards_one_flag_query),
}


class Patch:
    """Some candidates, switched on and off around a call (the benchmark alternates the two)."""

    def __init__(self, names: list[str]) -> None:
        unknown = [name for name in names if name not in CANDIDATES]
        if unknown:
            raise SystemExit(f"unknown candidate {', '.join(unknown)}; known: {', '.join(CANDIDATES)}")
        self.names = names
        self._swaps = [(module, attribute, getattr(module, attribute), replacement)
                       for module, attribute, replacement in (CANDIDATES[name] for name in names)]

    @classmethod
    def named(cls, spec: str) -> Patch:
        """From a comma-separated list; 'all' means every candidate."""
        names = [name.strip() for name in spec.split(",") if name.strip()]
        return cls(list(CANDIDATES) if names == ["all"] else names)

    def on(self) -> None:
        for module, attribute, _, replacement in self._swaps:
            setattr(module, attribute, replacement)

    def off(self) -> None:
        for module, attribute, original, _ in self._swaps:
            setattr(module, attribute, original)
