"""Answering: ``/v1/ask`` and ``/v1/ask/batch``.

A query is de-identified first; the engine, the cache key and everything downstream see
only the de-identified text.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ValidationError
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bondmcp.engine.engine import TRIAGE_SOURCE_PREFIX, Answer
from bondmcp.server import metrics, response_ids
from bondmcp.server.cache import PendingRead
from bondmcp.server.deps import AskKey, ServicesDep, admit
from bondmcp.server.errors import APIError, PayloadTooLarge, error_body
from bondmcp.server.idempotency import (
    lookup_idempotent_async,
    run_idempotent,
    valid_idempotency_key,
)
from bondmcp.server.services import Services
from bondmcp.store import ApiKeyRecord
from bondmcp.store.idempotency import StoredResponse
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


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asked, and for which request: what an answer needs besides the question."""

    key_id: str
    request_id: str
    started: float  # time.perf_counter() when the request arrived
    fresh: bool = False  # bypass the answer cache (``Cache-Control: no-cache``)

    @classmethod
    def of(cls, request: Request) -> Caller:
        return cls(
            key_id=request.state.key_id,
            request_id=request.state.request_id,
            started=request.state.started,
            fresh=wants_fresh(request.headers.get("cache-control", "")),
        )

    def elapsed(self) -> float:
        return round(time.perf_counter() - self.started, 6)


def wants_fresh(cache_control: str) -> bool:
    return "no-cache" in cache_control.lower()


def answer_id(services: Services, caller: Caller, triage: str, confidence: float) -> str:
    return response_ids.mint(services.secret, caller.key_id, triage, confidence)


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


def triage_category(citations: Sequence[Citation]) -> str | None:
    """The triage category an answer's guidance cites (``triage:<category>``), if any."""
    for citation in citations:
        if citation.source_id.startswith(TRIAGE_SOURCE_PREFIX):
            return citation.source_id.removeprefix(TRIAGE_SOURCE_PREFIX)
    return None


def wire_evidence(answer: Answer) -> list[Evidence]:
    return [Evidence(sentence=s, source_id=sid) for s, sid in answer.evidence]


def present(services: Services, answer: Answer, caller: Caller) -> AskResponse:
    """The wire form of a freshly computed engine answer."""
    return AskResponse(
        id=answer_id(services, caller, answer.triage, answer.confidence),
        answer=answer.text,
        confidence=answer.confidence,
        processing_time=caller.elapsed(),
        citations=wire_citations(answer),
        triage=answer.triage,
        in_scope=answer.in_scope,
        disclaimer=answer.disclaimer,
        cached=False,
        kb_version=answer.kb_version,
        evidence=wire_evidence(answer),
        request_id=caller.request_id,
    )


_MARKS = {'"@@id@@"': "id", '"@@time@@"': "processing_time", '"@@rid@@"': "request_id"}
_MARK = re.compile("|".join(re.escape(mark) for mark in _MARKS))


class CachedAnswer:
    """A cached answer, parsed once per process and rendered per hit.

    Only the id, the processing time and the request id differ between two hits on the
    same answer, so the JSON is kept as fixed text around those three slots: a hit costs
    a string join instead of a model copy and a full serialisation.
    """

    __slots__ = ("_order", "_parts", "model", "triage_category")

    def __init__(self, raw: bytes) -> None:
        self.model = AskResponse.model_validate_json(raw)
        self.triage_category = triage_category(self.model.citations)
        marked = self.model.model_dump(mode="json")
        marked.update(id="@@id@@", processing_time="@@time@@", request_id="@@rid@@", cached=True)
        text = json.dumps(marked, ensure_ascii=False, separators=(",", ":"))
        self._parts: list[str] = _MARK.split(text)
        if len(self._parts) != len(_MARKS) + 1:
            raise ValueError("a cached answer's text contains a slot marker")
        self._order = [_MARKS[m] for m in _MARK.findall(text)]

    def render(self, answer_id: str, processing_time: float, request_id: str) -> bytes:
        values = {
            "id": json.dumps(answer_id),
            "processing_time": repr(processing_time),
            "request_id": json.dumps(request_id),
        }
        parts = self._parts
        out = [parts[0]]
        for index, name in enumerate(self._order, start=1):
            out.append(values[name])
            out.append(parts[index])
        return "".join(out).encode()

    def response(self, answer_id: str, processing_time: float, request_id: str) -> AskResponse:
        return self.model.model_copy(
            update={
                "id": answer_id,
                "processing_time": processing_time,
                "cached": True,
                "request_id": request_id,
            }
        )


