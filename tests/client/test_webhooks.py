"""``bondmcp.webhooks.verify`` with real HMAC-SHA256 signatures."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest

import bondmcp
from bondmcp.webhooks import SIGNATURE_HEADER, SeenEvents, sign, verify

SECRET = "whsec_" + "3f" * 16
NOW = 1_790_000_000


def event_body(event_id: str = "evt_0001", created_at: int = NOW, **extra: Any) -> bytes:
    event = {
        "id": event_id,
        "type": "job.completed",
        "created_at": created_at,
        "data": {
            "job_id": "job_42",
            "status": "completed",
            "total": 10,
            "completed": 10,
            "failed": 1,
        },
        **extra,
    }
    return json.dumps(event, separators=(",", ":")).encode()


def signature(body: bytes, secret: str | bytes = SECRET) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def reason(body: bytes, header: str | None, **kwargs: Any) -> str:
    kwargs.setdefault("now", NOW)
    with pytest.raises(bondmcp.WebhookVerificationError) as info:
        verify(body, header, SECRET, **kwargs)
    assert isinstance(info.value, bondmcp.BondMCPError)
    return info.value.reason


def test_a_valid_event_is_returned_typed() -> None:
    body = event_body()
    event = verify(body, signature(body), SECRET, now=NOW + 5)
    assert isinstance(event, bondmcp.WebhookEvent)
    assert (event.id, event.type, event.created_at) == ("evt_0001", "job.completed", NOW)
    assert (event.data.job_id, event.data.total, event.data.failed) == ("job_42", 10, 1)
    # bytes and str secrets are the same secret; sign() is what the server sends
    assert verify(body, signature(body), SECRET.encode(), now=NOW).id == "evt_0001"
    assert sign(body, SECRET) == signature(body)
    assert SIGNATURE_HEADER == "X-BondMCP-Signature"


def test_a_tampered_body_is_rejected() -> None:
    body = event_body()
    header = signature(body)
    tampered = body.replace(b'"failed":1', b'"failed":0')
    assert tampered != body
    assert reason(tampered, header) == "invalid_signature"
    assert reason(body + b" ", header) == "invalid_signature"  # even whitespace counts


def test_a_wrong_secret_is_rejected() -> None:
    body = event_body()
    assert reason(body, signature(body, "whsec_other")) == "invalid_signature"
    assert reason(body, signature(body, SECRET.upper())) == "invalid_signature"


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_signature_is_rejected(header: str | None) -> None:
    assert reason(event_body(), header) == "missing_signature"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: s.removeprefix("sha256="),  # bare hex
        lambda s: s.replace("sha256=", "sha1="),
        lambda s: s.replace("sha256=", "sha256:"),
        lambda s: s[:-2],  # too short
        lambda s: s + "00",  # too long
        lambda s: s[:-1] + "g",  # not hex
    ],
)
def test_a_malformed_signature_is_rejected(mangle: Any) -> None:
    body = event_body()
    assert reason(body, mangle(signature(body))) == "malformed_signature"


def test_upper_case_hex_and_several_signatures_are_accepted() -> None:
    body = event_body()
    good = signature(body)
    upper = "sha256=" + good.removeprefix("sha256=").upper()
    assert verify(body, upper, SECRET, now=NOW).id == "evt_0001"
    rotating = f"{signature(body, 'whsec_old')}, {good}"  # one per secret during a change
    assert verify(body, rotating, SECRET, now=NOW).id == "evt_0001"
    assert reason(body, f"{signature(body, 'whsec_old')},{signature(body, 'x')}") == (
        "invalid_signature"
    )


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    body = event_body()
    assert reason(body, signature(body, "wrong")) == "invalid_signature"
    assert len(calls) == 1
    assert calls[0][1] == signature(body, "wrong").removeprefix("sha256=").encode()


def test_stale_and_future_events_are_rejected() -> None:
    old = event_body(created_at=NOW - 301)
    assert reason(old, signature(old)) == "stale"
    edge = event_body(created_at=NOW - 300)
    assert verify(edge, signature(edge), SECRET, now=NOW).id == "evt_0001"
    ahead = event_body(created_at=NOW + 301)
    assert reason(ahead, signature(ahead)) == "future"
    # a custom tolerance, and None to turn the check off for stored events
    assert reason(edge, signature(edge), tolerance_seconds=60) == "stale"
    assert verify(old, signature(old), SECRET, tolerance_seconds=None, now=NOW).id == "evt_0001"


def test_the_age_check_uses_the_clock_by_default() -> None:
    import time

    body = event_body(created_at=int(time.time()) - 1000)
    with pytest.raises(bondmcp.WebhookVerificationError) as info:
        verify(body, signature(body), SECRET)
    assert info.value.reason == "stale"


def test_a_replayed_event_is_rejected() -> None:
    seen = SeenEvents()
    body = event_body("evt_replay")
    assert verify(body, signature(body), SECRET, seen=seen, now=NOW).id == "evt_replay"
    assert reason(body, signature(body), seen=seen) == "replayed"
    other = event_body("evt_other")
    assert verify(other, signature(other), SECRET, seen=seen, now=NOW).id == "evt_other"


def test_a_plain_set_or_a_callable_can_hold_the_seen_ids() -> None:
    body = event_body("evt_set")
    ids: set[str] = set()
    verify(body, signature(body), SECRET, seen=ids, now=NOW)
    assert ids == {"evt_set"}
    assert reason(body, signature(body), seen=ids) == "replayed"

    recorded: list[str] = []

    def seen_before(event_id: str) -> bool:  # e.g. not redis.set(id, 1, nx=True, ex=600)
        known = event_id in recorded
        recorded.append(event_id)
        return known

    verify(body, signature(body), SECRET, seen=seen_before, now=NOW)
    assert reason(body, signature(body), seen=seen_before) == "replayed"
    assert recorded == ["evt_set", "evt_set"]


def test_a_rejected_request_does_not_use_up_the_event_id() -> None:
    seen = SeenEvents()
    body = event_body("evt_target")
    forged = event_body("evt_target", extra_field="x")
    assert reason(forged, signature(forged, "attacker"), seen=seen) == "invalid_signature"
    stale = event_body("evt_target", created_at=NOW - 1000)
    assert reason(stale, signature(stale), seen=seen) == "stale"
    assert "evt_target" not in seen
    assert verify(body, signature(body), SECRET, seen=seen, now=NOW).id == "evt_target"


def test_a_signed_body_that_is_not_an_event_is_rejected() -> None:
    body = b'{"id": "evt_1", "type": "job.exploded", "created_at": 1, "data": {}}'
    assert reason(body, signature(body)) == "invalid_payload"
    assert reason(b"not json", signature(b"not json")) == "invalid_payload"


def test_misuse_is_a_programming_error_not_a_verification_failure() -> None:
    body = event_body()
    with pytest.raises(TypeError, match="raw request body"):
        verify(body.decode(), signature(body), SECRET)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="secret"):
        verify(body, signature(body, "x"), "")


def test_seen_events_forget_ids_after_their_ttl_and_keep_at_most_maxsize() -> None:
    clock = [100.0]
    seen = SeenEvents(ttl=10, maxsize=3, clock=lambda: clock[0])
    assert seen("evt_a") is False
    assert seen("evt_a") is True
    clock[0] += 5
    seen.add("evt_b")
    clock[0] += 5.5  # evt_a is 10.5 s old, evt_b 5.5 s
    assert "evt_a" not in seen and "evt_b" in seen
    assert seen("evt_a") is False  # accepted again once forgotten
    for name in ("evt_c", "evt_d"):
        seen.add(name)
    assert len(seen) == 3 and "evt_b" not in seen  # the oldest made room
    seen.discard("evt_d")
    assert "evt_d" not in seen and len(seen) == 2
