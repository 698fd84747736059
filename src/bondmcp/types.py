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
    "MAX_QUERY_CHARS",
    "AskRequest",
    "AskResponse",
    "BatchAskRequest",
    "BatchAskResponse",
    "BatchItemError",
    "Citation",
    "DependencyStatus",
    "ErrorDetail",
    "ErrorEnvelope",
    "Evidence",
    "HealthResponse",
    "PingResponse",
    "ReadyResponse",
    "SearchRequest",
    "SearchResponse",
    "SearchResult",
    "Triage",
]

#: Longest query the API accepts, in characters.
MAX_QUERY_CHARS = 4000
#: Most queries one ``/v1/ask/batch`` request may carry.
MAX_BATCH_SIZE = 50

Triage = Literal["emergency", "urgent", "routine"]

Query = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=MAX_QUERY_CHARS, pattern=r"\S"
    ),
]


def _whole_number(value: object) -> object:
    # JSON Schema counts 25.0 as an integer; accept it, but never strings or fractions.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


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


class PingResponse(_Model):
    status: Literal["ok"]
    version: str
    environment: str
    key_id: str
