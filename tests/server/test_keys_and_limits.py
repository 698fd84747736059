"""Keys and limits over real HTTP: environments, revocation, rotation, rate limits, TLS."""

from __future__ import annotations

import json
import ssl
import time
from pathlib import Path

import httpx
import pytest
import trustme

from tests.conftest import ServerProcess, create_key, run_cli, start_server


@pytest.fixture(scope="module")
def staging_server(tmp_path_factory: pytest.TempPathFactory) -> ServerProcess:
    server = start_server(tmp_path_factory.mktemp("staging"), environment="staging")
    yield server  # type: ignore[misc]
    server.stop()


def ping(server: ServerProcess, key: str) -> httpx.Response:
    return httpx.get(f"{server.base_url}/v1/ping", headers={"Authorization": f"Bearer {key}"})


def test_a_server_accepts_only_keys_of_its_environment(staging_server: ServerProcess) -> None:
    assert ping(staging_server, staging_server.api_key).status_code == 200
    production = create_key(staging_server.env, "--environment", "production")
    response = ping(staging_server, str(production["key"]))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "wrong_environment"


def test_revoked_keys_stop_working_immediately(staging_server: ServerProcess) -> None:
    key = create_key(staging_server.env, "--environment", "staging")
    for _ in range(3):
        assert ping(staging_server, str(key["key"])).status_code == 200
    run_cli("keys", "revoke", str(key["id"]), env=staging_server.env)
    response = ping(staging_server, str(key["key"]))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"


def test_with_a_key_cache_revocation_elsewhere_lands_within_its_period(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data", key_cache_seconds="1")
    try:
        key = create_key(server.env)
        assert ping(server, str(key["key"])).status_code == 200
        started = time.monotonic()
        run_cli("keys", "revoke", str(key["id"]), env=server.env)
        # The cache entry made by the first ping expires at most a second after it.
        while (response := ping(server, str(key["key"]))).status_code == 200:
            assert time.monotonic() - started < 1.5, "revocation outlived the key cache period"
            time.sleep(0.05)
        assert response.json()["error"]["code"] == "invalid_api_key"
    finally:
        server.stop()


def test_rotation_keeps_the_old_key_for_the_grace_period(staging_server: ServerProcess) -> None:
    old = create_key(staging_server.env, "--environment", "staging")
    rotated = json.loads(
        run_cli(
            "keys",
            "rotate",
            str(old["id"]),
            "--grace-period",
            "2",
            "--json",
            env=staging_server.env,
        ).stdout
    )
    assert rotated["id"] != old["id"] and rotated["rotated_from"] == old["id"]
    assert ping(staging_server, str(rotated["key"])).status_code == 200
    assert ping(staging_server, str(old["key"])).status_code == 200
    time.sleep(2.5)
    expired = ping(staging_server, str(old["key"]))
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "api_key_expired"
    assert ping(staging_server, str(rotated["key"])).status_code == 200


def test_admin_scope_is_required_for_nothing_a_plain_key_can_do(
    staging_server: ServerProcess,
) -> None:
    admin_only = create_key(staging_server.env, "--environment", "staging", "--scope", "admin")
    response = httpx.post(
        f"{staging_server.base_url}/v1/ask",
        json={"query": "What is flu?"},
        headers={"Authorization": f"Bearer {admin_only['key']}"},
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "insufficient_scope"


def test_rate_limit_refuses_the_request_after_the_quota(staging_server: ServerProcess) -> None:
    limited = create_key(staging_server.env, "--environment", "staging", "--rate-limit", "3/minute")
    headers = {"Authorization": f"Bearer {limited['key']}"}
    with httpx.Client(base_url=staging_server.base_url, headers=headers) as client:
        responses = [client.get("/v1/ping") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r.headers["x-ratelimit-remaining"] for r in responses[:3]] == ["2", "1", "0"]
    assert all(r.headers["x-ratelimit-limit"] == "3" for r in responses)
    refused = responses[3]
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert int(refused.headers["x-ratelimit-reset"]) <= 60


def test_serves_https_with_a_certificate(tmp_path: Path) -> None:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file, ca_file = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    server = start_server(
        tmp_path / "data",
        serve_args=("--ssl-certfile", str(cert_file), "--ssl-keyfile", str(key_file)),
        scheme="https",
        verify=ssl.create_default_context(cafile=str(ca_file)),
    )
    try:
        with httpx.Client(verify=ssl.create_default_context(cafile=str(ca_file))) as client:
            response = client.post(
                f"{server.base_url}/v1/ask",
                json={"query": "What is asthma?"},
                headers={"Authorization": f"Bearer {server.api_key}"},
            )
        assert response.status_code == 200
        assert "max-age" in response.headers["strict-transport-security"]
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{server.base_url}/health", verify=True)  # not a publicly trusted cert
    finally:
        server.stop()


def test_several_workers_serve_the_same_api(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data", serve_args=("--workers", "2"))
    try:
        with server.client() as client:
            bodies = [
                client.post("/v1/ask", json={"query": "What is asthma?"}).json() for _ in range(6)
            ]
        assert all("asthma" in b["answer"].lower() for b in bodies)
    finally:
        server.stop()
