"""Wire types of the v1 HTTP API, shared by the SDK and the server.

This module is the contract: the server validates requests and serialises responses with
these models, and the SDK parses responses into them. It depends on pydantic only, so the
light SDK install can import it. Fields may be added; existing ones never change meaning.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

__all__ = [
    "MAX_BATCH_SIZE",
    "MAX_JOB_PAGE",
    "MAX_JOB_QUERIES",
    "MAX_QUERY_CHARS",
    "AskRequest",
    "AskResponse",
    "BatchAskRequest",
    "BatchAskResponse",
    "BatchItemError",
    "Citation",
    "DeidentifiedEntity",
    "DeidentifyRequest",
    "DeidentifyResponse",
    "DependencyStatus",
    "ErrorDetail",
    "ErrorEnvelope",
    "Evidence",
    "FeedbackRequest",
    "FeedbackResponse",
    "FeedbackSummary",
    "HealthResponse",
    "JobCreateRequest",
    "JobCreated",
    "JobState",
    "JobStatus",
    "KeyCreateRequest",
    "KeyCreated",
    "KeyInfo",
    "KeyList",
    "KeyRotateRequest",
    "PingResponse",
    "RateLimitStatus",
    "ReadyResponse",
    "SearchRequest",
    "SearchResponse",
    "SearchResult",
    "Triage",
    "UsageDay",
    "UsageResponse",
    "WebhookEvent",
    "WebhookEventData",
]

#: Longest query the API accepts, in characters.
MAX_QUERY_CHARS = 4000
#: Most queries one ``/v1/ask/batch`` request may carry.
MAX_BATCH_SIZE = 50

Triage = Literal["emergency", "urgent", "routine"]
Scope = Literal["ask", "admin"]

#: Whitespace as JSON Schema's regular expressions (ECMA-262) define it, so that what the
#: published schema calls blank is exactly what the server strips and rejects.
BLANK = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def _strip_blank(value: object) -> object:
    return value.strip(BLANK) if isinstance(value, str) else value


Query = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_QUERY_CHARS, pattern=f"[^{BLANK}]"),
    BeforeValidator(_strip_blank),  # runs first: strip, then check the constraints
]


def _whole_number(value: object) -> object:
    # JSON Schema counts 25.0 as an integer; accept it, but never strings or fractions.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
# Constraints before the validator, so they also appear in the published JSON Schema.
Rating = Annotated[int, Field(ge=1, le=5), BeforeValidator(_whole_number)]


class _Model(BaseModel):
    # Responses tolerate fields added by newer servers; requests reject unknown fields.
    model_config = ConfigDict(extra="allow", frozen=False)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ErrorDetail(_Model):
    type: str = Field(description="Error family, e.g. invalid_request_error, authentication_error.")
    code: str = Field(description="Stable machine-readable code, e.g. invalid_api_key.")
    message: str = Field(description="Human-readable explanation.")
    request_id: str | None = Field(default=None, description="The X-Request-ID of the request.")
    param: str | None = Field(default=None, description="The request field at fault, if any.")


class ErrorEnvelope(_Model):
    error: ErrorDetail


class Citation(_Model):
    source_id: str = Field(description="Stable id of the cited passage.")
    title: str
    url: str
    publisher: str | None = None
    section: str | None = None
    attribution: str | None = Field(
        default=None, description="Credit line or license, if required."
    )


class Evidence(_Model):
    sentence: str = Field(description="One sentence of the answer.")
    source_id: str = Field(description="The cited passage it was taken from.")


class AskRequest(_Request):
    query: Query = Field(description="The health question, in plain language.")
    locale: Literal["us", "gb", "eu"] | None = Field(
        default=None,
        description="Selects emergency and crisis numbers; the server default if omitted.",
    )


class AskResponse(_Model):
    id: str = Field(description="Unique id of this answer (use it to send feedback).")
    answer: str
    confidence: float = Field(ge=0.0, le=1.0)
    processing_time: float = Field(ge=0.0, description="Seconds spent in the server.")
    citations: list[Citation]
    triage: Triage
    in_scope: bool
    disclaimer: str
    cached: bool
    kb_version: str
    evidence: list[Evidence] = Field(default_factory=list)
    request_id: str | None = None


class BatchAskRequest(_Request):
    queries: list[str] = Field(
        min_length=1, description=f"1 to {MAX_BATCH_SIZE} questions, answered in order."
    )
    locale: Literal["us", "gb", "eu"] | None = None


class BatchItemError(_Model):
    error: ErrorDetail


class BatchAskResponse(_Model):
    results: list[AskResponse | BatchItemError]


class SearchRequest(_Request):
    query: Query
    limit: WholeNumber = Field(default=5, ge=1, le=50)


class SearchResult(_Model):
    source_id: str
    title: str
    url: str
    score: float
    text: str
    section: str | None = None
    publisher: str | None = None


class SearchResponse(_Model):
    results: list[SearchResult]


class HealthResponse(_Model):
    status: Literal["healthy"]
    version: str


class DependencyStatus(_Model):
    status: Literal["up", "down", "degraded"]
    detail: str | None = None


class ReadyResponse(_Model):
    status: Literal["ready", "not_ready"]
    dependencies: dict[str, DependencyStatus]


class UsageDay(_Model):
    date: str
    requests: int
    errors: int


class RateLimitStatus(_Model):
    limit: int
    remaining: int
    reset: int = Field(description="Seconds until the window resets.")


class FeedbackSummary(_Model):
    answers_with_feedback: int
    rated_answers: int
    mean_rating: float | None
    unhelpful_rate_by_triage: dict[str, float]
    unhelpful_rate_by_confidence_band: dict[str, float]


class UsageResponse(_Model):
    key_id: str
    rate_limit: RateLimitStatus
    days: list[UsageDay] = Field(description="Requests and errors per UTC day, last 30 days.")
    feedback: FeedbackSummary


class FeedbackRequest(_Request):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "anyOf": [
                {"required": ["rating"], "properties": {"rating": {"type": "integer"}}},
                {"required": ["helpful"], "properties": {"helpful": {"type": "boolean"}}},
            ]
        },
    )

    response_id: str = Field(min_length=1, max_length=80, description="The `id` of an answer.")
    rating: Rating | None = None
    helpful: bool | None = None
    comment: str | None = Field(default=None, max_length=2000)
    user: str | None = Field(
        default=None,
        max_length=128,
        description="Your opaque id for the end user, kept only as a keyed hash for erasure requests.",
    )


class FeedbackResponse(_Model):
    response_id: str
    recorded: bool


class DeidentifyRequest(_Request):
    text: str = Field(max_length=100_000)


class DeidentifiedEntity(_Model):
    type: str
    start: int
    end: int


class DeidentifyResponse(_Model):
    text: str
    entities: list[DeidentifiedEntity]


class KeyCreateRequest(_Request):
    name: str = Field(min_length=1, max_length=200)
    scopes: list[Scope] = Field(default_factory=lambda: list[Scope](["ask"]), min_length=1)
    rate_limit: str | None = Field(default=None, max_length=50, description="e.g. 20/minute")
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)


class KeyRotateRequest(_Request):
    grace_period_seconds: int = Field(default=86400, ge=0, le=90 * 86400)


class KeyInfo(_Model):
    id: str
    name: str
    environment: str
    prefix: str
    scopes: list[str]
    rate_limit: str | None
    status: Literal["active", "expired", "revoked"]
    created_at: str
    expires_at: str | None
    revoked_at: str | None
    last_used_at: str | None
    rotated_from: str | None
    age_days: int
    rotation_due: bool


class KeyCreated(KeyInfo):
    key: str = Field(description="The secret key. Shown once; store it now.")


class KeyList(_Model):
    keys: list[KeyInfo]


MAX_JOB_QUERIES = 50_000
MAX_JOB_PAGE = 1000

JobState = Literal["queued", "running", "completed", "failed", "cancelled"]


class JobCreateRequest(_Request):
    queries: list[str] = Field(
        min_length=1, description=f"1 to {MAX_JOB_QUERIES} questions, answered in order."
    )
    webhook_url: str | None = Field(
        default=None, max_length=2000, description="Receives a signed event when the job ends."
    )
    metadata: dict[str, str | int | float | bool] | None = Field(
        default=None, description="Up to 20 small values of yours, returned with the job."
    )
    locale: Literal["us", "gb", "eu"] | None = None


class JobCreated(_Model):
    id: str
    status: JobState


class JobStatus(_Model):
    id: str
    status: JobState
    total: int
    completed: int = Field(description="Queries answered so far (including per-item errors).")
    failed: int = Field(description="Queries that ended with an error.")
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    metadata: dict[str, str | int | float | bool] | None = None
    webhook_url: str | None = None
    results: list[AskResponse | BatchItemError] | None = Field(
        default=None, description="When completed: results in input order, one page at a time."
    )
    next_cursor: str | None = Field(default=None, description="Pass as ?cursor= for the next page.")


class WebhookEventData(_Model):
    job_id: str
    status: JobState
    total: int
    completed: int
    failed: int


class WebhookEvent(_Model):
    """The JSON body POSTed to a job's webhook_url. ``X-BondMCP-Signature: sha256=<hex>``
    is the HMAC-SHA256 of the raw body under the server's webhook secret."""

    id: str = Field(description="Unique event id (evt_...): reject repeats.")
    type: Literal["job.completed", "job.failed", "job.cancelled"]
    created_at: int = Field(description="Unix time in seconds: reject old events.")
    data: WebhookEventData


class PingResponse(_Model):
    status: Literal["ok"]
    version: str
    environment: str
    key_id: str
