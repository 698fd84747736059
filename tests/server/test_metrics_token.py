"""BONDMCP_METRICS_TOKEN: /metrics answers only a scraper that sends the token."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.conftest import start_server

TOKEN = "metrics-token-4f1c9e2a7b"


def test_metrics_need_the_configured_bearer_token(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data", metrics_token=TOKEN)
    try:
        url = f"{server.base_url}/metrics"
        missing = httpx.get(url, timeout=10)
        assert missing.status_code == 401
        assert missing.json()["error"]["code"] == "invalid_metrics_token"
        assert missing.headers["www-authenticate"].startswith("Bearer")
        for header in (f"Bearer {TOKEN}x", f"Basic {TOKEN}", TOKEN, f"Bearer {server.api_key}"):
            wrong = httpx.get(url, headers={"Authorization": header}, timeout=10)
            assert wrong.status_code == 401, header
        right = httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert right.status_code == 200
        assert "bondmcp_errors_total" in right.text
        assert 'code="invalid_metrics_token"' in right.text  # the refusals were counted
        # The API itself is unchanged: keys, not the metrics token, open /v1.
        with server.client() as client:
            assert client.get("/v1/ping").status_code == 200
        assert (
            httpx.get(
                f"{server.base_url}/v1/ping",
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=10,
            ).status_code
            == 401
        )
        deadline = time.monotonic() + 5
        while '"route": "/metrics"' not in server.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert '"route": "/metrics"' in server.log()
        assert TOKEN not in server.log()
    finally:
        server.stop()


def test_metrics_stay_open_without_a_token(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data")
    try:
        response = httpx.get(f"{server.base_url}/metrics", timeout=10)
        assert response.status_code == 200 and "bondmcp_requests_total" in response.text
        assert "BONDMCP_METRICS_TOKEN" not in server.log()  # development: no warning
    finally:
        server.stop()


def test_production_without_a_token_warns_at_start(tmp_path: Path) -> None:
    open_server = start_server(tmp_path / "open", environment="production")
    closed = start_server(tmp_path / "closed", environment="production", metrics_token=TOKEN)
    try:
        deadline = time.monotonic() + 10
        while "BONDMCP_METRICS_TOKEN" not in open_server.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "BONDMCP_METRICS_TOKEN" in open_server.log()
        assert "BONDMCP_METRICS_TOKEN" not in closed.log()
    finally:
        open_server.stop()
        closed.stop()
