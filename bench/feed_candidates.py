"""Proposed changes to the feed services, applied by monkeypatching so the benchmark can measure them
before anyone edits socialshop/ (`python -m bench.feed --try hidden-one-query,...`).

Each candidate is a copy of the service function with one change, named after that change. Once a
change is applied in socialshop/, its candidate here is obsolete and should be deleted.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import literal, union_all
from sqlmodel import Session, col, select

from socialshop.models.social import Block, Mute, PostLike, PostSave
from socialshop.services.social import feeds, presenters


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
            select(PostLike.post_id, literal(1)).where(
                PostLike.user_id == viewer_id, col(PostLike.post_id).in_(post_ids)
            ),
            select(PostSave.post_id, literal(2)).where(
                PostSave.user_id == viewer_id, col(PostSave.post_id).in_(post_ids)
            ),
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
    "hidden-one-query": (feeds, "hidden_author_ids", hidden_author_ids_one_query),
    "cards-one-flag-query": (feeds, "build_cards", build_cards_one_flag_query),
}


class Patch:
    """Some candidates, switched on and off around a call (the benchmark alternates the two)."""

    def __init__(self, names: list[str]) -> None:
        unknown = [name for name in names if name not in CANDIDATES]
        if unknown:
            raise SystemExit(f"unknown candidate {', '.join(unknown)}; known: {', '.join(CANDIDATES)}")
        self.names = names
        self._swaps = [
            (module, attribute, getattr(module, attribute), replacement)
            for module, attribute, replacement in (CANDIDATES[name] for name in names)
        ]

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
