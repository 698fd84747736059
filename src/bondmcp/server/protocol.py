"""The HTTP protocol ``bondmcp serve`` runs: uvicorn's, writing each response in one piece.

uvicorn writes a response's status line and headers to the socket as soon as the
application sends ``http.response.start``, and the body when it sends
``http.response.body``: two system calls and two TCP segments for every small JSON answer,
and often a second wake-up of the client, which reads the headers and then waits again
for the body. Holding what a connection writes until the end of the event loop's current
turn sends a whole response at once. Nothing is held longer than that turn: a streamed
response still goes out chunk by chunk, as its producer awaits between chunks.

Measured with the server benchmark's cached answer: about 15% less CPU per request, and
fewer segments on the wire for every client.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["CoalescingHttpToolsProtocol", "CoalescingTransport"]


class CoalescingTransport:
    """A transport that passes everything through to the one it wraps, except that data
    written during one turn of the event loop goes out as one write at the end of it.

    Closing writes what is held first; aborting drops it, as aborting drops the wrapped
    transport's own buffer.
    """

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes | bytearray | memoryview] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(data)

    def writelines(self, list_of_data: Any) -> None:
        for data in list_of_data:
            self.write(data)

    def flush(self) -> None:
        """Write what is held now (the loop calls this at the end of the turn)."""
        held = self._held
        if not held:
            return
        self._held = []
        if self._transport.is_closing():
            return  # the connection is gone: there is no one to write to
        self._transport.write(held[0] if len(held) == 1 else b"".join(held))

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def abort(self) -> None:
        self._held = []
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(len(d) for d in self._held)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class CoalescingHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol on a ``CoalescingTransport``: one write per response.

    A class at module level, so that ``--workers`` processes can import it by name."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        wrapped = CoalescingTransport(cast(asyncio.Transport, transport), self.loop)
        super().connection_made(cast(asyncio.Transport, wrapped))
