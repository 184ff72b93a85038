"""Posts: write, edit, delete, read one. Photos are checked like every upload."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, update
from sqlmodel import Session, select

from socialshop.models.accounts import Role, User, utcnow
from socialshop.models.social import NotificationKind, Post, PostMention, PostPhoto, PostTag
from socialshop.schemas.social import PostCard
from socialshop.services import media, stored_files
from socialshop.services.accounts import clean_text
from socialshop.services.errors import DomainError
from socialshop.services.rate_limits import POST_PER_USER, RateLimiter
from socialshop.services.social import notifications
from socialshop.services.social.blocks import is_blocked_between
from socialshop.services.social.cards import cards_for_ids
from socialshop.services.social.errors import SocialErrorCode as S
from socialshop.services.social.graph import require_actor
from socialshop.services.social.text import extract_mentions, extract_tags

BODY_MAX = 2000
PHOTOS_MAX = 6


@dataclass(frozen=True)
class PhotoUpload:
    filename: str
    data: bytes


@dataclass
class RejectedPhoto:
    filename: str
    code: media.MediaErrorCode


@dataclass
class PublishResult:
    post: Post
    rejected: list[RejectedPhoto] = field(default_factory=list)


def may_change_post(actor: User, post: Post) -> bool:
    """The one rule for who may edit or delete a post: its author (moderators may delete, see below)."""
    return actor.id == post.author_id


def may_delete_post(actor: User, post: Post) -> bool:
    return may_change_post(actor, post) or actor.role in (Role.MODERATOR, Role.ADMIN)


def _clean_body(body: str) -> str:
    body = clean_text(body)
    if len(body) > BODY_MAX:
        raise DomainError(S.POST_TOO_LONG, "body")
    return body


def _index_text(session: Session, post: Post, actor: User, *, notify_new_mentions: bool) -> None:
    """(Re)write the post's hashtags and mentions; notify people newly mentioned."""
    session.exec(delete(PostTag).where(PostTag.post_id == post.id))
    for tag in extract_tags(post.body):
        session.add(PostTag(post_id=post.id, tag=tag))
    already = set(session.exec(select(PostMention.user_id).where(PostMention.post_id == post.id)).all())
    names = extract_mentions(post.body)
    mentioned = session.exec(select(User).where(User.username.in_(names))).all() if names else []
    session.exec(delete(PostMention).where(PostMention.post_id == post.id))
    for user in mentioned:
        session.add(PostMention(post_id=post.id, user_id=user.id))
        if notify_new_mentions and user.id not in already:
            notifications.notify(
                session=session, recipient_id=user.id, actor_id=actor.id,
                kind=NotificationKind.MENTION, post_id=post.id,
            )


def create_post(
    *,
    session: Session,
    actor: User | None,
    body: str,
    photos: list[PhotoUpload] | None = None,
    quote_of_id: int | None = None,
    uploads_dir: Path,
    limiter: RateLimiter | None = None,
) -> PublishResult:
    """Publish a post. Bad photos are left out and reported; the rest of the post is kept."""
    actor = require_actor(actor)
    body = _clean_body(body)
    photos = photos or []
    if len(photos) > PHOTOS_MAX:
        raise DomainError(S.TOO_MANY_PHOTOS, "photos")
    quoted = None
    if quote_of_id is not None:
        quoted = session.get(Post, quote_of_id)
        if quoted is None:
            raise DomainError(S.POST_NOT_FOUND)
        if is_blocked_between(session, actor.id, quoted.author_id):
            raise DomainError(S.BLOCKED)
    # Decode every photo before writing anything, so a refusal never leaves half a post.
    accepted: list[tuple[bytes, bytes]] = []
    rejected: list[RejectedPhoto] = []
    for upload in photos:
        try:
            image = media.decode_image(upload.data)
        except DomainError as exc:
            rejected.append(RejectedPhoto(filename=upload.filename[:100], code=exc.code))  # type: ignore[arg-type]
            continue
        accepted.append(
            (media.render_variant(image, media.PHOTO), media.render_variant(image, media.THUMBNAIL))
        )
    if not body and not accepted and quoted is None:
        raise DomainError(S.POST_EMPTY, "body")
    if limiter is not None and not limiter.hit(POST_PER_USER, "post", str(actor.id)):
        raise DomainError(S.RATE_LIMITED)
    post = Post(author_id=actor.id, body=body, quote_of_id=quote_of_id, photo_count=len(accepted))
    session.add(post)
    session.flush()
    written: list[str] = []
    for position, (full, thumb) in enumerate(accepted):
        full_name = media.write_encoded(full, uploads_dir=uploads_dir, folder="posts")
        thumb_name = media.write_encoded(thumb, uploads_dir=uploads_dir, folder="posts/thumbs")
        written += [full_name, thumb_name]
        session.add(PostPhoto(post_id=post.id, position=position, file=full_name, thumb_file=thumb_name))
    _remove_files_on_rollback(session, written, uploads_dir)
    _index_text(session, post, actor, notify_new_mentions=True)
    if quoted is not None:
        session.exec(update(Post).where(Post.id == quoted.id).values(repost_count=Post.repost_count + 1))
        notifications.notify(
            session=session, recipient_id=quoted.author_id, actor_id=actor.id,
            kind=NotificationKind.REPOST, post_id=post.id,
        )
    session.flush()
    return PublishResult(post=post, rejected=rejected)


def _remove_files_on_rollback(session: Session, files: list[str], uploads_dir: Path) -> None:
    stored_files.discard_if_rolled_back(session, files, uploads_dir)


def _own_post(session: Session, actor: User | None, post_id: int) -> tuple[User, Post]:
    actor = require_actor(actor)
    post = session.get(Post, post_id)
    if post is None:
        raise DomainError(S.POST_NOT_FOUND)
    return actor, post


def edit_post(*, session: Session, actor: User | None, post_id: int, body: str) -> Post:
    actor, post = _own_post(session, actor, post_id)
    if not may_change_post(actor, post):
        raise DomainError(S.NOT_YOUR_POST)
    body = _clean_body(body)
    if not body and post.photo_count == 0 and post.quote_of_id is None:
        raise DomainError(S.POST_EMPTY, "body")
    post.body = body
    post.edited_at = utcnow()
    session.add(post)
    session.flush()
    _index_text(session, post, actor, notify_new_mentions=True)
    return post


def delete_post(*, session: Session, actor: User | None, post_id: int, uploads_dir: Path) -> None:
    actor, post = _own_post(session, actor, post_id)
    if not may_delete_post(actor, post):
        raise DomainError(S.NOT_YOUR_POST)
    files = [
        name
        for photo in session.exec(select(PostPhoto).where(PostPhoto.post_id == post.id)).all()
        for name in (photo.file, photo.thumb_file)
    ]
    if post.quote_of_id is not None:
        session.exec(
            update(Post).where(Post.id == post.quote_of_id, Post.repost_count > 0)
            .values(repost_count=Post.repost_count - 1)
        )
    session.delete(post)
    session.flush()
    if files:
        stored_files.discard_once_committed(session, files, uploads_dir)


def get_post_card(*, session: Session, viewer: User | None, post_id: int) -> PostCard | None:
    """One post as a card, unless it is gone or hidden from this viewer."""
    post = session.get(Post, post_id)
    if post is None:
        return None
    # Mute hides from feeds only: a link (say, from their mention of you) still opens the post.
    if viewer is not None and is_blocked_between(session, viewer.id, post.author_id):
        return None
    cards = cards_for_ids(session, [post.id], viewer.id if viewer else None)
    return cards[0] if cards else None  # deleted by someone else in between
