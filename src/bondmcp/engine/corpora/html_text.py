"""Turn the small HTML subset of MedlinePlus summaries into headed blocks of plain text.

MedlinePlus ``full-summary`` elements hold escaped HTML: paragraphs, lists, ``h3``
question headings, links and emphasis. We keep the words and the block structure
(paragraph, list item, heading) and drop the markup, scripts and credit lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from bondmcp.engine.corpora.base import clean_text

BlockKind = Literal["heading", "paragraph", "item"]

_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style"})
#: Older files end a summary with a short credit paragraph such as ``<p style="...">NIH:
#: National Cancer Institute</p>`` (newer ones may mark it ``class="attribution"``). It names
#: the page's source, which the passage's publisher already records; it is not content.
_CREDIT_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._kind: BlockKind = "paragraph"
        self._credit = False
        self._skip_depth = 0

    def _flush(self) -> None:
        text = clean_text("".join(self._buffer))
        self._buffer = []
        credit = self._credit and len(text.split()) < _CREDIT_MAX_WORDS
        if text and not credit:
            self.blocks.append(Block(self._kind, text))
        self._kind = "paragraph"
        self._credit = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
            return
        if tag not in _BLOCK_TAGS:
            return
        if tag == "br":
            self._buffer.append(" ")
            return
        self._flush()
        if tag in _HEADINGS:
            self._kind = "heading"
        elif tag == "li":
            self._kind = "item"
        elif tag == "p":
            values = dict(attrs)
            self._credit = "attribution" in (values.get("class") or "") or "style" in values

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS and tag != "br":
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._buffer.append(data)


def html_blocks(html: str) -> list[Block]:
    """The text blocks of an HTML fragment, in document order."""
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def as_sentence(text: str) -> str:
    """A list item as a sentence of its own, so sentence splitting keeps items apart."""
    return text if text.endswith((".", "!", "?", ":", ";")) else f"{text}."
