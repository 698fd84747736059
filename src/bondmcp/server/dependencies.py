"""Health of optional shared dependencies (Redis), with a back-off before re-trying.

When Redis fails, callers fall back to in-process state and keep serving; this object
remembers the failure for a few seconds so a dead Redis does not cost every request a
timeout, and it tells /ready and /metrics what is going on.
"""

from __future__ import annotations

import logging
import threading
import time

from bondmcp.server import metrics

logger = logging.getLogger("bondmcp.server")

RETRY_AFTER_SECONDS = 5.0


class DependencyHealth:
    def __init__(self, name: str, configured: bool) -> None:
        self.name = name
        self.configured = configured
        self._lock = threading.Lock()
        self._down_until = 0.0
        self.last_error: str | None = None
        if configured:  # an optional dependency that is not configured is not "down"
            metrics.DEPENDENCY_UP.labels(name).set(1)

    def usable(self) -> bool:
        """True when the dependency is configured and not inside a failure back-off."""
        return self.configured and time.monotonic() >= self._down_until

    def failed(self, exc: BaseException, during: str) -> None:
        if not self.configured:
            return
        with self._lock:
            first = self._down_until <= time.monotonic()
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            self.last_error = type(exc).__name__
        metrics.DEPENDENCY_FALLBACKS.labels(self.name, during).inc()
        metrics.DEPENDENCY_UP.labels(self.name).set(0)
        if first:
            logger.warning(
                "dependency unavailable, using in-process fallback",
                extra={"dependency": self.name, "during": during, "error": self.last_error},
            )

    def succeeded(self) -> None:
        if self.last_error is not None:
            with self._lock:
                self.last_error = None
            logger.info("dependency recovered", extra={"dependency": self.name})
        metrics.DEPENDENCY_UP.labels(self.name).set(1)

    @property
    def degraded(self) -> bool:
        return self.configured and self.last_error is not None
