"""Blocking calls of concurrent requests, made together: one worker thread per loop turn.

A database lookup from the event loop goes to a worker thread, and each hand-off costs more
than the lookup itself: the thread wakes, waits for the GIL behind request handling, and the
result waits again to be picked up. Under load many requests reach the same lookup in one
turn of the event loop; this queues their arguments and, at the end of that turn, runs one
call of the batch function for all of them in one worker thread (like ``AutoPipeline`` for
Redis commands). A lone request pays no extra wait: its call goes out at the end of the turn
that made it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

Arg = TypeVar("Arg")
Result = TypeVar("Result")
Item = TypeVar("Item")


class TurnQueue(Generic[Item]):
    """Items queued during one turn of the event loop, sent together at the end of it.

    The common part of ``TurnBatch`` and of ``AutoPipeline`` (Redis commands): subclasses
    say how a batch is sent (``_send``) and what a new event loop needs (``_new_loop``).
    """

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: list[Item] = []
        self._tasks: set[asyncio.Task[None]] = set()

    def _put(self, item: Item) -> None:
        """Queue ``item`` to be sent at the end of this loop turn."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # tests run several loops in turn; a server runs one
            self._loop = loop
            self._queue = []
            self._new_loop(loop)
        self._queue.append(item)
        if len(self._queue) == 1:
            loop.call_soon(self._send_queued)

    def _new_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """What a subclass keeps per event loop is made again here."""

    def _send_queued(self) -> None:
        batch, self._queue = self._queue, []
        if batch:
            task = asyncio.ensure_future(self._send(batch))
            self._tasks.add(task)  # held until done: the loop keeps only weak references
            task.add_done_callback(self._tasks.discard)

    async def _send(self, batch: list[Item]) -> None:
        raise NotImplementedError


class TurnBatch(TurnQueue[tuple[Arg, "asyncio.Future[Result]"]], Generic[Arg, Result]):
    """``await batch(arg)`` is ``run_many([arg])[0]``, run with the other calls of its turn.

    ``run_many`` takes the arguments in order and returns one result each, in the same
    order. If it raises, every call of that batch raises the same exception.
    """

    def __init__(self, run_many: Callable[[list[Arg]], Sequence[Result]]) -> None:
        super().__init__()
        self._run_many = run_many

    async def __call__(self, arg: Arg) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._put((arg, future))
        return await future

    async def _send(self, batch: list[tuple[Arg, asyncio.Future[Result]]]) -> None:
        try:
            results = await run_in_threadpool(self._run_many, [arg for arg, _ in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"{len(results)} results for a batch of {len(batch)}")
        except Exception as exc:
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():  # the caller was cancelled
                future.set_result(result)
