"""Activity: who liked, commented, replied, followed, mentioned or shared, and what is unread."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, text, update
from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.social import LiveClient, Notification, NotificationKind, Post
from socialshop.schemas.social import NotificationView
from socialshop.services.social.blocks import BLOCKED_EITHER_WAY_SQL, is_blocked_between
from socialshop.services.social.presenters import author_view, relative_age

DEDUPE_WINDOW = timedelta(hours=24)
# Recipients notified in a unit of work are collected here, so the UI layer can push live badges
# after the commit without the services knowing anything about browsers.
NOTIFIED_USERS_KEY = "socialshop.notified_user_ids"

_TEXT = {
    NotificationKind.LIKE: "liked your post",
    NotificationKind.COMMENT: "commented on your post",
    NotificationKind.REPLY: "replied to your comment",
    NotificationKind.FOLLOW: "started following you",
    NotificationKind.MENTION: "mentioned you in a post",
    NotificationKind.SHARE: "sent you a post",
    NotificationKind.REPOST: "reposted your post",
}


# Kinds that are not sent twice for the same thing: unlike-and-like-again, unfollow/follow or
# sharing one post over and over must not spam the recipient (within the window); a mention is
# sent once per post ever, however often the post is edited.
_ONCE_PER_WINDOW = {NotificationKind.LIKE, NotificationKind.FOLLOW, NotificationKind.SHARE}
_ONCE_EVER = {NotificationKind.MENTION}


def notify(
    *,
    session: Session,
    recipient_id: int,
    actor_id: int,
    kind: NotificationKind,
    post_id: int | None = None,
    comment_id: int | None = None,
) -> Notification | None:
    """Record one notification, unless it is to yourself, between people where either blocked the
    other (a blocker's replies and mentions would point at what the blocked person cannot open),
    or a repeat."""
    if recipient_id == actor_id:
        return None
    if is_blocked_between(session, recipient_id, actor_id):
        return None
    if kind in _ONCE_PER_WINDOW or kind in _ONCE_EVER:
        same = select(Notification.id).where(
            Notification.recipient_id == recipient_id,
            Notification.actor_id == actor_id,
            Notification.kind == kind.value,
            Notification.post_id == post_id if post_id is not None else Notification.post_id.is_(None),
        )
        if kind in _ONCE_PER_WINDOW:
            same = same.where(Notification.created_at > utcnow() - DEDUPE_WINDOW)
        if session.exec(same).first() is not None:
            return None
    note = Notification(
        recipient_id=recipient_id, actor_id=actor_id, kind=kind.value, post_id=post_id, comment_id=comment_id
    )
    session.add(note)
    session.flush()
    session.info.setdefault(NOTIFIED_USERS_KEY, set()).add(recipient_id)
    return note


_ACTOR_NOT_BLOCKED_SQL = f"notification.actor_id NOT IN ({BLOCKED_EITHER_WAY_SQL})"


def _from_people_not_blocked(user_id: int):
    """Notifications stay where they were written, but a block made later hides those from that person."""
    return text(_ACTOR_NOT_BLOCKED_SQL).bindparams(hidden_for=user_id)


def unread_count(*, session: Session, user_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(Notification)
        .where(Notification.recipient_id == user_id, Notification.read_at.is_(None), _from_people_not_blocked(user_id))
    ).one()


def mark_all_read(*, session: Session, user: User) -> None:
    session.exec(
        update(Notification)
        # Only what the list shows: notifications hidden by a block come back unread if it is lifted.
        .where(Notification.recipient_id == user.id, Notification.read_at.is_(None), _from_people_not_blocked(user.id))
        .values(read_at=utcnow())
    )


def recent(*, session: Session, user: User, limit: int = 50) -> list[NotificationView]:
    rows = session.exec(
        select(Notification, User, Post)
        .join(User, User.id == Notification.actor_id)
        .join(Post, Post.id == Notification.post_id, isouter=True)
        .where(Notification.recipient_id == user.id, _from_people_not_blocked(user.id))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    ).all()
    now = utcnow()
    views = []
    for note, actor, post in rows:
        kind = NotificationKind(note.kind)
        href = routes.post_url(post.id) if post is not None else routes.profile_url(actor.username)
        views.append(
            NotificationView(
                id=note.id,
                kind=note.kind,
                actor=author_view(actor),
                text=_TEXT[kind],
                href=href,
                excerpt=(post.body[:80] + ("…" if len(post.body) > 80 else "")) if post is not None else "",
                age=relative_age(note.created_at, now),
                unread=note.read_at is None,
            )
        )
    return views


# --- live delivery: which open tabs belong to whom ----------------------------------------------


# A tab not seen for this long is closed (or its browser is): it gets no pushes and its row goes.
LIVE_CLIENT_MAX_AGE = timedelta(days=1)


def register_live_client(*, session: Session, user_id: int, client_token: str) -> None:
    # Tabs closed without saying so (a crash, a dropped connection) leave rows: each new visit
    # clears that user's stale ones, so the table stays about as large as the open tabs.
    session.exec(
        delete(LiveClient).where(
            LiveClient.user_id == user_id,
            LiveClient.client_token != client_token,
            LiveClient.seen_at < utcnow() - LIVE_CLIENT_MAX_AGE,
        )
    )
    row = session.get(LiveClient, client_token)
    if row is None:
        session.add(LiveClient(client_token=client_token, user_id=user_id))
    else:
        row.user_id = user_id
        row.seen_at = utcnow()
        session.add(row)


def forget_live_client(*, session: Session, client_token: str) -> None:
    row = session.get(LiveClient, client_token)
    if row is not None:
        session.delete(row)


def live_clients(
    *, session: Session, user_ids: list[int], max_age: timedelta = LIVE_CLIENT_MAX_AGE
) -> dict[int, list[str]]:
    if not user_ids:
        return {}
    rows = session.exec(
        select(LiveClient).where(LiveClient.user_id.in_(user_ids), LiveClient.seen_at > utcnow() - max_age)
    ).all()
    out: dict[int, list[str]] = {}
    for row in rows:
        out.setdefault(row.user_id, []).append(row.client_token)
    return out
