"""Usage, feedback, de-identification, administration and jobs against the real server."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from typing import Any

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from bondmcp.settings import DEFAULT_RATE_LIMITS, parse_rate_limit
from bondmcp.webhooks import SeenEvents, verify
from tests.client.sdk_servers import Reply, ScriptedServer
from tests.conftest import ServerProcess, create_key, start_server

PHI = (
    "My name is Rosalind Featherstonehaugh, phone 617-555-0142, email rosalind.f@example.org. "
    "What should my A1C be?"
)
WEBHOOK_SECRET = "whsec_sdk_tests_" + "5a" * 16
#: Backoff long enough that a retry would show in the elapsed time.
SLOW_RETRIES = bondmcp.RetryPolicy(initial_delay=5.0, jitter=0.0)


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own (cache purges and new keys stay here), with an admin key."""
    srv = start_server(
        tmp_path_factory.mktemp("sdk-admin"),
        webhook_secret=WEBHOOK_SECRET,
        webhook_allow_private="true",  # the webhook receiver is on loopback
    )
    admin = create_key(srv.env, "--scope", "admin", "--scope", "ask", name="sdk-admin")
    srv.extra["admin_key"] = admin["key"]
    yield srv
    srv.stop()


def admin_client(server: ServerProcess, **kwargs: Any) -> Client:
    return Client(api_key=str(server.extra["admin_key"]), base_url=server.base_url, **kwargs)


@pytest.fixture(scope="module")
def fresh_key(live_server: ServerProcess) -> dict[str, object]:
    """A key of its own on the shared server, so that its feedback counts are exact."""
    return create_key(live_server.env, name="sdk-usage")


def test_usage_counts_the_keys_requests_and_feedback(
    live_server: ServerProcess, fresh_key: dict[str, object]
) -> None:
    with Client(api_key=str(fresh_key["key"]), base_url=live_server.base_url) as client:
        first = client.ask("What is gout?")
        client.ask("What is asthma?")
        recorded = client.feedback(
            first.id, rating=4, helpful=True, comment="Clear answer, thanks", user="patient-17"
        )
        with pytest.raises(bondmcp.APIStatusError):
            client.ask("   ")  # counted as an error
        usage = client.usage()
    assert isinstance(recorded, bondmcp.FeedbackResponse)
    assert (recorded.response_id, recorded.recorded) == (first.id, True)
    assert isinstance(usage, bondmcp.UsageResponse)
    assert usage.key_id == fresh_key["id"]
    today = usage.days[-1]
    assert today.date == time.strftime("%Y-%m-%d", time.gmtime())
    assert today.requests >= 4 and today.errors >= 1
    development_default = parse_rate_limit(DEFAULT_RATE_LIMITS["development"]).amount
    assert usage.rate_limit.limit == development_default
    assert 0 <= usage.rate_limit.remaining < usage.rate_limit.limit
    assert usage.feedback.rated_answers == 1 and usage.feedback.mean_rating == 4.0


def test_feedback_errors_map_to_their_exceptions(
    live_server: ServerProcess, fresh_key: dict[str, object]
) -> None:
    with Client(api_key=live_server.api_key, base_url=live_server.base_url) as owner:
        answer = owner.ask("What is a migraine?")
        with pytest.raises(bondmcp.UnprocessableEntityError) as neither:
            owner.feedback(answer.id, comment="no rating and no helpful flag")
        # a later submission replaces the earlier one
        assert owner.feedback(answer.id, helpful=False).recorded
        assert owner.feedback(answer.id, 2).recorded
    assert neither.value.status_code == 422 and neither.value.code == "invalid_request"
    with (
        Client(api_key=str(fresh_key["key"]), base_url=live_server.base_url) as stranger,
        pytest.raises(bondmcp.NotFoundError) as not_yours,
    ):
        stranger.feedback(answer.id, rating=5)  # an answer another key received
    assert not_yours.value.status_code == 404
    assert (not_yours.value.code, not_yours.value.param) == ("not_found", "response_id")
    assert not_yours.value.request_id


