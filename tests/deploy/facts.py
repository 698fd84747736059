"""What the deployment artifacts must agree with, read from the code itself.

Settings come from ``bondmcp.settings.Settings``, commands and options from the Typer app,
routes from the FastAPI app, metric names and labels from the Prometheus registry that
``bondmcp.server.metrics`` fills, label values from the calls that set them, and the
graceful-shutdown timeout from the ``uvicorn.run`` call in ``bondmcp serve``.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import typing
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from prometheus_client import REGISTRY
from prometheus_client.metrics import MetricWrapperBase
from prometheus_client.utils import floatToGoString

from bondmcp import cli
from bondmcp.server import metrics
from bondmcp.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
SRC = REPO / "src" / "bondmcp"
ENV_PREFIX = "BONDMCP_"
#: Labels Prometheus attaches to every scraped series.
TARGET_LABELS = frozenset({"instance", "job"})


# -- YAML -----------------------------------------------------------------------------------


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_yaml_all(path: Path) -> list[Any]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


# -- settings -------------------------------------------------------------------------------


def setting_names() -> set[str]:
    """Every environment variable bondmcp reads: BONDMCP_<FIELD>."""
    return {ENV_PREFIX + name.upper() for name in Settings.model_fields}


def secret_setting_names() -> set[str]:
    """Settings typed as secrets (``SecretStr``)."""
    from pydantic import SecretStr

    return {
        ENV_PREFIX + name.upper()
        for name, info in Settings.model_fields.items()
        if info.annotation is SecretStr or SecretStr in typing.get_args(info.annotation)
    }


def sensitive_setting_names() -> set[str]:
    """Secrets, and URLs (which can carry a password)."""
    urls = {ENV_PREFIX + name.upper() for name in Settings.model_fields if name.endswith("_url")}
    return secret_setting_names() | urls


def default_port() -> int:
    port = Settings.model_fields["port"].default
    assert isinstance(port, int)
    return port


@contextmanager
def only_env(values: Mapping[str, str]) -> Iterator[None]:
    """Run with exactly these BONDMCP_* variables set (and no inherited ones)."""
    saved = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    for name in saved:
        del os.environ[name]
    os.environ.update(values)
    try:
        yield
    finally:
        for name in list(os.environ):
            if name.startswith(ENV_PREFIX):
                del os.environ[name]
        os.environ.update(saved)


def settings_from_env(values: Mapping[str, str]) -> Settings:
    """Settings exactly as a process with this environment would load them (or raise)."""
    with only_env(values):
        return load_settings()


# -- the CLI --------------------------------------------------------------------------------


def graceful_timeout() -> float:
    """``timeout_graceful_shutdown`` passed to ``uvicorn.run`` by ``bondmcp serve``."""
    tree = ast.parse(inspect.getsource(cli.serve))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "timeout_graceful_shutdown":
                    value = ast.literal_eval(keyword.value)
                    assert isinstance(value, int | float)
                    return float(value)
    raise AssertionError("bondmcp serve no longer passes timeout_graceful_shutdown")


def cli_commands() -> set[str]:
    """The top-level ``bondmcp`` commands."""
    import typer.main

    return set(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]


def parse_cli(args: list[str], *, group_ok: bool = False) -> tuple[str, dict[str, Any]]:
    """Parse ``bondmcp <args>`` the way the real command does, without running it.

    Returns the command path (``"serve"``, ``"db upgrade"``) and the parsed parameters;
    an unknown command, an unknown option or an invalid value raises. With ``group_ok``,
    naming a command group (``bondmcp kb import``) is accepted too."""
    import typer.main

    command: Any = typer.main.get_command(cli.app)
    path: list[str] = []
    rest = list(args)
    while hasattr(command, "commands"):
        if not rest and group_ok:
            return " ".join(path), {}
        assert rest, f"bondmcp {' '.join(args)}: no sub-command after {' '.join(path)!r}"
        name = rest.pop(0)
        assert name in command.commands, f"bondmcp has no command {' '.join([*path, name])!r}"
        command = command.commands[name]
        path.append(name)
    context = command.make_context(" ".join(path), rest)
    return " ".join(path), dict(context.params)


def metrics_dir_under_data_dir(tmp_path: Path) -> Path:
    """Where ``bondmcp serve`` puts PROMETHEUS_MULTIPROC_DIR, relative to the data dir,
    without the per-process last component."""
    saved = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    try:
        settings = load_settings(data_dir=tmp_path)
        cli.prepare_metrics_dir(settings)
        chosen = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    finally:
        if saved is None:
            os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        else:
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = saved
    return chosen.parent.relative_to(tmp_path)


# -- the HTTP app ---------------------------------------------------------------------------


@cache
def route_paths() -> frozenset[str]:
    """Every route template the app serves, as the metrics' ``route`` label spells it."""
    import tempfile

    from bondmcp.server.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(load_settings(data_dir=Path(tmp))).fastapi
        paths = set(app.openapi()["paths"]) | set(_walk(app.routes))
    return frozenset(paths)


