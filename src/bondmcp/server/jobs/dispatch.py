"""Where chunks and webhook deliveries go to run: the dispatcher seam.

The job service decides *what* runs (which chunk, which delivery attempt, when); a
dispatcher decides *where*: in this process (embedded) or on a broker for ``bondmcp worker``
processes (distributed). Both carry ids only; the work itself is read from the database.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger("bondmcp.jobs")


class JobHandler(Protocol):
    def run_chunk(self, job_id: str, chunk_no: int) -> None: ...

    def deliver_webhook(self, job_id: str, attempt: int) -> None: ...


class Dispatcher(Protocol):
    #: True when work runs in this process, so chunks it held are lost when it stops.
    embedded: bool

    def send_chunk(self, job_id: str, chunk_no: int) -> None: ...

    def send_webhook(self, job_id: str, attempt: int, delay: float) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...


_Task = Callable[[], None] | None


class LocalDispatcher:
    """The embedded executor: worker threads in the server process, fed by in-memory
    queues. Anything queued here is also marked in the database, so what a stopped
    process held is handed out again when the server starts."""

    embedded = True

    def __init__(self, handler: JobHandler, threads: int = 1) -> None:
        self._handler = handler
        self._threads = max(1, threads)
        self._chunks: queue.Queue[_Task] = queue.Queue()
        self._webhooks: queue.Queue[_Task] = queue.Queue()
        self._workers: list[threading.Thread] = []
        self._timers: set[threading.Timer] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def send_chunk(self, job_id: str, chunk_no: int) -> None:
        self._chunks.put(lambda: self._handler.run_chunk(job_id, chunk_no))

    def send_webhook(self, job_id: str, attempt: int, delay: float) -> None:
        def task() -> None:
            self._handler.deliver_webhook(job_id, attempt)

        if delay <= 0:
            self._webhooks.put(task)
            return

        def later() -> None:
            with self._lock:
                self._timers.discard(timer)
            if not self._stopping.is_set():
                self._webhooks.put(task)

        timer = threading.Timer(delay, later)
        timer.daemon = True
        with self._lock:
            self._timers.add(timer)
        timer.start()

    def start(self) -> None:
        if self._workers:
            return
        for n in range(self._threads):
            self._spawn(self._chunks, f"bondmcp-jobs-{n}")
        self._spawn(self._webhooks, "bondmcp-webhooks")

    def _spawn(self, tasks: queue.Queue[_Task], name: str) -> None:
        thread = threading.Thread(target=self._run, args=(tasks,), name=name, daemon=True)
        thread.start()
        self._workers.append(thread)

    def _run(self, tasks: queue.Queue[_Task]) -> None:
        while True:
            task = tasks.get()
            if task is None or self._stopping.is_set():
                return
            try:
                task()
            except Exception:
                logger.exception("job task failed")

    def stop(self, timeout: float = 30.0) -> None:
        """Let running tasks finish; queued ones stay marked in the database."""
        self._stopping.set()
        with self._lock:
            for timer in self._timers:
                timer.cancel()
            self._timers.clear()
        for _ in range(self._threads):
            self._chunks.put(None)
        self._webhooks.put(None)
        for thread in self._workers:
            thread.join(timeout)
        self._workers.clear()
