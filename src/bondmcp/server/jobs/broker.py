"""The distributed path: chunks and webhook deliveries as dramatiq messages.

dramatiq acknowledges a message only after its actor returns, so a worker that dies
mid-chunk leaves the message unacknowledged and the broker hands it to another worker
(RabbitMQ at once, when the connection drops; Redis once the dead worker's heartbeat is
older than ``BONDMCP_BROKER_HEARTBEAT_SECONDS``). Results are written idempotently, so
the redelivery duplicates nothing. See docs/adr/0009-task-queue.md.
"""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import (
    AgeLimit,
    Callbacks,
    Pipelines,
    Retries,
    ShutdownNotifications,
    TimeLimit,
)

from bondmcp.server.jobs.dispatch import JobHandler
from bondmcp.settings import Settings

CHUNK_ACTOR = "bondmcp_job_chunk"
WEBHOOK_ACTOR = "bondmcp_job_webhook"
#: Redis maintenance (requeueing a dead worker's messages) on 5% of broker calls, not
#: dramatiq's 0.1%, so redelivery follows the heartbeat timeout closely.
_MAINTENANCE_CHANCE = 50_000


def make_broker(settings: Settings) -> dramatiq.Broker:
    url = settings.broker_url
    if not url:
        raise ValueError("BONDMCP_BROKER_URL is not set")
    # The defaults without Prometheus: our own /metrics reports queue depth and latency.
    middleware = [
        AgeLimit(),
        TimeLimit(time_limit=settings.job_chunk_time_limit_seconds * 1000),
        ShutdownNotifications(),
        Callbacks(),
        Pipelines(),
        Retries(max_retries=10, min_backoff=1000, max_backoff=60_000),
    ]
    broker: dramatiq.Broker
    if url.startswith(("redis://", "rediss://", "unix://")):
        broker = RedisBroker(  # type: ignore[no-untyped-call]
            url=url,
            middleware=middleware,
            namespace=f"{settings.redis_namespace}-jobs",
            heartbeat_timeout=settings.broker_heartbeat_seconds * 1000,
            maintenance_chance=_MAINTENANCE_CHANCE,
        )
    elif url.startswith(("amqp://", "amqps://")):
        broker = RabbitmqBroker(url=url, middleware=middleware, confirm_delivery=True)
    else:
        raise ValueError("BONDMCP_BROKER_URL must be a redis://, rediss:// or amqp(s):// URL")
    return broker


class BrokerDispatcher:
    """Sends work to the broker; in ``bondmcp worker`` the same actors also consume it."""

    embedded = False

    def __init__(self, settings: Settings, handler: JobHandler) -> None:
        self.broker = make_broker(settings)
        queue = settings.broker_queue

        def run_chunk(job_id: str, chunk_no: int) -> None:
            handler.run_chunk(job_id, chunk_no)

        def deliver_webhook(job_id: str, attempt: int) -> None:
            handler.deliver_webhook(job_id, attempt)

        self.chunk_actor: Any = dramatiq.actor(
            actor_name=CHUNK_ACTOR, queue_name=queue, broker=self.broker
        )(run_chunk)
        # A queue of their own, so a backlog of chunks never delays a delivery.
        self.webhook_actor: Any = dramatiq.actor(
            actor_name=WEBHOOK_ACTOR,
            queue_name=f"{queue}.webhooks",
            broker=self.broker,
            max_retries=3,
        )(deliver_webhook)

    def send_chunk(self, job_id: str, chunk_no: int) -> None:
        self.chunk_actor.send(job_id, chunk_no)

    def send_webhook(self, job_id: str, attempt: int, delay: float) -> None:
        self.webhook_actor.send_with_options(
            args=(job_id, attempt), delay=int(delay * 1000) if delay > 0 else None
        )

    def start(self) -> None:
        """Nothing to start: the API process only enqueues."""

    def stop(self) -> None:
        self.broker.close()
