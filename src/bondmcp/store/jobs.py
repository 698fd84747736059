"""Batch job persistence: the state machine every executor shares through the database.

The broker (or the embedded executor) only says "work on chunk n of job j"; everything
else lives here, so any process can pick up any chunk and a redelivered chunk changes
nothing. Each transaction that writes starts with a write, so SQLite takes its write lock
up front (and waits on ``busy_timeout``) instead of failing on a stale read snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from bondmcp.store.db import Database, utcnow
from bondmcp.store.models import Job, JobChunk, JobResult, WebhookDelivery

#: Job states in which chunks still run.
ACTIVE = ("queued", "running")
FINISHED = ("completed", "failed", "cancelled")
#: Chunk states between the claim and the answer: ``claiming`` until the dispatcher has
#: sent the message, ``enqueued`` after.
IN_FLIGHT = ("claiming", "enqueued")


@dataclass(frozen=True, slots=True)
class NewChunk:
    start: int
    size: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class ChunkWork:
    job_id: str
    key_id: str
    chunk_no: int
    start: int
    locale: str | None
    payload: bytes


@dataclass(frozen=True, slots=True)
class ChunkOutcome:
    #: False when the chunk had already been recorded (a redelivery): nothing was written.
    recorded: bool
    #: True for the one writer that moved the job to ``completed``.
    finished: bool


def _rowcount(result: Any) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


class JobStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- submission ----------------------------------------------------------------------

    def create(
        self,
        job_id: str,
        key_id: str,
        total: int,
        chunks: Sequence[NewChunk],
        *,
        locale: str | None,
        webhook_url: str | None,
        metadata_json: str | None,
    ) -> Job:
        now = utcnow()
        job = Job(
            id=job_id,
            key_id=key_id,
            status="queued",
            total=total,
            completed=0,
            failed=0,
            chunks_total=len(chunks),
            chunks_done=0,
            locale=locale,
            webhook_url=webhook_url,
            metadata_json=metadata_json,
            created_at=now,
            latency_observed=False,
        )
        with self._db.session() as session:
            session.add(job)
            session.flush()
            session.execute(
                insert(JobChunk),
                [
                    {
                        "job_id": job_id,
                        "chunk_no": n,
                        "start": c.start,
                        "size": c.size,
                        "payload": c.payload,
                        "state": "pending",
                    }
                    for n, c in enumerate(chunks)
                ],
            )
        return job

    # -- reading -------------------------------------------------------------------------

    def get(self, job_id: str, key_id: str | None = None) -> Job | None:
        with self._db.session() as session:
            query = select(Job).where(Job.id == job_id)
            if key_id is not None:
                query = query.where(Job.key_id == key_id)
            return session.scalars(query).first()

    def results(self, job_id: str, offset: int, limit: int) -> list[bytes]:
        with self._db.session() as session:
            rows = session.scalars(
                select(JobResult.body)
                .where(JobResult.job_id == job_id, JobResult.idx >= offset)
                .order_by(JobResult.idx)
                .limit(limit)
            )
            return list(rows)

    def result_count(self, job_id: str) -> int:
        with self._db.session() as session:
            count = session.scalar(
                select(func.count()).select_from(JobResult).where(JobResult.job_id == job_id)
            )
            return int(count or 0)

    def deliveries(self, job_id: str) -> list[WebhookDelivery]:
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(WebhookDelivery)
                    .where(WebhookDelivery.job_id == job_id)
                    .order_by(WebhookDelivery.id)
                )
            )

    # -- dispatch ------------------------------------------------------------------------

    def claim_for_dispatch(self, key_id: str, limit: int) -> list[tuple[str, int]]:
        """Mark up to ``limit - in_flight`` pending chunks of the key's active jobs
        ``claiming``, oldest job first, and return them. The conditional update per chunk
        means a chunk is handed out by one dispatcher only; the limit itself is soft under
        races. The caller sends each chunk, then calls :meth:`mark_enqueued`; a claim that
        was never confirmed (its process died between the two) is released by
        :meth:`release_stale_claims`, so a crash here cannot strand a chunk."""
        now = utcnow()
        active = and_(Job.id == JobChunk.job_id, Job.key_id == key_id, Job.status.in_(ACTIVE))
        with self._db.session() as session:
            # A write first: SQLite takes its write lock now, so the count below is current.
            session.execute(
                update(Job).where(Job.key_id == key_id, Job.id == "").values(status="queued")
            )
            in_flight = int(
                session.scalar(
                    select(func.count())
                    .select_from(JobChunk)
                    .join(Job, active)
                    .where(JobChunk.state.in_(IN_FLIGHT))
                )
                or 0
            )
            room = limit - in_flight
            if room <= 0:
                return []
            candidates = session.execute(
                select(JobChunk.job_id, JobChunk.chunk_no)
                .join(Job, active)
                .where(JobChunk.state == "pending")
                .order_by(Job.created_at, Job.id, JobChunk.chunk_no)
                .limit(room)
            ).all()
            claimed: list[tuple[str, int]] = []
            for job_id, chunk_no in candidates:
                result = session.execute(
                    update(JobChunk)
                    .where(
                        JobChunk.job_id == job_id,
                        JobChunk.chunk_no == chunk_no,
                        JobChunk.state == "pending",
                    )
                    .values(state="claiming", enqueued_at=now)
                )
                if _rowcount(result) == 1:
                    claimed.append((job_id, chunk_no))
            return claimed

    def mark_enqueued(self, chunks: Sequence[tuple[str, int]]) -> None:
        """Confirm claimed chunks whose messages were sent. A chunk already answered (a
        fast worker) keeps its ``done``."""
        if not chunks:
            return
        with self._db.session() as session:
            for job_id, chunk_no in chunks:
                session.execute(
                    update(JobChunk)
                    .where(
                        JobChunk.job_id == job_id,
                        JobChunk.chunk_no == chunk_no,
                        JobChunk.state == "claiming",
                    )
                    .values(state="enqueued")
                )

    def unclaim(self, job_id: str, chunk_no: int) -> None:
        """Put a chunk back to pending after its message could not be sent."""
        with self._db.session() as session:
            session.execute(
                update(JobChunk)
                .where(
                    JobChunk.job_id == job_id,
                    JobChunk.chunk_no == chunk_no,
                    JobChunk.state.in_(IN_FLIGHT),
                )
                .values(state="pending", enqueued_at=None)
            )

    def release_stale_claims(self, older_than: dt.timedelta) -> int:
        """Put back to pending the chunks claimed longer ago than ``older_than`` and never
        confirmed sent: their dispatcher died between the claim and the send. If it died
        after the send instead, the chunk is sent twice, which records nothing twice."""
        cutoff = utcnow() - older_than
        with self._db.session() as session:
            released = session.execute(
                update(JobChunk)
                .where(JobChunk.state == "claiming", JobChunk.enqueued_at < cutoff)
                .values(state="pending", enqueued_at=None)
            )
            return _rowcount(released)

    def enqueued_chunks(self) -> list[tuple[str, int]]:
        """Chunks handed out but not answered, of active jobs (lost when an embedded
        executor stopped; still on the broker otherwise)."""
        with self._db.session() as session:
            rows = session.execute(
                select(JobChunk.job_id, JobChunk.chunk_no)
                .join(Job, Job.id == JobChunk.job_id)
                .where(JobChunk.state.in_(IN_FLIGHT), Job.status.in_(ACTIVE))
                .order_by(Job.created_at, JobChunk.chunk_no)
            ).all()
            return [(str(j), int(n)) for j, n in rows]

    def active_keys(self) -> list[str]:
        with self._db.session() as session:
            return list(
                session.scalars(select(Job.key_id).where(Job.status.in_(ACTIVE)).distinct())
            )

    def queue_depth(self) -> int:
        """Questions not yet answered in active jobs."""
        with self._db.session() as session:
            depth = session.scalar(
                select(func.coalesce(func.sum(JobChunk.size), 0))
                .join(Job, Job.id == JobChunk.job_id)
                .where(JobChunk.state != "done", Job.status.in_(ACTIVE))
            )
            return int(depth or 0)

    # -- execution -----------------------------------------------------------------------

    def start_chunk(self, job_id: str, chunk_no: int) -> ChunkWork | None:
        """The chunk to work on, or None when it is done or its job is no longer active.
        Moves a queued job to running."""
        with self._db.session() as session:
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status == "queued")
                .values(status="running", started_at=utcnow())
            )
            row = session.execute(
                select(Job.key_id, Job.locale, JobChunk.start, JobChunk.payload)
                .join(Job, Job.id == JobChunk.job_id)
                .where(
                    JobChunk.job_id == job_id,
                    JobChunk.chunk_no == chunk_no,
                    JobChunk.state != "done",
                    Job.status.in_(ACTIVE),
                )
            ).first()
            if row is None or row.payload is None:
                return None
            return ChunkWork(job_id, row.key_id, chunk_no, row.start, row.locale, row.payload)

    def record_chunk(
        self, job_id: str, chunk_no: int, start: int, results: Sequence[tuple[bool, bytes]]
    ) -> ChunkOutcome:
        """Write a chunk's results once: the chunk's state flips to done in the same
        transaction, and a second writer (a redelivery) finds it done and writes nothing.
        Results are also keyed by (job, index), so no path can store one twice."""
        with self._db.session() as session:
            flipped = session.execute(
                update(JobChunk)
                .where(
                    JobChunk.job_id == job_id,
                    JobChunk.chunk_no == chunk_no,
                    JobChunk.state != "done",
                )
                .values(state="done", done_at=utcnow(), payload=None)
            )
            if _rowcount(flipped) == 0:
                return ChunkOutcome(recorded=False, finished=False)
            rows = [
                {"job_id": job_id, "idx": start + i, "is_error": err, "body": body}
                for i, (err, body) in enumerate(results)
            ]
            if rows:
                session.execute(_insert_ignore(session, rows))
            errors = sum(1 for err, _ in results if err)
            session.execute(
                update(Job)
                .where(Job.id == job_id)
                .values(
                    completed=Job.completed + len(results),
                    failed=Job.failed + errors,
                    chunks_done=Job.chunks_done + 1,
                )
            )
            done = session.execute(
                update(Job)
                .where(
                    Job.id == job_id,
                    Job.status.in_(ACTIVE),
                    Job.chunks_done >= Job.chunks_total,
                )
                .values(status="completed", finished_at=utcnow())
            )
            return ChunkOutcome(recorded=True, finished=_rowcount(done) == 1)

    def finish(self, job_id: str, status: str, key_id: str | None = None) -> bool:
        """Move an active job to ``failed`` or ``cancelled``; True for the one caller that did."""
        with self._db.session() as session:
            query = update(Job).where(Job.id == job_id, Job.status.in_(ACTIVE))
            if key_id is not None:
                query = query.where(Job.key_id == key_id)
            result = session.execute(query.values(status=status, finished_at=utcnow()))
            if _rowcount(result) == 1:
                # Queries of a job that will never run are not kept.
                session.execute(
                    update(JobChunk)
                    .where(JobChunk.job_id == job_id, JobChunk.state != "done")
                    .values(payload=None)
                )
                return True
            return False

    # -- announcements -------------------------------------------------------------------

    def claim_announcement(self, job_id: str, lease: dt.timedelta) -> bool:
        """Take the announcement of a finished job: True for the one caller that may audit
        its end and send its webhook now. A claim older than ``lease`` that was never
        confirmed (its process died) can be taken again."""
        now = utcnow()
        with self._db.session() as session:
            claimed = session.execute(
                update(Job)
                .where(
                    Job.id == job_id,
                    Job.status.in_(FINISHED),
                    Job.announced_at.is_(None),
                    or_(
                        Job.announce_claimed_at.is_(None),
                        Job.announce_claimed_at < now - lease,
                    ),
                )
                .values(announce_claimed_at=now)
            )
            return _rowcount(claimed) == 1

    def mark_announced(self, job_id: str) -> None:
        with self._db.session() as session:
            session.execute(update(Job).where(Job.id == job_id).values(announced_at=utcnow()))

    def unannounced(self, older_than: dt.timedelta) -> list[str]:
        """Jobs that ended longer ago than ``older_than`` and were never announced, and
        whose announcement nobody holds: their finishing process died before it."""
        cutoff = utcnow() - older_than
        with self._db.session() as session:
            rows = session.scalars(
                select(Job.id)
                .where(
                    Job.status.in_(FINISHED),
                    Job.announced_at.is_(None),
                    Job.finished_at < cutoff,
                    or_(Job.announce_claimed_at.is_(None), Job.announce_claimed_at < cutoff),
                )
                .order_by(Job.finished_at)
                .limit(100)
            ).all()
            return [str(job_id) for job_id in rows]

    # -- webhooks ------------------------------------------------------------------------

    def set_webhook_event(self, job_id: str, body: bytes) -> bytes:
        """Fix the event body once; later callers get the stored one."""
        with self._db.session() as session:
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.webhook_event.is_(None))
                .values(webhook_event=body)
            )
            stored = session.scalar(select(Job.webhook_event).where(Job.id == job_id))
            return stored if stored is not None else body

    def log_delivery(
        self,
        job_id: str,
        event_id: str,
        attempt: int,
        *,
        status_code: int | None,
        error: str | None,
        outcome: str,
    ) -> None:
        with self._db.session() as session:
            session.add(
                WebhookDelivery(
                    job_id=job_id,
                    event_id=event_id,
                    attempt=attempt,
                    attempted_at=utcnow(),
                    status_code=status_code,
                    error=error,
                    outcome=outcome,
                )
            )

    # -- metrics and retention -----------------------------------------------------------

    def claim_latencies(self) -> list[float]:
        """Durations (created to finished, seconds) of finished jobs not yet reported,
        each handed to exactly one caller."""
        with self._db.session() as session:
            session.execute(update(Job).where(Job.id == "").values(latency_observed=True))
            rows = session.execute(
                select(Job.id, Job.created_at, Job.finished_at)
                .where(Job.status.in_(FINISHED), Job.latency_observed.is_(False))
                .limit(500)
            ).all()
            durations: list[float] = []
            for job_id, created, finished in rows:
                claimed = session.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.latency_observed.is_(False))
                    .values(latency_observed=True)
                )
                if _rowcount(claimed) == 1 and finished is not None:
                    durations.append(max(0.0, (finished - created).total_seconds()))
            return durations

    def purge_finished(self, cutoff: dt.datetime) -> int:
        """Delete jobs finished before ``cutoff`` with their results and delivery log."""
        with self._db.session() as session:
            old = select(Job.id).where(Job.finished_at < cutoff).scalar_subquery()
            session.execute(delete(JobResult).where(JobResult.job_id.in_(old)))
            session.execute(delete(JobChunk).where(JobChunk.job_id.in_(old)))
            session.execute(delete(WebhookDelivery).where(WebhookDelivery.job_id.in_(old)))
            result = session.execute(delete(Job).where(Job.finished_at < cutoff))
            return _rowcount(result)


def _insert_ignore(session: Session, rows: list[dict[str, Any]]) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return pg_insert(JobResult).values(rows).on_conflict_do_nothing()
    return sqlite_insert(JobResult).values(rows).on_conflict_do_nothing()
