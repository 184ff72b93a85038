"""Who is looking: the signed-in viewer, resolved from the HttpOnly cookie on every page load."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from http.cookies import CookieError, SimpleCookie
from typing import TypeVar

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.db import session_scope
from socialshop.models.accounts import User
from socialshop.schemas.accounts import Viewer
from socialshop.services import accounts
from socialshop.settings import get_settings

T = TypeVar("T")
log = logging.getLogger("socialshop")


async def in_session(work: Callable[[Session], T]) -> T:
    """Run one unit of work in a worker thread so the event loop keeps serving other users."""

    def run() -> T:
        with session_scope() as session:
            return work(session)

    return await asyncio.to_thread(run)


def navigate(url: str) -> rx.event.EventSpec:
    """A real browser navigation (needed for /api/ routes, which the client router would 404)."""
    return rx.call_script(f"window.location.assign({url!r})")


class SessionState(rx.State):
    """Base of every page state: the viewer and the shell's counters."""

    viewer: Viewer = Viewer()
    signed_in: bool = False
    viewer_loaded: bool = False
    demo_mode: bool = get_settings().demo_mode
    cart_count: int = 0
    unread_count: int = 0

    def _session_token(self) -> str | None:
        raw = self.router.headers.cookie
        if not raw:
            return None
        jar = SimpleCookie()
        try:
            jar.load(raw)
        except CookieError:
            return None
        morsel = jar.get(accounts.SESSION_COOKIE)
        return morsel.value if morsel else None

    def _actor(self, session: Session) -> User | None:
        """The signed-in user, checked against the database on every call (revocation is immediate)."""
        return accounts.user_for_token(session=session, token=self._session_token())

    def _client_ip(self) -> str:
        return self.router.session.client_ip or ""

    def _current_path(self) -> str:
        return self.router.url.path or routes.HOME

    @rx.event
    async def load_viewer(self):
        def work(session: Session) -> Viewer | None:
            user = self._actor(session)
            return accounts.to_viewer(user) if user else None

        viewer = await in_session(work)
        self.viewer = viewer or Viewer()
        self.signed_in = viewer is not None
        self.viewer_loaded = True

    @rx.event
    async def require_login(self):
        """on_load guard for pages that need an account."""
        await self.load_viewer()
        if not self.signed_in:
            return rx.redirect(routes.login_url(self.router.url.path))

    @rx.event
    async def log_out(self):
        token = self._session_token()
        await in_session(lambda session: accounts.log_out(session=session, token=token))
        self.viewer = Viewer()
        self.signed_in = False
        return navigate(f"{routes.API_AUTH_CLEAR}?next=/")
