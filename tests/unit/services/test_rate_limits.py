"""The rate limiter: a moving window per key, in memory unless Redis is configured."""

from __future__ import annotations

import pytest
from limits import parse

from socialshop.services import rate_limits
from socialshop.services.rate_limits import LOGIN_PER_ACCOUNT, LOGIN_PER_IP, SIGNUP_PER_IP, RateLimiter


def test_limits_are_five_logins_per_account_and_twenty_per_address_a_minute() -> None:
    assert (LOGIN_PER_ACCOUNT.amount, LOGIN_PER_ACCOUNT.get_expiry()) == (5, 60)
    assert (LOGIN_PER_IP.amount, LOGIN_PER_IP.get_expiry()) == (20, 60)
    assert (SIGNUP_PER_IP.amount, SIGNUP_PER_IP.get_expiry()) == (10, 3600)


def test_limiter_allows_up_to_the_limit_then_refuses() -> None:
    limiter = RateLimiter("memory://")
    three_a_minute = parse("3/minute")

    assert [limiter.hit(three_a_minute, "login", "mara") for _ in range(4)] == [True, True, True, False]


def test_limiter_counts_each_key_separately() -> None:
    limiter = RateLimiter("memory://")
    once = parse("1/minute")

    assert limiter.hit(once, "login", "mara")
    assert limiter.hit(once, "login", "theo")
    assert limiter.hit(once, "signup", "mara")
    assert not limiter.hit(once, "login", "mara")


def test_clearing_a_key_gives_its_tries_back() -> None:
    limiter = RateLimiter("memory://")
    once = parse("1/minute")
    limiter.hit(once, "login", "mara")

    limiter.clear(once, "login", "mara")

    assert limiter.hit(once, "login", "mara")


def test_limiters_do_not_share_memory() -> None:
    once = parse("1/minute")
    RateLimiter("memory://").hit(once, "login", "mara")

    assert RateLimiter("memory://").hit(once, "login", "mara")


def test_default_limiter_is_one_shared_in_memory_limiter_without_redis() -> None:
    assert rate_limits.default_limiter() is rate_limits.default_limiter()


def test_default_limiter_uses_redis_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen: list[str] = []
    monkeypatch.setenv("REFLEX_REDIS_URL", "redis://cache.internal:6379/0")
    monkeypatch.setattr(rate_limits, "RateLimiter", lambda uri: chosen.append(uri))

    rate_limits.default_limiter()

    assert chosen == ["redis://cache.internal:6379/0"]