@dataclass(slots=True)
class Answered:
    """One answered question, as the wire model or as JSON bytes, whichever is wanted."""

    confidence: float
    triage: str
    in_scope: bool
    cached: bool
    query_hash: str
    triage_category: str | None = None
    _fresh: AskResponse | None = None
    _hit: tuple[CachedAnswer, str, float, str] | None = None

    def response(self) -> AskResponse:
        if self._hit is not None:
            hit, answer_id, processing_time, request_id = self._hit
            return hit.response(answer_id, processing_time, request_id)
        assert self._fresh is not None
        return self._fresh

    def body(self) -> bytes:
        if self._hit is not None:
            hit, answer_id, processing_time, request_id = self._hit
            return hit.render(answer_id, processing_time, request_id)
        assert self._fresh is not None
        return self._fresh.model_dump_json().encode()


def answer_query(services: Services, caller: Caller, query: str, locale: str | None) -> Answered:
    """Answer one query through the cache; the raw query never leaves this function.
    May block on Redis and the engine: the loop's requests go through ``answer_query_async``."""
    clean = services.deidentify(query)
    locale = locale or services.settings.locale
    query_hash = services.cache.key(clean)[:32]
    engine = services.engine
    if caller.fresh or services.cache.ttl == 0:
        metrics.CACHE_BYPASS.inc()
        return _counted(_fresh(services, caller, engine.ask(clean, locale), query_hash))
    key = services.cache.key(clean, locale, engine.kb_version)
    computed: list[AskResponse] = []

    def compute() -> bytes:
        computed.append(present(services, engine.ask(clean, locale), caller))
        return computed[0].model_dump_json().encode()

    raw, cached = services.cache.get_or_compute(key, compute)
    if computed and not cached:
        answered = Answered(
            computed[0].confidence,
            computed[0].triage,
            computed[0].in_scope,
            False,
            query_hash,
            triage_category(computed[0].citations),
            _fresh=computed[0],
        )
        return _counted(answered)
    return _counted(_from_cache(services, caller, key, raw, query_hash))


@dataclass(frozen=True, slots=True)
class SharedRead:
    """A shared-cache read started for a question (see ``read_shared``)."""

    pending: PendingRead
    clean: str  # the de-identified question


def read_shared(services: Services, query: str, locale: str | None) -> SharedRead:
    """Start reading the answer to ``query`` from the shared cache."""
    clean = services.deidentify(query)
    key = services.cache.key(clean, locale or services.settings.locale, services.engine.kb_version)
    return SharedRead(services.cache.read_ahead(key), clean)


def reads_shared_cache(services: Services, fresh: bool) -> bool:
    return services.redis is not None and not fresh and services.cache.ttl > 0


async def answer_query_async(
    services: Services,
    caller: Caller,
    query: str,
    locale: str | None,
    read: SharedRead | None = None,
) -> Answered:
    """``answer_query`` from the event loop. A cache hit, and an answer that bypasses the
    cache, are served in the loop (Redis reads go out in the loop's pipeline, the one
    ``read`` started if given); a miss computes in a worker thread when the cache is
    shared, since its single flight waits on Redis, and in the loop otherwise, like the
    engine's other CPU-bound work."""
    if not reads_shared_cache(services, caller.fresh):
        return answer_query(services, caller, query, locale)
    if read is None:
        read = read_shared(services, query, locale)
    raw = await read.pending.result()
    if raw is None:
        return await run_in_threadpool(answer_query, services, caller, query, locale)
    metrics.CACHE_HIT.inc()
    key, query_hash = read.pending.key, services.cache.key(read.clean)[:32]
    return _counted(_from_cache(services, caller, key, raw, query_hash))


