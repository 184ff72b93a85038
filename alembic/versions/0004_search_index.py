"""full-text search index: FTS5 tables and triggers for products and posts (SQLite only)

Revision ID: 0004_search_index
Revises: 0003_catalog
Create Date: 2026-11-23 14:40:00
"""

from collections.abc import Sequence

from alembic import op

from socialshop.models.search import drop_search_index, install_search_index

revision: str = "0004_search_index"
down_revision: str | Sequence[str] | None = "0003_catalog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install_search_index(op.get_bind())


def downgrade() -> None:
    drop_search_index(op.get_bind())
