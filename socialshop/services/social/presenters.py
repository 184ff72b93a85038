"""Turn post rows into feed cards in a fixed number of queries, whatever the page size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Post, PostLike, PostPhoto, PostSave
from socialshop.schemas.social import AuthorView, GridTile, PhotoView, PostCard, QuotedPost
from socialshop.services.accounts import initials_of
from socialshop.services.social.text import segments


def relative_age(then: datetime, now: datetime | None = None) -> str:
    """'now', '5m', '3h', '2d', then a date: the compact ages social apps use."""
    now = now or utcnow()
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86400:
        return f"{seconds // 3600}h"
    if seconds < 7 * 86400:
        return f"{seconds // 86400}d"
    if then.year == now.year:
        return f"{then:%b} {then.day}"
    return f"{then:%b} {then.day}, {then.year}"


def author_view(user: User) -> AuthorView:
    return AuthorView(
        username=user.username,
        display_name=user.display_name,
        avatar_url=routes.upload_url(user.avatar_file),
        initials=initials_of(user.display_name),
    )


def build_cards(session: Session, posts: Sequence[Post], viewer_id: int | None) -> list[PostCard]:
    """Cards for posts, in the given order: authors, photos, quotes and the viewer's likes/saves."""
    if not posts:
        return []
    post_ids = [p.id for p in posts]
    quote_ids = [p.quote_of_id for p in posts if p.quote_of_id]
    quotes = {q.id: q for q in session.exec(select(Post).where(Post.id.in_(quote_ids))).all()} if quote_ids else {}
    author_ids = {p.author_id for p in posts} | {q.author_id for q in quotes.values()}
    authors = {u.id: u for u in session.exec(select(User).where(User.id.in_(author_ids))).all()}
    photos: dict[int, list[PhotoView]] = {}
    for photo in session.exec(
        select(PostPhoto).where(PostPhoto.post_id.in_(post_ids + list(quotes))).order_by(PostPhoto.post_id, PostPhoto.position)
    ).all():
        photos.setdefault(photo.post_id, []).append(
            PhotoView(url=routes.upload_url(photo.file), thumb_url=routes.upload_url(photo.thumb_file), alt=photo.alt)
        )
    liked: set[int] = set()
    saved: set[int] = set()
    if viewer_id is not None:
        liked = set(session.exec(select(PostLike.post_id).where(PostLike.user_id == viewer_id, PostLike.post_id.in_(post_ids))).all())
        saved = set(session.exec(select(PostSave.post_id).where(PostSave.user_id == viewer_id, PostSave.post_id.in_(post_ids))).all())
    now = utcnow()
    cards = []
    for post in posts:
        card = PostCard(
            id=post.id,
            author=author_view(authors[post.author_id]),
            segments=segments(post.body),
            body=post.body,
            photos=photos.get(post.id, []),
            age=relative_age(post.created_at, now),
            created_iso=post.created_at.isoformat(),
            edited=post.edited_at is not None,
            like_count=post.like_count,
            comment_count=post.comment_count,
            repost_count=post.repost_count,
            liked=post.id in liked,
            saved=post.id in saved,
            is_own=viewer_id == post.author_id,
        )
        if post.quote_of_id is not None:
            quoted = quotes.get(post.quote_of_id)
            if quoted is not None:
                quoted_photos = photos.get(quoted.id, [])
                card.has_quote = True
                card.quote = QuotedPost(
                    id=quoted.id,
                    author=author_view(authors[quoted.author_id]),
                    segments=segments(quoted.body[:280]),
                    thumb_url=quoted_photos[0].thumb_url if quoted_photos else "",
                    age=relative_age(quoted.created_at, now),
                )
        cards.append(card)
    return cards


def build_tiles(session: Session, posts: Sequence[Post]) -> list[GridTile]:
    if not posts:
        return []
    first_photo: dict[int, str] = {}
    for photo in session.exec(
        select(PostPhoto).where(PostPhoto.post_id.in_([p.id for p in posts]), PostPhoto.position == 0)
    ).all():
        first_photo[photo.post_id] = routes.upload_url(photo.thumb_file)
    return [
        GridTile(
            post_id=p.id,
            thumb_url=first_photo.get(p.id, ""),
            excerpt=p.body[:120],
            photo_count=p.photo_count,
            like_count=p.like_count,
            comment_count=p.comment_count,
        )
        for p in posts
    ]
