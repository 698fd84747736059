"""The request middleware's headers replace a response's own of the same name."""

from __future__ import annotations

from bondmcp.server.middleware import set_headers


def test_headers_are_added_and_same_named_ones_replaced() -> None:
    message = {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/html"), (b"Cache-Control", b"public, max-age=60")],
    }
    set_headers(
        message,
        [("X-Request-ID", "req_1"), ("Cache-Control", "no-store"), ("X-RateLimit-Limit", "5")],
    )
    assert message["headers"] == [
        (b"content-type", b"text/html"),
        (b"x-request-id", b"req_1"),
        (b"cache-control", b"no-store"),
        (b"x-ratelimit-limit", b"5"),
    ]


def test_the_last_of_two_same_named_headers_wins() -> None:
    message = {"type": "http.response.start", "status": 200, "headers": []}
    set_headers(message, [("Retry-After", "5"), ("retry-after", "7")])
    assert message["headers"] == [(b"retry-after", b"7")]
