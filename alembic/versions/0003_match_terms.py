"""match terms kept per commitment

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('match_terms',
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_match_terms_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('commitment_id', name=op.f('pk_match_terms'))
    )


def downgrade() -> None:
    op.drop_table('match_terms')
