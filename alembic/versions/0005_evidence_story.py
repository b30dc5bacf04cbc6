"""evidence keeps the identity of its story (canonical link, guid, content hash)

A rejection binds the commitment to the story, not to the feed row: removing a
feed and adding it again, or the same story through a second feed, must not bring
rejected evidence back. Rejected rows are filled in from their items, where the
items still exist, and from their own link otherwise.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('story_link', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('story_guid', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('story_hash', sa.String(length=64), nullable=True))
    _fill_rejected()


def _fill_rejected() -> None:
    """The story of every rejected evidence row (the only ones the rule reads back)."""
    from tracker.story import story_of

    conn = op.get_bind()
    evidence = sa.table('evidence', sa.column('id'), sa.column('state'), sa.column('item_id'), sa.column('url'),
                        sa.column('story_link'), sa.column('story_guid'), sa.column('story_hash'))
    items = sa.table('feed_items', sa.column('id'), sa.column('guid'), sa.column('link'), sa.column('title'),
                     sa.column('text'))
    rows = conn.execute(
        sa.select(evidence.c.id, evidence.c.url, items.c.guid, items.c.link, items.c.title, items.c.text)
        .select_from(evidence.outerjoin(items, evidence.c.item_id == items.c.id))
        .where(evidence.c.state == 'rejected')).all()
    for evidence_id, url, guid, link, title, text in rows:
        story = story_of(link or url, guid, title or "", text or "")
        conn.execute(evidence.update().where(evidence.c.id == evidence_id)
                     .values(story_link=story.link, story_guid=story.guid, story_hash=story.hash))


def downgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('story_hash')
        batch_op.drop_column('story_guid')
        batch_op.drop_column('story_link')
