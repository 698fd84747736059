"""The tools: answer, search and de-identify, over the same code as the REST API.

Every tool returns its result twice: as structured content that matches its output schema, for
programs, and as readable text, for models that only read text (emergency guidance first, then
the answer, its sources and the disclaimer). Failures come back as tool errors carrying REST's
error codes (:mod:`bondmcp.mcp.errors`); later tools, such as calculators, join this registry.
"""

from __future__ import annotations

import time
from typing import Annotated

from mcp.server.mcpserver import MCPServer
from mcp.types import CallToolResult, TextContent, ToolAnnotations

from bondmcp.mcp.audit import record_call, record_failure
from bondmcp.mcp.errors import tool_error
from bondmcp.mcp.schemas import (
    AskResult,
    DeidentifiedEntity,
    DeidentifyResult,
    LimitArg,
    LocaleArg,
    QueryArg,
    SearchHit,
    SearchQueryArg,
    SearchResults,
    TextArg,
)
from bondmcp.mcp.server import (
    McpState,
    ToolContext,
    http_request_of,
    request_id_of,
    services_of,
)
from bondmcp.privacy import deidentify

ASK_DESCRIPTION = """\
Answer a consumer health question from BondMCP's knowledge base, which is written from \
MedlinePlus, CDC, NIH, NHS, WHO and USPSTF pages. Every sentence of the answer is emergency \
guidance or is quoted from a cited source; nothing is generated.

Returns the answer, a confidence from 0 to 1, a triage level, whether the question is about \
health (in_scope), the citations with their URLs, and a disclaimer. When triage is "emergency" \
or "urgent", tell the person that guidance before anything else. A low confidence, or an \
answer saying there is no reliable information, means the sources do not cover the question: \
say so instead of answering from memory. It does not give medicine doses or diagnose a \
particular person.\
"""

SEARCH_DESCRIPTION = """\
Search BondMCP's health knowledge base and return the best-matching passages, best first. Each \
passage is one section of a topic (overview, symptoms, causes, risk factors, diagnosis, \
treatment, prevention or when to seek care) with its source_id, title, publisher, URL and a \
relevance score. Use it to find more detail than ask_health_question's short answer gives, or \
to ground your own wording in cited text. It does no emergency triage: for symptoms that may be \
serious, call ask_health_question.\
"""

DEIDENTIFY_DESCRIPTION = """\
Remove personal identifiers from free text before it is stored or shared. Finds the HIPAA Safe \
Harbor identifiers (names; dates more specific than a year; ages over 89; phone and fax \
numbers; e-mail addresses; social security, medical record, health plan, account, licence, \
vehicle and device numbers; URLs; IP addresses; street addresses and ZIP codes) and replaces \
each with a tag such as [NAME], [DATE] or [PHONE], while keeping the clinical content \
(conditions, lab values, doses, ages up to 89). Returns the de-identified text and the type and \
character offsets of each identifier in the original. Rule-based, local and deterministic; \
nothing is stored. Review the result before treating the text as anonymous.\
"""


def _read_only(title: str) -> ToolAnnotations:
    """Every tool only reads: hosts may run them without asking the user each time."""
    return ToolAnnotations(
        title=title,
        read_only_hint=True,
        destructive_hint=False,
        idempotent_hint=True,
        open_world_hint=False,
    )


def ask_health_question(
    query: QueryArg, locale: LocaleArg = None, *, ctx: ToolContext
) -> Annotated[CallToolResult, AskResult]:
    started = time.perf_counter()
    try:
        result = _answer(ctx, query, locale)
    except Exception as exc:
        record_failure("ask_health_question", exc)
        record_call(ctx, "ask_health_question", "internal_error", started, query_length=len(query))
        return tool_error(
            "internal_error", "The question could not be answered.", request_id=request_id_of(ctx)
        )
    record_call(
        ctx,
        "ask_health_question",
        "ok",
        started,
        query_length=len(query),
        confidence=result.confidence,
        triage=result.triage,
    )
    return CallToolResult(
        content=[TextContent(type="text", text=render_answer(result))],
        structured_content=result.model_dump(mode="json"),
    )


def search_health_knowledge(
    query: SearchQueryArg, limit: LimitArg = 5, *, ctx: ToolContext
) -> Annotated[CallToolResult, SearchResults]:
    """Search as ``/v1/search`` does, on the de-identified query: identifiers never help."""
    started = time.perf_counter()
    try:
        hits = services_of(ctx).engine.search(deidentify(query).text, limit=limit)
    except Exception as exc:
        record_failure("search_health_knowledge", exc)
        record_call(
            ctx, "search_health_knowledge", "internal_error", started, query_length=len(query)
        )
        return tool_error(
            "internal_error", "The search could not be run.", request_id=request_id_of(ctx)
        )
    result = SearchResults(
        results=[
            SearchHit(
                source_id=h.passage.source_id,
                title=h.passage.heading,
                section=h.passage.section,
                text=h.passage.text,
                url=h.passage.url,
                publisher=h.passage.publisher,
                score=round(h.score, 4),
            )
            for h in hits
        ]
    )
    record_call(
        ctx,
        "search_health_knowledge",
        "ok",
        started,
        query_length=len(query),
        results=len(result.results),
    )
    return CallToolResult(
        content=[TextContent(type="text", text=render_search(result))],
        structured_content=result.model_dump(mode="json"),
    )


