"""Configuration, the retry loop and error mapping, shared by the sync and async clients.

The retry loop is written once, as a generator that *describes* its I/O instead of doing it:
it yields actions (send this request, sleep this long, read this cache key, run these
sub-requests together) and receives their results. :class:`SyncAPIClient` carries the actions
out with ``httpx.Client`` and ``time.sleep``; :class:`AsyncAPIClient` with
``httpx.AsyncClient`` and ``asyncio.sleep``. Every rule (what is retried, how long to wait,
``Retry-After``, idempotency keys, the circuit breaker, the rate limiter, the cache, batch
chunking) therefore lives in one place and behaves identically in both clients, and the async
client never blocks its event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import os
import secrets
import ssl
import time
from collections.abc import Generator, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from ipaddress import ip_address
from typing import Any, Final, Generic, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from bondmcp._version import __version__
from bondmcp.types import (
    MAX_BATCH_SIZE,
    AskResponse,
    BatchAskResponse,
    BatchItemError,
    ErrorDetail,
    JobStatus,
)

from ._batch import BatchAskResult, BatchItem
from ._cache import AsyncCacheBackend, CacheBackend, InMemoryCache, cache_key
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
)
from ._logging import logger, redact_headers, setup_logging
from ._resilience import CircuitBreaker, RateLimiter, RetryPolicy, parse_retry_after

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "AsyncAPIClient",
    "BaseClient",
    "NotGiven",
    "RequestOptions",
    "SyncAPIClient",
]

DEFAULT_BASE_URL: Final = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
DEFAULT_BATCH_CONCURRENCY: Final = 4
DEFAULT_POLL_INTERVAL: Final = 2.0
#: Job states after which nothing changes any more.
FINISHED_JOB_STATES: Final = frozenset({"completed", "failed", "cancelled"})

#: A poll started this close to a wait's deadline counts as made on it (sleeps overshoot).
_ON_THE_DEADLINE = 0.005

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class NotGiven:
    """Marks an argument that was not passed, where ``None`` is a meaningful value."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


NOT_GIVEN: Final = NotGiven()

# --------------------------------------------------------------------------------------------
# Actions the request flows yield; the sync and async drivers carry them out.


@dataclass(frozen=True, slots=True)
class Send:
    request: httpx.Request


@dataclass(frozen=True, slots=True)
class Sleep:
    seconds: float


@dataclass(frozen=True, slots=True)
class CacheGet:
    key: str


@dataclass(frozen=True, slots=True)
class CacheSet:
    key: str
    value: bytes


@dataclass(frozen=True, slots=True)
class Gather:
    """Run several flows, at most ``concurrency`` at a time; yields back their outcomes."""

    flows: list[Generator[Action, Any, Any]]
    concurrency: int


Action = Send | Sleep | CacheGet | CacheSet | Gather
Flow = Generator[Action, Any, T]


@dataclass(slots=True)
class Outcome(Generic[T]):
    value: T | None = None
    error: Exception | None = None


@dataclass(slots=True)
class RequestOptions:
    """One logical API call, before retries."""

    method: str
    path: str
    body: bytes | None = None
    auth: bool = True
    idempotency_key: str | None = None
    cacheable: bool = False
    #: Whether the circuit breaker and rate limiter apply (not for unauthenticated probes).
    resilient: bool = True
    max_retries: int | None = None
    ok_statuses: frozenset[int] = field(default_factory=frozenset)
    #: Query parameters, sent in the URL.
    params: dict[str, str] | None = None
    #: False for paths that carry an id: their URLs are not kept in the per-client URL table,
    #: which would otherwise grow with every job or key a long-lived client touches.
    fixed_path: bool = True


_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


