"""record corrections: edit, retract, merge and link, logged in commitment_edits

Existing commitments stay public (server default during the upgrade only).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 03:52:52
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('commitment_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_edits_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_edits'))
    )
    with op.batch_alter_table('commitment_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_edits_commitment_id'), ['commitment_id'], unique=False)

    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visibility', sa.String(length=20), nullable=False,
                                      server_default='public'))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_commitments_visibility'), ['visibility'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_commitments_merged_into_id_commitments'), 'commitments', ['merged_into_id'], ['id'])
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.alter_column('visibility', server_default=None)



def downgrade() -> None:
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_commitments_merged_into_id_commitments'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_commitments_visibility'))
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('visibility')

    with op.batch_alter_table('commitment_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_edits_commitment_id'))

    op.drop_table('commitment_edits')
