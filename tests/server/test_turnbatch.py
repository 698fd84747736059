"""Blocking calls of one event-loop turn run together, in a worker thread, in order."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bondmcp.server.turnbatch import TurnBatch


async def test_calls_of_one_turn_share_one_batch_in_a_worker_thread() -> None:
    batches: list[list[int]] = []
    threads: list[str] = []

    def squares(args: list[int]) -> list[int]:
        batches.append(args)
        threads.append(threading.current_thread().name)
        return [a * a for a in args]

    batch = TurnBatch(squares)
    results = await asyncio.gather(*(batch(n) for n in range(10)))
    assert results == [n * n for n in range(10)]
    assert batches == [list(range(10))]
    assert threads[0] != threading.current_thread().name

    # A later turn is a batch of its own; a lone call is not held back for company.
    assert await batch(12) == 144
    assert batches[-1] == [12]


async def test_a_failing_batch_fails_each_of_its_calls() -> None:
    def broken(args: list[str]) -> list[str]:
        raise ConnectionError("database unreachable")

    batch = TurnBatch(broken)
    outcomes = await asyncio.gather(batch("a"), batch("b"), return_exceptions=True)
    assert all(isinstance(o, ConnectionError) for o in outcomes)


async def test_a_batch_function_must_answer_every_call() -> None:
    batch: TurnBatch[int, int] = TurnBatch(lambda args: args[:1])
    with pytest.raises(RuntimeError, match="1 results for a batch of 2"):
        await asyncio.gather(batch(1), batch(2))


async def test_a_cancelled_caller_leaves_the_others_their_results() -> None:
    release = threading.Event()

    def slow(args: list[int]) -> list[int]:
        release.wait(5)
        return [a + 1 for a in args]

    batch = TurnBatch(slow)
    first = asyncio.ensure_future(batch(1))
    second = asyncio.ensure_future(batch(2))
    await asyncio.sleep(0.05)  # both queued and sent
    first.cancel()
    release.set()
    assert await second == 3
    with pytest.raises(asyncio.CancelledError):
        await first
