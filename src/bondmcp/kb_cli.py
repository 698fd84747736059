"""``bondmcp kb``: import public corpora into the data directory, list them, count them.

Imports are parsed by :mod:`bondmcp.engine.corpora` and stored by
:mod:`bondmcp.store.corpora` under ``BONDMCP_DATA_DIR/corpora``; the server and
``bondmcp ask`` load them from there with :func:`bondmcp.store.corpora.load_all`.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from bondmcp.engine.corpora import CorpusError, ParsedCorpus
from bondmcp.engine.corpora import medlineplus as medlineplus_corpus
from bondmcp.engine.corpora import medquad as medquad_corpus
from bondmcp.engine.passages import Passage
from bondmcp.settings import Settings, SettingsError, load_settings
from bondmcp.store.corpora import CorpusStore, CorpusStoreError, SaveResult, validate_name

kb_app = typer.Typer(
    help="Knowledge base: import public corpora (MedQuAD, MedlinePlus), list, count, remove.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
import_app = typer.Typer(
    help="Import a public corpus into BONDMCP_DATA_DIR/corpora.", no_args_is_help=True
)
kb_app.add_typer(import_app, name="import")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))


def _store() -> CorpusStore:
    return CorpusStore(_settings().data_dir)


def _parse_with_progress(
    label: str,
    parse: Callable[[Callable[[int, int], None]], ParsedCorpus],
    *,
    count_column: bool,
) -> ParsedCorpus:
    columns: list[ProgressColumn] = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
    ]
    if count_column:
        columns.append(MofNCompleteColumn())
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return parse(report)


def _import(
    *,
    name: str,
    kind: str,
    source: Path,
    parse: Callable[[Callable[[int, int], None]], ParsedCorpus],
    license: str,
    attribution: str,
    count_column: bool,
    as_json: bool,
) -> None:
    store = _store()
    try:
        validate_name(name)  # before a long parse, not after
    except CorpusStoreError as exc:
        fail(str(exc))
    started = time.perf_counter()
    try:
        parsed = _parse_with_progress(f"{kind} ", parse, count_column=count_column)
    except CorpusError as exc:
        fail(str(exc))
    if not parsed.passages:
        fail(f"{source}: nothing to import (no passages found)")
    try:
        result = store.save(
            name,
            parsed.passages,
            kind=kind,
            source_path=str(source.resolve()),
            license=license,
            attribution=attribution,
            categories=parsed.categories,
            skipped=dict(sorted(parsed.skipped.items())),
            renamed=len(parsed.renamed),
        )
    except (CorpusStoreError, OSError) as exc:
        fail(f"cannot store {name!r}: {exc}")
    _report_import(result, time.perf_counter() - started, as_json)


def _report_import(result: SaveResult, seconds: float, as_json: bool) -> None:
    info = result.info
    if as_json:
        print_json({**info.to_json(), "changed": result.changed, "seconds": round(seconds, 3)})
        return
    verb = "Imported" if result.changed else "Unchanged, nothing rewritten:"
    out.print(
        f"{verb} {info.name}: {info.count:,} passages from {info.source_path} "
        f"in {seconds:.1f} s (content {info.sha256[:12]}).",
        highlight=False,
    )
    if info.skipped:
        skipped = ", ".join(f"{reason} {n:,}" for reason, n in info.skipped.items())
        out.print(f"Skipped {sum(info.skipped.values()):,}: {skipped}.", highlight=False)
    if info.renamed:
        out.print(
            f"{info.renamed} published ids named more than one answer; those use the file name "
            "instead (see docs/corpora.md).",
            highlight=False,
        )


@import_app.command("medquad")
def import_medquad(
    path: Annotated[Path, typer.Argument(help="The MedQuAD folder (holding 1_CancerGov_QA …).")],
    name: Annotated[str, typer.Option(help="Store it under this name.")] = "medquad",
    as_json: JsonOption = False,
) -> None:
    """Import MedQuAD's answered collections (folders 1-9), one passage per answer."""
    _import(
        name=name,
        kind=medquad_corpus.ORIGIN,
        source=path,
        parse=lambda report: medquad_corpus.read_medquad(path, report),
        license=f"{medquad_corpus.LICENSE} ({medquad_corpus.LICENSE_URL})",
        attribution=f"MedQuAD: {medquad_corpus.CITATION}",
        count_column=True,
        as_json=as_json,
    )


