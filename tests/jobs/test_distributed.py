"""Batch jobs on real brokers: `bondmcp serve` only enqueues, two `bondmcp worker`
processes consume; one is killed with SIGKILL mid-job and every result still arrives
exactly once and in order."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bondmcp.types import WebhookEvent
from tests.conftest import ServerProcess, require_service, start_server
from tests.jobs.conftest import (
    QUESTIONS,
    WEBHOOK_SECRET,
    WebhookReceiver,
    WorkerProcess,
    all_results,
    cleanup_broker,
    db_rows,
    start_worker,
    stop_worker,
    verify_signature,
    wait_for,
)

RABBITMQ_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"


@pytest.fixture(params=["redis", "rabbitmq"])
def broker_url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "redis":
        require_service("Redis", 6379)
        yield "redis://127.0.0.1:6379/0"
    else:
        require_service("RabbitMQ", 5672)
        yield RABBITMQ_URL


@pytest.fixture
def distributed(tmp_path: Path, broker_url: str) -> Iterator[ServerProcess]:
    suffix = uuid.uuid4().hex[:10]
    queue, namespace = f"bondmcp-test-{suffix}", f"bondmcp-test-{suffix}"
    server = start_server(
        tmp_path,
        broker_url=broker_url,
        broker_queue=queue,
        redis_namespace=namespace,
        broker_heartbeat_seconds="2",
        job_chunk_size="20",
        job_key_concurrency="4",
        cache_ttl_seconds="0",
        webhook_secret=WEBHOOK_SECRET,
        webhook_allow_private="true",
        webhook_retry_base_seconds="0.5",
    )
    yield server
    server.stop()
    cleanup_broker(broker_url, queue, namespace)


def test_two_workers_one_killed_mid_job_every_result_once_and_in_order(
    distributed: ServerProcess, webhook_receiver: WebhookReceiver
) -> None:
    server = distributed
    webhook_receiver.statuses = [500, 200]
    queries = [f"{QUESTIONS[i % len(QUESTIONS)]} (case {i})" for i in range(2000)]
    workers: list[WorkerProcess] = []
    try:
        with server.client() as client:
            job_id = client.post(
                "/v1/jobs", json={"queries": queries, "webhook_url": webhook_receiver.url}
            ).json()["id"]
            time.sleep(1.0)  # the API process alone does not run the job
            assert client.get(f"/v1/jobs/{job_id}").json()["completed"] == 0
            workers = [start_worker(server, "worker-a"), start_worker(server, "worker-b")]
            wait_for(client, job_id, lambda job: job["completed"] >= 300, timeout=90)
            workers[0].process.send_signal(signal.SIGKILL)
            workers[0].process.wait(timeout=10)
            killed_at = client.get(f"/v1/jobs/{job_id}").json()["completed"]
            assert killed_at < len(queries), "the kill should land mid-job"

            job = wait_for(client, job_id, timeout=120)
            assert job["status"] == "completed"
            assert (job["total"], job["completed"], job["failed"]) == (2000, 2000, 0)
            results = all_results(client, job_id)
            answers = {q: client.post("/v1/ask", json={"query": q}).json() for q in queries}
            assert [r["answer"] for r in results] == [answers[q]["answer"] for q in queries]
            assert "bondmcp_job_chunks_total" not in client.get("/metrics").text
        assert db_rows(
            server.data_dir,
            "SELECT count(*), count(DISTINCT idx), min(idx), max(idx) FROM job_results "
            "WHERE job_id=?",
            job_id,
        ) == [(2000, 2000, 0, 1999)]

        deliveries = webhook_receiver.received(timeout=30)
        assert [d.status for d in deliveries][:2] == [500, 200]
        assert all(verify_signature(d.body, d.signature) for d in deliveries)
        event = WebhookEvent.model_validate_json(deliveries[-1].body)
        assert (event.type, event.data.job_id, event.data.completed) == (
            "job.completed",
            job_id,
            2000,
        )
    finally:
        for worker in workers:
            stop_worker(worker)


def test_a_worker_stops_gracefully_and_cancel_reaches_workers(
    distributed: ServerProcess,
) -> None:
    server = distributed
    queries = [f"{QUESTIONS[i % len(QUESTIONS)]} (n {i})" for i in range(600)]
    worker = start_worker(server, "worker-graceful")
    try:
        with server.client() as client:
            first = client.post("/v1/jobs", json={"queries": queries}).json()["id"]
            wait_for(client, first, lambda job: job["completed"] >= 40, timeout=60)
            worker.process.send_signal(signal.SIGTERM)
            assert worker.process.wait(timeout=60) == 0, worker.log()
            # Its log is JSON lines, like the API server's, and holds no question text.
            lines = [json.loads(line) for line in worker.log().splitlines() if line.strip()]
            assert any(e["msg"] == "worker started" and e["threads"] == 1 for e in lines)
            assert all({"ts", "level", "logger", "msg"} <= e.keys() for e in lines)
            assert "(n 1)" not in worker.log()
            stopped_at = client.get(f"/v1/jobs/{first}").json()["completed"]
            worker = start_worker(server, "worker-graceful-2")
            job = wait_for(client, first, timeout=120)
            assert job["status"] == "completed" and job["completed"] == 600 > stopped_at

            second = client.post("/v1/jobs", json={"queries": queries * 20}).json()["id"]
            assert client.delete(f"/v1/jobs/{second}").json()["status"] == "cancelled"
            time.sleep(1.0)
            job = client.get(f"/v1/jobs/{second}").json()
            assert job["status"] == "cancelled" and job["completed"] < job["total"]
        assert db_rows(
            server.data_dir, "SELECT count(*) FROM job_results WHERE job_id=?", first
        ) == [(600,)]
    finally:
        stop_worker(worker)


# A worker that answers and records a job's last chunk, then dies before announcing the end
# (SIGKILL in that window).
_FINISH_AND_DIE = """
import os, sys
from bondmcp.server.services import Services
from bondmcp.settings import load_settings
jobs = Services.build(load_settings()).jobs
job_id, chunks = sys.argv[1], int(sys.argv[2])
for chunk_no in range(chunks):
    work = jobs.store.start_chunk(job_id, chunk_no)
    queries = jobs.cipher.open(work.payload)
    results = [jobs._answer(work.key_id, job_id, q, work.locale) for q in queries]
    outcome = jobs.store.record_chunk(job_id, chunk_no, work.start, results)
