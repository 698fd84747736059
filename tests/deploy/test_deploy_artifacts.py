"""The files in deploy/ against the code: commands, options, settings, ports, routes,
metric names, labels and timeouts. Docker and a cluster are not needed; promtool and
kubectl are used when they are on PATH."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from bondmcp._version import __version__
from tests.conftest import ServerProcess, free_port
from tests.deploy.facts import (
    DEPLOY,
    ENV_PREFIX,
    REPO,
    check_query,
    cli_commands,
    core_metric_families,
    default_port,
    graceful_timeout,
    load_yaml,
    load_yaml_all,
    metric_catalog,
    metrics_dir_under_data_dir,
    parse_cli,
    parse_promql,
    result_labels,
    route_paths,
    secret_setting_names,
    sensitive_setting_names,
    setting_names,
    settings_from_env,
)

PROMETHEUS = DEPLOY / "prometheus"
GRAFANA = DEPLOY / "grafana"
K8S = DEPLOY / "kubernetes"
OPERATIONS = REPO / "docs" / "operations.md"
PLACEHOLDER = "CHANGE_ME"


# -- shared readers -------------------------------------------------------------------------


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines: list[str] = []
    pending = ""
    for raw in (DEPLOY / "Dockerfile").read_text(encoding="utf-8").splitlines():
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        lines.append(pending + stripped)
        pending = ""
    assert not pending, "Dockerfile ends inside a continued line"
    out = []
    for line in lines:
        instruction, _, args = line.partition(" ")
        out.append((instruction.upper(), args.strip()))
    return out


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile()
    last_from = max(i for i, (name, _) in enumerate(instructions) if name == "FROM")
    return instructions[last_from:]


def docker_env(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for name, args in stage:
        if name == "ENV":
            for token in shlex.split(args):
                key, _, value = token.partition("=")
                env[key] = value
    return env


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value


def compose() -> dict[str, Any]:
    data = load_yaml(DEPLOY / "docker-compose.yml")
    assert isinstance(data, dict)
    return data


def service(name: str) -> dict[str, Any]:
    services = compose()["services"]
    assert name in services, f"docker-compose.yml has no service {name!r}"
    return services[name]  # type: ignore[no-any-return]


def bondmcp_services() -> dict[str, dict[str, Any]]:
    """Compose services that run the bondmcp image."""
    image = service("bondmcp")["image"]
    return {n: s for n, s in compose()["services"].items() if s.get("image") == image}


def env_file_values(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, sep, value = line.partition("=")
            assert sep, f"{path.name}: {line!r} is not KEY=value"
            values[key.strip()] = value.strip()
    return values


def compose_env_files(svc: dict[str, Any]) -> list[Path]:
    paths = []
    for entry in svc.get("env_file", []):
        path = entry["path"] if isinstance(entry, dict) else entry
        paths.append(DEPLOY / path)
    return paths


def example_env(svc: dict[str, Any]) -> dict[str, str]:
    """The variables a service gets from its env files, as the committed examples show."""
    values: dict[str, str] = {}
    for path in compose_env_files(svc):
        values.update(env_file_values(path.with_name(path.name + ".example")))
    return values


def seconds(duration: str | int) -> float:
    if isinstance(duration, int):
        return float(duration)
    match = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", duration)
    assert match and duration, f"unexpected duration {duration!r}"
    return int(match.group(1) or 0) * 60.0 + int(match.group(2) or 0)


def k8s_docs() -> dict[str, dict[str, Any]]:
    """Every manifest in deploy/kubernetes by kind (one of each)."""
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "secret.yaml":
            continue  # an operator's filled-in copy of secret.example.yaml (git-ignored)
        for doc in load_yaml_all(path):
            if doc.get("kind") == "Kustomization":
                continue
            assert doc["kind"] not in docs, f"two {doc['kind']} manifests"
            docs[doc["kind"]] = doc
    return docs


def pod_spec(kind: str) -> dict[str, Any]:
    return k8s_docs()[kind]["spec"]["template"]["spec"]  # type: ignore[no-any-return]


def api_container() -> dict[str, Any]:
    (container,) = pod_spec("Deployment")["containers"]
    return container  # type: ignore[no-any-return]


def alert_rules() -> list[dict[str, Any]]:
    groups = load_yaml(PROMETHEUS / "alerts.yml")["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard() -> dict[str, Any]:
    return json.loads((GRAFANA / "dashboards" / "bondmcp.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def dashboard_panels() -> list[dict[str, Any]]:
    panels = []
    for panel in dashboard()["panels"]:
        panels.append(panel)
        panels.extend(panel.get("panels", []))
    return [p for p in panels if p["type"] != "row"]


def dashboard_exprs() -> list[str]:
    return [t["expr"] for p in dashboard_panels() for t in p["targets"]]


def container_port(mapping: str) -> int:
    """The container side of a compose port mapping like "127.0.0.1:8000:8000"."""
    return int(str(mapping).rsplit(":", 1)[-1].split("/")[0])


# -- every file parses ----------------------------------------------------------------------


def test_every_yaml_and_json_file_in_deploy_parses() -> None:
    yaml_files = sorted([*DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")])
    json_files = sorted(DEPLOY.rglob("*.json"))
    assert len(yaml_files) >= 15 and json_files
    for path in yaml_files:
        docs = load_yaml_all(path)
        assert docs and all(isinstance(d, dict) for d in docs), path
    for path in json_files:
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), path


# -- Dockerfile -----------------------------------------------------------------------------


def test_dockerfile_installs_the_package_with_the_server_extra_from_the_source_tree() -> None:
    instructions = dockerfile()
    build_args = dict(v.split("=", 1) for n, v in instructions if n == "ARG")
    images = [
        v.split()[0].replace("${PYTHON_IMAGE}", build_args["PYTHON_IMAGE"])
        for n, v in instructions
        if n == "FROM"
    ]
    assert images == ["python:3.11-slim", "python:3.11-slim"]

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    installs = [v for n, v in instructions if n == "RUN" and "pip install" in v]
    assert len(installs) == 1
    assert re.findall(r'"\.\[([a-z,]+)\]"', installs[0]) == ["server"]
    assert "server" in pyproject["project"]["optional-dependencies"]
    assert "-e " not in installs[0], "the image installs the package, not a link to /src"

    copied = [v.split()[:-1] for n, v in instructions if n == "COPY" and "--from" not in v]
    sources = [s for group in copied for s in group]
    assert set(sources) >= {"pyproject.toml", "README.md", "src", pyproject["project"]["readme"]}
    # The build context is the repository root: the ignore file drops everything else.
    ignore = [
        line.strip()
        for line in (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ignore[0] == "*"
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        assert f"!{source}" in ignore or f"!{source}/" in ignore, f"{source} is ignored"


def test_dockerfile_runs_bondmcp_serve_as_a_non_root_user() -> None:
    stage = final_stage()
    users = [v for n, v in stage if n == "USER"]
    assert users, "the runtime stage never leaves root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    entrypoint = exec_form(next(v for n, v in stage if n == "ENTRYPOINT"))
    command = exec_form(next(v for n, v in stage if n == "CMD"))
    argv = entrypoint + command
    assert argv == ["bondmcp", "serve", "--host", "0.0.0.0"]
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"][argv[0]] == "bondmcp.cli:main"
    name, params = parse_cli(argv[1:])
    assert name == "serve" and params["host"] == "0.0.0.0"
    stop = [v for n, v in stage if n == "STOPSIGNAL"]
    assert stop in ([], ["SIGTERM"]), "bondmcp serve shuts down gracefully on SIGTERM"


def test_dockerfile_settings_port_and_healthcheck_match_the_code() -> None:
    stage = final_stage()
    env = docker_env(stage)
    settings_env = {k: v for k, v in env.items() if k.startswith(ENV_PREFIX)}
    assert set(settings_env) <= setting_names()
    settings = settings_from_env(settings_env)
    exposed = [int(v.split("/")[0]) for n, v in stage if n == "EXPOSE"]
    assert exposed == [settings.port] == [default_port()]

    volumes = [exec_form(v) for n, v in stage if n == "VOLUME"]
    assert volumes == [[str(settings.data_dir)]]
    assert env["PYTHONDONTWRITEBYTECODE"] == "1", "the root filesystem may be read-only"

    (healthcheck,) = [v for n, v in stage if n == "HEALTHCHECK"]
    probe = healthcheck.split(" CMD ", 1)[1]
    url = re.search(
        r"'http://127\.0\.0\.1:' \+ os\.environ\.get\('(\w+)', '(\d+)'\) \+ '(/\w+)'", probe
    )
    assert url, probe
    variable, fallback, path = url.groups()
    assert variable == "BONDMCP_PORT" and int(fallback) == default_port()
    assert path == "/health" and path in route_paths()
    assert exec_form(probe)[0] == "python"


def test_dockerfile_healthcheck_passes_on_a_live_server_and_fails_without_one(
    live_server: ServerProcess,
) -> None:
    (healthcheck,) = [v for n, v in final_stage() if n == "HEALTHCHECK"]
    argv = exec_form(healthcheck.split(" CMD ", 1)[1])
    assert argv[0] == "python"
    env = {**os.environ, "BONDMCP_PORT": str(urlsplit(live_server.base_url).port)}
    run = [sys.executable, *argv[1:]]
    assert subprocess.run(run, env=env, capture_output=True, timeout=30).returncode == 0
    env["BONDMCP_PORT"] = str(free_port())
    assert subprocess.run(run, env=env, capture_output=True, timeout=30).returncode != 0


# -- docker-compose.yml ---------------------------------------------------------------------


def test_compose_runs_the_api_database_cache_and_monitoring() -> None:
    services = compose()["services"]
    assert set(services) == {"bondmcp", "migrate", "postgres", "redis", "prometheus", "grafana"}
    assert set(bondmcp_services()) == {"bondmcp", "migrate"}
    api = service("bondmcp")
    assert (DEPLOY / api["build"]["context"] / api["build"]["dockerfile"]).resolve() == (
        DEPLOY / "Dockerfile"
    )
    assert (DEPLOY / api["build"]["context"] / "pyproject.toml").is_file()


def test_compose_api_command_is_bondmcp_serve_with_two_workers() -> None:
    api = service("bondmcp")
    name, params = parse_cli(api["command"])
    assert name == "serve"
    assert params["workers"] == 2
    assert params["host"] == "0.0.0.0"
    assert api.get("init") is True, "an init process reaps the worker processes' children"


def compose_secret_files(svc: dict[str, Any], tmp_path: Path) -> dict[str, str]:
    """The service's ``*_FILE`` settings pointed at stand-ins for its Compose secrets, which
    are mounted at /run/secrets/<name> in a container."""
    mounted = {f"/run/secrets/{name}" for name in svc.get("secrets", [])}
    files = {}
    for key, value in svc["environment"].items():
        if key.endswith("_FILE"):
            assert value in mounted, (key, value, "is not one of the service's secrets")
            stand_in = tmp_path / Path(str(value)).name
            stand_in.write_text("CHANGE_ME_TOKEN\n", encoding="utf-8")
            files[key] = str(stand_in)
    return files


def test_compose_settings_are_bondmcp_settings_with_valid_values(tmp_path: Path) -> None:
    for name, svc in bondmcp_services().items():
        inline = {k: str(v) for k, v in svc["environment"].items()}
        from_files = example_env(svc)
        assert set(inline) | set(from_files) <= setting_names(), name
        settings = settings_from_env(
            {**inline, **from_files, **compose_secret_files(svc, tmp_path)}
        )
        assert settings.environment == "production"
        assert settings.port == default_port()
        assert settings.redis_url and settings.database_url


def test_compose_secrets_come_from_env_files_with_placeholders_only() -> None:
    lines = (DEPLOY / "docker-compose.yml").read_text(encoding="utf-8").splitlines()
    code = "\n".join(line.split("#", 1)[0] for line in lines)
    # A value on the same line as a password or secret key ("secrets:" opening a list of
    # secret names is fine).
    assert not re.search(r"(?i)(password|secret)\w*[ \t]*[:=][ \t]*[^\s]", code), (
        "a password or secret is written into docker-compose.yml"
    )
    gitignore = (DEPLOY / ".gitignore").read_text(encoding="utf-8").split()
    assert "*.env" in gitignore
    for name, svc in compose()["services"].items():
        for key, value in svc.get("environment", {}).items():
            assert not re.search("PASSWORD|SECRET", key), (name, key)
            assert key not in secret_setting_names(), (name, key)
            if key in sensitive_setting_names():  # a URL: only without a password
                assert urlsplit(str(value)).password is None, (name, key)
        for path in compose_env_files(svc):
            assert path.suffix == ".env"
            example = env_file_values(path.with_name(path.name + ".example"))
            secrets = {k: v for k, v in example.items() if re.search("PASSWORD|SECRET|URL", k)}
            assert secrets, f"{path.name}.example holds no secret"
            for key, value in secrets.items():
                assert PLACEHOLDER in value, f"{path.name}.example: {key} is not a placeholder"
    # Every secret setting reaches the API from bondmcp.env, or from a Compose secret file
    # named by its *_FILE setting.
    api_secrets = set(example_env(service("bondmcp")))
    api_secrets |= {k.removesuffix("_FILE") for k in service("bondmcp")["environment"]}
    assert secret_setting_names() | {"BONDMCP_DATABASE_URL"} <= api_secrets
    for name, declared in compose()["secrets"].items():
        assert (DEPLOY / declared["file"]).name in gitignore, name
    assert "BONDMCP_DATABASE_URL" not in service("bondmcp")["environment"]


def test_compose_urls_and_ports_match_the_services_and_the_code() -> None:
    api = service("bondmcp")
    env = {**example_env(api), **{k: str(v) for k, v in api["environment"].items()}}
    port = int(env["BONDMCP_PORT"])
    assert port == default_port()
    assert [container_port(p) for p in api["ports"]] == [port]

    redis = urlsplit(env["BONDMCP_REDIS_URL"])
    assert redis.scheme == "redis" and redis.hostname == "redis" and redis.port == 6379

    postgres = service("postgres")
    database = urlsplit(env["BONDMCP_DATABASE_URL"])
    assert database.scheme == "postgresql" and database.hostname == "postgres"
    assert database.port == 5432
    assert database.username == postgres["environment"]["POSTGRES_USER"]
    assert database.path.lstrip("/") == postgres["environment"]["POSTGRES_DB"]
    postgres_env = example_env(postgres)
    assert database.password == postgres_env["POSTGRES_PASSWORD"], (
        "bondmcp.env.example and postgres.env.example disagree on the password"
    )
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])

    scrape = load_yaml(PROMETHEUS / "prometheus.yml")["scrape_configs"]
    (job,) = [j for j in scrape if j["job_name"] == "bondmcp"]
    (target,) = [t for c in job["static_configs"] for t in c["targets"]]
    assert target == f"bondmcp:{port}"
    assert job["metrics_path"] == "/metrics" and "/metrics" in route_paths()


def test_compose_api_healthcheck_probes_readiness_on_the_configured_port(
    live_server: ServerProcess,
) -> None:
    api = service("bondmcp")
    test = api["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    url = re.search(r"'(http://[^']+)'", test[3])
    assert url
    parts = urlsplit(url.group(1))
    assert parts.hostname == "127.0.0.1" and parts.path == "/ready"
    assert parts.port == int(api["environment"]["BONDMCP_PORT"])
    assert parts.path in route_paths()
    live_port = urlsplit(live_server.base_url).port
    code = test[3].replace(f":{parts.port}/", f":{live_port}/")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_compose_stop_grace_period_outlasts_the_graceful_shutdown() -> None:
    api = service("bondmcp")
    assert seconds(api["stop_grace_period"]) > graceful_timeout() + 5


def test_compose_data_dir_is_a_volume_and_the_metrics_dir_is_writable(tmp_path: Path) -> None:
    api = service("bondmcp")
    data_dir = Path(api["environment"]["BONDMCP_DATA_DIR"])
    mounts = {Path(v.split(":")[1]): v.split(":")[0] for v in api["volumes"]}
    assert mounts[data_dir] in compose()["volumes"]
    tmpfs = {Path(entry.split(":")[0]) for entry in api["tmpfs"]}
    assert data_dir / metrics_dir_under_data_dir(tmp_path) in tmpfs
    assert Path("/tmp") in tmpfs
    assert api["read_only"] is True
    assert api["cap_drop"] == ["ALL"]


def test_compose_migrates_postgresql_before_the_api_starts() -> None:
    migrate = service("migrate")
    assert parse_cli(migrate["command"])[0] == "db upgrade"
    assert service("bondmcp")["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert service("bondmcp")["depends_on"]["redis"]["condition"] == "service_healthy"


def test_compose_mounts_the_prometheus_and_grafana_files() -> None:
    prometheus = service("prometheus")
    mounts = {v.split(":")[1]: DEPLOY / v.split(":")[0] for v in prometheus["volumes"]}
    flags = dict(f.lstrip("-").split("=", 1) for f in prometheus["command"])
    config_path = flags["config.file"]
    assert mounts[config_path] == PROMETHEUS / "prometheus.yml"
    config = load_yaml(mounts[config_path])
    for rule_file in config["rule_files"]:
        in_container = str(Path(config_path).parent / rule_file)
        assert mounts[in_container].is_file()
        assert mounts[in_container] == PROMETHEUS / "alerts.yml"

    grafana = service("grafana")
    g_mounts = {v.split(":")[1]: DEPLOY / v.split(":")[0] for v in grafana["volumes"]}
    assert g_mounts["/etc/grafana/provisioning"] == GRAFANA / "provisioning"
    provider = load_yaml(GRAFANA / "provisioning" / "dashboards" / "bondmcp.yml")
    (path,) = [p["options"]["path"] for p in provider["providers"]]
    assert g_mounts[path] == GRAFANA / "dashboards"
    home = grafana["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert (g_mounts[str(Path(home).parent)] / Path(home).name).is_file()
    (datasource,) = load_yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")[
        "datasources"
    ]
    assert datasource["type"] == "prometheus"
    assert urlsplit(datasource["url"]).hostname in compose()["services"]


# -- Prometheus -----------------------------------------------------------------------------

REQUIRED_ALERTS = {
    # alert: a fragment its expression must contain
    "BondmcpHighErrorRate": 'status=~"5.."',
    "BondmcpHighLatencyP99": "histogram_quantile(0.99",
    "BondmcpRateLimitSpike": "bondmcp_rate_limited_total",
    "BondmcpDependencyDown": "bondmcp_dependency_up == 0",
    "BondmcpLowConfidenceSurge": 'bondmcp_answer_confidence_bucket{le="0.3"}',
}


def test_alert_rules_have_the_expected_shape() -> None:
    rules = alert_rules()
    names = [r["alert"] for r in rules]
    assert len(names) == len(set(names))
    for name, fragment in REQUIRED_ALERTS.items():
        (rule,) = [r for r in rules if r["alert"] == name]
        assert fragment in rule["expr"], name
    for rule in rules:
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule["alert"]
        assert re.fullmatch(r"Bondmcp[A-Z][A-Za-z0-9]+", rule["alert"])
        assert re.fullmatch(r"\d+[smh]", rule["for"])
        assert rule["labels"]["severity"] in ("critical", "warning")
        assert set(rule["annotations"]) == {"summary", "description", "runbook"}
        assert rule["annotations"]["runbook"] == f"docs/operations.md#{rule['alert'].lower()}"


def test_alert_expressions_use_only_exported_metrics_labels_and_values() -> None:
    for rule in alert_rules():
        assert check_query(rule["expr"]) == [], rule["alert"]
        used = set()
        for text in rule["annotations"].values():
            used |= set(re.findall(r"\$labels\.(\w+)", text))
        assert used <= result_labels(rule["expr"]), rule["alert"]


def test_low_confidence_alert_reads_the_bucket_at_0_3() -> None:
    """The alert's share comes from the le="0.3" bucket: the histogram must keep it."""
    (rule,) = [r for r in alert_rules() if r["alert"] == "BondmcpLowConfidenceSurge"]
    assert "0.3" in metric_catalog()["bondmcp_answer_confidence_bucket"].buckets
    assert '{le="0.3"}' in rule["expr"]


