"""A finished job's announcement (its audit event and webhook) is claimed, then confirmed.

The process that finishes a job announces it; one killed between the two left the job
ended with neither. ``announce_claimed_at`` is taken before announcing and
``announced_at`` set after, so the API process's housekeeping can announce, after the
claim lease, a job whose announcement never happened. Jobs that ended before this
revision count as announced.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("announce_claimed_at", _TS))
        batch.add_column(sa.Column("announced_at", _TS))
    jobs = sa.table("jobs", sa.column("finished_at", _TS), sa.column("announced_at", _TS))
    op.execute(
        jobs.update().where(jobs.c.finished_at.is_not(None)).values(announced_at=jobs.c.finished_at)
    )


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("announced_at")
        batch.drop_column("announce_claimed_at")
