"""Accounts service: sign up, log in, nonces, cookie sessions, profiles, avatars, roles, search."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from PIL import Image
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from socialshop.models.accounts import AuthSession, LoginNonce, Role, User
from socialshop.schemas.accounts import DemoPersona, PersonCard, Profile, ProfileForm, Viewer
from socialshop.services import accounts
from socialshop.services.accounts import AccountsErrorCode as E
from socialshop.services.errors import DomainError, ValidationFailed
from socialshop.services.media import MediaErrorCode
from socialshop.services.rate_limits import RateLimiter
from tests.factories import (
    DEFAULT_PASSWORD,
    image_bytes,
    make_admin,
    make_moderator,
    make_nonce,
    make_session_token,
    make_user,
)

GOOD_SIGNUP = {
    "username": "new_person",
    "email": "new.person@example.test",
    "display_name": "New Person",
    "password": "a long and unusual phrase",
}


def user_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(User)).one()


def sign_up(session: Session, **changes: Any) -> User:
    return accounts.sign_up(session=session, **{**GOOD_SIGNUP, **changes})


def refused_fields(session: Session, **changes: Any) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as refused:
        sign_up(session, **changes)
    return refused.value.errors


# --- sign up ----------------------------------------------------------------------------------


def test_sign_up_saves_normalized_username_and_email_and_a_password_hash(session: Session) -> None:
    user = sign_up(session, username="  @New_Person ", email=" New.Person@Example.TEST ")

    assert user.id is not None
    assert user.username == "new_person"
    assert user.email == "new.person@example.test"
    assert user.role == Role.MEMBER
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_SIGNUP["password"] not in user.password_hash
    assert accounts.password_hasher.verify(user.password_hash, GOOD_SIGNUP["password"])


def test_sign_up_reports_every_field_problem_at_once_and_writes_nothing(session: Session) -> None:
    errors = refused_fields(session, username="", email="not-an-email", display_name=" ", password="short")

    assert errors == {
        "username": E.USERNAME_REQUIRED,
        "email": E.EMAIL_INVALID,
        "display_name": E.DISPLAY_NAME_REQUIRED,
        "password": E.PASSWORD_TOO_SHORT,
    }
    assert user_count(session) == 0


@pytest.mark.parametrize(
    ("username", "code"),
    [
        ("", E.USERNAME_REQUIRED),
        ("@@", E.USERNAME_REQUIRED),
        ("ab", E.USERNAME_LENGTH),
        ("a" * 31, E.USERNAME_LENGTH),
        ("mara!", E.USERNAME_CHARACTERS),
        ("mara lind", E.USERNAME_CHARACTERS),
        ("märta", E.USERNAME_CHARACTERS),
        ("<script>", E.USERNAME_CHARACTERS),
        ("admin", E.USERNAME_RESERVED),
        ("Support", E.USERNAME_RESERVED),
        ("api", E.USERNAME_RESERVED),
    ],
)
def test_sign_up_refuses_bad_usernames(session: Session, username: str, code: E) -> None:
    assert refused_fields(session, username=username) == {"username": code}
    assert user_count(session) == 0


def test_sign_up_accepts_the_longest_allowed_username(session: Session) -> None:
    assert sign_up(session, username="a" * 30).username == "a" * 30


@pytest.mark.parametrize(
    ("email", "code"),
    [
        ("", E.EMAIL_REQUIRED),
        ("mara", E.EMAIL_INVALID),
        ("mara@localhost", E.EMAIL_INVALID),
        ("ma ra@example.test", E.EMAIL_INVALID),
        ("mara@@example.test", E.EMAIL_INVALID),
        ("m" * 250 + "@example.test", E.EMAIL_INVALID),
    ],
)
def test_sign_up_refuses_bad_emails(session: Session, email: str, code: E) -> None:
    assert refused_fields(session, email=email) == {"email": code}


@pytest.mark.parametrize(
    ("display_name", "code"),
    [
        ("", E.DISPLAY_NAME_REQUIRED),
        (" \x00\x07 ", E.DISPLAY_NAME_REQUIRED),
        ("x" * 51, E.DISPLAY_NAME_TOO_LONG),
    ],
)
def test_sign_up_refuses_bad_display_names(session: Session, display_name: str, code: E) -> None:
    assert refused_fields(session, display_name=display_name) == {"display_name": code}


def test_sign_up_strips_control_characters_from_the_display_name(session: Session) -> None:
    assert sign_up(session, display_name=" New\x1b[31m Person\x00 ").display_name == "New[31m Person"


def test_text_loses_bidi_overrides_and_c1_controls_but_keeps_newlines_and_right_to_left_script() -> None:
    # "Admin\u202emoc.liam" would show as "Adminmail.com" reversed: a look-alike name.
    assert accounts.clean_text("Admin\u202emoc.liam\u202c") == "Adminmoc.liam"
    assert accounts.clean_text("a\x7fb\x85c\u2066d\u2069") == "abcd"
    assert accounts.clean_text("שלום עולם\nمرحبا") == "שלום עולם\nمرحبا"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("", E.PASSWORD_TOO_SHORT),
        ("seven77", E.PASSWORD_TOO_SHORT),
        ("x" * 129, E.PASSWORD_TOO_LONG),
        ("password123", E.PASSWORD_TOO_COMMON),
        ("PassWord123", E.PASSWORD_TOO_COMMON),
        ("qwertyuiop", E.PASSWORD_TOO_COMMON),
        ("aaaaaaaaaabbbb", E.PASSWORD_TOO_COMMON),
        ("new_person-rocks", E.PASSWORD_CONTAINS_USERNAME),
        ("I am NEW_PERSON!", E.PASSWORD_CONTAINS_USERNAME),
    ],
)
def test_sign_up_refuses_weak_passwords(session: Session, password: str, code: E) -> None:
    assert refused_fields(session, password=password) == {"password": code}


def test_sign_up_refuses_a_username_taken_in_another_case(session: Session) -> None:
    make_user(session, "mara")

    errors = refused_fields(session, username="MARA")

    assert errors == {"username": E.USERNAME_TAKEN}
    assert user_count(session) == 1


def test_sign_up_refuses_an_email_taken_in_another_case(session: Session) -> None:
    make_user(session, "mara", email="mara@example.test")

    assert refused_fields(session, email="Mara@EXAMPLE.test") == {"email": E.EMAIL_TAKEN}
    assert user_count(session) == 1


def test_sign_up_reports_taken_names_together_with_other_problems(session: Session) -> None:
    make_user(session, "mara", email="mara@example.test")

    errors = refused_fields(session, username="mara", email="mara@example.test", password="password")

    assert errors == {
        "username": E.USERNAME_TAKEN,
        "email": E.EMAIL_TAKEN,
        "password": E.PASSWORD_TOO_COMMON,
    }


def test_eleventh_sign_up_from_one_address_within_an_hour_is_refused(
    session: Session, limiter: RateLimiter
) -> None:
    for n in range(10):
        sign_up(
            session, username=f"person_{n}", email=f"p{n}@example.test", ip="198.51.100.1", limiter=limiter
        )

    with pytest.raises(DomainError) as refused:
        sign_up(session, username="person_x", email="px@example.test", ip="198.51.100.1", limiter=limiter)

    assert refused.value.code == E.RATE_LIMITED
    assert user_count(session) == 10
    assert sign_up(
        session, username="person_y", email="py@example.test", ip="198.51.100.2", limiter=limiter
    ).id


def test_probing_which_emails_have_accounts_is_rate_limited_too(session: Session, limiter: RateLimiter) -> None:
    # "That email is taken" says an account exists: one address may not ask it without end.
    make_user(session, "mara", email="mara@example.test")
    probe = {"email": "mara@example.test", "ip": "198.51.100.9", "limiter": limiter}
    answers = set()
    for n in range(31):
        try:
            sign_up(session, username=f"probe_{n}", **probe)
        except DomainError as refusal:
            answers.add(refusal.code)

    assert answers == {E.EMAIL_TAKEN, E.RATE_LIMITED}
    with pytest.raises(DomainError) as refused:
        sign_up(session, username="probe_x", **probe)
    assert refused.value.code == E.RATE_LIMITED
    # Another address is not held back, and typos in the form never count.
    assert refused_fields(session, email="mara@example.test", ip="198.51.100.10", limiter=limiter) == {
        "email": E.EMAIL_TAKEN
    }


@pytest.mark.parametrize(("field", "code"), [("username", E.USERNAME_TAKEN), ("email", E.EMAIL_TAKEN)])
def test_a_name_or_email_taken_by_a_racing_sign_up_is_reported_as_taken(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, field: str, code: E
) -> None:
    # Two people submit at once: both pass the "taken" checks, then the other one's insert lands
    # first (here: while this one's password is being hashed) and this insert hits the constraint.
    hasher = accounts.password_hasher

    class OtherSignUpLandsFirst:
        raced = False

        def hash(self, password: str) -> str:
            if self.raced:  # the other sign-up's own hashing
                return hasher.hash(password)
            self.raced = True
            with Session(engine) as other:
                racer = {"username": "racer", "email": "racer@example.test"}
                racer[field] = GOOD_SIGNUP[field]
                make_user(other, racer["username"], email=racer["email"])
                other.commit()
            return hasher.hash(password)

    monkeypatch.setattr(accounts, "password_hasher", OtherSignUpLandsFirst())
    with Session(engine) as session:
        assert refused_fields(session) == {field: code}


# --- log in -----------------------------------------------------------------------------------


def authenticate(
    session: Session,
    limiter: RateLimiter,
    identifier: str,
    password: str = DEFAULT_PASSWORD,
    ip: str = "192.0.2.1",
) -> User:
    return accounts.authenticate(
        session=session, identifier=identifier, password=password, ip=ip, limiter=limiter
    )


@pytest.mark.parametrize(
    "identifier", ["mara", "MARA", " mara ", "@mara", "mara@example.test", "Mara@Example.Test"]
)
def test_login_accepts_username_or_email_in_any_case(
    session: Session, limiter: RateLimiter, identifier: str
) -> None:
    mara = make_user(session, "mara", email="mara@example.test")

    assert authenticate(session, limiter, identifier).id == mara.id


def test_login_says_the_same_for_unknown_user_and_wrong_password(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "mara")

    with pytest.raises(DomainError) as wrong_password:
        authenticate(session, limiter, "mara", password="not my password")
    with pytest.raises(DomainError) as unknown_user:
        authenticate(session, limiter, "nobody_here", password="not my password")

    assert type(wrong_password.value) is type(unknown_user.value) is DomainError
    assert wrong_password.value.code == unknown_user.value.code == E.INVALID_CREDENTIALS
    assert wrong_password.value.field is unknown_user.value.field is None
    assert str(wrong_password.value) == str(unknown_user.value)


class RecordingHasher(PasswordHasher):
    """The cheap test hasher, noting which hashes it was asked to check."""

    checked: list[str]

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.checked.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


def test_login_for_an_unknown_user_still_checks_a_password_hash(
    session: Session, limiter: RateLimiter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Otherwise an unknown name answers faster than a wrong password, and names leak."""
    hasher = RecordingHasher(time_cost=1, memory_cost=1024, parallelism=1)
    hasher.checked = []
    monkeypatch.setattr(accounts, "password_hasher", hasher)

    with pytest.raises(DomainError):
        authenticate(session, limiter, "nobody_here", password="whatever it is")

    assert hasher.checked == [accounts._DUMMY_HASH]


