"""Per-key rate limits: a moving window from the ``limits`` library.

With Redis configured the window lives there (the library's Lua scripts make each hit
atomic), so every server process enforces one limit per key. If Redis fails, limits
fall back to an in-process window until it answers again.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem
from limits.storage import MemoryStorage, RedisStorage
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


class RateLimiter:
    def __init__(
        self,
        redis_url: str | None = None,
        *,
        namespace: str = "bondmcp",
        health: DependencyHealth | None = None,
    ) -> None:
        self._local = MovingWindowRateLimiter(MemoryStorage())
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
        limiter = self._local
        if self._shared is not None and self._health is not None and self._health.usable():
            try:
                result = self._hit(self._shared, item, key_id)
                self._health.succeeded()
                return result
            except Exception as exc:
                self._health.failed(exc, "rate_limit")
        return self._hit(limiter, item, key_id)

    @staticmethod
    def _hit(limiter: MovingWindowRateLimiter, item: RateLimitItem, key_id: str) -> RateLimitResult:
        allowed = limiter.hit(item, key_id)
        stats = limiter.get_window_stats(item, key_id)
        reset_after = max(0, math.ceil(stats.reset_time - time.time()))
        if not allowed:
            metrics.RATE_LIMITED.inc()
        return RateLimitResult(allowed, item.amount, max(0, stats.remaining), reset_after)
