"""Shared state across server processes: Redis-backed limits and cache, PostgreSQL,
degradation when Redis is down, metrics and request logs."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.conftest import ServerProcess, create_key, run_cli, start_server


@pytest.fixture
def two_servers(tmp_path: Path, redis_url: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Two `bondmcp serve` processes sharing one data directory and one Redis namespace."""
    namespace = f"test-{uuid.uuid4().hex[:10]}"
    data = tmp_path / "shared"
    first = start_server(data, redis_url=redis_url, redis_namespace=namespace)
    second = start_server(data, redis_url=redis_url, redis_namespace=namespace)
    yield first, second
    first.stop()
    second.stop()


def ask(server: ServerProcess, key: str, query: str, **headers: str) -> httpx.Response:
    return httpx.post(
        f"{server.base_url}/v1/ask",
        json={"query": query},
        headers={"Authorization": f"Bearer {key}", **headers},
        timeout=30,
    )


def test_two_processes_enforce_one_rate_limit(
    two_servers: tuple[ServerProcess, ServerProcess],
) -> None:
    first, second = two_servers
    limited = create_key(first.env, "--rate-limit", "10/minute")
    key = str(limited["key"])
    statuses = []
    for i in range(14):
        server = first if i % 2 == 0 else second
        response = httpx.get(
            f"{server.base_url}/v1/ping", headers={"Authorization": f"Bearer {key}"}
        )
        statuses.append(response.status_code)
    assert statuses.count(200) == 10
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429] * 4


def test_two_processes_share_one_cache(two_servers: tuple[ServerProcess, ServerProcess]) -> None:
    first, second = two_servers
    question = "What are the symptoms of shingles?"
    fresh = ask(first, first.api_key, question).json()
    shared = ask(second, first.api_key, question).json()
    assert fresh["cached"] is False
    assert shared["cached"] is True
    assert shared["answer"] == fresh["answer"] and shared["id"] != fresh["id"]
    bypassed = ask(second, first.api_key, question, **{"Cache-Control": "no-cache"}).json()
    assert bypassed["cached"] is False


def test_cache_keys_hold_no_question_text(
    two_servers: tuple[ServerProcess, ServerProcess], redis_url: str
) -> None:
    import redis

    first, _ = two_servers
    ask(first, first.api_key, "Can John Smith at john@example.com get measles twice?")
    client = redis.Redis.from_url(redis_url)
    namespace = first.env["BONDMCP_REDIS_NAMESPACE"]
    names = [n.decode() for n in client.scan_iter(match=f"{namespace}:*")]
    assert any(":cache:" in n for n in names)
    for name in names:
        assert "measles" not in name.lower() and "john" not in name.lower()
    for name in names:
        if ":cache:" in name:
            value = client.get(name) or b""
            assert b"John" not in value and b"john@example.com" not in value


def test_admin_purge_empties_the_shared_cache(
    two_servers: tuple[ServerProcess, ServerProcess],
) -> None:
    first, second = two_servers
    admin = create_key(first.env, "--scope", "admin")
    ask(first, first.api_key, "How is gout treated?")
    assert ask(second, first.api_key, "How is gout treated?").json()["cached"] is True
    purged = httpx.delete(
        f"{second.base_url}/v1/cache", headers={"Authorization": f"Bearer {admin['key']}"}
    )
    assert purged.status_code == 200 and purged.json()["purged"] >= 1
    assert ask(first, first.api_key, "How is gout treated?").json()["cached"] is False
    refused = httpx.delete(
        f"{second.base_url}/v1/cache", headers={"Authorization": f"Bearer {first.api_key}"}
    )
    assert refused.status_code == 403


