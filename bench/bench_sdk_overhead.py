"""Per-call overhead of the bondmcp SDK against raw httpx, on the same loopback server.

A tiny Starlette app in a subprocess (uvicorn, one worker) answers ``POST /v1/ask`` with a
fixed AskResponse-shaped body. Each client makes the same number of calls, after a warm-up,
in interleaved rounds so that drift in machine load hits every client alike. The table shows
the median, p90 and mean latency per call, and each client's ratio to raw httpx.

Rows:
  raw httpx            httpx.Client.post + raise_for_status + .json()
  raw httpx + model    the same, then AskResponse.model_validate_json (what any typed client pays)
  bondmcp.Client       Client.ask: headers, idempotency key, retry loop, error mapping, model

Run:  .venv/bin/python bench/bench_sdk_overhead.py [--calls 1000] [--rounds 5] [--check]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import httpx

import bondmcp
from bondmcp.types import AskResponse

API_KEY = "bmcp_dev_benchmarkkey0123456789"
TARGET = 1.10  # within 10 % of raw httpx

SERVER = r"""
import json, sys
import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

BODY = json.dumps({
    "id": "ans_0123456789",
    "answer": "Diabetes is a long-term condition in which blood sugar is too high. " * 4,
    "confidence": 0.87,
    "processing_time": 0.0021,
    "citations": [
        {"source_id": f"diabetes-{i:03d}", "title": "Type 2 diabetes", "url": "https://example.org/t2d",
         "publisher": "Example Health", "section": "Overview"}
        for i in range(3)
    ],
    "triage": "routine",
    "in_scope": True,
    "disclaimer": "General information only; not a diagnosis. See a clinician for advice.",
    "cached": False,
    "kb_version": "2026.11.1",
    "evidence": [{"sentence": "Blood sugar is too high.", "source_id": "diabetes-000"}],
}).encode()

async def ask(request):
    await request.body()
    return Response(BODY, media_type="application/json", headers={"X-Request-ID": "req_bench"})

async def health(request):
    return Response(b'{"status":"healthy","version":"bench"}', media_type="application/json")

