"""Exceptions raised by the SDK, one class per HTTP status family.

Callers branch on the class (``except bondmcp.RateLimitError``), so every HTTP status the API
documents has its own class, and every class carries what a support request needs: the
status, the stable ``code`` from the error envelope and the ``request_id`` the server logged.
The hierarchy mirrors the widely used OpenAI and Anthropic clients so that code written for
them reads the same here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from bondmcp.types import JobStatus

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BondMCPError",
    "CircuitOpenError",
    "ConflictError",
    "InternalServerError",
    "JobNotFinishedError",
    "JobTimeoutError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WebhookVerificationError",
]


class BondMCPError(Exception):
    """Root of every error the SDK raises, including configuration mistakes.

    Catching this one class is enough to keep a caller's fallback path free of surprises.
    """


class APIError(BondMCPError):
    """A request to the API did not produce a usable response.

    ``request`` is the request that failed; ``code``, ``type``, ``param`` and ``request_id``
    are filled in whenever the server said them, and are ``None`` otherwise.
    """

    message: str
    request: httpx.Request
    body: object | None
    code: str | None
    type: str | None
    param: str | None
    request_id: str | None

    def __init__(
        self,
        message: str,
        request: httpx.Request,
        *,
        body: object | None = None,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.code = code
        self.type = type
        self.param = param
        self.request_id = request_id


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status.

    ``message`` is the server's explanation; ``str(error)`` adds the status, the code and the
    request id. Raised as-is for statuses without a dedicated subclass (405, 408, ...).
    """

    response: httpx.Response
    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None = None,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(
            message,
            response.request,
            body=body,
            code=code,
            type=type,
            param=param,
            request_id=request_id,
        )
        self.response = response
        self.status_code = response.status_code
        # str(error) is what lands in logs: make it say everything needed to follow up.
        summary = (
            f"{self.status_code} {code}: {message}" if code else f"{self.status_code}: {message}"
        )
        if request_id:
            summary += f" (request_id: {request_id})"
        self.args = (summary,)


class BadRequestError(APIStatusError):
    """400: the request could not be read (for example ``invalid_json``)."""


class AuthenticationError(APIStatusError):
    """401: the key is missing, unknown, expired or for another environment."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but lacks the scope for this call."""


class NotFoundError(APIStatusError):
    """404: no such resource (often a wrong ``base_url`` path prefix)."""


class ConflictError(APIStatusError):
    """409: an idempotent request with the same key is still running or differs."""


class PayloadTooLargeError(APIStatusError):
    """413: the body exceeds the server's configured limit."""


class UnprocessableEntityError(APIStatusError):
    """422: the body was read but is invalid (``invalid_request``, ``batch_too_large``)."""


class RateLimitError(APIStatusError):
    """429: the key's quota is spent.

    ``retry_after`` is how many seconds the server asked the caller to wait, when it said so.
    """

    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        retry_after: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, response=response, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the server or something in front of it failed; usually worth retrying later."""


class APIConnectionError(APIError):
    """No HTTP response arrived: refused, reset, dropped mid-response, TLS failure."""

    def __init__(self, request: httpx.Request, message: str = "Connection error.") -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    """The response did not arrive within the configured timeout."""

    def __init__(self, request: httpx.Request, message: str = "Request timed out.") -> None:
        super().__init__(request, message)


class APIResponseValidationError(APIError):
    """A success response did not match the documented schema.

    Usually means the client and server versions disagree; never retried.
    """

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, message: str) -> None:
        super().__init__(message, response.request, request_id=response.headers.get("x-request-id"))
        self.response = response
        self.status_code = response.status_code


class CircuitOpenError(APIError):
    """The circuit breaker is open: the request was not sent.

    Failing fast keeps a struggling server from being hammered and keeps the caller's
    latency bounded. ``retry_after`` is the number of seconds until a trial request is let
    through again.
    """

    retry_after: float

    def __init__(self, request: httpx.Request, retry_after: float) -> None:
        super().__init__(
            f"Circuit breaker is open after repeated failures; not sending the request. "
            f"A trial request is allowed in {retry_after:.1f} s.",
            request,
            code="circuit_open",
        )
        self.retry_after = retry_after


class JobTimeoutError(BondMCPError, TimeoutError):
    """``jobs.wait()`` gave up before the job finished; the job itself keeps running.

    ``job`` is the last status polled, so progress (``completed`` of ``total``) can be
    reported; call ``wait()`` again to keep waiting, or ``cancel()`` to stop the job.
    """

    job: JobStatus
    timeout: float

    def __init__(self, job: JobStatus, timeout: float) -> None:
        super().__init__(
            f"Job {job.id} is still {job.status} after {timeout:g} s "
            f"({job.completed} of {job.total} queries done)"
        )
        self.job = job
        self.timeout = timeout


class JobNotFinishedError(BondMCPError):
    """``jobs.results()`` was asked for the results of a job that is still queued or running.

    ``job`` is its current status; ``jobs.wait()`` waits for it to finish.
    """

    job: JobStatus

    def __init__(self, job: JobStatus) -> None:
        super().__init__(
            f"Job {job.id} is {job.status}: its results are available once it has finished "
            "(use jobs.wait() first)"
        )
        self.job = job


class WebhookVerificationError(BondMCPError):
    """A webhook request failed verification and must not be acted on.

    ``reason`` says which check failed, for logs and metrics: ``missing_signature``,
    ``malformed_signature``, ``invalid_signature``, ``invalid_payload``, ``stale``,
    ``future`` or ``replayed``. Answer such a request with a 4xx and do nothing else.
    """

    reason: str

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
