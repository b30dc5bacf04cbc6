"""notifications sent once

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 06:53:37.292919
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status_change_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['status_change_id'], ['status_changes.id'], name=op.f('fk_notifications_status_change_id_status_changes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('status_change_id', name=op.f('uq_notifications_status_change_id'))
    )


def downgrade() -> None:
    op.drop_table('notifications')
