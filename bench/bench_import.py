"""Import cost of MedQuAD: parse + store, re-import, load, engine build, and memory.

Each phase runs in a fresh Python process so its peak RSS is its own (``VmHWM`` in
``/proc/<pid>/status``), the way a server process starting up would see it. Phases, in
order, against one temporary data directory:

  import        read_medquad(folders 1-9) + CorpusStore.save   (what `bondmcp kb import` does)
  re-import     the same again: hash equal, nothing rewritten
  engine        load_all() + HealthEngine.builtin(extra=...)   (what the server does at start)
  engine+server the same after importing the FastAPI app module
  server        a real `bondmcp serve` process: memory once /ready answers (the index is
                built during start-up, so its peak is in VmHWM), then again after it has
                answered every question of bench/eval/questions.yaml over HTTP
  builtin only  HealthEngine.builtin() without imported content, for comparison

RSS MB is resident memory when the phase ends, peak MB its high-water mark, trim MB the
resident memory after glibc's malloc_trim(0) returns freed heap pages to the system. For
the server phase, build s is the time from launch until /ready answers, ask ms the median
round trip of /v1/ask, RSS MB the resident memory after the questions and peak MB the
high-water mark over start-up and the questions.

Targets (issue 4): importing all of MedQuAD in under 60 s on the 2-core machine; a server
with MedQuAD loaded at or under 300 MB RSS, start-up peak included.

Run:  .venv/bin/python bench/bench_import.py [--medquad ../shared/data/MedQuAD] [--repeat 3] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MEDQUAD = REPO.parent / "shared" / "data" / "MedQuAD"
EVAL_FILE = REPO / "bench" / "eval" / "questions.yaml"
IMPORT_TARGET_S = 60.0
RSS_TARGET_MB = 300.0


def _status_mb(field: str, pid: int | str = "self") -> float:
    """A memory line of /proc/<pid>/status (VmRSS now, VmHWM the peak), in MB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def _child(phase: str, medquad: Path, data_dir: Path) -> dict[str, Any]:
    """One phase, in this (fresh) process; returns seconds and memory."""
    started = time.perf_counter()
    out: dict[str, Any] = {"phase": phase}
    if phase in ("import", "re-import"):
        from bondmcp.engine.corpora import read_medquad
        from bondmcp.store.corpora import CorpusStore

        parsed = read_medquad(medquad)
        parsed_at = time.perf_counter()
        result = CorpusStore(data_dir).save(
            "medquad",
            parsed.passages,
            kind="medquad",
            source_path=str(medquad),
            license="CC BY 4.0",
            attribution="MedQuAD",
            categories=parsed.categories,
            skipped=dict(parsed.skipped),
        )
        out.update(
            parse_s=parsed_at - started,
            store_s=time.perf_counter() - parsed_at,
            passages=len(parsed.passages),
            skipped=sum(parsed.skipped.values()),
            changed=result.changed,
        )
    else:
        if phase == "engine+server":
            import bondmcp.server.app  # noqa: F401  (module import only, as uvicorn would)
        from bondmcp.engine.engine import HealthEngine
        from bondmcp.store.corpora import load_all

        extra = load_all(data_dir) if phase != "builtin only" else []
        loaded_at = time.perf_counter()
        engine = HealthEngine.builtin(extra=extra)
        built_at = time.perf_counter()
        latencies = []
        for question in (
            "What are the symptoms of ABCD syndrome?",
            "How is polycythemia vera treated?",
            "what causes high blood pressure",
            "Is Marfan syndrome inherited?",
        ):
            t = time.perf_counter()
            engine.ask(question)
            latencies.append((time.perf_counter() - t) * 1000)
        out.update(
            load_s=loaded_at - started,
            build_s=built_at - loaded_at,
            passages=len(engine.index),
            ask_ms=statistics.median(latencies),
        )
    out.update(total_s=time.perf_counter() - started, rss_mb=_rss_mb(), peak_mb=_peak_mb())
    out["trim_mb"] = _trimmed_rss_mb() if "engine" in phase or "builtin" in phase else None
    return out