def test_redis_down_degrades_without_failing(tmp_path: Path) -> None:
    server = start_server(tmp_path / "data", redis_url="redis://127.0.0.1:1/0")
    try:
        for _ in range(2):
            response = ask(server, server.api_key, "What causes kidney stones?")
            assert response.status_code == 200
            assert response.headers["x-ratelimit-limit"].isdigit()
        assert ask(server, server.api_key, "What causes kidney stones?").json()["cached"] is True
        ready = httpx.get(f"{server.base_url}/ready")
        assert ready.status_code == 200
        assert ready.json()["dependencies"]["redis"]["status"] == "degraded"
        text = httpx.get(f"{server.base_url}/metrics").text
        assert 'bondmcp_dependency_up{dependency="redis"} 0.0' in text
        assert "bondmcp_dependency_fallbacks_total" in text
        assert any(
            json.loads(line).get("dependency") == "redis"
            for line in server.log().splitlines()
            if line.startswith("{")
        )
    finally:
        server.stop()


def test_metrics_are_present_and_move(live_server: ServerProcess) -> None:
    def sample(text: str, name: str) -> float:
        total = 0.0
        for line in text.splitlines():
            if line.startswith(name):
                total += float(line.rsplit(" ", 1)[1])
        return total

    before = httpx.get(f"{live_server.base_url}/metrics").text
    with live_server.client() as client:
        client.post(
            "/v1/ask", json={"query": "What is eczema?"}, headers={"Cache-Control": "no-cache"}
        )
        client.post("/v1/ask", json={"query": "I can't breathe"})
        client.post("/v1/ask", json={"query": "I can't breathe"})  # a cache hit counts too
        # Only the emergency-wording model flags this one: general guidance.
        client.post(
            "/v1/ask",
            json={"query": "my husband is acting very strange and seems really unwell tonight"},
        )
        client.post("/v1/ask", json={"query": ""})
    after = httpx.get(f"{live_server.base_url}/metrics").text
    for name in (
        "bondmcp_request_duration_seconds_count",
        "bondmcp_requests_total",
        "bondmcp_errors_total",
        "bondmcp_answer_confidence_count",
        'bondmcp_triage_total{level="emergency"}',
        'bondmcp_triage_flags_total{category="breathing"}',
        'bondmcp_triage_flags_total{category="possible_emergency"}',
        "bondmcp_cache_requests_total",
    ):
        assert sample(after, name) > sample(before, name), name
    breathing = 'bondmcp_triage_flags_total{category="breathing"}'
    assert sample(after, breathing) - sample(before, breathing) == 2
    assert 'route="/v1/ask"' in after


def test_request_logs_carry_fields_but_no_query_text(live_server: ServerProcess) -> None:
    secret_question = (
        "My patient Zebediah Quartermaine, MRN 88812345, has gout in the toe; what helps?"
    )
    with live_server.client() as client:
        response = client.post("/v1/ask", json={"query": secret_question})
    request_id = response.headers["x-request-id"]
    # The line is written once the response has gone out: give a busy server a moment.
    deadline = time.monotonic() + 5
    while request_id not in (log := live_server.log()) and time.monotonic() < deadline:
        time.sleep(0.05)
    for fragment in ("Zebediah", "Quartermaine", "88812345", "gout in the toe"):
        assert fragment not in log
    lines = [json.loads(line) for line in log.splitlines() if request_id in line]
    assert len(lines) == 1
    entry = lines[0]
    assert entry["route"] == "/v1/ask" and entry["status"] == 200
    assert entry["key_id"] == live_server.key_id
    assert entry["query_length"] == len(secret_question)
    for field in ("response_time", "confidence", "cached", "triage"):
        assert field in entry


