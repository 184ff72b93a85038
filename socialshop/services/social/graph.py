"""Who follows, blocks and mutes whom."""

from __future__ import annotations

from sqlalchemy import delete, func, or_
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Block, Follow, Mute, NotificationKind, Post
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.social import SocialProfile
from socialshop.services import accounts
from socialshop.services.errors import DomainError
from socialshop.services.social import notifications
from socialshop.services.social.blocks import blocked_either_way_ids, hidden_author_ids, is_blocked_between
from socialshop.services.social.errors import SocialErrorCode as S


def require_actor(actor: User | None) -> User:
    if actor is None:
        raise DomainError(S.NOT_SIGNED_IN)
    return actor


def user_by_username(session: Session, username: str) -> User:
    user = accounts.get_user_by_username(session=session, username=username)
    if user is None:
        raise DomainError(S.USER_NOT_FOUND)
    return user


def _actor_and_target(
    session: Session, actor: User | None, username: str, *, refuse_self: S | None = None
) -> tuple[User, User]:
    """Who acts and on whom, for the follow, block and mute use-cases (`refuse_self`: not on oneself)."""
    actor = require_actor(actor)
    target = user_by_username(session, username)
    if refuse_self is not None and target.id == actor.id:
        raise DomainError(refuse_self)
    return actor, target


def follows(session: Session, follower_id: int, followee_id: int) -> bool:
    return session.get(Follow, (follower_id, followee_id)) is not None


def followee_ids(session: Session, follower_id: int) -> list[int]:
    return list(session.exec(select(Follow.followee_id).where(Follow.follower_id == follower_id)).all())


def follow(*, session: Session, actor: User | None, username: str) -> None:
    """Idempotent: following twice is the same as once (and notifies once)."""
    actor, target = _actor_and_target(session, actor, username, refuse_self=S.CANNOT_FOLLOW_SELF)
    if is_blocked_between(session, actor.id, target.id):
        raise DomainError(S.BLOCKED)
    if follows(session, actor.id, target.id):
        return
    session.add(Follow(follower_id=actor.id, followee_id=target.id))
    session.flush()
    notifications.notify(
        session=session, recipient_id=target.id, actor_id=actor.id, kind=NotificationKind.FOLLOW
    )


def unfollow(*, session: Session, actor: User | None, username: str) -> None:
    actor, target = _actor_and_target(session, actor, username)
    session.exec(delete(Follow).where(Follow.follower_id == actor.id, Follow.followee_id == target.id))


def block(*, session: Session, actor: User | None, username: str) -> None:
    """Blocking also ends follows in both directions."""
    actor, target = _actor_and_target(session, actor, username, refuse_self=S.CANNOT_BLOCK_SELF)
    if session.get(Block, (actor.id, target.id)) is None:
        session.add(Block(blocker_id=actor.id, blocked_id=target.id))
    session.exec(
        delete(Follow).where(
            or_(
                (Follow.follower_id == actor.id) & (Follow.followee_id == target.id),
                (Follow.follower_id == target.id) & (Follow.followee_id == actor.id),
            )
        )
    )
    session.flush()


def unblock(*, session: Session, actor: User | None, username: str) -> None:
    actor, target = _actor_and_target(session, actor, username)
    session.exec(delete(Block).where(Block.blocker_id == actor.id, Block.blocked_id == target.id))


def mute(*, session: Session, actor: User | None, username: str) -> None:
    actor, target = _actor_and_target(session, actor, username, refuse_self=S.CANNOT_BLOCK_SELF)
    if session.get(Mute, (actor.id, target.id)) is None:
        session.add(Mute(muter_id=actor.id, muted_id=target.id))
        session.flush()


def unmute(*, session: Session, actor: User | None, username: str) -> None:
    actor, target = _actor_and_target(session, actor, username)
    session.exec(delete(Mute).where(Mute.muter_id == actor.id, Mute.muted_id == target.id))


def social_profile(*, session: Session, viewer: User | None, username: str) -> SocialProfile:
    target = user_by_username(session, username)
    count = lambda stmt: session.exec(stmt).one()  # noqa: E731
    profile = SocialProfile(
        post_count=count(select(func.count()).select_from(Post).where(Post.author_id == target.id)),
        follower_count=count(select(func.count()).select_from(Follow).where(Follow.followee_id == target.id)),
        following_count=count(select(func.count()).select_from(Follow).where(Follow.follower_id == target.id)),
    )
    if viewer is not None and viewer.id != target.id:
        profile.viewer_follows = follows(session, viewer.id, target.id)
        profile.follows_viewer = follows(session, target.id, viewer.id)
        profile.viewer_blocked = session.get(Block, (viewer.id, target.id)) is not None
        profile.viewer_muted = session.get(Mute, (viewer.id, target.id)) is not None
    return profile


def _people(session: Session, owner: User, ids_query, viewer: User | None, limit: int) -> list[PersonCard]:
    """The people of a followers/following list, as the viewer may see them: nobody blocked either
    way, and no list at all of someone blocked either way (their profile shows no posts either)."""
    stmt = select(User).where(User.id.in_(ids_query))
    if viewer is not None:
        if is_blocked_between(session, viewer.id, owner.id):
            return []
        if hidden := blocked_either_way_ids(session, viewer.id):
            stmt = stmt.where(User.id.not_in(hidden))
    users = session.exec(stmt.order_by(User.username).limit(limit)).all()
    return [accounts.to_person_card(u) for u in users]


def followers(*, session: Session, viewer: User | None, username: str, limit: int = 200) -> list[PersonCard]:
    target = user_by_username(session, username)
    return _people(session, target, select(Follow.follower_id).where(Follow.followee_id == target.id), viewer, limit)


def following(*, session: Session, viewer: User | None, username: str, limit: int = 200) -> list[PersonCard]:
    target = user_by_username(session, username)
    return _people(session, target, select(Follow.followee_id).where(Follow.follower_id == target.id), viewer, limit)


def suggested_people(*, session: Session, viewer: User | None, limit: int = 5) -> list[PersonCard]:
    """People to follow: the most followed accounts the viewer does not follow yet."""
    follower_counts = (
        select(Follow.followee_id, func.count().label("n")).group_by(Follow.followee_id).subquery()
    )
    stmt = (
        select(User)
        .join(follower_counts, follower_counts.c.followee_id == User.id, isouter=True)
        .order_by(func.coalesce(follower_counts.c.n, 0).desc(), User.id)
    )
    if viewer is not None:
        hidden = hidden_author_ids(session, viewer.id)
        already = select(Follow.followee_id).where(Follow.follower_id == viewer.id)
        stmt = stmt.where(User.id != viewer.id, User.id.not_in(already))
        if hidden:
            stmt = stmt.where(User.id.not_in(hidden))
    return [accounts.to_person_card(u) for u in session.exec(stmt.limit(limit)).all()]
