"""Retry policy, client-side rate limiter and circuit breaker.

All three are plain thread-safe objects with no I/O of their own: they only answer "may I
send now?" and "how long should I wait?". The retry loop in ``_base_client`` asks them and
does the waiting itself, with ``time.sleep`` in the sync client and ``asyncio.sleep`` in the
async one, so one implementation serves both and never blocks an event loop.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

__all__ = [
    "Admission",
    "CircuitBreaker",
    "CircuitState",
    "RateLimiter",
    "RetryPolicy",
    "parse_retry_after",
]

CircuitState = Literal["closed", "open", "half_open"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long to wait between retries.

    The number of retries is the client's ``max_retries``; this says only how the waits grow.
    Without a server hint the wait is ``initial_delay * 2**attempt``, capped at ``max_delay``,
    minus up to ``jitter`` of itself at random so that many clients recovering from the same
    outage do not retry in lockstep. A ``Retry-After`` or ``retry-after-ms`` header replaces
    that wait, unless it asks for more than ``max_retry_after`` seconds: then the error is
    raised at once, because silently blocking a caller for minutes is worse than telling it.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.initial_delay < 0 or self.max_delay < 0 or self.max_retry_after < 0:
            raise ValueError("RetryPolicy delays must not be negative")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("RetryPolicy.jitter must be between 0 and 1")

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt + 1`` when the server gave no hint."""
        delay = min(self.initial_delay * (2.0**attempt), self.max_delay)
        return delay * (1.0 - self.jitter * random.random())


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``Retry-After``.

    ``retry-after-ms`` wins because it is more precise. ``Retry-After`` may be a number of
    seconds or an HTTP date (RFC 9110); a date in the past means "now". Anything unreadable
    is ignored so that a bad header falls back to ordinary backoff rather than failing.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            value = float(raw_ms) / 1000.0
        except ValueError:
            value = -1.0
        if value >= 0.0 and value == value:  # rejects NaN
            return value
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        seconds = float(raw)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        current = time.time() if now is None else now
        return max(0.0, when.timestamp() - current)
    if seconds < 0.0 or seconds != seconds or seconds == float("inf"):
        return None
    return seconds


class RateLimiter:
    """Keeps a client under a request quota by pacing requests before they are sent.

    Give ``requests_per_second``, ``requests_per_minute`` or both; no window ever admits more
    than its count (a sliding log, stricter than the server's fixed window, so pacing here
    never collects 429s there). A request asks for a slot with :meth:`reserve` and is told
    how long to wait; reservations are first come, first served across threads and tasks.

    It also adapts to the server: when a response says ``X-RateLimit-Remaining: 0`` it holds
    every request until ``X-RateLimit-Reset`` seconds have passed, and a 429's
    ``Retry-After`` holds it likewise. Share one instance between clients that share a key.
    """

    def __init__(
        self,
        requests_per_second: float | None = None,
        requests_per_minute: float | None = None,
    ) -> None:
        windows: list[tuple[int, float]] = []
        for count, period, name in (
            (requests_per_second, 1.0, "requests_per_second"),
            (requests_per_minute, 60.0, "requests_per_minute"),
        ):
            if count is None:
                continue
            if count <= 0:
                raise ValueError(f"{name} must be positive")
            # A fractional rate such as 0.5/s becomes 1 request per 2 s.
            if count < 1:
                windows.append((1, period / count))
            else:
                windows.append((int(count), period))
        if not windows:
            raise ValueError("RateLimiter needs requests_per_second or requests_per_minute")
        self.requests_per_second = requests_per_second
        self.requests_per_minute = requests_per_minute
        self._windows = windows
        self._logs: list[deque[float]] = [deque(maxlen=count) for count, _ in windows]
        self._last = float("-inf")
        self._hold_until = float("-inf")
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"RateLimiter(requests_per_second={self.requests_per_second!r}, "
            f"requests_per_minute={self.requests_per_minute!r})"
        )

    def reserve(self) -> float:
        """Book the next free slot and return the seconds to wait before sending (>= 0)."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._last, self._hold_until)
            for (count, period), log in zip(self._windows, self._logs, strict=True):
                if len(log) == count:
                    slot = max(slot, log[0] + period)
            for log in self._logs:
                log.append(slot)
            self._last = slot
            return slot - now

    def hold(self, seconds: float) -> None:
        """Send nothing for ``seconds`` from now (the server said the quota is spent)."""
        if seconds <= 0:
            return
        with self._lock:
            self._hold_until = max(self._hold_until, time.monotonic() + seconds)

    def observe(self, headers: Mapping[str, str]) -> None:
        """Adapt to the server's ``X-RateLimit-*`` headers on a response."""
        remaining = headers.get("x-ratelimit-remaining")
        if remaining is None:
            return
        try:
            if float(remaining) > 0:
                return
            reset = float(headers.get("x-ratelimit-reset", "1"))
        except ValueError:
            return
        self.hold(min(reset, 3600.0))


