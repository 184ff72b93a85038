"""Sign up, log in, demo personas: forms that check input server-side and start a cookie session."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.schemas.accounts import DemoPersona
from socialshop.services import accounts
from socialshop.services.errors import DomainError, ValidationFailed
from socialshop.services.rate_limits import default_limiter
from socialshop.settings import get_settings
from socialshop.states.messages import field_messages, message_for
from socialshop.states.session import SessionState, in_session, post_to


class AuthState(SessionState):
    """State of /login and /signup."""

    field_errors: dict[str, str] = {}
    form_error: str = ""
    submitting: bool = False
    personas: list[DemoPersona] = []

    def _next_path(self) -> str:
        return routes.safe_next_path(self.router.url.query_parameters.get("next"))

    def _reset_form(self) -> None:
        self.field_errors = {}
        self.form_error = ""

    @rx.event
    async def load_login(self):
        self._reset_form()
        await self.load_viewer()
        if self.signed_in:
            return rx.redirect(self._next_path())
        if self.router.url.query_parameters.get("error") == "link":
            self.form_error = message_for(accounts.AccountsErrorCode.LOGIN_LINK_INVALID)
        if self.demo_mode:
            self.personas = await in_session(lambda s: accounts.demo_personas(session=s))

    @rx.event
    async def load_signup(self):
        self._reset_form()
        await self.load_viewer()
        if self.signed_in:
            return rx.redirect(routes.HOME)

    @rx.event
    async def log_in(self, form: dict):
        self._reset_form()
        self.submitting = True
        yield
        identifier = str(form.get("identifier", ""))[:300]
        password = str(form.get("password", ""))[:1000]
        remember = bool(form.get("remember"))
        next_path = self._next_path()
        ip = self._client_ip()

        def work(session: Session) -> str:
            user = accounts.authenticate(
                session=session,
                identifier=identifier,
                password=password,
                ip=ip,
                limiter=default_limiter(),
                demo_mode=get_settings().demo_mode,
            )
            return accounts.start_login(
                session=session, user=user, remember=remember, next_path=next_path
            )

        try:
            nonce = await in_session(work)
        except ValidationFailed as exc:
            self.field_errors = field_messages(exc.errors)
        except DomainError as exc:
            self.form_error = message_for(exc.code)
        else:
            yield post_to(routes.API_AUTH_FINISH, {"nonce": nonce})
            return
        finally:
            self.submitting = False

    @rx.event
    async def sign_up(self, form: dict):
        self._reset_form()
        self.submitting = True
        yield
        data = {key: str(form.get(key, ""))[:1000] for key in ("username", "email", "display_name", "password")}
        ip = self._client_ip()

        def work(session: Session) -> str:
            user = accounts.sign_up(session=session, ip=ip, limiter=default_limiter(), **data)
            return accounts.start_login(
                session=session, user=user, remember=True, next_path=routes.profile_url(user.username)
            )

        try:
            nonce = await in_session(work)
        except ValidationFailed as exc:
            self.field_errors = field_messages(exc.errors)
        except DomainError as exc:
            self.form_error = message_for(exc.code)
        else:
            yield post_to(routes.API_AUTH_FINISH, {"nonce": nonce})
            return
        finally:
            self.submitting = False

    @rx.event
    async def continue_as(self, username: str):
        next_path = self._next_path()
        demo_mode = get_settings().demo_mode
        try:
            nonce = await in_session(
                lambda s: accounts.start_demo_login(
                    session=s, username=username, demo_mode=demo_mode, next_path=next_path
                )
            )
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        return post_to(routes.API_AUTH_FINISH, {"nonce": nonce})
