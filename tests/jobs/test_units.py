"""The parts of batch jobs that need no server: the SSRF guard, query encryption,
cursors and the retention purge (against a real SQLite database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.fernet import InvalidToken

from bondmcp.server.jobs.crypto import QueryCipher
from bondmcp.server.jobs.service import InvalidCursor, decode_cursor, encode_cursor
from bondmcp.server.jobs.ssrf import WebhookURLRefused, check_webhook_url
from bondmcp.server.jobs.webhooks import sign
from bondmcp.store.db import Database, utcnow
from bondmcp.store.jobs import JobStore, NewChunk
from tests.jobs.conftest import verify_signature


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x",
        "http://localhost:8000/x",
        "http://10.0.0.8/x",
        "http://172.16.3.4/x",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.100.100.200/x",
        "http://100.64.0.1/x",
        "http://0.0.0.0/x",
        "http://[::1]/x",
        "http://[fe80::1]/x",
        "http://[fd00:ec2::254]/x",
        "http://[::ffff:127.0.0.1]/x",
        "gopher://example.org/x",
        "http://user:pw@93.184.216.34/x",
        "http://",
    ],
)
def test_private_and_odd_targets_are_refused(url: str) -> None:
    with pytest.raises(WebhookURLRefused):
        check_webhook_url(url, allow_private=False, require_https=False)


def test_public_addresses_pass_and_https_is_required_outside_development() -> None:
    target = check_webhook_url(
        "http://93.184.216.34:8080/hook?x=1", allow_private=False, require_https=False
    )
    assert (target.port, target.path) == (8080, "/hook?x=1")
    with pytest.raises(WebhookURLRefused, match="https"):
        check_webhook_url("http://93.184.216.34/hook", allow_private=False, require_https=True)
    check_webhook_url("https://93.184.216.34/hook", allow_private=False, require_https=True)
    check_webhook_url("http://127.0.0.1:9/hook", allow_private=True, require_https=False)


def test_queries_are_sealed_with_a_key_derived_from_the_secret() -> None:
    cipher = QueryCipher(b"s" * 32)
    token = cipher.seal(["What is gout?", {"error": "empty"}])
    assert b"gout" not in token
    assert cipher.open(token) == ["What is gout?", {"error": "empty"}]
    with pytest.raises(InvalidToken):
        QueryCipher(b"t" * 32).open(token)


def test_signature_is_hmac_sha256_of_the_raw_body() -> None:
    body = b'{"id":"evt_1"}'
    assert verify_signature(body, sign(body, b"whsec_test_0123456789abcdef"))


def test_cursors_round_trip_and_reject_garbage() -> None:
    assert decode_cursor(encode_cursor(1000)) == 1000
    for bad in ("", "!!", "eDox", encode_cursor(0).replace("o", "p")):
        with pytest.raises(InvalidCursor):
            decode_cursor(bad or "=")


def test_retention_purges_finished_jobs_and_their_results(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'jobs.db'}")
    db.upgrade()
    store = JobStore(db)
    for job_id in ("job_old", "job_running"):
        store.create(
            job_id,
            "key_a",
            1,
            [NewChunk(0, 1, b"sealed")],
            locale=None,
            webhook_url=None,
            metadata_json=None,
        )
    work = store.start_chunk("job_old", 0)
    assert work is not None
    outcome = store.record_chunk("job_old", 0, 0, [(False, b"{}")])
    assert outcome.recorded and outcome.finished
    duplicate = store.record_chunk("job_old", 0, 0, [(False, b"{}")])
    assert not duplicate.recorded and not duplicate.finished
    assert store.result_count("job_old") == 1

    assert store.purge_finished(utcnow() - dt.timedelta(days=7)) == 0
    assert store.purge_finished(utcnow() + dt.timedelta(seconds=1)) == 1
    assert store.get("job_old") is None and store.result_count("job_old") == 0
    assert store.get("job_running") is not None
    db.dispose()


def test_a_claim_is_confirmed_after_the_send_and_an_unconfirmed_one_is_released(
    tmp_path: Path,
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'jobs.db'}")
    db.upgrade()
    store = JobStore(db)
    chunks = [NewChunk(i, 1, b"sealed") for i in range(3)]
    store.create("job_a", "key_a", 3, chunks, locale=None, webhook_url=None, metadata_json=None)

    claimed = store.claim_for_dispatch("key_a", 2)
    assert claimed == [("job_a", 0), ("job_a", 1)]
    assert store.claim_for_dispatch("key_a", 2) == []  # unconfirmed claims fill the window
    store.mark_enqueued([("job_a", 0)])  # chunk 0 was sent; the claimer died before 1
    assert store.release_stale_claims(dt.timedelta(hours=1)) == 0  # not stale yet
    assert store.release_stale_claims(dt.timedelta(0)) == 1  # only the unconfirmed claim
    assert store.claim_for_dispatch("key_a", 2) == [("job_a", 1)]

    # A worker may answer a chunk before its dispatcher confirms it: done stays done.
    assert store.start_chunk("job_a", 1) is not None
    assert store.record_chunk("job_a", 1, 1, [(False, b"{}")]).recorded
    store.mark_enqueued([("job_a", 1)])
    assert store.release_stale_claims(dt.timedelta(0)) == 0
    assert store.enqueued_chunks() == [("job_a", 0)]
    db.dispose()


def test_a_finished_job_is_announced_by_one_claimant_and_an_unconfirmed_claim_lapses(
    tmp_path: Path,
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'jobs.db'}")
    db.upgrade()
    store = JobStore(db)
    store.create(
        "job_a",
        "key_a",
        1,
        [NewChunk(0, 1, b"s")],
        locale=None,
        webhook_url=None,
        metadata_json=None,
    )
    hour = dt.timedelta(hours=1)
    assert not store.claim_announcement("job_a", hour)  # still running: nothing to announce
    assert store.start_chunk("job_a", 0) is not None
    assert store.record_chunk("job_a", 0, 0, [(False, b"{}")]).finished

    assert store.unannounced(dt.timedelta(0)) == ["job_a"]  # ended, and nobody announced it
    assert store.claim_announcement("job_a", hour)
    assert not store.claim_announcement("job_a", hour)  # held by the first claimant
    # The claimant died: once its claim is older than the lease, another may announce.
    assert store.claim_announcement("job_a", dt.timedelta(0))
    store.mark_announced("job_a")
    assert not store.claim_announcement("job_a", dt.timedelta(0))
    assert store.unannounced(dt.timedelta(0)) == []
    db.dispose()
