"""``client.jobs`` against a loopback server that plays the /v1/jobs contract."""

from __future__ import annotations

import itertools
import time
from urllib.parse import parse_qs, urlsplit

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, ask_payload, error_payload

FAST = bondmcp.RetryPolicy(initial_delay=0.01, max_delay=0.02)


def client_for(server: ScriptedServer, **kwargs: object) -> Client:
    kwargs.setdefault("retry_policy", FAST)
    return Client(api_key=API_KEY, base_url=server.base_url, **kwargs)  # type: ignore[arg-type]


def polls(server: ScriptedServer) -> list[float]:
    return [seen.at for seen in server.requests if seen.method == "GET"]


def query_of(path: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(path).query)


def test_create_sends_the_contract_body_and_returns_the_queued_job(
    server: ScriptedServer,
) -> None:
    with client_for(server) as client:
        job = client.jobs.create(
            ["What is diabetes?", "What is gout?"],
            webhook_url="https://hooks.example.org/bondmcp",
            metadata={"batch": "ward-7", "priority": 2},
            locale="gb",
        )
    assert isinstance(job, bondmcp.JobCreated)
    assert job.status == "queued"
    assert job.id in server.jobs.jobs
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("POST", "/v1/jobs")
    assert seen.json == {
        "queries": ["What is diabetes?", "What is gout?"],
        "webhook_url": "https://hooks.example.org/bondmcp",
        "metadata": {"batch": "ward-7", "priority": 2},
        "locale": "gb",
    }
    assert seen.headers["idempotency-key"].startswith("bmcp-")


def test_a_lost_submission_is_retried_with_its_key_and_creates_one_job(
    server: ScriptedServer,
) -> None:
    server.jobs.lose_create_responses = 1  # the job is created, then the answer is a 503
    with client_for(server) as client:
        job = client.jobs.create(["q1", "q2"])
        other = client.jobs.create(["q1", "q2"])
    first, retry, second = server.requests
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]
    assert second.headers["idempotency-key"] != first.headers["idempotency-key"]
    assert len(server.jobs.jobs) == 2  # the retry got the job its first attempt created
    assert job.id != other.id and {job.id, other.id} == set(server.jobs.jobs)


def test_an_explicit_idempotency_key_returns_the_same_job(server: ScriptedServer) -> None:
    with client_for(server) as client:
        job = client.jobs.create(["q"], idempotency_key="nightly-2026-11-27")
        again = client.jobs.create(["q"], idempotency_key="nightly-2026-11-27")
    assert again.id == job.id and len(server.jobs.jobs) == 1
    assert {s.headers["idempotency-key"] for s in server.requests} == {"nightly-2026-11-27"}


def test_a_single_string_is_refused_before_sending(server: ScriptedServer) -> None:
    with client_for(server) as client, pytest.raises(TypeError, match="list of queries"):
        client.jobs.create("What is diabetes?")
    assert server.requests == []


