"""Public shapes of the social domain: what a feed card, a comment or a notification shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextSegment:
    """A piece of user text: plain `text`, or a `tag` / `mention` / `url` link we built."""

    kind: str = "text"
    text: str = ""
    href: str = ""


@dataclass
class PhotoView:
    url: str = ""
    thumb_url: str = ""
    alt: str = ""


@dataclass
class ProductPin:
    """A product tagged on one of a post's photos, at (left, top) percent of the photo."""

    product_id: int = 0
    product_slug: str = ""
    title: str = ""
    price_text: str = ""
    thumb_url: str = ""
    photo_position: int = 0
    left: str = "50%"
    top: str = "50%"
    sold_out: bool = False


@dataclass
class AuthorView:
    username: str = ""
    display_name: str = ""
    avatar_url: str = ""
    initials: str = ""


@dataclass
class QuotedPost:
    id: int = 0
    author: AuthorView = field(default_factory=AuthorView)
    segments: list[TextSegment] = field(default_factory=list)
    thumb_url: str = ""
    age: str = ""


@dataclass
class PostCard:
    id: int = 0
    author: AuthorView = field(default_factory=AuthorView)
    segments: list[TextSegment] = field(default_factory=list)
    body: str = ""
    photos: list[PhotoView] = field(default_factory=list)
    age: str = ""
    created_iso: str = ""
    edited: bool = False
    like_count: int = 0
    comment_count: int = 0
    repost_count: int = 0
    liked: bool = False
    saved: bool = False
    is_own: bool = False
    has_quote: bool = False
    quote: QuotedPost = field(default_factory=QuotedPost)
    # Filled by the commerce layer for shoppable posts.
    pins: list[ProductPin] = field(default_factory=list)


@dataclass
class FeedPage:
    cards: list[PostCard] = field(default_factory=list)
    next_cursor: str = ""


@dataclass
class CommentView:
    id: int = 0
    parent_id: int = 0
    is_reply: bool = False
    author: AuthorView = field(default_factory=AuthorView)
    segments: list[TextSegment] = field(default_factory=list)
    age: str = ""
    is_own: bool = False


@dataclass
class NotificationView:
    id: int = 0
    kind: str = ""
    actor: AuthorView = field(default_factory=AuthorView)
    text: str = ""
    href: str = ""
    excerpt: str = ""
    age: str = ""
    unread: bool = False


@dataclass
class SocialProfile:
    """The social half of a profile page: counts and the viewer's relation to the person."""

    post_count: int = 0
    follower_count: int = 0
    following_count: int = 0
    viewer_follows: bool = False
    follows_viewer: bool = False
    viewer_blocked: bool = False
    viewer_muted: bool = False


@dataclass
class GridTile:
    """One square on a profile grid."""

    post_id: int = 0
    thumb_url: str = ""
    excerpt: str = ""
    photo_count: int = 0
    like_count: int = 0
    comment_count: int = 0
