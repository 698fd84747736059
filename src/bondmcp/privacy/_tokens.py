"""Words of a text with their offsets and the few facts the name rules ask about each.

Computed once per text so that every rule reads attributes instead of re-slicing the text;
this keeps name finding linear in the length of the input.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A particle glued to a capitalised name: "al-Rashid", "O'Brien", "McDonald" start a name too.
_PARTICLE_CAP = re.compile(
    r"(?:al|el|bin|ibn|abu|ben|de|da|di|du|van|von|le|la|d|o|mc|mac)[-'’][A-Z]"
)
_SENTENCE_END = frozenset(".!?\n:;•-–—*>")
_POSSESSIVE = ("'s", "’s", "'S", "’S")


class Token:
    """One word. ``end`` excludes a possessive "'s", which is not part of the name."""

    __slots__ = (
        "cap",
        "end",
        "gap",
        "lower",
        "possessive",
        "sentence_start",
        "start",
        "text",
        "upper",
    )

    def __init__(self, word: str, start: int, end: int, gap: str, sentence_start: bool) -> None:
        possessive = word.endswith(_POSSESSIVE)
        base = word[:-2] if possessive else word
        self.start = start
        self.end = end - 2 if possessive else end
        self.text = base
        # Lower case without accents, for the word lists: "José" is "jose", "Ménière" "meniere".
        self.lower = _fold(base.lower())
        self.cap = base[:1].isupper() or (
            base[:1].islower() and _PARTICLE_CAP.match(base) is not None
        )
        self.upper = len(base) > 1 and base.isupper()
        self.possessive = possessive
        self.sentence_start = sentence_start
        self.gap = gap  # the text between the previous word and this one

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def _fold(lower: str) -> str:
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        start = match.start()
        gap = text[previous_end:start]
        before = gap.rstrip(" \t\"'“(")
        sentence_start = before[-1] in _SENTENCE_END if before else not tokens
        token = Token(match.group(0), start, match.end(), gap, sentence_start)
        tokens.append(token)
        previous_end = token.end
    return tokens
