"""The database engine and session scope the services run in (no reflex here)."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from socialshop.settings import get_settings


def make_engine(database_url: str) -> Engine:
    """An engine with the SQLite pragmas the app relies on (FKs, WAL, busy wait)."""
    is_sqlite = database_url.startswith("sqlite")
    engine = create_engine(
        database_url,
        connect_args={"check_same_thread": False, "timeout": 15} if is_sqlite else {},
        pool_pre_ping=not is_sqlite,
    )
    if is_sqlite:

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
            ensure_sqlite_math(dbapi_connection)

    return engine


def ensure_sqlite_math(dbapi_connection: sqlite3.Connection) -> None:
    """The For You ranking calls pow(); SQLite has it only when built with its math functions
    (Python's own builds are; some distributions' are not). Without them, lend Python's."""
    try:
        dbapi_connection.execute("SELECT pow(2, 2)")
    except sqlite3.OperationalError:
        dbapi_connection.create_function("pow", 2, math.pow, deterministic=True)


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