def test_login_with_empty_fields_names_both_fields(session: Session, limiter: RateLimiter) -> None:
    with pytest.raises(ValidationFailed) as refused:
        authenticate(session, limiter, "  ", password="")

    assert refused.value.errors == {"identifier": E.IDENTIFIER_REQUIRED, "password": E.PASSWORD_REQUIRED}


def test_login_upgrades_a_password_hash_made_with_old_parameters(
    session: Session, limiter: RateLimiter
) -> None:
    old_hasher = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    make_user(session, "mara", password_hash=old_hasher.hash(DEFAULT_PASSWORD))

    user = authenticate(session, limiter, "mara")

    assert not accounts.password_hasher.check_needs_rehash(user.password_hash)
    assert accounts.password_hasher.verify(user.password_hash, DEFAULT_PASSWORD)


def test_sixth_login_try_for_one_account_within_a_minute_is_refused_even_with_the_right_password(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "mara")
    for _ in range(5):
        with pytest.raises(DomainError) as wrong:
            authenticate(session, limiter, "mara", password="guess guess guess")
        assert wrong.value.code == E.INVALID_CREDENTIALS

    with pytest.raises(DomainError) as refused:
        authenticate(session, limiter, "mara", ip="192.0.2.99")

    assert refused.value.code == E.RATE_LIMITED


