"""The job service: submission, status, cancellation, chunk execution and webhooks.

One object serves both roles: the API process submits and reads jobs, and whichever
process runs work (the server itself, embedded; ``bondmcp worker``, distributed) calls
``run_chunk`` and ``deliver_webhook``. Dispatch is windowed per key: at most
``BONDMCP_JOB_KEY_CONCURRENCY`` chunks of one key are on the queue at a time, and each
finished chunk hands out the next, so one key's 50,000-question job cannot starve others.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any, cast

from cryptography.fernet import InvalidToken
from pydantic import TypeAdapter

from bondmcp.privacy import deidentify
from bondmcp.server import metrics
from bondmcp.server.errors import error_body
from bondmcp.server.jobs import metrics as job_metrics
from bondmcp.server.jobs.crypto import QueryCipher, StoredQuery
from bondmcp.server.jobs.dispatch import Dispatcher, LocalDispatcher
from bondmcp.server.jobs.ssrf import WebhookURLRefused, check_webhook_url
from bondmcp.server.jobs.webhooks import Attempt, build_event, deliver
from bondmcp.store.audit import AuditEvent
from bondmcp.store.db import utcnow
from bondmcp.store.jobs import FINISHED, JobStore, NewChunk
from bondmcp.store.models import Job
from bondmcp.types import (
    MAX_JOB_PAGE,
    MAX_QUERY_CHARS,
    AskResponse,
    BatchItemError,
    ErrorDetail,
    JobCreated,
    JobCreateRequest,
    JobState,
    JobStatus,
)

if TYPE_CHECKING:
    from bondmcp.server.services import Services

logger = logging.getLogger("bondmcp.jobs")

_ITEM: TypeAdapter[AskResponse | BatchItemError] = TypeAdapter(AskResponse | BatchItemError)
POLL_SECONDS = 1.0
KICK_SECONDS = 5.0
PURGE_SECONDS = 3600.0
MAX_WEBHOOK_DELAY = 3600.0


class InvalidCursor(ValueError):
    pass


class JobFinished(Exception):
    """The job already ended; there is nothing to cancel."""


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, _, value = raw.partition(":")
        offset = int(value)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor(cursor) from None
    if tag != "o" or offset < 0:
        raise InvalidCursor(cursor)
    return offset


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class JobService:
    def __init__(self, services: Services, dispatcher: Dispatcher | None = None) -> None:
        self.services = services
        self.settings = services.settings
        self.store = JobStore(services.db)
        self.cipher = QueryCipher(services.secret)
        self._dispatcher = dispatcher
        self._dispatcher_lock = threading.Lock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    # -- wiring --------------------------------------------------------------------------

    @property
    def dispatcher(self) -> Dispatcher:
        """Built on first use, so processes that never touch jobs never open the broker."""
        with self._dispatcher_lock:
            if self._dispatcher is None:
                if self.settings.broker_url:
                    from bondmcp.server.jobs.broker import BrokerDispatcher

                    self._dispatcher = BrokerDispatcher(self.settings, self)
                else:
                    self._dispatcher = LocalDispatcher(self, self.settings.job_threads)
            return self._dispatcher

    def start(self) -> None:
        """In the API process: start the embedded executor (resuming what a previous run
        left), and the poller that reports metrics, re-dispatches and purges."""
        dispatcher = self.dispatcher
        dispatcher.start()
        if dispatcher.embedded:
            for job_id, chunk_no in self.store.enqueued_chunks():
                dispatcher.send_chunk(job_id, chunk_no)
        self._poller = threading.Thread(target=self._poll, name="bondmcp-jobs-poller", daemon=True)
        self._poller.start()

    def stop(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=5)
        with self._dispatcher_lock:
            dispatcher = self._dispatcher
        if dispatcher is not None:
            # Outside the lock: running chunks read ``self.dispatcher`` as they finish.
            dispatcher.stop()

    # -- API -----------------------------------------------------------------------------

    def check_webhook_url(self, url: str) -> None:
        """Raise WebhookURLRefused for a URL that may not receive webhooks."""
        if self.settings.webhook_secret is None:
            raise WebhookURLRefused(
                "this server has no webhook signing secret; its operator sets "
                "BONDMCP_WEBHOOK_SECRET to enable webhooks"
            )
        check_webhook_url(
            url,
            allow_private=self.settings.webhook_allow_private,
            require_https=self.settings.environment != "development",
        )

    def submit(self, key_id: str, body: JobCreateRequest) -> JobCreated:
        """De-identify, encrypt and store the questions in chunks, then hand out the
        first chunks. Invalid questions are kept as per-item errors, as in /v1/ask/batch."""
        job_id = "job_" + uuid.uuid4().hex
        stored: list[StoredQuery] = []
        for index, query in enumerate(body.queries):
            text = query.strip()
            if not text:
                stored.append({"error": f"queries.{index}: the query is empty."})
            elif len(text) > MAX_QUERY_CHARS:
                stored.append(
                    {"error": f"queries.{index}: the query exceeds {MAX_QUERY_CHARS} characters."}
                )
            else:
                stored.append(deidentify(text).text)
        size = self.settings.job_chunk_size
        chunks = [
            NewChunk(
                start,
                len(stored[start : start + size]),
                self.cipher.seal(stored[start : start + size]),
            )
            for start in range(0, len(stored), size)
        ]
        self.store.create(
            job_id,
            key_id,
            len(stored),
            chunks,
            locale=body.locale,
            webhook_url=body.webhook_url,
            metadata_json=json.dumps(body.metadata) if body.metadata is not None else None,
        )
        job_metrics.JOBS_SUBMITTED.inc()
        self.services.recorder.record_now(
            [AuditEvent("job.created", key_id, {"job_id": job_id, "total": len(stored)})]
        )
        self.dispatch_for_key(key_id)
        return JobCreated(id=job_id, status="queued")

    def status(
        self, job_id: str, key_id: str, cursor: str | None = None, limit: int = MAX_JOB_PAGE
    ) -> JobStatus | None:
        job = self.store.get(job_id, key_id)
        if job is None:
            return None  # before the cursor: an unknown job is 404 whatever else was sent
        return self._present(job, decode_cursor(cursor) if cursor else 0, limit)

    def cancel(self, job_id: str, key_id: str) -> JobStatus | None:
        job = self.store.get(job_id, key_id)
        if job is None:
            return None
        if not self.store.finish(job_id, "cancelled", key_id):
            raise JobFinished(job.status)
        self._on_finished(job_id)
        self.dispatch_for_key(key_id)
        cancelled = self.store.get(job_id, key_id)
        assert cancelled is not None
        return self._present(cancelled, 0, MAX_JOB_PAGE)

    def _present(self, job: Job, offset: int, limit: int) -> JobStatus:
        results: list[AskResponse | BatchItemError] | None = None
        next_cursor = None
        if job.status == "completed":
            rows = self.store.results(job.id, offset, max(1, min(limit, MAX_JOB_PAGE)))
            results = [_ITEM.validate_json(row) for row in rows]
            if rows and offset + len(rows) < job.total:
                next_cursor = encode_cursor(offset + len(rows))
        return JobStatus(
            id=job.id,
            status=cast(JobState, job.status),
            total=job.total,
            completed=job.completed,
            failed=job.failed,
            created_at=job.created_at.isoformat(),
            started_at=_iso(job.started_at),
            finished_at=_iso(job.finished_at),
            metadata=json.loads(job.metadata_json) if job.metadata_json else None,
            webhook_url=job.webhook_url,
            results=results,
            next_cursor=next_cursor,
        )

    # -- dispatch ------------------------------------------------------------------------

    def dispatch_for_key(self, key_id: str) -> None:
        """Fill the key's window of in-flight chunks from its oldest active jobs: claim,
        send, confirm. A chunk that cannot be sent goes back to pending with the rest of
        the claim."""
        claimed = self.store.claim_for_dispatch(key_id, self.settings.job_key_concurrency)
        sent: list[tuple[str, int]] = []
        try:
            for job_id, chunk_no in claimed:
                self.dispatcher.send_chunk(job_id, chunk_no)
                sent.append((job_id, chunk_no))
        except Exception:
            logger.exception("could not enqueue a job chunk; it stays pending")
            for job_id, chunk_no in claimed[len(sent) :]:
                self.store.unclaim(job_id, chunk_no)
        self.store.mark_enqueued(sent)

    # -- execution -----------------------------------------------------------------------

    def run_chunk(self, job_id: str, chunk_no: int) -> None:
        """Answer one chunk and record it once. Raises on database errors, so the broker
        retries the message; an embedded chunk goes back to pending instead."""
        try:
            self._run_chunk(job_id, chunk_no)
        except Exception:
            if self.dispatcher.embedded:
                self.store.unclaim(job_id, chunk_no)
            raise

    def _run_chunk(self, job_id: str, chunk_no: int) -> None:
        work = self.store.start_chunk(job_id, chunk_no)
        if work is None:
            job_metrics.JOB_CHUNKS.labels("skipped").inc()
            job = self.store.get(job_id)
            if job is not None:
                self.dispatch_for_key(job.key_id)
            return
        try:
            queries = self.cipher.open(work.payload)
        except (InvalidToken, ValueError):
            logger.error("job %s chunk %d cannot be decrypted; failing the job", job_id, chunk_no)
            if self.store.finish(job_id, "failed"):
                self._on_finished(job_id)
            self.dispatch_for_key(work.key_id)
            return
        results = [self._answer(work.key_id, job_id, query, work.locale) for query in queries]
        outcome = self.store.record_chunk(job_id, chunk_no, work.start, results)
        job_metrics.JOB_CHUNKS.labels("recorded" if outcome.recorded else "duplicate").inc()
        if outcome.finished:
            self._on_finished(job_id)
        self.dispatch_for_key(work.key_id)

    def _answer(
        self, key_id: str, job_id: str, query: StoredQuery, locale: str | None
    ) -> tuple[bool, bytes]:
        if isinstance(query, dict):
            return True, self._item_error(422, "invalid_query", query.get("error", ""), job_id)
        from bondmcp.server.routers.answers import Caller, answer_query

        caller = Caller(key_id=key_id, request_id=job_id, started=time.perf_counter())
        try:
            response = answer_query(self.services, caller, query, locale).response()
        except Exception:
            logger.exception("job item failed", extra={"job_id": job_id})
            return True, self._item_error(
                500, "internal_error", "This query could not be answered.", job_id
            )
        return False, response.model_dump_json().encode()

    @staticmethod
    def _item_error(status: int, code: str, message: str, job_id: str) -> bytes:
        envelope = error_body(status, code, message, job_id)
        return BatchItemError(error=ErrorDetail(**envelope["error"])).model_dump_json().encode()

    def _on_finished(self, job_id: str) -> None:
        """Announce a job's end once: audit it, then send its webhook. Claimed first and
        confirmed after, so a process that dies in between leaves the announcement to the
        housekeeping (``_announce_overdue``); a repeat resends the same event id."""
        try:
            if not self.store.claim_announcement(job_id, self._claim_lease):
                return
            job = self.store.get(job_id)
            if job is None:
                return
            status = cast(JobState, job.status)
            detail = {
                "job_id": job_id,
                "total": job.total,
                "completed": job.completed,
                "failed": job.failed,
            }
            self.services.recorder.record_now([AuditEvent(f"job.{status}", job.key_id, detail)])
            if job.webhook_url:
                event = build_event(job_id, status, job.total, job.completed, job.failed)
                self.store.set_webhook_event(job_id, event.model_dump_json().encode())
                self.dispatcher.send_webhook(job_id, 1, 0)
            self.store.mark_announced(job_id)
        except Exception:
            # Not confirmed, so the housekeeping tries again once the claim has lapsed.
            logger.exception("could not announce the end of job %s; it will be retried", job_id)

    @property
    def _claim_lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.settings.job_claim_lease_seconds)

    def _announce_overdue(self) -> None:
        for job_id in self.store.unannounced(self._claim_lease):
            logger.warning("job %s ended without its announcement; announcing it now", job_id)
            self._on_finished(job_id)

    # -- webhooks ------------------------------------------------------------------------

    def deliver_webhook(self, job_id: str, attempt: int) -> None:
        job = self.store.get(job_id)
        if job is None or not job.webhook_url or job.webhook_event is None:
            return
        event_id = str(json.loads(job.webhook_event)["id"])
        secret = self.settings.webhook_secret
        retryable = True
        if secret is None:
            result, retryable = Attempt(None, "BONDMCP_WEBHOOK_SECRET is not set"), False
        else:
            try:
                target = check_webhook_url(
                    job.webhook_url,
                    allow_private=self.settings.webhook_allow_private,
                    require_https=self.settings.environment != "development",
                )
            except WebhookURLRefused as exc:
                result, retryable = Attempt(None, str(exc)), False
            else:
                result = deliver(
                    target,
                    job.webhook_event,
                    secret.get_secret_value().encode(),
                    self.settings.webhook_timeout_seconds,
                )
        if result.delivered:
            outcome = "delivered"
        elif retryable and attempt < self.settings.webhook_max_attempts:
            outcome = "retrying"
        else:
            outcome = "failed"
        self.store.log_delivery(
            job_id,
            event_id,
            attempt,
            status_code=result.status_code,
            error=result.error,
            outcome=outcome,
        )
        job_metrics.WEBHOOK_DELIVERIES.labels(outcome).inc()
        if outcome == "retrying":
            delay = min(
                self.settings.webhook_retry_base_seconds * 2 ** (attempt - 1), MAX_WEBHOOK_DELAY
            )
            self.dispatcher.send_webhook(job_id, attempt + 1, delay)
        elif outcome == "failed":
            self.services.recorder.record_now(
                [
                    AuditEvent(
                        "job.webhook_failed",
                        job.key_id,
                        {"job_id": job_id, "event_id": event_id, "attempts": attempt},
                    )
                ]
            )

    # -- housekeeping --------------------------------------------------------------------

    def _poll(self) -> None:
        next_kick = next_purge = time.monotonic()
        while not self._stop.wait(POLL_SECONDS):
            try:
                metrics.JOB_QUEUE_DEPTH.set(self.store.queue_depth())
                for seconds in self.store.claim_latencies():
                    job_metrics.JOB_DURATION.observe(seconds)
                now = time.monotonic()
                if now >= next_kick:
                    next_kick = now + KICK_SECONDS
                    # Chunks whose dispatcher died between claim and send, then a kick
                    # that hands them (and anything else pending) out again.
                    self.store.release_stale_claims(self._claim_lease)
                    self._announce_overdue()
                    for key_id in self.store.active_keys():
                        self.dispatch_for_key(key_id)
                if now >= next_purge:
                    next_purge = now + PURGE_SECONDS
                    self.purge()
            except Exception:
                logger.exception("job housekeeping failed; retrying")

    def purge(self) -> int:
        """Delete jobs (and their results) that ended before the retention period."""
        cutoff = utcnow() - dt.timedelta(days=self.settings.job_retention_days)
        removed = self.store.purge_finished(cutoff)
        if removed:
            self.services.recorder.record_now(
                [AuditEvent("jobs.purged", None, {"cutoff": cutoff.isoformat(), "jobs": removed})]
            )
        return removed


__all__ = ["FINISHED", "InvalidCursor", "JobFinished", "JobService"]
