"""Shoppable posts: products pinned on a post's photos, and the pins a feed card shows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductStatus
from socialshop.models.commerce import PostProductTag
from socialshop.models.social import Post
from socialshop.schemas.social import PostCard, ProductPin
from socialshop.services import money
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import cover_thumbs
from socialshop.services.errors import DomainError

TAGS_PER_PHOTO = 5


@dataclass(frozen=True)
class TagInput:
    product_slug: str
    photo_position: int
    x: int  # thousandths of the photo's width, 0..1000
    y: int


@dataclass(frozen=True)
class EditableTag:
    """A pin as the tag editor shows it: which product, on which photo, where."""

    product_slug: str
    title: str
    photo_position: int
    x: int
    y: int
    on_sale: bool  # False once the product is archived or back in draft: its pin is hidden meanwhile


def may_tag_post(actor: User, post: Post) -> bool:
    """Only a post's author pins products on it (sellers their own products, creators anyone's)."""
    return actor.id == post.author_id


def _taggable_post(session: Session, actor: User | None, post_id: int) -> tuple[User, Post]:
    """The post, if this person may pin products on it; otherwise the reason why not."""
    if actor is None:
        raise DomainError(C.NOT_SIGNED_IN)
    post = session.get(Post, post_id)
    if post is None:
        raise DomainError(C.POST_NOT_FOUND)
    if not may_tag_post(actor, post):
        raise DomainError(C.NOT_YOUR_POST)
    return actor, post


def tags_for_editing(*, session: Session, actor: User | None, post_id: int) -> list[EditableTag]:
    """The post's pins, every one: pins of products no longer on sale too, so the author sees them
    and decides (saving keeps them, hidden until the product is back; removing drops them).

    Only for whoever may tag the post: the same check `set_post_tags` makes before writing.
    """
    _taggable_post(session, actor, post_id)
    rows = session.exec(
        select(PostProductTag, Product)
        .join(Product, Product.id == PostProductTag.product_id)
        .where(PostProductTag.post_id == post_id)
        .order_by(PostProductTag.photo_position, PostProductTag.id)
    ).all()
    active = ProductStatus.ACTIVE.value
    return [EditableTag(p.slug, p.title, t.photo_position, t.x, t.y, p.status == active) for t, p in rows]


def set_post_tags(*, session: Session, actor: User | None, post_id: int, tags: list[TagInput]) -> list[PostProductTag]:
    """Replace all product tags of a post; every tag is checked before anything is written."""
    actor, post = _taggable_post(session, actor, post_id)
    per_photo: dict[int, int] = {}
    resolved: list[tuple[TagInput, Product]] = []
    seen: set[tuple[int, int]] = set()
    # A pin whose product has since been archived may stay on its photo (it shows again if the
    # product returns); only new pins must be of products on sale.
    already_pinned = set(
        session.exec(
            select(PostProductTag.photo_position, PostProductTag.product_id).where(PostProductTag.post_id == post.id)
        ).all()
    )
    for tag in tags:
        if not 0 <= tag.photo_position < max(post.photo_count, 0):
            raise DomainError(C.TAG_PHOTO_INVALID)
        if not (0 <= tag.x <= 1000 and 0 <= tag.y <= 1000):
            raise DomainError(C.TAG_POINT_INVALID)
        product = session.exec(select(Product).where(Product.slug == tag.product_slug)).first()
        on_sale = product is not None and product.status == ProductStatus.ACTIVE.value
        if product is None or not (on_sale or (tag.photo_position, product.id) in already_pinned):
            raise DomainError(C.TAG_PRODUCT_NOT_ACTIVE)
        if (tag.photo_position, product.id) in seen:
            continue
        seen.add((tag.photo_position, product.id))
        per_photo[tag.photo_position] = per_photo.get(tag.photo_position, 0) + 1
        if per_photo[tag.photo_position] > TAGS_PER_PHOTO:
            raise DomainError(C.TAG_LIMIT)
        resolved.append((tag, product))
    session.exec(delete(PostProductTag).where(PostProductTag.post_id == post.id))
    rows = [
        PostProductTag(
            post_id=post.id, photo_position=tag.photo_position, product_id=product.id,
            x=tag.x, y=tag.y, tagged_by_id=actor.id,
        )
        for tag, product in resolved
    ]
    session.add_all(rows)
    session.flush()
    return rows


def attach_pins(session: Session, cards: list[PostCard]) -> None:
    """Fill each card's pins (active products only) in two queries for the whole page."""
    if not cards:
        return
    rows = session.exec(
        select(PostProductTag, Product)
        .join(Product, Product.id == PostProductTag.product_id)
        .where(col(PostProductTag.post_id).in_([c.id for c in cards]), Product.status == ProductStatus.ACTIVE.value)
        .order_by(PostProductTag.post_id, PostProductTag.photo_position, PostProductTag.id)
    ).all()
    if not rows:
        return
    thumbs = cover_thumbs(session, (p.id for _, p in rows))
    pins: dict[int, list[ProductPin]] = {}
    for tag, product in rows:
        pins.setdefault(tag.post_id, []).append(
            ProductPin(
                product_id=product.id,
                product_slug=product.slug,
                title=product.title,
                price_text=money.format_money(product.min_price_minor, product.currency),
                thumb_url=thumbs.get(product.id, ""),
                photo_position=tag.photo_position,
                left=f"{tag.x / 10:.1f}%",
                top=f"{tag.y / 10:.1f}%",
                sold_out=product.total_stock <= 0,
            )
        )
    for card in cards:
        card.pins = pins.get(card.id, [])


def posts_featuring(session: Session, product_id: int, limit: int = 6) -> list[int]:
    """Newest posts that tag a product (for "Posts featuring this")."""
    return list(
        session.exec(
            select(PostProductTag.post_id)
            .where(PostProductTag.product_id == product_id)
            .group_by(PostProductTag.post_id)
            .order_by(func.max(PostProductTag.post_id).desc())
            .limit(limit)
        ).all()
    )