def deidentify_text(
    text: TextArg, *, ctx: ToolContext
) -> Annotated[CallToolResult, DeidentifyResult]:
    started = time.perf_counter()
    try:
        found = deidentify(text)
    except Exception as exc:
        record_failure("deidentify_text", exc)
        record_call(ctx, "deidentify_text", "internal_error", started, text_length=len(text))
        return tool_error(
            "internal_error", "The text could not be de-identified.", request_id=request_id_of(ctx)
        )
    result = DeidentifyResult(
        text=found.text,
        entities=[
            DeidentifiedEntity(type=e.type, start=e.start, end=e.end) for e in found.entities
        ],
    )
    record_call(
        ctx,
        "deidentify_text",
        "ok",
        started,
        text_length=len(text),
        identifiers=len(result.entities),
    )
    kinds = sorted({e.type for e in result.entities})
    summary = (
        f"Removed {len(result.entities)} identifier(s): {', '.join(kinds)}."
        if kinds
        else "No identifiers found."
    )
    return CallToolResult(
        content=[
            TextContent(type="text", text=result.text),
            TextContent(type="text", text=summary),
        ],
        structured_content=result.model_dump(mode="json"),
    )


def _answer(ctx: ToolContext, query: str, locale: str | None) -> AskResult:
    """Answer the way ``/v1/ask`` does; only the de-identified question reaches the engine.

    Over HTTP this is the very code behind ``/v1/ask``: de-identification, the shared answer
    cache, metrics and the audit hash. Over stdio the one local user needs none of those, and
    the engine answers the de-identified question directly.
    """
    services = services_of(ctx)
    request = http_request_of(ctx)
    if request is not None:
        from bondmcp.server.routers.answers import answer_request

        response = answer_request(services, request, query, locale)
        return AskResult(
            answer=response.answer,
            confidence=response.confidence,
            triage=response.triage,
            in_scope=response.in_scope,
            disclaimer=response.disclaimer,
            citations=response.citations,
            evidence=response.evidence,
            kb_version=response.kb_version,
            request_id=response.request_id,
            id=response.id,
        )
    from bondmcp.server.routers.answers import wire_citations, wire_evidence

    answer = services.engine.ask(deidentify(query).text, locale)
    return AskResult(
        answer=answer.text,
        confidence=answer.confidence,
        triage=answer.triage,
        in_scope=answer.in_scope,
        disclaimer=answer.disclaimer,
        citations=wire_citations(answer),
        evidence=wire_evidence(answer),
        kb_version=answer.kb_version,
        request_id=None,
    )


def render_answer(result: AskResult) -> str:
    """The answer as a model should relay it: urgent guidance flagged first, sources numbered."""
    lines: list[str] = []
    if result.triage != "routine":
        lines.append(f"{result.triage.upper()}: tell the person this guidance first.")
    lines.append(result.answer)
    lines.append("")
    scope = "in scope" if result.in_scope else "not a health question"
    lines.append(f"Confidence {result.confidence:.2f}; triage {result.triage}; {scope}.")
    if result.citations:
        lines.append("Sources:")
        for number, c in enumerate(result.citations, 1):
            publisher = f", {c.publisher}" if c.publisher else ""
            url = f" {c.url}" if c.url else ""
            lines.append(f"[{number}] {c.title}{publisher}:{url} ({c.source_id})")
    lines.append("")
    lines.append(result.disclaimer)
    return "\n".join(lines)


def render_search(result: SearchResults) -> str:
    if not result.results:
        return "No passages matched."
    blocks = []
    for number, hit in enumerate(result.results, 1):
        publisher = f", {hit.publisher}" if hit.publisher else ""
        blocks.append(
            f"[{number}] {hit.title}{publisher}: {hit.url} ({hit.source_id}, score {hit.score})\n"
            f"{hit.text}"
        )
    return "\n\n".join(blocks)


def register(server: MCPServer[McpState]) -> None:
    server.add_tool(
        ask_health_question,
        title="Ask a health question",
        description=ASK_DESCRIPTION,
        annotations=_read_only("Ask a health question"),
    )
    server.add_tool(
        search_health_knowledge,
        title="Search health knowledge",
        description=SEARCH_DESCRIPTION,
        annotations=_read_only("Search health knowledge"),
    )
    server.add_tool(
        deidentify_text,
        title="De-identify text",
        description=DEIDENTIFY_DESCRIPTION,
        annotations=_read_only("De-identify text"),
    )
