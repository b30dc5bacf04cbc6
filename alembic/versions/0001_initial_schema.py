"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 05:56:48.186539
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

def upgrade() -> None:

    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('name', name=op.f('uq_actors_name'))
    )
    op.create_table('poll_cycles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('worker', sa.String(length=100), nullable=False),
    sa.Column('feeds_fetched', sa.Integer(), nullable=False),
    sa.Column('feeds_not_modified', sa.Integer(), nullable=False),
    sa.Column('feeds_failed', sa.Integer(), nullable=False),
    sa.Column('new_items', sa.Integer(), nullable=False),
    sa.Column('new_commitments', sa.Integer(), nullable=False),
    sa.Column('new_evidence', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_cycles'))
    )
    with op.batch_alter_table('poll_cycles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_cycles_started_at'), ['started_at'], unique=False)

    op.create_table('actor_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('norm', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_actor_aliases_actor_id_actors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actor_aliases')),
    sa.UniqueConstraint('norm', name=op.f('uq_actor_aliases_norm'))
    )
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_aliases_actor_id'), ['actor_id'], unique=False)

    op.create_table('commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('deadline_phrase', sa.Text(), nullable=True),
    sa.Column('due_earliest', sa.Date(), nullable=True),
    sa.Column('due_latest', sa.Date(), nullable=True),
    sa.Column('deadline_rule', sa.Text(), nullable=True),
    sa.Column('stated_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('status_source', sa.String(length=10), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('conditional', sa.Boolean(), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('search_query', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_commitments_actor_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitments_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index('ix_commitments_actor_status', ['actor_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_due_latest'), ['due_latest'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_status'), ['status'], unique=False)

    op.create_table('feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('every_seconds', sa.Integer(), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_new_item_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_poll_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_warning', sa.Text(), nullable=True),
    sa.Column('paused', sa.Boolean(), nullable=False),
    sa.Column('from_config', sa.Boolean(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=True),
    sa.Column('lease_owner', sa.String(length=100), nullable=True),
    sa.Column('lease_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_feeds_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feeds')),
    sa.UniqueConstraint('url', name=op.f('uq_feeds_url'))
    )
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feeds_next_poll_at'), ['next_poll_at'], unique=False)

    op.create_table('feed_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('guid', sa.Text(), nullable=True),
    sa.Column('link', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('summary_html', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('matched', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['feed_id'], ['feeds.id'], name=op.f('fk_feed_items_feed_id_feeds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_items')),
    sa.UniqueConstraint('feed_id', 'key', name='uq_feed_items_feed_id_key')
    )
    with op.batch_alter_table('feed_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_items_matched'), ['matched'], unique=False)
        batch_op.create_index(batch_op.f('ix_feed_items_published_at'), ['published_at'], unique=False)

    op.create_table('announcements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('publisher', sa.String(length=200), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('feed_item_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['feed_item_id'], ['feed_items.id'], name=op.f('fk_announcements_feed_item_id_feed_items'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_announcements')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_announcements_content_hash'))
    )
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('new_due_latest', sa.Date(), nullable=True),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('page_text', sa.Text(), nullable=True),
    sa.Column('page_hash', sa.String(length=64), nullable=True),
    sa.Column('page_fetched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_evidence_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['feed_items.id'], name=op.f('fk_evidence_item_id_feed_items'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('commitment_id', 'item_id', name='uq_evidence_commitment_id_item_id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_state'), ['state'], unique=False)

    op.create_table('commitment_sources',
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('announcement_id', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('deadline_phrase', sa.Text(), nullable=True),
    sa.Column('stated_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['announcement_id'], ['announcements.id'], name=op.f('fk_commitment_sources_announcement_id_announcements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_sources_commitment_id_commitments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('commitment_id', 'announcement_id', name=op.f('pk_commitment_sources'))
    )
    with op.batch_alter_table('commitment_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_sources_announcement_id'), ['announcement_id'], unique=False)

    op.create_table('deadline_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('announcement_id', sa.Integer(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('old_phrase', sa.Text(), nullable=True),
    sa.Column('new_phrase', sa.Text(), nullable=True),
    sa.Column('old_due_latest', sa.Date(), nullable=True),
    sa.Column('new_due_latest', sa.Date(), nullable=True),
    sa.Column('revised_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['announcement_id'], ['announcements.id'], name=op.f('fk_deadline_revisions_announcement_id_announcements'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_deadline_revisions_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_deadline_revisions_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline_revisions'))
    )
    with op.batch_alter_table('deadline_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadline_revisions_commitment_id'), ['commitment_id'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('evidence_url', sa.Text(), nullable=True),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('undoes_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_status_changes_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_status_changes_evidence_id_evidence'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['undoes_id'], ['status_changes.id'], name=op.f('fk_status_changes_undoes_id_status_changes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_changes_commitment_id'), ['commitment_id'], unique=False)

def downgrade() -> None:

    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_changes_commitment_id'))

    op.drop_table('status_changes')
    with op.batch_alter_table('deadline_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadline_revisions_commitment_id'))

    op.drop_table('deadline_revisions')
    with op.batch_alter_table('commitment_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_sources_announcement_id'))

    op.drop_table('commitment_sources')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_state'))
        batch_op.drop_index(batch_op.f('ix_evidence_item_id'))

    op.drop_table('evidence')
    op.drop_table('announcements')
    with op.batch_alter_table('feed_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_items_published_at'))
        batch_op.drop_index(batch_op.f('ix_feed_items_matched'))

    op.drop_table('feed_items')
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feeds_next_poll_at'))

    op.drop_table('feeds')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitments_status'))
        batch_op.drop_index(batch_op.f('ix_commitments_due_latest'))
        batch_op.drop_index('ix_commitments_actor_status')
        batch_op.drop_index(batch_op.f('ix_commitments_actor_id'))

    op.drop_table('commitments')
    with op.batch_alter_table('actor_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_aliases_actor_id'))

    op.drop_table('actor_aliases')
    with op.batch_alter_table('poll_cycles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_cycles_started_at'))

    op.drop_table('poll_cycles')
    op.drop_table('actors')

