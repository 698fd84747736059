"""Helpers that drive the MCP server with the SDK's own client, over HTTP and over stdio."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TextIO

import httpx2
from mcp.client import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult

from tests.conftest import REPO, bondmcp_env

PHONE = "555-201-7788"
NAME = "Maria Lopez"
PHI_QUESTION = f"My name is {NAME}, call me on {PHONE}. What causes asthma?"


@asynccontextmanager
async def http_session(url: str, key: str | None, mode: str = "auto") -> AsyncIterator[Client]:
    """A connected client; ``key`` goes in the Authorization header as a bearer token."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=30) as http,
        Client(streamable_http_client(url, http_client=http), mode=mode) as client,
    ):
        yield client


@asynccontextmanager
async def stdio_session(
    data_dir: Path, errlog: TextIO, received: list[Any] | None = None, **settings: str
) -> AsyncIterator[Client]:
    """``python -m bondmcp mcp`` as a subprocess; its stderr goes to ``errlog``.

    Anything on its stdout that is not a protocol message reaches ``received`` as an exception.
    """

    async def on_message(message: Any) -> None:
        if received is not None:
            received.append(message)

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "bondmcp", "mcp"],
        env=bondmcp_env(data_dir, **settings),
        cwd=REPO,
    )
    async with Client(stdio_client(params, errlog=errlog), message_handler=on_message) as client:
        yield client


def structured(result: CallToolResult) -> dict[str, Any]:
    assert result.structured_content is not None, result
    return result.structured_content


def text_of(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")
