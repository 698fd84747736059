"""The ``bondmcp`` command line for operators: serve, ask, keys, db."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
import uuid
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from bondmcp._version import __version__
from bondmcp.kb_cli import kb_app
from bondmcp.settings import Settings, SettingsError, load_settings, parse_rate_limit

app = typer.Typer(
    help="bondmcp: self-hostable health AI. Settings come from BONDMCP_* environment variables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
keys_app = typer.Typer(help="Create, list, rotate and revoke API keys.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)
audit_app = typer.Typer(help="Verify and export the audit trail.", no_args_is_help=True)
data_app = typer.Typer(help="Erasure requests and retention.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(db_app, name="db")
app.add_typer(audit_app, name="audit")
app.add_typer(data_app, name="data")
app.add_typer(kb_app, name="kb")

out = Console()
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def settings_or_exit(**overrides: Any) -> Settings:
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        fail(str(exc))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to bind (default BONDMCP_HOST).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default BONDMCP_PORT, 8000).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    ssl_certfile: Annotated[str | None, typer.Option(help="PEM certificate: serve HTTPS.")] = None,
    ssl_keyfile: Annotated[
        str | None, typer.Option(help="PEM private key for --ssl-certfile.")
    ] = None,
) -> None:
    """Run the API server."""
    settings = settings_or_exit()
    # Before anything imports prometheus_client: it picks its storage when first imported.
    prepare_metrics_dir(settings)

    import uvicorn

    from bondmcp.server.logs import uvicorn_log_config
    from bondmcp.server.protocol import CoalescingHttpToolsProtocol
    from bondmcp.server.services import open_database

    if (ssl_certfile is None) != (ssl_keyfile is None):
        fail("--ssl-certfile and --ssl-keyfile go together")
    bind_host = host or settings.host
    if workers > 1:
        # The workers share one listening socket. libuv (under uvloop) accepts every
        # connection waiting when it wakes, so one worker could take a whole burst of new
        # connections and serve them all, keep-alive, while the others sat idle. With this
        # set it accepts one connection at a time and lets the other workers take theirs.
        import os

        os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
    bind_port = settings.port if port is None else port
    try:
        open_database(settings).dispose()  # migrate once, before any worker starts
    except Exception as exc:
        fail(f"cannot open the database: {exc}")
    scheme = "https" if ssl_certfile else "http"
    err.print(
        f"bondmcp {__version__} ({settings.environment}) on {scheme}://{bind_host}:{bind_port}"
    )
    uvicorn.run(
        "bondmcp.server.app:create_app",
        factory=True,
        http=CoalescingHttpToolsProtocol,
        host=bind_host,
        port=bind_port,
        workers=workers,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        server_header=False,
        access_log=False,  # our own JSON request log replaces it
        log_config=uvicorn_log_config(settings.log_level),
        log_level=settings.log_level,
        timeout_graceful_shutdown=30,
    )


def prepare_metrics_dir(settings: Settings) -> None:
    """Give this server's worker processes one fresh directory to share metrics through."""
    import os
    import shutil

    path = settings.data_dir / "metrics" / str(os.getpid())
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)


@app.command()
def worker(
    threads: Annotated[int, typer.Option(min=1, max=64, help="Worker threads.")] = 2,
) -> None:
    """Consume batch jobs from BONDMCP_BROKER_URL (any number of workers, any machine)."""
    settings = settings_or_exit()
    if not settings.broker_url:
        fail("set BONDMCP_BROKER_URL (redis://... or amqp://...) to run a worker")
    import logging
    import logging.config

    from bondmcp.server.jobs.worker import run_worker
    from bondmcp.server.logs import process_log_config
    from bondmcp.server.services import open_database

    logging.config.dictConfig(process_log_config(settings.log_level))
    try:
        open_database(settings).dispose()  # migrate an embedded database before consuming
    except Exception as exc:
        fail(f"cannot open the database: {exc}")
    logging.getLogger("bondmcp.worker").info(
        "worker started",
        extra={"version": __version__, "queue": settings.broker_queue, "threads": threads},
    )
    run_worker(settings, threads)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A health question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full answer as JSON.")] = False,
    locale: Annotated[str | None, typer.Option(help="us, gb or eu (emergency numbers).")] = None,
) -> None:
    """Answer a question in-process, without a server."""
    from bondmcp.server.services import build_engine

    settings = settings_or_exit()
    if not question.strip():
        fail("the question is empty")
    if locale is not None and locale not in ("us", "gb", "eu"):
        fail("--locale must be us, gb or eu")
    engine = build_engine(settings)
    started = time.perf_counter()
    answer = engine.ask(question, locale)
    elapsed = time.perf_counter() - started
    if as_json:
        print_json(
            {
                "id": "ans_" + uuid.uuid4().hex,
                "answer": answer.text,
                "confidence": answer.confidence,
                "processing_time": round(elapsed, 6),
                "citations": [dataclasses.asdict(c) for c in answer.citations],
                "triage": answer.triage,
                "in_scope": answer.in_scope,
                "disclaimer": answer.disclaimer,
                "cached": False,
                "kb_version": answer.kb_version,
                "evidence": [{"sentence": s, "source_id": sid} for s, sid in answer.evidence],
            }
        )
        return
    if answer.triage == "emergency":
        out.print("[bold white on red] EMERGENCY [/]")
    elif answer.triage == "urgent":
        out.print("[bold black on yellow] URGENT [/]")
    out.print(answer.text, highlight=False)
    if answer.citations:
        out.print("\n[bold]Sources[/]")
        for i, c in enumerate(answer.citations, 1):
            out.print(f"  [{i}] {c.title} — {c.url}", highlight=False)
    out.print(f"\n[dim]confidence {answer.confidence:.2f} · {answer.kb_version}[/]")
    out.print(f"[dim]{answer.disclaimer}[/]")