def _fresh(services: Services, caller: Caller, answer: Answer, query_hash: str) -> Answered:
    fresh = present(services, answer, caller)
    return Answered(
        fresh.confidence,
        fresh.triage,
        fresh.in_scope,
        False,
        query_hash,
        triage_category(fresh.citations),
        _fresh=fresh,
    )


def _from_cache(
    services: Services, caller: Caller, key: str, raw: bytes, query_hash: str
) -> Answered:
    hit = services.cache.decoded(key, raw, CachedAnswer)
    model = hit.model
    mint = answer_id(services, caller, model.triage, model.confidence)
    return Answered(
        model.confidence,
        model.triage,
        model.in_scope,
        True,
        query_hash,
        hit.triage_category,
        _hit=(hit, mint, caller.elapsed(), caller.request_id),
    )


def _counted(answered: Answered) -> Answered:
    metrics.CONFIDENCE.observe(answered.confidence)
    metrics.TRIAGE.labels(answered.triage).inc()
    if answered.triage != "routine" and answered.triage_category is not None:
        metrics.TRIAGE_FLAGS.labels(answered.triage_category).inc()
    if not answered.in_scope:
        metrics.OUT_OF_SCOPE.inc()
    return answered


def answer_request(
    services: Services, request: Request, query: str, locale: str | None
) -> AskResponse:
    """``answer_query`` for a question that arrived in ``request`` (its hash joins the
    request's audit record)."""
    answered = answer_query(services, Caller.of(request), query, locale)
    request.state.query_hash = answered.query_hash
    return answered.response()


async def respond(
    request: Request,
    services: Services,
    key: ApiKeyRecord,
    body: BaseModel,
    compute: Callable[[], BaseModel],
) -> Response:
    """Run ``compute`` through the idempotency store in the thread pool. The route sees
    batches and asks that carry an Idempotency-Key (``AskFastPath`` serves the rest): both
    do database work, and a batch is many answers, so neither may hold up the event loop."""
    return await run_in_threadpool(run_idempotent, request, services, key, body, compute)


def log_answer(state: dict[str, Any], query: str, answered: Answered) -> None:
    """The request log's fields for one answer: sizes and outcomes, never the text."""
    state["query_hash"] = answered.query_hash
    state["log_fields"] = {
        "query_length": len(query),
        "confidence": answered.confidence,
        "triage": answered.triage,
        "cached": answered.cached,
    }


@router.post(
    "/ask", response_model=AskResponse, responses=_ERRORS, summary="Answer a health question"
)
async def ask(body: AskRequest, request: Request, key: AskKey, services: ServicesDep) -> Response:
    """A grounded, cited answer, with triage, scope and a calibrated confidence.

    Send `Cache-Control: no-cache` to bypass the answer cache."""

    def compute() -> AskResponse:
        answered = answer_query(services, Caller.of(request), body.query, body.locale)
        log_answer(request.scope["state"], body.query, answered)
        return answered.response()

    return await respond(request, services, key, body, compute)