class Admission(NamedTuple):
    """The circuit breaker's answer to "may I send?"."""

    allowed: bool
    trial: bool
    retry_after: float


_ALLOWED = Admission(True, False, 0.0)
_TRIAL = Admission(True, True, 0.0)


class CircuitBreaker:
    """Stops sending to a server that keeps failing, then probes it again after a pause.

    After ``failure_threshold`` consecutive failed attempts (no response, a timeout, a 408 or
    a 5xx) the circuit opens: calls fail at once with :class:`~bondmcp.CircuitOpenError`
    without touching the network. After ``recovery_timeout`` seconds it is half-open and lets
    one trial request through; success closes it, failure opens it for another
    ``recovery_timeout``. Other 4xx responses count as successes: the server is answering.
    """

    def __init__(self, failure_threshold: int = 5, recovery_timeout: float = 30.0) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        if recovery_timeout < 0:
            raise ValueError("recovery_timeout must not be negative")
        self.failure_threshold = failure_threshold
        self.recovery_timeout = recovery_timeout
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_in_flight = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"CircuitBreaker(failure_threshold={self.failure_threshold}, "
            f"recovery_timeout={self.recovery_timeout}, state={self.state!r})"
        )

    @property
    def state(self) -> CircuitState:
        """``closed`` (sending), ``open`` (failing fast) or ``half_open`` (probing)."""
        with self._lock:
            return self._state(time.monotonic())

    @property
    def consecutive_failures(self) -> int:
        """Failed attempts since the last success."""
        return self._failures

    def _state(self, now: float) -> CircuitState:
        if self._opened_at is None:
            return "closed"
        if now - self._opened_at >= self.recovery_timeout:
            return "half_open"
        return "open"

    def acquire(self) -> Admission:
        """Ask to send one request; the answer says whether, and if not, for how long not.

        A trial admission (half-open) must be settled with :meth:`record_success`,
        :meth:`record_failure` or, if the request was abandoned, :meth:`release`.
        """
        with self._lock:
            now = time.monotonic()
            state = self._state(now)
            if state == "closed":
                return _ALLOWED
            if state == "half_open" and not self._trial_in_flight:
                self._trial_in_flight = True
                return _TRIAL
            assert self._opened_at is not None
            wait = max(0.0, self._opened_at + self.recovery_timeout - now)
            return Admission(False, False, wait)

    def record_success(self) -> None:
        """The server answered: close the circuit and forget past failures."""
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_in_flight = False

    def record_failure(self) -> bool:
        """Count a failed attempt; returns True when the circuit is (now) open."""
        with self._lock:
            now = time.monotonic()
            self._failures += 1
            if self._trial_in_flight or self._opened_at is not None:
                # A failed trial (or a straggler from before opening) restarts the pause.
                self._opened_at = now
                self._trial_in_flight = False
                return True
            if self._failures >= self.failure_threshold:
                self._opened_at = now
                return True
            return False

    def release(self) -> None:
        """Give back an unsettled trial permit (the request was cancelled)."""
        with self._lock:
            self._trial_in_flight = False

    def reset(self) -> None:
        """Close the circuit by hand, for example after fixing the server."""
        self.record_success()