@app.command("mcp")
def mcp_stdio() -> None:
    """Serve the MCP tools over stdio, for desktop AI clients. Logs go to stderr."""
    from bondmcp.mcp.stdio import McpStartupError, run_stdio

    settings = settings_or_exit()
    try:
        run_stdio(settings)
    except McpStartupError as exc:
        fail(str(exc))


def _key_json(
    record: Any, *, key: str | None = None, max_age_days: int | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": record.id,
        "name": record.name,
        "environment": record.environment,
        "prefix": record.prefix,
        "scopes": list(record.scopes),
        "rate_limit": record.rate_limit,
        "status": record.status(),
        "created_at": record.created_at.isoformat(),
        "expires_at": record.expires_at.isoformat() if record.expires_at else None,
        "revoked_at": record.revoked_at.isoformat() if record.revoked_at else None,
        "last_used_at": record.last_used_at.isoformat() if record.last_used_at else None,
        "rotated_from": record.rotated_from,
        "age_days": record.age_days(),
        "rotation_due": max_age_days is not None
        and record.status() == "active"
        and record.age_days() >= max_age_days,
    }
    if key is not None:
        data = {"id": record.id, "key": key, **{k: v for k, v in data.items() if k != "id"}}
    return data


def _key_store(settings: Settings) -> Any:
    from bondmcp.store import KeyStore
    from bondmcp.store.audit import AuditLog

    db, secret = _open_store(settings)
    return KeyStore(db, secret, AuditLog(db, secret))


