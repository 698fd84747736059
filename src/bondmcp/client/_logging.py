"""Logging for the SDK, with secrets kept out of every record.

Everything goes to the ``bondmcp`` logger, silent by default like any library. Setting
``BONDMCP_LOG=debug`` (or ``info``) turns it on without touching code, which is what one
wants when a production integration misbehaves. Headers are logged only after
:func:`redact_headers` has replaced credentials, because logs travel to places keys must not.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable

__all__ = ["logger", "redact_headers", "setup_logging"]

logger = logging.getLogger("bondmcp")

SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"}
)
_KEY_PREFIX = re.compile(r"^(bmcp_(?:dev|test|live)_)")
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time, so redirection keeps working."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


_handler: logging.Handler | None = None


def setup_logging() -> None:
    """Apply ``BONDMCP_LOG`` to the ``bondmcp`` logger (idempotent).

    Adds one stderr handler so the output appears even when the application configured no
    logging; an application that did configure logging still receives the records too.
    """
    global _handler
    level = _LEVELS.get(os.environ.get("BONDMCP_LOG", "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if _handler is None:
        _handler = _StderrHandler()
        _handler.setFormatter(
            logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
        )
        logger.addHandler(_handler)


def redact_value(name: str, value: str) -> str:
    """The value with any credential replaced; ``Bearer bmcp_live_<redacted>`` for our keys.

    The scheme and the key's environment prefix stay visible: they tell a reader whether a
    production or a test key was used, which is most of what debugging a 401 needs.
    """
    if name.lower() not in SENSITIVE_HEADERS:
        return value
    scheme, sep, credential = value.partition(" ")
    if not sep:
        return "<redacted>"
    match = _KEY_PREFIX.match(credential)
    prefix = match.group(1) if match else ""
    return f"{scheme} {prefix}<redacted>"


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of ``headers`` that is safe to log."""
    return {name: redact_value(name, value) for name, value in headers}
