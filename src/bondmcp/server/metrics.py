"""Prometheus metrics, safe across several worker processes.

``bondmcp serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh directory before workers
start, so every process writes its samples there and ``/metrics`` aggregates them all.
"""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

REQUEST_DURATION = Histogram(
    "bondmcp_request_duration_seconds",
    "Time to serve a request, by route template, method and status.",
    ["route", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
REQUESTS = Counter(
    "bondmcp_requests_total",
    "Requests served, by route, method and status.",
    ["route", "method", "status"],
)
ERRORS = Counter(
    "bondmcp_errors_total", "Error responses, by route and error code.", ["route", "code"]
)
CACHE = Counter("bondmcp_cache_requests_total", "Answer cache lookups by result.", ["result"])
CACHE_HIT = CACHE.labels("hit")
CACHE_MISS = CACHE.labels("miss")
CACHE_BYPASS = CACHE.labels("bypass")
RATE_LIMITED = Counter("bondmcp_rate_limited_total", "Requests refused by a rate limit.")
CONFIDENCE = Histogram(
    "bondmcp_answer_confidence",
    "Confidence of answers served.",
    buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
)
TRIAGE = Counter("bondmcp_triage_total", "Answers by triage level.", ["level"])
#: The triage category of emergency and urgent answers: which red flag fired, the category
#: the wording model's category model named, or ``possible_emergency`` when the wording model
#: flagged and named none (general guidance). A bounded set of about twenty names, from
#: ``bondmcp.engine.triage``.
TRIAGE_FLAGS = Counter(
    "bondmcp_triage_flags_total",
    "Emergency and urgent answers by triage category (possible_emergency: the wording model's "
    "general guidance).",
    ["category"],
)
OUT_OF_SCOPE = Counter("bondmcp_out_of_scope_total", "Questions answered as out of scope.")
DEPENDENCY_UP = Gauge(
    "bondmcp_dependency_up",
    "1 when a dependency answers, 0 when down or in fallback.",
    ["dependency"],
    multiprocess_mode="livemin",
)
DEPENDENCY_FALLBACKS = Counter(
    "bondmcp_dependency_fallbacks_total",
    "Operations that fell back to in-process state because a dependency failed.",
    ["dependency", "operation"],
)
AUDIT_EVENTS_DROPPED = Counter(
    "bondmcp_audit_events_dropped_total",
    "Queued request audit events dropped because the database stayed unreachable.",
)
FEEDBACK = Counter(
    "bondmcp_feedback_total", "Feedback received, by kind and value.", ["kind", "value"]
)
JOB_QUEUE_DEPTH = Gauge(
    "bondmcp_job_queue_depth", "Queries waiting in batch jobs.", multiprocess_mode="livemax"
)


_served: dict[tuple[str, str, int], tuple[Any, Any]] = {}


def request_served(route: str, method: str, status: int, duration: float) -> None:
    """Count one request and its latency; the labelled series are looked up once."""
    series = _served.get((route, method, status))
    if series is None:
        labels = (route, method, str(status))
        series = (REQUEST_DURATION.labels(*labels), REQUESTS.labels(*labels))
        _served[(route, method, status)] = series
    series[0].observe(duration)
    series[1].inc()


def render() -> tuple[bytes, str]:
    """The exposition text of every process's metrics."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def mark_process_dead(pid: int) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
