"""Shops: open one (which makes you a seller), edit it, follow it, show its storefront."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductStatus, Shop, ShopFollow
from socialshop.schemas.catalog import ShopView
from socialshop.services import media, stored_files
from socialshop.services.accounts import clean_text, initials_of
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.errors import DomainError, ValidationFailed, violates_unique

HANDLE_RE = re.compile(r"^[a-z0-9_]{3,30}$")
NAME_MAX = 60
DESCRIPTION_MAX = 1000


def require_actor(actor: User | None) -> User:
    if actor is None:
        raise DomainError(C.NOT_SIGNED_IN)
    return actor


def shop_of(session: Session, user: User | None) -> Shop | None:
    if user is None:
        return None
    return session.exec(select(Shop).where(Shop.owner_id == user.id)).first()


def require_own_shop(session: Session, actor: User | None) -> tuple[User, Shop]:
    actor = require_actor(actor)
    shop = shop_of(session, actor)
    if shop is None:
        raise DomainError(C.NO_SHOP)
    return actor, shop


def get_shop(session: Session, handle: str) -> Shop:
    shop = session.exec(select(Shop).where(Shop.handle == handle.strip().lower())).first()
    if shop is None:
        raise DomainError(C.SHOP_NOT_FOUND)
    return shop


def _validated(session: Session, *, handle: str | None, name: str, description: str, shop_id: int | None):
    errors: dict[str, StrEnum] = {}
    if handle is not None:
        if not HANDLE_RE.match(handle):
            errors["handle"] = C.HANDLE_INVALID
        elif session.exec(select(Shop.id).where(Shop.handle == handle, Shop.id != (shop_id or 0))).first():
            errors["handle"] = C.HANDLE_TAKEN
    if not name:
        errors["name"] = C.SHOP_NAME_REQUIRED
    elif len(name) > NAME_MAX:
        errors["name"] = C.SHOP_NAME_TOO_LONG
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = C.SHOP_DESCRIPTION_TOO_LONG
    if errors:
        raise ValidationFailed(errors)


def open_shop(*, session: Session, actor: User | None, handle: str, name: str, description: str = "") -> Shop:
    """Any member can open one shop; doing so makes them a seller."""
    actor = require_actor(actor)
    if shop_of(session, actor) is not None:
        raise DomainError(C.ALREADY_HAS_SHOP)
    handle = handle.strip().lstrip("@").lower()
    name, description = clean_text(name), clean_text(description)
    _validated(session, handle=handle, name=name, description=description, shop_id=None)
    shop = Shop(owner_id=actor.id, handle=handle, name=name, description=description)
    session.add(shop)
    actor.is_seller = True
    session.add(actor)
    try:
        session.flush()
    except IntegrityError as exc:
        # A second tab (or someone else) got there between the checks above and this insert: the
        # caller's unit of work rolls back and the person hears which, as from the checks.
        if violates_unique(exc, "shop", "owner_id"):
            raise DomainError(C.ALREADY_HAS_SHOP) from exc
        raise ValidationFailed({"handle": C.HANDLE_TAKEN}) from exc
    return shop


def update_shop(*, session: Session, actor: User | None, name: str, description: str) -> Shop:
    _actor, shop = require_own_shop(session, actor)
    name, description = clean_text(name), clean_text(description)
    _validated(session, handle=None, name=name, description=description, shop_id=shop.id)
    shop.name, shop.description = name, description
    session.add(shop)
    session.flush()
    return shop


def set_logo(*, session: Session, actor: User | None, image: bytes, uploads_dir: Path) -> Shop:
    """Replace the shop's logo; checked and re-encoded like every upload."""
    _actor, shop = require_own_shop(session, actor)
    stored = media.store_image(image, uploads_dir=uploads_dir, folder="logos", variant=media.AVATAR)
    stored_files.replace_when_settled(session, shop.logo_file, stored, uploads_dir)
    shop.logo_file = stored
    session.add(shop)
    session.flush()
    return shop


def follow_shop(*, session: Session, actor: User | None, handle: str) -> None:
    actor = require_actor(actor)
    shop = get_shop(session, handle)
    if session.get(ShopFollow, (actor.id, shop.id)) is None:
        session.add(ShopFollow(user_id=actor.id, shop_id=shop.id))
        session.flush()


def unfollow_shop(*, session: Session, actor: User | None, handle: str) -> None:
    actor = require_actor(actor)
    shop = get_shop(session, handle)
    session.exec(delete(ShopFollow).where(ShopFollow.user_id == actor.id, ShopFollow.shop_id == shop.id))


def shop_view(*, session: Session, viewer: User | None, handle: str) -> ShopView:
    shop = get_shop(session, handle)
    owner = session.get(User, shop.owner_id)
    return ShopView(
        handle=shop.handle,
        name=shop.name,
        description=shop.description,
        logo_url=routes.upload_url(shop.logo_file or (owner.avatar_file if owner else None)),
        initials=initials_of(shop.name),
        owner_username=owner.username if owner else "",
        product_count=session.exec(
            select(func.count()).select_from(Product).where(
                Product.shop_id == shop.id, Product.status == ProductStatus.ACTIVE.value
            )
        ).one(),
        follower_count=session.exec(
            select(func.count()).select_from(ShopFollow).where(ShopFollow.shop_id == shop.id)
        ).one(),
        viewer_follows=viewer is not None and session.get(ShopFollow, (viewer.id, shop.id)) is not None,
        is_own=viewer is not None and viewer.id == shop.owner_id,
    )


def all_shops(*, session: Session) -> list[ShopView]:
    shops = session.exec(select(Shop).order_by(col(Shop.name))).all()
    return [shop_view(session=session, viewer=None, handle=s.handle) for s in shops]