def test_login_limit_per_account_cannot_be_dodged_by_naming_the_account_differently(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "mara", email="mara@example.test")
    for identifier in ["mara", "MARA", "@mara", "mara@example.test", "Mara@Example.Test"]:
        with pytest.raises(DomainError):
            authenticate(session, limiter, identifier, password="guess guess guess")

    for identifier in ["mara", "@@mara", "mara@example.test"]:
        with pytest.raises(DomainError) as refused:
            authenticate(session, limiter, identifier)
        assert refused.value.code == E.RATE_LIMITED


def test_login_limit_for_one_account_leaves_other_accounts_alone(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "mara")
    theo = make_user(session, "theo")
    for _ in range(5):
        with pytest.raises(DomainError):
            authenticate(session, limiter, "mara", password="guess guess guess")

    assert authenticate(session, limiter, "theo").id == theo.id


def test_twenty_first_login_try_from_one_address_within_a_minute_is_refused(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "mara")
    for n in range(20):
        with pytest.raises(DomainError) as wrong:
            authenticate(session, limiter, f"someone_{n}", password="guess guess guess", ip="203.0.113.9")
        assert wrong.value.code == E.INVALID_CREDENTIALS

    with pytest.raises(DomainError) as refused:
        authenticate(session, limiter, "mara", ip="203.0.113.9")

    assert refused.value.code == E.RATE_LIMITED
    assert authenticate(session, limiter, "mara", ip="203.0.113.10").username == "mara"


