"""Rate limits for event handlers and services (Reflex handlers are not HTTP routes)."""

from __future__ import annotations

from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from socialshop.settings import get_settings

LOGIN_PER_ACCOUNT = parse("5/minute")
LOGIN_PER_IP = parse("20/minute")
SIGNUP_PER_IP = parse("10/hour")  # the default; SOCIALSHOP_SIGNUP_RATE changes it (tests raise it)
# Sign-up forms checked against existing names and emails: "taken" answers must not let one
# address walk through a list of emails to learn who has an account.
SIGNUP_CHECKS_PER_IP = parse("30/hour")
POST_PER_USER = parse("10/minute")
COMMENT_PER_USER = parse("30/minute")


class RateLimiter:
    """A moving-window limiter; in memory by default, shared through Redis when configured."""

    def __init__(self, storage_uri: str = "memory://") -> None:
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    def hit(self, item: RateLimitItem, *identifiers: str) -> bool:
        """Count one try; False once the limit is exceeded."""
        return self._limiter.hit(item, *identifiers)

    def clear(self, item: RateLimitItem, *identifiers: str) -> None:
        self._limiter.clear(item, *identifiers)


def _signup_rate_or(default: RateLimitItem) -> RateLimitItem:
    configured = get_settings().signup_rate
    return parse(configured) if configured else default


def signup_per_ip() -> RateLimitItem:
    """Sign-ups allowed from one address: SOCIALSHOP_SIGNUP_RATE (e.g. "10/hour"), or the default."""
    return _signup_rate_or(SIGNUP_PER_IP)


def signup_checks_per_ip() -> RateLimitItem:
    """Sign-up forms checked against taken names from one address: SOCIALSHOP_SIGNUP_RATE when set
    (it loosens both limits, as the browser tests need), or the default."""
    return _signup_rate_or(SIGNUP_CHECKS_PER_IP)


@lru_cache(maxsize=1)
def default_limiter() -> RateLimiter:
    redis_url = get_settings().redis_url
    return RateLimiter(redis_url if redis_url else "memory://")