def _walk(routes: list[Any]) -> Iterator[str]:
    for route in routes:
        path = getattr(route, "path", None)
        if path:
            yield path
        # Newer FastAPI keeps an included router as one entry wrapping the original.
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _walk(inner.routes)


# -- metrics --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricInfo:
    name: str  # the family name in the registry
    kind: str  # counter, gauge, histogram
    labels: frozenset[str]
    buckets: tuple[str, ...] = ()

    def series_names(self) -> set[str]:
        if self.kind == "counter":
            return {self.name + "_total", self.name + "_created"}
        if self.kind == "histogram":
            return {self.name + suffix for suffix in ("_bucket", "_count", "_sum", "_created")}
        return {self.name}

    def labels_of(self, series: str) -> frozenset[str]:
        return self.labels | {"le"} if series.endswith("_bucket") else self.labels


def _wrappers() -> dict[str, MetricWrapperBase]:
    """Every bondmcp metric object the server defines, by registered name.

    Importing the app imports every module that defines metrics, so the registry then
    holds exactly what a server process exports."""
    import sys

    import bondmcp.server.app  # noqa: F401

    found: dict[str, MetricWrapperBase] = {}
    for name, module in list(sys.modules.items()):
        if name == "bondmcp" or name.startswith("bondmcp."):
            for value in vars(module).values():
                if isinstance(value, MetricWrapperBase) and value._name.startswith("bondmcp_"):
                    found[value._name] = value
    return found


@cache
def metric_catalog() -> dict[str, MetricInfo]:
    """Every bondmcp series name Prometheus can see, mapped to its metric."""
    wrappers = _wrappers()
    catalog: dict[str, MetricInfo] = {}
    for family in REGISTRY.collect():
        if not family.name.startswith("bondmcp_"):
            continue
        wrapper = wrappers.get(family.name)
        if wrapper is not None:
            labels = frozenset(wrapper._labelnames)
            bounds = tuple(floatToGoString(b) for b in getattr(wrapper, "_upper_bounds", ()))
        else:  # not a module attribute: go by the samples it has
            labels = frozenset(k for s in family.samples for k in s.labels if k != "le")
            bounds = tuple(sorted({s.labels["le"] for s in family.samples if "le" in s.labels}))
        info = MetricInfo(family.name, family.type, labels, bounds)
        for series in info.series_names():
            catalog[series] = info
    return catalog


def core_metric_families() -> set[str]:
    """The metrics defined in bondmcp.server.metrics (every server process has them)."""
    return {m._name for m in vars(metrics).values() if isinstance(m, MetricWrapperBase)}


@cache
def _metric_variables() -> dict[str, MetricInfo]:
    """Module-level names of metric objects (``CACHE``) mapped to their metric; a name
    that two modules use for different metrics is left out."""
    import sys

    by_family = {info.name: info for info in metric_catalog().values()}
    found: dict[str, MetricInfo] = {}
    clashes: set[str] = set()
    for name, module in list(sys.modules.items()):
        if not (name == "bondmcp" or name.startswith("bondmcp.")):
            continue
        for var, value in vars(module).items():
            if isinstance(value, MetricWrapperBase) and value._name in by_family:
                info = by_family[value._name]
                if found.setdefault(var, info) != info:
                    clashes.add(var)
    return {var: info for var, info in found.items() if var not in clashes}