@import_app.command("medlineplus")
def import_medlineplus(
    file: Annotated[Path, typer.Argument(help="NLM's health topics file (mplus_topics_*.xml).")],
    name: Annotated[str, typer.Option(help="Store it under this name.")] = "medlineplus",
    as_json: JsonOption = False,
) -> None:
    """Import MedlinePlus health-topic summaries (English topics)."""
    _import(
        name=name,
        kind=medlineplus_corpus.ORIGIN,
        source=file,
        parse=lambda report: medlineplus_corpus.read_medlineplus(file, report),
        license=medlineplus_corpus.LICENSE,
        attribution=medlineplus_corpus.CREDIT,
        count_column=False,
        as_json=as_json,
    )


def _builtin() -> tuple[list[Passage], dict[str, str], list[dict[str, str]]]:
    """Built-in passages, each topic's category, and a short description of every topic."""
    from bondmcp.engine.knowledge import load_topics
    from bondmcp.engine.passages import passages_from_topics

    topics = load_topics()
    categories = {t.id: t.category for t in topics}
    described = [{"id": t.id, "title": t.title, "category": t.category} for t in topics]
    return passages_from_topics(topics), categories, described


def kb_version(passages: Iterable[Passage]) -> str:
    """The ``kb_version`` an engine over exactly these passages, in this order, reports.

    Mirrors :class:`bondmcp.engine.retrieval.PassageIndex` without building a BM25 index,
    so ``kb stats`` answers in about a second; a test keeps the two in step.
    """
    digest = hashlib.sha256()
    for p in passages:
        digest.update(f"{p.source_id}\0{p.url}\0{p.text}\0".encode())
    return "kb-" + digest.hexdigest()[:12]


@kb_app.command("list")
def list_corpora(
    topics: Annotated[
        bool, typer.Option("--topics", help="Also list every built-in topic.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Built-in topics and imported corpora."""
    try:
        corpora = _store().corpora()
    except CorpusStoreError as exc:
        fail(str(exc))
    passages, _, described = _builtin()
    if as_json:
        print_json(
            {
                "builtin": {
                    "topics": len(described),
                    "passages": len(passages),
                    "items": described,
                },
                "corpora": [info.to_json() for info in corpora],
            }
        )
        return
    table = Table("name", "kind", "passages", "imported", "license", "source")
    table.add_row(
        "built-in",
        "kb",
        f"{len(passages):,} ({len(described)} topics)",
        "-",
        "our own words",
        "src/bondmcp/engine/topics",
    )
    for info in corpora:
        table.add_row(
            info.name,
            info.kind,
            f"{info.count:,}",
            info.imported_at,
            info.license,
            info.source_path,
        )
    out.print(table)
    if topics:
        topic_table = Table("topic", "title", "category")
        for item in described:
            topic_table.add_row(item["id"], item["title"], item["category"])
        out.print(topic_table)


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


@kb_app.command("stats")
def stats(as_json: JsonOption = False) -> None:
    """Passage counts per origin, category and section, and the resulting kb_version."""
    store = _store()
    builtin, topic_categories, described = _builtin()
    passages: list[Passage] = list(builtin)
    categories: list[str] = [topic_categories[p.topic_id] for p in builtin]
    try:
        corpora = store.corpora()
        for info in corpora:
            for stored in store.records(info.name):
                passages.append(stored.passage)
                categories.append(f"{info.name}: {stored.category or 'other'}")
    except CorpusStoreError as exc:
        fail(str(exc))
    version = kb_version(passages)
    topic_count = len({p.topic_id for p in passages})
    breakdown = {
        "origin": _counts(p.origin for p in passages),
        "category": _counts(categories),
        "section": _counts(p.section for p in passages),
    }
    if as_json:
        print_json(
            {
                "kb_version": version,
                "passages": len(passages),
                "topics": topic_count,
                "builtin_topics": len(described),
                "corpora": [info.name for info in corpora],
                **{f"by_{key}": counts for key, counts in breakdown.items()},
            }
        )
        return
    out.print(
        f"kb_version {version}: {len(passages):,} passages, {topic_count:,} topics",
        highlight=False,
    )
    for title, counts in breakdown.items():
        _print_counts(title, counts)


def _print_counts(title: str, counts: dict[str, int]) -> None:
    table = Table(title, "passages")
    for key, n in counts.items():
        table.add_row(key, f"{n:,}")
    out.print(table)


@kb_app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="The corpus name (see kb list).")]) -> None:
    """Remove an imported corpus."""
    try:
        info = _store().remove(name)
    except (CorpusStoreError, OSError) as exc:
        fail(str(exc))
    out.print(f"Removed {info.name} ({info.count:,} passages).", highlight=False)


if __name__ == "__main__":
    kb_app()
