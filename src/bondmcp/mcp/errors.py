"""Tool errors that carry the REST error envelope.

A failed tool call is an MCP tool result with ``isError`` set, so the model sees it and can
recover. Its structured content is the same ``{"error": {type, code, message, request_id}}``
envelope REST returns, with the same stable codes, so a client can branch on ``code`` whichever
interface it uses; the text content leads with the code for models that only read text.
"""

from __future__ import annotations

from mcp.types import CallToolResult, TextContent
from pydantic import ValidationError

from bondmcp.server.errors import error_body

#: The HTTP status REST would answer with, which picks the envelope's ``type``.
_STATUS = {"invalid_request": 422, "not_found": 404, "internal_error": 500}


def tool_error(
    code: str, message: str, *, param: str | None = None, request_id: str | None = None
) -> CallToolResult:
    envelope = error_body(_STATUS.get(code, 422), code, message, request_id, param)
    return CallToolResult(
        content=[TextContent(type="text", text=f"Error {code}: {message}")],
        structured_content=envelope,
        is_error=True,
    )


def invalid_arguments(exc: ValidationError, request_id: str | None = None) -> CallToolResult:
    """``invalid_request`` for arguments the input schema rejects.

    The message names each field and what is wrong with it, but never repeats the value: the
    value may be the caller's health question or the text they wanted de-identified.
    """
    problems: list[str] = []
    params: list[str] = []
    for error in exc.errors(include_input=False, include_url=False):
        param = ".".join(str(part) for part in error["loc"])
        params.append(param)
        problems.append(f"{param}: {error['msg']}" if param else str(error["msg"]))
    return tool_error(
        "invalid_request",
        "; ".join(problems) or "The arguments do not match the tool's input schema.",
        param=params[0] if params else None,
        request_id=request_id,
    )
