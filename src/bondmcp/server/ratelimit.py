"""Per-key rate limits over a moving window: exactly N requests in any period.

With Redis configured the window lives there, through the ``limits`` library (its Lua
scripts make each hit atomic), so every server process enforces one limit per key. In
process, and while Redis is down, a deque per key does the same job: ``limits``' memory
storage expires entries from a timer thread that holds the key's lock while it scans the
whole window, which at thousands of requests a second stalls the requests waiting on it.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter

from bondmcp.server import metrics
from bondmcp.server.dependencies import DependencyHealth
from bondmcp.settings import parse_rate_limit


@dataclass(frozen=True, slots=True)
class RateLimitResult:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_after),
        }


@lru_cache(maxsize=256)
def _item(spec: str) -> RateLimitItem:
    return parse_rate_limit(spec)


class LocalMovingWindow:
    """An exact moving-window limiter for one process: the times of the last N hits."""

    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, item: RateLimitItem) -> RateLimitResult:
        now = time.time()
        period = item.get_expiry()
        with self._lock:
            hits = self._hits.setdefault(f"{key}/{item.amount}/{period}", deque())
            while hits and hits[0] <= now - period:
                hits.popleft()
            allowed = len(hits) < item.amount
            if allowed:
                hits.append(now)
            remaining = item.amount - len(hits)
            reset_after = math.ceil(hits[0] + period - now) if hits else 0
        if not allowed:
            metrics.RATE_LIMITED.inc()
        return RateLimitResult(allowed, item.amount, max(0, remaining), max(0, reset_after))


class RateLimiter:
    def __init__(
        self,
        redis_url: str | None = None,
        *,
        namespace: str = "bondmcp",
        health: DependencyHealth | None = None,
    ) -> None:
        self._local = LocalMovingWindow()
        self._shared: MovingWindowRateLimiter | None = None
        self._health = health
        if redis_url:
            storage = RedisStorage(
                redis_url,
                key_prefix=f"{namespace}:limits",
                wrap_exceptions=True,
                socket_timeout=0.5,
                socket_connect_timeout=0.5,
            )
            self._shared = MovingWindowRateLimiter(storage)

    def hit(self, key_id: str, spec: str) -> RateLimitResult:
        item = _item(spec)
        if self._shared is not None and self._health is not None and self._health.usable():
            try:
                result = self._hit(self._shared, item, key_id)
                self._health.succeeded()
                return result
            except Exception as exc:
                self._health.failed(exc, "rate_limit")
        return self._local.hit(key_id, item)

    @staticmethod
    def _hit(limiter: MovingWindowRateLimiter, item: RateLimitItem, key_id: str) -> RateLimitResult:
        allowed = limiter.hit(item, key_id)
        stats = limiter.get_window_stats(item, key_id)
        reset_after = max(0, math.ceil(stats.reset_time - time.time()))
        if not allowed:
            metrics.RATE_LIMITED.inc()
        return RateLimitResult(allowed, item.amount, max(0, stats.remaining), reset_after)
