"""Unit and state tests: every test gets its own SQLite file, uploads folder and settings."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import socialshop.models  # noqa: F401  (registers every table on SQLModel.metadata)
from socialshop import db, settings
from socialshop.models.accounts import utcnow
from socialshop.models.search import install_search_index
from socialshop.services import accounts, rate_limits
from socialshop.services.rate_limits import RateLimiter

# Environment variables that could point a test at real data or real services.
_SETTINGS_ENV = (
    "SOCIALSHOP_ENV",
    "SOCIALSHOP_DATA_DIR",
    "SOCIALSHOP_DATABASE_URL",
    "SOCIALSHOP_ASYNC_DATABASE_URL",
    "SOCIALSHOP_PUBLIC_URL",
    "SOCIALSHOP_DEMO_MODE",
    "SOCIALSHOP_ALLOW_DEMO_PAYMENTS",
    "SOCIALSHOP_SECRET_KEY",
    "REFLEX_UPLOADED_FILES_DIR",
    "REFLEX_REDIS_URL",
    "STRIPE_SECRET_KEY",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_API_BASE",
)


def _settings_env(data_dir: Path) -> dict[str, str]:
    return {
        "SOCIALSHOP_DATA_DIR": str(data_dir),
        "SOCIALSHOP_DATABASE_URL": f"sqlite:///{data_dir / 'socialshop.db'}",
        "REFLEX_UPLOADED_FILES_DIR": str(data_dir / "uploads"),
    }


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported: settings read at import time (a state's class
    attributes, rxconfig) must never see the repository's data/ folder."""
    session_dir = Path(tempfile.mkdtemp(prefix="socialshop-unit-"))
    atexit.register(shutil.rmtree, session_dir, ignore_errors=True)
    for name in _SETTINGS_ENV:
        os.environ.pop(name, None)
    os.environ.update(_settings_env(session_dir))


def _clear_cached_singletons() -> None:
    if db.get_engine.cache_info().currsize:
        db.get_engine().dispose()
    db.get_engine.cache_clear()
    settings.get_settings.cache_clear()
    rate_limits.default_limiter.cache_clear()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, the engine and the default rate limiter all start fresh in tmp_path."""
    data_dir = tmp_path / "data"
    for name in _SETTINGS_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in _settings_env(data_dir).items():
        monkeypatch.setenv(name, value)
    _clear_cached_singletons()
    yield data_dir
    _clear_cached_singletons()


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Change settings mid-test: set environment variables, then forget cached settings."""

    def apply(**environment: str) -> None:
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        _clear_cached_singletons()

    return apply


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """argon2id with the smallest cost: the same code paths, a thousand times faster."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "password_hasher", cheap)
    # The hash checked for unknown users must cost the same as a real one, so swap it too.
    monkeypatch.setattr(accounts, "_DUMMY_HASH", cheap.hash("not-a-real-password"))
    return cheap


@pytest.fixture
def database_url(isolated_settings: Path) -> str:
    return settings.get_settings().database_url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A real SQLite file with every table; the same file the app's own engine opens."""
    engine = db.make_engine(database_url)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as connection:
        install_search_index(connection)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def uploads_dir(isolated_settings: Path) -> Path:
    return settings.get_settings().uploads_dir


@pytest.fixture
def limiter() -> RateLimiter:
    return RateLimiter("memory://")


class Clock:
    """The accounts service's idea of now, moved by hand."""

    def __init__(self) -> None:
        self.now = utcnow()

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(accounts, "utcnow", lambda: clock.now)
    return clock