def test_postgresql_backs_keys_and_requests(tmp_path: Path, postgres_url: str) -> None:
    env_settings = {"database_url": postgres_url, "secret_key": "s" * 32}
    from tests.conftest import bondmcp_env

    env = bondmcp_env(tmp_path / "migrate", **env_settings)
    from bondmcp.store.db import Database

    assert Database("sqlite://").head_revision() in run_cli("db", "upgrade", env=env).stdout
    server = start_server(tmp_path / "data", **env_settings)
    try:
        response = ask(server, server.api_key, "What is asthma?")
        assert response.status_code == 200
        with psycopg.connect(postgres_url) as conn:
            rows = conn.execute("SELECT id, key_hash FROM api_keys").fetchall()
        assert server.key_id in {r[0] for r in rows}
        assert all(server.api_key not in r[1] for r in rows)
        assert (
            httpx.get(f"{server.base_url}/ready").json()["dependencies"]["database"]["status"]
            == "up"
        )
        # A second process with its own data directory shares keys through PostgreSQL.
        other = start_server(tmp_path / "other", **env_settings)
        try:
            assert ask(other, server.api_key, "What is asthma?").status_code == 200
        finally:
            other.stop()
        with psycopg.connect(postgres_url.rsplit("/", 1)[0] + "/test", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{postgres_url.rsplit("/", 1)[1]}" WITH (FORCE)')
        ready = httpx.get(f"{server.base_url}/ready")
        assert ready.status_code == 503
        assert ready.json()["dependencies"]["database"]["status"] == "down"
    finally:
        server.stop()


def test_ready_follows_the_schema_revision(tmp_path: Path, postgres_url: str) -> None:
    from tests.conftest import bondmcp_env

    settings = {"database_url": postgres_url, "secret_key": "s" * 32}
    env = bondmcp_env(tmp_path / "cli", **settings)
    run_cli("db", "upgrade", env=env)
    server = start_server(tmp_path / "data", **settings)
    try:
        assert httpx.get(f"{server.base_url}/ready").status_code == 200
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '0001'")
        ready = httpx.get(f"{server.base_url}/ready")
        assert ready.status_code == 503
        assert "bondmcp db upgrade" in ready.json()["dependencies"]["database"]["detail"]
        # Migrated ahead by a newer release during a rolling upgrade: still ready.
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        assert httpx.get(f"{server.base_url}/ready").status_code == 200
    finally:
        server.stop()


def test_secrets_can_come_from_files(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "BONDMCP_SECRET_KEY").write_text("k" * 40)
    server = start_server(tmp_path / "data", secrets_dir=str(secrets))
    try:
        # The CLI made the key and the server accepts it: both read the secret from the file,
        # and none was generated into the data directory.
        headers = {"Authorization": f"Bearer {server.api_key}"}
        assert httpx.get(f"{server.base_url}/v1/ping", headers=headers).status_code == 200
        assert not (tmp_path / "data" / "secret.key").exists()
    finally:
        server.stop()
    from tests.conftest import bondmcp_env

    env = bondmcp_env(tmp_path, secrets_dir=str(tmp_path / "nope"))
    missing = run_cli("ask", "What is flu?", env=env, check=False)
    assert missing.returncode == 2 and "BONDMCP_SECRETS_DIR" in missing.stderr


def test_idempotent_asks_replay_across_processes_on_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    """SDK calls on PostgreSQL: concurrent lookups go to the database together; a retry
    that reaches the other process, once the first answer is written, is replayed."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import bondmcp_env

    settings = {"database_url": postgres_url, "secret_key": "s" * 32}
    run_cli("db", "upgrade", env=bondmcp_env(tmp_path / "migrate", **settings))
    first = start_server(tmp_path / "first", **settings)
    second = start_server(tmp_path / "second", **settings)
    try:
        questions = ["What is asthma?", "What is gout?", "What is eczema?", "What is flu?"] * 4
        keys = [f"sdk-call-{i:04d}" for i in range(len(questions))]

        def send(server: ServerProcess, i: int, query: str | None = None) -> httpx.Response:
            return ask(server, first.api_key, query or questions[i], **{"Idempotency-Key": keys[i]})

        with ThreadPoolExecutor(16) as pool:
            originals = list(pool.map(lambda i: send(first, i), range(len(keys))))
            assert {r.status_code for r in originals} == {200}
            assert not any("idempotent-replayed" in r.headers for r in originals)
            time.sleep(0.5)  # the recorder writes remembered answers every 50 ms
            retries = list(pool.map(lambda i: send(second, i), range(len(keys))))
            conflicts = list(
                pool.map(lambda i: send(second, i, "What is psoriasis?"), range(len(keys)))
            )
        assert [r.json()["id"] for r in retries] == [r.json()["id"] for r in originals]
        assert all(r.headers["idempotent-replayed"] == "true" for r in retries)
        assert {r.status_code for r in conflicts} == {409}
        assert {r.json()["error"]["code"] for r in conflicts} == {"idempotency_conflict"}
    finally:
        first.stop()
        second.stop()
