"""Throughput of a 10,000-question batch job on Redis and RabbitMQ with 1 and 2 workers.

    .venv/bin/python bench/bench_jobs.py [--questions 10000] [--threads 1] [--report-only]

For each broker and worker count: a `bondmcp serve` process (enqueue only) on a fresh
SQLite data directory, N `bondmcp worker` processes, and one job of distinct questions
(the answer cache is off, so every question is answered, not looked up). Reported:

  submit s     POST /v1/jobs until 202: de-identifying, encrypting and storing the queries
  run q/s      questions per second from the first chunk started to the job finished
  e2e q/s      questions per second from the POST to the job seen completed by a poller

and, as the baseline, the same questions answered in this process (de-identification and
the engine, no server, no broker, one core). Overhead is 1 - run q/s / (N x in-process
q/s): the cost of messages, database writes and result serialisation per question.

Target: run q/s >= 300 with 2 workers on either broker. Exits 1 when missed, unless
--report-only. Needs Redis on 127.0.0.1:6379 and RabbitMQ on 127.0.0.1:5672.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
TOPICS = REPO / "src" / "bondmcp" / "engine" / "topics"
TARGET = 300.0
BROKERS = {
    "redis": "redis://127.0.0.1:6379/0",
    "rabbitmq": "amqp://guest:guest@127.0.0.1:5672/%2F",
}
TEMPLATES = [
    "What is {t}?",
    "What are the symptoms of {t}?",
    "How is {t} treated?",
    "What causes {t}?",
    "How can I prevent {t}?",
    "When should I see a doctor about {t}?",
    "Is {t} serious?",
    "How is {t} diagnosed?",
    "Can {t} be cured?",
    "What should I know about {t}?",
    "Who is at risk of {t}?",
    "What are the complications of {t}?",
    "Is {t} common in children?",
    "How long does {t} last?",
    "What helps with {t} at home?",
    "Tell me about {t}",
    "what are the signs of {t}",
    "how do doctors treat {t}",
    "is there a test for {t}",
    "could my tiredness be {t}",
    "what lifestyle changes help {t}",
    "does {t} run in families",
    "what makes {t} worse",
    "can adults get {t}",
    "is {t} contagious",
    "what is the outlook for {t}",
    "how do I manage {t}",
    "what medicines are used for {t}",
    "what are early symptoms of {t}",
    "how is {t} different in older adults",
    "should I worry about {t}",
    "what is the main cause of {t}",
    "how to lower the risk of {t}",
    "what are treatment options for {t}",
    "is {t} dangerous during pregnancy",
    "explain {t} simply",
    "what does {t} feel like",
    "can diet help {t}",
    "what questions should I ask about {t}",
    "how quickly does {t} develop",
]


def questions(count: int) -> list[str]:
    topics = sorted(p.stem.replace("-", " ") for p in TOPICS.glob("*.md"))
    out = [template.format(t=topic) for template in TEMPLATES for topic in topics]
    if len(out) < count:
        out += [f"{q} (again {i})" for i, q in enumerate(out)]
    return out[:count]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def in_process(qs: list[str]) -> float:
    from bondmcp.engine.engine import HealthEngine
    from bondmcp.privacy import deidentify

    engine = HealthEngine.builtin()
    engine.ask("warm up", None)
    started = time.perf_counter()
    for q in qs:
        engine.ask(deidentify(q).text, None)
    return len(qs) / (time.perf_counter() - started)


def run_cli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "bondmcp", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


def cleanup(url: str, queue: str, namespace: str) -> None:
    if url.startswith("amqp"):
        import pika

        connection = pika.BlockingConnection(pika.URLParameters(url))
        channel = connection.channel()
        for name in (queue, f"{queue}.webhooks"):
            for suffix in ("", ".DQ", ".XQ"):
                channel.queue_delete(name + suffix)
        connection.close()
    else:
        import redis

        client = redis.Redis.from_url(url)
        keys = list(client.scan_iter(f"{namespace}-jobs:*"))
        if keys:
            client.delete(*keys)
        client.close()


def measure(broker: str, workers: int, threads: int, qs: list[str]) -> dict[str, float]:
    import json

    url = BROKERS[broker]
    suffix = uuid.uuid4().hex[:8]
    queue = namespace = f"bondmcp-bench-{suffix}"
    with tempfile.TemporaryDirectory(prefix="bondmcp-bench-jobs-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BONDMCP_")}
        env.update(
            BONDMCP_DATA_DIR=tmp,
            BONDMCP_BROKER_URL=url,
            BONDMCP_BROKER_QUEUE=queue,
            BONDMCP_REDIS_NAMESPACE=namespace,
            BONDMCP_CACHE_TTL_SECONDS="0",
            BONDMCP_MAX_BODY_BYTES="20000000",
            BONDMCP_LOG_LEVEL="warning",
        )
        key = json.loads(run_cli(env, "keys", "create", "--name", "bench", "--json"))["key"]
        port = free_port()
        procs: list[subprocess.Popen[bytes]] = []
        try:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "bondmcp", "serve", "--port", str(port)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
            logs = [Path(tmp) / f"worker-{n}.log" for n in range(workers)]
            for log in logs:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "bondmcp", "worker", "--threads", str(threads)],
                        env={**env, "BONDMCP_LOG_LEVEL": "info"},  # to see "worker consuming"
                        stdout=log.open("wb"),
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                ready = all("worker consuming" in log.read_text(errors="replace") for log in logs)
                try:
                    up = httpx.get(f"{base}/health", timeout=1).status_code == 200
                except httpx.TransportError:
                    up = False
                if ready and up:
                    break
                time.sleep(0.2)
            else:
                raise RuntimeError("server or workers did not start")
            with httpx.Client(
                base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=300
            ) as client:
                posted = time.perf_counter()
                created = client.post("/v1/jobs", json={"queries": qs})
                created.raise_for_status()
                submit = time.perf_counter() - posted
                job_id = created.json()["id"]
                while True:
                    job = client.get(f"/v1/jobs/{job_id}", params={"limit": 1}).json()
                    if job["status"] in ("completed", "failed", "cancelled"):
                        break
                    time.sleep(0.1)
                e2e = time.perf_counter() - posted
            if job["status"] != "completed" or job["completed"] != len(qs):
                raise RuntimeError(f"job ended {job['status']}: {job}")
            started = dt.datetime.fromisoformat(job["started_at"])
            finished = dt.datetime.fromisoformat(job["finished_at"])
            run = (finished - started).total_seconds()
            return {"submit": submit, "run_qps": len(qs) / run, "e2e_qps": len(qs) / e2e}
        finally:
            for proc in reversed(procs):
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
            cleanup(url, queue, namespace)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker process")
    parser.add_argument("--brokers", default="redis,rabbitmq")
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    qs = questions(args.questions)
    base = in_process(qs)
    print(f"{len(qs)} distinct questions, {os.cpu_count()} CPUs, {args.threads} thread(s)/worker")
    print(f"in-process (deidentify + engine, 1 core): {base:.0f} q/s\n")
    print("| broker   | workers | submit s | run q/s | e2e q/s | overhead vs N x in-process |")
    print("|----------|---------|----------|---------|---------|----------------------------|")
    missed = False
    for broker in args.brokers.split(","):
        for workers in (1, 2):
            r = measure(broker, workers, args.threads, qs)
            overhead = 1 - r["run_qps"] / (workers * base)
            print(
                f"| {broker:<8} | {workers:>7} | {r['submit']:>8.2f} | {r['run_qps']:>7.0f} "
                f"| {r['e2e_qps']:>7.0f} | {overhead:>26.0%} |",
                flush=True,
            )
            if workers == 2 and r["run_qps"] < TARGET:
                missed = True
    if missed:
        print(f"\ntarget missed: run q/s >= {TARGET:.0f} with 2 workers")
    return 1 if missed and not args.report_only else 0


if __name__ == "__main__":
    sys.exit(main())
