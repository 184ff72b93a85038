"""Test data in one place: people, signed-in browsers and images, with sensible defaults."""

from __future__ import annotations

import inspect
import io
import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image
from sqlmodel import Session, select

from socialshop.models.accounts import Role, User
from socialshop.models.catalog import Product, ProductVariant, Shop
from socialshop.models.social import Post
from socialshop.services import accounts
from socialshop.services.catalog.products import ProductInput, VariantInput, save_product
from socialshop.services.catalog.shops import open_shop, shop_of
from socialshop.services.social.posts import PhotoUpload, create_post

S = TypeVar("S")

DEFAULT_PASSWORD = "correct horse battery staple"


def make_user(
    session: Session,
    username: str = "mara",
    *,
    password: str = DEFAULT_PASSWORD,
    **overrides: Any,
) -> User:
    """A saved (flushed) account; any column can be overridden."""
    fields: dict[str, Any] = {
        "username": username,
        "email": f"{username}@example.test",
        "display_name": username.replace("_", " ").title(),
        "password_hash": accounts.password_hasher.hash(password),
    }
    fields.update(overrides)
    user = User(**fields)
    session.add(user)
    session.flush()
    return user


def make_admin(session: Session, username: str = "alex_admin", **overrides: Any) -> User:
    return make_user(session, username, role=Role.ADMIN.value, **overrides)


def make_moderator(session: Session, username: str = "rosa_mod", **overrides: Any) -> User:
    return make_user(session, username, role=Role.MODERATOR.value, **overrides)


def make_nonce(session: Session, user: User, *, remember: bool = False, next_path: str | None = "/") -> str:
    """A fresh one-time login nonce, as the login form creates it after a checked password."""
    return accounts.start_login(session=session, user=user, remember=remember, next_path=next_path)


def make_session_token(session: Session, user: User, *, remember: bool = False) -> str:
    """A live cookie token for `user`, made the way a real login makes it."""
    nonce = make_nonce(session, user, remember=remember)
    return accounts.finish_login(session=session, nonce=nonce).token


def session_cookie(token: str) -> str:
    """The Cookie request header a browser holding `token` sends."""
    return f"{accounts.SESSION_COOKIE}={token}"


# --- images ---------------------------------------------------------------------------------


def image_bytes(
    image_format: str = "PNG",
    *,
    size: tuple[int, int] = (64, 48),
    mode: str = "RGB",
    color: Any = (200, 80, 40),
    **save_options: Any,
) -> bytes:
    """An encoded image of one color."""
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims `width` x `height`: the shape of a decompression bomb."""
    data = image_bytes("PNG", size=(1, 1), mode="L", color=0)
    signature, rest = data[:8], data[8:]
    length, chunk_type = struct.unpack(">I4s", rest[:8])
    assert chunk_type == b"IHDR"
    ihdr = struct.pack(">II", width, height) + rest[16 : 8 + length]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return signature + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + crc + rest[12 + length :]


# --- reflex states --------------------------------------------------------------------------

BROWSER_ORIGIN = "http://localhost:3000"


def state_at(
    state_class: type[S],
    url: str,
    *,
    token: str | None = None,
    cookie: str | None = None,
    ip: str = "203.0.113.7",
) -> S:
    """A page state as Reflex hands it to an event: router filled in for `url`, with the
    browser's client address and Cookie header (holding `token`, or exactly `cookie`)."""
    from reflex.istate.data import RouterData
    from reflex.state import State

    # A whole state tree, as the state manager builds it per browser tab: substates read the
    # router from the root, and computed vars in sibling states get marked dirty through it.
    root = State()  # allowed under pytest (reflex checks PYTEST_CURRENT_TEST)
    path = url.split("?", 1)[0]
    root.router = RouterData.from_router_data(
        {
            "headers": {
                "origin": BROWSER_ORIGIN,
                "cookie": cookie if cookie is not None else session_cookie(token) if token else "",
                "user-agent": "pytest",
            },
            "asPath": url,
            "pathname": path,
            "ip": ip,
            "token": "client-token",
            "sid": "socket-id",
        }
    )
    state = root.get_substate(state_class.get_full_name().split("."))
    return state


async def run_event(outcome: Any) -> list[Any]:
    """Run an event handler's outcome as Reflex does: drain an async generator with `async for`,
    await a coroutine, or take a plain return value. Returns everything it produced."""
    if inspect.isasyncgen(outcome):
        return [event async for event in outcome]
    if inspect.isawaitable(outcome):
        return [await outcome]
    return [outcome]


