"""Answer ids that prove who received them, so feedback needs no per-answer storage.

``ans_<random><triage><band>_<tag>`` where the tag is an HMAC over the key id and the
rest: only the key that received an answer can send feedback on it, and the answer's
triage level and confidence band travel inside the id for the feedback statistics.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets

_TRIAGE = {"emergency": "e", "urgent": "u", "routine": "r"}
_TRIAGE_BACK = {v: k for k, v in _TRIAGE.items()}
BANDS = ("low", "medium", "high")
# Unique, not secret (the HMAC tag is what cannot be forged): a random per-process prefix
# and a counter, with no system call per answer.
_PREFIX = secrets.token_hex(6)
_counter = itertools.count(1)


def confidence_band(confidence: float) -> str:
    if confidence < 0.4:
        return "low"
    if confidence < 0.75:
        return "medium"
    return "high"


def _tag(secret: bytes, key_id: str, body: str) -> str:
    return hmac.new(secret, f"{key_id}:{body}".encode(), hashlib.sha256).hexdigest()[:24]


def mint(secret: bytes, key_id: str, triage: str, confidence: float) -> str:
    band = BANDS.index(confidence_band(confidence))
    body = f"{_PREFIX}{next(_counter):012x}{_TRIAGE.get(triage, 'r')}{band}"
    return f"ans_{body}_{_tag(secret, key_id, body)}"


def verify(secret: bytes, key_id: str, response_id: str) -> tuple[str, str] | None:
    """The (triage, confidence band) of an answer this key received, else None."""
    if not response_id.startswith("ans_") or response_id.count("_") != 2:
        return None
    body, tag = response_id[4:].split("_")
    if len(body) != 26 or not hmac.compare_digest(_tag(secret, key_id, body), tag):
        return None
    triage = _TRIAGE_BACK.get(body[24])
    if triage is None or body[25] not in "012":
        return None
    return triage, BANDS[int(body[25])]