@cache
def label_values() -> dict[str, frozenset[str]]:
    """Known values of each label, where the code fixes them.

    ``route`` is any route template (or ``unmatched``); ``level`` is a triage level; other
    labels count only when every call in the code that sets them passes a literal."""
    variables = _metric_variables()
    literal: dict[str, set[str]] = {}
    dynamic: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # DependencyHealth sets bondmcp_dependency_up{dependency=<its name>}: the names
        # are the literals it is constructed with, not the variable inside the class.
        inside_health = {
            id(n)
            for c in ast.walk(tree)
            if isinstance(c, ast.ClassDef) and c.name == "DependencyHealth"
            for n in ast.walk(c)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in inside_health:
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "DependencyHealth" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal.setdefault("dependency", set()).add(arg.value)
                else:
                    dynamic.add("dependency")
                continue
            if not (isinstance(func, ast.Attribute) and func.attr == "labels"):
                continue
            owner = func.value
            var = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if var not in variables:
                continue
            pairs = list(zip(_label_order(var), node.args, strict=False))
            pairs += [(k.arg, k.value) for k in node.keywords if k.arg]
            for label, value in pairs:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    literal.setdefault(label, set()).add(value.value)
                else:
                    dynamic.add(label)
    known = {label: frozenset(v) for label, v in literal.items() if label not in dynamic}
    from bondmcp.types import Triage

    known["level"] = frozenset(typing.get_args(Triage))
    known["route"] = route_paths() | {"unmatched"}
    return known


def _label_order(var: str) -> tuple[str, ...]:
    info = _metric_variables()[var]
    return tuple(_wrappers()[info.name]._labelnames)


def bucket_bounds(series: str) -> tuple[str, ...]:
    return metric_catalog()[series].buckets


# -- PromQL ---------------------------------------------------------------------------------

_SELECTOR = re.compile(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?")
_MATCHER = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"')
_GROUPING = re.compile(r"\b(by|without|on|ignoring)\s*\(([^)]*)\)")
_LITERALS = re.compile(r"[A-Za-z0-9_/.\-]+(\|[A-Za-z0-9_/.\-]+)*")


@dataclass
class Selector:
    metric: str
    matchers: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Query:
    text: str
    selectors: list[Selector]
    grouping: dict[str, set[str]]

    @property
    def metric_names(self) -> set[str]:
        return {s.metric for s in self.selectors}


def parse_promql(text: str) -> Query:
    """Metric selectors and grouping labels of a PromQL expression (bondmcp metrics only).

    Not a PromQL parser: enough to see which series and labels an expression names."""
    selectors = []
    for match in _SELECTOR.finditer(text):
        name, braces = match.group(1), match.group(2)
        if not name.startswith("bondmcp_"):
            continue
        matchers = _MATCHER.findall(braces or "")
        selectors.append(Selector(name, matchers))
    grouping: dict[str, set[str]] = {}
    for kind, labels in _GROUPING.findall(text):
        grouping.setdefault(kind, set()).update(x.strip() for x in labels.split(",") if x.strip())
    return Query(text, selectors, grouping)


def check_query(text: str) -> list[str]:
    """Problems in a PromQL expression against the metrics the code exports."""
    problems: list[str] = []
    query = parse_promql(text)
    catalog = metric_catalog()
    known_values = label_values()
    if not query.selectors:
        problems.append(f"names no bondmcp metric: {text!r}")
    available: set[str] = set(TARGET_LABELS)
    for selector in query.selectors:
        if selector.metric not in catalog:
            problems.append(f"{selector.metric} is not exported by bondmcp.server.metrics")
            continue
        labels = catalog[selector.metric].labels_of(selector.metric)
        available |= labels
        for label, op, value in selector.matchers:
            if label not in labels | TARGET_LABELS:
                problems.append(f"{selector.metric} has no label {label!r}")
                continue
            if "$" in value:
                continue  # a dashboard variable
            if label == "le":
                if value not in catalog[selector.metric].buckets:
                    problems.append(f"{selector.metric} has no bucket le={value!r}")
                continue
            if label in known_values and (op in ("=", "!=") or _LITERALS.fullmatch(value)):
                for literal in value.split("|") if op in ("=~", "!~") else [value]:
                    if literal not in known_values[label]:
                        problems.append(
                            f"{selector.metric}{{{label}{op}{value!r}}}: {literal!r} is not a "
                            f"value bondmcp sets (known: {sorted(known_values[label])})"
                        )
    for kind, labels in query.grouping.items():
        for label in labels - available - {"le"}:
            problems.append(f"{kind} ({label}) names a label none of the metrics has")
    return problems


def result_labels(text: str) -> set[str]:
    """Labels a query's result can carry, for ``$labels.x`` in alert annotations."""
    query = parse_promql(text)
    if re.search(r"\b(sum|min|max|avg|count)\b", text):
        return query.grouping.get("by", set()) - {"le"}
    catalog = metric_catalog()
    labels = set(TARGET_LABELS)
    for selector in query.selectors:
        if selector.metric in catalog:
            labels |= catalog[selector.metric].labels
    return labels
