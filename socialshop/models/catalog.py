"""Catalog tables: shops, products with photos and variants, wishlists."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from socialshop.models.accounts import utcnow


class ProductStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class Shop(SQLModel, table=True):
    __tablename__ = "shop"

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user_account.id", unique=True, ondelete="CASCADE")
    handle: str = Field(max_length=30, unique=True, index=True)
    name: str = Field(max_length=60)
    description: str = Field(default="", max_length=1000)
    logo_file: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


class ShopFollow(SQLModel, table=True):
    __tablename__ = "shop_follow"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    shop_id: int = Field(foreign_key="shop.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class Product(SQLModel, table=True):
    """Prices are integer minor units in `currency` (EUR cents, JPY yen); never floats."""

    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("price_minor >= 0", name="ck_product_price_non_negative"),
        CheckConstraint("compare_at_minor IS NULL OR compare_at_minor >= 0", name="ck_product_compare_at"),
        Index("ix_product_shop_status", "shop_id", "status", "id"),
        Index("ix_product_status_category", "status", "category", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    shop_id: int = Field(foreign_key="shop.id", ondelete="CASCADE")
    slug: str = Field(max_length=80, unique=True, index=True)
    title: str = Field(max_length=120)
    description: str = Field(default="", max_length=5000)
    category: str = Field(default="other", max_length=30)
    tags: str = Field(default="", max_length=300)  # space-separated, lowercase
    currency: str = Field(default="EUR", max_length=3)
    price_minor: int = Field(default=0)
    compare_at_minor: int | None = Field(default=None)
    status: str = Field(default=ProductStatus.DRAFT.value, max_length=20)
    # Kept in step with the variants so lists can sort and filter without joining them.
    min_price_minor: int = Field(default=0, index=True)
    total_stock: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ProductPhoto(SQLModel, table=True):
    __tablename__ = "product_photo"

    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", index=True, ondelete="CASCADE")
    position: int = Field(default=0)
    file: str = Field(max_length=100)
    thumb_file: str = Field(max_length=100)


class ProductVariant(SQLModel, table=True):
    __tablename__ = "product_variant"
    __table_args__ = (
        CheckConstraint("stock >= 0", name="ck_variant_stock_non_negative"),
        CheckConstraint("price_override_minor IS NULL OR price_override_minor >= 0", name="ck_variant_price"),
        UniqueConstraint("shop_id", "sku", name="uq_variant_shop_sku"),
    )

    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", index=True, ondelete="CASCADE")
    shop_id: int = Field(foreign_key="shop.id", ondelete="CASCADE")
    sku: str = Field(max_length=40)
    size: str = Field(default="", max_length=30)
    colour: str = Field(default="", max_length=30)
    price_override_minor: int | None = Field(default=None)
    stock: int = Field(default=0)
    position: int = Field(default=0)


class WishlistItem(SQLModel, table=True):
    __tablename__ = "wishlist_item"
    __table_args__ = (Index("ix_wishlist_product", "product_id", "user_id"),)

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    product_id: int = Field(foreign_key="product.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)
