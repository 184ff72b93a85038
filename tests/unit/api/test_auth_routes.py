"""/api/auth/finish and /api/auth/clear: the only places the session cookie is set or cleared."""

from __future__ import annotations

from collections.abc import Iterator
from http.cookies import SimpleCookie

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from socialshop import routes
from socialshop.api import build_api
from socialshop.models.accounts import AuthSession
from socialshop.services import accounts
from tests.factories import make_nonce, make_session_token, make_user

COOKIE = accounts.SESSION_COOKIE


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(build_api(), base_url="http://testserver", follow_redirects=False) as client:
        yield client


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """Test data committed so the routes, which open their own sessions, can see it."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


def committed_nonce(db: Session, *, remember: bool = False, next_path: str = "/u/mara") -> str:
    user = accounts.get_user_by_username(session=db, username="mara") or make_user(db, "mara")
    nonce = make_nonce(db, user, remember=remember, next_path=next_path)
    db.commit()
    return nonce


def session_cookie_of(set_cookie: str) -> SimpleCookie:
    jar = SimpleCookie()
    jar.load(set_cookie)
    return jar


def test_finish_with_a_valid_nonce_sets_an_http_only_lax_cookie_and_redirects(
    client: TestClient, db: Session
) -> None:
    nonce = committed_nonce(db, next_path="/u/mara")

    response = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce}, headers={"user-agent": "UnitTest/1.0"})

    assert response.status_code == 303
    assert response.headers["location"] == "/u/mara"
    assert response.headers["cache-control"] == "no-store"
    set_cookie = response.headers["set-cookie"]
    morsel = session_cookie_of(set_cookie)[COOKIE]
    assert morsel["httponly"] is True
    assert morsel["samesite"].lower() == "lax"
    assert morsel["path"] == "/"
    assert not morsel["secure"]  # plain http in development
    assert not morsel["max-age"]  # no remember me: gone with the browser
    token = morsel.value
    user = accounts.user_for_token(session=db, token=token)
    assert user is not None and user.username == "mara"
    record = db.exec(select(AuthSession)).one()
    assert record.user_agent == "UnitTest/1.0"
    assert record.ip == "testclient"


def test_finish_with_remember_me_sets_a_thirty_day_cookie(client: TestClient, db: Session) -> None:
    nonce = committed_nonce(db, remember=True)

    response = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})

    assert session_cookie_of(response.headers["set-cookie"])[COOKIE]["max-age"] == str(30 * 24 * 3600)


def test_finish_marks_the_cookie_secure_behind_https(client: TestClient, db: Session, configure) -> None:
    configure(SOCIALSHOP_PUBLIC_URL="https://shop.example")
    nonce = committed_nonce(db)

    response = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})

    assert session_cookie_of(response.headers["set-cookie"])[COOKIE]["secure"] is True


@pytest.mark.parametrize("form", [{}, {"nonce": ""}, {"nonce": "made-up"}])
def test_finish_with_an_invalid_nonce_goes_back_to_login_without_a_cookie(
    client: TestClient, form: dict
) -> None:
    response = client.post(routes.API_AUTH_FINISH, data=form)

    assert response.status_code == 303
    assert response.headers["location"] == "/login?error=link"
    assert "set-cookie" not in response.headers


def test_finish_refuses_a_nonce_used_before(client: TestClient, db: Session) -> None:
    nonce = committed_nonce(db)
    client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})
    client.cookies.clear()

    again = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})

    assert again.headers["location"] == "/login?error=link"
    assert "set-cookie" not in again.headers


def test_finish_revokes_the_session_the_browser_had_before(client: TestClient, db: Session) -> None:
    old_token = make_session_token(db, make_user(db, "theo"))
    nonce = committed_nonce(db)
    client.cookies.set(COOKIE, old_token)

    response = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})

    new_token = session_cookie_of(response.headers["set-cookie"])[COOKIE].value
    assert new_token != old_token
    assert accounts.user_for_token(session=db, token=old_token) is None
    assert accounts.user_for_token(session=db, token=new_token).username == "mara"


def test_finish_never_redirects_off_site(client: TestClient, db: Session) -> None:
    user = make_user(db, "mara")
    # Even a nonce row holding a bad target (written by something other than start_login).
    nonce = make_nonce(db, user, next_path="//evil.example")
    db.commit()

    response = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})

    assert response.headers["location"] == "/"


def test_finish_only_answers_post_so_a_link_cannot_log_anyone_in(client: TestClient, db: Session) -> None:
    nonce = committed_nonce(db)

    assert client.get(routes.auth_finish_url(nonce)).status_code == 405


def test_finish_refuses_a_form_posted_from_another_site(client: TestClient, db: Session) -> None:
    """Login CSRF: an attacker's page posting its own nonce must not sign the visitor in."""
    nonce = committed_nonce(db)

    response = client.post(
        routes.API_AUTH_FINISH, data={"nonce": nonce}, headers={"origin": "https://evil.example"}
    )

    assert response.status_code == 403
    assert "set-cookie" not in response.headers
    # The nonce was not spent: the real site can still use it.
    ok = client.post(routes.API_AUTH_FINISH, data={"nonce": nonce}, headers={"origin": "http://testserver"})
    assert ok.status_code == 303 and COOKIE in ok.headers["set-cookie"]


def test_clear_refuses_a_form_posted_from_another_site(client: TestClient, db: Session) -> None:
    token = make_session_token(db, make_user(db, "mara"))
    db.commit()
    client.cookies.set(COOKIE, token)

    response = client.post(routes.API_AUTH_CLEAR, headers={"origin": "https://evil.example"})

    assert response.status_code == 403
    assert accounts.user_for_token(session=db, token=token) is not None


def test_clear_revokes_the_session_and_deletes_the_cookie(client: TestClient, db: Session) -> None:
    token = make_session_token(db, make_user(db, "mara"))
    db.commit()
    client.cookies.set(COOKIE, token)

    response = client.post(routes.API_AUTH_CLEAR, data={"next": "/shop"})

    assert response.status_code == 303
    assert response.headers["location"] == "/shop"
    assert response.headers["cache-control"] == "no-store"
    morsel = session_cookie_of(response.headers["set-cookie"])[COOKIE]
    assert morsel.value == ""
    assert morsel["max-age"] == "0"
    assert morsel["path"] == "/"
    db.expire_all()
    assert accounts.user_for_token(session=db, token=token) is None
    assert db.exec(select(AuthSession)).one().revoked_at is not None


def test_clear_without_a_cookie_still_redirects_home(client: TestClient) -> None:
    response = client.post(routes.API_AUTH_CLEAR)

    assert response.status_code == 303
    assert response.headers["location"] == "/"


@pytest.mark.parametrize("next_path", ["//evil.example", "https://evil.example", "/api/auth/finish?nonce=x"])
def test_clear_never_redirects_off_site(client: TestClient, next_path: str) -> None:
    response = client.post(routes.API_AUTH_CLEAR, data={"next": next_path})

    assert response.headers["location"] == "/"


def test_login_then_logout_round_trip_through_the_routes(client: TestClient, db: Session) -> None:
    nonce = committed_nonce(db)
    client.post(routes.API_AUTH_FINISH, data={"nonce": nonce})
    token = client.cookies.get(COOKIE)
    assert accounts.user_for_token(session=db, token=token) is not None

    client.post(routes.API_AUTH_CLEAR)

    db.expire_all()
    assert accounts.user_for_token(session=db, token=token) is None
    assert client.cookies.get(COOKIE) is None