# --- login nonces -------------------------------------------------------------------------------


def test_login_nonce_turns_into_a_session_for_its_user(session: Session) -> None:
    mara = make_user(session, "mara")
    nonce = make_nonce(session, mara, next_path="/u/mara")

    issued = accounts.finish_login(session=session, nonce=nonce, user_agent="Firefox", ip="192.0.2.1")

    assert issued.user_id == mara.id
    assert issued.next_path == "/u/mara"
    assert accounts.user_for_token(session=session, token=issued.token).id == mara.id


def test_login_nonce_is_stored_only_as_its_sha256(session: Session) -> None:
    nonce = make_nonce(session, make_user(session))

    record = session.exec(select(LoginNonce)).one()
    assert record.nonce_hash == hashlib.sha256(nonce.encode()).hexdigest()
    assert nonce not in record.model_dump_json()


def test_login_nonce_works_only_once(session: Session) -> None:
    nonce = make_nonce(session, make_user(session))
    accounts.finish_login(session=session, nonce=nonce)

    with pytest.raises(DomainError) as refused:
        accounts.finish_login(session=session, nonce=nonce)

    assert refused.value.code == E.LOGIN_LINK_INVALID
    assert len(session.exec(select(AuthSession)).all()) == 1


def test_login_nonce_expires_after_a_minute(session: Session, clock) -> None:
    mara = make_user(session)
    fresh, stale = make_nonce(session, mara), make_nonce(session, mara)

    clock.advance(seconds=59)
    accounts.finish_login(session=session, nonce=fresh)
    clock.advance(seconds=2)
    with pytest.raises(DomainError) as refused:
        accounts.finish_login(session=session, nonce=stale)

    assert refused.value.code == E.LOGIN_LINK_INVALID


@pytest.mark.parametrize("nonce", ["", "made-up-nonce"])
def test_unknown_login_nonce_is_refused(session: Session, nonce: str) -> None:
    make_nonce(session, make_user(session))

    with pytest.raises(DomainError) as refused:
        accounts.finish_login(session=session, nonce=nonce)

    assert refused.value.code == E.LOGIN_LINK_INVALID


