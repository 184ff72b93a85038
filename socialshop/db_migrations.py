"""Bring a database to the newest schema with the committed Alembic migrations."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from socialshop.settings import PROJECT_ROOT


def upgrade_to_head(database_url: str) -> None:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
