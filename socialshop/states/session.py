"""Who is looking: the signed-in viewer, resolved from the HttpOnly cookie on every page load."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import unquote

import reflex as rx
from reflex.utils.prerequisites import get_and_validate_app
from sqlalchemy.exc import DataError
from sqlmodel import Session
from starlette.requests import cookie_parser

from socialshop import routes
from socialshop.db import session_scope
from socialshop.models.accounts import User
from socialshop.schemas.accounts import Viewer
from socialshop.services import accounts
from socialshop.services.commerce import cart
from socialshop.services.commerce.cart import GUEST_COOKIE, CartOwner
from socialshop.services.errors import CommonErrorCode, DomainError
from socialshop.services.social import notifications
from socialshop.settings import get_settings

T = TypeVar("T")
log = logging.getLogger("socialshop")


async def in_session(work: Callable[[Session], T]) -> T:
    """Run one unit of work in a worker thread so the event loop keeps serving other users.

    People notified by the work see their badge change live once it is committed.
    """

    def run() -> tuple[T, set[int]]:
        try:
            with session_scope() as session:
                result = work(session)
                notified = set(session.info.get(notifications.NOTIFIED_USERS_KEY, ()))
        except (OverflowError, DataError) as exc:
            # A value from the browser the database cannot hold (SQLite: OverflowError; PostgreSQL:
            # a DataError such as an integer out of range). Nothing was written (rolled back); the
            # handler's usual DomainError path tells the person, and the log keeps the details.
            log.warning("refused a value the database cannot hold: %s", exc)
            raise DomainError(CommonErrorCode.OUT_OF_RANGE) from exc
        return result, notified

    result, notified = await asyncio.to_thread(run)
    if notified:
        task = asyncio.create_task(push_unread_counts(notified))
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)
    return result


_background_tasks: set[asyncio.Task] = set()


async def push_unread_counts(user_ids: set[int]) -> None:
    """Send fresh unread counts to every open tab of these users, from whichever worker we are on."""

    def lookup(session: Session) -> list[tuple[str, int]]:
        tabs = notifications.live_clients(session=session, user_ids=sorted(user_ids))
        return [
            (token, notifications.unread_count(session=session, user_id=user_id))
            for user_id, tokens in tabs.items()
            for token in tokens
        ]

    def run() -> list[tuple[str, int]]:
        with session_scope() as session:
            return lookup(session)

    try:
        targets = await asyncio.to_thread(run)
        app = get_and_validate_app().app
        for client_token, count in targets:
            async with app.modify_state(rx.BaseStateToken(ident=client_token, cls=SessionState)) as root:
                state = await root.get_state(SessionState)
                state.unread_count = count
    except Exception:  # a live badge is a nicety: never let it break the action that caused it
        log.exception("could not push unread counts")


def post_to(url: str, fields: dict[str, str]) -> rx.event.EventSpec:
    """A real top-level form POST to one of our /api routes (the client router would 404 them).

    POST plus the routes' same-origin check means no other site can trigger a login or logout.
    """
    return rx.call_script(f"window.socialshopPost({json.dumps(url)}, {json.dumps(fields)})")


class SessionState(rx.State):
    """Base of every page state: the viewer and the shell's counters."""

    viewer: Viewer = Viewer()
    signed_in: bool = False
    viewer_loaded: bool = False
    demo_mode: bool = get_settings().demo_mode
    cart_count: int = 0
    unread_count: int = 0
    # A guest's cart key lives in a cookie so it survives reloads and merges into the account at login.
    guest_key: str = rx.Cookie("", name=GUEST_COOKIE, max_age=30 * 24 * 3600, same_site="lax", path="/")

    def _cart_owner(self, session: Session) -> CartOwner:
        return CartOwner.of(self._actor(session), self.guest_key or None)

    def _visitor(self) -> str:
        """An anonymous id for a guest's funnel events."""
        return self.guest_key or self.router.session.client_token[:64]

    def _session_token(self) -> str | None:
        raw = self.router.headers.cookie
        if not raw:
            return None
        # Parsed as the /api routes parse it (Starlette is lenient): the stdlib's SimpleCookie stops
        # at the first value it dislikes (a JSON consent cookie, a space), losing the session after it.
        return cookie_parser(raw).get(accounts.SESSION_COOKIE) or None

    def _actor(self, session: Session) -> User | None:
        """The signed-in user, checked against the database on every call (revocation is immediate)."""
        return accounts.user_for_token(session=session, token=self._session_token())

    def _client_ip(self) -> str:
        return self.router.session.client_ip or ""

    def _current_path(self) -> str:
        return self.router.url.path or routes.HOME

    def _path_segment(self, index: int) -> str:
        """One part of the current address, decoded: for /u/mara/followers, 0 is "u" and 1 is "mara";
        for /tag/caf%C3%A9, 1 is "café" (links percent-encode what is not ASCII)."""
        parts = [p for p in self.router.url.path.split("/") if p]
        return unquote(parts[index]) if len(parts) > index else ""

    @rx.event
    async def load_viewer(self):
        client_token = self.router.session.client_token

        guest_key = self.guest_key or None

        def work(session: Session) -> tuple[Viewer | None, int, int]:
            user = self._actor(session)
            in_cart = cart.item_count(session=session, owner=CartOwner.of(user, guest_key))
            if user is None:
                if client_token:
                    notifications.forget_live_client(session=session, client_token=client_token)
                return None, 0, in_cart
            if client_token:
                notifications.register_live_client(session=session, user_id=user.id, client_token=client_token)
            unread = notifications.unread_count(session=session, user_id=user.id)
            return accounts.to_viewer(user), unread, in_cart

        viewer, unread, in_cart = await in_session(work)
        self.viewer = viewer or Viewer()
        self.signed_in = viewer is not None
        self.unread_count = unread
        self.cart_count = in_cart
        self.viewer_loaded = True

    def _login_redirect(self):
        return rx.redirect(routes.login_url(self.router.url.path))

    @rx.event
    async def require_login(self):
        """on_load guard for pages that need an account."""
        await self.load_viewer()
        if not self.signed_in:
            return self._login_redirect()

    @rx.event
    async def log_out(self):
        token = self._session_token()
        await in_session(lambda session: accounts.log_out(session=session, token=token))
        self.viewer = Viewer()
        self.signed_in = False
        return post_to(routes.API_AUTH_CLEAR, {"next": routes.HOME})
