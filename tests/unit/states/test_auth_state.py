"""Login, sign-up and the viewer, driven through the Reflex states' event handlers."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.testclient import TestClient

from socialshop import routes
from socialshop.api import build_api
from socialshop.models.accounts import User
from socialshop.schemas.accounts import Viewer
from socialshop.services import accounts
from socialshop.services.accounts import AccountsErrorCode as E
from socialshop.states.auth import AuthState
from socialshop.states.messages import message_for
from socialshop.states.session import SessionState
from tests.factories import DEFAULT_PASSWORD, described, make_session_token, make_user, run_event, state_at

SIGNUP_FORM = {
    "username": "new_person",
    "email": "new.person@example.test",
    "display_name": "New Person",
    "password": "a long and unusual phrase",
}


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """Committed test data: the handlers open their own sessions through session_scope."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def mara(db: Session) -> User:
    user = make_user(db, "mara", email="mara@example.test", display_name="Mara Lind")
    db.commit()
    return user


def nonce_in(navigation: str) -> str:
    url = urlsplit(navigation.removeprefix("navigate "))
    assert url.path == routes.API_AUTH_FINISH
    return parse_qs(url.query)["nonce"][0]


def finish(db: Session, navigation: str) -> accounts.IssuedSession:
    issued = accounts.finish_login(session=db, nonce=nonce_in(navigation))
    db.commit()
    return issued


# --- log in ------------------------------------------------------------------------------------


async def test_log_in_with_a_wrong_password_sets_form_error_and_does_not_navigate(mara: User) -> None:
    state = state_at(AuthState, "/login")

    events = await run_event(state.log_in({"identifier": "mara", "password": "not my password"}))

    assert described(*events) == []
    assert state.form_error == message_for(E.INVALID_CREDENTIALS) == "Wrong username, email or password."
    assert state.field_errors == {}
    assert state.submitting is False


async def test_log_in_for_an_unknown_person_reads_exactly_like_a_wrong_password(engine: Engine) -> None:
    state = state_at(AuthState, "/login")

    await run_event(state.log_in({"identifier": "nobody_here", "password": "not my password"}))

    assert state.form_error == message_for(E.INVALID_CREDENTIALS)


async def test_log_in_with_empty_fields_shows_errors_next_to_each_field(engine: Engine) -> None:
    state = state_at(AuthState, "/login")

    events = await run_event(state.log_in({"identifier": "  ", "password": ""}))

    assert described(*events) == []
    assert state.field_errors == {
        "identifier": "Enter your username or email.",
        "password": "Enter your password.",
    }
    assert state.form_error == ""


async def test_log_in_shows_it_is_working_until_the_answer_is_in(mara: User) -> None:
    state = state_at(AuthState, "/login")
    handler = state.log_in({"identifier": "mara", "password": "not my password"})

    first = await anext(handler)
    assert first is None and state.submitting is True
    async for _ in handler:
        pass

    assert state.submitting is False


async def test_log_in_with_the_right_password_navigates_to_finish_with_a_one_time_nonce(
    db: Session, mara: User
) -> None:
    state = state_at(AuthState, "/login?next=/settings/profile")

    events = await run_event(state.log_in({"identifier": "Mara@Example.test", "password": DEFAULT_PASSWORD}))

    [navigation] = described(*events)
    assert navigation.startswith(f"navigate {routes.API_AUTH_FINISH}?nonce=")
    issued = finish(db, navigation)
    assert (issued.user_id, issued.next_path, issued.max_age_seconds) == (mara.id, "/settings/profile", None)
    assert state.form_error == "" and state.field_errors == {}


async def test_log_in_with_remember_me_asks_for_a_thirty_day_cookie(db: Session, mara: User) -> None:
    state = state_at(AuthState, "/login")

    events = await run_event(
        state.log_in({"identifier": "mara", "password": DEFAULT_PASSWORD, "remember": "on"})
    )

    assert finish(db, described(*events)[0]).max_age_seconds == 30 * 24 * 3600


async def test_log_in_ignores_an_off_site_next_parameter(db: Session, mara: User) -> None:
    state = state_at(AuthState, "/login?next=//evil.example")

    events = await run_event(state.log_in({"identifier": "mara", "password": DEFAULT_PASSWORD}))

    assert finish(db, described(*events)[0]).next_path == "/"


