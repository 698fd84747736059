"""The v1 HTTP contract, exercised over real HTTP against a real `bondmcp serve` process."""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from bondmcp.types import MAX_BATCH_SIZE, AskResponse, BatchAskResponse, SearchResponse
from tests.conftest import ASK_RESPONSE_FIELDS, ServerProcess, start_server


def assert_envelope(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["type"] and error["message"]
    assert error["request_id"] == response.headers["x-request-id"]
    return error  # type: ignore[no-any-return]


def test_health_needs_no_key_and_reports_version(live_server: ServerProcess) -> None:
    response = httpx.get(f"{live_server.base_url}/health")
    assert response.status_code == 200
    assert response.json()["status"] == "healthy"
    assert response.json()["version"]
    assert response.headers["x-request-id"].startswith("req_")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "server" not in response.headers


def test_ready_reports_each_dependency(live_server: ServerProcess) -> None:
    response = httpx.get(f"{live_server.base_url}/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["dependencies"]["database"]["status"] == "up"
    assert body["dependencies"]["knowledge_base"]["status"] == "up"


def test_ready_is_503_when_the_database_is_unreachable(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data")
    try:
        # Swap the database file for a directory: the next connection cannot open it.
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / "data" / f"bondmcp.db{suffix}").unlink(missing_ok=True)
        (tmp_path / "data" / "bondmcp.db").mkdir()
        with httpx.Client() as client:
            response = client.get(f"{server.base_url}/ready")
        assert response.status_code == 503
        assert response.json()["status"] == "not_ready"
        assert response.json()["dependencies"]["database"]["status"] == "down"
    finally:
        server.stop()


def test_ask_returns_a_cited_answer(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        # no-cache: other tests ask this question too, and this one checks a fresh answer.
        response = client.post(
            "/v1/ask", json={"query": "What is diabetes?"}, headers={"Cache-Control": "no-cache"}
        )
    assert response.status_code == 200, response.text
    answer = AskResponse.model_validate(response.json())
    assert answer.id.startswith("ans_")
    assert "diabetes" in answer.answer.lower()
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.confidence >= 0.5
    assert 0.0 < answer.processing_time < 5.0
    assert answer.citations and all(c.url.startswith("https://") for c in answer.citations)
    assert answer.triage == "routine"
    assert answer.in_scope is True
    assert answer.disclaimer
    assert answer.cached is False
    assert answer.kb_version.startswith("kb-")
    # Every sentence of the answer comes from a cited passage.
    cited = {c.source_id for c in answer.citations}
    assert answer.evidence and all(e.source_id in cited for e in answer.evidence)
    assert answer.answer == " ".join(e.sentence for e in answer.evidence)
    assert answer.request_id == response.headers["x-request-id"]


def test_ask_flags_an_emergency_with_guidance_first(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        response = client.post("/v1/ask", json={"query": "I have crushing chest pain right now"})
    body = response.json()
    assert body["triage"] == "emergency"
    assert body["answer"].startswith("These can be signs of a heart attack")
    assert "911" in body["answer"].split(".")[1] or "911" in body["answer"][:200]


def test_ask_uses_the_requested_locale_for_emergency_numbers(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        body = client.post(
            "/v1/ask", json={"query": "I want to kill myself", "locale": "gb"}
        ).json()
    assert body["triage"] == "emergency"
    assert "999" in body["answer"] and "116 123" in body["answer"]


def test_ask_marks_non_health_questions_out_of_scope(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        body = client.post("/v1/ask", json={"query": "What is the capital of France?"}).json()
    assert body["in_scope"] is False
    assert body["confidence"] <= 0.2
    assert body["citations"] == []


def test_batch_answers_in_order_with_per_item_errors(live_server: ServerProcess) -> None:
    queries = ["What is asthma?", "   ", "Symptoms of influenza", "x" * 5000]
    with live_server.client() as client:
        response = client.post("/v1/ask/batch", json={"queries": queries})
    assert response.status_code == 200, response.text
    results = BatchAskResponse.model_validate(response.json()).results
    assert len(results) == 4
    assert isinstance(results[0], AskResponse) and "asthma" in results[0].answer.lower()
    assert not isinstance(results[1], AskResponse) and results[1].error.code == "invalid_query"
    assert isinstance(results[2], AskResponse) and "flu" in results[2].answer.lower()
    assert not isinstance(results[3], AskResponse) and "4000" in results[3].error.message


def test_batch_size_is_bounded_and_the_error_says_so(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        response = client.post("/v1/ask/batch", json={"queries": ["a"] * (MAX_BATCH_SIZE + 1)})
    error = assert_envelope(response, 422, "batch_too_large")
    assert str(MAX_BATCH_SIZE) in str(error["message"])
    assert error["param"] == "queries"


def test_search_returns_ranked_passages(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        response = client.post("/v1/search", json={"query": "flu symptoms", "limit": 3})
    results = SearchResponse.model_validate(response.json()).results
    assert 1 <= len(results) <= 3
    assert results[0].source_id == "kb:influenza#symptoms"
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(r.text and r.url.startswith("https://") for r in results)


def test_ping_identifies_the_key(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        response = client.get("/v1/ping")
    assert response.status_code == 200
    assert response.json()["key_id"] == live_server.key_id
    assert response.json()["environment"] == "development"
    for header in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"):
        assert response.headers[header].isdigit()


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/ping"), ("POST", "/v1/ask"), ("POST", "/v1/ask/batch"), ("POST", "/v1/search")],
)
def test_every_v1_endpoint_requires_a_key(
    live_server: ServerProcess, method: str, path: str
) -> None:
    with httpx.Client(base_url=live_server.base_url) as client:
        missing = client.request(method, path, json={"query": "x"})
        wrong = client.request(
            method, path, json={"query": "x"}, headers={"Authorization": "Bearer bmcp_dev_nope"}
        )
        basic = client.request(
            method, path, json={"query": "x"}, headers={"Authorization": "Basic abc"}
        )
    assert_envelope(missing, 401, "missing_api_key")
    assert_envelope(wrong, 401, "invalid_api_key")
    assert_envelope(basic, 401, "invalid_api_key")
    assert missing.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b'{"query": ', 400, "invalid_json"),
        (b"not json at all", 400, "invalid_json"),
        (b'{"query": ""}', 422, "invalid_request"),
        (b'{"query": "   "}', 422, "invalid_request"),
        (b'{"query": 42}', 422, "invalid_request"),
        (b'{"query": null}', 422, "invalid_request"),
        (b'{"query": ["a"]}', 422, "invalid_request"),
        (b'{"question": "What is flu?"}', 422, "invalid_request"),
        (b"[]", 422, "invalid_request"),
        (b"", 422, "invalid_request"),
        (b'{"query": "ok", "locale": "mars"}', 422, "invalid_request"),
    ],
)
def test_bad_ask_bodies_get_a_clear_4xx(
    live_server: ServerProcess, body: bytes, status: int, code: str
) -> None:
    with live_server.client() as client:
        response = client.post(
            "/v1/ask", content=body, headers={"Content-Type": "application/json"}
        )
    assert_envelope(response, status, code)


def test_query_errors_name_the_field(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        error = assert_envelope(client.post("/v1/ask", json={"query": 42}), 422, "invalid_request")
    assert error["param"] == "query"
    assert str(error["message"]).startswith("query:")


def test_search_limit_is_validated(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        for limit in (0, 51, "5"):
            assert_envelope(
                client.post("/v1/search", json={"query": "flu", "limit": limit}),
                422,
                "invalid_request",
            )


def test_oversized_body_is_rejected_before_it_is_parsed(live_server: ServerProcess) -> None:
    payload = json.dumps({"query": "a" * 1_100_000}).encode()
    with live_server.client() as client:
        response = client.post(
            "/v1/ask", content=payload, headers={"Content-Type": "application/json"}
        )
    error = assert_envelope(response, 413, "payload_too_large")
    assert "1000000" in str(error["message"])


def test_oversized_chunked_body_is_rejected(live_server: ServerProcess) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"a" * 50_000

    with live_server.client() as client:
        response = client.post(
            "/v1/ask", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert_envelope(response, 413, "payload_too_large")


def test_lying_content_length_never_crashes_the_server(live_server: ServerProcess) -> None:
    host, port = live_server.base_url.removeprefix("http://").split(":")
    request = (
        "POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {live_server.api_key}\r\nContent-Length: 100\r\n\r\n"
        + '{"query": "flu"}'
    ).encode()
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        sock.recv(65536)
    assert httpx.get(f"{live_server.base_url}/health").status_code == 200


def test_unknown_route_and_method_use_the_envelope(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        assert_envelope(client.get("/v1/nothing-here"), 404, "not_found")
        assert_envelope(client.delete("/v1/ask"), 405, "method_not_allowed")


def test_client_request_id_is_echoed_when_well_formed(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        echoed = client.get("/v1/ping", headers={"X-Request-ID": "trace-12345678"})
        replaced = client.get("/v1/ping", headers={"X-Request-ID": "bad id; with spaces"})
    assert echoed.headers["x-request-id"] == "trace-12345678"
    assert replaced.headers["x-request-id"].startswith("req_")


def test_idempotency_key_replays_the_first_response(live_server: ServerProcess) -> None:
    with live_server.client() as client:
        headers = {"Idempotency-Key": "retry-test-0001"}
        first = client.post("/v1/ask", json={"query": "What is gout?"}, headers=headers)
        second = client.post("/v1/ask", json={"query": "What is gout?"}, headers=headers)
        other = client.post("/v1/ask", json={"query": "What is flu?"}, headers=headers)
        fresh = client.post("/v1/ask", json={"query": "What is gout?"})
    assert first.status_code == second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert_envelope(other, 409, "idempotency_conflict")
    assert fresh.json()["id"] != first.json()["id"]


@pytest.mark.parametrize("bad_key", ["", "k" * 256])
def test_an_invalid_idempotency_key_is_refused(live_server: ServerProcess, bad_key: str) -> None:
    with live_server.client() as client:
        response = client.post(
            "/v1/ask", json={"query": "What is gout?"}, headers={"Idempotency-Key": bad_key}
        )
    assert_envelope(response, 400, "invalid_idempotency_key")


def test_concurrent_retries_with_one_idempotency_key_get_one_answer(
    live_server: ServerProcess,
) -> None:
    """Twins in flight at once (a client that timed out and retried) both compute, but the
    one stored first is what every twin and every later retry gets."""

    def send(_: int) -> httpx.Response:
        with live_server.client() as client:
            return client.post(
                "/v1/ask",
                json={"query": "What is eczema?"},
                headers={"Idempotency-Key": "twins-0001", "Cache-Control": "no-cache"},
            )

    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(send, range(8)))
    assert {r.status_code for r in responses} == {200}
    assert len({r.json()["id"] for r in responses}) == 1
    assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) >= 1
    with live_server.client() as client:
        later = client.post(
            "/v1/ask", json={"query": "What is eczema?"}, headers={"Idempotency-Key": "twins-0001"}
        )
    assert later.json()["id"] == responses[0].json()["id"]


def test_openapi_documents_the_whole_contract(live_server: ServerProcess) -> None:
    spec = httpx.get(f"{live_server.base_url}/openapi.json").json()
    paths = spec["paths"]
    for path in ("/v1/ask", "/v1/ask/batch", "/v1/search", "/v1/ping", "/health", "/ready"):
        assert path in paths
    ask_schema = spec["components"]["schemas"]["AskResponse"]["properties"]
    for field in ASK_RESPONSE_FIELDS:
        assert field in ask_schema
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_docs_page_and_its_assets_are_served_locally(live_server: ServerProcess) -> None:
    page = httpx.get(f"{live_server.base_url}/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/docs-assets/{asset}" in page.text
        response = httpx.get(f"{live_server.base_url}/docs-assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 10_000


def test_an_answered_idempotency_key_survives_a_restart(tmp_path: Path) -> None:
    """Answers are stored behind the response; stopping the server writes what is left."""
    data = tmp_path / "data"
    server = start_server(data)
    headers = {"Authorization": f"Bearer {server.api_key}", "Idempotency-Key": "restart-0001"}
    try:
        first = httpx.post(
            f"{server.base_url}/v1/ask", json={"query": "What is gout?"}, headers=headers
        )
    finally:
        server.stop()
    again = start_server(data)
    try:
        headers["Authorization"] = f"Bearer {server.api_key}"
        replay = httpx.post(
            f"{again.base_url}/v1/ask", json={"query": "What is gout?"}, headers=headers
        )
    finally:
        again.stop()
    assert first.status_code == replay.status_code == 200
    assert replay.json()["id"] == first.json()["id"]
    assert replay.headers["idempotent-replayed"] == "true"


def test_an_unexpected_error_gets_the_envelope_and_one_log_line(tmp_path: Path) -> None:
    """A route that fails unexpectedly (here a table gone from under the server) answers
    500 with the error envelope and the request id, and the failure is logged once,
    without its message."""
    server = start_server(tmp_path / "broken")
    try:
        with server.client() as client:
            assert client.get("/v1/usage").status_code == 200
            with sqlite3.connect(server.data_dir / "bondmcp.db") as db:
                db.execute("DROP TABLE usage_daily")
            response = client.get("/v1/usage")
        assert response.status_code == 500
        error = response.json()["error"]
        assert error["code"] == "internal_error"
        request_id = response.headers["x-request-id"]
        assert error["request_id"] == request_id
        deadline = time.monotonic() + 5
        while '"status": 500' not in (log := server.log()) and time.monotonic() < deadline:
            time.sleep(0.05)
        failures = [json.loads(line) for line in log.splitlines() if '"exc_type"' in line]
        # (The request recorder, writing to the same table, reports its own failures.)
        served = [f for f in failures if "usage and audit records" not in f["msg"]]
        assert [(f["msg"], f.get("request_id")) for f in served] == [
            ("unhandled error", request_id)
        ], served
        assert "no such table" not in log  # exception messages can quote user input
        request_lines = [line for line in log.splitlines() if request_id in line]
        assert any('"status": 500' in line for line in request_lines)
    finally:
        server.stop()