def test_every_alert_has_a_runbook_in_the_operations_guide() -> None:
    headings = {
        line.lstrip("#").strip()
        for line in OPERATIONS.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    for rule in alert_rules():
        assert rule["alert"] in headings, f"docs/operations.md has no section {rule['alert']}"


def test_alert_unit_tests_cover_every_alert_with_real_series() -> None:
    tests = load_yaml(PROMETHEUS / "alerts_test.yml")
    assert tests["rule_files"] == ["alerts.yml"]
    fired: set[str] = set()
    for case in tests["tests"]:
        for series in case["input_series"]:
            assert check_query(series["series"]) == [], series["series"]
        for check in case["alert_rule_test"]:
            if check["exp_alerts"]:
                fired.add(check["alertname"])
    assert fired == {r["alert"] for r in alert_rules()}


def test_prometheus_config_scrapes_metrics_and_loads_the_rules() -> None:
    config = load_yaml(PROMETHEUS / "prometheus.yml")
    assert config["rule_files"] == ["alerts.yml"]
    jobs = {j["job_name"]: j for j in config["scrape_configs"]}
    assert jobs["bondmcp"]["metrics_path"] in route_paths()


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["promtool", *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=120
    )


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool is not installed")
def test_promtool_accepts_the_rules_the_config_and_the_rule_unit_tests() -> None:
    for args in (
        ("check", "rules", "alerts.yml"),
        ("check", "config", "prometheus.yml"),
        ("test", "rules", "alerts_test.yml"),
    ):
        result = promtool(*args)
        assert result.returncode == 0, f"promtool {' '.join(args)}:\n{result.stdout}{result.stderr}"


# -- Grafana --------------------------------------------------------------------------------


def test_dashboard_is_well_formed() -> None:
    board = dashboard()
    assert board["uid"] and board["title"] == "bondmcp"
    all_panels = [*board["panels"], *(p for q in board["panels"] for p in q.get("panels", []))]
    ids = [p["id"] for p in all_panels]
    assert len(ids) == len(set(ids))
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    assert check_query(variables["instance"]["definition"]) == []
    for panel in dashboard_panels():
        assert panel["title"] and panel["targets"], panel
        assert panel["datasource"]["uid"] == "${datasource}"
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24 and grid["h"] > 0
        refs = [t["refId"] for t in panel["targets"]]
        assert len(refs) == len(set(refs))


def test_dashboard_queries_use_only_exported_metrics_labels_and_values() -> None:
    for expr in dashboard_exprs():
        assert check_query(expr) == [], expr


def test_dashboard_shows_what_operators_watch_and_every_metric() -> None:
    exprs = dashboard_exprs()
    joined = "\n".join(exprs)
    for quantile in ("0.5", "0.99"):
        assert any(
            f"histogram_quantile({quantile}," in e
            and "bondmcp_request_duration_seconds_bucket" in e
            and parse_promql(e).grouping.get("by", set()) >= {"route", "le"}
            for e in exprs
        ), f"no p{quantile} latency by route"
    assert any('result="hit"' in e and "bondmcp_cache_requests_total" in e for e in exprs)
    assert any('status=~"5.."' in e for e in exprs), "no error ratio"
    heatmaps = [p for p in dashboard_panels() if p["type"] == "heatmap"]
    assert any(
        "bondmcp_answer_confidence_bucket" in t["expr"] for p in heatmaps for t in p["targets"]
    )
    families = {info.name for info in metric_catalog().values()}
    assert core_metric_families() <= families
    for family in families:
        assert family in joined, f"{family} is exported but not on the dashboard"
    for needed in ("bondmcp_rate_limited_total", "bondmcp_triage_total", "bondmcp_job_queue_depth"):
        assert needed in joined


# -- Kubernetes -----------------------------------------------------------------------------


def test_kubernetes_manifests_cover_the_deployment() -> None:
    docs = k8s_docs()
    assert set(docs) == {
        "ConfigMap",
        "Secret",
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "ServiceMonitor",
        "PrometheusRule",
        "Job",
    }
    kustomization = load_yaml(K8S / "kustomization.yaml")
    resources = kustomization["resources"]
    assert all((K8S / r).is_file() for r in resources)
    assert "secret.example.yaml" not in resources, "applying placeholders would break the pods"
    assert {"deployment.yaml", "service.yaml", "configmap.yaml", "hpa.yaml", "pdb.yaml"} <= set(
        resources
    )


def test_deployment_runs_bondmcp_serve_on_the_configured_port_with_real_probes() -> None:
    container = api_container()
    name, params = parse_cli(container["args"])
    assert name == "serve" and params["host"] == "0.0.0.0"
    config = k8s_docs()["ConfigMap"]["data"]
    (port,) = container["ports"]
    assert port["containerPort"] == int(config["BONDMCP_PORT"]) == default_port()
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["startupProbe"]["httpGet"]["path"] == "/health"
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] in route_paths()
        assert get["port"] in (port["name"], port["containerPort"])
    annotations = k8s_docs()["Deployment"]["spec"]["template"]["metadata"]["annotations"]
    assert int(annotations["prometheus.io/port"]) == port["containerPort"]
    assert annotations["prometheus.io/path"] in route_paths()
    assert container["resources"]["requests"]["cpu"]
    assert container["resources"]["limits"]["memory"]