async def test_sixth_log_in_try_in_a_minute_is_told_to_wait(mara: User) -> None:
    state = state_at(AuthState, "/login")
    for _ in range(5):
        await run_event(state.log_in({"identifier": "mara", "password": "guess guess guess"}))

    events = await run_event(state.log_in({"identifier": "mara", "password": DEFAULT_PASSWORD}))

    assert described(*events) == []
    assert state.form_error == message_for(E.RATE_LIMITED)


async def test_a_new_log_in_try_clears_the_previous_errors(mara: User) -> None:
    state = state_at(AuthState, "/login")
    await run_event(state.log_in({"identifier": "", "password": ""}))

    await run_event(state.log_in({"identifier": "mara", "password": "not my password"}))

    assert state.field_errors == {}
    assert state.form_error == message_for(E.INVALID_CREDENTIALS)


# --- sign up -----------------------------------------------------------------------------------


async def test_sign_up_with_a_taken_username_shows_it_next_to_the_username(db: Session, mara: User) -> None:
    state = state_at(AuthState, "/signup")

    events = await run_event(state.sign_up({**SIGNUP_FORM, "username": "MARA"}))

    assert described(*events) == []
    assert state.field_errors == {"username": "That username is taken. Try another."}
    assert db.exec(select(func.count()).select_from(User)).one() == 1


async def test_sign_up_shows_every_problem_at_once(engine: Engine) -> None:
    state = state_at(AuthState, "/signup")

    await run_event(
        state.sign_up({"username": "admin", "email": "nope", "display_name": "", "password": "password"})
    )

    assert set(state.field_errors) == {"username", "email", "display_name", "password"}
    assert state.field_errors["username"] == message_for(E.USERNAME_RESERVED)


async def test_sign_up_creates_the_account_and_navigates_to_finish_for_its_profile(
    db: Session, engine: Engine
) -> None:
    state = state_at(AuthState, "/signup")

    events = await run_event(state.sign_up(SIGNUP_FORM))

    [navigation] = described(*events)
    issued = finish(db, navigation)
    assert issued.next_path == "/u/new_person"
    assert issued.max_age_seconds == 30 * 24 * 3600  # a new account stays signed in
    assert db.get(User, issued.user_id).username == "new_person"
    assert state.field_errors == {} and state.submitting is False


async def test_eleventh_sign_up_from_one_address_is_told_to_wait(engine: Engine) -> None:
    for n in range(10):
        form = {**SIGNUP_FORM, "username": f"person_{n}", "email": f"p{n}@example.test"}
        assert described(*await run_event(state_at(AuthState, "/signup").sign_up(form)))

    state = state_at(AuthState, "/signup")
    await run_event(state.sign_up(SIGNUP_FORM))

    assert state.form_error == message_for(E.RATE_LIMITED)


async def test_signed_up_person_is_signed_in_after_following_the_finish_link(engine: Engine) -> None:
    events = await run_event(state_at(AuthState, "/signup").sign_up(SIGNUP_FORM))
    finish_url = described(*events)[0].removeprefix("navigate ")

    with TestClient(build_api(), follow_redirects=False) as browser:
        path, _, query = finish_url.partition("?")
        response = browser.post(path, data=dict(part.split("=", 1) for part in query.split("&")))
        token = browser.cookies.get(accounts.SESSION_COOKIE)

    assert response.headers["location"] == "/u/new_person"
    state = state_at(SessionState, "/u/new_person", token=token)
    await state.load_viewer()
    assert state.signed_in is True
    assert state.viewer.username == "new_person"


# --- login page on_load and demo personas ----------------------------------------------------------


async def test_login_page_sends_a_signed_in_person_where_they_were_going(db: Session, mara: User) -> None:
    token = make_session_token(db, mara)
    db.commit()
    state = state_at(AuthState, "/login?next=/cart", token=token)

    events = await run_event(state.load_login())

    assert described(*events) == ["redirect /cart"]


async def test_login_page_explains_an_expired_login_link(engine: Engine) -> None:
    state = state_at(AuthState, "/login?error=link")

    await run_event(state.load_login())

    assert state.form_error == "That login link has expired. Please log in again."


