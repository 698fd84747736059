"""The answer cache: exact match on the de-identified question, shared through Redis.

Keys are HMACs of the normalised, de-identified question plus the knowledge-base version
and answer options, so no question text is ever a cache key, and a knowledge-base change
invalidates everything by construction. No "similar question" matching: in health a
near-miss answer is a wrong answer. A burst of the same question computes once: in-process
callers wait on a lock, other processes wait on a short Redis lock.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from bondmcp.privacy import deidentify
from bondmcp.server import metrics
from bondmcp.server.autopipeline import AutoPipeline
from bondmcp.server.dependencies import DependencyHealth

T = TypeVar("T")

_LOCK_TTL_MS = 10_000
_WAIT_FOR_PEER_SECONDS = 5.0
_POLL_SECONDS = 0.01
_TRAILING = re.compile(r"[\s?.!]+$")
#: Cache hits whose parsed answer is kept (about 10 kB each), so a popular answer is parsed
#: once per process rather than on every hit.
_DECODED_MAX = 512


def normalise_question(text: str) -> str:
    return _TRAILING.sub("", " ".join(text.lower().split()))


class MemoryCache:
    """A bounded in-process LRU with per-entry expiry.

    Bounded by entries and by the bytes of the values it holds: an answer's size varies
    (a long imported passage quoted, many citations), and what an operator budgets is the
    server's memory, not a count."""

    def __init__(self, max_entries: int = 10_000, max_bytes: int | None = None) -> None:
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0

    @property
    def size_bytes(self) -> int:
        """The bytes of the values held now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._entries.get(key)
            if item is None:
                return None
            expires, value = item
            if expires < time.monotonic():
                del self._entries[key]
                self._bytes -= len(value)
                return None
            self._entries.move_to_end(key)
            return value

    def set(self, key: str, value: bytes, ttl: int) -> None:
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous[1])
            self._entries[key] = (time.monotonic() + ttl, value)
            self._bytes += len(value)
            while self._entries and (
                len(self._entries) > self._max
                or (self._max_bytes is not None and self._bytes > self._max_bytes)
            ):
                _key, (_expires, evicted) = self._entries.popitem(last=False)
                self._bytes -= len(evicted)

    def purge(self) -> int:
        with self._lock:
            count = len(self._entries)
            self._entries.clear()
            self._bytes = 0
            return count


class DeidentifyMemo:
    """Remembers the de-identified form of recently seen questions.

    Popular questions arrive again and again, and de-identification is the costliest step
    of a cache hit. The memo lives only in this process's memory and is keyed by an HMAC
    of the question, so it holds no raw question text even there.
    """

    def __init__(self, secret: bytes, max_entries: int = 10_000) -> None:
        self._secret = secret
        self._entries: OrderedDict[bytes, str] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries

    def __call__(self, text: str) -> str:
        key = hmac.new(self._secret, text.encode(), hashlib.sha256).digest()
        with self._lock:
            clean = self._entries.get(key)
            if clean is not None:
                self._entries.move_to_end(key)
                return clean
        clean = deidentify(text).text
        with self._lock:
            self._entries[key] = clean
            if len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return clean


class PendingRead:
    """A cache read under way (see ``ResponseCache.read_ahead``)."""

    __slots__ = ("_cache", "_future", "key")

    def __init__(self, cache: ResponseCache, key: str, future: asyncio.Future[Any] | None) -> None:
        self._cache = cache
        self.key = key
        self._future = future

    async def result(self) -> bytes | None:
        cache = self._cache
        if self._future is not None:
            try:
                value = await self._future
                cache._health.succeeded()  # type: ignore[union-attr]
                return value if value is None else bytes(value)
            except Exception as exc:
                cache._health.failed(exc, "cache_get")  # type: ignore[union-attr]
        return cache._local.get(self.key)


class ResponseCache:
    def __init__(
        self,
        secret: bytes,
        *,
        ttl: int,
        redis_client: Any | None = None,
        pipeline: AutoPipeline | None = None,
        redis_health: DependencyHealth | None = None,
        namespace: str = "bondmcp",
        max_entries: int = 10_000,
        max_bytes: int | None = None,
    ) -> None:
        self._secret = secret
        self.ttl = ttl
        self._local = MemoryCache(max_entries, max_bytes)
        self._redis = redis_client
        self._pipeline = pipeline
        self._health = redis_health
        self._prefix = f"{namespace}:cache:"
        self._lock_prefix = f"{namespace}:cache-lock:"
        self._flights: dict[str, threading.Lock] = {}
        self._decoded: OrderedDict[str, tuple[bytes, Any]] = OrderedDict()
        self._decoded_lock = threading.Lock()
        # Parsed answers take several times their bytes: only the most popular few hundred.
        self._decoded_max = max(1, min(max_entries, _DECODED_MAX))
        self._flights_lock = threading.Lock()

    def key(self, deidentified_question: str, *options: str) -> str:
        material = "\0".join((normalise_question(deidentified_question), *options))
        return hmac.new(self._secret, material.encode(), hashlib.sha256).hexdigest()

    # -- storage, Redis first with the in-process cache as fallback ---------------------

    def _shared(self) -> Any | None:
        if self._redis is not None and self._health is not None and self._health.usable():
            return self._redis
        return None

    def get(self, key: str) -> bytes | None:
        redis = self._shared()
        if redis is not None:
            try:
                value = redis.get(self._prefix + key)
                self._health.succeeded()  # type: ignore[union-attr]
                return value if value is None else bytes(value)
            except Exception as exc:
                self._health.failed(exc, "cache_get")  # type: ignore[union-attr]
        return self._local.get(key)

    async def get_async(self, key: str) -> bytes | None:
        """``get`` from the event loop: the Redis read goes out in the loop's pipeline."""
        return await self.read_ahead(key).result()

    def read_ahead(self, key: str) -> PendingRead:
        """Start reading ``key`` now and take the result later: a read started before a
        request's rate-limit charge goes to Redis in the same pipeline, one round trip for
        both, instead of one after the other."""
        if self._pipeline is not None and self._shared() is not None:
            return PendingRead(self, key, self._pipeline.submit("GET", self._prefix + key))
        return PendingRead(self, key, None)

    def set(self, key: str, value: bytes) -> None:
        redis = self._shared()
        if redis is not None:
            try:
                redis.set(self._prefix + key, value, ex=self.ttl)
                return
            except Exception as exc:
                self._health.failed(exc, "cache_set")  # type: ignore[union-attr]
        self._local.set(key, value, self.ttl)

    def purge(self) -> int:
        purged = self._local.purge()
        redis = self._shared()
        if redis is not None:
            try:
                batch: list[Any] = []
                for name in redis.scan_iter(match=self._prefix + "*", count=500):
                    batch.append(name)
                    if len(batch) >= 500:
                        purged += int(redis.delete(*batch))
                        batch.clear()
                if batch:
                    purged += int(redis.delete(*batch))
            except Exception as exc:
                self._health.failed(exc, "cache_purge")  # type: ignore[union-attr]
        return purged

    # -- single flight ------------------------------------------------------------------

    @contextmanager
    def _local_flight(self, key: str) -> Iterator[None]:
        with self._flights_lock:
            lock = self._flights.setdefault(key, threading.Lock())
        with lock:
            yield
        with self._flights_lock:
            if self._flights.get(key) is lock and not lock.locked():
                self._flights.pop(key, None)

    def _wait_for_peer(self, key: str) -> bytes | None:
        """Another process is computing this answer: wait briefly for it to land."""
        redis = self._shared()
        if redis is None:
            return None
        token = str(time.monotonic_ns())
        try:
            if redis.set(self._lock_prefix + key, token, nx=True, px=_LOCK_TTL_MS):
                return None  # we hold the flight
            deadline = time.monotonic() + _WAIT_FOR_PEER_SECONDS
            while time.monotonic() < deadline:
                value = redis.get(self._prefix + key)
                if value is not None:
                    return bytes(value)
                if not redis.exists(self._lock_prefix + key):
                    return None
                time.sleep(_POLL_SECONDS)
        except Exception as exc:
            self._health.failed(exc, "cache_lock")  # type: ignore[union-attr]
        return None

    def _end_flight(self, key: str) -> None:
        redis = self._shared()
        if redis is not None:
            try:
                redis.delete(self._lock_prefix + key)
            except Exception as exc:
                self._health.failed(exc, "cache_lock")  # type: ignore[union-attr]

    def decoded(self, key: str, raw: bytes, parse: Callable[[bytes], T]) -> T:
        """``parse(raw)``, remembered per key: a popular answer is parsed once per process,
        not on every hit. The memo is checked against the bytes, so a changed value
        (another process refreshed it) is parsed again."""
        with self._decoded_lock:
            entry = self._decoded.get(key)
            if entry is not None and entry[0] == raw:
                self._decoded.move_to_end(key)
                return entry[1]  # type: ignore[no-any-return]
        value = parse(raw)
        with self._decoded_lock:
            self._decoded[key] = (raw, value)
            if len(self._decoded) > self._decoded_max:
                self._decoded.popitem(last=False)
        return value

    def get_or_compute(self, key: str, compute: Callable[[], bytes]) -> tuple[bytes, bool]:
        """The cached value, or ``compute()`` stored for next time; and whether it was cached."""
        value = self.get(key)
        if value is not None:
            metrics.CACHE_HIT.inc()
            return value, True
        with self._local_flight(key):
            value = self.get(key)
            if value is None:
                value = self._wait_for_peer(key)
            if value is not None:
                metrics.CACHE_HIT.inc()
                return value, True
            metrics.CACHE_MISS.inc()
            try:
                value = compute()
                self.set(key, value)
            finally:
                self._end_flight(key)
            return value, False
