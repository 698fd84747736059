"""The audit log's links are kept unique by sequence number alone.

Two writers that read the same head both try to insert ``seq = head + 1``, and the primary
key refuses the second, so the unique index on ``prev_hash`` guarded nothing more. It cost
the most of any part of an append: its keys are random, so every insert landed on a
different page of an index that grows with the log (about 20 µs a record at 400,000
records on SQLite, against under 3 µs without it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _audit_table(*, unique_prev_hash: bool) -> sa.Table:
    """The table as 0002 created it, with or without the unique ``prev_hash``."""
    return sa.Table(
        "audit_log",
        sa.MetaData(),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("key_id", sa.String(32)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=unique_prev_hash),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Index("ix_audit_log_ts", "ts"),
        sa.Index("ix_audit_log_event", "event"),
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # SQLite cannot drop a table constraint: copy into the new shape (Alembic's batch
        # mode, in this migration's transaction).
        with op.batch_alter_table(
            "audit_log", copy_from=_audit_table(unique_prev_hash=False), recreate="always"
        ):
            pass
        return
    for constraint in sa.inspect(bind).get_unique_constraints("audit_log"):
        if constraint["column_names"] == ["prev_hash"] and constraint["name"]:
            op.drop_constraint(constraint["name"], "audit_log", type_="unique")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "audit_log", copy_from=_audit_table(unique_prev_hash=True), recreate="always"
        ):
            pass
        return
    op.create_unique_constraint("audit_log_prev_hash_key", "audit_log", ["prev_hash"])
