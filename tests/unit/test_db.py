"""The engine's SQLite set-up: pragmas, and pow() for the For You ranking on any SQLite build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from socialshop.db import ensure_sqlite_math, make_engine


class SqliteWithoutMath(sqlite3.Connection):
    """A connection that behaves like a SQLite build without its math functions."""

    lent: list[str]

    def execute(self, sql: str, *args):  # type: ignore[override]
        if "pow(" in sql and not getattr(self, "lent", []):
            raise sqlite3.OperationalError("no such function: pow")
        return super().execute(sql, *args)

    def create_function(self, name: str, narg: int, func, *, deterministic: bool = False) -> None:  # type: ignore[override]
        self.lent = [*getattr(self, "lent", []), name]
        super().create_function(name, narg, func, deterministic=deterministic)


def test_pow_is_lent_from_python_when_sqlite_lacks_it() -> None:
    connection = sqlite3.connect(":memory:", factory=SqliteWithoutMath)

    ensure_sqlite_math(connection)

    assert connection.lent == ["pow"]
    assert connection.execute("SELECT pow(4, 0.5)").fetchone() == (2.0,)


def test_sqlite_with_math_keeps_its_own_pow() -> None:
    connection = sqlite3.connect(":memory:", factory=SqliteWithoutMath)
    connection.lent = ["(already has it)"]

    ensure_sqlite_math(connection)

    assert connection.lent == ["(already has it)"]


@pytest.mark.parametrize(("pragma", "value"), [("foreign_keys", 1), ("journal_mode", "wal"), ("synchronous", 1)])
def test_every_connection_gets_the_pragmas_the_app_relies_on(tmp_path: Path, pragma: str, value: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.execute(text(f"PRAGMA {pragma}")).scalar() == value
        assert connection.execute(text("SELECT pow(2, 10)")).scalar() == 1024.0
    engine.dispose()