print(outcome.finished, flush=True)
os._exit(9)
"""


def test_a_job_whose_finisher_died_before_announcing_it_is_announced_once(
    tmp_path: Path, webhook_receiver: WebhookReceiver
) -> None:
    require_service("Redis", 6379)
    suffix = uuid.uuid4().hex[:10]
    queue = namespace = f"bondmcp-test-{suffix}"
    server = start_server(
        tmp_path,
        broker_url="redis://127.0.0.1:6379/0",
        broker_queue=queue,
        redis_namespace=namespace,
        job_chunk_size="2",
        job_claim_lease_seconds="1",
        cache_ttl_seconds="0",
        webhook_secret=WEBHOOK_SECRET,
        webhook_allow_private="true",
    )
    worker: WorkerProcess | None = None
    try:
        with server.client() as client:
            job_id = client.post(
                "/v1/jobs", json={"queries": QUESTIONS[:4], "webhook_url": webhook_receiver.url}
            ).json()["id"]
            died = subprocess.run(
                [sys.executable, "-c", _FINISH_AND_DIE, job_id, "2"],
                env=server.env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert died.returncode == 9, died.stderr
            assert died.stdout.strip() == "True", "the dying worker should have ended the job"
            assert client.get(f"/v1/jobs/{job_id}").json()["status"] == "completed"
            # The API process notices the unannounced end; a worker delivers the webhook.
            worker = start_worker(server, "worker-late")
            deliveries = webhook_receiver.received(timeout=60)
        event = WebhookEvent.model_validate_json(deliveries[-1].body)
        assert (event.type, event.data.job_id, event.data.completed) == (
            "job.completed",
            job_id,
            4,
        )
        time.sleep(7)  # another housekeeping round: the announcement is not repeated
        assert len(webhook_receiver.deliveries) == 1
        ended = db_rows(
            server.data_dir,
            "SELECT count(*) FROM audit_log WHERE event='job.completed' AND detail LIKE ?",
            f"%{job_id}%",
        )
        assert ended == [(1,)]
    finally:
        if worker is not None:
            stop_worker(worker)
        server.stop()
        cleanup_broker("redis://127.0.0.1:6379/0", queue, namespace)
