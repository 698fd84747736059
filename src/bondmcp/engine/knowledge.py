"""The built-in knowledge base: one Markdown file per topic, validated on load.

Topics are written by us, in our own words, from authoritative public sources whose
URLs they cite. Each file is human-reviewable: YAML front matter for the metadata and
fixed ``##`` headings for the sections. Every section becomes one retrievable passage,
so the answer composer can quote whole sentences and cite exactly where they came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

TOPICS_DIR = Path(__file__).parent / "topics"

#: Canonical section keys, in the order they must appear, with their headings.
SECTIONS: dict[str, str] = {
    "overview": "Overview",
    "symptoms": "Symptoms",
    "causes": "Causes",
    "risk_factors": "Risk factors",
    "diagnosis": "Diagnosis",
    "treatment": "Treatment",
    "prevention": "Prevention",
    "when_to_seek_care": "When to seek care",
}
_HEADING_TO_KEY = {heading.lower(): key for key, heading in SECTIONS.items()}

KINDS = (
    "condition",
    "symptom",
    "test",
    "screening",
    "vaccine",
    "medication",
    "first-aid",
    "lifestyle",
)

CATEGORIES = (
    "heart-and-circulation",
    "lungs-and-breathing",
    "diabetes-and-hormones",
    "kidneys-and-urinary",
    "blood",
    "digestive",
    "bones-joints-muscles",
    "brain-and-nerves",
    "skin-hair-nails",
    "eyes-ears-mouth",
    "infections",
    "allergies-and-immune",
    "cancer",
    "mental-health",
    "womens-health",
    "mens-health",
    "childrens-health",
    "symptoms",
    "lab-tests",
    "screening-and-vaccines",
    "medications",
    "first-aid",
    "lifestyle",
)

#: Publishers we cite. A source URL must be https on one of these domains (or a subdomain).
TRUSTED_DOMAINS = (
    "medlineplus.gov",
    "cdc.gov",
    "nih.gov",
    "nhs.uk",
    "who.int",
    "uspreventiveservicestaskforce.org",
)

#: libyaml's safe loader when available: parsing every topic at start-up is 5x faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])")
_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)


class KnowledgeBaseError(ValueError):
    """A topic file does not follow the knowledge-base format."""


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    publisher: str
    url: str


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    kind: str
    category: str
    aliases: tuple[str, ...]
    reviewed: dt.date
    sources: tuple[Source, ...]
    sections: dict[str, str] = field(hash=False, compare=False)


#: Abbreviations whose final period does not end a sentence.
_ABBREVIATIONS = (
    "U.S.",
    "U.K.",
    "e.g.",
    "i.e.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "St.",
    "vs.",
    "etc.",
    "approx.",
    "No.",
)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences on terminal punctuation followed by a capital or digit."""
    text = " ".join(text.split())
    sentences: list[str] = []
    for piece in _SENTENCE_END_RE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _fail(path: Path, message: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(f"{path.name}: {message}")


def _parse_sections(path: Path, body: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    order: list[str] = []
    for line in body.splitlines():
        if line.startswith("#"):
            if not line.startswith("## "):
                raise _fail(path, f"only '## ' section headings are allowed, found {line!r}")
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            heading = line[3:].strip().lower()
            key = _HEADING_TO_KEY.get(heading)
            if key is None:
                raise _fail(path, f"unknown section heading {line[3:].strip()!r}")
            if key in sections or key == current:
                raise _fail(path, f"duplicate section {SECTIONS[key]!r}")
            current, lines = key, []
            order.append(key)
        elif current is None:
            if line.strip():
                raise _fail(path, "text before the first section heading")
        else:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    canonical = [k for k in SECTIONS if k in sections]
    if order != canonical:
        raise _fail(
            path, "sections are not in the canonical order: " + ", ".join(SECTIONS.values())
        )
    return sections


def _validate_section(path: Path, key: str, text: str) -> None:
    name = SECTIONS[key]
    if not text:
        raise _fail(path, f"section {name!r} is empty")
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("-", "*", "+", "|", ">")) or re.match(r"\d+\.\s", stripped):
            raise _fail(path, f"section {name!r} must be prose, not lists, tables or quotes")
    if "http://" in text or "https://" in text:
        raise _fail(path, f"section {name!r} contains a URL; cite sources in the front matter")
    sentences = split_sentences(text)
    if not 2 <= len(sentences) <= 10:
        raise _fail(path, f"section {name!r} has {len(sentences)} sentences; write 2 to 10")
    if len(text) > 1800:
        raise _fail(path, f"section {name!r} is {len(text)} characters; keep it under 1800")


def _validate_source(path: Path, raw: object) -> Source:
    if not isinstance(raw, dict) or set(raw) != {"title", "publisher", "url"}:
        raise _fail(path, "each source needs exactly: title, publisher, url")
    values = {k: raw[k] for k in ("title", "publisher", "url")}
    if not all(isinstance(v, str) and v.strip() for v in values.values()):
        raise _fail(path, "source title, publisher and url must be non-empty strings")
    url = urlparse(values["url"])
    if url.scheme != "https" or not url.hostname:
        raise _fail(path, f"source URL must be https: {values['url']}")
    host = url.hostname
    if not any(host == d or host.endswith("." + d) for d in TRUSTED_DOMAINS):
        raise _fail(
            path, f"source {host} is not a trusted publisher ({', '.join(TRUSTED_DOMAINS)})"
        )
    return Source(**values)


def parse_topic(path: Path) -> Topic:
    """Parse and validate one topic file; raise :class:`KnowledgeBaseError` naming the problem."""
    match = _FRONT_MATTER_RE.match(path.read_text(encoding="utf-8"))
    if match is None:
        raise _fail(path, "missing YAML front matter between '---' lines")
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise _fail(path, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise _fail(path, "front matter must be a mapping")
    required = {"id", "title", "kind", "category", "aliases", "reviewed", "sources"}
    if missing := required - set(meta):
        raise _fail(path, f"front matter is missing {sorted(missing)}")
    if extra := set(meta) - required:
        raise _fail(path, f"front matter has unknown keys {sorted(extra)}")
    topic_id = meta["id"]
    if not isinstance(topic_id, str) or not _ID_RE.match(topic_id):
        raise _fail(path, f"id {topic_id!r} must be a lowercase slug")
    if path.stem != topic_id:
        raise _fail(path, f"file name must be {topic_id}.md")
    if not isinstance(meta["title"], str) or not meta["title"].strip():
        raise _fail(path, "title must be a non-empty string")
    if meta["kind"] not in KINDS:
        raise _fail(path, f"kind must be one of {KINDS}")
    if meta["category"] not in CATEGORIES:
        raise _fail(path, f"category must be one of {CATEGORIES}")
    aliases = meta["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise _fail(path, "aliases must be a list of non-empty strings")
    reviewed = meta["reviewed"]
    if not isinstance(reviewed, dt.date):
        raise _fail(path, "reviewed must be a date (YYYY-MM-DD)")
    sources_raw = meta["sources"]
    if not isinstance(sources_raw, list) or not 1 <= len(sources_raw) <= 5:
        raise _fail(path, "sources must list 1 to 5 sources")
    sources = tuple(_validate_source(path, s) for s in sources_raw)

    sections = _parse_sections(path, match.group(2))
    for key, text in sections.items():
        _validate_section(path, key, text)
    required_sections = (
        set(SECTIONS) if meta["kind"] == "condition" else {"overview", "when_to_seek_care"}
    )
    if missing_sections := required_sections - set(sections):
        names = [SECTIONS[k] for k in SECTIONS if k in missing_sections]
        raise _fail(path, f"missing sections {names}")
    if len(sections) < 3:
        raise _fail(path, "write at least three sections")
    return Topic(
        id=topic_id,
        title=meta["title"].strip(),
        kind=meta["kind"],
        category=meta["category"],
        aliases=tuple(a.strip() for a in aliases),
        reviewed=reviewed,
        sources=sources,
        sections=sections,
    )


def load_topics(paths: Iterable[Path] | None = None) -> list[Topic]:
    """Load every topic (the built-in set by default), rejecting duplicate ids and aliases."""
    files = sorted(paths) if paths is not None else sorted(TOPICS_DIR.glob("*.md"))
    topics: list[Topic] = []
    seen: dict[str, str] = {}
    names: dict[str, str] = {}
    for path in files:
        topic = parse_topic(path)
        if topic.id in seen:
            raise _fail(path, f"duplicate id {topic.id!r}")
        seen[topic.id] = path.name
        # A name (title or alias) must point at one topic, or alias matching is ambiguous.
        for name in {_name_key(n) for n in (topic.title, *topic.aliases)}:
            owner = names.setdefault(name, topic.id)
            if owner != topic.id:
                raise _fail(path, f"alias {name!r} also names topic {owner!r}")
        topics.append(topic)
    return topics


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def main() -> None:
    """``python -m bondmcp.engine.knowledge``: validate every built-in topic file."""
    import sys

    errors = []
    count = 0
    for path in sorted(TOPICS_DIR.glob("*.md")):
        try:
            parse_topic(path)
            count += 1
        except KnowledgeBaseError as exc:
            errors.append(str(exc))
    if not errors:
        try:
            load_topics()
        except KnowledgeBaseError as exc:
            errors.append(str(exc))
            count -= 1
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{count} valid topics, {len(errors)} invalid")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
