"""MCP over Streamable HTTP at /mcp of a real `bondmcp serve`, driven by the SDK's client."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from mcp.shared.exceptions import MCPError

from tests.conftest import ServerProcess, create_key
from tests.mcp.conftest import NAME, PHI_QUESTION, PHONE, http_session, structured, text_of

TOOLS = {"ask_health_question", "search_health_knowledge", "deidentify_text"}


def mcp_url(server: ServerProcess) -> str:
    return f"{server.base_url}/mcp"


def raw_post(server: ServerProcess, key: str | None) -> httpx.Response:
    """A POST below the MCP layer, to see the HTTP status and headers a client gets."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.post(mcp_url(server), json={}, headers=headers, follow_redirects=False)


def flatten(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from flatten(inner)
    else:
        yield error


async def test_lists_the_tools_with_their_input_and_output_schemas(
    live_server: ServerProcess,
) -> None:
    async with http_session(mcp_url(live_server), live_server.api_key) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(tools) == TOOLS

    ask = tools["ask_health_question"]
    assert ask.input_schema["required"] == ["query"]
    query = ask.input_schema["properties"]["query"]
    assert (query["type"], query["minLength"], query["maxLength"]) == ("string", 1, 4000)
    assert "emergency" in (ask.description or "")
    assert ask.output_schema is not None
    assert {"answer", "confidence", "triage", "in_scope", "disclaimer", "citations"} <= set(
        ask.output_schema["required"]
    )
    assert ask.annotations is not None and ask.annotations.read_only_hint is True

    limit = tools["search_health_knowledge"].input_schema["properties"]["limit"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 20, 5)
    assert tools["deidentify_text"].input_schema["required"] == ["text"]


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_ask_returns_the_answer_as_text_and_structured_content(
    live_server: ServerProcess, mode: str
) -> None:
    """Both protocol eras: the current one and the initialize handshake desktop clients use."""
    async with http_session(mcp_url(live_server), live_server.api_key, mode=mode) as client:
        result = await client.call_tool("ask_health_question", {"query": "What causes asthma?"})
    assert not result.is_error
    answer = structured(result)
    assert answer["triage"] == "routine" and answer["in_scope"] is True
    assert answer["confidence"] > 0.5
    assert "asthma" in answer["answer"].lower()
    assert answer["citations"][0]["url"].startswith("https://")
    assert answer["request_id"].startswith("req_")
    assert answer["id"]  # the answer id /v1/feedback takes
    text = text_of(result)
    assert answer["answer"] in text
    assert answer["citations"][0]["url"] in text
    assert "not medical advice" in text


async def test_emergency_guidance_leads_the_text(live_server: ServerProcess) -> None:
    async with http_session(mcp_url(live_server), live_server.api_key) as client:
        result = await client.call_tool(
            "ask_health_question",
            {"query": "I have crushing chest pain spreading to my arm", "locale": "gb"},
        )
    answer = structured(result)
    assert answer["triage"] == "emergency"
    assert "999" in answer["answer"]
    assert text_of(result).startswith("EMERGENCY")


async def test_search_deidentify_resource_and_prompt(live_server: ServerProcess) -> None:
    async with http_session(mcp_url(live_server), live_server.api_key) as client:
        search = await client.call_tool(
            "search_health_knowledge", {"query": "asthma triggers", "limit": 3}
        )
        cleaned = await client.call_tool(
            "deidentify_text", {"text": f"{NAME} (DOB 03/14/1951) has asthma, tel {PHONE}."}
        )
        topic = await client.read_resource("bondmcp://topics/asthma")
        prompt = await client.get_prompt("safe_health_answer", {"question": "Is a cough serious?"})

    hits = structured(search)["results"]
    assert 1 <= len(hits) <= 3
    assert hits[0]["source_id"].startswith("kb:asthma#")

    result = structured(cleaned)
    assert PHONE not in result["text"] and NAME not in result["text"]
    assert "[PHONE]" in result["text"] and "asthma" in result["text"]
    original = f"{NAME} (DOB 03/14/1951) has asthma, tel {PHONE}."
    assert {original[e["start"] : e["end"]] for e in result["entities"]} >= {NAME, PHONE}

    markdown = topic.contents[0]
    assert markdown.mime_type == "text/markdown"
    assert markdown.text.startswith("# Asthma") and "## Sources" in markdown.text

    message = prompt.messages[0].content
    assert message.type == "text"
    assert "Is a cough serious?" in message.text and "emergency" in message.text


async def test_bad_arguments_are_tool_errors_with_the_rest_codes(
    live_server: ServerProcess,
) -> None:
    async with http_session(mcp_url(live_server), live_server.api_key) as client:
        blank = await client.call_tool("ask_health_question", {"query": "   "})
        too_many = await client.call_tool("search_health_knowledge", {"query": "flu", "limit": 21})
        secret = "x" * 4001
        too_long = await client.call_tool("ask_health_question", {"query": secret})

    assert blank.is_error
    error = structured(blank)["error"]
    assert (error["code"], error["type"], error["param"]) == (
        "invalid_request",
        "invalid_request_error",
        "query",
    )
    assert error["request_id"].startswith("req_")
    assert text_of(blank).startswith("Error invalid_request")

    assert too_many.is_error
    assert structured(too_many)["error"]["param"] == "limit"
    # The message names the field but never repeats the caller's text.
    assert too_long.is_error and "xxxx" not in text_of(too_long)


async def test_the_endpoint_needs_an_api_key(live_server: ServerProcess) -> None:
    missing = raw_post(live_server, None)
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "missing_api_key"
    assert missing.headers["www-authenticate"] == "Bearer"

    wrong = raw_post(live_server, "bmcp_dev_" + "x" * 40)
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_api_key"

    with pytest.raises(BaseException) as refused:
        async with http_session(mcp_url(live_server), None) as client:
            await client.list_tools()
    assert any(isinstance(e, MCPError) for e in flatten(refused.value))


def test_posts_to_exactly_mcp_are_served_without_a_redirect(live_server: ServerProcess) -> None:
    response = raw_post(live_server, live_server.api_key)
    # The MCP layer itself answers (a JSON-RPC error for this empty body), not a 307 to /mcp/.
    assert response.status_code == 400
    assert "location" not in response.headers
    assert response.json()["jsonrpc"] == "2.0"


def test_no_stream_or_session_methods_are_offered(live_server: ServerProcess) -> None:
    headers = {"Authorization": f"Bearer {live_server.api_key}", "Accept": "text/event-stream"}
    for method in ("GET", "DELETE"):
        response = httpx.request(method, mcp_url(live_server), headers=headers, timeout=5)
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "method_not_allowed"
        assert response.headers["allow"] == "POST"


def test_keys_without_the_ask_scope_are_refused(live_server: ServerProcess) -> None:
    admin_only = create_key(live_server.env, "--scope", "admin", name="admin-only")
    response = raw_post(live_server, str(admin_only["key"]))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "insufficient_scope"


async def test_the_rate_limit_of_the_key_applies(live_server: ServerProcess) -> None:
    limited = create_key(live_server.env, "--rate-limit", "3/minute", name="limited")
    key = str(limited["key"])
    async with http_session(mcp_url(live_server), key) as client:
        # Connecting, the call and the client's tool listing are the three allowed requests.
        first = await client.call_tool("search_health_knowledge", {"query": "flu"})
        assert not first.is_error
        with pytest.raises(MCPError):
            await client.call_tool("search_health_knowledge", {"query": "flu"})

    refused = raw_post(live_server, key)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused.headers["retry-after"]) <= 60
    assert refused.headers["x-ratelimit-limit"] == "3"


async def test_the_server_log_never_holds_the_question(live_server: ServerProcess) -> None:
    async with http_session(mcp_url(live_server), live_server.api_key) as client:
        result = await client.call_tool("ask_health_question", {"query": PHI_QUESTION})
    assert structured(result)["in_scope"] is True
    log = live_server.log()
    assert PHONE not in log and NAME not in log
    assert "What causes asthma" not in log
