"""The cookie half of logging in and out: only these routes ever set or clear the session cookie."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from socialshop import routes
from socialshop.db import session_scope
from socialshop.services import accounts
from socialshop.services.errors import DomainError
from socialshop.settings import get_settings


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def finish_login(request: Request) -> RedirectResponse:
    """GET /api/auth/finish?nonce=...: trade the one-time nonce for an HttpOnly cookie."""
    nonce = request.query_params.get("nonce", "")
    try:
        with session_scope() as session:
            issued = accounts.finish_login(
                session=session,
                nonce=nonce,
                user_agent=request.headers.get("user-agent", ""),
                ip=_client_ip(request),
                previous_token=request.cookies.get(accounts.SESSION_COOKIE),
            )
    except DomainError:
        return RedirectResponse(f"{routes.LOGIN}?error=link", status_code=303)
    response = RedirectResponse(issued.next_path, status_code=303)
    response.set_cookie(
        accounts.SESSION_COOKIE,
        issued.token,
        max_age=issued.max_age_seconds,
        httponly=True,
        samesite="lax",
        secure=get_settings().cookie_secure,
        path="/",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def clear_cookie(request: Request) -> RedirectResponse:
    """GET /api/auth/clear: revoke whatever session the cookie holds, then forget it."""
    token = request.cookies.get(accounts.SESSION_COOKIE)
    if token:
        with session_scope() as session:
            accounts.log_out(session=session, token=token)
    response = RedirectResponse(routes.safe_next_path(request.query_params.get("next")), 303)
    response.delete_cookie(accounts.SESSION_COOKIE, path="/")
    response.headers["Cache-Control"] = "no-store"
    return response


auth_routes = [
    Route(routes.API_AUTH_FINISH, finish_login, methods=["GET"]),
    Route(routes.API_AUTH_CLEAR, clear_cookie, methods=["GET"]),
]
