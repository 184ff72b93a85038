"""Likes, saves, comments and replies, and sharing a post with someone you follow."""

from __future__ import annotations

from sqlalchemy import case, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Comment, NotificationKind, Post, PostLike, PostSave
from socialshop.schemas.social import CommentView
from socialshop.services.accounts import clean_text
from socialshop.services.errors import DomainError
from socialshop.services.rate_limits import COMMENT_PER_USER, RateLimiter
from socialshop.services.social import notifications
from socialshop.services.social.blocks import hidden_author_ids, is_blocked_between
from socialshop.services.social.errors import SocialErrorCode as S
from socialshop.services.social.graph import follows, require_actor, user_by_username
from socialshop.services.social.presenters import author_view, relative_age
from socialshop.services.social.text import segments

COMMENT_MAX = 1000


def _visible_post(session: Session, actor: User, post_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None:
        raise DomainError(S.POST_NOT_FOUND)
    if is_blocked_between(session, actor.id, post.author_id):
        raise DomainError(S.BLOCKED)
    return post


def _insert_once(session: Session, row: PostLike | PostSave, key: tuple[int, int]) -> bool:
    """Insert a row keyed by its primary key; False if it was already there (even under a race)."""
    if session.get(type(row), key) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def like(*, session: Session, actor: User | None, post_id: int) -> int:
    """Idempotent; returns the post's like count."""
    actor = require_actor(actor)
    post = _visible_post(session, actor, post_id)
    if _insert_once(session, PostLike(user_id=actor.id, post_id=post.id), (actor.id, post.id)):
        session.exec(update(Post).where(Post.id == post.id).values(like_count=Post.like_count + 1))
        notifications.notify(
            session=session, recipient_id=post.author_id, actor_id=actor.id,
            kind=NotificationKind.LIKE, post_id=post.id,
        )
    session.refresh(post)
    return post.like_count


def unlike(*, session: Session, actor: User | None, post_id: int) -> int:
    actor = require_actor(actor)
    post = session.get(Post, post_id)
    if post is None:
        raise DomainError(S.POST_NOT_FOUND)
    removed = session.exec(delete(PostLike).where(PostLike.user_id == actor.id, PostLike.post_id == post.id))
    if removed.rowcount:
        session.exec(
            update(Post).where(Post.id == post.id, Post.like_count > 0).values(like_count=Post.like_count - 1)
        )
    session.refresh(post)
    return post.like_count


def save(*, session: Session, actor: User | None, post_id: int) -> None:
    actor = require_actor(actor)
    post = _visible_post(session, actor, post_id)
    if _insert_once(session, PostSave(user_id=actor.id, post_id=post.id), (actor.id, post.id)):
        session.exec(update(Post).where(Post.id == post.id).values(save_count=Post.save_count + 1))


def unsave(*, session: Session, actor: User | None, post_id: int) -> None:
    actor = require_actor(actor)
    removed = session.exec(delete(PostSave).where(PostSave.user_id == actor.id, PostSave.post_id == post_id))
    if removed.rowcount:
        session.exec(
            update(Post).where(Post.id == post_id, Post.save_count > 0).values(save_count=Post.save_count - 1)
        )


def add_comment(
    *,
    session: Session,
    actor: User | None,
    post_id: int,
    body: str,
    parent_id: int | None = None,
    limiter: RateLimiter | None = None,
) -> Comment:
    """Comment on a post, or reply to a top-level comment (replies cannot be replied to)."""
    actor = require_actor(actor)
    post = _visible_post(session, actor, post_id)
    body = clean_text(body)
    if not body:
        raise DomainError(S.COMMENT_EMPTY, "body")
    if len(body) > COMMENT_MAX:
        raise DomainError(S.COMMENT_TOO_LONG, "body")
    parent = None
    if parent_id is not None:
        parent = session.get(Comment, parent_id)
        if parent is None or parent.post_id != post.id:
            raise DomainError(S.COMMENT_NOT_FOUND)
        if parent.parent_id is not None:
            raise DomainError(S.REPLY_TO_REPLY)
        if is_blocked_between(session, actor.id, parent.author_id):
            # Hidden from each other: a reply would land under a comment its writer cannot see.
            raise DomainError(S.BLOCKED)
    if limiter is not None and not limiter.hit(COMMENT_PER_USER, "comment", str(actor.id)):
        raise DomainError(S.RATE_LIMITED)
    comment = Comment(post_id=post.id, author_id=actor.id, parent_id=parent_id, body=body)
    session.add(comment)
    session.flush()
    session.exec(update(Post).where(Post.id == post.id).values(comment_count=Post.comment_count + 1))
    notifications.notify(
        session=session, recipient_id=post.author_id, actor_id=actor.id,
        kind=NotificationKind.COMMENT, post_id=post.id, comment_id=comment.id,
    )
    if parent is not None and parent.author_id != post.author_id:
        notifications.notify(
            session=session, recipient_id=parent.author_id, actor_id=actor.id,
            kind=NotificationKind.REPLY, post_id=post.id, comment_id=comment.id,
        )
    return comment


def delete_comment(*, session: Session, actor: User | None, comment_id: int) -> None:
    """The comment's author or the post's author may remove a comment (with its replies)."""
    actor = require_actor(actor)
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise DomainError(S.COMMENT_NOT_FOUND)
    post = session.get(Post, comment.post_id)
    if actor.id not in (comment.author_id, post.author_id):
        raise DomainError(S.NOT_YOUR_COMMENT)
    replies = session.exec(select(Comment.id).where(Comment.parent_id == comment.id)).all()
    session.delete(comment)
    session.flush()
    removed = 1 + len(replies)
    # In SQL, from the stored count: another request may have changed it since `post` was read.
    session.exec(
        update(Post).where(Post.id == post.id)
        .values(comment_count=case((Post.comment_count > removed, Post.comment_count - removed), else_=0))
    )


def comments_for(*, session: Session, viewer: User | None, post_id: int, limit: int = 200) -> list[CommentView]:
    """Top-level comments oldest first, each followed by its replies."""
    hidden = hidden_author_ids(session, viewer.id if viewer else None)
    rows = session.exec(
        select(Comment, User)
        .join(User, User.id == Comment.author_id)
        .where(Comment.post_id == post_id)
        .order_by(Comment.created_at, Comment.id)
        .limit(limit)
    ).all()
    views: dict[int, CommentView] = {}
    replies: dict[int, list[CommentView]] = {}
    order: list[int] = []
    for comment, author in rows:
        if comment.author_id in hidden:
            continue
        view = CommentView(
            id=comment.id,
            parent_id=comment.parent_id or 0,
            is_reply=comment.parent_id is not None,
            author=author_view(author),
            segments=segments(comment.body),
            age=relative_age(comment.created_at),
            is_own=viewer is not None and viewer.id == comment.author_id,
        )
        if comment.parent_id is None:
            views[comment.id] = view
            order.append(comment.id)
        else:
            replies.setdefault(comment.parent_id, []).append(view)
    out: list[CommentView] = []
    for comment_id in order:
        out.append(views[comment_id])
        out.extend(replies.get(comment_id, []))
    return out


def share_with(*, session: Session, actor: User | None, post_id: int, username: str) -> None:
    """Send a post to someone you follow; it arrives as a notification."""
    actor = require_actor(actor)
    post = _visible_post(session, actor, post_id)
    recipient = user_by_username(session, username)
    if not follows(session, actor.id, recipient.id):
        raise DomainError(S.SHARE_NOT_FOLLOWING)
    if is_blocked_between(session, recipient.id, post.author_id) or is_blocked_between(session, actor.id, recipient.id):
        raise DomainError(S.BLOCKED)
    notifications.notify(
        session=session, recipient_id=recipient.id, actor_id=actor.id,
        kind=NotificationKind.SHARE, post_id=post.id,
    )
