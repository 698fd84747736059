"""Fixtures for the SDK tests: scripted servers on loopback and a clean environment."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.client.sdk_servers import API_KEY, DroppingServer, ScriptedServer, TLSSetup


@pytest.fixture
def api_key() -> str:
    return API_KEY


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start from a known environment; each sets what it needs."""
    for name in ("BONDMCP_API_KEY", "BONDMCP_BASE_URL", "BONDMCP_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def make_server() -> Iterator[Callable[[], ScriptedServer]]:
    started: list[ScriptedServer] = []

    def make() -> ScriptedServer:
        srv = ScriptedServer().start()
        started.append(srv)
        return srv

    yield make
    for srv in started:
        srv.stop()


@pytest.fixture
def dropping_server() -> Iterator[Callable[..., DroppingServer]]:
    started: list[DroppingServer] = []

    def make(drops: int, mode: str = "mid") -> DroppingServer:
        srv = DroppingServer(drops, mode)
        started.append(srv)
        return srv

    yield make
    for srv in started:
        srv.stop()


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TLSSetup]:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    srv = ScriptedServer()
    srv.httpd.socket = context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.scheme = "https"
    srv.start()
    ca_path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    yield TLSSetup(srv, str(ca_path))
    srv.stop()
