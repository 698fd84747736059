"""The bondmcp Python SDK: :class:`Client`, :class:`AsyncClient` and what they raise.

Only ``httpx`` and ``pydantic`` are needed; nothing here imports the server.
"""

from ._base_client import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    NotGiven,
)
from ._batch import BatchAskResult, BatchItem
from ._cache import AsyncCacheBackend, AsyncRedisCache, CacheBackend, InMemoryCache, RedisCache
from ._client import AsyncClient, Client, Locale
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BondMCPError,
    CircuitOpenError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._resilience import CircuitBreaker, CircuitState, RateLimiter, RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCacheBackend",
    "AsyncClient",
    "AsyncRedisCache",
    "AuthenticationError",
    "BadRequestError",
    "BatchAskResult",
    "BatchItem",
    "BondMCPError",
    "CacheBackend",
    "CircuitBreaker",
    "CircuitOpenError",
    "CircuitState",
    "Client",
    "ConflictError",
    "InMemoryCache",
    "InternalServerError",
    "Locale",
    "NotFoundError",
    "NotGiven",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "RedisCache",
    "RetryPolicy",
    "UnprocessableEntityError",
]
