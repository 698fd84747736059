"""Per-key rate limits with a moving window from the ``limits`` library.

Storage is in-process by default; a Redis URI makes every server process share one
window per key.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

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
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._storage = storage_from_string(storage_uri)
        self._limiter = MovingWindowRateLimiter(self._storage)

    def hit(self, key_id: str, spec: str) -> RateLimitResult:
        item = _item(spec)
        allowed = self._limiter.hit(item, key_id)
        stats = self._limiter.get_window_stats(item, key_id)
        reset_after = max(0, math.ceil(stats.reset_time - time.time()))
        return RateLimitResult(allowed, item.amount, max(0, stats.remaining), reset_after)
