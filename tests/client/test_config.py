"""Configuration: key and URL resolution, TLS rules, headers, copies, closing."""

from __future__ import annotations

import httpx
import pytest

import bondmcp
from bondmcp import Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, TLSSetup, error_payload


def unavailable() -> Reply:
    return Reply(status=503, json=error_payload("unavailable", "down for maintenance"))


def test_missing_key_error_names_the_environment_variable() -> None:
    with pytest.raises(bondmcp.BondMCPError, match="BONDMCP_API_KEY"):
        Client()
    with pytest.raises(bondmcp.BondMCPError, match="BONDMCP_API_KEY"):
        Client(api_key="   ")


def test_seed_style_getenv_none_falls_back_and_fails_clearly() -> None:
    import os

    with pytest.raises(bondmcp.BondMCPError, match="BONDMCP_API_KEY"):
        Client(api_key=os.getenv("BONDMCP_API_KEY"))


def test_key_and_url_come_from_the_environment(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BONDMCP_API_KEY", API_KEY)
    monkeypatch.setenv("BONDMCP_BASE_URL", server.base_url)
    with Client() as client:
        assert client.base_url == server.base_url
        client.ping()
    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_explicit_arguments_win_over_the_environment(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BONDMCP_API_KEY", "bmcp_test_from_env")
    monkeypatch.setenv("BONDMCP_BASE_URL", "http://127.0.0.1:1")
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        client.ping()
    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_default_base_url_is_the_local_server() -> None:
    client = Client(api_key=API_KEY)
    assert client.base_url == "http://127.0.0.1:8000"
    client.close()


@pytest.mark.parametrize(
    "url", ["http://api.example.com", "http://10.0.0.5:8000", "http://bondmcp.internal/v"]
)
def test_plain_http_to_a_remote_host_is_refused(url: str) -> None:
    with pytest.raises(bondmcp.BondMCPError, match="plain http"):
        Client(api_key=API_KEY, base_url=url)


@pytest.mark.parametrize(
    "url", ["http://localhost:8000", "http://127.0.0.2:9", "http://[::1]:8000", "https://x.org"]
)
def test_loopback_http_and_any_https_are_accepted(url: str) -> None:
    client = Client(api_key=API_KEY, base_url=url)
    assert client.base_url == url
    client.close()


def test_plain_http_to_a_remote_host_can_be_allowed_explicitly() -> None:
    client = Client(api_key=API_KEY, base_url="http://api.example.com", allow_insecure_http=True)
    assert client.base_url == "http://api.example.com"
    client.close()


@pytest.mark.parametrize("url", ["ftp://example.org", "not a url", "https://"])
def test_nonsense_base_urls_fail_at_construction(url: str) -> None:
    with pytest.raises(bondmcp.BondMCPError):
        Client(api_key=API_KEY, base_url=url)


def test_base_url_path_prefix_is_kept(server: ScriptedServer) -> None:
    with (
        Client(api_key=API_KEY, base_url=server.base_url + "/prefix/") as client,
        pytest.raises(bondmcp.NotFoundError),
    ):
        client.ping()
    assert server.paths() == ["/prefix/v1/ping"]


def test_headers_sent(server: ScriptedServer) -> None:
    with Client(
        api_key=API_KEY, base_url=server.base_url, default_headers={"X-App": "triage-bot"}
    ) as client:
        client.ask("What is asthma?")
        client.health()
    ask, health = server.requests
    assert ask.headers["x-app"] == "triage-bot"
    assert ask.headers["user-agent"].startswith("bondmcp-python/")
    assert ask.headers["content-type"] == "application/json"
    assert ask.headers["authorization"] == f"Bearer {API_KEY}"
    # Unauthenticated probes do not carry the key at all.
    assert "authorization" not in health.headers
    assert health.headers["x-app"] == "triage-bot"


def test_repr_never_shows_the_key(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        assert API_KEY not in repr(client)
        assert server.base_url in repr(client)


def test_with_options_changes_a_copy_only(server: ScriptedServer) -> None:
    retry = bondmcp.RetryPolicy(initial_delay=0.001, max_delay=0.002)
    with Client(api_key=API_KEY, base_url=server.base_url, retry_policy=retry) as client:
        strict = client.with_options(max_retries=0, default_headers={"X-Call": "one"})
        server.push(*[unavailable() for _ in range(4)])
        with pytest.raises(bondmcp.InternalServerError):
            strict.ask("q")
        assert len(server.requests) == 1
        assert server.requests[0].headers["x-call"] == "one"
        # The original still retries twice and does not send the copy's header.
        with pytest.raises(bondmcp.InternalServerError):
            client.ask("q")
        assert len(server.requests) == 4
        assert "x-call" not in server.requests[-1].headers
        # The copy shares the pool: closing it leaves the original usable.
        strict.close()
        assert client.ask("still open").answer == "Answer to: still open"
    assert client.is_closed


def test_with_options_can_change_key_and_timeout(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        other = client.with_options(api_key="bmcp_test_other", timeout=3.0)
        other.ping()
        assert other.timeout == httpx.Timeout(3.0)
        assert client.timeout != other.timeout
    assert server.requests[0].headers["authorization"] == "Bearer bmcp_test_other"


def test_own_http_client_is_used_and_left_open(server: ScriptedServer) -> None:
    seen: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda r: seen.append(r.url.path)]})
    client = Client(api_key=API_KEY, base_url=server.base_url, http_client=http)
    client.ping()
    client.close()
    assert seen == ["/v1/ping"]
    assert not http.is_closed
    http.close()


def test_wrong_http_client_type_is_rejected() -> None:
    with pytest.raises(TypeError):
        Client(api_key=API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        bondmcp.AsyncClient(api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_context_manager_closes_the_pool(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        client.ping()
        assert not client.is_closed
    assert client.is_closed


def test_tls_with_custom_ca(tls_server: TLSSetup) -> None:
    url = tls_server.server.base_url
    with Client(api_key=API_KEY, base_url=url, verify=tls_server.ca_path) as client:
        assert client.ping().status == "ok"
    assert tls_server.server.paths() == ["/v1/ping"]


def test_tls_verification_is_on_by_default_and_not_retried(tls_server: TLSSetup) -> None:
    with (
        Client(api_key=API_KEY, base_url=tls_server.server.base_url, max_retries=3) as client,
        pytest.raises(bondmcp.APIConnectionError, match="certificate verification"),
    ):
        client.ping()
    # One handshake attempt, no request delivered, no retries against a bad certificate.
    assert tls_server.server.connections == 1
    assert tls_server.server.requests == []


def test_cookies_set_in_front_of_the_server_are_sent_back(server: ScriptedServer) -> None:
    # A load balancer's sticky-session cookie must survive the pre-merged request path.
    server.push(Reply(headers={"Set-Cookie": "lb=node-2; Path=/"}))
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        client.ask("first")
        client.ask("second")
        client.with_options(max_retries=0).ping()
    assert "cookie" not in server.requests[0].headers
    assert server.requests[1].headers["cookie"] == "lb=node-2"
    assert server.requests[2].headers["cookie"] == "lb=node-2"
    assert all(seen.headers["authorization"] == f"Bearer {API_KEY}" for seen in server.requests)
    assert all("gzip" in seen.headers["accept-encoding"] for seen in server.requests)


def test_the_sdk_and_webhooks_import_nothing_of_the_server() -> None:
    import subprocess
    import sys

    script = (
        "import sys, bondmcp, bondmcp.webhooks\n"
        "heavy = ('server', 'engine', 'store', 'cli', 'mcp', 'privacy', 'settings')\n"
        "loaded = [m for m in sys.modules if m.startswith('bondmcp.')"
        " and m.split('.')[1] in heavy]\n"
        "loaded += [m for m in ('fastapi', 'starlette', 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
