"""Settings: safe defaults, a secret generated once and kept private, matching async URLs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from socialshop import settings
from socialshop.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_secret_key_is_generated_once_into_the_data_folder_readable_only_by_the_owner(
    isolated_settings: Path,
) -> None:
    first = load_settings()

    key_file = isolated_settings / "secret_key"
    assert key_file.read_text() == first.secret_key
    assert len(first.secret_key) >= 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_secret_key_is_reused_on_the_next_start(isolated_settings: Path) -> None:
    first = load_settings().secret_key

    assert load_settings().secret_key == first


def test_different_data_folders_get_different_secret_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALSHOP_DATA_DIR", str(tmp_path / "one"))
    one = load_settings().secret_key
    monkeypatch.setenv("SOCIALSHOP_DATA_DIR", str(tmp_path / "two"))

    assert load_settings().secret_key != one


def test_secret_key_from_the_environment_wins_and_nothing_is_written(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALSHOP_SECRET_KEY", "from-the-environment")

    assert load_settings().secret_key == "from-the-environment"
    assert not (isolated_settings / "secret_key").exists()


def test_defaults_keep_everything_in_the_data_folder(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOCIALSHOP_DATABASE_URL")
    monkeypatch.delenv("REFLEX_UPLOADED_FILES_DIR")

    loaded = load_settings()

    assert loaded.data_dir == isolated_settings.resolve()
    assert loaded.database_url == f"sqlite:///{isolated_settings.resolve() / 'socialshop.db'}"
    assert loaded.async_database_url == f"sqlite+aiosqlite:///{isolated_settings.resolve() / 'socialshop.db'}"
    assert loaded.uploads_dir == isolated_settings.resolve() / "uploads"
    assert loaded.env == "development"
    assert not loaded.is_production
    assert loaded.demo_mode is True
    assert loaded.redis_url is None
    assert loaded.payments_mode == "demo"
    assert loaded.cookie_secure is False


@pytest.mark.parametrize(
    ("database_url", "async_url"),
    [
        ("sqlite:///data/socialshop.db", "sqlite+aiosqlite:///data/socialshop.db"),
        ("sqlite:////var/lib/socialshop.db", "sqlite+aiosqlite:////var/lib/socialshop.db"),
        ("postgresql://shop:pw@db:5432/shop", "postgresql+asyncpg://shop:pw@db:5432/shop"),
        ("postgresql+psycopg2://shop:pw@db/shop", "postgresql+asyncpg://shop:pw@db/shop"),
        ("postgres://shop:pw@db/shop", "postgresql+asyncpg://shop:pw@db/shop"),
        ("mysql://shop@db/shop", "mysql://shop@db/shop"),
    ],
)
def test_async_database_url_matches_the_sync_one(
    monkeypatch: pytest.MonkeyPatch, database_url: str, async_url: str
) -> None:
    monkeypatch.setenv("SOCIALSHOP_DATABASE_URL", database_url)

    assert load_settings().async_database_url == async_url


def test_async_database_url_can_be_given_explicitly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOCIALSHOP_ASYNC_DATABASE_URL", "sqlite+aiosqlite:///elsewhere.db")

    assert load_settings().async_database_url == "sqlite+aiosqlite:///elsewhere.db"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        (" YES ", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("", True),
    ],
)
def test_demo_mode_flag_reads_common_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("SOCIALSHOP_DEMO_MODE", raw)

    assert load_settings().demo_mode is expected


def test_https_public_url_makes_cookies_secure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOCIALSHOP_PUBLIC_URL", "https://shop.example/")

    loaded = load_settings()

    assert loaded.public_url == "https://shop.example"
    assert loaded.cookie_secure is True


def test_stripe_key_switches_payments_to_stripe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_123")

    assert load_settings().payments_mode == "stripe"


def test_production_is_recognised_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOCIALSHOP_ENV", " Production ")

    assert load_settings().is_production


def test_production_has_no_one_click_personas_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().demo_mode is True  # development: the demo is the point
    monkeypatch.setenv("SOCIALSHOP_ENV", "production")
    assert load_settings().demo_mode is False  # "continue as alex_admin" is not for the public
    monkeypatch.setenv("SOCIALSHOP_DEMO_MODE", "1")
    assert load_settings().demo_mode is True  # a staged demo that says so


def test_get_settings_is_read_once_and_cached() -> None:
    assert settings.get_settings() is settings.get_settings()


def test_reflex_serves_uploads_from_where_the_app_stores_them(tmp_path: Path) -> None:
    # `reflex run` started by hand (without socialshop.sh) reads rxconfig.py: /_upload must serve
    # the folder the services write photos into, or every photo is a 404.
    environment = {k: v for k, v in os.environ.items() if k != "REFLEX_UPLOADED_FILES_DIR"}
    environment["SOCIALSHOP_DATA_DIR"] = str(tmp_path)
    script = (
        "import rxconfig\n"
        "from reflex_components_core.core.upload import get_upload_dir\n"
        "from socialshop.settings import get_settings\n"
        "print(get_upload_dir().resolve(), get_settings().uploads_dir, sep='\\n')\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout.split()

    assert shown == [str(tmp_path.resolve() / "uploads")] * 2
