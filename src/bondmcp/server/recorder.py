"""Write-behind recording of per-request usage counts, audit events and the idempotency
records of answered questions.

A database write per request would cap throughput at the database's commit rate, so
request-level events are queued in memory and written by one background thread every
fraction of a second, in order, in one transaction. Security events (key changes,
erasure) bypass the queue and are written before the response is sent.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

from bondmcp.store.audit import AuditEvent, AuditLog
from bondmcp.store.db import utcnow
from bondmcp.store.idempotency import IdempotencyStore
from bondmcp.store.usage import UsageStore

logger = logging.getLogger("bondmcp.server")

# Twenty small batches a second rather than four large ones: a flush holds the GIL while it
# hashes and writes its batch, and requests wait behind it (a cached answer's p99 at 32
# connections fell from about 25 to 14 ms); the CPU per request is the same.
FLUSH_INTERVAL_SECONDS = 0.05
RETENTION_INTERVAL_SECONDS = 3600.0


class Recorder:
    def __init__(
        self,
        audit: AuditLog,
        usage: UsageStore,
        retention: Callable[[], object] | None = None,
        idempotency: IdempotencyStore | None = None,
    ) -> None:
        self.audit = audit
        self.usage = usage
        self.idempotency = idempotency
        self._retention = retention
        self._lock = threading.Lock()
        self._events: list[AuditEvent] = []
        self._counts: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self._flush_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bondmcp-recorder", daemon=True)
            self._thread.start()

    def request_served(self, key_id: str | None, event: AuditEvent, error: bool) -> None:
        with self._lock:
            self._events.append(event)
            if key_id is not None:
                counts = self._counts[(key_id, utcnow().date().isoformat())]
                counts[0] += 1
                counts[1] += int(error)

    def record_now(self, events: Sequence[AuditEvent]) -> None:
        """Append security events synchronously, after anything already queued."""
        with self._flush_lock:
            self._flush_locked()
            self.audit.append(list(events))

    def flush(self) -> None:
        with self._flush_lock:
            self._flush_locked()

    def _flush_locked(self) -> None:
        with self._lock:
            events, self._events = self._events, []
            counts = {k: (v[0], v[1]) for k, v in self._counts.items()}
            self._counts.clear()
        if counts:
            self.usage.add(counts)
        if events:
            self.audit.append(events)
        if self.idempotency is not None:
            self.idempotency.flush()

    def _run(self) -> None:
        next_retention = time.monotonic()
        while not self._stop.wait(FLUSH_INTERVAL_SECONDS):
            try:
                self.flush()
            except Exception:
                logger.exception("could not write usage and audit records; retrying")
            if self._retention is not None and time.monotonic() >= next_retention:
                next_retention = time.monotonic() + RETENTION_INTERVAL_SECONDS
                try:
                    self._retention()
                except Exception:
                    logger.exception("retention purge failed; retrying later")

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            self.flush()
        except Exception:
            logger.exception("could not write the last usage and audit records")
