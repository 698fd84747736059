"""One error envelope for every 4xx and 5xx: ``{"error": {type, code, message, request_id}}``.

Codes are stable strings clients can branch on; messages are for people. Every handler
here returns the same shape, whether the error came from our code, from request
validation, from routing, or from a bug.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

logger = logging.getLogger("bondmcp.server")

#: HTTP status -> error family (the envelope's ``type``).
ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    409: "conflict_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
    500: "api_error",
    503: "api_error",
}


class APIError(Exception):
    """An error we mean to return, with its status, stable code and message."""

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.param = param
        self.headers = headers or {}


class PayloadTooLarge(StarletteHTTPException):
    """Raised while a body streams in past the limit; an HTTPException so FastAPI's body
    parsing lets it through instead of turning it into a generic 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body exceeds the limit of {limit} bytes.")


def request_id_of(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def error_body(
    status_code: int, code: str, message: str, request_id: str | None, param: str | None = None
) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "type": ERROR_TYPES.get(
            status_code, "api_error" if status_code >= 500 else "invalid_request_error"
        ),
        "code": code,
        "message": message,
        "request_id": request_id,
    }
    if param is not None:
        detail["param"] = param
    return {"error": detail}


def error_response(
    request: Request,
    status_code: int,
    code: str,
    message: str,
    *,
    param: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    request.state.error_code = code
    return JSONResponse(
        error_body(status_code, code, message, request_id_of(request), param),
        status_code=status_code,
        headers=headers,
    )


_STATUS_CODES = {
    404: ("not_found", "No such endpoint."),
    405: ("method_not_allowed", "This endpoint does not support that method."),
    413: ("payload_too_large", "The request body is larger than this server accepts."),
    415: ("unsupported_media_type", "Send the request body as JSON."),
}


def _param_of(loc: tuple[Any, ...]) -> str | None:
    # The first element says where the value was (body, query, header, path).
    parts = (
        [str(p) for p in loc[1:]]
        if loc and loc[0] in ("body", "query", "header", "path")
        else [str(p) for p in loc]
    )
    return ".".join(parts) or None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> JSONResponse:
        return error_response(
            request, exc.status_code, exc.code, exc.message, param=exc.param, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(
                request, 400, "invalid_json", "The request body is not valid JSON."
            )
        first = errors[0] if errors else {}
        loc = tuple(first.get("loc", ()))
        param = _param_of(loc)
        if first.get("type") == "missing" and loc == ("body",):
            message = "The request needs a JSON body."
        else:
            where = f"{param}: " if param else ""
            message = f"{where}{first.get('msg', 'invalid request')}"
        return error_response(request, 422, "invalid_request", message, param=param)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette's ServerErrorMiddleware sends this and raises the exception on, for
        # the request-context middleware to log.
        return error_response(request, 500, "internal_error", "The server hit an unexpected error.")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        if isinstance(exc, PayloadTooLarge):
            message = str(exc.detail)
        return error_response(request, exc.status_code, code, message, headers=exc.headers)


def internal_error_body(request_id: str | None) -> bytes:
    return json.dumps(
        error_body(500, "internal_error", "The server hit an unexpected error.", request_id)
    ).encode()
