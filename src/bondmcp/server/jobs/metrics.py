"""Job metrics beyond the queue depth gauge in ``bondmcp.server.metrics``.

Latency is observed by the API process (from the database, each finished job claimed by
exactly one observer), so it appears in the API's ``/metrics`` even when the job ran on
worker processes on other machines.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

JOB_DURATION = Histogram(
    "bondmcp_job_duration_seconds",
    "Time from a batch job's submission to its end.",
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200),
)
JOBS_SUBMITTED = Counter("bondmcp_jobs_submitted_total", "Batch jobs accepted.")
JOB_CHUNKS = Counter(
    "bondmcp_job_chunks_total",
    "Job chunks processed in this process, by outcome (recorded, duplicate, skipped).",
    ["outcome"],
)
WEBHOOK_DELIVERIES = Counter(
    "bondmcp_webhook_deliveries_total",
    "Webhook delivery attempts, by outcome (delivered, retrying, failed).",
    ["outcome"],
)
