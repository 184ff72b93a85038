"""Commerce tables: products tagged on post photos, the events the founders' funnel is built
from, and carts (orders arrive with the checkout work)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from socialshop.models.accounts import utcnow


class PostProductTag(SQLModel, table=True):
    """A product pinned on a post photo at (x, y), in thousandths of the photo's width and height."""

    __tablename__ = "post_product_tag"
    __table_args__ = (
        UniqueConstraint("post_id", "photo_position", "product_id", name="uq_tag_once_per_photo"),
        CheckConstraint("x >= 0 AND x <= 1000 AND y >= 0 AND y <= 1000", name="ck_tag_point"),
        Index("ix_post_product_tag_product", "product_id", "post_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    photo_position: int = Field(default=0)
    product_id: int = Field(foreign_key="product.id", ondelete="CASCADE")
    x: int = Field(default=500)
    y: int = Field(default=500)
    tagged_by_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class CommerceEventKind(StrEnum):
    TAG_IMPRESSION = "tag_impression"
    SHEET_OPEN = "sheet_open"
    VARIANT_PICK = "variant_pick"
    ADD_TO_CART = "add_to_cart"
    PRODUCT_VIEW = "product_view"


class CommerceEvent(SQLModel, table=True):
    """One step from post to purchase: who, which post, which product, what, when."""

    __tablename__ = "commerce_event"
    __table_args__ = (
        Index("ix_commerce_event_kind_time", "kind", "created_at"),
        Index("ix_commerce_event_post", "post_id", "kind"),
        Index("ix_commerce_event_product", "product_id", "kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")
    visitor: str = Field(default="", max_length=64)  # an anonymous browser id for guests
    post_id: int | None = Field(default=None, foreign_key="post.id", ondelete="SET NULL")
    product_id: int = Field(foreign_key="product.id", ondelete="CASCADE")
    variant_id: int | None = Field(default=None, foreign_key="product_variant.id", ondelete="SET NULL")
    kind: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class CartItem(SQLModel, table=True):
    """A line in a cart: a user's, or a guest browser's until they log in."""

    __tablename__ = "cart_item"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="ck_cart_quantity_positive"),
        CheckConstraint("(user_id IS NULL) <> (guest_key IS NULL)", name="ck_cart_one_owner"),
        UniqueConstraint("user_id", "variant_id", name="uq_cart_user_variant"),
        UniqueConstraint("guest_key", "variant_id", name="uq_cart_guest_variant"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="user_account.id", index=True, ondelete="CASCADE")
    guest_key: str | None = Field(default=None, max_length=64, index=True)
    variant_id: int = Field(foreign_key="product_variant.id", ondelete="CASCADE")
    quantity: int = Field(default=1)
    # What the shopper saw when adding: the cart flags lines whose price has changed since.
    seen_unit_price_minor: int = Field(default=0)
    seen_currency: str = Field(default="", max_length=3)  # "" on lines from before it was recorded
    from_post_id: int | None = Field(default=None, foreign_key="post.id", ondelete="SET NULL")
    added_at: datetime = Field(default_factory=utcnow)
