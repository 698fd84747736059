"""Batch jobs on embedded defaults: a real `bondmcp serve` with SQLite and its in-process
executor, a real webhook receiver on loopback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bondmcp.types import WebhookEvent
from tests.conftest import ServerProcess, bondmcp_env, create_key, run_cli, start_server
from tests.jobs.conftest import (
    QUESTIONS,
    WEBHOOK_SECRET,
    WebhookReceiver,
    all_results,
    cleanup_broker,
    db_rows,
    restart_server,
    start_worker,
    stop_worker,
    verify_signature,
    wait_for,
)

SETTINGS = {
    "webhook_secret": WEBHOOK_SECRET,
    "webhook_allow_private": "true",
    "webhook_retry_base_seconds": "0.3",
    "job_chunk_size": "50",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = start_server(tmp_path_factory.mktemp("jobs-embedded"), **SETTINGS)
    yield process
    process.stop()


def expected_answers(client: httpx.Client) -> dict[str, str]:
    return {q: client.post("/v1/ask", json={"query": q}).json()["answer"] for q in QUESTIONS}


def test_a_job_is_answered_in_input_order_and_paginated_beyond_1000(
    server: ServerProcess,
) -> None:
    queries = [QUESTIONS[i % len(QUESTIONS)] for i in range(1050)]
    queries[7] = "   "
    with server.client() as client:
        created = client.post("/v1/jobs", json={"queries": queries, "metadata": {"batch": "n1"}})
        assert created.status_code == 202, created.text
        assert created.json()["status"] == "queued"
        job_id = created.json()["id"]
        job = wait_for(client, job_id)
        assert job["status"] == "completed"
        assert (job["total"], job["completed"], job["failed"]) == (1050, 1050, 1)
        assert job["metadata"] == {"batch": "n1"}
        assert job["started_at"] and job["finished_at"]

        first = client.get(f"/v1/jobs/{job_id}").json()
        assert len(first["results"]) == 1000 and first["next_cursor"]
        results = all_results(client, job_id)
        assert results == all_results(client, job_id, limit=400)
        assert len(results) == 1050
        answers = expected_answers(client)
        for index, (query, result) in enumerate(zip(queries, results, strict=True)):
            if index == 7:
                assert result["error"]["code"] == "invalid_query"
            else:
                assert result["answer"] == answers[query], index
        bad = client.get(f"/v1/jobs/{job_id}", params={"cursor": "nope!"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_cursor"

        wait_for(client, job_id, lambda _: "bondmcp_job_duration_seconds_count" in metrics(client))
        assert "bondmcp_job_queue_depth" in metrics(client)
    assert db_rows(server.data_dir, "SELECT count(*) FROM job_results WHERE job_id=?", job_id) == [
        (1050,)
    ]


def metrics(client: httpx.Client) -> str:
    return client.get("/metrics").text


def test_idempotent_resubmission_returns_the_same_job(server: ServerProcess) -> None:
    body = {"queries": QUESTIONS[:3]}
    headers = {"Idempotency-Key": "nightly-2026-11-27"}
    with server.client() as client:
        first = client.post("/v1/jobs", json=body, headers=headers)
        again = client.post("/v1/jobs", json=body, headers=headers)
        assert first.status_code == again.status_code == 202
        assert again.json() == first.json()
        assert again.headers.get("idempotent-replayed") == "true"
        other = client.post("/v1/jobs", json={"queries": QUESTIONS[:4]}, headers=headers)
        assert other.status_code == 409
    jobs = db_rows(server.data_dir, "SELECT count(*) FROM jobs WHERE id=?", first.json()["id"])
    assert jobs == [(1,)]


def test_only_the_owning_key_sees_a_job(server: ServerProcess) -> None:
    other_key = str(create_key(server.env, name="other")["key"])
    with server.client() as client:
        job_id = client.post("/v1/jobs", json={"queries": QUESTIONS[:2]}).json()["id"]
        wait_for(client, job_id)
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {other_key}"}
    ) as other:
        for response in (other.get(f"/v1/jobs/{job_id}"), other.delete(f"/v1/jobs/{job_id}")):
            assert response.status_code == 404
            assert response.json()["error"]["code"] == "job_not_found"
        assert other.get("/v1/jobs/job_doesnotexist").status_code == 404


def test_cancel_stops_a_job_and_notifies(
    server: ServerProcess, webhook_receiver: WebhookReceiver
) -> None:
    queries = [f"{QUESTIONS[i % 8]} ({i})" for i in range(20_000)]
    with server.client() as client:
        job_id = client.post(
            "/v1/jobs", json={"queries": queries, "webhook_url": webhook_receiver.url}
        ).json()["id"]
        cancelled = client.delete(f"/v1/jobs/{job_id}")
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["status"] == "cancelled"
        assert cancelled.json()["results"] is None
        again = client.delete(f"/v1/jobs/{job_id}")
        assert again.status_code == 409 and again.json()["error"]["code"] == "job_finished"
        job = client.get(f"/v1/jobs/{job_id}").json()
        assert job["status"] == "cancelled" and job["completed"] < job["total"]
    event = WebhookEvent.model_validate_json(webhook_receiver.received()[0].body)
    assert event.type == "job.cancelled" and event.data.job_id == job_id


def test_webhook_is_signed_and_retried_after_a_failed_attempt(
    server: ServerProcess, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.statuses = [500, 200]
    with server.client() as client:
        job_id = client.post(
            "/v1/jobs", json={"queries": QUESTIONS, "webhook_url": webhook_receiver.url}
        ).json()["id"]
        wait_for(client, job_id)
    deliveries = webhook_receiver.received()
    assert [d.status for d in deliveries] == [500, 200]
    assert deliveries[0].body == deliveries[1].body  # a retry is the same event
    for delivery in deliveries:
        assert verify_signature(delivery.body, delivery.signature)
        assert not verify_signature(delivery.body + b" ", delivery.signature)
    event = WebhookEvent.model_validate_json(deliveries[1].body)
    assert event.type == "job.completed" and event.id.startswith("evt_")
    assert (event.data.job_id, event.data.status, event.data.total) == (job_id, "completed", 8)
    # The sender logs an attempt once the receiver has answered it: give it a moment.
    deadline = time.monotonic() + 10
    while True:
        log = db_rows(
            server.data_dir,
            "SELECT attempt, status_code, outcome FROM job_webhook_deliveries WHERE job_id=? "
            "ORDER BY id",
            job_id,
        )
        if len(log) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert log == [(1, 500, "retrying"), (2, 200, "delivered")]
    audit = [
        (row[0], json.loads(row[1])["job_id"])
        for row in db_rows(
            server.data_dir,
            "SELECT event, detail FROM audit_log WHERE event LIKE 'job.%' ORDER BY seq",
        )
    ]
    assert ("job.created", job_id) in audit and ("job.completed", job_id) in audit


def test_a_final_webhook_failure_is_recorded(
    tmp_path: Path, webhook_receiver: WebhookReceiver
) -> None:
    webhook_receiver.statuses = [503]
    server = start_server(tmp_path, **SETTINGS, webhook_max_attempts="2")
    try:
        with server.client() as client:
            job_id = client.post(
                "/v1/jobs", json={"queries": QUESTIONS[:1], "webhook_url": webhook_receiver.url}
            ).json()["id"]
            wait_for(client, job_id)
            wait_for(
                client,
                job_id,
                lambda _: bool(
                    db_rows(tmp_path, "SELECT 1 FROM audit_log WHERE event='job.webhook_failed'")
                ),
                timeout=20,
            )
        log = db_rows(
            tmp_path, "SELECT attempt, outcome FROM job_webhook_deliveries WHERE job_id=?", job_id
        )
        assert log == [(1, "retrying"), (2, "failed")]
    finally:
        server.stop()


def test_the_ssrf_guard_refuses_private_targets_by_default(tmp_path: Path) -> None:
    server = start_server(tmp_path, webhook_secret=WEBHOOK_SECRET)
    try:
        with server.client() as client:
            for url in (
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/hook",
                "http://[::1]/hook",
                "ftp://example.org/hook",
            ):
                response = client.post("/v1/jobs", json={"queries": ["x"], "webhook_url": url})
                assert response.status_code == 422, url
                error = response.json()["error"]
                assert (error["code"], error["param"]) == ("webhook_url_refused", "webhook_url")
    finally:
        server.stop()


def test_an_interrupted_job_resumes_after_a_restart_with_queries_encrypted_at_rest(
    tmp_path: Path,
) -> None:
    queries = [f"{QUESTIONS[i % 8]} Asked by John Smith, case {i}." for i in range(400)]
    server = start_server(
        tmp_path, job_chunk_size="5", job_key_concurrency="1", cache_ttl_seconds="0"
    )
    try:
        with server.client() as client:
            job_id = client.post("/v1/jobs", json={"queries": queries}).json()["id"]
            wait_for(client, job_id, lambda job: job["completed"] >= 20)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=30)
        done, total = db_rows(tmp_path, "SELECT completed, total FROM jobs WHERE id=?", job_id)[0]
        assert 0 < done < total, "the job should have been stopped part-way"
        pending = db_rows(
            tmp_path, "SELECT payload FROM job_chunks WHERE job_id=? AND state!='done'", job_id
        )
        assert pending and all(p[0].startswith(b"gAAAAA") for p in pending)  # Fernet tokens
        stored = b"".join(
            path.read_bytes() for path in tmp_path.glob("bondmcp.db*") if path.is_file()
        )
        assert b"John Smith" not in stored and b"case 399" not in stored

        server = restart_server(server)
        with server.client() as client:
            job = wait_for(client, job_id)
            assert job["status"] == "completed" and job["completed"] == 400
            results = all_results(client, job_id)
            answers = {
                q: client.post("/v1/ask", json={"query": q}).json()["answer"] for q in queries
            }
        assert [r["answer"] for r in results] == [answers[q] for q in queries]
        assert db_rows(tmp_path, "SELECT count(*) FROM job_results WHERE job_id=?", job_id) == [
            (400,)
        ]
    finally:
        server.stop()


def test_a_job_runs_on_postgresql_with_a_worker(
    tmp_path: Path, postgres_url: str, redis_url: str
) -> None:
    env = bondmcp_env(tmp_path, database_url=postgres_url)
    run_cli("db", "upgrade", env=env)
    namespace = f"bondmcp-test-{uuid.uuid4().hex[:8]}"
    server = start_server(
        tmp_path,
        database_url=postgres_url,
        broker_url=redis_url,
        broker_queue=namespace,
        redis_namespace=namespace,
        job_chunk_size="7",
    )
    worker = start_worker(server, "worker-pg")
    try:
        queries = [QUESTIONS[i % len(QUESTIONS)] for i in range(60)]
        with server.client() as client:
            job_id = client.post("/v1/jobs", json={"queries": queries}).json()["id"]
            job = wait_for(client, job_id)
            assert (job["status"], job["completed"]) == ("completed", 60)
            answers = expected_answers(client)
            results = all_results(client, job_id, limit=25)
        assert [r["answer"] for r in results] == [answers[q] for q in queries]
    finally:
        stop_worker(worker)
        server.stop()
        cleanup_broker(redis_url, namespace, namespace)


def test_a_large_job_does_not_starve_another_keys_job(tmp_path: Path) -> None:
    server = start_server(
        tmp_path, job_chunk_size="10", job_key_concurrency="2", cache_ttl_seconds="0"
    )
    small_key = str(create_key(server.env, name="small")["key"])
    try:
        with server.client() as big:
            queries = [f"{QUESTIONS[i % len(QUESTIONS)]} ({i})" for i in range(6000)]
            big_id = big.post("/v1/jobs", json={"queries": queries}).json()["id"]
            wait_for(big, big_id, lambda job: job["status"] == "running")
            with httpx.Client(
                base_url=server.base_url, headers={"Authorization": f"Bearer {small_key}"}
            ) as small:
                small_id = small.post("/v1/jobs", json={"queries": QUESTIONS}).json()["id"]
                assert wait_for(small, small_id, timeout=30)["status"] == "completed"
            assert big.get(f"/v1/jobs/{big_id}").json()["status"] == "running"
            in_flight = db_rows(
                tmp_path,
                "SELECT count(*) FROM job_chunks WHERE job_id=? AND state IN ('claiming', 'enqueued')",
                big_id,
            )[0][0]
            assert in_flight <= 2
            assert big.delete(f"/v1/jobs/{big_id}").status_code == 200
    finally:
        server.stop()


# A dispatcher that claims chunks and dies before sending them (SIGKILL in that window).
_CLAIM_AND_DIE = """
import os, sys
from bondmcp.store.db import Database
from bondmcp.store.jobs import JobStore
claimed = JobStore(Database(sys.argv[1])).claim_for_dispatch(sys.argv[2], 1000)
print(len(claimed), flush=True)
os._exit(9)
"""


def test_chunks_claimed_by_a_process_that_died_before_sending_are_handed_out_again(
    tmp_path: Path,
) -> None:
    server = start_server(
        tmp_path,
        job_chunk_size="5",
        job_key_concurrency="1",
        job_claim_lease_seconds="1",
        cache_ttl_seconds="0",
    )
    queries = [f"{QUESTIONS[i % len(QUESTIONS)]} (case {i})" for i in range(300)]
    try:
        with server.client() as client:
            job_id = client.post("/v1/jobs", json={"queries": queries}).json()["id"]
            died = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _CLAIM_AND_DIE,
                    f"sqlite:///{tmp_path / 'bondmcp.db'}",
                    server.key_id,
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert died.returncode == 9, died.stderr
            assert int(died.stdout) > 0, "the dying dispatcher should have claimed chunks"
            job = wait_for(client, job_id, timeout=60)
            assert (job["status"], job["completed"]) == ("completed", 300)
            results = all_results(client, job_id)
            answers = {q: client.post("/v1/ask", json={"query": q}).json() for q in queries}
        assert [r["answer"] for r in results] == [answers[q]["answer"] for q in queries]
        assert db_rows(tmp_path, "SELECT count(*) FROM job_results WHERE job_id=?", job_id) == [
            (300,)
        ]
    finally:
        server.stop()