def test_deidentify_replaces_identifiers_with_tags(live_server: ServerProcess) -> None:
    with Client(api_key=live_server.api_key, base_url=live_server.base_url) as client:
        result = client.deidentify(PHI)
    assert isinstance(result, bondmcp.DeidentifyResponse)
    assert result.text == (
        "My name is [NAME], phone [PHONE], email [EMAIL]. What should my A1C be?"
    )
    spans = {e.type: PHI[e.start : e.end] for e in result.entities}
    assert spans == {
        "name": "Rosalind Featherstonehaugh",
        "phone": "617-555-0142",
        "email": "rosalind.f@example.org",
    }


async def test_async_usage_feedback_and_deidentify(live_server: ServerProcess) -> None:
    async with AsyncClient(api_key=live_server.api_key, base_url=live_server.base_url) as client:
        answer = await client.ask("What is anaemia?")
        recorded = await client.feedback(answer.id, rating=5)
        usage = await client.usage()
        clean = await client.deidentify("Call me on 617-555-0142 tomorrow")
        with pytest.raises(bondmcp.NotFoundError):
            await client.feedback("ans_never_sent", helpful=True)
    assert recorded.recorded and recorded.response_id == answer.id
    assert usage.key_id == live_server.key_id and usage.feedback.rated_answers >= 1
    assert "617-555-0142" not in clean.text and "[PHONE]" in clean.text


def test_admin_runs_a_keys_lifecycle(admin_server: ServerProcess) -> None:
    base_url = admin_server.base_url
    with admin_client(admin_server) as admin:
        created = admin.keys.create("clinic app", rate_limit="50/minute", expires_in_days=30)
        assert isinstance(created, bondmcp.KeyCreated)
        assert created.key.startswith("bmcp_dev_") and created.scopes == ["ask"]
        assert (created.name, created.rate_limit, created.status) == (
            "clinic app",
            "50/minute",
            "active",
        )
        assert created.expires_at is not None
        with Client(api_key=created.key, base_url=base_url) as app:
            assert app.ping().key_id == created.id

        listed = admin.keys.list()
        assert isinstance(listed, bondmcp.KeyList)
        mine = [k for k in listed.keys if k.id == created.id]
        assert len(mine) == 1 and mine[0].prefix == created.prefix
        assert all("key" not in (k.model_extra or {}) for k in listed.keys)  # no secrets

        rotated = admin.keys.rotate(created.id, grace_period_seconds=0)
        assert rotated.rotated_from == created.id and rotated.key != created.key
        with Client(api_key=rotated.key, base_url=base_url) as app:
            assert app.ping().key_id == rotated.id
        with (
            Client(api_key=created.key, base_url=base_url) as old,
            pytest.raises(bondmcp.AuthenticationError) as expired,
        ):
            old.ping()
        assert expired.value.code == "api_key_expired"

        revoked = admin.keys.revoke(rotated.id)
        assert isinstance(revoked, bondmcp.KeyInfo)
        assert revoked.status == "revoked" and revoked.revoked_at is not None
        with (
            Client(api_key=rotated.key, base_url=base_url) as gone,
            pytest.raises(bondmcp.AuthenticationError),
        ):
            gone.ping()


def test_admin_errors(admin_server: ServerProcess) -> None:
    with admin_client(admin_server, retry_policy=SLOW_RETRIES) as admin:
        with pytest.raises(bondmcp.NotFoundError) as missing:
            admin.keys.revoke("key_missing")
        assert missing.value.code == "not_found"
        with pytest.raises(bondmcp.UnprocessableEntityError) as bad_limit:
            admin.keys.create("x", rate_limit="lots")
        assert bad_limit.value.param == "rate_limit"
        with pytest.raises(TypeError, match="scopes"):
            admin.keys.create("x", scopes="admin")  # type: ignore[arg-type]
        retired = admin.keys.create("retired")
        admin.keys.revoke(retired.id)
        started = time.monotonic()
        with pytest.raises(bondmcp.ConflictError) as conflict:
            admin.keys.rotate(retired.id)
        assert conflict.value.code == "key_not_active"
        assert time.monotonic() - started < 2.5  # final: not retried after a 5 s backoff
    with (
        Client(api_key=admin_server.api_key, base_url=admin_server.base_url) as ask_only,
        pytest.raises(bondmcp.PermissionDeniedError) as denied,
    ):
        ask_only.keys.list()
    assert denied.value.status_code == 403 and denied.value.code == "insufficient_scope"


