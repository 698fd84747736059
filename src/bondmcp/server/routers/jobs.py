"""Batch jobs: ``POST /v1/jobs``, ``GET /v1/jobs/{id}``, ``DELETE /v1/jobs/{id}``.

A job belongs to the key that submitted it; any other key gets 404, the same answer as
for a job that never existed, so job ids cannot be probed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from bondmcp.server.deps import AskKey, ServicesDep
from bondmcp.server.errors import APIError
from bondmcp.server.idempotency import json_response, run_idempotent
from bondmcp.server.jobs import InvalidCursor, JobFinished, JobService
from bondmcp.server.jobs.ssrf import WebhookURLRefused
from bondmcp.server.services import Services
from bondmcp.types import (
    MAX_JOB_PAGE,
    MAX_JOB_QUERIES,
    ErrorEnvelope,
    JobCreated,
    JobCreateRequest,
    JobStatus,
)

router = APIRouter(prefix="/v1", tags=["jobs"])

_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorEnvelope} for code in (400, 401, 403, 404, 409, 413, 422, 429)
}
_MAX_METADATA = 20


def _jobs(services: Services) -> JobService:
    jobs = services.jobs
    if jobs is None:
        raise APIError(503, "jobs_unavailable", "Batch jobs are not enabled on this server.")
    return jobs


def _not_found(job_id: str) -> APIError:
    return APIError(404, "job_not_found", f"No job {job_id!r} for this API key.", param="id")


@router.post(
    "/jobs",
    status_code=202,
    response_model=JobCreated,
    responses=_ERRORS,
    summary="Submit a batch job",
)
def create_job(
    body: JobCreateRequest, request: Request, key: AskKey, services: ServicesDep
) -> Response:
    """Queue up to 50,000 questions; poll ``GET /v1/jobs/{id}`` or pass ``webhook_url``.
    Send ``Idempotency-Key`` to make retries return the same job."""
    jobs = _jobs(services)
    if len(body.queries) > MAX_JOB_QUERIES:
        raise APIError(
            422,
            "job_too_large",
            f"A job holds at most {MAX_JOB_QUERIES} queries; this one has {len(body.queries)}.",
            param="queries",
        )
    if body.metadata is not None and len(body.metadata) > _MAX_METADATA:
        raise APIError(
            422,
            "invalid_request",
            f"metadata holds at most {_MAX_METADATA} values.",
            param="metadata",
        )
    if body.webhook_url is not None:
        try:
            jobs.check_webhook_url(body.webhook_url)
        except WebhookURLRefused as exc:
            raise APIError(422, "webhook_url_refused", str(exc), param="webhook_url") from None
    request.state.log_fields = {"queries": len(body.queries)}
    return run_idempotent(
        request, services, key, body, lambda: jobs.submit(key.id, body), status_code=202
    )


@router.get(
    "/jobs/{job_id}", response_model=JobStatus, responses=_ERRORS, summary="A batch job's status"
)
def get_job(
    job_id: str,
    key: AskKey,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_JOB_PAGE)] = MAX_JOB_PAGE,
) -> Response:
    """Status and progress; once completed, results in input order, a page at a time
    (follow ``next_cursor``)."""
    try:
        status = _jobs(services).status(job_id, key.id, cursor, limit)
    except InvalidCursor:
        raise APIError(400, "invalid_cursor", "The cursor is not valid.", param="cursor") from None
    if status is None:
        raise _not_found(job_id)
    return json_response(status)


@router.delete(
    "/jobs/{job_id}", response_model=JobStatus, responses=_ERRORS, summary="Cancel a batch job"
)
def cancel_job(job_id: str, key: AskKey, services: ServicesDep) -> Response:
    """Stop a queued or running job; questions not yet answered are not answered."""
    try:
        status = _jobs(services).cancel(job_id, key.id)
    except JobFinished as exc:
        raise APIError(
            409, "job_finished", f"The job has already ended ({exc.args[0]}).", param="id"
        ) from None
    if status is None:
        raise _not_found(job_id)
    return json_response(status)
