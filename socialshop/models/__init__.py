"""SQLModel tables, one module per domain; importing this registers them all."""

from socialshop.models.accounts import AuthSession, LoginNonce, Role, User
from socialshop.models.catalog import (
    Product,
    ProductPhoto,
    ProductStatus,
    ProductVariant,
    Shop,
    ShopFollow,
    WishlistItem,
)
from socialshop.models.commerce import CartItem, CommerceEvent, CommerceEventKind, PostProductTag
from socialshop.models.social import (
    Block,
    Comment,
    Follow,
    LiveClient,
    Mute,
    Notification,
    NotificationKind,
    Post,
    PostLike,
    PostMention,
    PostPhoto,
    PostSave,
    PostTag,
    PostView,
    Report,
    ReportStatus,
)

__all__ = [
    "CartItem", "CommerceEvent", "CommerceEventKind", "PostProductTag", "Product", "ProductPhoto",
    "ProductStatus", "ProductVariant", "Shop", "ShopFollow", "WishlistItem",
    "AuthSession", "Block", "Comment", "Follow", "LiveClient", "LoginNonce", "Mute", "Notification",
    "NotificationKind", "Post", "PostLike", "PostMention", "PostPhoto", "PostSave", "PostTag",
    "PostView", "Report", "ReportStatus", "Role", "User",
]