def _open_store(settings: Settings) -> tuple[Any, bytes]:
    from bondmcp.server.services import open_database
    from bondmcp.store.secret import load_or_create_secret

    secret_value = settings.secret_key.get_secret_value() if settings.secret_key else None
    try:
        db = open_database(settings)
    except Exception as exc:
        fail(f"cannot open the database: {exc}")
    return db, load_or_create_secret(settings.data_dir, secret_value)


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="What the key is for.")],
    environment: Annotated[
        str, typer.Option(help="development, staging or production.")
    ] = "development",
    scope: Annotated[list[str] | None, typer.Option(help="ask (default) and/or admin.")] = None,
    rate_limit: Annotated[str | None, typer.Option(help="e.g. 20/minute, 1000/day.")] = None,
    expires_in_days: Annotated[int | None, typer.Option(min=1, help="Expire after N days.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a key. The key is printed once and never stored."""
    settings = settings_or_exit()
    if rate_limit is not None:
        try:
            parse_rate_limit(rate_limit)
        except ValueError as exc:
            fail(str(exc))
    expires_at = (
        dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_in_days) if expires_in_days else None
    )
    try:
        record, key = _key_store(settings).create(
            name=name,
            environment=environment,
            scopes=tuple(scope or ["ask"]),
            rate_limit=rate_limit,
            expires_at=expires_at,
        )
    except ValueError as exc:
        fail(str(exc))
    if as_json:
        print_json(_key_json(record, key=key))
    else:
        out.print(
            f"Created {record.id} ({record.environment}). Store this key now; it is not shown again:"
        )
        out.print(key, highlight=False)


@keys_app.command("list")
def keys_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List keys (never their secrets)."""
    settings = settings_or_exit()
    records = _key_store(settings).list()
    max_age = settings.key_max_age_days
    if as_json:
        print_json([_key_json(r, max_age_days=max_age) for r in records])
        return
    from rich.table import Table

    table = Table("id", "name", "env", "prefix", "scopes", "status", "age", "last used")
    for r in records:
        table.add_row(
            r.id,
            r.name,
            r.environment,
            r.prefix + "…",
            ",".join(r.scopes),
            r.status(),
            f"{r.age_days()} d" + (" (rotate)" if r.age_days() >= max_age else ""),
            r.last_used_at.strftime("%Y-%m-%d %H:%M") if r.last_used_at else "never",
        )
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key id (key_...).")]) -> None:
    """Revoke a key immediately."""
    try:
        record = _key_store(settings_or_exit()).revoke(key_id)
    except KeyError:
        fail(f"no key {key_id}")
    out.print(f"Revoked {record.id}.")


@keys_app.command("rotate")
def keys_rotate(
    key_id: Annotated[str, typer.Argument(help="The key id (key_...).")],
    grace_period: Annotated[
        int, typer.Option(min=0, help="Seconds the old key keeps working.")
    ] = 86400,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Issue a replacement key; the old one stops working after the grace period."""
    try:
        record, key = _key_store(settings_or_exit()).rotate(
            key_id, dt.timedelta(seconds=grace_period)
        )
    except KeyError:
        fail(f"no key {key_id}")
    except ValueError as exc:
        fail(str(exc))
    if as_json:
        print_json(_key_json(record, key=key))
    else:
        out.print(f"Created {record.id} replacing {key_id} (old key valid for {grace_period} s):")
        out.print(key, highlight=False)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply schema migrations."""
    from bondmcp.store import Database

    settings = settings_or_exit()
    try:
        db = Database(settings.resolved_database_url)
        db.upgrade(revision)
        out.print(f"Database at revision {db.current_revision()}.")
    except Exception as exc:
        fail(f"migration failed: {exc}", 1)


@db_app.command("current")
def db_current() -> None:
    """Print the applied schema revision."""
    from bondmcp.store import Database

    db = Database(settings_or_exit().resolved_database_url)
    out.print(db.current_revision() or "none")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the whole hash chain; exit 1 naming the first broken record."""
    from bondmcp.store.audit import AuditLog

    db, secret = _open_store(settings_or_exit())
    result = AuditLog(db, secret).verify()
    if not result.ok:
        fail(f"audit chain broken at record {result.first_broken}: {result.reason}", 1)
    out.print(f"audit chain intact: {result.records} records")


@audit_app.command("export")
def audit_export(
    since: Annotated[
        str | None, typer.Option(help="ISO date or datetime (UTC), e.g. 2026-01-31.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """Export audit records for compliance review (no PHI is ever recorded)."""
    from bondmcp.store.audit import AuditLog

    start = None
    if since is not None:
        try:
            start = dt.datetime.fromisoformat(since)
        except ValueError:
            fail(f"--since {since!r} is not an ISO date or datetime")
        if start.tzinfo is None:
            start = start.replace(tzinfo=dt.UTC)
    db, secret = _open_store(settings_or_exit())
    log = AuditLog(db, secret)
    records = [log.as_dict(r) for r in log.records(since=start)]
    if as_json:
        print_json(records)
        return
    for r in records:
        out.print(
            f"{r['seq']:>6} {r['ts']} {r['event']:<16} {r['key_id'] or '-'} {json.dumps(r['detail'])}"
        )


@data_app.command("erase")
def data_erase(
    subject: Annotated[str, typer.Option(help="The end-user id your app sent as `user`.")],
) -> None:
    """Erase everything stored about one end user (GDPR), and audit the erasure."""
    from bondmcp.server.routers.usage import subject_hash
    from bondmcp.store.audit import AuditEvent, AuditLog
    from bondmcp.store.usage import UsageStore

    if not subject.strip():
        fail("--subject is empty")
    db, secret = _open_store(settings_or_exit())
    digest = subject_hash(secret, subject)
    erased = UsageStore(db).erase_subject(digest)
    AuditLog(db, secret).append(
        [AuditEvent("data.erased", None, {"subject_hash": digest[:32], "records": erased})]
    )
    out.print(f"Erased {erased} records for the subject.")


@data_app.command("purge")
def data_purge() -> None:
    """Apply the retention periods (BONDMCP_RETENTION_DAYS, BONDMCP_JOB_RETENTION_DAYS) now."""
    from bondmcp.store.retention import purge_expired

    settings = settings_or_exit()
    db, secret = _open_store(settings)
    counts = purge_expired(
        db,
        secret,
        dt.timedelta(days=settings.retention_days),
        job_retention=dt.timedelta(days=settings.job_retention_days),
    )
    out.print("Purged: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
