"""One record per tool call, with no query text in it.

As for REST, a record says who called, what happened and how long it took, with the query's
length but never its words: questions to a health service carry names, dates of birth and
diagnoses. Over HTTP the fields join the API's own request log line (``request.state.log_fields``,
which the request middleware writes out with the key and request ids); over stdio, where there
is no request log, they are logged here, to stderr.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from bondmcp.mcp.server import ToolContext, http_request_of

logger = logging.getLogger("bondmcp.mcp")


def record_call(ctx: ToolContext, tool: str, outcome: str, started: float, **fields: Any) -> None:
    """Record a finished tool call; ``fields`` are counts and scores, never request content."""
    record = {"mcp_tool": tool, "outcome": outcome, **fields}
    request = http_request_of(ctx)
    if request is not None:
        previous: dict[str, Any] = getattr(request.state, "log_fields", {})
        request.state.log_fields = {**previous, **record}
        return
    record["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    logger.info(
        "tool call %s", " ".join(f"{name}={value}" for name, value in record.items()), extra=record
    )


def record_failure(tool: str, exc: BaseException) -> None:
    """Log an unexpected error with its stack but without its message.

    An exception message can quote its input, and the input here is someone's health question.
    """
    stack = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("tool %s raised %s\n%s", tool, type(exc).__name__, stack)
