"""cart lines remember the currency of the price the shopper saw

Revision ID: 0005_cart_seen_currency
Revises: 0004_search_index
Create Date: 2026-11-23 17:20:00

A seller may switch a product from EUR to JPY keeping the same number: without the currency, the
cart saw "1250 then 1250" and flagged nothing although €12.50 had become ¥1,250.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

# revision identifiers, used by Alembic.
revision: str = '0005_cart_seen_currency'
down_revision: Union[str, Sequence[str], None] = '0004_search_index'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Existing lines get '' ("not recorded"): the cart then compares the amount only, as before.
    op.add_column(
        'cart_item',
        sa.Column('seen_currency', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False, server_default=''),
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('cart_item') as batch_op:
        batch_op.drop_column('seen_currency')
