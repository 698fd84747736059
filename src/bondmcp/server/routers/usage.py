"""Usage and satisfaction: ``/v1/usage`` and ``/v1/feedback``."""

from __future__ import annotations

import hashlib
import hmac

from fastapi import APIRouter, Request

from bondmcp.privacy import deidentify
from bondmcp.server import metrics, response_ids
from bondmcp.server.deps import AnyKey, AskKey, ServicesDep
from bondmcp.server.errors import APIError
from bondmcp.types import (
    ErrorEnvelope,
    FeedbackRequest,
    FeedbackResponse,
    FeedbackSummary,
    RateLimitStatus,
    UsageDay,
    UsageResponse,
)

router = APIRouter(prefix="/v1", tags=["usage"])


@router.get(
    "/usage",
    response_model=UsageResponse,
    responses={code: {"model": ErrorEnvelope} for code in (401, 429)},
    summary="Usage and feedback of the calling key",
)
def usage(request: Request, key: AnyKey, services: ServicesDep) -> UsageResponse:
    """Requests and errors per day, the remaining quota, and what users thought of the
    answers. Counts from other server processes arrive within a second."""
    services.recorder.flush()
    headers = request.state.response_headers
    return UsageResponse(
        key_id=key.id,
        rate_limit=RateLimitStatus(
            limit=int(headers["X-RateLimit-Limit"]),
            remaining=int(headers["X-RateLimit-Remaining"]),
            reset=int(headers["X-RateLimit-Reset"]),
        ),
        days=[
            UsageDay(date=d.day, requests=d.requests, errors=d.errors)
            for d in services.usage.days(key.id)
        ],
        feedback=FeedbackSummary(**services.usage.feedback_summary(key.id)),
    )


def subject_hash(secret: bytes, user: str) -> str:
    return hmac.new(secret, b"subject:" + user.encode(), hashlib.sha256).hexdigest()


@router.post(
    "/feedback",
    response_model=FeedbackResponse,
    responses={code: {"model": ErrorEnvelope} for code in (400, 401, 404, 422, 429)},
    summary="Rate an answer",
)
def feedback(body: FeedbackRequest, key: AskKey, services: ServicesDep) -> FeedbackResponse:
    """Record a 1-5 rating and/or a helpful flag for an answer this key received.
    A later submission for the same answer replaces the earlier one."""
    if body.rating is None and body.helpful is None:
        raise APIError(
            422, "invalid_request", "Send a rating (1-5), helpful (true/false), or both."
        )
    origin = response_ids.verify(services.secret, key.id, body.response_id)
    if origin is None:
        raise APIError(
            404,
            "not_found",
            "No answer with this id was sent to this API key.",
            param="response_id",
        )
    triage, band = origin
    services.usage.record_feedback(
        key_id=key.id,
        response_id=body.response_id,
        rating=body.rating,
        helpful=body.helpful,
        comment=deidentify(body.comment).text if body.comment else None,
        triage=triage,
        confidence_band=band,
        subject_hash=subject_hash(services.secret, body.user) if body.user else None,
    )
    if body.rating is not None:
        metrics.FEEDBACK.labels("rating", str(body.rating)).inc()
    if body.helpful is not None:
        metrics.FEEDBACK.labels("helpful", str(body.helpful).lower()).inc()
    return FeedbackResponse(response_id=body.response_id, recorded=True)
