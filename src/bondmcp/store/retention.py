"""Retention: stored request data older than the configured period is purged.

The audit trail is kept (it holds no request content) and stays verifiable: a purge
only ever appends a record saying what was removed.
"""

from __future__ import annotations

import datetime as dt

from bondmcp.store.audit import AuditEvent, AuditLog
from bondmcp.store.db import Database, utcnow
from bondmcp.store.idempotency import IdempotencyStore
from bondmcp.store.jobs import JobStore
from bondmcp.store.usage import UsageStore


def purge_expired(
    db: Database,
    secret: bytes,
    retention: dt.timedelta,
    job_retention: dt.timedelta | None = None,
) -> dict[str, int]:
    cutoff = utcnow() - retention
    counts = {
        "idempotency_records": IdempotencyStore(db, secret).purge(),
        "feedback_comments": UsageStore(db).purge_comments(cutoff),
    }
    if job_retention is not None:
        counts["finished_jobs"] = JobStore(db).purge_finished(utcnow() - job_retention)
    AuditLog(db, secret).append(
        [AuditEvent("retention.purged", None, {"cutoff": cutoff.isoformat(), **counts})]
    )
    return counts
