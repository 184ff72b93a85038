"""Social proof on a product: what the people you follow did with it."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.catalog import WishlistItem
from socialshop.models.social import Follow


def followed_savers(session: Session, viewer: User | None, product_id: int) -> int:
    """How many people the viewer follows saved this product."""
    if viewer is None:
        return 0
    return session.exec(
        select(func.count())
        .select_from(WishlistItem)
        .join(Follow, (Follow.followee_id == WishlistItem.user_id) & (Follow.follower_id == viewer.id))
        .where(WishlistItem.product_id == product_id)
    ).one()


def social_proof_text(session: Session, viewer: User | None, product_id: int) -> str:
    savers = followed_savers(session, viewer, product_id)
    if savers == 1:
        return "1 person you follow saved this"
    if savers > 1:
        return f"{savers} people you follow saved this"
    return ""
