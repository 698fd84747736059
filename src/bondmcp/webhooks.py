"""Verify the webhook events a bondmcp server sends when a batch job ends.

The server POSTs a :class:`~bondmcp.types.WebhookEvent` as JSON with the header
``X-BondMCP-Signature: sha256=<hex>``, the HMAC-SHA256 of the raw body under the server's
``BONDMCP_WEBHOOK_SECRET``. :func:`verify` checks that signature in constant time, rejects
events older (or further in the future) than a tolerance, and, given a store of the event ids
already handled, rejects replays::

    from bondmcp import WebhookVerificationError
    from bondmcp.webhooks import SIGNATURE_HEADER, SeenEvents, verify

    seen = SeenEvents()

    def handle(body: bytes, headers: Mapping[str, str]) -> int:
        try:
            event = verify(body, headers.get(SIGNATURE_HEADER), SECRET, seen=seen)
        except WebhookVerificationError:
            return 400
        ...

Only the standard library and pydantic are used, so a receiver needs nothing more.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Final, Protocol, runtime_checkable

from pydantic import ValidationError

from bondmcp.client._exceptions import WebhookVerificationError
from bondmcp.types import WebhookEvent

__all__ = [
    "DEFAULT_TOLERANCE_SECONDS",
    "SIGNATURE_HEADER",
    "SeenEvents",
    "SeenStore",
    "WebhookVerificationError",
    "sign",
    "verify",
]

#: The request header that carries the signature.
SIGNATURE_HEADER: Final = "X-BondMCP-Signature"
#: How old (or how far ahead of this machine's clock) an event may be, in seconds.
DEFAULT_TOLERANCE_SECONDS: Final = 300.0

_SCHEME: Final = "sha256"
_HEX_DIGEST: Final = re.compile(r"[0-9a-fA-F]{64}")


@runtime_checkable
class SeenStore(Protocol):
    """A set-like store of handled event ids: ``event_id in store`` and ``store.add(event_id)``.

    A plain ``set`` qualifies (for one process, without expiry). A callable
    ``(event_id) -> bool`` may be passed instead: it must record the id and return whether it
    had been recorded before, in one atomic step (a Redis ``SET NX``, say).
    """

    def __contains__(self, event_id: object, /) -> bool: ...

    def add(self, event_id: str, /) -> None: ...


def _secret_bytes(secret: str | bytes) -> bytes:
    key = secret.encode() if isinstance(secret, str) else secret
    if not isinstance(key, bytes) or not key:
        raise ValueError("The webhook secret must be a non-empty str or bytes")
    return key


def sign(payload: bytes, secret: str | bytes) -> str:
    """The ``X-BondMCP-Signature`` value for ``payload``, as the server computes it.

    For tests of a webhook receiver, or a server that relays events.
    """
    digest = hmac.new(_secret_bytes(secret), payload, hashlib.sha256).hexdigest()
    return f"{_SCHEME}={digest}"


def _signatures(header: str | None) -> list[bytes]:
    """The hex digests in a signature header; raises if there are none or one is malformed."""
    if header is None or not header.strip():
        raise WebhookVerificationError(
            f"The {SIGNATURE_HEADER} header is missing", reason="missing_signature"
        )
    digests: list[bytes] = []
    # One signature normally; several, comma-separated, while a secret is being replaced.
    for part in header.split(","):
        scheme, sep, value = part.strip().partition("=")
        if not sep or scheme.strip().lower() != _SCHEME or not _HEX_DIGEST.fullmatch(value.strip()):
            raise WebhookVerificationError(
                f"The {SIGNATURE_HEADER} header is not of the form sha256=<64 hex digits>",
                reason="malformed_signature",
            )
        digests.append(value.strip().lower().encode())
    return digests


def verify(
    payload: bytes,
    signature: str | None,
    secret: str | bytes,
    *,
    tolerance_seconds: float | None = DEFAULT_TOLERANCE_SECONDS,
    seen: SeenStore | Callable[[str], bool] | None = None,
    now: float | None = None,
) -> WebhookEvent:
    """Check a webhook request and return its event; raise if it must not be acted on.

    Args:
        payload: The raw request body, exactly as received (not re-serialised JSON).
        signature: The ``X-BondMCP-Signature`` header value; ``None`` when it was absent.
        secret: The server's ``BONDMCP_WEBHOOK_SECRET``.
        tolerance_seconds: The most an event's ``created_at`` may differ from ``now``, in
            either direction; ``None`` turns the age check off (for re-processing stored
            events, say).
        seen: Event ids already handled: a set-like :class:`SeenStore` (such as
            :class:`SeenEvents`), or a callable that records an id and returns whether it
            was known. The id is recorded only once every other check has passed. Without
            it, replays within the tolerance are not detected.
        now: The current Unix time; defaults to ``time.time()``.

    Raises:
        WebhookVerificationError: with ``reason`` ``missing_signature``,
            ``malformed_signature``, ``invalid_signature`` (wrong secret or altered body),
            ``invalid_payload`` (signed, but not an event this SDK understands), ``stale``,
            ``future`` or ``replayed``.
    """
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError(
            "verify() needs the raw request body as bytes; decoded or re-serialised JSON "
            "does not match the signature"
        )
    body = bytes(payload)
    if tolerance_seconds is not None and not tolerance_seconds > 0:
        raise ValueError("tolerance_seconds must be positive, or None")
    key = _secret_bytes(secret)
    candidates = _signatures(signature)
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    matched = False
    for candidate in candidates:  # compare each in constant time, without stopping early
        matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookVerificationError(
            "The signature does not match the body: wrong secret, or the body was altered",
            reason="invalid_signature",
        )

    try:
        event = WebhookEvent.model_validate_json(body)
    except ValidationError as exc:
        raise WebhookVerificationError(
            f"The signed body is not a webhook event ({exc.error_count()} schema errors)",
            reason="invalid_payload",
        ) from exc

    if tolerance_seconds is not None:
        current = time.time() if now is None else now
        age = current - event.created_at
        if age > tolerance_seconds:
            raise WebhookVerificationError(
                f"Event {event.id} is {age:.0f} s old, more than the {tolerance_seconds:g} s "
                "allowed",
                reason="stale",
            )
        if -age > tolerance_seconds:
            raise WebhookVerificationError(
                f"Event {event.id} is dated {-age:.0f} s in the future, more than the "
                f"{tolerance_seconds:g} s allowed; check this machine's clock",
                reason="future",
            )

    if seen is not None and _already_seen(seen, event.id):
        raise WebhookVerificationError(f"Event {event.id} was already received", reason="replayed")
    return event


def _already_seen(seen: SeenStore | Callable[[str], bool], event_id: str) -> bool:
    if isinstance(seen, SeenEvents):
        return seen.check_and_add(event_id)
    if isinstance(seen, SeenStore):
        if event_id in seen:
            return True
        seen.add(event_id)
        return False
    if callable(seen):
        return bool(seen(event_id))
    raise TypeError("seen must be a set-like store (in, add) or a callable (event_id) -> bool")


class SeenEvents:
    """An in-memory, thread-safe store of event ids that forgets them after ``ttl`` seconds.

    ``ttl`` should exceed twice the verification tolerance (the default, 600 s, covers the
    default 300 s): an event older than the tolerance is rejected anyway, so there is no need
    to remember its id for longer. When ``maxsize`` ids are held, the oldest is dropped. For
    several processes, use a shared store instead (a callable over Redis ``SET NX EX``).
    """

    def __init__(
        self,
        ttl: float = 2 * DEFAULT_TOLERANCE_SECONDS,
        maxsize: int = 100_000,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not ttl > 0:
            raise ValueError("ttl must be positive")
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.ttl = ttl
        self.maxsize = maxsize
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        # Ids are kept in insertion order, and all share one ttl: expired ones come first.
        while self._expiry:
            event_id, expiry = next(iter(self._expiry.items()))
            if expiry > now:
                break
            del self._expiry[event_id]

    def check_and_add(self, event_id: str) -> bool:
        """Record ``event_id``; return whether it was already held (atomically)."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            if event_id in self._expiry:
                return True
            self._expiry[event_id] = now + self.ttl
            if len(self._expiry) > self.maxsize:
                self._expiry.popitem(last=False)
            return False

    __call__ = check_and_add

    def __contains__(self, event_id: object) -> bool:
        with self._lock:
            self._expire(self._clock())
            return event_id in self._expiry

    def add(self, event_id: str) -> None:
        self.check_and_add(event_id)

    def discard(self, event_id: str) -> None:
        """Forget ``event_id``, so that a redelivery is accepted (after handling failed)."""
        with self._lock:
            self._expiry.pop(event_id, None)

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._expiry)
