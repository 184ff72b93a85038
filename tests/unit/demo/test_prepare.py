"""`socialshop.demo.prepare`, run before the app starts: migrate, tidy, seed."""

from __future__ import annotations

import sys

import pytest
from sqlmodel import Session, select

from socialshop.db import get_engine
from socialshop.demo import banner, prepare
from socialshop.models.accounts import AuthSession, LoginNonce
from socialshop.services import accounts
from tests.factories import make_nonce, make_session_token, make_user


def run_prepare(monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.setattr(sys, "argv", ["prepare", *args])
    prepare.main()


def test_each_start_drops_dead_sessions_and_used_nonces_and_keeps_live_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_prepare(monkeypatch, "--no-demo")  # a fresh, migrated database
    with Session(get_engine(), expire_on_commit=False) as session:
        mara = make_user(session, "mara")
        live = make_session_token(session, mara)
        gone = make_session_token(session, mara)
        accounts.log_out(session=session, token=gone)
        waiting = make_nonce(session, mara)  # a login in flight: not used yet, not expired
        session.commit()

    run_prepare(monkeypatch, "--no-demo")

    with Session(get_engine()) as session:
        assert accounts.user_for_token(session=session, token=live).username == "mara"
        assert len(session.exec(select(AuthSession)).all()) == 1
        nonces = session.exec(select(LoginNonce)).all()
        assert len(nonces) == 1 and nonces[0].used_at is None
        assert accounts.finish_login(session=session, nonce=waiting).user_id == mara.id


def test_no_demo_world_where_demo_mode_is_off(monkeypatch: pytest.MonkeyPatch, configure) -> None:
    seeded: list[str] = []
    monkeypatch.setattr(prepare, "seed_demo_world", lambda **_: seeded.append("demo world"))

    configure(SOCIALSHOP_ENV="production")  # demo mode is off there unless asked for
    run_prepare(monkeypatch)
    assert seeded == []

    configure(SOCIALSHOP_ENV="production", SOCIALSHOP_DEMO_MODE="1")
    run_prepare(monkeypatch)
    assert seeded == ["demo world"]


def test_the_start_banner_lists_personas_only_in_demo_mode(
    monkeypatch: pytest.MonkeyPatch, configure, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["banner", "--port", "3000"])
    banner.main()
    assert "@alex_admin" in capsys.readouterr().out

    configure(SOCIALSHOP_ENV="production")
    banner.main()
    shown = capsys.readouterr().out
    assert "@alex_admin" not in shown and "socialshop-demo" not in shown and "Demo mode is off" in shown