class AskFastPath:
    """``POST /v1/ask`` in its everyday form, served without FastAPI's per-request work.

    Most traffic is one question with a valid body, with or without an Idempotency-Key
    (every SDK call sends one). For those this handler parses the body with the same model,
    admits the key with the same function as the ``AskKey`` dependency, replays or
    remembers through the same idempotency store and answers through the same
    ``answer_query``, but skips routing, dependency solving and the Request and Response
    objects, which together cost more than a cached answer. Anything else (a body the model
    rejects, a malformed Idempotency-Key) goes on to the FastAPI route, so every error is
    still rendered in one place.
    """

    path = "/v1/ask"  # also what metrics and logs read as the matched route's path

    def handles(self, scope: Scope) -> bool:
        return bool(scope["method"] == "POST" and scope["path"] == self.path)

    async def __call__(
        self, scope: Scope, receive: Receive, send: Send, headers: Headers, app: ASGIApp
    ) -> None:
        idempotency_key = headers.get("idempotency-key")
        if idempotency_key is not None and not valid_idempotency_key(idempotency_key):
            await app(scope, receive, send)  # the route renders the error
            return
        state = scope["state"]
        chunks: list[bytes] = []
        more = True
        try:
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunks.append(message.get("body", b""))
                more = message.get("more_body", False)
        except PayloadTooLarge as exc:
            await _send_error(send, state, APIError(413, "payload_too_large", str(exc.detail)))
            return
        raw = b"".join(chunks)
        try:
            body = AskRequest.model_validate_json(raw)
        except ValidationError:
            await app(scope, _replay(raw), send)
            return
        services: Services = scope["app"].state.services
        scope["route"] = self
        authorization = headers.get("authorization")
        fresh = wants_fresh(headers.get("cache-control", ""))
        reads: list[SharedRead] = []
        read_ahead = None
        if reads_shared_cache(services, fresh):
            # The cache read starts once the key is known and goes to Redis in one
            # round trip with the key's rate-limit charge.
            def read_ahead() -> None:
                reads.append(read_shared(services, body.query, body.locale))

        try:
            key = await admit(services, state, authorization, "ask", alongside=read_ahead)
            status, payload, replayed = await _answer(
                services, state, key, body, fresh, idempotency_key, reads[0] if reads else None
            )
        except APIError as exc:
            await _send_error(send, state, exc)
            return
        await _send_json(
            send, status, payload, {"Idempotent-Replayed": "true"} if replayed else None
        )


async def _answer(
    services: Services,
    state: dict[str, Any],
    key: ApiKeyRecord,
    body: AskRequest,
    fresh: bool,
    idempotency_key: str | None,
    read: SharedRead | None = None,
) -> tuple[int, bytes, bool]:
    """Answer an admitted request: (status, body, replayed). With an Idempotency-Key (every
    SDK call sends one), a repeated key gets the stored response, and a new answer is
    remembered under the key and written behind (see ``IdempotencyStore.remember``)."""
    request_hash = ""
    if idempotency_key is not None:
        store = services.idempotency
        request_hash = store.digest(f"POST {AskFastPath.path}\n{body.model_dump_json()}")
        stored = await lookup_idempotent_async(services, key.id, idempotency_key, request_hash)
        if stored is not None:
            return stored.status_code, stored.body, True
    caller = Caller(key.id, state["request_id"], state["started"], fresh)
    answered = await answer_query_async(services, caller, body.query, body.locale, read)
    log_answer(state, body.query, answered)
    if idempotency_key is None:
        return 200, answered.body(), False
    computed = StoredResponse(200, answered.body(), "application/json")
    stored = services.idempotency.remember(key.id, idempotency_key, request_hash, computed)
    return stored.status_code, stored.body, stored is not computed


def _replay(body: bytes) -> Receive:
    """A ``receive`` that hands over a body already read."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _send_error(send: Send, state: dict[str, Any], exc: APIError) -> None:
    state["error_code"] = exc.code
    payload = error_body(exc.status_code, exc.code, exc.message, state["request_id"], exc.param)
    await _send_json(send, exc.status_code, json.dumps(payload).encode(), exc.headers)


async def _send_json(
    send: Send, status: int, body: bytes, headers: dict[str, str] | None = None
) -> None:
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if headers:
        raw_headers += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


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
        caller = Caller.of(request)
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
                    results.append(answer_query(services, caller, text, body.locale).response())
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
