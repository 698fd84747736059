"""`bondmcp mcp`: the MCP server over stdio, spawned the way a desktop client spawns it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import bondmcp_env, run_cli
from tests.mcp.conftest import NAME, PHI_QUESTION, PHONE, stdio_session, structured, text_of


async def test_serves_the_tools_with_protocol_alone_on_stdout(tmp_path: Path) -> None:
    received: list[Any] = []
    stderr = tmp_path / "stderr.log"
    with stderr.open("w") as errlog:
        async with stdio_session(tmp_path / "data", errlog, received) as client:
            tools = {tool.name for tool in (await client.list_tools()).tools}
            result = await client.call_tool("ask_health_question", {"query": PHI_QUESTION})

    assert tools == {"ask_health_question", "search_health_knowledge", "deidentify_text"}
    answer = structured(result)
    assert not result.is_error and answer["triage"] == "routine"
    assert "asthma" in answer["answer"].lower()
    assert answer["request_id"] is None and answer["id"] is None  # no HTTP request behind it
    # A line on stdout that is not a protocol message would reach the client as an exception.
    assert not [m for m in received if isinstance(m, Exception)]
    # Logs went to stderr, and they never quote the question.
    log = stderr.read_text()
    assert "MCP server on stdio" in log
    assert "mcp_tool=ask_health_question outcome=ok" in log
    assert f"query_length={len(PHI_QUESTION)}" in log
    assert PHONE not in log and NAME not in log and "asthma" not in log


async def test_search_deidentify_resources_and_prompt(tmp_path: Path) -> None:
    with (tmp_path / "stderr.log").open("w") as errlog:
        async with stdio_session(tmp_path / "data", errlog) as client:
            search = await client.call_tool(
                "search_health_knowledge", {"query": "how is type 2 diabetes treated", "limit": 2}
            )
            cleaned = await client.call_tool("deidentify_text", {"text": f"Call {PHONE} today"})
            resources = (await client.list_resources()).resources
            index = await client.read_resource("bondmcp://topics")
            prompts = (await client.list_prompts()).prompts

    hits = structured(search)["results"]
    assert len(hits) == 2 and all(h["url"].startswith("https://") for h in hits)
    assert "diabetes" in hits[0]["title"].lower()

    assert structured(cleaned)["text"] == "Call [PHONE] today"
    assert structured(cleaned)["entities"] == [{"type": "phone", "start": 5, "end": 17}]
    assert text_of(cleaned).startswith("Call [PHONE] today")

    uris = {str(r.uri) for r in resources}
    assert {"bondmcp://topics", "bondmcp://topics/asthma", "bondmcp://topics/migraine"} <= uris
    assert len(uris) > 200
    assert "(bondmcp://topics/asthma)" in index.contents[0].text
    assert [p.name for p in prompts] == ["safe_health_answer"]
    assert [a.name for a in prompts[0].arguments or []] == ["question"]


async def test_errors_carry_the_rest_codes(tmp_path: Path) -> None:
    with (tmp_path / "stderr.log").open("w") as errlog:
        async with stdio_session(tmp_path / "data", errlog) as client:
            missing = await client.call_tool("ask_health_question", {})
            bad_locale = await client.call_tool(
                "ask_health_question", {"query": "flu", "locale": "fr"}
            )
            unknown = await client.call_tool("diagnose_me", {"query": "flu"})

    assert missing.is_error
    assert structured(missing)["error"]["code"] == "invalid_request"
    assert structured(missing)["error"]["param"] == "query"
    assert structured(bad_locale)["error"]["param"] == "locale"
    assert unknown.is_error and structured(unknown)["error"]["code"] == "not_found"


def test_an_unusable_data_directory_stops_it_with_a_message(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "data"
    not_a_directory.write_text("")
    result = run_cli("mcp", env=bondmcp_env(not_a_directory), check=False)
    assert result.returncode == 2
    assert "cannot open the data directory" in result.stderr
    assert result.stdout == ""
