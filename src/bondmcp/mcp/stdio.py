"""``bondmcp mcp``: the MCP server over stdio, for desktop clients.

The client starts this process and speaks MCP over its stdin and stdout, so stdout carries the
protocol and nothing else: logs go to stderr (the SDK also points file descriptor 1 at stderr
while it serves, so a stray print cannot corrupt the stream). There is no API key: the person
who runs the process is the only caller. Settings, and so the data directory and database, come
from the same ``BONDMCP_*`` variables as the API server.
"""

from __future__ import annotations

import logging
import sys

import anyio

from bondmcp._version import __version__
from bondmcp.settings import Settings


class McpStartupError(RuntimeError):
    """The server could not start; the message says why, in one line."""


def configure_logging(settings: Settings) -> None:
    """Log to stderr at the configured level; the SDK's own chatter only from warnings up."""
    logging.basicConfig(
        stream=sys.stderr,
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("mcp").setLevel(max(logging.WARNING, logging.getLogger().level))


def run_stdio(settings: Settings) -> None:
    """Serve until the client closes stdin (or the process is interrupted)."""
    from bondmcp.mcp.server import build_server
    from bondmcp.server.services import Services

    configure_logging(settings)
    try:
        services = Services.build(settings)
    except Exception as exc:
        raise McpStartupError(f"cannot open the data directory or database: {exc}") from exc
    try:
        server = build_server(lambda: services)
        logging.getLogger("bondmcp.mcp").info(
            "bondmcp %s MCP server on stdio (%s, data in %s)",
            __version__,
            settings.environment,
            settings.data_dir,
        )
        anyio.run(server.run_stdio_async)
    except KeyboardInterrupt:
        pass
    finally:
        services.close()
