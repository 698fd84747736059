"""Administration for keys with the ``admin`` scope."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from bondmcp.server.deps import AdminKey, ServicesDep
from bondmcp.types import ErrorEnvelope

router = APIRouter(prefix="/v1", tags=["admin"])


class CachePurgeResponse(BaseModel):
    purged: int


@router.delete(
    "/cache",
    response_model=CachePurgeResponse,
    responses={code: {"model": ErrorEnvelope} for code in (401, 403, 429)},
    summary="Purge the answer cache",
)
def purge_cache(key: AdminKey, services: ServicesDep) -> CachePurgeResponse:
    """Drop every cached answer, in Redis and in this process."""
    return CachePurgeResponse(purged=services.cache.purge())
