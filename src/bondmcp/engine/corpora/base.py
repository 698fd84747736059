"""What every corpus parser returns, and the errors it raises.

Parsers are pure functions from files on disk to passages. They never write anything and
know nothing of the store or the server, so the same parser serves the CLI, tests and
benchmarks. Besides the passages they report what they left out and why, because an
operator importing a public data set should be able to see (and question) every rule
that dropped content.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bondmcp.engine.passages import Passage

#: ``progress(done, total)``: called as a parser works through its input, so a caller can
#: draw a progress bar. Units are the parser's own (files for MedQuAD, bytes for MedlinePlus).
Progress = Callable[[int, int], None]


class CorpusError(ValueError):
    """The input cannot be imported. The message names the file and says what is wrong."""


@dataclass(frozen=True, slots=True)
class Flagged:
    """A unit of content left out on purpose, with the rule that left it out."""

    source_id: str
    reason: str
    detail: str = ""


@dataclass(slots=True)
class ParsedCorpus:
    """Passages plus an account of everything that did not become one.

    ``categories`` maps a passage's ``source_id`` to a coarse grouping (the NIH collection
    for MedQuAD, the first MedlinePlus topic group) that ``kb stats`` reports. It lives
    beside the passages rather than on them because :class:`Passage` is the engine's
    retrieval unit and has no use for it.
    """

    passages: list[Passage] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    flagged: list[Flagged] = field(default_factory=list)
    #: Published ids that were ambiguous and were replaced: ``(published id, id used)``.
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, reason: str, source_id: str | None = None, detail: str = "") -> None:
        self.skipped[reason] += 1
        if source_id is not None:
            self.flagged.append(Flagged(source_id, reason, detail))


def clean_text(text: str) -> str:
    """Collapse every run of whitespace (newlines, tabs, indentation) to one space."""
    return " ".join(text.split())