async def test_login_page_lists_demo_personas_in_demo_mode(db: Session) -> None:
    make_user(db, "mara", is_demo=True)
    make_user(db, "real_person")
    db.commit()
    state = state_at(AuthState, "/login")

    await run_event(state.load_login())

    assert [p.username for p in state.personas] == ["mara"]


async def test_continue_as_a_demo_persona_navigates_to_finish(db: Session) -> None:
    persona = make_user(db, "mara", is_demo=True)
    db.commit()
    state = state_at(AuthState, "/login?next=/shop")

    events = await run_event(state.continue_as("mara"))

    issued = finish(db, described(*events)[0])
    assert (issued.user_id, issued.next_path) == (persona.id, "/shop")


async def test_continue_as_is_refused_with_a_toast_when_demo_mode_is_off(db: Session, configure) -> None:
    make_user(db, "mara", is_demo=True)
    db.commit()
    configure(SOCIALSHOP_DEMO_MODE="0")
    state = state_at(AuthState, "/login")

    events = await run_event(state.continue_as("mara"))

    assert described(*events) == [f"toast.error {message_for(E.DEMO_LOGIN_DISABLED)}"]


async def test_continue_as_a_real_account_is_refused(db: Session, mara: User) -> None:
    events = await run_event(state_at(AuthState, "/login").continue_as("mara"))

    assert described(*events) == [f"toast.error {message_for(E.NOT_FOUND)}"]


# --- the viewer (SessionState, the base of every page state) ----------------------------------------


async def test_load_viewer_with_a_valid_cookie_signs_the_viewer_in(db: Session, mara: User) -> None:
    token = make_session_token(db, mara)
    db.commit()
    state = state_at(SessionState, "/", token=token)

    await state.load_viewer()

    assert state.signed_in is True
    assert state.viewer_loaded is True
    assert state.viewer == Viewer(username="mara", display_name="Mara Lind", initials="ML", role="member")


async def test_load_viewer_with_a_revoked_cookie_is_signed_out(db: Session, mara: User) -> None:
    token = make_session_token(db, mara)
    accounts.log_out(session=db, token=token)
    db.commit()
    state = state_at(SessionState, "/", token=token)

    await state.load_viewer()

    assert state.signed_in is False
    assert state.viewer == Viewer()
    assert state.viewer_loaded is True


@pytest.mark.parametrize(
    "cookie", ["", "ss_session=", "other=1", 'ss_session="unterminated', "ss_session=forged-token"]
)
async def test_load_viewer_without_a_usable_cookie_is_signed_out(engine: Engine, cookie: str) -> None:
    state = state_at(SessionState, "/", cookie=cookie)

    await state.load_viewer()

    assert state.signed_in is False


@pytest.mark.parametrize(
    "before",
    ["theme=dark", 'consent={"ads":false}', "greeting=hello world", "odd=a;b", 'quoted="x'],
)
async def test_load_viewer_picks_the_session_cookie_among_others(db: Session, mara: User, before: str) -> None:
    # Other sites' and scripts' cookies on the same host are not ours to vet: one the stdlib cookie
    # parser rejects must not sign the person out.
    token = make_session_token(db, mara)
    db.commit()
    state = state_at(SessionState, "/", cookie=f"{before}; ss_session={token}; lang=en")

    await state.load_viewer()

    assert state.viewer.username == "mara"


async def test_log_out_revokes_the_session_and_navigates_to_clear_the_cookie(db: Session, mara: User) -> None:
    token = make_session_token(db, mara)
    db.commit()
    state = state_at(SessionState, "/", token=token)
    await state.load_viewer()

    events = await run_event(state.log_out())

    assert described(*events) == [f"navigate {routes.API_AUTH_CLEAR}?next=/"]
    assert state.signed_in is False and state.viewer == Viewer()
    db.expire_all()
    assert accounts.user_for_token(session=db, token=token) is None


async def test_pages_that_need_an_account_send_visitors_to_login_and_back(engine: Engine) -> None:
    state = state_at(SessionState, "/cart")

    events = await run_event(state.require_login())

    assert described(*events) == ["redirect /login?next=%2Fcart"]


async def test_pages_that_need_an_account_let_signed_in_people_stay(db: Session, mara: User) -> None:
    token = make_session_token(db, mara)
    db.commit()

    events = await run_event(state_at(SessionState, "/cart", token=token).require_login())

    assert described(*events) == []
