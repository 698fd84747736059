"""Every HTTP status maps to its exception class, filled from the error envelope."""

from __future__ import annotations

import pytest

import bondmcp
from bondmcp import Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, error_payload

FAST = bondmcp.RetryPolicy(initial_delay=0.001, max_delay=0.005)

STATUS_CASES = [
    (400, bondmcp.BadRequestError, "invalid_json"),
    (401, bondmcp.AuthenticationError, "invalid_api_key"),
    (401, bondmcp.AuthenticationError, "wrong_environment"),
    (403, bondmcp.PermissionDeniedError, "insufficient_scope"),
    (404, bondmcp.NotFoundError, "not_found"),
    (405, bondmcp.APIStatusError, "method_not_allowed"),
    (409, bondmcp.ConflictError, "idempotency_conflict"),
    (413, bondmcp.PayloadTooLargeError, "payload_too_large"),
    (422, bondmcp.UnprocessableEntityError, "invalid_request"),
    (422, bondmcp.UnprocessableEntityError, "batch_too_large"),
    (429, bondmcp.RateLimitError, "rate_limited"),
    (500, bondmcp.InternalServerError, "internal_error"),
    (503, bondmcp.InternalServerError, "unavailable"),
]


@pytest.mark.parametrize(("status", "cls", "code"), STATUS_CASES)
def test_status_maps_to_exception(
    server: ScriptedServer, status: int, cls: type[bondmcp.APIStatusError], code: str
) -> None:
    server.push(
        Reply(
            status=status,
            json=error_payload(code, f"explained {code}", "some_error", rid="req_abc"),
            headers={"X-Request-ID": "req_abc"},
        )
    )
    with (
        Client(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client,
        pytest.raises(cls) as info,
    ):
        client.ask("What is gout?")
    err = info.value
    assert type(err) is cls
    assert isinstance(err, bondmcp.APIError)
    assert isinstance(err, bondmcp.BondMCPError)
    assert err.status_code == status
    assert err.code == code
    assert err.type == "some_error"
    assert err.message == f"explained {code}"
    assert err.request_id == "req_abc"
    assert err.response.status_code == status
    assert err.request.url.path == "/v1/ask"
    assert f"{status} {code}" in str(err)
    assert "req_abc" in str(err)
    assert API_KEY not in str(err)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 422])
def test_client_errors_are_never_retried(server: ScriptedServer, status: int) -> None:
    server.push(*[Reply(status=status, json=error_payload("x", "no")) for _ in range(4)])
    with (
        Client(
            api_key=API_KEY, base_url=server.base_url, max_retries=3, retry_policy=FAST
        ) as client,
        pytest.raises(bondmcp.APIStatusError),
    ):
        client.ask("q")
    assert len(server.requests) == 1


def test_rate_limit_error_carries_retry_after(server: ScriptedServer) -> None:
    server.push(
        Reply(
            status=429,
            json=error_payload("rate_limited", "slow down"),
            headers={"Retry-After": "7"},
        )
    )
    with (
        Client(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client,
        pytest.raises(bondmcp.RateLimitError) as info,
    ):
        client.ask("q")
    assert info.value.retry_after == 7.0


def test_request_id_falls_back_to_the_header(server: ScriptedServer) -> None:
    server.push(Reply(status=403, json=error_payload("insufficient_scope", "nope")))
    with (
        Client(api_key=API_KEY, base_url=server.base_url) as client,
        pytest.raises(bondmcp.PermissionDeniedError) as info,
    ):
        client.ping()
    assert info.value.request_id == "req_1"


def test_error_body_that_is_not_our_envelope(server: ScriptedServer) -> None:
    # A proxy in front of the server may answer with HTML.
    server.push(
        Reply(status=502, raw=b"<html>Bad Gateway</html>", headers={"Content-Type": "text/html"})
    )
    with (
        Client(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client,
        pytest.raises(bondmcp.InternalServerError) as info,
    ):
        client.ask("q")
    assert info.value.status_code == 502
    assert info.value.code is None
    assert "Bad Gateway" in info.value.message


def test_success_with_an_unexpected_body_is_a_validation_error(server: ScriptedServer) -> None:
    server.push(Reply(status=200, json={"answer": "missing every other field"}))
    with (
        Client(api_key=API_KEY, base_url=server.base_url) as client,
        pytest.raises(bondmcp.APIResponseValidationError) as info,
    ):
        client.ask("q")
    assert info.value.status_code == 200
    assert len(server.requests) == 1  # not retried


def test_connection_refused_is_a_connection_error() -> None:
    import socket

    with socket.socket() as sock:  # find a port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with (
        Client(api_key=API_KEY, base_url=f"http://127.0.0.1:{port}", retry_policy=FAST) as client,
        pytest.raises(bondmcp.APIConnectionError) as info,
    ):
        client.ping()
    assert not isinstance(info.value, bondmcp.APITimeoutError)
    assert info.value.request.url.port == port


def test_every_exception_is_importable_from_the_package() -> None:
    names = [
        "BondMCPError",
        "APIError",
        "APIStatusError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "PayloadTooLargeError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "APIConnectionError",
        "APITimeoutError",
        "APIResponseValidationError",
        "CircuitOpenError",
    ]
    for name in names:
        cls = getattr(bondmcp, name)
        assert issubclass(cls, bondmcp.BondMCPError), name
    assert issubclass(bondmcp.APITimeoutError, bondmcp.APIConnectionError)
    assert issubclass(bondmcp.RateLimitError, bondmcp.APIStatusError)
    assert issubclass(bondmcp.CircuitOpenError, bondmcp.APIError)
