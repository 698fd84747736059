"""Signed webhook events: the body, its signature and one delivery attempt.

The signature is an HMAC-SHA256 of the exact bytes sent, so a receiver verifies what it
received before parsing it. The body carries a unique event id and a timestamp, both under
the signature, so a receiver can refuse repeated and stale events. The body is fixed once
per job and stored, so every retry is byte-identical (same id, same signature).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import time
import uuid
from dataclasses import dataclass

import httpx

from bondmcp._version import __version__
from bondmcp.server.jobs.ssrf import WebhookTarget
from bondmcp.types import JobState, WebhookEvent, WebhookEventData

SIGNATURE_HEADER = "X-BondMCP-Signature"
EVENT_TYPES: dict[str, str] = {
    "completed": "job.completed",
    "failed": "job.failed",
    "cancelled": "job.cancelled",
}


def sign(body: bytes, secret: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def build_event(
    job_id: str, status: JobState, total: int, completed: int, failed: int
) -> WebhookEvent:
    return WebhookEvent.model_validate(
        {
            "id": "evt_" + uuid.uuid4().hex,
            "type": EVENT_TYPES[status],
            "created_at": int(time.time()),
            "data": WebhookEventData(
                job_id=job_id, status=status, total=total, completed=completed, failed=failed
            ),
        }
    )


@dataclass(frozen=True, slots=True)
class Attempt:
    status_code: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def deliver(target: WebhookTarget, body: bytes, secret: bytes, timeout: float) -> Attempt:
    """POST the event to the checked addresses (first that connects); never follows
    redirects, which could lead anywhere."""
    default_port = 443 if target.scheme == "https" else 80
    host_header = target.host if target.port == default_port else f"{target.host}:{target.port}"
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"bondmcp-webhooks/{__version__}",
        "Host": host_header,
        SIGNATURE_HEADER: sign(body, secret),
    }
    error = "no address to connect to"
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for ip in target.addresses:
            literal = f"[{ip}]" if isinstance(ip, ipaddress.IPv6Address) else str(ip)
            url = f"{target.scheme}://{literal}:{target.port}{target.path}"
            try:
                response = client.post(
                    url, content=body, headers=headers, extensions={"sni_hostname": target.host}
                )
            except httpx.TransportError as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
                continue
            if response.status_code >= 300:
                return Attempt(response.status_code, f"HTTP {response.status_code}")
            return Attempt(response.status_code, None)
    return Attempt(None, error)
