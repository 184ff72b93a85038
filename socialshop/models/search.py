"""Full-text search index (SQLite FTS5): virtual tables kept in step with products and posts by
triggers, so no write path can forget to update them. PostgreSQL uses its own full-text search
on the fly instead (see services/search.py), so this does nothing there.

Alembic autogenerate must leave these tables alone: their names start with SEARCH_TABLE_PREFIX.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

SEARCH_TABLE_PREFIX = "search_"

_STATEMENTS = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_product USING fts5(
        title, tags, shop, description, tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_product_vocab USING fts5vocab(search_product, 'row')",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_post USING fts5(
        body, tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER IF NOT EXISTS search_product_ai AFTER INSERT ON product BEGIN
        INSERT INTO search_product(rowid, title, tags, shop, description) VALUES (
            new.id, new.title, new.tags,
            (SELECT name || ' ' || handle FROM shop WHERE id = new.shop_id), new.description);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_product_au AFTER UPDATE OF title, tags, description, shop_id
    ON product BEGIN
        DELETE FROM search_product WHERE rowid = old.id;
        INSERT INTO search_product(rowid, title, tags, shop, description) VALUES (
            new.id, new.title, new.tags,
            (SELECT name || ' ' || handle FROM shop WHERE id = new.shop_id), new.description);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_product_ad AFTER DELETE ON product BEGIN
        DELETE FROM search_product WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_shop_au AFTER UPDATE OF name, handle ON shop BEGIN
        DELETE FROM search_product WHERE rowid IN (SELECT id FROM product WHERE shop_id = new.id);
        INSERT INTO search_product(rowid, title, tags, shop, description)
            SELECT p.id, p.title, p.tags, new.name || ' ' || new.handle, p.description
            FROM product p WHERE p.shop_id = new.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_post_ai AFTER INSERT ON post BEGIN
        INSERT INTO search_post(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_post_au AFTER UPDATE OF body ON post BEGIN
        DELETE FROM search_post WHERE rowid = old.id;
        INSERT INTO search_post(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_post_ad AFTER DELETE ON post BEGIN
        DELETE FROM search_post WHERE rowid = old.id;
    END""",
]

_DROP = [
    "DROP TRIGGER IF EXISTS search_product_ai", "DROP TRIGGER IF EXISTS search_product_au",
    "DROP TRIGGER IF EXISTS search_product_ad", "DROP TRIGGER IF EXISTS search_shop_au",
    "DROP TRIGGER IF EXISTS search_post_ai",
    "DROP TRIGGER IF EXISTS search_post_au", "DROP TRIGGER IF EXISTS search_post_ad",
    "DROP TABLE IF EXISTS search_product_vocab", "DROP TABLE IF EXISTS search_product",
    "DROP TABLE IF EXISTS search_post",
]


def install_search_index(connection: Connection) -> None:
    """Create the index and its triggers if missing, and fill it from existing rows."""
    if connection.dialect.name != "sqlite":
        return
    for statement in _STATEMENTS:
        connection.execute(text(statement))
    if connection.execute(text("SELECT count(*) FROM search_product")).scalar() == 0:
        connection.execute(
            text(
                "INSERT INTO search_product(rowid, title, tags, shop, description) "
                "SELECT p.id, p.title, p.tags, s.name || ' ' || s.handle, p.description "
                "FROM product p JOIN shop s ON s.id = p.shop_id"
            )
        )
    if connection.execute(text("SELECT count(*) FROM search_post")).scalar() == 0:
        connection.execute(text("INSERT INTO search_post(rowid, body) SELECT id, body FROM post"))


def drop_search_index(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for statement in _DROP:
        connection.execute(text(statement))


def is_search_table(name: str | None) -> bool:
    return bool(name) and name.startswith(SEARCH_TABLE_PREFIX)
