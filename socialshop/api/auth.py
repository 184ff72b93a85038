"""The cookie half of logging in and out: only these routes ever set or clear the session cookie."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from socialshop import routes
from socialshop.db import session_scope
from socialshop.services import accounts
from socialshop.services.commerce import cart
from socialshop.services.errors import DomainError
from socialshop.settings import get_settings


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def _cross_site(request: Request) -> bool:
    """A browser always sends Origin with a form POST; it must be this very site."""
    origin = request.headers.get("origin")
    if origin is None:
        return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")
    return urlsplit(origin).netloc != request.headers.get("host", "")


def _refused() -> PlainTextResponse:
    return PlainTextResponse("Cross-site request refused.", status_code=403)


async def finish_login(request: Request) -> Response:
    """POST /api/auth/finish (form field nonce): trade the one-time nonce for an HttpOnly cookie."""
    if _cross_site(request):
        return _refused()
    nonce = str((await request.form()).get("nonce", ""))
    return await run_in_threadpool(_finish_login, request, nonce)


def _finish_login(request: Request, nonce: str) -> RedirectResponse:
    try:
        with session_scope() as session:
            issued = accounts.finish_login(
                session=session,
                nonce=nonce,
                user_agent=request.headers.get("user-agent", ""),
                ip=_client_ip(request),
                previous_token=request.cookies.get(accounts.SESSION_COOKIE),
            )
            # What a guest put in the cart joins the account's cart.
            cart.merge_guest_cart(
                session=session, guest_key=request.cookies.get(cart.GUEST_COOKIE), user_id=issued.user_id
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


async def clear_cookie(request: Request) -> Response:
    """POST /api/auth/clear: revoke whatever session the cookie holds, then forget it."""
    if _cross_site(request):
        return _refused()
    next_path = str((await request.form()).get("next", ""))
    return await run_in_threadpool(_clear_cookie, request, next_path)


def _clear_cookie(request: Request, next_path: str) -> RedirectResponse:
    token = request.cookies.get(accounts.SESSION_COOKIE)
    if token:
        with session_scope() as session:
            accounts.log_out(session=session, token=token)
    response = RedirectResponse(routes.safe_next_path(next_path), 303)
    response.delete_cookie(accounts.SESSION_COOKIE, path="/")
    response.headers["Cache-Control"] = "no-store"
    return response


auth_routes = [
    Route(routes.API_AUTH_FINISH, finish_login, methods=["POST"]),
    Route(routes.API_AUTH_CLEAR, clear_cookie, methods=["POST"]),
]
