"""A faster `engine` for the catalog, commerce and search tests: the schema and search index are
built once per run into a template file, then copied into each test's own database file.

Same tables, triggers and pragmas as tests/unit/conftest.py's engine (built by the same calls);
only the per-test cost of CREATE TABLE goes. Import both fixtures into a conftest to use it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlmodel import SQLModel

import socialshop.models  # noqa: F401  (registers every table on SQLModel.metadata)
from socialshop import db
from socialshop.models.search import install_search_index


@pytest.fixture(scope="session")
def schema_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "template.db"
    template = db.make_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(template)
    with template.begin() as connection:
        install_search_index(connection)
    template.dispose()  # the last connection closing checkpoints the WAL into the file
    return path


@pytest.fixture
def engine(database_url: str, schema_template: Path) -> Iterator[Engine]:
    """A real SQLite file with every table; the same file the app's own engine opens."""
    target = Path(make_url(database_url).database)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(schema_template, target)
    engine = db.make_engine(database_url)
    yield engine
    engine.dispose()
