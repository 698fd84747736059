"""Usage counters, answer feedback and the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usage_daily",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("requests", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("response_id", sa.String(80), nullable=False),
        sa.Column("rating", sa.Integer),
        sa.Column("helpful", sa.Boolean),
        sa.Column("comment", sa.Text),
        sa.Column("triage", sa.String(16), nullable=False),
        sa.Column("confidence_band", sa.String(16), nullable=False),
        sa.Column("subject_hash", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("key_id", "response_id"),
    )
    op.create_index("ix_feedback_key_id", "feedback", ["key_id"])
    op.create_index("ix_feedback_subject_hash", "feedback", ["subject_hash"])
    op.create_index("ix_feedback_created_at", "feedback", ["created_at"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("key_id", sa.String(32)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_ts", "audit_log", ["ts"])
    op.create_index("ix_audit_log_event", "audit_log", ["event"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("feedback")
    op.drop_table("usage_daily")
