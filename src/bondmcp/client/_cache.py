"""Optional response cache for ``ask`` and ``search``.

Health questions repeat (the same ten questions make up much of any app's traffic), and an
answer for a given knowledge-base version does not change, so caching saves quota and
latency. The cache is off unless the client is given one.

Keys never contain the question: they are a SHA-256 over the API key, the server URL, the
endpoint and the request body. The raw query text therefore never reaches a shared store such
as Redis, and because the API key is part of the hash, someone reading that store cannot
confirm whether a given question was asked without also holding the key.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from typing import Protocol

__all__ = [
    "AsyncCacheBackend",
    "AsyncRedisCache",
    "CacheBackend",
    "InMemoryCache",
    "RedisCache",
    "cache_key",
]


class CacheBackend(Protocol):
    """A store for serialised responses; it decides how long entries live."""

    def get(self, key: str) -> bytes | None:
        """The stored value, or ``None`` when absent or expired."""
        ...

    def set(self, key: str, value: bytes) -> None:
        """Store ``value`` under ``key``."""
        ...


class AsyncCacheBackend(Protocol):
    """The same store for :class:`~bondmcp.AsyncClient`, with awaitable methods."""

    async def get(self, key: str) -> bytes | None:
        """The stored value, or ``None`` when absent or expired."""
        ...

    async def set(self, key: str, value: bytes) -> None:
        """Store ``value`` under ``key``."""
        ...


def cache_key(api_key: str, base_url: str, path: str, body: bytes) -> str:
    """The cache key of one request: a digest, never the request text itself."""
    digest = hashlib.sha256()
    for part in (api_key.encode(), base_url.encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return "bondmcp:v1:" + digest.hexdigest()


class InMemoryCache:
    """A per-process LRU cache whose entries expire after ``ttl`` seconds.

    Thread-safe, so one instance can back several clients and threads.
    """

    def __init__(self, ttl: float = 300.0, maxsize: int = 1024) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.ttl = ttl
        self.maxsize = maxsize
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"InMemoryCache(ttl={self.ttl!r}, maxsize={self.maxsize!r}, size={len(self)})"

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)

    def keys(self) -> list[str]:
        """The keys currently stored (digests, useful for inspection and tests)."""
        with self._lock:
            return list(self._data)

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            expires, value = item
            if time.monotonic() >= expires:
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Drop every entry, for example after the knowledge base was updated."""
        with self._lock:
            self._data.clear()


class _SyncRedis(Protocol):
    def get(self, name: str) -> object: ...

    def set(self, name: str, value: bytes, ex: int | None = None) -> object: ...


class _AsyncRedis(Protocol):
    async def get(self, name: str) -> object: ...

    async def set(self, name: str, value: bytes, ex: int | None = None) -> object: ...


class RedisCache:
    """A cache shared by every process that uses the same Redis, via a ``redis.Redis``.

    The SDK does not depend on the ``redis`` package; pass in a client you configured.
    """

    def __init__(self, redis: _SyncRedis, *, ttl: int = 300, prefix: str = "") -> None:
        if ttl < 1:
            raise ValueError("ttl must be at least 1 second")
        self.redis = redis
        self.ttl = ttl
        self.prefix = prefix

    def get(self, key: str) -> bytes | None:
        value = self.redis.get(self.prefix + key)
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes) -> None:
        self.redis.set(self.prefix + key, value, ex=self.ttl)


class AsyncRedisCache:
    """:class:`RedisCache` for :class:`~bondmcp.AsyncClient`, via a ``redis.asyncio.Redis``."""

    def __init__(self, redis: _AsyncRedis, *, ttl: int = 300, prefix: str = "") -> None:
        if ttl < 1:
            raise ValueError("ttl must be at least 1 second")
        self.redis = redis
        self.ttl = ttl
        self.prefix = prefix

    async def get(self, key: str) -> bytes | None:
        value = await self.redis.get(self.prefix + key)
        return value if isinstance(value, bytes) else None

    async def set(self, key: str, value: bytes) -> None:
        await self.redis.set(self.prefix + key, value, ex=self.ttl)
