"""The JSON request-log line: its timestamp and which record attributes it carries."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import time
from collections.abc import Callable

from bondmcp.server.logs import BatchingStreamHandler, JsonFormatter


def record(created: float, **extra: object) -> logging.LogRecord:
    made = logging.getLogger("bondmcp.access").makeRecord(
        "bondmcp.access", logging.INFO, __file__, 1, "request", (), None, extra=extra
    )
    made.created = created
    return made


def test_timestamps_are_utc_iso_8601_to_the_millisecond() -> None:
    formatter = JsonFormatter()
    # Within one second, across a second boundary, back in time, and far apart.
    for created in (1700000000.0, 1700000000.4567, 1700000000.999, 1700000001.0004, 86400.5):
        entry = json.loads(formatter.format(record(created)))
        expected = dt.datetime.fromtimestamp(created, dt.UTC).isoformat(timespec="milliseconds")
        assert entry["ts"] == expected


def test_a_line_carries_our_fields_and_none_of_the_record_internals() -> None:
    entry = json.loads(
        JsonFormatter().format(record(1700000000.0, request_id="req_1", status=200, cached=True))
    )
    assert entry["msg"] == "request" and entry["level"] == "info"
    assert entry["request_id"] == "req_1" and entry["status"] == 200 and entry["cached"] is True
    for internal in ("args", "pathname", "lineno", "thread", "processName", "color_message"):
        assert internal not in entry


class Writes(io.StringIO):
    """A stream that remembers each write, to see which lines went out together."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


def batching_logger(name: str, stream: Writes, **options: float) -> logging.Logger:
    logger = logging.getLogger(f"tests.batching.{name}")
    handler = BatchingStreamHandler(stream, batched=[logger.name], **options)  # type: ignore[arg-type]
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


def wait_for(test: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not test() and time.monotonic() < deadline:
        time.sleep(0.01)
    return test()


def test_lines_of_a_moment_are_written_together_and_in_order() -> None:
    stream = Writes()
    logger = batching_logger("moment", stream, interval=0.2)
    for n in range(5):
        logger.info("line %d", n)
    assert stream.getvalue() == ""  # waiting for the rest of the moment
    assert wait_for(lambda: stream.getvalue() != "")
    assert stream.writes == ["".join(f"line {n}\n" for n in range(5))]
    logger.info("later")
    assert wait_for(lambda: stream.getvalue().endswith("later\n"))
    assert len(stream.writes) == 2


def test_a_warning_writes_everything_waiting_at_once() -> None:
    stream = Writes()
    logger = batching_logger("warning", stream, interval=60)
    logger.info("first")
    logger.warning("trouble")
    assert stream.getvalue() == "first\ntrouble\n"


def test_other_loggers_write_everything_waiting_at_once() -> None:
    stream = Writes()
    logger = batching_logger("others", stream, interval=60)
    logger.info("request")
    assert stream.getvalue() == ""
    other = logging.getLogger("tests.batching.lifecycle")
    other.handlers[:] = logger.handlers
    other.propagate = False
    other.setLevel(logging.INFO)
    other.info("shutting down")
    assert stream.writes == ["request\nshutting down\n"]


def test_a_full_batch_is_written_without_waiting() -> None:
    stream = Writes()
    logger = batching_logger("full", stream, interval=60, batch=3)
    for n in range(7):
        logger.info("line %d", n)
    assert stream.writes == ["line 0\nline 1\nline 2\n", "line 3\nline 4\nline 5\n"]


def test_flush_and_close_write_what_is_waiting() -> None:
    stream = Writes()
    logger = batching_logger("close", stream, interval=60)
    logger.info("one")
    logger.handlers[0].flush()
    assert stream.getvalue() == "one\n"
    logger.info("two")
    logger.handlers[0].close()
    assert stream.getvalue() == "one\ntwo\n"