app = Starlette(routes=[Route("/v1/ask", ask, methods=["POST"]), Route("/health", health)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"benchmark server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base_url}/health", timeout=1).status_code == 200:
                return proc, base_url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("benchmark server did not start")


def time_calls(call: Callable[[], object], n: int) -> list[float]:
    out = []
    clock = time.perf_counter
    for _ in range(n):
        start = clock()
        call()
        out.append(clock() - start)
    return out


async def atime_calls(call: Callable[[], Awaitable[object]], n: int) -> list[float]:
    out = []
    clock = time.perf_counter
    for _ in range(n):
        start = clock()
        await call()
        out.append(clock() - start)
    return out


def summarise(samples: dict[str, list[float]], baseline: str) -> list[dict[str, float | str]]:
    base = statistics.median(samples[baseline])
    base_mean = statistics.fmean(samples[baseline])
    rows: list[dict[str, float | str]] = []
    for name, values in samples.items():
        values = sorted(values)
        median = statistics.median(values)
        mean = statistics.fmean(values)
        rows.append(
            {
                "client": name,
                "calls": len(values),
                "median_us": median * 1e6,
                "p90_us": values[int(len(values) * 0.9)] * 1e6,
                "mean_us": mean * 1e6,
                "ratio_median": median / base,
                "ratio_mean": mean / base_mean,
            }
        )
    return rows


def print_table(title: str, rows: list[dict[str, float | str]]) -> None:
    print(f"\n{title}")
    header = (
        f"{'client':<24}{'calls':>7}{'median µs':>11}{'p90 µs':>9}{'mean µs':>9}"
        f"{'ratio (median)':>16}{'ratio (mean)':>14}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['client']:<24}{row['calls']:>7}{row['median_us']:>11.1f}{row['p90_us']:>9.1f}"
            f"{row['mean_us']:>9.1f}{row['ratio_median']:>16.3f}{row['ratio_mean']:>14.3f}"
        )


def bench_sync(base_url: str, calls: int, rounds: int, warmup: int) -> list[dict[str, float | str]]:
    headers = {"Authorization": f"Bearer {API_KEY}"}
    url = f"{base_url}/v1/ask"
    raw = httpx.Client(timeout=30)
    sdk = bondmcp.Client(api_key=API_KEY, base_url=base_url)

    def raw_call() -> object:
        response = raw.post(url, json={"query": "What is diabetes?"}, headers=headers)
        response.raise_for_status()
        return response.json()

    def raw_model_call() -> object:
        response = raw.post(url, json={"query": "What is diabetes?"}, headers=headers)
        response.raise_for_status()
        return AskResponse.model_validate_json(response.content)

    def sdk_call() -> object:
        return sdk.ask("What is diabetes?")

    variants = {
        "raw httpx": raw_call,
        "raw httpx + model": raw_model_call,
        "bondmcp.Client": sdk_call,
    }
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for call in variants.values():
        time_calls(call, warmup)
    per_round = max(1, calls // rounds)
    for _ in range(rounds):
        for name, call in variants.items():
            samples[name].extend(time_calls(call, per_round))
    raw.close()
    sdk.close()
    return summarise(samples, "raw httpx")


async def bench_async(
    base_url: str, calls: int, rounds: int, warmup: int
) -> list[dict[str, float | str]]:
    headers = {"Authorization": f"Bearer {API_KEY}"}
    url = f"{base_url}/v1/ask"
    raw = httpx.AsyncClient(timeout=30)
    sdk = bondmcp.AsyncClient(api_key=API_KEY, base_url=base_url)

    async def raw_call() -> object:
        response = await raw.post(url, json={"query": "What is diabetes?"}, headers=headers)
        response.raise_for_status()
        return response.json()

    async def sdk_call() -> object:
        return await sdk.ask("What is diabetes?")

    variants = {"raw httpx.AsyncClient": raw_call, "bondmcp.AsyncClient": sdk_call}
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for call in variants.values():
        await atime_calls(call, warmup)
    per_round = max(1, calls // rounds)
    for _ in range(rounds):
        for name, call in variants.items():
            samples[name].extend(await atime_calls(call, per_round))
    await raw.aclose()
    await sdk.close()
    return summarise(samples, "raw httpx.AsyncClient")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1000, help="calls per client (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up calls per client")
    parser.add_argument("--no-async", action="store_true", help="skip the asyncio clients")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if the SDK's median ratio > {TARGET}"
    )
    args = parser.parse_args()
    os.environ.pop("BONDMCP_LOG", None)

    proc, base_url = start_server()
    started = time.monotonic()
    try:
        sync_rows = bench_sync(base_url, args.calls, args.rounds, args.warmup)
        async_rows = (
            []
            if args.no_async
            else asyncio.run(bench_async(base_url, args.calls, args.rounds, args.warmup))
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    print(
        f"bondmcp {bondmcp.__version__}, httpx {httpx.__version__}, Python {sys.version.split()[0]}"
    )
    print(f"server: Starlette + uvicorn on {base_url}, fixed AskResponse body")
    print_table("Sync, sequential calls", sync_rows)
    if async_rows:
        print_table("Async, sequential awaits", async_rows)
    sdk_rows = [row for row in sync_rows + async_rows if str(row["client"]).startswith("bondmcp")]
    worst = max(float(row["ratio_median"]) for row in sdk_rows)
    verdict = "within" if worst <= TARGET else "OVER"
    print(
        f"\nSDK overhead (median): {(worst - 1) * 100:+.1f} % vs raw httpx, "
        f"{verdict} the {round((TARGET - 1) * 100)} % target; ran {time.monotonic() - started:.1f} s"
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"sync": sync_rows, "async": async_rows}, fh, indent=2)
    return 1 if args.check and worst > TARGET else 0


if __name__ == "__main__":
    raise SystemExit(main())
