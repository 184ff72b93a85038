"""Public shapes of the catalog: storefronts, product cards, the product sheet, the seller's editor."""

from __future__ import annotations

from dataclasses import dataclass, field

from socialshop.schemas.social import PhotoView


@dataclass
class ShopView:
    handle: str = ""
    name: str = ""
    description: str = ""
    logo_url: str = ""
    initials: str = ""
    owner_username: str = ""
    product_count: int = 0
    follower_count: int = 0
    viewer_follows: bool = False
    is_own: bool = False


@dataclass
class ProductCardView:
    slug: str = ""
    title: str = ""
    price_text: str = ""
    compare_at_text: str = ""
    thumb_url: str = ""
    shop_name: str = ""
    shop_handle: str = ""
    sold_out: bool = False
    status: str = "active"


@dataclass
class VariantView:
    id: int = 0
    label: str = ""
    size: str = ""
    colour: str = ""
    price_text: str = ""
    stock: int = 0
    sold_out: bool = False
    stock_note: str = ""


@dataclass
class ProductDetail:
    id: int = 0
    slug: str = ""
    title: str = ""
    description: str = ""
    category: str = ""
    price_text: str = ""
    compare_at_text: str = ""
    photos: list[PhotoView] = field(default_factory=list)
    variants: list[VariantView] = field(default_factory=list)
    shop_handle: str = ""
    shop_name: str = ""
    shop_logo_url: str = ""
    shop_initials: str = ""
    is_active: bool = True
    sold_out: bool = False
    wishlisted: bool = False
    social_proof: str = ""
    rating_text: str = ""
    similar: list[ProductCardView] = field(default_factory=list)


@dataclass
class VariantForm:
    id: int = 0
    sku: str = ""
    size: str = ""
    colour: str = ""
    price_text: str = ""
    stock: int = 0


@dataclass
class ProductForm:
    id: int = 0
    slug: str = ""
    title: str = ""
    description: str = ""
    category: str = "other"
    tags: str = ""
    currency: str = "EUR"
    price_text: str = ""
    compare_at_text: str = ""
    status: str = "draft"
    photos: list[PhotoView] = field(default_factory=list)
    variants: list[VariantForm] = field(default_factory=list)


@dataclass
class SellerProductRow:
    slug: str = ""
    title: str = ""
    status: str = ""
    price_text: str = ""
    total_stock: int = 0
    variant_count: int = 0
    thumb_url: str = ""