def test_two_requests_racing_with_one_nonce_give_only_one_session(engine: Engine) -> None:
    with Session(engine) as setup:
        nonce = make_nonce(setup, make_user(setup))
        setup.commit()

    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def finish() -> None:
        with Session(engine) as session:
            barrier.wait()
            try:
                accounts.finish_login(session=session, nonce=nonce)
                session.commit()
                outcomes.append("session")
            except DomainError as exc:
                session.rollback()
                outcomes.append(exc.code)

    threads = [threading.Thread(target=finish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == sorted(["session", E.LOGIN_LINK_INVALID])
    with Session(engine) as check:
        assert len(check.exec(select(AuthSession)).all()) == 1


def test_second_finish_fails_while_the_first_is_still_in_its_transaction(engine: Engine) -> None:
    with Session(engine) as setup:
        nonce = make_nonce(setup, make_user(setup))
        setup.commit()

    first = Session(engine)
    accounts.finish_login(session=first, nonce=nonce)  # claimed, not committed yet
    second_result: list[object] = []

    def second() -> None:
        with Session(engine) as session:
            try:
                second_result.append(accounts.finish_login(session=session, nonce=nonce))
            except DomainError as exc:
                second_result.append(exc.code)

    racer = threading.Thread(target=second)
    racer.start()
    racer.join(timeout=0.3)  # it waits for the first transaction's write lock
    first.commit()
    first.close()
    racer.join(timeout=20)

    assert second_result == [E.LOGIN_LINK_INVALID]


@pytest.mark.parametrize("next_path", ["//evil.example", "https://evil.example/", "/api/auth/clear", None])
def test_login_nonce_never_sends_people_off_site(session: Session, next_path: str | None) -> None:
    nonce = make_nonce(session, make_user(session), next_path=next_path)

    assert accounts.finish_login(session=session, nonce=nonce).next_path == "/"


# --- cookie sessions ------------------------------------------------------------------------------


def test_session_token_is_stored_only_as_its_sha256(session: Session) -> None:
    token = make_session_token(session, make_user(session))

    record = session.exec(select(AuthSession)).one()
    assert record.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in record.model_dump_json()
    assert len(token) >= 40  # 32 random bytes


def test_session_without_remember_me_is_a_browser_session_cookie_for_a_day(session: Session, clock) -> None:
    nonce = make_nonce(session, make_user(session), remember=False)

    issued = accounts.finish_login(session=session, nonce=nonce)

    assert issued.max_age_seconds is None  # gone when the browser closes
    record = session.exec(select(AuthSession)).one()
    assert record.remember is False
    assert record.expires_at == clock.now + timedelta(days=1)


def test_remember_me_session_cookie_lasts_thirty_days(session: Session, clock) -> None:
    nonce = make_nonce(session, make_user(session), remember=True)

    issued = accounts.finish_login(session=session, nonce=nonce)

    assert issued.max_age_seconds == 30 * 24 * 3600
    record = session.exec(select(AuthSession)).one()
    assert record.remember is True
    assert record.expires_at == clock.now + timedelta(days=30)


def test_session_stops_working_when_it_expires(session: Session, clock) -> None:
    mara = make_user(session)
    token = make_session_token(session, mara)

    clock.advance(hours=23, minutes=59)
    assert accounts.user_for_token(session=session, token=token).id == mara.id
    clock.advance(minutes=2)
    assert accounts.user_for_token(session=session, token=token) is None


def test_remember_me_lasts_thirty_days_from_login_like_its_cookie(session: Session, clock) -> None:
    # The browser drops the cookie 30 days after login (its max-age is set once, at login), so the
    # session ends then too, however much it was used: no promise the cookie cannot keep.
    mara = make_user(session)
    token = make_session_token(session, mara, remember=True)
    expires = session.exec(select(AuthSession)).one().expires_at

    clock.advance(days=29)
    assert accounts.user_for_token(session=session, token=token).id == mara.id
    clock.advance(days=1, minutes=1)

    assert accounts.user_for_token(session=session, token=token) is None
    assert session.exec(select(AuthSession)).one().expires_at == expires


def test_a_session_never_slides_forward(session: Session, clock) -> None:
    token = make_session_token(session, make_user(session), remember=False)
    expires = session.exec(select(AuthSession)).one().expires_at

    clock.advance(hours=12)
    accounts.user_for_token(session=session, token=token)

    assert session.exec(select(AuthSession)).one().expires_at == expires


def test_log_out_revokes_the_session(session: Session) -> None:
    token = make_session_token(session, make_user(session))

    accounts.log_out(session=session, token=token)

    assert accounts.user_for_token(session=session, token=token) is None
    assert session.exec(select(AuthSession)).one().revoked_at is not None


def test_log_out_leaves_the_same_persons_other_browsers_signed_in(session: Session) -> None:
    mara = make_user(session)
    laptop, phone = make_session_token(session, mara), make_session_token(session, mara)

    accounts.log_out(session=session, token=laptop)

    assert accounts.user_for_token(session=session, token=phone).id == mara.id


def test_new_login_revokes_the_browsers_previous_session(session: Session) -> None:
    mara, theo = make_user(session, "mara"), make_user(session, "theo")
    previous = make_session_token(session, mara)

    issued = accounts.finish_login(session=session, nonce=make_nonce(session, theo), previous_token=previous)

    assert accounts.user_for_token(session=session, token=previous) is None
    assert accounts.user_for_token(session=session, token=issued.token).id == theo.id


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_user_for_token_finds_nobody_for_a_missing_or_unknown_token(
    session: Session, token: str | None
) -> None:
    make_session_token(session, make_user(session))

    assert accounts.user_for_token(session=session, token=token) is None


def test_housekeeping_drops_used_nonces_and_dead_sessions_only(session: Session, clock) -> None:
    mara = make_user(session)
    live = make_session_token(session, mara)  # also uses one nonce
    revoked = make_session_token(session, mara)  # and another
    accounts.log_out(session=session, token=revoked)
    make_nonce(session, mara)  # unused and fresh: kept

    assert accounts.purge_expired(session=session) == 3
    session.flush()

    assert accounts.user_for_token(session=session, token=live).id == mara.id
    assert len(session.exec(select(LoginNonce)).all()) == 1


# --- profiles ---------------------------------------------------------------------------------------


def update(session: Session, actor: User | None, username: str = "mara", **changes: str) -> User:
    fields = {"display_name": "Mara Lind", "bio": "Hello", "link": ""} | changes
    return accounts.update_profile(session=session, actor=actor, username=username, **fields)


def test_owner_updates_their_profile(session: Session) -> None:
    mara = make_user(session, "mara")

    updated = update(session, mara, display_name=" Mara L. ", bio="Coffee.\nClothes.", link="mara.example")

    assert (updated.display_name, updated.bio, updated.link) == (
        "Mara L.",
        "Coffee.\nClothes.",
        "https://mara.example",
    )


def test_another_member_cannot_edit_a_profile(session: Session) -> None:
    make_user(session, "mara", display_name="Mara Lind")
    theo = make_user(session, "theo")

    with pytest.raises(DomainError) as refused:
        update(session, theo, display_name="Hacked")

    assert refused.value.code == E.NOT_ALLOWED
    assert accounts.get_user_by_username(session=session, username="mara").display_name == "Mara Lind"


def test_moderator_cannot_edit_someone_elses_profile(session: Session) -> None:
    make_user(session, "mara")

    with pytest.raises(DomainError) as refused:
        update(session, make_moderator(session), display_name="Renamed")

    assert refused.value.code == E.NOT_ALLOWED


def test_admin_can_edit_someone_elses_profile(session: Session) -> None:
    make_user(session, "mara")

    updated = update(session, make_admin(session), bio="Edited by an admin")

    assert updated.username == "mara"
    assert updated.bio == "Edited by an admin"


def test_signed_out_visitor_cannot_edit_a_profile(session: Session) -> None:
    make_user(session, "mara")

    with pytest.raises(DomainError) as refused:
        update(session, None)

    assert refused.value.code == E.NOT_SIGNED_IN


def test_editing_a_missing_profile_says_not_found(session: Session) -> None:
    with pytest.raises(DomainError) as refused:
        update(session, make_admin(session), username="ghost")

    assert refused.value.code == E.NOT_FOUND


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "  javascript:alert(1)",
        "javascript://%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://files.example",
        "https://",
        "https://exa mple.com",
    ],
)
def test_profile_link_must_be_a_web_address(session: Session, link: str) -> None:
    mara = make_user(session, "mara", link="https://mara.example")

    with pytest.raises(ValidationFailed) as refused:
        update(session, mara, link=link)

    assert refused.value.errors == {"link": E.LINK_INVALID}
    assert mara.link == "https://mara.example"


