"""The HTTP protocol ``bondmcp serve`` runs writes each response in one piece, over real
loopback sockets, and still streams, pipelines and closes like uvicorn's own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from bondmcp.server.protocol import CoalescingHttpToolsProtocol


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Answers ``/json`` in two messages, as every JSON response is sent, and ``/stream``
    in three chunks with the loop turning in between."""
    if scope["type"] != "http":
        return
    await receive()
    if scope["path"] == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for chunk in (b"one,", b"two,", b"three"):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await asyncio.sleep(0.01)
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return
    body = b'{"answer":"' + scope["path"].encode() + b'"}'
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _CountingTransport:
    """The socket's own transport, counting the writes that reach it."""

    def __init__(self, transport: asyncio.Transport, writes: list[bytes]) -> None:
        self._transport = transport
        self._writes = writes

    def write(self, data: bytes) -> None:
        self._writes.append(bytes(data))
        self._transport.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def counted(protocol: type[HttpToolsProtocol], writes: list[bytes]) -> type[HttpToolsProtocol]:
    class Counted(protocol):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(_CountingTransport(transport, writes))  # type: ignore[arg-type]

    return Counted


@asynccontextmanager
async def serving(protocol: type[HttpToolsProtocol]) -> AsyncIterator[int]:
    config = Config(app, http=protocol, lifespan="off", log_level="warning")
    config.load()
    state = ServerState()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: config.http_protocol_class(  # type: ignore[call-arg]
            config=config, server_state=state, app_state={}, _loop=loop
        ),
        "127.0.0.1",
        0,
    )
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for connection in list(state.connections):
            connection.shutdown()
        server.close()
        await server.wait_closed()


async def read_response(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    return head, await asyncio.wait_for(reader.readexactly(length), 5)


def request(path: str, *, close: bool = False) -> bytes:
    connection = b"close" if close else b"keep-alive"
    return b"GET %s HTTP/1.1\r\nHost: test\r\nConnection: %s\r\n\r\n" % (path.encode(), connection)


@pytest.mark.parametrize(
    ("protocol", "writes_per_response"),
    [(CoalescingHttpToolsProtocol, 1), (HttpToolsProtocol, 2)],
    ids=["coalescing", "uvicorn"],
)
async def test_each_response_is_one_write(
    protocol: type[HttpToolsProtocol], writes_per_response: int
) -> None:
    writes: list[bytes] = []
    async with serving(counted(protocol, writes)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for number in range(3):
            writer.write(request(f"/a{number}"))
            head, body = await read_response(reader)
            assert head.startswith(b"HTTP/1.1 200 OK\r\n")
            assert body == b'{"answer":"/a%d"}' % number
        writer.close()
    assert len(writes) == 3 * writes_per_response
    if writes_per_response == 1:
        assert all(w.startswith(b"HTTP/1.1 200") and w.endswith(b'"}') for w in writes)


async def test_pipelined_requests_are_answered_in_order() -> None:
    async with serving(CoalescingHttpToolsProtocol) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request("/first") + request("/second") + request("/third"))
        bodies = [(await read_response(reader))[1] for _ in range(3)]
        writer.close()
    assert bodies == [b'{"answer":"/first"}', b'{"answer":"/second"}', b'{"answer":"/third"}']


async def test_a_streamed_response_still_goes_out_chunk_by_chunk() -> None:
    writes: list[bytes] = []
    async with serving(counted(CoalescingHttpToolsProtocol, writes)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request("/stream", close=True))
        raw = await asyncio.wait_for(reader.read(), 5)  # to the server's close
        writer.close()
    head, _, chunked = raw.partition(b"\r\n\r\n")
    assert b"transfer-encoding: chunked" in head.lower()
    assert chunked == b"4\r\none,\r\n4\r\ntwo,\r\n5\r\nthree\r\n0\r\n\r\n"
    # The loop turned between the chunks, so each went out when it was sent.
    assert len(writes) >= 4


async def test_connection_close_sends_the_whole_response_first() -> None:
    async with serving(CoalescingHttpToolsProtocol) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request("/last", close=True))
        raw = await asyncio.wait_for(reader.read(), 5)  # ends when the server closes
        writer.close()
    assert raw.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"connection: close" in raw.lower()
    assert raw.endswith(b'{"answer":"/last"}')