def _trimmed_rss_mb() -> float | None:
    """RSS after glibc hands freed heap pages back (``malloc_trim``); None off glibc.

    The engine build allocates and frees a lot of small token lists; without a trim the
    freed pages stay in the process, so this is the steady-state a server would settle at
    if it trimmed once after start-up.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return None
    return _rss_mb()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server(data_dir: Path) -> dict[str, Any]:
    """Start `bondmcp serve` on the data directory, ask it every evaluation question, and
    read its memory from /proc before and after."""
    import httpx

    env = {**os.environ, "BONDMCP_DATA_DIR": str(data_dir)}
    bondmcp = [sys.executable, "-m", "bondmcp.cli"]
    created = subprocess.run(
        [
            *bondmcp,
            *("keys", "create", "--name", "bench-import", "--json"),
            *("--rate-limit", "100000/minute"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    key = json.loads(created.stdout)["key"]
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [*bondmcp, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    out: dict[str, Any] = {"phase": "server"}
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 300
            while True:
                if server.poll() is not None:
                    raise SystemExit(f"phase 'server' failed: exited with {server.returncode}")
                try:
                    ready = client.get("/ready")
                    if ready.status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("phase 'server' failed: not ready within 300 s")
                time.sleep(0.1)
            out["build_s"] = time.perf_counter() - started
            out["passages"] = int(
                ready.json()["dependencies"]["knowledge_base"]["detail"].split()[0]
            )
            out["ready_rss_mb"] = _status_mb("VmRSS", server.pid)
            out["ready_peak_mb"] = _status_mb("VmHWM", server.pid)
            questions = [
                q["question"] for q in yaml.safe_load(EVAL_FILE.read_text("utf-8"))["questions"]
            ]
            latencies = []
            headers = {"Authorization": f"Bearer {key}"}
            for question in questions:
                t = time.perf_counter()
                response = client.post("/v1/ask", json={"query": question}, headers=headers)
                latencies.append((time.perf_counter() - t) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"phase 'server' failed: /v1/ask {response.status_code}")
            out.update(
                asked=len(questions),
                ask_ms=statistics.median(latencies),
                rss_mb=_status_mb("VmRSS", server.pid),
                peak_mb=_status_mb("VmHWM", server.pid),
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    out["trim_mb"] = None
    return out


def _run(phase: str, medquad: Path, data_dir: Path) -> dict[str, Any]:
    if phase == "server":
        return _server(data_dir)
    env = {**os.environ, "BONDMCP_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            phase,
            "--medquad",
            str(medquad),
            "--data",
            str(data_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"phase {phase!r} failed:\n{result.stderr}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def _fmt(value: Any, spec: str) -> str:
    """``value`` formatted, or a dash right-aligned to the same width."""
    return format("-", f">{spec.split('.')[0]}") if value is None else format(value, spec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--medquad", type=Path, default=DEFAULT_MEDQUAD)
    parser.add_argument("--repeat", type=int, default=1, help="runs per phase (median shown)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(_child(args.child, args.medquad, args.data)))
        return
    if not (args.medquad / "1_CancerGov_QA").is_dir():
        print(f"skipped: MedQuAD not found at {args.medquad} (pass --medquad PATH)")
        return

    phases = ("import", "re-import", "engine", "engine+server", "server", "builtin only")
    rows: dict[str, list[dict[str, Any]]] = {p: [] for p in phases}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
            for phase in phases:
                try:
                    rows[phase].append(_run(phase, args.medquad, Path(tmp)))
                except SystemExit as exc:
                    if phase not in ("engine+server", "server"):
                        raise
                    print(f"note: {exc}".splitlines()[0], file=sys.stderr)

    def median(phase: str, key: str) -> float | None:
        values = [r[key] for r in rows[phase] if r.get(key) is not None]
        return statistics.median(values) if values else None

    print(
        f"MedQuAD folders 1-9 from {args.medquad}; {os.cpu_count()} CPUs; "
        f"median of {args.repeat} run(s), each phase in a fresh process\n"
    )
    header = (
        f"{'phase':<14} {'passages':>9} {'parse s':>8} {'store s':>8} {'load s':>7} "
        f"{'build s':>8} {'total s':>8} {'ask ms':>7} {'RSS MB':>7} {'peak MB':>8} {'trim MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for phase in phases:
        if not rows[phase]:
            print(f"{phase:<14} (not run)")
            continue
        print(
            f"{phase:<14} {rows[phase][0]['passages']:>9,} "
            f"{_fmt(median(phase, 'parse_s'), '8.2f')} {_fmt(median(phase, 'store_s'), '8.2f')} "
            f"{_fmt(median(phase, 'load_s'), '7.2f')} {_fmt(median(phase, 'build_s'), '8.2f')} "
            f"{_fmt(median(phase, 'total_s'), '8.2f')} {_fmt(median(phase, 'ask_ms'), '7.1f')} "
            f"{_fmt(median(phase, 'rss_mb'), '7.0f')} {_fmt(median(phase, 'peak_mb'), '8.0f')} "
            f"{_fmt(median(phase, 'trim_mb'), '8.0f')}"
        )
    first = rows["re-import"][0] if rows["re-import"] else {}
    print()
    if rows["server"]:
        print(
            f"server: ready in {median('server', 'build_s'):.1f} s with "
            f"{median('server', 'ready_rss_mb'):.0f} MB resident, "
            f"{median('server', 'ready_peak_mb'):.0f} MB peak during start-up; after "
            f"{rows['server'][0]['asked']} questions over HTTP "
            f"{median('server', 'rss_mb'):.0f} MB resident, {median('server', 'peak_mb'):.0f} MB peak\n"
        )

    import_s = median("import", "total_s") or 0.0
    server_phase = next(p for p in ("server", "engine+server", "engine") if rows[p])
    peak = median(server_phase, "peak_mb") or 0.0
    verdicts = [
        (f"import < {IMPORT_TARGET_S:.0f} s", import_s < IMPORT_TARGET_S, f"{import_s:.1f} s"),
        (
            f"{server_phase} peak RSS <= {RSS_TARGET_MB:.0f} MB",
            peak <= RSS_TARGET_MB,
            f"{peak:.0f} MB",
        ),
        (
            "re-import rewrites nothing",
            first.get("changed") is False,
            "unchanged" if first.get("changed") is False else "rewritten",
        ),
    ]
    for name, ok, value in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {value}")
    if args.check and not all(ok for _, ok, _ in verdicts):
        sys.exit(1)


if __name__ == "__main__":
    main()