def test_profile_link_longer_than_two_hundred_characters_is_refused(session: Session) -> None:
    mara = make_user(session, "mara")

    with pytest.raises(ValidationFailed) as refused:
        update(session, mara, link="https://example.test/" + "a" * 180)

    assert refused.value.errors == {"link": E.LINK_TOO_LONG}


@pytest.mark.parametrize(
    "link", ["http://mara.example", "https://mara.example/shop?x=1#top", "www.mara.example"]
)
def test_profile_accepts_web_links(session: Session, link: str) -> None:
    assert update(session, make_user(session, "mara"), link=link).link.startswith(("http://", "https://"))


def test_bio_may_be_three_hundred_characters_but_not_more(session: Session) -> None:
    mara = make_user(session, "mara")
    assert len(update(session, mara, bio="b" * 300).bio) == 300

    with pytest.raises(ValidationFailed) as refused:
        update(session, mara, bio="b" * 301)

    assert refused.value.errors == {"bio": E.BIO_TOO_LONG}


def test_profile_update_reports_every_problem_and_changes_nothing(session: Session) -> None:
    mara = make_user(session, "mara", display_name="Mara Lind", bio="Before")

    with pytest.raises(ValidationFailed) as refused:
        update(session, mara, display_name="", bio="b" * 301, link="javascript:alert(1)")

    assert refused.value.errors == {
        "display_name": E.DISPLAY_NAME_REQUIRED,
        "bio": E.BIO_TOO_LONG,
        "link": E.LINK_INVALID,
    }
    session.refresh(mara)
    assert (mara.display_name, mara.bio) == ("Mara Lind", "Before")


# --- avatars -------------------------------------------------------------------------------------


def set_avatar(
    session: Session, actor: User | None, uploads_dir: Path, image: bytes, username: str = "mara"
) -> User:
    return accounts.set_avatar(
        session=session, actor=actor, username=username, image=image, uploads_dir=uploads_dir
    )


def test_avatar_is_stored_as_a_square_webp_under_a_generated_name(
    session: Session, uploads_dir: Path
) -> None:
    mara = make_user(session, "mara")

    set_avatar(session, mara, uploads_dir, image_bytes("JPEG", size=(800, 600)))

    assert mara.avatar_file.startswith("avatars/") and mara.avatar_file.endswith(".webp")
    with Image.open(uploads_dir / mara.avatar_file) as stored:
        assert stored.format == "WEBP"
        assert stored.size == (320, 320)
    assert accounts.to_viewer(mara).avatar_url == f"/_upload/{mara.avatar_file}"


def test_old_avatar_is_deleted_only_after_the_new_one_is_committed(
    session: Session, uploads_dir: Path
) -> None:
    mara = make_user(session, "mara")
    set_avatar(session, mara, uploads_dir, image_bytes("PNG"))
    session.commit()
    old_file = uploads_dir / mara.avatar_file

    set_avatar(session, mara, uploads_dir, image_bytes("PNG", color=(0, 0, 255)))
    assert old_file.exists()  # flushed, not committed

    session.commit()
    assert not old_file.exists()
    assert (uploads_dir / mara.avatar_file).exists()


