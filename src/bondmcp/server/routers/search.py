"""``/v1/search``: ranked passages for callers who build their own answers (RAG)."""

from __future__ import annotations

from fastapi import APIRouter

from bondmcp.privacy import deidentify
from bondmcp.server.deps import AskKey, ServicesDep
from bondmcp.types import ErrorEnvelope, SearchRequest, SearchResponse, SearchResult

router = APIRouter(prefix="/v1", tags=["search"])


@router.post(
    "/search",
    response_model=SearchResponse,
    responses={code: {"model": ErrorEnvelope} for code in (400, 401, 403, 413, 422, 429)},
    summary="Search the knowledge base",
)
def search(body: SearchRequest, key: AskKey, services: ServicesDep) -> SearchResponse:
    hits = services.engine.search(deidentify(body.query).text, limit=body.limit)
    return SearchResponse(
        results=[
            SearchResult(
                source_id=h.passage.source_id,
                title=h.passage.heading,
                url=h.passage.url,
                score=round(h.score, 4),
                text=h.passage.text,
                section=h.passage.section,
                publisher=h.passage.publisher,
            )
            for h in hits
        ]
    )
