"""Structured JSON logs: one line per request, never query text or other PHI.

The request line carries the fields the seed document logs (query length, response time,
confidence) plus request and key ids, so operators can trace a request without any of
the patient's words ending up in a log file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Collection
from typing import Any, TextIO

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


class BatchingStreamHandler(logging.StreamHandler[TextIO]):
    """A stream handler that writes the request lines of a moment together.

    A busy server logs a line per request; a write and a flush for each is a system call
    per request on the event loop. Records of the ``batched`` loggers (the request log)
    below WARNING wait here at most ``interval`` seconds (a daemon thread writes them) or
    until ``batch`` are waiting. Any other record is written at once, with everything
    waiting before it: problems are never held back, and the server's start-up and
    shutdown lines are out before the process ends (uvicorn ends it by re-raising
    SIGTERM, so no exit handler runs). ``flush`` and ``close`` write what is waiting.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        interval: float = 0.05,
        batch: int = 256,
        batched: Collection[str] = ("bondmcp.access",),
    ) -> None:
        super().__init__(stream)
        self.interval = interval
        self.batch = batch
        self.batched = frozenset(batched)
        self._waiting: list[str] = []
        self._wake = threading.Condition(self.lock)
        self._closed = False
        self._writer: threading.Thread | None = None

    def emit(self, record: logging.LogRecord) -> None:
        # Called with self.lock held (Handler.handle).
        try:
            self._waiting.append(self.format(record) + self.terminator)
            if (
                record.levelno >= logging.WARNING
                or record.name not in self.batched
                or len(self._waiting) >= self.batch
            ):
                self._write_waiting()
            elif len(self._waiting) == 1:
                if self._writer is None:
                    self._writer = threading.Thread(
                        target=self._write_behind, name="bondmcp-log-writer", daemon=True
                    )
                    self._writer.start()
                self._wake.notify()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def _write_waiting(self) -> None:
        if self._waiting:
            text, self._waiting = "".join(self._waiting), []
            self.stream.write(text)
            self.stream.flush()

    def _write_behind(self) -> None:
        with self._wake:
            while not self._closed:
                if not self._waiting:
                    self._wake.wait()
                    continue
                # Let the lines of the next moment join the first one.
                self._wake.wait(self.interval)
                try:
                    self._write_waiting()
                except Exception:  # a closed or broken stream: drop the lines, keep serving
                    self._waiting = []

    def flush(self) -> None:
        with self._wake:
            if self.stream and hasattr(self.stream, "write"):
                self._write_waiting()
                self.stream.flush()

    def close(self) -> None:
        with self._wake:
            try:
                self.flush()
            finally:
                self._closed = True
                self._wake.notify()
                super().close()


def _json_to_stderr(**loggers: Any) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` with one handler, JSON lines on stderr."""
    handler = {
        "class": f"{__name__}.BatchingStreamHandler",
        "formatter": "json",
        "stream": "ext://sys.stderr",
    }
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