def test_rolled_back_avatar_change_keeps_the_old_file_and_leaves_no_orphan(
    session: Session, uploads_dir: Path
) -> None:
    mara = make_user(session, "mara")
    set_avatar(session, mara, uploads_dir, image_bytes("PNG"))
    session.commit()
    old_name = mara.avatar_file

    set_avatar(session, mara, uploads_dir, image_bytes("PNG", color=(0, 0, 255)))
    new_name = mara.avatar_file
    session.rollback()

    assert session.get(User, mara.id).avatar_file == old_name
    assert (uploads_dir / old_name).exists()
    assert not (uploads_dir / new_name).exists()


def test_a_later_commit_on_the_same_session_does_not_delete_the_kept_avatar(
    session: Session, uploads_dir: Path
) -> None:
    mara = make_user(session, "mara")
    set_avatar(session, mara, uploads_dir, image_bytes("PNG"))
    session.commit()
    old_name = mara.avatar_file
    set_avatar(session, mara, uploads_dir, image_bytes("PNG", color=(0, 0, 255)))
    session.rollback()

    make_user(session, "theo")
    session.commit()

    assert session.get(User, mara.id).avatar_file == old_name
    assert (uploads_dir / old_name).exists()


def test_avatar_files_are_settled_by_the_outer_transaction_not_a_savepoint(
    session: Session, uploads_dir: Path
) -> None:
    mara = make_user(session, "mara")
    set_avatar(session, mara, uploads_dir, image_bytes("PNG"))
    session.commit()
    old_name = mara.avatar_file

    set_avatar(session, mara, uploads_dir, image_bytes("PNG", color=(0, 0, 255)))
    with session.begin_nested():
        make_user(session, "theo")
    assert (uploads_dir / old_name).exists()  # the savepoint released; nothing is final yet

    session.commit()
    assert not (uploads_dir / old_name).exists()


def test_broken_avatar_upload_changes_nothing(session: Session, uploads_dir: Path) -> None:
    mara = make_user(session, "mara")

    with pytest.raises(DomainError) as refused:
        set_avatar(session, mara, uploads_dir, b"GIF89a not really an image")

    assert refused.value.code == MediaErrorCode.WRONG_TYPE
    assert mara.avatar_file is None


def test_another_member_cannot_replace_an_avatar_and_no_file_is_written(
    session: Session, uploads_dir: Path
) -> None:
    make_user(session, "mara")

    with pytest.raises(DomainError) as refused:
        set_avatar(session, make_user(session, "theo"), uploads_dir, image_bytes("PNG"))

    assert refused.value.code == E.NOT_ALLOWED
    assert not uploads_dir.exists() or not any(uploads_dir.rglob("*.webp"))


def test_admin_can_replace_someone_elses_avatar(session: Session, uploads_dir: Path) -> None:
    mara = make_user(session, "mara")

    set_avatar(session, make_admin(session), uploads_dir, image_bytes("PNG"))

    assert mara.avatar_file is not None


# --- roles ---------------------------------------------------------------------------------------------


def test_admin_makes_a_member_a_moderator(session: Session) -> None:
    make_user(session, "mara")

    updated = accounts.set_role(
        session=session, actor=make_admin(session), username="mara", role=Role.MODERATOR
    )

    assert updated.role == Role.MODERATOR


@pytest.mark.parametrize("make_actor", [make_user, make_moderator], ids=["member", "moderator"])
def test_only_admins_change_roles(session: Session, make_actor) -> None:
    actor = make_actor(session, "actor")

    with pytest.raises(DomainError) as refused:
        accounts.set_role(session=session, actor=actor, username="actor", role=Role.ADMIN)

    assert refused.value.code == E.NOT_ALLOWED
    assert actor.role != Role.ADMIN


def test_signed_out_visitor_cannot_change_roles(session: Session) -> None:
    make_user(session, "mara")

    with pytest.raises(DomainError) as refused:
        accounts.set_role(session=session, actor=None, username="mara", role=Role.ADMIN)

    assert refused.value.code == E.NOT_SIGNED_IN


def test_changing_the_role_of_a_missing_person_says_not_found(session: Session) -> None:
    with pytest.raises(DomainError) as refused:
        accounts.set_role(session=session, actor=make_admin(session), username="ghost", role=Role.MODERATOR)

    assert refused.value.code == E.NOT_FOUND


# --- demo personas ----------------------------------------------------------------------------------


def test_demo_login_works_for_demo_personas_in_demo_mode(session: Session) -> None:
    mara = make_user(session, "mara", is_demo=True)

    nonce = accounts.start_demo_login(session=session, username="mara", demo_mode=True, next_path="/shop")
    issued = accounts.finish_login(session=session, nonce=nonce)

    assert (issued.user_id, issued.next_path, issued.max_age_seconds) == (mara.id, "/shop", None)


