"""Answering: ``/v1/ask`` and ``/v1/ask/batch``.

A query is de-identified first; the engine, the cache key and everything downstream see
only the de-identified text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel
from starlette.responses import Response

from bondmcp.engine.engine import Answer
from bondmcp.server import metrics, response_ids
from bondmcp.server.deps import AskKey, ServicesDep
from bondmcp.server.errors import APIError, error_body
from bondmcp.server.idempotency import run_idempotent
from bondmcp.server.services import Services
from bondmcp.store import ApiKeyRecord
from bondmcp.types import (
    MAX_BATCH_SIZE,
    MAX_QUERY_CHARS,
    AskRequest,
    AskResponse,
    BatchAskRequest,
    BatchAskResponse,
    BatchItemError,
    Citation,
    ErrorDetail,
    ErrorEnvelope,
    Evidence,
)

logger = logging.getLogger("bondmcp.server")
router = APIRouter(prefix="/v1", tags=["answers"])

_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorEnvelope} for code in (400, 401, 403, 409, 413, 422, 429)
}


def answer_id(services: Services, request: Request, triage: str, confidence: float) -> str:
    return response_ids.mint(services.secret, request.state.key_id, triage, confidence)


def wire_citations(answer: Answer) -> list[Citation]:
    return [
        Citation(
            source_id=c.source_id,
            title=c.title,
            url=c.url,
            publisher=c.publisher,
            section=c.section,
            attribution=c.attribution,
        )
        for c in answer.citations
    ]


def wire_evidence(answer: Answer) -> list[Evidence]:
    return [Evidence(sentence=s, source_id=sid) for s, sid in answer.evidence]


def present(
    services: Services, answer: Answer, request: Request, *, cached: bool = False
) -> AskResponse:
    """The wire form of an engine answer."""
    return AskResponse(
        id=answer_id(services, request, answer.triage, answer.confidence),
        answer=answer.text,
        confidence=answer.confidence,
        processing_time=elapsed(request),
        citations=wire_citations(answer),
        triage=answer.triage,
        in_scope=answer.in_scope,
        disclaimer=answer.disclaimer,
        cached=cached,
        kb_version=answer.kb_version,
        evidence=wire_evidence(answer),
        request_id=request.state.request_id,
    )


def elapsed(request: Request) -> float:
    started: float = request.state.started
    return round(time.perf_counter() - started, 6)


def wants_fresh(request: Request) -> bool:
    return "no-cache" in request.headers.get("cache-control", "").lower()


def answer_query(
    services: Services, request: Request, query: str, locale: str | None
) -> AskResponse:
    """Answer one query through the cache; the raw query never leaves this function."""
    clean = services.deidentify(query)
    locale = locale or services.settings.locale
    request.state.query_hash = services.cache.key(clean)[:32]
    engine = services.engine
    if wants_fresh(request) or services.cache.ttl == 0:
        metrics.CACHE.labels("bypass").inc()
        response = present(services, engine.ask(clean, locale), request)
    else:
        key = services.cache.key(clean, locale, engine.kb_version)
        raw, cached = services.cache.get_or_compute(
            key,
            lambda: (
                present(services, engine.ask(clean, locale), request).model_dump_json().encode()
            ),
        )
        response = services.cache.decoded(key, raw, AskResponse.model_validate_json)
        if cached:
            response = response.model_copy(
                update={
                    "id": answer_id(services, request, response.triage, response.confidence),
                    "processing_time": elapsed(request),
                    "cached": True,
                    "request_id": request.state.request_id,
                }
            )
    metrics.CONFIDENCE.observe(response.confidence)
    metrics.TRIAGE.labels(response.triage).inc()
    if not response.in_scope:
        metrics.OUT_OF_SCOPE.inc()
    return response


async def respond(
    request: Request,
    services: Services,
    key: ApiKeyRecord,
    body: BaseModel,
    compute: Callable[[], BaseModel],
) -> Response:
    """Run ``compute`` on the event loop when it is one short answer with no I/O (an
    in-process cache and no Idempotency-Key to look up), else in the thread pool. One answer
    is a millisecond of CPU, where a thread would only add a hand-off; database and Redis
    calls, and batches of many answers, must not hold up the loop's other requests."""
    short = not isinstance(body, BatchAskRequest)
    if short and services.redis is None and "idempotency-key" not in request.headers:
        return run_idempotent(request, services, key, body, compute)
    return await run_in_threadpool(run_idempotent, request, services, key, body, compute)


@router.post(
    "/ask", response_model=AskResponse, responses=_ERRORS, summary="Answer a health question"
)
async def ask(body: AskRequest, request: Request, key: AskKey, services: ServicesDep) -> Response:
    """A grounded, cited answer, with triage, scope and a calibrated confidence.

    Send `Cache-Control: no-cache` to bypass the answer cache."""

    def compute() -> AskResponse:
        response = answer_query(services, request, body.query, body.locale)
        request.state.log_fields = {
            "query_length": len(body.query),
            "confidence": response.confidence,
            "triage": response.triage,
            "cached": response.cached,
        }
        return response

    return await respond(request, services, key, body, compute)


def _item_error(code: str, message: str, request: Request) -> BatchItemError:
    envelope = error_body(422, code, message, request.state.request_id)
    return BatchItemError(error=ErrorDetail(**envelope["error"]))


@router.post(
    "/ask/batch",
    response_model=BatchAskResponse,
    responses=_ERRORS,
    summary="Answer several questions in one request",
)
async def ask_batch(
    body: BatchAskRequest, request: Request, key: AskKey, services: ServicesDep
) -> Response:
    """Answers in input order. A query that fails carries its own ``error``; the rest
    are still answered."""
    if len(body.queries) > MAX_BATCH_SIZE:
        raise APIError(
            422,
            "batch_too_large",
            f"A batch holds at most {MAX_BATCH_SIZE} queries; this one has {len(body.queries)}.",
            param="queries",
        )

    def compute() -> BatchAskResponse:
        results: list[AskResponse | BatchItemError] = []
        for index, query in enumerate(body.queries):
            text = query.strip()
            if not text:
                results.append(
                    _item_error("invalid_query", f"queries.{index}: the query is empty.", request)
                )
            elif len(text) > MAX_QUERY_CHARS:
                message = f"queries.{index}: the query exceeds {MAX_QUERY_CHARS} characters."
                results.append(_item_error("invalid_query", message, request))
            else:
                try:
                    results.append(answer_query(services, request, text, body.locale))
                except Exception:
                    logger.exception("batch item failed", extra={"index": index})
                    envelope = error_body(
                        500,
                        "internal_error",
                        "This query could not be answered.",
                        request.state.request_id,
                    )
                    results.append(BatchItemError(error=ErrorDetail(**envelope["error"])))
        request.state.log_fields = {
            "queries": len(body.queries),
            "query_length": sum(len(q) for q in body.queries),
            "cached": sum(1 for r in results if isinstance(r, AskResponse) and r.cached),
        }
        return BatchAskResponse(results=results)

    return await respond(request, services, key, body, compute)
