"""Per-key rate limits over a moving window: exactly N requests in any period.

With Redis configured the window lives there, so every server process enforces one limit
per key: a sorted set of the hits' times per key and limit, trimmed and charged by one
Lua script, which Redis runs atomically, on Redis's own clock (servers on machines whose
clocks disagree still share one window). One script both charges the hit and reports the
remaining quota and the reset time, so a request costs one command, and the event loop's
requests share one pipeline (``AutoPipeline``). ``limits`` parses the rate-limit specs;
its Redis strategies need two commands a hit (a hit, then the window's stats) and, from
asyncio, cost more CPU per request than a cached answer does (ADR 0010).

In process, and while Redis is down, a deque per key does the same job.
"""

from __future__ import annotations

import itertools
import math
import os
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from limits import RateLimitItem

from bondmcp.server import metrics
from bondmcp.server.autopipeline import AutoPipeline, LuaScript
from bondmcp.server.dependencies import DependencyHealth
from bondmcp.settings import parse_rate_limit

# KEYS[1]: the window, a sorted set of hits scored by their time in microseconds.
# ARGV: the limit, the period in microseconds, a member name unique to this hit.
# Returns {allowed (1 or 0), remaining, microseconds until the oldest hit leaves}.
MOVING_WINDOW = LuaScript(
    """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
  count = count + 1
  allowed = 1
end
local reset = 0
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then
  reset = tonumber(oldest[2]) + period - now
end
return {allowed, limit - count, reset}
"""
)


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
        return RateLimitResult(allowed, item.amount, max(0, remaining), max(0, reset_after))


class SharedMovingWindow:
    """The moving window in Redis: ``hit`` from worker threads, ``hit_async`` from the loop."""

    def __init__(self, client: Any, pipeline: AutoPipeline, namespace: str) -> None:
        self._client = client
        self._pipeline = pipeline
        self._prefix = f"{namespace}:ratelimit:"
        # Hits of one key in one microsecond need distinct members in the sorted set.
        self._member_prefix = f"{os.getpid()}.{os.urandom(4).hex()}."
        self._counter = itertools.count()

    def _call(self, key: str, item: RateLimitItem) -> tuple[list[str], list[Any]]:
        period = item.get_expiry()
        window = f"{self._prefix}{key}:{item.amount}:{period}"
        member = f"{self._member_prefix}{next(self._counter)}"
        return [window], [item.amount, period * 1_000_000, member]

    def hit(self, key: str, item: RateLimitItem) -> RateLimitResult:
        keys, args = self._call(key, item)
        try:
            reply = self._client.evalsha(MOVING_WINDOW.sha, len(keys), *keys, *args)
        except Exception as exc:
            if "NOSCRIPT" not in str(exc):
                raise
            reply = self._client.eval(MOVING_WINDOW.source, len(keys), *keys, *args)
        return self._result(item, reply)

    async def hit_async(self, key: str, item: RateLimitItem) -> RateLimitResult:
        keys, args = self._call(key, item)
        return self._result(item, await self._pipeline.run_script(MOVING_WINDOW, keys, args))

    @staticmethod
    def _result(item: RateLimitItem, reply: Sequence[int]) -> RateLimitResult:
        allowed, remaining, reset_micros = (int(value) for value in reply)
        reset_after = max(0, math.ceil(reset_micros / 1_000_000))
        return RateLimitResult(bool(allowed), item.amount, max(0, remaining), reset_after)


class RateLimiter:
    """Redis's window while Redis answers; this process's own while it does not."""

    def __init__(
        self,
        redis_client: Any | None = None,
        pipeline: AutoPipeline | None = None,
        *,
        namespace: str = "bondmcp",
        health: DependencyHealth | None = None,
    ) -> None:
        self._local = LocalMovingWindow()
        self._shared: SharedMovingWindow | None = None
        self._health = health
        if redis_client is not None and pipeline is not None:
            self._shared = SharedMovingWindow(redis_client, pipeline, namespace)

    def _use_shared(self) -> SharedMovingWindow | None:
        if self._shared is not None and self._health is not None and self._health.usable():
            return self._shared
        return None

    def hit(self, key_id: str, spec: str) -> RateLimitResult:
        """Charge one request; may block on Redis, so call it from a worker thread."""
        item = _item(spec)
        shared = self._use_shared()
        if shared is not None:
            try:
                return self._counted(shared.hit(key_id, item), ok=True)
            except Exception as exc:
                self._failed(exc)
        return self._counted(self._local.hit(key_id, item))

    async def hit_async(self, key_id: str, spec: str) -> RateLimitResult:
        """Charge one request from the event loop."""
        item = _item(spec)
        shared = self._use_shared()
        if shared is not None:
            try:
                return self._counted(await shared.hit_async(key_id, item), ok=True)
            except Exception as exc:
                self._failed(exc)
        return self._counted(self._local.hit(key_id, item))

    def _counted(self, result: RateLimitResult, ok: bool = False) -> RateLimitResult:
        if ok:
            self._health.succeeded()  # type: ignore[union-attr]
        if not result.allowed:
            metrics.RATE_LIMITED.inc()
        return result

    def _failed(self, exc: Exception) -> None:
        self._health.failed(exc, "rate_limit")  # type: ignore[union-attr]
