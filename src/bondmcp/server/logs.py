"""Structured JSON logs: one line per request, never query text or other PHI.

The request line carries the fields the seed document logs (query length, response time,
confidence) plus request and key ids, so operators can trace a request without any of
the patient's words ending up in a log file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

# Record attributes that are not ours to log (uvicorn adds a terminal-coloured message copy).
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "color_message",
}


# Made once: json.dumps with options builds a new encoder for every line.
_ENCODER = json.JSONEncoder(default=str)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": _timestamp(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in record.__dict__.keys() - _STANDARD:
            if not name.startswith("_"):
                entry[name] = record.__dict__[name]
        if record.exc_info:
            # Exception types and frames only: messages can quote user input.
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["frames"] = _frames(record)
        return _ENCODER.encode(entry)


def _timestamp(created: float) -> str:
    """ISO 8601 UTC to the millisecond. The date and time to the second are formatted once a
    second, as a busy server logs many lines in one; the (second, text) pair is replaced
    whole, so threads never see a torn one."""
    global _last_second
    millis = int(created * 1000)
    seconds, ms = divmod(millis, 1000)
    last = _last_second
    if last[0] != seconds:
        text = dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()[:-6]  # no +00:00
        last = _last_second = (seconds, text)
    return f"{last[1]}.{ms:03d}+00:00"


_last_second: tuple[int, str] = (-1, "")


def _frames(record: logging.LogRecord) -> list[str]:
    import traceback

    if not record.exc_info or record.exc_info[2] is None:
        return []
    return [
        f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(record.exc_info[2])
    ]


def _json_to_stderr(**loggers: Any) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` with one handler, JSON lines on stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"default": handler},
        **loggers,
    }


def uvicorn_log_config(level: str) -> dict[str, Any]:
    """Logging configuration for ``uvicorn.run``: JSON lines on stderr for every logger."""
    return _json_to_stderr(
        loggers={
            "uvicorn": {"handlers": ["default"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"level": level.upper()},
            "bondmcp": {"handlers": ["default"], "level": level.upper(), "propagate": False},
        },
    )


def process_log_config(level: str) -> dict[str, Any]:
    """Logging configuration for our other long-running processes (``bondmcp worker``): the
    same JSON lines on stderr, for every logger, including the task queue's."""
    return _json_to_stderr(root={"handlers": ["default"], "level": level.upper()})
