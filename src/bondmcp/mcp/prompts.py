"""The prompt: how to answer a health question safely with these tools.

Hosts offer prompts to their users as ready-made instructions (a slash command, say). This one
asks the model to do what the REST answer already does by construction: emergency guidance
first, nothing beyond what the cited sources say, and no pretence of being medical advice.
"""

from __future__ import annotations

from typing import Annotated

from mcp.server.mcpserver import MCPServer, UserMessage
from pydantic import Field

from bondmcp.mcp.server import McpState

PROMPT_NAME = "safe_health_answer"

SAFE_ANSWER_STYLE = """\
Answer the health question below for a member of the public, using the BondMCP tools.

1. Call ask_health_question with the question. Use search_health_knowledge when you need more \
detail than its answer gives.
2. If triage is "emergency" or "urgent", start with that guidance, including the emergency \
number, before anything else. Do not soften or delay it.
3. Say only what the returned sources say, and cite every point with the source's title and \
URL. If the question is out of scope, the confidence is low, or the tool says it has no \
reliable information, say that plainly and suggest a doctor, nurse or pharmacist; do not fill \
the gap from memory.
4. Do not give medicine doses or diagnose this particular person: point them to a pharmacist \
or their prescriber.
5. If the question contains names, dates of birth, phone numbers or other identifiers, do not \
repeat them; deidentify_text can remove them from text you need to keep.
6. End by saying that this is general health information, not medical advice, and does not \
replace a health professional.

Question: {question}\
"""


def safe_health_answer(
    question: Annotated[str, Field(description="The person's health question.")],
) -> list[UserMessage]:
    return [UserMessage(SAFE_ANSWER_STYLE.format(question=question.strip()))]


def register(server: MCPServer[McpState]) -> None:
    server.prompt(
        name=PROMPT_NAME,
        title="Safe health answer",
        description=(
            "Answer a health question from cited sources only: emergency guidance first, "
            "sources with URLs, no doses or diagnosis, and a not-medical-advice note."
        ),
    )(safe_health_answer)
