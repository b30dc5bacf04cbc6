"""keep-until promises: a state promised to last is kept unless the actor ends it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 04:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, never a batch copy: on SQLite a copied commitments table would be dropped, and with
    # foreign keys on, every evidence row and status change of every commitment would go with it.
    op.add_column('commitments', sa.Column('keep_until', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_column('keep_until')