def test_purge_cache_drops_cached_answers(admin_server: ServerProcess) -> None:
    question = "What are the symptoms of shingles?"
    with admin_client(admin_server) as admin:
        admin.ask(question)
        assert admin.ask(question).cached is True
        purged = admin.purge_cache()
        assert isinstance(purged, bondmcp.CachePurgeResponse) and purged.purged >= 1
        assert admin.ask(question).cached is False
    with (
        Client(api_key=admin_server.api_key, base_url=admin_server.base_url) as ask_only,
        pytest.raises(bondmcp.PermissionDeniedError),
    ):
        ask_only.purge_cache()


async def test_async_admin_calls(admin_server: ServerProcess) -> None:
    async with AsyncClient(
        api_key=str(admin_server.extra["admin_key"]), base_url=admin_server.base_url
    ) as admin:
        created = await admin.keys.create("async app", scopes=["ask", "admin"])
        listed = await admin.keys.list()
        rotated = await admin.keys.rotate(created.id)
        revoked = await admin.keys.revoke(rotated.id)
        purged = await admin.purge_cache()
    assert created.scopes == ["ask", "admin"]
    assert created.id in {k.id for k in listed.keys}
    assert rotated.rotated_from == created.id
    assert revoked.status == "revoked"
    assert purged.purged >= 0


@pytest.mark.skipif(
    importlib.util.find_spec("bondmcp.server.routers.jobs") is None,
    reason="this server has no /v1/jobs yet",
)
def test_a_job_on_the_real_server_and_its_signed_webhook(
    admin_server: ServerProcess, server: ScriptedServer
) -> None:
    server.handler = lambda seen: Reply(json={"received": True})  # the webhook receiver
    queries = ["What is diabetes?", "What is gout?", "What is asthma?"]
    with Client(api_key=admin_server.api_key, base_url=admin_server.base_url) as client:
        job = client.jobs.create(
            queries,
            webhook_url=f"{server.base_url}/hooks/bondmcp",
            metadata={"run": "sdk"},
            idempotency_key="sdk-live-job-1",
        )
        again = client.jobs.create(
            queries,
            webhook_url=f"{server.base_url}/hooks/bondmcp",
            metadata={"run": "sdk"},
            idempotency_key="sdk-live-job-1",
        )
        assert again.id == job.id  # the server honours the key: one job
        done = client.jobs.wait(job.id, poll_interval=0.1, timeout=60)
        assert done.status == "completed" and done.total == 3
        assert done.metadata == {"run": "sdk"}
        items = list(client.jobs.results(job.id, page_size=2))
        assert len(items) == 3 and all(isinstance(i, bondmcp.AskResponse) for i in items)
        assert [i.answer for i in items if isinstance(i, bondmcp.AskResponse)] == [
            i.answer for i in done.results or []
        ]
        with pytest.raises(bondmcp.ConflictError) as finished:
            client.jobs.cancel(job.id)
        assert finished.value.code == "job_finished"
        with pytest.raises(bondmcp.NotFoundError):
            client.jobs.retrieve("job_missing")

    deadline = time.monotonic() + 20
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.requests, "no webhook arrived"
    delivery = server.requests[0]
    assert (delivery.method, delivery.path) == ("POST", "/hooks/bondmcp")
    header = delivery.headers.get("x-bondmcp-signature")
    event = verify(delivery.body, header, WEBHOOK_SECRET, seen=SeenEvents())
    assert event.type == "job.completed"
    assert (event.data.job_id, event.data.total, event.data.completed) == (job.id, 3, 3)
    with pytest.raises(bondmcp.WebhookVerificationError):
        verify(delivery.body, header, "whsec_wrong")
