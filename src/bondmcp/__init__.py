"""bondmcp: self-hostable health AI.

This top-level package is the Python SDK (``pip install bondmcp`` needs only httpx and
pydantic)::

    from bondmcp import Client

    client = Client()  # reads BONDMCP_API_KEY and BONDMCP_BASE_URL
    print(client.ask("What is diabetes?").answer)

The server, engine and CLI live in subpackages that need the ``[server]`` extra; nothing here
imports them.
"""

from bondmcp._version import __version__
from bondmcp.client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncCacheBackend,
    AsyncClient,
    AsyncRedisCache,
    AuthenticationError,
    BadRequestError,
    BatchAskResult,
    BondMCPError,
    CacheBackend,
    CircuitBreaker,
    CircuitOpenError,
    Client,
    ConflictError,
    InMemoryCache,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimiter,
    RateLimitError,
    RedisCache,
    RetryPolicy,
    UnprocessableEntityError,
)
from bondmcp.types import (
    AskResponse,
    BatchAskResponse,
    BatchItemError,
    Citation,
    DependencyStatus,
    ErrorDetail,
    Evidence,
    HealthResponse,
    PingResponse,
    ReadyResponse,
    SearchResponse,
    SearchResult,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AskResponse",
    "AsyncCacheBackend",
    "AsyncClient",
    "AsyncRedisCache",
    "AuthenticationError",
    "BadRequestError",
    "BatchAskResponse",
    "BatchAskResult",
    "BatchItemError",
    "BondMCPError",
    "CacheBackend",
    "CircuitBreaker",
    "CircuitOpenError",
    "Citation",
    "Client",
    "ConflictError",
    "DependencyStatus",
    "ErrorDetail",
    "Evidence",
    "HealthResponse",
    "InMemoryCache",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "PingResponse",
    "RateLimitError",
    "RateLimiter",
    "ReadyResponse",
    "RedisCache",
    "RetryPolicy",
    "SearchResponse",
    "SearchResult",
    "UnprocessableEntityError",
    "__version__",
]