def test_demo_login_is_refused_when_demo_mode_is_off(session: Session) -> None:
    make_user(session, "mara", is_demo=True)

    with pytest.raises(DomainError) as refused:
        accounts.start_demo_login(session=session, username="mara", demo_mode=False, next_path=None)

    assert refused.value.code == E.DEMO_LOGIN_DISABLED
    assert session.exec(select(LoginNonce)).all() == []


@pytest.mark.parametrize("username", ["real_person", "ghost"])
def test_demo_login_never_signs_in_as_a_real_account(session: Session, username: str) -> None:
    make_user(session, "real_person", is_demo=False)

    with pytest.raises(DomainError) as refused:
        accounts.start_demo_login(session=session, username=username, demo_mode=True, next_path=None)

    assert refused.value.code == E.NOT_FOUND
    assert session.exec(select(LoginNonce)).all() == []


def test_a_demo_persona_cannot_log_in_with_its_published_password_outside_demo_mode(
    session: Session, limiter: RateLimiter
) -> None:
    make_user(session, "alex_admin", is_demo=True, password="socialshop-demo")
    make_user(session, "real_person", password="socialshop-demo")

    def log_in(username: str, demo_mode: bool) -> str:
        try:
            return accounts.authenticate(
                session=session, identifier=username, password="socialshop-demo", ip="192.0.2.9",
                limiter=limiter, demo_mode=demo_mode,
            ).username
        except DomainError as refusal:
            return refusal.code

    assert log_in("alex_admin", demo_mode=True) == "alex_admin"
    assert log_in("alex_admin", demo_mode=False) == E.INVALID_CREDENTIALS  # the same answer as a wrong password
    assert log_in("real_person", demo_mode=False) == "real_person"


def test_demo_personas_lists_only_demo_accounts_with_their_kind(session: Session) -> None:
    make_user(session, "mara", is_demo=True)
    make_user(session, "shop_owner", is_demo=True, is_seller=True)
    make_moderator(session, "rosa_mod", is_demo=True)
    make_admin(session, "alex_admin", is_demo=True)
    make_user(session, "real_person")

    personas = accounts.demo_personas(session=session)

    assert [(p.username, p.tagline) for p in personas] == [
        ("mara", "Shopper"),
        ("shop_owner", "Seller"),
        ("rosa_mod", "Moderator"),
        ("alex_admin", "Admin"),
    ]


# --- search ---------------------------------------------------------------------------------------------


def test_search_finds_people_by_username_or_display_name_in_any_case(session: Session) -> None:
    make_user(session, "mara", display_name="Mara Lind")
    make_user(session, "theo", display_name="Theo Okafor")

    assert [p.username for p in accounts.search_people(session=session, query="OKAF")] == ["theo"]
    assert [p.username for p in accounts.search_people(session=session, query="@Mar")] == ["mara"]


def test_search_treats_percent_and_underscore_as_plain_characters(session: Session) -> None:
    make_user(session, "mara", display_name="Mara Lind")
    make_user(session, "nordic_knits", display_name="Ingrid Nordahl")
    make_user(session, "sale_queen", display_name="100% Deals")

    assert [p.username for p in accounts.search_people(session=session, query="%")] == ["sale_queen"]
    assert sorted(p.username for p in accounts.search_people(session=session, query="_")) == [
        "nordic_knits",
        "sale_queen",
    ]
    assert accounts.search_people(session=session, query="m%a") == []
    assert accounts.search_people(session=session, query="m_ra") == []
    assert accounts.search_people(session=session, query="\\") == []


@pytest.mark.parametrize("query", ["", "   ", "@", "\x00"])
def test_empty_search_finds_nobody(session: Session, query: str) -> None:
    make_user(session, "mara")

    assert accounts.search_people(session=session, query=query) == []


def test_search_puts_the_closest_usernames_first_and_stops_at_the_limit(session: Session) -> None:
    for username in ["mara_makes_things", "mara", "mara_k"]:
        make_user(session, username)

    found = accounts.search_people(session=session, query="mara", limit=2)

    assert [p.username for p in found] == ["mara", "mara_k"]


# --- read models ------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [Viewer, Profile, ProfileForm, PersonCard, DemoPersona])
def test_public_shapes_never_carry_email_password_hash_or_ids(shape: type) -> None:
    names = {f.name for f in dataclasses.fields(shape)}

    assert names.isdisjoint({"email", "password_hash", "id", "token", "token_hash"})


def test_read_models_show_initials_and_no_avatar_url_without_a_photo(session: Session) -> None:
    mara = make_user(session, "mara", display_name="mara lind smith")

    viewer, profile = accounts.to_viewer(mara), accounts.to_profile(mara)

    assert (viewer.initials, viewer.avatar_url) == ("ML", "")
    assert profile.joined.startswith("Joined ")
    assert accounts.initials_of("   ") == "?"
