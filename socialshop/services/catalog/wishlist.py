"""Wishlists: products saved for later."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product, WishlistItem
from socialshop.schemas.catalog import ProductCardView
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.catalog.products import get_active_product, product_cards
from socialshop.services.errors import DomainError


def add(*, session: Session, actor: User | None, slug: str) -> None:
    if actor is None:
        raise DomainError(C.NOT_SIGNED_IN)
    product = get_active_product(session, slug)
    if session.get(WishlistItem, (actor.id, product.id)) is None:
        session.add(WishlistItem(user_id=actor.id, product_id=product.id))
        session.flush()


def remove(*, session: Session, actor: User | None, slug: str) -> None:
    if actor is None:
        raise DomainError(C.NOT_SIGNED_IN)
    product = session.exec(select(Product).where(Product.slug == slug)).first()
    if product is not None:
        session.exec(delete(WishlistItem).where(WishlistItem.user_id == actor.id, WishlistItem.product_id == product.id))


def items(*, session: Session, actor: User) -> list[ProductCardView]:
    products = session.exec(
        select(Product).join(WishlistItem, WishlistItem.product_id == Product.id)
        .where(WishlistItem.user_id == actor.id).order_by(col(WishlistItem.created_at).desc())
    ).all()
    return product_cards(session, list(products))