def test_deployment_is_non_root_with_a_read_only_root_filesystem(tmp_path: Path) -> None:
    spec = pod_spec("Deployment")
    container = api_container()
    assert spec["securityContext"]["runAsNonRoot"] is True
    docker_user = [v for n, v in final_stage() if n == "USER"][-1].split(":")[0]
    assert str(spec["securityContext"]["runAsUser"]) == docker_user != "0"
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]

    data_dir = Path(k8s_docs()["ConfigMap"]["data"]["BONDMCP_DATA_DIR"])
    assert str(data_dir) == docker_env(final_stage())["BONDMCP_DATA_DIR"]
    mounts = {Path(m["mountPath"]): m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in spec["volumes"]}
    metrics_dir = data_dir / metrics_dir_under_data_dir(tmp_path)
    for path in (data_dir, metrics_dir, Path("/tmp")):
        assert path in mounts, f"{path} is not writable"
        assert (
            "emptyDir" in volumes[mounts[path]] or "persistentVolumeClaim" in volumes[mounts[path]]
        )
    assert volumes[mounts[metrics_dir]]["emptyDir"]["medium"] == "Memory"


def test_termination_grace_period_outlasts_pre_stop_and_graceful_shutdown() -> None:
    spec = pod_spec("Deployment")
    pre_stop = api_container()["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    pause = float(pre_stop[1])
    assert 0 < pause < 30
    assert spec["terminationGracePeriodSeconds"] > pause + graceful_timeout()


def test_configmap_and_secret_hold_bondmcp_settings_split_by_sensitivity() -> None:
    config = k8s_docs()["ConfigMap"]
    secret = k8s_docs()["Secret"]
    assert set(config["data"]) <= setting_names()
    assert not set(config["data"]) & sensitive_setting_names()
    required = secret_setting_names() | {"BONDMCP_DATABASE_URL", "BONDMCP_REDIS_URL"}
    assert required <= set(secret["stringData"]) <= sensitive_setting_names()
    for key, value in secret["stringData"].items():
        assert PLACEHOLDER in value, f"the Secret template holds a real-looking {key}"
    settings = settings_from_env({**config["data"], **secret["stringData"]})
    assert settings.environment == "production"
    assert urlsplit(str(settings.database_url)).scheme == "postgresql"
    refs = api_container()["envFrom"]
    assert {"configMapRef": {"name": config["metadata"]["name"]}} in refs
    assert {"secretRef": {"name": secret["metadata"]["name"]}} in refs
    assert "secret.yaml" in (DEPLOY / ".gitignore").read_text(encoding="utf-8")


def test_service_autoscaler_budget_and_monitor_select_the_api_pods() -> None:
    docs = k8s_docs()
    pod_labels = docs["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert docs["Deployment"]["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    service_spec = docs["Service"]["spec"]
    assert service_spec["selector"].items() <= pod_labels.items()
    (port,) = service_spec["ports"]
    (container_port_spec,) = api_container()["ports"]
    assert port["targetPort"] in (container_port_spec["name"], container_port_spec["containerPort"])
    assert port["name"] == container_port_spec["name"]

    target = docs["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == (
        "Deployment",
        docs["Deployment"]["metadata"]["name"],
    )
    hpa = docs["HorizontalPodAutoscaler"]["spec"]
    pdb = docs["PodDisruptionBudget"]["spec"]
    assert pdb["selector"]["matchLabels"].items() <= pod_labels.items()
    assert 1 <= pdb["minAvailable"] < hpa["minReplicas"] <= hpa["maxReplicas"]
    assert "replicas" not in docs["Deployment"]["spec"], "the autoscaler owns the replica count"

    monitor = docs["ServiceMonitor"]["spec"]
    assert (
        monitor["selector"]["matchLabels"].items() <= docs["Service"]["metadata"]["labels"].items()
    )
    (endpoint,) = monitor["endpoints"]
    assert endpoint["port"] == port["name"] and endpoint["path"] in route_paths()
    # Prometheus sends the metrics token from the Secret the pods read it from.
    secret = docs["Secret"]
    assert endpoint["authorization"]["type"] == "Bearer"
    credentials = endpoint["authorization"]["credentials"]
    assert credentials["name"] == secret["metadata"]["name"]
    assert credentials["key"] == "BONDMCP_METRICS_TOKEN" in secret["stringData"]


def test_compose_prometheus_sends_the_token_bondmcp_reads() -> None:
    api, prometheus = service("bondmcp"), service("prometheus")
    token_file = api["environment"]["BONDMCP_METRICS_TOKEN_FILE"]
    (secret,) = [name for name in api["secrets"] if token_file == f"/run/secrets/{name}"]
    assert secret in prometheus["secrets"]
    (job,) = [
        j
        for j in load_yaml(PROMETHEUS / "prometheus.yml")["scrape_configs"]
        if j["job_name"] == "bondmcp"
    ]
    assert job["authorization"] == {"type": "Bearer", "credentials_file": token_file}


def test_prometheus_rule_carries_the_alert_rules_unchanged() -> None:
    rule = k8s_docs()["PrometheusRule"]
    assert rule["spec"]["groups"] == load_yaml(PROMETHEUS / "alerts.yml")["groups"]


def test_migration_job_runs_db_upgrade_with_the_same_settings() -> None:
    job = pod_spec("Job")
    (container,) = job["containers"]
    assert parse_cli(container["args"])[0] == "db upgrade"
    assert container["envFrom"] == api_container()["envFrom"]
    assert container["image"] == api_container()["image"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert job["restartPolicy"] == "Never"


def test_images_are_tagged_with_the_package_version() -> None:
    images = [service("bondmcp")["image"], api_container()["image"]]
    images += [c["image"] for c in pod_spec("Job")["containers"]]
    assert images == [f"bondmcp:{__version__}"] * 3


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kustomize_builds_the_manifests() -> None:
    result = subprocess.run(
        ["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    kinds = {doc["kind"] for doc in yaml.safe_load_all(result.stdout) if doc}
    assert kinds == {
        "ConfigMap",
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
    }


# -- the operations guide -------------------------------------------------------------------


def test_operations_guide_explains_every_deploy_file_and_service() -> None:
    guide = OPERATIONS.read_text(encoding="utf-8")
    for path in sorted(DEPLOY.rglob("*")):
        if path.is_file() and path.name != ".gitignore":
            relative = path.relative_to(DEPLOY).as_posix()
            assert relative in guide or path.name in guide, f"docs/operations.md skips {relative}"
    for name in compose()["services"]:
        assert f"`{name}`" in guide
    assert f"{int(graceful_timeout())} s" in guide
    for info in set(metric_catalog().values()):
        shown = info.name + "_total" if info.kind == "counter" else info.name
        assert f"`{shown}`" in guide, f"the metrics table skips {shown}"


def test_commands_in_the_operations_guide_are_real() -> None:
    """Every `bondmcp ...` command the guide shows parses with the real CLI."""
    guide = OPERATIONS.read_text(encoding="utf-8")
    snippets = re.findall(r"```bash\n(.*?)```", guide, flags=re.S)
    snippets += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", guide, flags=re.S))
    pattern = re.compile(rf"\bbondmcp ((?:{'|'.join(sorted(cli_commands()))})\b[^\n]*)")
    seen = set()
    for snippet in snippets:
        for match in pattern.finditer(snippet.replace("\\\n", " ")):
            words = []
            for word in shlex.split(match.group(1)):
                if word in ("|", ">", "&&", ";") or word.startswith("#"):
                    break
                words.append(word)
            name, _ = parse_cli(words, group_ok=True)
            seen.add(name)
    assert {"serve", "keys create", "keys rotate", "db upgrade", "kb import medlineplus"} <= seen
