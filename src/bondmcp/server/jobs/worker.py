"""``bondmcp worker``: a process that consumes job chunks and webhook deliveries.

Run as many as you like, on any machine that reaches the broker, the database and the
same server secret. SIGTERM or Ctrl-C stops it gracefully: running chunks finish and
prefetched messages go back to the broker; SIGKILL loses nothing either, as unacknowledged
messages are redelivered to the other workers.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

import dramatiq

from bondmcp.server.jobs.broker import BrokerDispatcher
from bondmcp.settings import Settings

logger = logging.getLogger("bondmcp.jobs")


def run_worker(settings: Settings, threads: int, ready: threading.Event | None = None) -> None:
    from bondmcp.server.services import Services

    services = Services.build(settings)
    jobs = services.jobs
    assert jobs is not None
    dispatcher = jobs.dispatcher
    if not isinstance(dispatcher, BrokerDispatcher):
        raise RuntimeError("bondmcp worker needs BONDMCP_BROKER_URL")
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        logger.info("worker stopping on signal %d", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    services.recorder.start()
    worker = dramatiq.Worker(dispatcher.broker, worker_threads=threads, worker_timeout=500)
    worker.start()
    logger.info("worker consuming %s with %d threads", settings.broker_queue, threads)
    if ready is not None:
        ready.set()
    try:
        stop.wait()
    finally:
        worker.stop(timeout=settings.job_chunk_time_limit_seconds * 1000)
        dispatcher.stop()
        services.close()
