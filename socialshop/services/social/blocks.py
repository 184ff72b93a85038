"""Blocking, the rule every part of the social graph obeys: who is hidden from whom.

Its own module (no other service imported) so notifications, feeds, cards and search can all
ask it without import cycles.
"""

from __future__ import annotations

from sqlalchemy import or_, text
from sqlmodel import Session, select

from socialshop.models.social import Block


def is_blocked_between(session: Session, a: int, b: int) -> bool:
    """True when either of the two has blocked the other."""
    return (
        session.exec(
            select(Block.blocker_id).where(
                or_(
                    (Block.blocker_id == a) & (Block.blocked_id == b),
                    (Block.blocker_id == b) & (Block.blocked_id == a),
                )
            )
        ).first()
        is not None
    )


def blocked_either_way_sql(param: str) -> str:
    """The ids of people that the user bound to `:param` blocked, or who blocked them."""
    return f"""
    SELECT blocked_id FROM user_block WHERE blocker_id = :{param}
    UNION ALL SELECT blocker_id FROM user_block WHERE blocked_id = :{param}
"""


# People :hidden_for blocked or who blocked them: hidden everywhere, search included.
BLOCKED_EITHER_WAY_SQL = blocked_either_way_sql("hidden_for")
# Authors kept from :hidden_for's feeds and comments: blocked either way, or muted by them.
# The feeds put it in their own statement; everyone else asks hidden_author_ids.
HIDDEN_AUTHORS_SQL = BLOCKED_EITHER_WAY_SQL + """
    UNION ALL SELECT muted_id FROM user_mute WHERE muter_id = :hidden_for
"""
_BLOCKED_EITHER_WAY = text(BLOCKED_EITHER_WAY_SQL)
_HIDDEN_AUTHORS = text(HIDDEN_AUTHORS_SQL)


def blocked_either_way_ids(session: Session, viewer_id: int | None) -> set[int]:
    """People the viewer blocked or who blocked the viewer: hidden everywhere, search included."""
    if viewer_id is None:
        return set()
    return set(session.execute(_BLOCKED_EITHER_WAY, {"hidden_for": viewer_id}).scalars().all())


def hidden_author_ids(session: Session, viewer_id: int | None) -> set[int]:
    """Authors kept out of the viewer's feeds and comments: blocked or muted by them, or blocking them."""
    if viewer_id is None:
        return set()
    return set(session.execute(_HIDDEN_AUTHORS, {"hidden_for": viewer_id}).scalars().all())
