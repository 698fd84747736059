"""``/v1/deidentify``: the same de-identification every query goes through."""

from __future__ import annotations

from fastapi import APIRouter

from bondmcp.privacy import deidentify
from bondmcp.server.deps import AskKey
from bondmcp.types import DeidentifiedEntity, DeidentifyRequest, DeidentifyResponse, ErrorEnvelope

router = APIRouter(prefix="/v1", tags=["privacy"])


@router.post(
    "/deidentify",
    response_model=DeidentifyResponse,
    responses={code: {"model": ErrorEnvelope} for code in (400, 401, 413, 422, 429)},
    summary="Remove HIPAA Safe Harbor identifiers from text",
)
def deidentify_text(body: DeidentifyRequest, key: AskKey) -> DeidentifyResponse:
    """Identifiers are replaced by tags such as [NAME] or [DATE]; entity offsets refer to
    the text you sent. Nothing is stored."""
    result = deidentify(body.text)
    return DeidentifyResponse(
        text=result.text,
        entities=[
            DeidentifiedEntity(type=e.type, start=e.start, end=e.end) for e in result.entities
        ],
    )
