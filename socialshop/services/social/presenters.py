"""Small read models shared by the social views: ages, authors, grid tiles (feed cards: `cards`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.social import Post, PostPhoto
from socialshop.schemas.social import AuthorView, GridTile
from socialshop.services.accounts import initials_of


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
    return author_from(user.username, user.display_name, user.avatar_file)


def author_from(username: str, display_name: str, avatar_file: str | None) -> AuthorView:
    return AuthorView(
        username=username,
        display_name=display_name,
        avatar_url=routes.upload_url(avatar_file),
        initials=initials_of(display_name),
    )


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
