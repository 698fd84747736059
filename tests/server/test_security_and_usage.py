"""Usage, feedback, the admin key API, de-identification, the audit trail, erasure and
the absence of PHI at rest, all against a real server process."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ServerProcess, create_key, run_cli, start_server

PHI_QUESTION = (
    "My name is Rosalind Featherstonehaugh, DOB 03/14/1961, MRN 55512399, phone 617-555-0142, "
    "email rosalind.f@example.org, 12 Larkspur Lane Boston MA 02134. I have type 2 diabetes; "
    "what should my A1C be?"
)
PHI_FRAGMENTS = (
    "Featherstonehaugh",
    "Rosalind",
    "03/14/1961",
    "55512399",
    "617-555-0142",
    "rosalind.f@example.org",
    "Larkspur",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    srv = start_server(tmp_path_factory.mktemp("secure"))
    admin = create_key(srv.env, "--scope", "admin", "--scope", "ask", name="admin")
    srv.extra["admin_key"] = admin["key"]
    srv.extra["admin_id"] = admin["id"]
    yield srv
    srv.stop()


def call(
    server: ServerProcess, method: str, path: str, key: str | None = None, **kwargs: object
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key or server.api_key}", **kwargs.pop("headers", {})}  # type: ignore[dict-item]
    return httpx.request(method, f"{server.base_url}{path}", headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


def test_usage_counts_requests_and_errors_by_day(server: ServerProcess) -> None:
    key = str(create_key(server.env, name="usage")["key"])
    for _ in range(3):
        call(server, "POST", "/v1/ask", key, json={"query": "What is gout?"})
    call(server, "POST", "/v1/ask", key, json={"query": ""})
    time.sleep(0.6)  # the write-behind recorder flushes every 50 ms
    body = call(server, "GET", "/v1/usage", key).json()
    today = body["days"][-1]
    assert today["date"] == time.strftime("%Y-%m-%d", time.gmtime())
    assert today["requests"] >= 4 and today["errors"] == 1
    assert body["rate_limit"]["limit"] >= body["rate_limit"]["remaining"] > 0


def test_feedback_is_accepted_only_from_the_key_that_got_the_answer(server: ServerProcess) -> None:
    key = str(create_key(server.env, name="feedback")["key"])
    answer = call(server, "POST", "/v1/ask", key, json={"query": "What causes asthma?"}).json()
    first = call(
        server,
        "POST",
        "/v1/feedback",
        key,
        json={"response_id": answer["id"], "rating": 2, "helpful": False, "user": "patient-7"},
    )
    assert first.status_code == 200 and first.json()["recorded"] is True
    stranger = call(server, "POST", "/v1/feedback", json={"response_id": answer["id"], "rating": 5})
    assert stranger.status_code == 404 and stranger.json()["error"]["code"] == "not_found"
    forged = call(
        server,
        "POST",
        "/v1/feedback",
        key,
        json={"response_id": "ans_" + "0" * 26 + "_abc", "rating": 5},
    )
    assert forged.status_code == 404
    empty = call(server, "POST", "/v1/feedback", key, json={"response_id": answer["id"]})
    assert empty.status_code == 422
    out_of_range = call(
        server, "POST", "/v1/feedback", key, json={"response_id": answer["id"], "rating": 6}
    )
    assert out_of_range.status_code == 422
    summary = call(server, "GET", "/v1/usage", key).json()["feedback"]
    assert summary["rated_answers"] == 1 and summary["mean_rating"] == 2.0
    assert summary["unhelpful_rate_by_triage"] == {"routine": 1.0}
    metrics = httpx.get(f"{server.base_url}/metrics").text
    assert 'bondmcp_feedback_total{kind="rating",value="2"}' in metrics


def test_admin_api_runs_the_key_lifecycle(server: ServerProcess) -> None:
    admin = str(server.extra["admin_key"])
    created = call(
        server, "POST", "/v1/keys", admin, json={"name": "clinic app", "rate_limit": "50/minute"}
    )
    assert created.status_code == 201
    new = created.json()
    assert new["key"].startswith("bmcp_dev_") and new["scopes"] == ["ask"]
    assert call(server, "GET", "/v1/ping", new["key"]).status_code == 200
    listed = call(server, "GET", "/v1/keys", admin).json()["keys"]
    assert new["id"] in {k["id"] for k in listed}
    assert all("key" not in k for k in listed)
    rotated = call(
        server, "POST", f"/v1/keys/{new['id']}/rotate", admin, json={"grace_period_seconds": 1}
    ).json()
    assert rotated["rotated_from"] == new["id"]
    assert call(server, "GET", "/v1/ping", new["key"]).status_code == 200
    time.sleep(1.5)
    assert call(server, "GET", "/v1/ping", new["key"]).json()["error"]["code"] == "api_key_expired"
    assert call(server, "DELETE", f"/v1/keys/{rotated['id']}", admin).json()["status"] == "revoked"
    assert call(server, "GET", "/v1/ping", rotated["key"]).status_code == 401
    assert call(server, "GET", "/v1/keys").status_code == 403  # an ask-only key
    assert call(server, "DELETE", "/v1/keys/key_missing", admin).status_code == 404
    bad = call(server, "POST", "/v1/keys", admin, json={"name": "x", "rate_limit": "lots"})
    assert bad.status_code == 422 and bad.json()["error"]["param"] == "rate_limit"


def test_a_retried_key_creation_gets_the_same_key_and_stores_it_sealed(
    server: ServerProcess,
) -> None:
    """A lost response to a key creation is not a second key: a retry with the same
    Idempotency-Key gets the same key for ten minutes. The stored response is encrypted."""
    admin = str(server.extra["admin_key"])
    retry = {"Idempotency-Key": "create-replayed-app"}
    body = {"name": "replayed app"}
    first = call(server, "POST", "/v1/keys", admin, json=body, headers=retry)
    again = call(server, "POST", "/v1/keys", admin, json=body, headers=retry)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert call(server, "GET", "/v1/ping", first.json()["key"]).status_code == 200
    listed = call(server, "GET", "/v1/keys", admin).json()["keys"]
    assert [k["name"] for k in listed].count("replayed app") == 1
    other = call(server, "POST", "/v1/keys", admin, json={"name": "other"}, headers=retry)
    assert other.status_code == 409 and other.json()["error"]["code"] == "idempotency_conflict"

    secret = first.json()["key"].encode()
    with sqlite3.connect(server.data_dir / "bondmcp.db") as conn:
        stored = conn.execute(
            "SELECT response_body, note FROM idempotency_records WHERE note = 'sealed'"
        ).fetchall()
        assert stored and all(secret not in bytes(row[0]) for row in stored)
        assert all(b"bmcp_" not in bytes(row[0]) for row in stored)
        # Eleven minutes later the sealed response is no longer replayed.
        conn.execute(
            "UPDATE idempotency_records SET created_at = datetime('now', '-11 minutes')"
            " WHERE note = 'sealed'"
        )
    late = call(server, "POST", "/v1/keys", admin, json=body, headers=retry)
    assert late.status_code == 201 and late.json()["id"] != first.json()["id"]
    assert "idempotent-replayed" not in late.headers

    rotate = {"Idempotency-Key": "rotate-replayed-app"}
    path = f"/v1/keys/{first.json()['id']}/rotate"
    rotated = call(server, "POST", path, admin, json={"grace_period_seconds": 60}, headers=rotate)
    replayed = call(server, "POST", path, admin, json={"grace_period_seconds": 60}, headers=rotate)
    assert rotated.status_code == replayed.status_code == 200
    assert replayed.json()["id"] == rotated.json()["id"]  # not a 409 for a rotated key
    assert replayed.json()["key"] == rotated.json()["key"]


def test_old_keys_are_flagged_for_rotation(server: ServerProcess) -> None:
    old = create_key(server.env, name="old")
    with sqlite3.connect(server.data_dir / "bondmcp.db") as conn:
        conn.execute(
            "UPDATE api_keys SET created_at = '2025-01-01 00:00:00' WHERE id = ?", (old["id"],)
        )
    response = call(server, "GET", "/v1/ping", str(old["key"]))
    assert "rotate" in response.headers["x-bondmcp-key-rotation-due"]
    listed = json.loads(run_cli("keys", "list", "--json", env=server.env).stdout)
    flagged = {k["id"]: k["rotation_due"] for k in listed}
    assert flagged[old["id"]] is True and flagged[server.key_id] is False
    assert "x-bondmcp-key-rotation-due" not in call(server, "GET", "/v1/ping").headers


def test_deidentify_endpoint(server: ServerProcess) -> None:
    body = call(server, "POST", "/v1/deidentify", json={"text": PHI_QUESTION}).json()
    for fragment in PHI_FRAGMENTS:
        assert fragment not in body["text"]
    assert "type 2 diabetes" in body["text"] and "A1C" in body["text"]
    types = {e["type"] for e in body["entities"]}
    assert {"name", "date", "medical_record_number", "phone", "email"} <= types
    first = body["entities"][0]
    assert PHI_QUESTION[first["start"] : first["end"]] in (
        *PHI_FRAGMENTS,
        "Rosalind Featherstonehaugh",
    )


def test_no_phi_at_rest_after_phi_laden_requests(server: ServerProcess) -> None:
    key = str(create_key(server.env, name="phi")["key"])
    answer = call(
        server,
        "POST",
        "/v1/ask",
        key,
        json={"query": PHI_QUESTION},
        headers={"Authorization": f"Bearer {key}", "Idempotency-Key": "phi-test-1"},
    )
    assert answer.status_code == 200
    call(server, "POST", "/v1/ask/batch", key, json={"queries": [PHI_QUESTION]})
    call(
        server,
        "POST",
        "/v1/feedback",
        key,
        json={"response_id": answer.json()["id"], "helpful": True, "comment": PHI_QUESTION},
    )
    time.sleep(0.6)
    stored = b""
    for path in Path(server.data_dir).rglob("*"):
        if path.is_file():
            stored += path.read_bytes()
    for fragment in PHI_FRAGMENTS:
        assert fragment.encode() not in stored, fragment
    with sqlite3.connect(server.data_dir / "bondmcp.db") as conn:
        comment = conn.execute("SELECT comment FROM feedback WHERE comment IS NOT NULL").fetchone()[
            0
        ]
    assert "[NAME]" in comment and "type 2 diabetes" in comment


def test_audit_trail_records_verifies_and_detects_tampering(server: ServerProcess) -> None:
    call(server, "POST", "/v1/ask", json={"query": "What is hepatitis B?"})
    time.sleep(0.6)
    verified = run_cli("audit", "verify", env=server.env)
    assert "intact" in verified.stdout
    records = json.loads(
        run_cli("audit", "export", "--since", "2000-01-01", "--json", env=server.env).stdout
    )
    events = {r["event"] for r in records}
    assert {"key.created", "key.rotated", "key.revoked", "request.served"} <= events
    served = [
        r for r in records if r["event"] == "request.served" and r["detail"]["route"] == "/v1/ask"
    ]
    hashed = [r["detail"]["query_hash"] for r in served if "query_hash" in r["detail"]]
    assert hashed and all(len(h) == 32 for h in hashed)
    assert "hepatitis" not in json.dumps(records).lower()
    future = json.loads(
        run_cli("audit", "export", "--since", "2999-01-01", "--json", env=server.env).stdout
    )
    assert future == []

    target = records[len(records) // 2]["seq"]
    db = server.data_dir / "bondmcp.db"
    with sqlite3.connect(db) as conn:
        original = conn.execute("SELECT detail FROM audit_log WHERE seq = ?", (target,)).fetchone()[
            0
        ]
        conn.execute("UPDATE audit_log SET detail = ? WHERE seq = ?", ('{"status":200}', target))
    try:
        broken = run_cli("audit", "verify", env=server.env, check=False)
        assert broken.returncode == 1
        assert f"record {target}" in broken.stderr
    finally:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE audit_log SET detail = ? WHERE seq = ?", (original, target))
    assert run_cli("audit", "verify", env=server.env).returncode == 0


def test_erasure_removes_a_subjects_data_and_is_audited(server: ServerProcess) -> None:
    key = str(create_key(server.env, name="erase")["key"])
    for question in ("What is psoriasis?", "What is rosacea?"):
        answer = call(server, "POST", "/v1/ask", key, json={"query": question}).json()
        call(
            server,
            "POST",
            "/v1/feedback",
            key,
            json={"response_id": answer["id"], "rating": 4, "user": "subject-42"},
        )
    result = run_cli("data", "erase", "--subject", "subject-42", env=server.env)
    assert "Erased 2 records" in result.stdout
    with sqlite3.connect(server.data_dir / "bondmcp.db") as conn:
        remaining = conn.execute(
            "SELECT count(*) FROM feedback WHERE subject_hash IS NOT NULL AND rating = 4"
        ).fetchone()[0]
    assert remaining == 0
    records = json.loads(run_cli("audit", "export", "--json", env=server.env).stdout)
    assert records[-1]["event"] == "data.erased" and records[-1]["detail"]["records"] == 2
    assert "subject-42" not in json.dumps(records)
    assert run_cli("audit", "verify", env=server.env).returncode == 0
    purge = run_cli("data", "purge", env=server.env)
    assert "idempotency_records" in purge.stdout and "finished_jobs" in purge.stdout
    assert run_cli("audit", "verify", env=server.env).returncode == 0