def described(*events: Any) -> list[str]:
    """What event handlers returned or yielded, in words: `redirect /login`, `navigate /api/...`,
    `toast.error Please fix ...`. Reads reflex's EventSpec internals (checked on 0.10.1)."""
    words = []
    for event in events:
        if event is None:
            continue
        if isinstance(event, list | tuple):
            words.extend(described(*event))
            continue
        args = {arg_name._js_expr: value for arg_name, value in event.args}
        if "path" in args and "external" in args:  # rx.redirect
            words.append(f"redirect {args['path']._var_value}")
        elif "javascript_code" in args:  # rx.call_script
            script = args["javascript_code"]._var_value
            posted = re.fullmatch(r"window\.socialshopPost\((\".*?\"), (\{.*\})\)", script)
            if posted:  # a same-origin form POST to one of our /api routes, written as a URL
                fields = json.loads(posted.group(2))
                query = "&".join(f"{name}={value}" for name, value in fields.items())
                words.append(f"navigate {json.loads(posted.group(1))}" + (f"?{query}" if query else ""))
            else:
                words.append(f"script {script}")
        elif "function" in args and (
            toast := re.search(r'__toast.*?\["(\w+)"\]\(("(?:[^"\\]|\\.)*")', str(args["function"]))
        ):
            words.append(f"toast.{toast.group(1)} {json.loads(toast.group(2))}")
        else:  # another event handler, chained: `open_editor {'post_id': 7}`
            values = {name: getattr(value, "_var_value", value) for name, value in args.items()}
            words.append(f"{event.handler.fn.__name__} {values}")
    return words


# --- social ---------------------------------------------------------------------------------


def png_bytes(size: tuple[int, int] = (8, 6), color: Any = (40, 120, 200)) -> bytes:
    """A tiny valid PNG: enough for every photo path without slowing the tests down."""
    return image_bytes("PNG", size=size, color=color)


def photo_upload(filename: str = "photo.png", data: bytes | None = None) -> PhotoUpload:
    """One file as the composer hands it to `create_post`."""
    return PhotoUpload(filename=filename, data=png_bytes() if data is None else data)


def make_post(
    session: Session,
    author: User,
    body: str = "A post",
    *,
    photos: list[bytes] | None = None,
    uploads_dir: Path | None = None,
    quote_of_id: int | None = None,
    **overrides: Any,
) -> Post:
    """A published (flushed) post, made the way the composer makes it (tags, mentions,
    notifications); then any column can be overridden, e.g. `created_at` or `like_count`."""
    if photos and uploads_dir is None:
        raise ValueError("make_post needs uploads_dir to store photos")
    post = create_post(
        session=session,
        actor=author,
        body=body,
        photos=[photo_upload(f"photo{i}.png", data) for i, data in enumerate(photos or [])],
        quote_of_id=quote_of_id,
        uploads_dir=uploads_dir or Path("unused-uploads"),
    ).post
    for name, value in overrides.items():
        setattr(post, name, value)
    if overrides:
        session.add(post)
        session.flush()
    return post


# --- catalog and commerce -------------------------------------------------------------------


def make_shop(
    session: Session, owner: User, handle: str | None = None, *, name: str | None = None, **fields: Any
) -> Shop:
    """The owner's shop, opened the way a member opens one (which makes them a seller)."""
    handle = handle or f"{owner.username}_shop"[:30]
    name = name or handle.replace("_", " ").title()
    return open_shop(session=session, actor=owner, handle=handle, name=name, **fields)


def variant_input(
    sku: str = "SKU-1",
    *,
    stock: int | str = 10,
    price: str = "",
    size: str = "",
    colour: str = "",
    variant_id: int = 0,
) -> VariantInput:
    """One row of the product editor's variant table; `variant_id` names a saved row to keep."""
    return VariantInput(id=variant_id, sku=sku, size=size, colour=colour, price_text=price, stock=stock)


def product_input(
    title: str = "Linen shirt",
    *,
    price: str = "40.00",
    variants: list[VariantInput | str] | None = None,
    status: str = "active",
    **fields: Any,
) -> ProductInput:
    """What the seller's editor submits; `variants` takes VariantInputs or bare SKUs (10 in stock),
    and defaults to one SKU made from the title."""
    if variants is None:
        variants = [re.sub(r"[^A-Z0-9]+", "-", title.upper()).strip("-")[:30] or "SKU"]
    rows = tuple(variant_input(row) if isinstance(row, str) else row for row in variants)
    return ProductInput(title=title, price_text=price, status=status, variants=rows, **fields)


def make_product(
    session: Session,
    owner: User,
    title: str = "Linen shirt",
    *,
    price: str = "40.00",
    variants: list[VariantInput | str] | None = None,
    status: str = "active",
    **fields: Any,
) -> Product:
    """A saved (flushed) product in the owner's shop (opened on first use), made by the editor's
    use-case so rollups and the search index are real. Extra fields: description, category,
    tags, currency, compare_at_text."""
    if shop_of(session, owner) is None:
        make_shop(session, owner)
    data = product_input(title, price=price, variants=variants, status=status, **fields)
    return save_product(session=session, actor=owner, data=data)


def variants_of(session: Session, product: Product) -> list[ProductVariant]:
    """A product's variants in the editor's order."""
    statement = select(ProductVariant).where(ProductVariant.product_id == product.id)
    return list(session.exec(statement.order_by(ProductVariant.position)).all())
