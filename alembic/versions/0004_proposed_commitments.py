"""proposed commitments: what the extractor was unsure of waits for an editor

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 03:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('proposed_commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('announcement_id', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('actor_aliases', sa.JSON(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('deadline_phrase', sa.Text(), nullable=True),
    sa.Column('due_earliest', sa.Date(), nullable=True),
    sa.Column('due_latest', sa.Date(), nullable=True),
    sa.Column('stated_on', sa.Date(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('conditional', sa.Boolean(), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('commitment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['announcement_id'], ['announcements.id'], name=op.f('fk_proposed_commitments_announcement_id_announcements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_proposed_commitments_commitment_id_commitments'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposed_commitments'))
    )
    with op.batch_alter_table('proposed_commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposed_commitments_announcement_id'), ['announcement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposed_commitments_state'), ['state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('proposed_commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposed_commitments_state'))
        batch_op.drop_index(batch_op.f('ix_proposed_commitments_announcement_id'))
    op.drop_table('proposed_commitments')
