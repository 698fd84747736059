"""Redis commands from concurrent requests, sent together as one pipeline per loop turn.

redis-py's asyncio client spends about 80 µs of CPU on every command sent on its own
(a connection checked out of the pool, a write, a stream read, the connection returned),
against about 20 µs for each of 16 or more commands in one pipeline. A cached answer costs
about 200 µs, so one lone command per request would cost a third of the throughput. Under
load many requests reach their Redis step in the same turn of the event loop; this module
queues their commands and sends everything queued at the end of that turn in one
pipeline, on one connection, in one round trip (written to the connection directly, see
``_pipeline``). A lone request pays no extra wait: its command goes out at the end of the turn
that issued it.

The asyncio client belongs to the event loop that first uses it. A server process runs one
loop, but tests start several in turn, so the client is made again for a new loop.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bondmcp.server.turnbatch import TurnQueue

_pack_command: Callable[[tuple[Any, ...]], bytes] | None
try:
    from hiredis import pack_command as _pack_command
except ImportError:  # redis-py packs them itself
    _pack_command = None

Command = tuple[Any, ...]


class LuaScript:
    """A Lua script sent by its SHA1 (``EVALSHA``), loaded once per Redis server."""

    def __init__(self, source: str) -> None:
        self.source = source
        # Redis names scripts by SHA1; not a security use.
        self.sha = hashlib.sha1(source.encode(), usedforsecurity=False).hexdigest()

    def command(self, keys: Sequence[str], args: Sequence[Any]) -> Command:
        return ("EVALSHA", self.sha, len(keys), *keys, *args)


def _pack(commands: list[Command]) -> list[bytes] | None:
    if _pack_command is None:
        return None
    return [b"".join(_pack_command(command) for command in commands)]


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()  # marks an error as seen; whoever awaits still gets it


class AutoPipeline(TurnQueue[tuple[Command, LuaScript | None, "asyncio.Future[Any]"]]):
    def __init__(
        self, url: str, *, socket_timeout: float = 0.5, client_name: str | None = None
    ) -> None:
        super().__init__()
        self._url = url
        self._socket_timeout = socket_timeout
        self._client_name = client_name
        self._client: Redis | None = None

    async def execute(self, *command: Any) -> Any:
        """Send one command with the others of this loop turn; its reply as Redis sends it
        (without redis-py's per-command conversions), or its error."""
        return await self._enqueue(command, None)

    def submit(self, *command: Any) -> asyncio.Future[Any]:
        """Queue one command now and return its reply's future without waiting, so that
        commands issued later in the same turn still share its pipeline. A future nobody
        awaits may end in an error without a "never retrieved" warning."""
        future = self._enqueue(command, None)
        future.add_done_callback(_retrieve)
        return future

    async def run_script(self, script: LuaScript, keys: Sequence[str], args: Sequence[Any]) -> Any:
        return await self._enqueue(script.command(keys, args), script)

    def _enqueue(self, command: Command, script: LuaScript | None) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._put((command, script, future))
        return future

    def _new_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        self._client = Redis.from_url(
            self._url,
            socket_timeout=self._socket_timeout,
            socket_connect_timeout=self._socket_timeout,
            client_name=self._client_name,
        )

    async def _send(
        self, batch: list[tuple[Command, LuaScript | None, asyncio.Future[Any]]]
    ) -> None:
        assert self._client is not None
        try:
            replies = await self._pipeline([command for command, _, _ in batch])
            unknown = {
                script.sha: script
                for (_, script, _), reply in zip(batch, replies, strict=True)
                if script is not None and isinstance(reply, NoScriptError)
            }
            if unknown:  # a new or restarted Redis server: load the scripts, send those again
                for script in unknown.values():
                    await self._client.script_load(script.source)
                again = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
                for index, reply in zip(
                    again, await self._pipeline([batch[i][0] for i in again]), strict=True
                ):
                    replies[index] = reply
        except Exception as exc:  # the connection failed: every caller gets the error
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, _, future), reply in zip(batch, replies, strict=True):
            if future.done():  # the caller was cancelled
                continue
            if isinstance(reply, Exception):
                future.set_exception(reply)
            else:
                future.set_result(reply)

    async def _pipeline(self, commands: list[Command]) -> list[Any]:
        """Send the commands on one pooled connection in one write and read their replies
        in order; an error reply takes its command's place (a failed connection raises).

        The same exchange as redis-py's ``Pipeline`` with ``raise_on_error=False``, through
        the connection's own methods: the asyncio pipeline packs every argument in Python
        and wraps the round trip in retry and timeout layers, a tenth of a cached answer's
        CPU. Commands are packed by hiredis when it is installed. A connection that fails,
        or is left with replies unread, is closed rather than returned to the pool; a
        connection failure is tried once more on a new connection, as redis-py's default
        retry would.
        """
        assert self._client is not None
        pool = self._client.connection_pool
        packed = _pack(commands)
        for attempt in range(2):
            connection = await pool.get_connection()  # type: ignore[no-untyped-call]
            try:
                if packed is None:
                    packed = connection.pack_commands(commands)
                await connection.send_packed_command(packed, check_health=False)
                replies: list[Any] = []
                for _ in commands:
                    try:
                        replies.append(await connection.read_response())
                    except ResponseError as error:  # this command's error, in its place
                        replies.append(error)
                return replies
            except (RedisConnectionError, RedisTimeoutError, OSError):
                await connection.disconnect()
                if attempt:
                    raise
            except BaseException:
                await connection.disconnect()  # replies may be left unread
                raise
            finally:
                await pool.release(connection)
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.aclose()
        self._client = None
        self._loop = None
