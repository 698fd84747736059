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
from ._client import AsyncClient, Client
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
    JobNotFinishedError,
    JobTimeoutError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WebhookVerificationError,
)
from ._models import CachePurgeResponse, Locale
from ._resilience import CircuitBreaker, CircuitState, RateLimiter, RetryPolicy
from ._resources import AsyncJobs, AsyncKeys, Jobs, Keys

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
    "AsyncJobs",
    "AsyncKeys",
    "AsyncRedisCache",
    "AuthenticationError",
    "BadRequestError",
    "BatchAskResult",
    "BatchItem",
    "BondMCPError",
    "CacheBackend",
    "CachePurgeResponse",
    "CircuitBreaker",
    "CircuitOpenError",
    "CircuitState",
    "Client",
    "ConflictError",
    "InMemoryCache",
    "InternalServerError",
    "JobNotFinishedError",
    "JobTimeoutError",
    "Jobs",
    "Keys",
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
    "WebhookVerificationError",
]