#: 409 codes that report a resource's final state: the same request would fail the same way.
_FINAL_CONFLICTS: Final = frozenset({"key_not_active", "job_finished"})


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_base_url(base_url: str, allow_insecure_http: bool) -> str:
    """Validate the server URL; plain http is allowed only to this machine unless opted in.

    The API key and health questions would otherwise cross the network readable by anyone on
    the path, and a mistyped scheme should fail loudly at start-up, not leak quietly.
    """
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL as exc:
        raise BondMCPError(f"Invalid base_url {base_url!r}: {exc}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise BondMCPError(f"Invalid base_url {base_url!r}: expected http(s)://host[:port][/path]")
    if url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
        raise BondMCPError(
            f"Refusing to send the API key over plain http to {url.host}: use https://, "
            "or pass allow_insecure_http=True if the network path is trusted."
        )
    return str(url).rstrip("/")


def _ssl_context(verify: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    """``verify`` as httpx wants it; a path names a CA bundle (a private CA, say)."""
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return verify


def _is_tls_verification_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _dumps(payload: Mapping[str, object]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def _drop_none(**fields: object) -> dict[str, object]:
    return {name: value for name, value in fields.items() if value is not None}


def _segment(name: str, value: str) -> str:
    """``value`` as one URL path segment, so an id can never reach another endpoint."""
    if not isinstance(value, str) or not value or value in (".", ".."):
        raise ValueError(f"{name} must be a non-empty id string, not {value!r}")
    return quote(value, safe="")


class BaseClient:
    """Everything the two clients share except how actions are carried out."""

    api_key: str
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    retry_policy: RetryPolicy
    default_headers: dict[str, str]
    allow_insecure_http: bool
    rate_limiter: RateLimiter | None
    circuit_breaker: CircuitBreaker | None
    cache: CacheBackend | AsyncCacheBackend | None

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        default_headers: Mapping[str, str] | None,
        allow_insecure_http: bool,
        rate_limiter: RateLimiter | None,
        circuit_breaker: CircuitBreaker | bool | None,
        cache: CacheBackend | AsyncCacheBackend | bool | None,
    ) -> None:
        setup_logging()
        if api_key is None:
            api_key = os.environ.get("BONDMCP_API_KEY")
        api_key = (api_key or "").strip()
        if not api_key:
            raise BondMCPError(
                "No API key given: pass api_key=... to the client or set the "
                "BONDMCP_API_KEY environment variable (create a key with "
                "`bondmcp keys create`)."
            )
        if base_url is None:
            base_url = os.environ.get("BONDMCP_BASE_URL") or DEFAULT_BASE_URL
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self.api_key = api_key
        self.allow_insecure_http = allow_insecure_http
        self.base_url = _check_base_url(base_url, allow_insecure_http)
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.max_retries = max_retries
        self.retry_policy = retry_policy or RetryPolicy()
        self.default_headers = dict(default_headers or {})
        self.rate_limiter = rate_limiter
        # Explicit checks, not truthiness: an empty cache has len() == 0 but is still a cache.
        if circuit_breaker is True:
            circuit_breaker = CircuitBreaker()
        self.circuit_breaker = None if circuit_breaker is False else circuit_breaker
        if cache is True:
            cache = InMemoryCache()
        self.cache = None if cache is False else cache
        base_headers = {
            "Accept": "application/json",
            "User-Agent": f"bondmcp-python/{__version__}",
            **self.default_headers,
        }
        self._public_headers = base_headers
        self._auth_headers = {**base_headers, "Authorization": f"Bearer {api_key}"}

    def __repr__(self) -> str:
        # Never the key: reprs end up in logs and tracebacks.
        return f"<bondmcp.{type(self).__name__} base_url={self.base_url!r}>"

    def _config(self) -> dict[str, Any]:
        """Constructor arguments reproducing this client (for ``with_options``)."""
        return {
            "api_key": self.api_key,
            "base_url": self.base_url,
            "timeout": self.timeout,
            "max_retries": self.max_retries,
            "retry_policy": self.retry_policy,
            "default_headers": self.default_headers,
            "allow_insecure_http": self.allow_insecure_http,
            "rate_limiter": self.rate_limiter,
            "circuit_breaker": self.circuit_breaker,
            "cache": self.cache,
        }

    @staticmethod
    def _override(config: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
        for name, value in overrides.items():
            if isinstance(value, NotGiven):
                continue
            if name == "default_headers" and value is not None:
                value = {**config["default_headers"], **value}
            config[name] = value
        return config

    # ---------------------------------------------------------------- request descriptions

    def _ask_body(self, query: str, locale: str | None) -> bytes:
        payload: dict[str, object] = {"query": query}
        if locale is not None:
            payload["locale"] = locale
        return _dumps(payload)

    def _ask_options(
        self, query: str, locale: str | None, idempotency_key: str | None
    ) -> RequestOptions:
        return RequestOptions(
            "POST",
            "/v1/ask",
            body=self._ask_body(query, locale),
            idempotency_key=idempotency_key,
            cacheable=True,
        )

    def _search_options(self, query: str, limit: int) -> RequestOptions:
        return RequestOptions(
            "POST", "/v1/search", body=_dumps({"query": query, "limit": limit}), cacheable=True
        )

    @staticmethod
    def _ping_options() -> RequestOptions:
        return RequestOptions("GET", "/v1/ping")

    @staticmethod
    def _usage_options() -> RequestOptions:
        return RequestOptions("GET", "/v1/usage")

    @staticmethod
    def _feedback_options(
        response_id: str,
        rating: int | None,
        helpful: bool | None,
        comment: str | None,
        user: str | None,
    ) -> RequestOptions:
        # "Neither rating nor helpful" is left to the server (422), which owns the rule.
        body = _drop_none(
            response_id=response_id, rating=rating, helpful=helpful, comment=comment, user=user
        )
        return RequestOptions("POST", "/v1/feedback", body=_dumps(body))

    @staticmethod
    def _deidentify_options(text: str) -> RequestOptions:
        return RequestOptions("POST", "/v1/deidentify", body=_dumps({"text": text}))

    @staticmethod
    def _key_create_options(
        name: str,
        scopes: Iterable[str] | None,
        rate_limit: str | None,
        expires_in_days: int | None,
    ) -> RequestOptions:
        if isinstance(scopes, str):
            raise TypeError('scopes takes a list, such as ["ask"] or ["ask", "admin"]')
        body = _drop_none(
            name=name,
            scopes=None if scopes is None else list(scopes),
            rate_limit=rate_limit,
            expires_in_days=expires_in_days,
        )
        return RequestOptions("POST", "/v1/keys", body=_dumps(body))

    @staticmethod
    def _key_list_options() -> RequestOptions:
        return RequestOptions("GET", "/v1/keys")

    @staticmethod
    def _key_rotate_options(key_id: str, grace_period_seconds: int | None) -> RequestOptions:
        body = _drop_none(grace_period_seconds=grace_period_seconds)
        return RequestOptions(
            "POST",
            f"/v1/keys/{_segment('key_id', key_id)}/rotate",
            body=_dumps(body),
            fixed_path=False,
        )

    @staticmethod
    def _key_revoke_options(key_id: str) -> RequestOptions:
        return RequestOptions("DELETE", f"/v1/keys/{_segment('key_id', key_id)}", fixed_path=False)

    @staticmethod
    def _purge_cache_options() -> RequestOptions:
        return RequestOptions("DELETE", "/v1/cache")

    @staticmethod
    def _job_create_options(
        queries: Iterable[str],
        webhook_url: str | None,
        metadata: Mapping[str, str | int | float | bool] | None,
        locale: str | None,
        idempotency_key: str | None,
    ) -> RequestOptions:
        if isinstance(queries, str | bytes):
            raise TypeError("jobs.create takes a list of queries, not a single string")
        body = _drop_none(
            queries=list(queries),
            webhook_url=webhook_url,
            metadata=None if metadata is None else dict(metadata),
            locale=locale,
        )
        return RequestOptions(
            "POST", "/v1/jobs", body=_dumps(body), idempotency_key=idempotency_key
        )

    @staticmethod
    def _job_retrieve_options(job_id: str, cursor: str | None, limit: int | None) -> RequestOptions:
        params = _drop_none(cursor=cursor, limit=limit)
        return RequestOptions(
            "GET",
            f"/v1/jobs/{_segment('job_id', job_id)}",
            params={name: str(value) for name, value in params.items()} or None,
            fixed_path=False,
        )

    @staticmethod
    def _job_cancel_options(job_id: str) -> RequestOptions:
        return RequestOptions("DELETE", f"/v1/jobs/{_segment('job_id', job_id)}", fixed_path=False)

    @staticmethod
    def _health_options() -> RequestOptions:
        return RequestOptions("GET", "/health", auth=False, resilient=False)

    @staticmethod
    def _ready_options() -> RequestOptions:
        # A probe: 503 "not ready" is an answer, not a failure to retry.
        return RequestOptions(
            "GET",
            "/ready",
            auth=False,
            resilient=False,
            max_retries=0,
            ok_statuses=frozenset({503}),
        )

    def _prepare_fast_path(self, http: httpx.Client | httpx.AsyncClient, enabled: bool) -> None:
        """Pre-merge what ``http.build_request`` would merge on every call.

        Only for a pool this SDK created (its defaults are known and nobody else changes
        them): merging headers and parsing the URL once instead of per call is most of the
        difference between this SDK's overhead and raw httpx. A caller's own ``http_client``
        keeps the general path, so its headers, cookies and parameters apply as usual.
        """
        self._fast_path = enabled
        self._timeout_ext = {"timeout": self.timeout.as_dict()}
        self._urls: dict[str, httpx.URL] = {}
        if enabled:
            auth = http.headers.copy()
            auth.update(self._auth_headers)
            public = http.headers.copy()
            public.update(self._public_headers)
            self._merged_auth = auth
            self._merged_public = public

    def _build_request(
        self, http: httpx.Client | httpx.AsyncClient, opts: RequestOptions
    ) -> httpx.Request:
        if self._fast_path and not http.cookies:
            if opts.fixed_path and opts.params is None:
                url = self._urls.get(opts.path)
                if url is None:
                    url = self._urls[opts.path] = httpx.URL(self.base_url + opts.path)
            else:
                url = httpx.URL(self.base_url + opts.path, params=opts.params)
            request = httpx.Request(
                opts.method,
                url,
                headers=self._merged_auth if opts.auth else self._merged_public,
                content=opts.body,
                extensions=self._timeout_ext,
            )
            headers = request.headers
        else:
            request = http.build_request(
                opts.method,
                self.base_url + opts.path,
                headers=self._auth_headers if opts.auth else self._public_headers,
                content=opts.body,
                params=opts.params,
                timeout=self.timeout,
            )
            headers = request.headers
        if opts.body is not None:
            headers["Content-Type"] = "application/json"
        if opts.method != "GET":
            # One key per logical call, reused by every retry, so that the server can
            # replay its stored response instead of answering (and billing) twice.
            headers["Idempotency-Key"] = opts.idempotency_key or f"bmcp-{secrets.token_hex(16)}"
        return request

    # --------------------------------------------------------------------------- flows

    def _request_flow(
        self, http: httpx.Client | httpx.AsyncClient, opts: RequestOptions, cast_to: type[M]
    ) -> Flow[M]:
        """One API call: cache lookup, the retry loop, parsing, cache fill."""
        key: str | None = None
        if opts.cacheable and self.cache is not None:
            key = cache_key(self.api_key, self.base_url, opts.path, opts.body or b"")
            hit = yield from self._cache_get(key)
            if hit is not None:
                try:
                    model = cast_to.model_validate_json(hit)
                except ValidationError:
                    pass  # written by another SDK version: fetch afresh
                else:
                    if logger.isEnabledFor(logging.DEBUG):
                        logger.debug("Cache hit: %s %s", opts.method, opts.path)
                    return model
        response = yield from self._send_flow(http, opts)
        model = self._parse(response, cast_to)
        if key is not None:
            yield from self._cache_set(key, model.model_dump_json().encode())
        return model

    def _cache_get(self, key: str) -> Flow[bytes | None]:
        try:
            value = yield CacheGet(key)
        except Exception as exc:  # a broken cache must not break the call
            logger.warning("Cache read failed, fetching instead: %r", exc)
            return None
        return value if isinstance(value, bytes) else None

    def _cache_set(self, key: str, value: bytes) -> Flow[None]:
        try:
            yield CacheSet(key, value)
        except Exception as exc:
            logger.warning("Cache write failed: %r", exc)

    def _send_flow(
        self, http: httpx.Client | httpx.AsyncClient, opts: RequestOptions
    ) -> Flow[httpx.Response]:
        """The retry loop: the only place that decides whether and when to try again."""
        request = self._build_request(http, opts)
        max_retries = self.max_retries if opts.max_retries is None else opts.max_retries
        breaker = self.circuit_breaker if opts.resilient else None
        limiter = self.rate_limiter if opts.resilient else None
        debug = logger.isEnabledFor(logging.DEBUG)
        attempt = 0
        while True:
            trial = False
            settled = True
            if breaker is not None:
                admission = breaker.acquire()
                if not admission.allowed:
                    raise CircuitOpenError(request, admission.retry_after)
                trial = admission.trial
                settled = not trial
            try:
                if limiter is not None:
                    wait = limiter.reserve()
                    if wait > 0:
                        if debug:
                            logger.debug("Rate limiter: waiting %.3f s", wait)
                        yield Sleep(wait)
                if debug:
                    started = time.monotonic()
                    logger.debug(
                        "Request: %s %s headers=%s body_bytes=%d",
                        request.method,
                        request.url,
                        redact_headers(request.headers.items()),
                        len(opts.body or b""),
                    )
                try:
                    response: httpx.Response = yield Send(request)
                except httpx.TransportError as exc:
                    error, retryable = self._connection_error(request, exc)
                    opened = breaker.record_failure() if breaker is not None else False
                    settled = True
                    if retryable and attempt < max_retries and not opened:
                        delay = self.retry_policy.backoff(attempt)
                        self._log_retry(request, attempt, max_retries, delay, error.message)
                        yield Sleep(delay)
                        attempt += 1
                        continue
                    raise error from exc

                status = response.status_code
                opened = False
                if breaker is not None:
                    if status >= 500 or status == 408:
                        opened = breaker.record_failure()
                    else:
                        breaker.record_success()
                    settled = True
                if limiter is not None:
                    limiter.observe(response.headers)
                if debug:
                    logger.debug(
                        "Response: %s %s -> %d (request_id=%s, %.1f ms)",
                        request.method,
                        request.url,
                        status,
                        response.headers.get("x-request-id"),
                        (time.monotonic() - started) * 1000.0,
                    )
                if 200 <= status < 300 or status in opts.ok_statuses:
                    return response

                status_error = self._status_error(response)
                if limiter is not None and isinstance(status_error, RateLimitError):
                    limiter.hold(status_error.retry_after or 0.0)
                retry = self._should_retry(status, status_error.code)
                if retry and attempt < max_retries and not opened:
                    hinted = self._retry_delay(response, attempt)
                    if hinted is not None:
                        self._log_retry(request, attempt, max_retries, hinted, str(status_error))
                        yield Sleep(hinted)
                        attempt += 1
                        continue
                raise status_error
            finally:
                if not settled and breaker is not None:
                    breaker.release()

    def _batch_flow(
        self,
        http: httpx.Client | httpx.AsyncClient,
        queries: list[str],
        locale: str | None,
        concurrency: int,
        chunk_size: int,
    ) -> Flow[BatchAskResult]:
        """Answer many queries through ``/v1/ask/batch``, in order, chunk by chunk."""
        results: list[BatchItem | None] = [None] * len(queries)
        keys: list[str | None] = [None] * len(queries)
        if self.cache is not None:
            for index, query in enumerate(queries):
                key = cache_key(
                    self.api_key, self.base_url, "/v1/ask", self._ask_body(query, locale)
                )
                keys[index] = key
                hit = yield from self._cache_get(key)
                if hit is not None:
                    with contextlib.suppress(ValidationError):
                        results[index] = AskResponse.model_validate_json(hit)
        pending = [index for index, item in enumerate(results) if item is None]
        chunks = [pending[i : i + chunk_size] for i in range(0, len(pending), chunk_size)]
        flows: list[Flow[Any]] = []
        for chunk in chunks:
            payload: dict[str, object] = {"queries": [queries[i] for i in chunk]}
            if locale is not None:
                payload["locale"] = locale
            opts = RequestOptions("POST", "/v1/ask/batch", body=_dumps(payload))
            flows.append(self._request_flow(http, opts, BatchAskResponse))
        outcomes: list[Outcome[BatchAskResponse]] = (
            (yield Gather(flows, concurrency)) if flows else []
        )

        if outcomes and all(outcome.error is not None for outcome in outcomes):
            first = outcomes[0].error
            assert first is not None
            raise first
        exceptions: dict[int, APIError] = {}
        for chunk, outcome in zip(chunks, outcomes, strict=True):
            if outcome.error is not None:
                error = outcome.error
                if not isinstance(error, APIError):
                    raise error
                detail = ErrorDetail(
                    type=error.type or "api_error",
                    code=error.code
                    or ("timeout" if isinstance(error, APITimeoutError) else "connection_error"),
                    message=error.message,
                    request_id=error.request_id,
                )
                for index in chunk:
                    results[index] = BatchItemError(error=detail)
                    exceptions[index] = error
                continue
            assert outcome.value is not None
            items = outcome.value.results
            if len(items) != len(chunk):
                raise BondMCPError(
                    f"The server returned {len(items)} results for {len(chunk)} queries"
                )
            for index, item in zip(chunk, items, strict=True):
                results[index] = item
                key_or_none = keys[index]
                if key_or_none is not None and isinstance(item, AskResponse):
                    yield from self._cache_set(key_or_none, item.model_dump_json().encode())
        final: list[BatchItem] = [item for item in results if item is not None]
        return BatchAskResult(final, exceptions)

    def _job_wait_flow(
        self,
        http: httpx.Client | httpx.AsyncClient,
        job_id: str,
        poll_interval: float,
        timeout: float | None,
    ) -> Flow[JobStatus]:
        """Poll a job until it has finished; the last poll falls on the deadline."""
        if not poll_interval > 0:
            raise ValueError("poll_interval must be positive")
        if timeout is not None and timeout < 0:
            raise ValueError("timeout must not be negative")
        opts = self._job_retrieve_options(job_id, None, None)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            polled_at = time.monotonic()
            job = yield from self._request_flow(http, opts, JobStatus)
            if job.status in FINISHED_JOB_STATES:
                return job
            delay = poll_interval
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    if polled_at >= deadline - _ON_THE_DEADLINE:
                        assert timeout is not None
                        raise JobTimeoutError(job, timeout)
                    # The poll started before the deadline and ended after it (a slow
                    # response, a paused process): poll once more, so the status given
                    # up with is the one at the deadline.
                    delay = 0.0
                else:
                    delay = min(delay, remaining)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "Job %s is %s (%d of %d); polling again in %.2f s",
                    job.id,
                    job.status,
                    job.completed,
                    job.total,
                    delay,
                )
            yield Sleep(delay)

    @staticmethod
    def _job_next_cursor(page: JobStatus, cursor: str | None) -> str | None:
        """Check a page of job results; the cursor of the page after it, or None at the end."""
        if page.status not in FINISHED_JOB_STATES:
            raise JobNotFinishedError(page)
        if page.next_cursor is not None and page.next_cursor == cursor:
            raise BondMCPError(f"The server returned the same results page of job {page.id} twice")
        return page.next_cursor

    @staticmethod
    def _check_batch_args(queries: Iterable[str], concurrency: int, chunk_size: int) -> list[str]:
        if isinstance(queries, str | bytes):
            raise TypeError("batch_ask takes a list of queries, not a single string")
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if not 1 <= chunk_size <= MAX_BATCH_SIZE:
            raise ValueError(f"chunk_size must be between 1 and {MAX_BATCH_SIZE}")
        return list(queries)

    # ------------------------------------------------------------------------- helpers

    @staticmethod
    def _should_retry(status: int, code: str | None = None) -> bool:
        if status == 409:
            return code not in _FINAL_CONFLICTS
        return status in (408, 429) or status >= 500

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds before the next try, or None when the server asked for too long a wait."""
        hint = parse_retry_after(response.headers)
        if hint is None:
            return self.retry_policy.backoff(attempt)
        if hint > self.retry_policy.max_retry_after:
            return None
        return hint

    @staticmethod
    def _connection_error(
        request: httpx.Request, exc: httpx.TransportError
    ) -> tuple[APIConnectionError, bool]:
        """The SDK error for a transport failure, and whether trying again could help."""
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(request), True
        if _is_tls_verification_failure(exc):
            return (
                APIConnectionError(
                    request,
                    f"TLS certificate verification failed for {request.url.host}: {exc}. "
                    "Pass verify='/path/to/ca.pem' if the server uses a private CA.",
                ),
                False,
            )
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.LocalProtocolError):
            return APIConnectionError(request, f"Invalid request: {exc}"), False
        detail = str(exc) or type(exc).__name__
        return APIConnectionError(request, f"Connection error: {detail}"), True

    @staticmethod
    def _status_error(response: httpx.Response) -> APIStatusError:
        """The exception for a 4xx/5xx response, filled from our error envelope."""
        status = response.status_code
        body: object
        try:
            body = response.json()
        except ValueError:
            body = response.text or None
        code = type_ = param = message = request_id = None
        detail = body.get("error") if isinstance(body, dict) else None
        if isinstance(detail, dict):
            code = _str_or_none(detail.get("code"))
            type_ = _str_or_none(detail.get("type"))
            param = _str_or_none(detail.get("param"))
            message = _str_or_none(detail.get("message"))
            request_id = _str_or_none(detail.get("request_id"))
        request_id = request_id or response.headers.get("x-request-id")
        if message is None:
            text = body if isinstance(body, str) else response.reason_phrase
            message = (text or "").strip()[:200] or f"HTTP {status}"
        cls = _STATUS_ERRORS.get(status)
        kwargs: dict[str, Any] = {
            "response": response,
            "body": body,
            "code": code,
            "type": type_,
            "param": param,
            "request_id": request_id,
        }
        if cls is RateLimitError:
            return RateLimitError(
                message, retry_after=parse_retry_after(response.headers), **kwargs
            )
        if cls is None:
            cls = InternalServerError if status >= 500 else APIStatusError
        return cls(message, **kwargs)

    @staticmethod
    def _parse(response: httpx.Response, cast_to: type[M]) -> M:
        try:
            model = cast_to.model_validate_json(response.content)
        except ValidationError as exc:
            raise APIResponseValidationError(
                response,
                f"Unexpected response from {response.request.url.path} "
                f"({exc.error_count()} schema errors); are the client and server versions "
                "compatible?",
            ) from exc
        request_id = response.headers.get("x-request-id")
        if request_id is not None:
            if isinstance(model, AskResponse):
                if model.request_id is None:
                    model.request_id = request_id
            elif isinstance(model, BatchAskResponse):
                for item in model.results:
                    if isinstance(item, AskResponse) and item.request_id is None:
                        item.request_id = request_id
        return model

    @staticmethod
    def _log_retry(
        request: httpx.Request, attempt: int, max_retries: int, delay: float, reason: str
    ) -> None:
        logger.info(
            "Retrying %s %s in %.2f s (retry %d of %d) after: %s",
            request.method,
            request.url.path,
            delay,
            attempt + 1,
            max_retries,
            reason,
        )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


class SyncAPIClient(BaseClient):
    """Carries out request flows with a blocking ``httpx.Client``."""

    _http: httpx.Client
    _owns_http: bool

    def __init__(
        self,
        *,
        http_client: httpx.Client | None,
        verify: bool | str | ssl.SSLContext,
        **config: Any,
    ) -> None:
        super().__init__(**config)
        if self.cache is not None and inspect.iscoroutinefunction(getattr(self.cache, "get", None)):
            raise TypeError("Client needs a synchronous cache; use AsyncClient for this one")
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(f"http_client must be an httpx.Client, not {type(http_client)!r}")
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.Client(
                timeout=self.timeout, verify=_ssl_context(verify), follow_redirects=False
            )
        )
        self._prepare_fast_path(self._http, self._owns_http)

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    def close(self) -> None:
        """Close the connection pool, unless it was passed in as ``http_client``."""
        if self._owns_http:
            self._http.close()

    def _request(self, opts: RequestOptions, cast_to: type[M]) -> M:
        """One API call through the shared flow: retries, errors, parsing."""
        return self._run(self._request_flow(self._http, opts, cast_to))

    def _run(self, flow: Flow[T]) -> T:
        value: Any = None
        error: Exception | None = None
        try:
            while True:
                try:
                    action = flow.send(value) if error is None else flow.throw(error)
                except StopIteration as stop:
                    result: T = stop.value
                    return result
                value, error = None, None
                try:
                    value = self._perform(action)
                except Exception as exc:
                    error = exc
        finally:
            flow.close()

    def _perform(self, action: Action) -> Any:
        if isinstance(action, Send):
            return self._http.send(action.request)
        if isinstance(action, Sleep):
            time.sleep(action.seconds)
            return None
        if isinstance(action, CacheGet | CacheSet):
            cache = self.cache
            assert cache is not None
            result = (
                cache.get(action.key)
                if isinstance(action, CacheGet)
                else cache.set(action.key, action.value)
            )
            if inspect.isawaitable(result):
                close = getattr(result, "close", None)
                if close is not None:
                    close()
                raise TypeError("Client needs a synchronous cache; use AsyncClient for this one")
            return result
        if isinstance(action, Gather):
            if action.concurrency <= 1 or len(action.flows) <= 1:
                return [self._capture(flow) for flow in action.flows]
            workers = min(action.concurrency, len(action.flows))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bondmcp") as pool:
                return list(pool.map(self._capture, action.flows))
        raise AssertionError(f"unknown action {action!r}")

    def _capture(self, flow: Flow[T]) -> Outcome[T]:
        try:
            return Outcome(value=self._run(flow))
        except Exception as exc:
            return Outcome(error=exc)


class AsyncAPIClient(BaseClient):
    """Carries out request flows with an ``httpx.AsyncClient``, never blocking the loop."""

    _http: httpx.AsyncClient
    _owns_http: bool

    def __init__(
        self,
        *,
        http_client: httpx.AsyncClient | None,
        verify: bool | str | ssl.SSLContext,
        **config: Any,
    ) -> None:
        super().__init__(**config)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(f"http_client must be an httpx.AsyncClient, not {type(http_client)!r}")
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(
                timeout=self.timeout, verify=_ssl_context(verify), follow_redirects=False
            )
        )
        self._prepare_fast_path(self._http, self._owns_http)

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    async def close(self) -> None:
        """Close the connection pool, unless it was passed in as ``http_client``."""
        if self._owns_http:
            await self._http.aclose()

    async def _request(self, opts: RequestOptions, cast_to: type[M]) -> M:
        """One API call through the shared flow: retries, errors, parsing."""
        return await self._run(self._request_flow(self._http, opts, cast_to))

    async def _run(self, flow: Flow[T]) -> T:
        value: Any = None
        error: Exception | None = None
        try:
            while True:
                try:
                    action = flow.send(value) if error is None else flow.throw(error)
                except StopIteration as stop:
                    result: T = stop.value
                    return result
                value, error = None, None
                try:
                    value = await self._perform(action)
                except Exception as exc:
                    error = exc
        finally:
            flow.close()

    async def _perform(self, action: Action) -> Any:
        if isinstance(action, Send):
            return await self._http.send(action.request)
        if isinstance(action, Sleep):
            await asyncio.sleep(action.seconds)
            return None
        if isinstance(action, CacheGet | CacheSet):
            cache = self.cache
            assert cache is not None
            result: Any = (
                cache.get(action.key)
                if isinstance(action, CacheGet)
                else cache.set(action.key, action.value)
            )
            if inspect.isawaitable(result):
                result = await result
            return result
        if isinstance(action, Gather):
            semaphore = asyncio.Semaphore(action.concurrency)

            async def bounded(flow: Flow[Any]) -> Outcome[Any]:
                async with semaphore:
                    return await self._capture(flow)

            return list(await asyncio.gather(*(bounded(flow) for flow in action.flows)))
        raise AssertionError(f"unknown action {action!r}")

    async def _capture(self, flow: Flow[T]) -> Outcome[T]:
        try:
            return Outcome(value=await self._run(flow))
        except Exception as exc:
            return Outcome(error=exc)