def test_wait_polls_until_the_job_has_finished(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = 3
    with client_for(server) as client:
        job = client.jobs.create(["a", "b"])
        done = client.jobs.wait(job.id, poll_interval=0.05)
    assert done.status == "completed" and done.completed == 2
    assert [r.answer for r in done.results or []] == ["Answer to: a", "Answer to: b"]
    times = polls(server)
    assert len(times) == 3
    assert all(gap >= 0.045 for gap in (b - a for a, b in itertools.pairwise(times)))


def test_a_failed_poll_is_retried_inside_wait(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = 2
    with client_for(server) as client:
        job = client.jobs.create(["a"])
        server.push(Reply(status=503, json=error_payload("unavailable", "restarting")))
        done = client.jobs.wait(job.id, poll_interval=0.01)
    assert done.status == "completed"
    assert len(polls(server)) == 3  # the 503, then two polls that reached the job


def test_wait_gives_up_at_the_timeout_with_the_last_status(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = None  # runs forever
    with client_for(server) as client:
        job = client.jobs.create(["a", "b", "c", "d"])
        started = time.monotonic()
        with pytest.raises(bondmcp.JobTimeoutError) as info:
            client.jobs.wait(job.id, poll_interval=0.1, timeout=0.35)
        elapsed = time.monotonic() - started
    assert 0.35 <= elapsed < 1.0
    assert isinstance(info.value, TimeoutError) and isinstance(info.value, bondmcp.BondMCPError)
    assert info.value.job.id == job.id and info.value.job.status == "running"
    assert "2 of 4" in str(info.value)
    times = polls(server)
    # At 0, 0.1, 0.2, 0.3 and on the deadline; fewer if the process stalls, never more.
    assert 2 <= len(times) <= 5
    assert times[-1] - times[0] >= 0.34  # the last poll waits for the deadline
    assert server.jobs.jobs[job.id].status == "running"  # giving up does not cancel


def test_a_poll_interval_longer_than_the_timeout_is_cut_to_the_deadline(
    server: ScriptedServer,
) -> None:
    server.jobs.polls_to_finish = None
    with client_for(server) as client:
        job = client.jobs.create(["a"])
        started = time.monotonic()
        with pytest.raises(bondmcp.JobTimeoutError):
            client.jobs.wait(job.id, poll_interval=30.0, timeout=0.2)
        elapsed = time.monotonic() - started
    assert 0.2 <= elapsed < 1.0
    assert len(polls(server)) == 2  # at once, and on the deadline


def test_a_poll_that_ends_after_the_deadline_is_followed_by_one_on_it(
    server: ScriptedServer,
) -> None:
    """A poll sent before the deadline whose answer comes after it (a slow server, a paused
    process) is not the last: the status given up with is one asked for on the deadline."""
    server.jobs.polls_to_finish = None
    with client_for(server) as client:
        job = client.jobs.create(["a"])
        server.push(Reply(), Reply(delay=0.3))  # the second poll answers late
        started = time.monotonic()
        with pytest.raises(bondmcp.JobTimeoutError):
            client.jobs.wait(job.id, poll_interval=0.1, timeout=0.2)
        elapsed = time.monotonic() - started
    times = polls(server)
    assert len(times) == 3  # at 0, at 0.1 (answered at 0.4), and once more after it
    assert times[-1] - started >= 0.2
    assert elapsed < 1.0


def test_results_follow_next_cursor_across_pages_in_order(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = 1
    server.jobs.failing_queries = {"q4"}
    queries = [f"q{i}" for i in range(7)]
    with client_for(server) as client:
        job = client.jobs.create(queries)
        items = list(client.jobs.results(job.id, page_size=3))
    assert len(items) == 7
    for index, item in enumerate(items):
        if index == 4:
            assert isinstance(item, bondmcp.BatchItemError)
            assert item.error.message == "cannot answer q4"
        else:
            assert isinstance(item, bondmcp.AskResponse)
            assert item.answer == f"Answer to: q{index}"
    gets = [s for s in server.requests if s.method == "GET"]
    assert len(gets) == 3
    assert all(urlsplit(s.path).path == f"/v1/jobs/{job.id}" for s in gets)
    assert query_of(gets[0].path) == {"limit": ["3"]}
    cursors = [query_of(s.path).get("cursor") for s in gets]
    assert cursors[0] is None and cursors[1] and cursors[2] and cursors[1] != cursors[2]


def test_retrieve_pages_by_hand(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = 1
    with client_for(server) as client:
        job = client.jobs.create(["a", "b", "c"])
        first = client.jobs.retrieve(job.id, limit=2)
        assert first.next_cursor is not None
        second = client.jobs.retrieve(job.id, cursor=first.next_cursor, limit=2)
    assert [r.answer for r in first.results or []] == ["Answer to: a", "Answer to: b"]
    assert [r.answer for r in second.results or []] == ["Answer to: c"]
    assert second.next_cursor is None
    assert query_of(server.requests[-1].path) == {"cursor": [first.next_cursor], "limit": ["2"]}


def test_a_server_repeating_a_cursor_cannot_loop_results_forever(
    server: ScriptedServer,
) -> None:
    def page(cursor: str | None) -> Reply:
        return Reply(
            json={
                "id": "job_1",
                "status": "completed",
                "total": 3,
                "completed": 3,
                "failed": 0,
                "created_at": "2026-11-27T10:00:00+00:00",
                "results": [ask_payload("q")],
                "next_cursor": cursor,
            }
        )

    server.push(page("c1"), page("c1"))
    with client_for(server) as client, pytest.raises(bondmcp.BondMCPError, match="same results"):
        list(client.jobs.results("job_1"))
    assert len(server.requests) == 2


def test_results_of_an_unfinished_job_raise(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = None
    with client_for(server) as client:
        job = client.jobs.create(["a"])
        with pytest.raises(bondmcp.JobNotFinishedError) as info:
            next(client.jobs.results(job.id))
    assert info.value.job.status == "running"


def test_cancel_stops_a_running_job_and_a_finished_one_conflicts_at_once(
    server: ScriptedServer,
) -> None:
    server.jobs.polls_to_finish = None
    with client_for(server) as client:
        job = client.jobs.create(["a", "b"])
        cancelled = client.jobs.cancel(job.id)
        assert cancelled.status == "cancelled" and cancelled.finished_at
        assert client.jobs.wait(job.id, poll_interval=5.0).status == "cancelled"
        assert list(client.jobs.results(job.id)) == []
        before = len(server.requests)
        with pytest.raises(bondmcp.ConflictError) as info:
            client.jobs.cancel(job.id)
    assert info.value.code == "job_finished"
    assert len(server.requests) == before + 1  # a final conflict is not retried
    delete = server.requests[1]
    assert (delete.method, delete.path) == ("DELETE", f"/v1/jobs/{job.id}")
    assert delete.headers["idempotency-key"]


def test_unknown_job_is_not_found_without_retries(server: ScriptedServer) -> None:
    with client_for(server) as client, pytest.raises(bondmcp.NotFoundError) as info:
        client.jobs.retrieve("job_missing")
    assert info.value.code == "job_not_found"
    assert len(server.requests) == 1


def test_a_job_id_is_always_one_path_segment(server: ScriptedServer) -> None:
    with client_for(server) as client:
        with pytest.raises(bondmcp.NotFoundError):
            client.jobs.retrieve("../keys?x=1")
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError, match="job_id"):
                client.jobs.cancel(bad)
        for n in range(20):
            with pytest.raises(bondmcp.NotFoundError):
                client.jobs.retrieve(f"job_{n}")
        tables = len(client._urls)
    assert server.requests[0].path == "/v1/jobs/..%2Fkeys%3Fx%3D1"
    assert len(server.requests) == 21
    assert tables <= 1  # per-id URLs are not kept by a long-lived client


async def test_async_jobs_lifecycle(server: ScriptedServer) -> None:
    server.jobs.polls_to_finish = 2
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url, retry_policy=FAST) as client:
        server.jobs.lose_create_responses = 1
        job = await client.jobs.create(["a", "b", "c"], metadata={"run": 1})
        done = await client.jobs.wait(job.id, poll_interval=0.02)
        answers = [item async for item in client.jobs.results(job.id, page_size=2)]
        status = await client.jobs.retrieve(job.id, limit=1)
        server.jobs.polls_to_finish = None
        slow = await client.jobs.create(["x"])
        with pytest.raises(bondmcp.JobTimeoutError):
            await client.jobs.wait(slow.id, poll_interval=0.02, timeout=0.1)
        cancelled = await client.jobs.cancel(slow.id)
    assert len(server.jobs.jobs) == 2  # the lost submission was not created twice
    assert done.status == "completed" and done.metadata == {"run": 1}
    assert [a.answer for a in answers if isinstance(a, bondmcp.AskResponse)] == [
        "Answer to: a",
        "Answer to: b",
        "Answer to: c",
    ]
    assert status.next_cursor is not None and len(status.results or []) == 1
    assert cancelled.status == "cancelled"
