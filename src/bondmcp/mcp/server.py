"""The MCP server object: tools, resources and the prompt, over one :class:`Services`.

Both transports serve the same object. Over HTTP the services are the API server's own (its
database, keys, limiter and engine); over stdio the ``bondmcp mcp`` process builds its own from
settings. Tools reach them through the server's lifespan state, never through globals.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError
from mcp.types import CallToolResult, InputRequiredResult
from pydantic import ValidationError
from starlette.requests import Request

from bondmcp._version import __version__
from bondmcp.mcp.errors import invalid_arguments, tool_error
from bondmcp.server.services import Services

INSTRUCTIONS = """\
Consumer health information grounded in cited public sources (MedlinePlus, CDC, NIH, NHS, WHO,
USPSTF). When a result's triage is emergency or urgent, give that guidance first. Say only what
the cited sources say and cite them. This is general health education, not medical advice.\
"""


@dataclass(frozen=True, slots=True)
class McpState:
    """What every tool call can reach: the process's long-lived services."""

    services: Services


#: The context a tool receives; ``request`` is the HTTP request, or None over stdio.
ToolContext = Context[McpState, Request]


def services_of(ctx: ToolContext) -> Services:
    return ctx.request_context.lifespan_context.services


def http_request_of(ctx: ToolContext) -> Request | None:
    request = ctx.request_context.request
    return request if isinstance(request, Request) else None


def request_id_of(ctx: ToolContext | None) -> str | None:
    request = http_request_of(ctx) if ctx is not None else None
    return getattr(request.state, "request_id", None) if request is not None else None


class BondMcpServer(MCPServer[McpState]):
    """An :class:`MCPServer` whose argument errors use the REST error codes.

    The SDK rejects arguments that fail the input schema with a free-text tool error that
    quotes the offending value. Here that becomes ``invalid_request`` with the field named and
    the value left out, like REST's 422; an unknown tool becomes ``not_found``.
    """

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any],
        context: Context[McpState, Any] | None = None,
    ) -> CallToolResult | InputRequiredResult:
        if name not in {tool.name for tool in await self.list_tools()}:
            return tool_error(
                "not_found",
                f"No tool named {name!r}.",
                param="name",
                request_id=request_id_of(context),
            )
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            if isinstance(exc.__cause__, ValidationError) and not isinstance(
                exc, UnexpectedToolError
            ):
                return invalid_arguments(exc.__cause__, request_id_of(context))
            raise


@contextmanager
def _leave_root_logging_alone() -> Iterator[None]:
    """Construct an :class:`MCPServer` without it configuring the process's root logger.

    Its constructor calls ``logging.basicConfig``, which inside the API server would install a
    handler and level before the application configures logging its own way. ``basicConfig``
    does nothing while the root logger has a handler, so one sits there for the duration.
    """
    root = logging.getLogger()
    placeholder = logging.NullHandler()
    root.addHandler(placeholder)
    try:
        yield
    finally:
        root.removeHandler(placeholder)


def build_server(services: Callable[[], Services]) -> BondMcpServer:
    """The MCP server with every tool, resource and prompt registered.

    ``services`` is called once when the server starts serving (its lifespan), so the HTTP app
    can hand over the services it builds in its own lifespan.
    """
    from bondmcp.mcp import prompts, resources, tools

    @asynccontextmanager
    async def lifespan(_server: MCPServer[McpState]) -> AsyncIterator[McpState]:
        yield McpState(services=services())

    with _leave_root_logging_alone():
        server = BondMcpServer(
            "bondmcp",
            title="BondMCP health information",
            version=__version__,
            instructions=INSTRUCTIONS,
            lifespan=lifespan,
        )
    tools.register(server)
    resources.register(server)
    prompts.register(server)
    return server
