"""Typed settings read from the environment, with safe defaults for a local demo."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _async_url_for(database_url: str) -> str:
    """The async driver URL that matches a sync database URL."""
    if database_url.startswith("sqlite:"):
        return database_url.replace("sqlite:", "sqlite+aiosqlite:", 1)
    if database_url.startswith(("postgresql:", "postgresql+psycopg2:", "postgres:")):
        return "postgresql+asyncpg:" + database_url.split(":", 1)[1]
    return database_url


def _load_or_create_secret(data_dir: Path) -> str:
    """A secret key kept in the data folder, generated once, never committed."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        # Created private from the first byte; O_EXCL lets exactly one process win a race.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True)
class Settings:
    env: str
    data_dir: Path
    database_url: str
    async_database_url: str
    redis_url: str | None
    public_url: str
    uploads_dir: Path
    demo_mode: bool
    allow_demo_payments_in_production: bool
    secret_key: str
    stripe_secret_key: str | None
    stripe_publishable_key: str | None
    stripe_webhook_secret: str | None
    stripe_api_base: str | None
    signup_rate: str

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def payments_mode(self) -> str:
        """`stripe` when a Stripe key is set, otherwise the built-in demo provider."""
        return "stripe" if self.stripe_secret_key else "demo"

    @property
    def cookie_secure(self) -> bool:
        return self.public_url.startswith("https://")


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("SOCIALSHOP_DATA_DIR", PROJECT_ROOT / "data")).resolve()
    database_url = os.environ.get(
        "SOCIALSHOP_DATABASE_URL", f"sqlite:///{data_dir / 'socialshop.db'}"
    )
    uploads_dir = Path(
        os.environ.get("REFLEX_UPLOADED_FILES_DIR", data_dir / "uploads")
    ).resolve()
    env = os.environ.get("SOCIALSHOP_ENV", "development").strip().lower()
    return Settings(
        env=env,
        data_dir=data_dir,
        database_url=database_url,
        async_database_url=os.environ.get(
            "SOCIALSHOP_ASYNC_DATABASE_URL", _async_url_for(database_url)
        ),
        redis_url=os.environ.get("REFLEX_REDIS_URL") or None,
        public_url=os.environ.get("SOCIALSHOP_PUBLIC_URL", "http://localhost:3000").rstrip("/"),
        uploads_dir=uploads_dir,
        # One-click personas (the admin among them) only where nobody real signs in, unless asked for.
        demo_mode=_flag("SOCIALSHOP_DEMO_MODE", env != "production"),
        allow_demo_payments_in_production=_flag("SOCIALSHOP_ALLOW_DEMO_PAYMENTS", False),
        secret_key=os.environ.get("SOCIALSHOP_SECRET_KEY") or _load_or_create_secret(data_dir),
        stripe_secret_key=os.environ.get("STRIPE_SECRET_KEY") or None,
        stripe_publishable_key=os.environ.get("STRIPE_PUBLISHABLE_KEY") or None,
        stripe_webhook_secret=os.environ.get("STRIPE_WEBHOOK_SECRET") or None,
        stripe_api_base=os.environ.get("STRIPE_API_BASE") or None,
        signup_rate=os.environ.get("SOCIALSHOP_SIGNUP_RATE", "").strip(),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
