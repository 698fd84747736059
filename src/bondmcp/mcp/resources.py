"""Resources: every knowledge-base topic as Markdown, and an index of them.

A client can attach a whole topic to a conversation (``bondmcp://topics/asthma``) instead of
asking questions about it one by one. The Markdown keeps the section headings and lists the
sources with their URLs, and names each section's ``source_id`` so a model can cite a topic it
read the same way it cites an answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.resources import TextResource

from bondmcp.engine.knowledge import SECTIONS, Topic, load_topics
from bondmcp.mcp.server import McpState

TOPIC_URI = "bondmcp://topics/{id}"
INDEX_URI = "bondmcp://topics"
MARKDOWN = "text/markdown"


def topic_uri(topic_id: str) -> str:
    return TOPIC_URI.format(id=topic_id)


def render_topic(topic: Topic) -> str:
    lines = [
        f"# {topic.title}",
        "",
        f"Kind: {topic.kind}. Category: {topic.category}. Reviewed: {topic.reviewed.isoformat()}.",
    ]
    if topic.aliases:
        lines.append("Also called: " + ", ".join(topic.aliases) + ".")
    for key, text in topic.sections.items():
        lines += ["", f"## {SECTIONS[key]}", "", " ".join(text.split()), ""]
        lines.append(f"Cite as `kb:{topic.id}#{key}`.")
    lines += ["", "## Sources", ""]
    lines += [f"- [{s.title}]({s.url}), {s.publisher}" for s in topic.sources]
    lines += [
        "",
        "This is general health education, not medical advice. It does not replace a "
        "consultation with a qualified health professional.",
    ]
    return "\n".join(lines) + "\n"


def render_index(topics: Iterable[Topic]) -> str:
    by_category: dict[str, list[Topic]] = {}
    for topic in topics:
        by_category.setdefault(topic.category, []).append(topic)
    lines = [
        "# BondMCP knowledge base",
        "",
        "Each topic is a resource at `bondmcp://topics/{id}`.",
    ]
    for category in sorted(by_category):
        lines += ["", f"## {category.replace('-', ' ').capitalize()}", ""]
        for topic in sorted(by_category[category], key=lambda t: t.title.lower()):
            lines.append(f"- [{topic.title}]({topic_uri(topic.id)}) ({topic.kind})")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _topics() -> tuple[Topic, ...]:
    return tuple(load_topics())


def register(server: MCPServer[McpState]) -> None:
    topics = _topics()
    server.add_resource(
        TextResource(
            uri=INDEX_URI,
            name="topics",
            title="Knowledge-base topics",
            description=f"Index of the {len(topics)} topics, by category, with their URIs.",
            mime_type=MARKDOWN,
            text=render_index(topics),
        )
    )
    for topic in topics:
        server.add_resource(
            TextResource(
                uri=topic_uri(topic.id),
                name=topic.id,
                title=topic.title,
                description=(
                    f"{topic.title} ({topic.kind}): "
                    + ", ".join(SECTIONS[k].lower() for k in topic.sections)
                    + "."
                ),
                mime_type=MARKDOWN,
                text=render_topic(topic),
            )
        )
