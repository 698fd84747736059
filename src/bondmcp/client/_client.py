"""The public clients: :class:`Client` (blocking) and :class:`AsyncClient` (asyncio).

Both expose the same methods with the same arguments; each method only describes its request
and hands it to the shared retry loop in ``_base_client``.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Self

import httpx

from bondmcp.types import (
    MAX_BATCH_SIZE,
    AskResponse,
    DeidentifyResponse,
    FeedbackResponse,
    HealthResponse,
    PingResponse,
    ReadyResponse,
    SearchResponse,
    UsageResponse,
)

from ._base_client import (
    DEFAULT_BATCH_CONCURRENCY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    AsyncAPIClient,
    NotGiven,
    SyncAPIClient,
)
from ._batch import BatchAskResult
from ._cache import AsyncCacheBackend, CacheBackend
from ._models import CachePurgeResponse, Locale
from ._resilience import CircuitBreaker, RateLimiter, RetryPolicy
from ._resources import AsyncJobs, AsyncKeys, Jobs, Keys

__all__ = ["AsyncClient", "Client", "Locale"]


class Client(SyncAPIClient):
    """A blocking client for the bondmcp API.

    Thread-safe: one instance (one connection pool) is meant to be shared by a whole
    application. Use it as a context manager, or call :meth:`close`, to release connections.

    Args:
        api_key: Defaults to the ``BONDMCP_API_KEY`` environment variable; required.
        base_url: Defaults to ``BONDMCP_BASE_URL``, else ``http://127.0.0.1:8000``. Plain
            ``http://`` is refused for hosts other than this machine unless
            ``allow_insecure_http`` is true.
        timeout: Seconds, or an ``httpx.Timeout``, per attempt.
        max_retries: Retries after the first attempt (connection errors, timeouts, 408, 409,
            429, 5xx); 0 disables them.
        retry_policy: Backoff and ``Retry-After`` limits; see :class:`RetryPolicy`.
        default_headers: Sent with every request.
        http_client: Your own ``httpx.Client`` (proxies, transports, event hooks); it is not
            closed by :meth:`close`.
        verify: TLS verification: ``True``, ``False``, a CA bundle path or an ``SSLContext``.
        rate_limiter: Paces requests to stay under a quota; see :class:`RateLimiter`.
        circuit_breaker: ``True`` for defaults, or a :class:`CircuitBreaker`.
        cache: ``True`` for an in-memory TTL cache, or any :class:`CacheBackend`.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        verify: bool | str | ssl.SSLContext = True,
        allow_insecure_http: bool = False,
        rate_limiter: RateLimiter | None = None,
        circuit_breaker: CircuitBreaker | bool | None = None,
        cache: CacheBackend | bool | None = None,
    ) -> None:
        super().__init__(
            http_client=http_client,
            verify=verify,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            rate_limiter=rate_limiter,
            circuit_breaker=circuit_breaker,
            cache=cache,
        )
        #: Batch jobs: ``create``, ``retrieve``, ``cancel``, ``results``, ``wait``.
        self.jobs = Jobs(self)
        #: API keys, for keys with the ``admin`` scope: ``create``, ``list``, ``rotate``, ``revoke``.
        self.keys = Keys(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_policy: RetryPolicy | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        allow_insecure_http: bool | NotGiven = NOT_GIVEN,
        rate_limiter: RateLimiter | NotGiven | None = NOT_GIVEN,
        circuit_breaker: CircuitBreaker | bool | NotGiven | None = NOT_GIVEN,
        cache: CacheBackend | bool | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy with some settings changed, for one call or one part of an application.

        The copy shares this client's connection pool, and (unless replaced) its rate
        limiter, circuit breaker and cache. ``default_headers`` are merged into the current
        ones. Closing the copy does not close the pool; close the original.
        """
        overrides = dict(locals())
        del overrides["self"]
        clone = type(self)(http_client=self._http, **self._override(self._config(), overrides))
        clone._prepare_fast_path(self._http, self._fast_path)
        return clone

    def ask(
        self,
        query: str,
        *,
        locale: Locale | None = None,
        idempotency_key: str | None = None,
    ) -> AskResponse:
        """Answer one health question with citations, triage and a confidence score.

        ``locale`` (``"us"``, ``"gb"``, ``"eu"``) picks the emergency numbers the answer
        gives. ``idempotency_key`` overrides the key generated for this call, so that a
        retry of your own (after a crash, say) is also answered only once.
        """
        opts = self._ask_options(query, locale, idempotency_key)
        return self._run(self._request_flow(self._http, opts, AskResponse))

    def batch_ask(
        self,
        queries: Iterable[str],
        *,
        locale: Locale | None = None,
        concurrency: int = DEFAULT_BATCH_CONCURRENCY,
        chunk_size: int = MAX_BATCH_SIZE,
    ) -> BatchAskResult:
        """Answer many questions; results keep the order of ``queries``.

        Queries go to ``/v1/ask/batch`` in chunks of at most ``chunk_size`` (the server's
        limit is 50), up to ``concurrency`` chunks at a time on worker threads. A query that
        fails is reported in its slot instead of failing the rest; see
        :class:`BatchAskResult`.
        """
        items = self._check_batch_args(queries, concurrency, chunk_size)
        return self._run(self._batch_flow(self._http, items, locale, concurrency, chunk_size))

    def search(self, query: str, *, limit: int = 5) -> SearchResponse:
        """The knowledge-base passages that best match ``query``, best first (for RAG)."""
        return self._run(
            self._request_flow(self._http, self._search_options(query, limit), SearchResponse)
        )

    def ping(self) -> PingResponse:
        """Check the server is reachable and the key is accepted; raises otherwise."""
        return self._run(self._request_flow(self._http, self._ping_options(), PingResponse))

    def health(self) -> HealthResponse:
        """Liveness of the server (no key needed); raises if it is down."""
        return self._run(self._request_flow(self._http, self._health_options(), HealthResponse))

    def ready(self) -> ReadyResponse:
        """Readiness with per-dependency status; ``status`` is ``not_ready`` on a 503."""
        return self._run(self._request_flow(self._http, self._ready_options(), ReadyResponse))

    def usage(self) -> UsageResponse:
        """This key's requests and errors per day, its remaining quota and feedback summary."""
        return self._request(self._usage_options(), UsageResponse)

    def feedback(
        self,
        response_id: str,
        rating: int | None = None,
        helpful: bool | None = None,
        comment: str | None = None,
        user: str | None = None,
    ) -> FeedbackResponse:
        """Rate an answer this key received (its ``id``): ``rating`` 1-5 and/or ``helpful``.

        ``comment`` is de-identified by the server before it is stored; ``user`` is your
        opaque id for the end user, kept only as a keyed hash so that their feedback can be
        erased on request. A later call for the same answer replaces the earlier one.
        """
        opts = self._feedback_options(response_id, rating, helpful, comment, user)
        return self._request(opts, FeedbackResponse)

    def deidentify(self, text: str) -> DeidentifyResponse:
        """``text`` with identifiers (names, dates, phone numbers, ...) replaced by tags."""
        return self._request(self._deidentify_options(text), DeidentifyResponse)

    def purge_cache(self) -> CachePurgeResponse:
        """Drop every answer cached by the server (``admin`` scope); returns how many."""
        return self._request(self._purge_cache_options(), CachePurgeResponse)


class AsyncClient(AsyncAPIClient):
    """The asyncio twin of :class:`Client`: same arguments, same methods, awaitable.

    Concurrent calls share one connection pool; the rate limiter and retries wait with
    ``asyncio.sleep``, so other tasks keep running. ``http_client`` must be an
    ``httpx.AsyncClient``; a cache may be synchronous or asynchronous.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        verify: bool | str | ssl.SSLContext = True,
        allow_insecure_http: bool = False,
        rate_limiter: RateLimiter | None = None,
        circuit_breaker: CircuitBreaker | bool | None = None,
        cache: CacheBackend | AsyncCacheBackend | bool | None = None,
    ) -> None:
        super().__init__(
            http_client=http_client,
            verify=verify,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            rate_limiter=rate_limiter,
            circuit_breaker=circuit_breaker,
            cache=cache,
        )
        #: Batch jobs; see :class:`Client`.
        self.jobs = AsyncJobs(self)
        #: API keys (``admin`` scope); see :class:`Client`.
        self.keys = AsyncKeys(self)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_policy: RetryPolicy | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        allow_insecure_http: bool | NotGiven = NOT_GIVEN,
        rate_limiter: RateLimiter | NotGiven | None = NOT_GIVEN,
        circuit_breaker: CircuitBreaker | bool | NotGiven | None = NOT_GIVEN,
        cache: CacheBackend | AsyncCacheBackend | bool | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy with some settings changed; see :meth:`Client.with_options`."""
        overrides = dict(locals())
        del overrides["self"]
        clone = type(self)(http_client=self._http, **self._override(self._config(), overrides))
        clone._prepare_fast_path(self._http, self._fast_path)
        return clone

    async def ask(
        self,
        query: str,
        *,
        locale: Locale | None = None,
        idempotency_key: str | None = None,
    ) -> AskResponse:
        """Answer one health question; see :meth:`Client.ask`."""
        opts = self._ask_options(query, locale, idempotency_key)
        return await self._run(self._request_flow(self._http, opts, AskResponse))

    async def batch_ask(
        self,
        queries: Iterable[str],
        *,
        locale: Locale | None = None,
        concurrency: int = DEFAULT_BATCH_CONCURRENCY,
        chunk_size: int = MAX_BATCH_SIZE,
    ) -> BatchAskResult:
        """Answer many questions, up to ``concurrency`` chunks in flight at once as tasks."""
        items = self._check_batch_args(queries, concurrency, chunk_size)
        return await self._run(self._batch_flow(self._http, items, locale, concurrency, chunk_size))

    async def search(self, query: str, *, limit: int = 5) -> SearchResponse:
        """Ranked knowledge-base passages; see :meth:`Client.search`."""
        return await self._run(
            self._request_flow(self._http, self._search_options(query, limit), SearchResponse)
        )

    async def ping(self) -> PingResponse:
        """Check reachability and the key; see :meth:`Client.ping`."""
        return await self._run(self._request_flow(self._http, self._ping_options(), PingResponse))

    async def health(self) -> HealthResponse:
        """Liveness (no key needed); see :meth:`Client.health`."""
        return await self._run(
            self._request_flow(self._http, self._health_options(), HealthResponse)
        )

    async def ready(self) -> ReadyResponse:
        """Readiness; see :meth:`Client.ready`."""
        return await self._run(self._request_flow(self._http, self._ready_options(), ReadyResponse))

    async def usage(self) -> UsageResponse:
        """This key's usage and feedback summary; see :meth:`Client.usage`."""
        return await self._request(self._usage_options(), UsageResponse)

    async def feedback(
        self,
        response_id: str,
        rating: int | None = None,
        helpful: bool | None = None,
        comment: str | None = None,
        user: str | None = None,
    ) -> FeedbackResponse:
        """Rate an answer; see :meth:`Client.feedback`."""
        opts = self._feedback_options(response_id, rating, helpful, comment, user)
        return await self._request(opts, FeedbackResponse)

    async def deidentify(self, text: str) -> DeidentifyResponse:
        """``text`` with identifiers replaced by tags; see :meth:`Client.deidentify`."""
        return await self._request(self._deidentify_options(text), DeidentifyResponse)

    async def purge_cache(self) -> CachePurgeResponse:
        """Drop every answer cached by the server (``admin`` scope); returns how many."""
        return await self._request(self._purge_cache_options(), CachePurgeResponse)
