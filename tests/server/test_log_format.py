"""The JSON request-log line: its timestamp and which record attributes it carries."""

from __future__ import annotations

import datetime as dt
import json
import logging

from bondmcp.server.logs import JsonFormatter


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
