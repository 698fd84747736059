"""Fixtures that run the real server: a `bondmcp serve` process on a free loopback port."""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collecting the tests imported lives until the run ends: leave it out of the
    collector's full passes, which would otherwise walk it again and pause whichever test
    runs at that moment, as the server leaves out its knowledge base (ADR 0013)."""
    gc.collect()
    gc.freeze()


REPO = Path(__file__).resolve().parent.parent
#: The fields the v1 contract promises on every answer.
ASK_RESPONSE_FIELDS = (
    "id",
    "answer",
    "confidence",
    "processing_time",
    "citations",
    "triage",
    "in_scope",
    "disclaimer",
    "cached",
    "kb_version",
)
SHARED_DATA = REPO.parent / "shared" / "data"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bondmcp_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """A clean environment for a bondmcp process: our settings only, no inherited BONDMCP_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BONDMCP_")}
    env["BONDMCP_DATA_DIR"] = str(data_dir)
    env.update({f"BONDMCP_{k.upper()}": v for k, v in settings.items()})
    return env


def run_cli(
    *args: str, env: dict[str, str], check: bool = True, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "bondmcp", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"bondmcp {' '.join(args)} failed: {result.stderr}")
    return result


def create_key(env: dict[str, str], *extra: str, name: str = "test") -> dict[str, object]:
    created = json.loads(
        run_cli("keys", "create", "--name", name, "--json", *extra, env=env).stdout
    )
    assert str(created["key"]).startswith("bmcp_")
    return created  # type: ignore[no-any-return]


@dataclass
class ServerProcess:
    base_url: str
    api_key: str
    key_id: str
    data_dir: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log_path: Path
    extra: dict[str, object] = field(default_factory=dict)

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=30,
            **kwargs,  # type: ignore[arg-type]
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    data_dir: Path,
    *,
    serve_args: tuple[str, ...] = (),
    key_args: tuple[str, ...] = (),
    scheme: str = "http",
    verify: object = True,
    **settings: str,
) -> ServerProcess:
    """Create a key with the CLI, start `bondmcp serve`, and wait until /health answers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = bondmcp_env(data_dir, **settings)
    environment = settings.get("environment", "development")
    key = create_key(env, "--environment", environment, *key_args)
    port = free_port()
    log_path = data_dir / "server.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bondmcp", "serve", "--port", str(port), *serve_args],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    base_url = f"{scheme}://127.0.0.1:{port}"
    server = ServerProcess(
        base_url, str(key["key"]), str(key["id"]), data_dir, env, process, log_path
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{server.log()}")
        try:
            if httpx.get(f"{base_url}/health", timeout=1, verify=verify).status_code == 200:  # type: ignore[arg-type]
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.stop()
    raise AssertionError(f"server did not become healthy:\n{server.log()}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real server for the whole run, on embedded defaults (SQLite, in-process cache)."""
    server = start_server(tmp_path_factory.mktemp("live-server"))
    yield server
    server.stop()


@pytest.fixture
def data_env(tmp_path: Path) -> dict[str, str]:
    """Environment for CLI runs against a fresh data directory."""
    return bondmcp_env(tmp_path / "data")


def service_available(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def require_service(name: str, port: int) -> None:
    """Skip locally when a service is down; in CI (which starts them) that is a failure."""
    if service_available(port):
        return
    message = f"{name} is not running on 127.0.0.1:{port} (scripts/services starts it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A Redis URL with a namespace of its own, cleaned up afterwards."""
    require_service("Redis", 6379)
    yield "redis://127.0.0.1:6379/0"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    import uuid

    import psycopg

    require_service("PostgreSQL", 5432)
    name = f"bondmcp_test_{uuid.uuid4().hex[:12]}"
    admin = "postgresql://root@127.0.0.1:5432/test"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://root@127.0.0.1:5432/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
