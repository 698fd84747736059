"""MedlinePlus health topics (NLM's ``mplus_topics_YYYY-MM-DD.xml``) as passages.

The file's shape::

    <health-topics total="1017" date-generated="05/02/2024 02:30:09">
      <health-topic title="Asthma" url="https://medlineplus.gov/asthma.html" id="212"
                    language="English" date-created="10/22/2001" meta-desc="...">
        <also-called>Bronchial asthma</also-called>
        <full-summary>&lt;p&gt;Asthma is a chronic disease ...&lt;/p&gt;&lt;h3&gt;What
          causes asthma?&lt;/h3&gt;...</full-summary>
        <group url="..." id="...">Lungs and Breathing</group>
        <language-mapped-topic ...>Asma</language-mapped-topic>
        <mesh-heading>...</mesh-heading> <related-topic>...</related-topic> <site>...</site>
      </health-topic>
    </health-topics>

We take English topics only, and from each only what NLM publishes as public domain and what
we need: title, ``also-called`` names (aliases), URL, creation date and the ``full-summary``.
Site links, their descriptions and related topics are left alone: they describe other
publishers' pages.

A summary becomes one passage per section. Newer summaries are written as questions under
``h3`` headings ("What causes asthma?"); each heading is mapped to a section with the same
intent detector the engine uses on questions, and the heading becomes the passage's
``question``. Text before any heading is the overview. A heading with no recognisable intent
continues the current section; two headings that map to one section share a passage. Older
summaries without headings become a single overview passage.

Every passage carries the credit line NLM asks for: "Courtesy of MedlinePlus from the
National Library of Medicine".
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO

from bondmcp.engine.corpora.base import CorpusError, ParsedCorpus, Progress, clean_text
from bondmcp.engine.corpora.html_text import as_sentence, html_blocks
from bondmcp.engine.intent import detect_intent
from bondmcp.engine.passages import Passage

ORIGIN = "medlineplus"
PUBLISHER = "MedlinePlus, U.S. National Library of Medicine"
CREDIT = "Courtesy of MedlinePlus from the National Library of Medicine"
LICENSE = "Public domain (U.S. government work); credit requested by NLM"


def attribution_for(date_created: str | None) -> str:
    """NLM's credit line, with the topic's date so a reader can judge its age."""
    return f"{CREDIT} (topic created {date_created})." if date_created else f"{CREDIT}."


def read_medlineplus(path: Path, progress: Progress | None = None) -> ParsedCorpus:
    """Parse a MedlinePlus health-topics XML file; ``progress`` counts bytes read."""
    path = Path(path)
    result = ParsedCorpus()
    try:
        total = path.stat().st_size
        with path.open("rb") as raw:
            reader = _CountingReader(raw, total, progress)
            _parse_topics(path, reader, result)
    except ET.ParseError as exc:
        raise CorpusError(f"{path}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return result


def load_medlineplus(path: Path) -> list[Passage]:
    """The passages of a MedlinePlus health-topics XML file (English topics only)."""
    return read_medlineplus(path).passages


class _CountingReader:
    """A binary file wrapper that reports how far the XML parser has read."""

    def __init__(self, raw: IO[bytes], total: int, progress: Progress | None) -> None:
        self._raw = raw
        self._total = total
        self._progress = progress
        self._done = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._done += len(data)
        if self._progress is not None:
            self._progress(min(self._done, self._total), self._total)
        return data


def _parse_topics(path: Path, reader: _CountingReader, result: ParsedCorpus) -> None:
    root: ET.Element | None = None
    # The standard parser is deliberate (no new dependency): the file is one an operator chose
    # to import, ElementTree never fetches external entities, and expat >= 2.4 caps entity
    # expansion, which is what defusedxml would otherwise add.
    events = ET.iterparse(reader, events=("start", "end"))  # noqa: S314
    for event, element in events:
        if root is None:
            root = element
            if root.tag != "health-topics":
                raise CorpusError(
                    f"{path}: root element <{root.tag}> is not <health-topics>; "
                    "expected NLM's MedlinePlus health-topics XML file"
                )
            continue
        if event == "end" and element.tag == "health-topic":
            _read_topic(element, result)
            root.clear()  # keep memory flat: finished topics are not needed again
    if root is None:
        raise CorpusError(f"{path}: empty file")


def _iso_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%m/%d/%Y").date().isoformat()
    except ValueError:
        return value


def _topic_key(topic: ET.Element, url: str) -> str:
    key = (topic.get("id") or "").strip()
    if key:
        return key
    return re.sub(r"[^a-z0-9]+", "-", url.lower().rsplit("/", 1)[-1].removesuffix(".html"))


def _read_topic(topic: ET.Element, result: ParsedCorpus) -> None:
    title = clean_text(topic.get("title") or "")
    url = (topic.get("url") or "").strip()
    language = (topic.get("language") or "English").strip().lower()
    if language != "english":
        result.skip("not_english")
        return
    if not title or not url:
        result.skip("missing_title_or_url")
        return
    summary = topic.find("full-summary")
    html = ""
    if summary is not None:
        # Normally escaped HTML text; tolerate the markup arriving as real child elements.
        html = (summary.text or "") + "".join(
            ET.tostring(child, encoding="unicode") for child in summary
        )
    sections = _sections(html)
    if not sections:
        result.skip("empty_summary")
        return
    key = _topic_key(topic, url)
    aliases = tuple(
        dict.fromkeys(
            name
            for name in (clean_text("".join(el.itertext())) for el in topic.findall("also-called"))
            if name and name.lower() != title.lower()
        )
    )
    group = topic.find("group")
    category = clean_text("".join(group.itertext())) if group is not None else ""
    attribution = attribution_for(_iso_date(topic.get("date-created") or ""))
    for section, (question, text) in sections.items():
        source_id = f"medlineplus:{key}#{section}"
        result.passages.append(
            Passage(
                source_id=source_id,
                topic_id=f"medlineplus:{key}",
                title=title,
                section=section,
                text=text,
                url=url,
                publisher=PUBLISHER,
                aliases=aliases,
                attribution=attribution,
                origin=ORIGIN,
                question=question,
            )
        )
        result.categories[source_id] = category or "MedlinePlus"


def _sections(html: str) -> dict[str, tuple[str | None, str]]:
    """Section key → (the heading that opened it, its text), in first-appearance order."""
    current = "overview"
    questions: dict[str, str | None] = {}
    texts: dict[str, list[str]] = {}
    for block in html_blocks(html):
        if block.kind == "heading":
            current = detect_intent(block.text) or current
            questions.setdefault(current, block.text)
            continue
        questions.setdefault(current, None)
        texts.setdefault(current, []).append(
            as_sentence(block.text) if block.kind == "item" else block.text
        )
    return {
        section: (questions.get(section), " ".join(parts))
        for section, parts in texts.items()
        if parts
    }
