"""The committed Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

import socialshop.models  # noqa: F401  (registers every table on SQLModel.metadata)
from socialshop.db_migrations import upgrade_to_head
from socialshop.models.search import is_search_table

ACCOUNT_TABLES = {"user_account", "auth_session", "login_nonce"}


def migrated(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    upgrade_to_head(url)
    return url


def test_upgrade_to_head_creates_the_account_tables(tmp_path: Path) -> None:
    engine = create_engine(migrated(tmp_path))
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()

    assert tables >= ACCOUNT_TABLES
    assert "alembic_version" in tables


def test_every_model_table_has_a_migration(tmp_path: Path) -> None:
    engine = create_engine(migrated(tmp_path))
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()

    assert set(SQLModel.metadata.tables) <= tables


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    engine = create_engine(migrated(tmp_path))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    # The full-text search tables are made by hand, not by the models.
                    "include_object": lambda obj, name, type_, *_: not (
                        type_ == "table" and is_search_table(name)
                    ),
                },
            )
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()

    assert differences == []


def test_upgrading_twice_is_harmless(tmp_path: Path) -> None:
    url = migrated(tmp_path)

    upgrade_to_head(url)

    engine = create_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) >= ACCOUNT_TABLES
    finally:
        engine.dispose()


def test_migrated_database_enforces_unique_usernames_and_emails(tmp_path: Path) -> None:
    engine = create_engine(migrated(tmp_path))
    try:
        unique_columns = {
            tuple(index["column_names"])
            for index in inspect(engine).get_indexes("user_account")
            if index["unique"]
        }
    finally:
        engine.dispose()

    assert {("username",), ("email",)} <= unique_columns
