"""Articles, saved trips, folder-article corrections and revisions.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("header", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_table(
        "trips",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("extracted", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_trips_article_id", "trips", ["article_id"])
    op.create_table(
        "folder_corrections",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("article_name", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("carried_from", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_folder_corrections_article_name", "folder_corrections",
                    ["article_name"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("trip_id", sa.String(120), sa.ForeignKey("trips.id"), nullable=True),
        sa.Column("article_hash", sa.String(64),
                  sa.ForeignKey("folder_corrections.content_hash"), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("stops", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("trip_id", "number", name="uq_revisions_trip_number"),
        sa.UniqueConstraint("article_hash", "number", name="uq_revisions_article_number"),
    )
    op.create_index("ix_revisions_trip_id", "revisions", ["trip_id"])
    op.create_index("ix_revisions_article_hash", "revisions", ["article_hash"])


def downgrade() -> None:
    op.drop_table("revisions")
    op.drop_table("folder_corrections")
    op.drop_table("trips")
    op.drop_table("articles")
