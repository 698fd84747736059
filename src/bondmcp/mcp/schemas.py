"""Argument and result types of the MCP tools.

Their JSON schemas are what an MCP client (and the model behind it) reads to decide how to call a
tool, so every field carries a description. The shapes reuse the v1 wire types where REST has the
same thing (citations, evidence, search results), so the two interfaces never drift apart.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from bondmcp.privacy import ENTITY_TYPES
from bondmcp.types import Citation, Evidence, Query, Triage

#: Most passages one search returns over MCP (REST allows more; a model rarely needs them).
MAX_SEARCH_LIMIT = 20
#: Longest text ``deidentify_text`` accepts, in characters: the limit of ``/v1/deidentify``.
MAX_DEIDENTIFY_CHARS = 100_000

QueryArg = Annotated[
    Query,
    Field(
        description=(
            "The health question in plain language, as the person asked it "
            "(1 to 4000 characters), e.g. 'What are the early signs of a stroke?'."
        )
    ),
]
LocaleArg = Annotated[
    Literal["us", "gb", "eu"] | None,
    Field(
        description=(
            "Where the person is: us, gb or eu. Selects the emergency and crisis numbers in "
            "urgent guidance (911, 999 or 112). Omit to use the server default."
        )
    ),
]
SearchQueryArg = Annotated[
    Query,
    Field(description="What to look for: a question, a condition or symptom name, or keywords."),
]
LimitArg = Annotated[
    int,
    Field(ge=1, le=MAX_SEARCH_LIMIT, description="How many passages to return, 1 to 20."),
]
TextArg = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_DEIDENTIFY_CHARS,
        description="Free text that may contain personal identifiers, up to 100000 characters.",
    ),
]


class AskResult(BaseModel):
    """A grounded answer, in the fields of the REST ``AskResponse`` a model needs."""

    answer: str = Field(
        description="The answer. Every sentence is emergency guidance or quoted from a citation."
    )
    confidence: float = Field(
        ge=0.0,
        le=1.0,
        description="How well the sources ground the answer, 0 to 1; below about 0.35 it abstains.",
    )
    triage: Triage = Field(
        description="emergency or urgent: tell the person the guidance first. Otherwise routine."
    )
    in_scope: bool = Field(description="False when the question is not about health.")
    disclaimer: str = Field(description="Show this with the answer: it is not medical advice.")
    citations: list[Citation] = Field(description="The sources the answer quotes, with URLs.")
    evidence: list[Evidence] = Field(
        description="Each sentence of the answer with the source_id it was taken from."
    )
    kb_version: str = Field(description="Version of the knowledge base that answered.")
    request_id: str | None = Field(
        default=None, description="The HTTP request id, to quote when reporting a problem."
    )
    id: str | None = Field(
        default=None,
        description="Over HTTP, the answer's id: the response_id for POST /v1/feedback.",
    )


class SearchHit(BaseModel):
    """One passage, in the fields of the REST ``SearchResult``."""

    source_id: str = Field(description="Stable passage id (kb:<topic>#<section>) to cite.")
    title: str = Field(description="Topic and section, e.g. 'Asthma: Causes'.")
    section: str | None = Field(default=None, description="Section key, e.g. causes.")
    text: str = Field(description="The whole passage, a few sentences of prose.")
    url: str = Field(description="The public page the passage is written from.")
    publisher: str | None = Field(default=None, description="Who publishes that page.")
    score: float = Field(
        description="Relevance score; higher is better, comparable within one search."
    )


class SearchResults(BaseModel):
    results: list[SearchHit] = Field(description="Matching passages, best first; may be empty.")


class DeidentifiedEntity(BaseModel):
    type: str = Field(description="Identifier type: " + ", ".join(ENTITY_TYPES) + ".")
    start: int = Field(ge=0, description="Offset of its first character in the original text.")
    end: int = Field(ge=0, description="Offset just past its last character in the original text.")


class DeidentifyResult(BaseModel):
    """De-identified text; it never carries the identifiers themselves."""

    text: str = Field(description="The text with each identifier replaced by a tag like [NAME].")
    entities: list[DeidentifiedEntity] = Field(
        description="What was removed and where it was in the original text, in order."
    )
