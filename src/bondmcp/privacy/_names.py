"""Finding personal names in free text without a statistical model.

A name is recognised from two kinds of evidence. *Context*: a title ("Dr. Okafor"), an
introduction ("my name is ..."), a relation ("my daughter Emma"), a greeting, a signature, a form
label ("Patient: ..."). Context finds names that no list holds. *Lexicon*: a capitalised word that
is a known first name ("Emma has a fever"), or two capitalised words that look like a first name
and a surname. The lexicon finds names that no context announces.

Against that stand the words to keep: eponyms ("Parkinson disease", "Lou Gehrig's disease",
"Down syndrome"), drug and brand names, clinical and everyday words that start sentences or fill
headings. Names that are also ordinary words ("Will", "Grace", "Brown") are taken only from
context or beside another name part.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from . import _lexicon as lx
from . import _model as m
from ._patterns import P_NAME, Candidate

_EPONYM_WORDS = lx.STRONG_EPONYMS | lx.WEAK_EPONYMS
_CONTEXT_WORDS = lx.TITLES | lx.RELATIONS | lx.GREETINGS | lx.CLOSINGS | lx.NAME_PARTICLES
_CONTRACTION = re.compile(r"['’](?:m|ve|ll|re|d|t)$|n['’]t$")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SPACE_ONLY = re.compile(r"[ \t]+")
_MAX_NAME_TOKENS = 4

_EVERYDAY = lx.COMMON_WORDS | lx.CLINICAL_WORDS | lx.EPONYM_HEADS | lx.US_STATES
_FUNCTION = frozenset(
    "a an the and or but of to in on at for with from by as is was are were be been am i me my you"
    " your he him his she her it its we us our they them their this that these those who whom what"
    " which when where why how not no so if then than too very just also only here there".split()
)
# Words after which a capital letter is a label, not an initial ("hepatitis C", "type A").
_BEFORE_LETTER = lx.CLINICAL_WORDS | frozenset(
    "type stage grade class group factor part level phase plan section category option tier zone"
    " ward unit room bed vitamin hepatitis hep strep appendix schedule lot row seat gate exhibit"
    " figure table list item step box line blood cluster fraction".split()
)
# Verbs whose subject is a person rather than a drug or a disease ("Zoloft makes me..." is not).
_PERSON_VERBS = frozenset(
    "refuses refused keeps kept says said told tells wants wanted feels felt thinks thought complains"
    " complained reports reported denies denied lives lived works worked went goes cried cries sleeps"
    " slept ate eats walks walked fell falls forgot forgets remembers remembered asked asks woke wakes"
    " hates loves likes wonders believes insists screams screamed plays played passed died cannot can't"
    " won't doesn't didn't wasn't isn't hasn't hadn't refuses fainted collapsed vomited coughs coughed"
    " struggles struggled seems seemed looks looked sounds stays stayed lost gained weighs weighed"
    " drinks drank smokes smoked swims runs ran moved wrote writes called calls texted emailed"
    " mentioned noticed noticed started stopped began".split()
)
_LOWERCASE_TITLES = frozenset({"doctor", "nurse", "sister", "father", "professor", "madam"})
_CREDENTIALS = re.compile(
    r"\s*,?\s*(?:MD|M\.D\.|DO|RN|NP|PA|PA-C|PhD|Ph\.D\.|DNP|FNP|APRN|LPN|CNA|MSW|LCSW|PharmD|DDS|DMD|OD|DPM|"
    r"MBBS|FRCP|MRCP|Jr\.?|Sr\.?|II|III|IV)\b\.?"
)


class _Token:
    """A word of the text with what the rules ask about it, computed once."""

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

    def __init__(self, text: str, start: int, end: int, gap: str, sentence_start: bool) -> None:
        possessive = text.endswith(("'s", "’s", "'S", "’S"))
        base = text[:-2] if possessive else text
        self.start = start
        self.end = end - 2 if possessive else end
        self.text = base
        self.lower = base.lower()  # possessive stripped
        self.cap = base[:1].isupper()  # starts with an upper-case letter
        self.upper = len(base) > 1 and base.isupper()  # entirely upper case
        self.possessive = possessive
        self.sentence_start = sentence_start
        self.gap = gap  # the text between the previous token and this one


_SENTENCE_END = frozenset(".!?\n:;•-–—*>")


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        gap = text[previous_end:start]
        before = gap.rstrip(" \t\"'“(")
        if before:
            sentence_start = before[-1] in _SENTENCE_END
        else:
            sentence_start = not tokens and not gap.strip() if start < 8 else False
        token = _Token(match.group(0), start, match.end(), gap, sentence_start)
        tokens.append(token)
        previous_end = token.end
    return tokens


class _Finder:
    """Applies the context and lexicon rules over one text's tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.starts = [t.start for t in self.tokens]
        self.protected = self._eponyms()
        self.spans: list[tuple[int, int]] = []

    # -- token predicates ---------------------------------------------------------------------

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        if i <= 0 or i >= len(self.tokens):
            return ""
        return self.tokens[i].gap

    def spaced(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` after spaces only (no punctuation, no line break)."""
        gap = self.gap(i)
        if self.tokens[i - 1].possessive:
            return False
        return bool(_SPACE_ONLY.fullmatch(gap))

    def known_first(self, t: _Token) -> bool:
        return t.lower in lx.FIRST_NAMES

    def known_last(self, t: _Token) -> bool:
        return (
            t.lower in lx.SURNAMES
            or "-" in t.lower
            and all(p in lx.SURNAMES for p in t.lower.split("-"))
        )

    def known(self, t: _Token) -> bool:
        return self.known_first(t) or self.known_last(t)

    def everyday(self, t: _Token) -> bool:
        if t.lower in _EVERYDAY or _CONTRACTION.search(t.lower):
            return True
        return "-" in t.lower and all(p in _EVERYDAY for p in t.lower.split("-"))

    def initial(self, i: int) -> bool:
        """A single capital letter used as an initial ("J." or "J"), not "hepatitis C"."""
        t = self.tokens[i]
        if len(t.text) != 1 or not t.text.isupper():
            return False
        dotted = self.text[t.end : t.end + 1] == "."
        if t.text in {"I", "A"} and not dotted:
            return False
        if i > 0 and self.tokens[i - 1].lower in _BEFORE_LETTER and self.spaced(i):
            return False
        return True

    def plausible_in_context(
        self, i: int, *, allow_unknown_lower: bool, strong: bool = False
    ) -> bool:
        """Could token ``i`` be part of a name where the context announces one?

        ``strong`` contexts (a title) override an eponym reading unless a disease word follows:
        "Mrs. Thompson's daughter" is a person, "Dr. Down syndrome" is not a thing people write.
        """
        t = self.tokens[i]
        if t.lower in _FUNCTION or len(t.text) < 2:
            return False
        if i in self.protected and not (strong and not self.eponym_head_after(i)):
            return False
        if self.known(t) and not (t.lower in lx.COMMON_WORDS and not t.cap):
            return True
        if self.everyday(t):
            return False
        return t.cap or allow_unknown_lower

    # -- eponyms ------------------------------------------------------------------------------

    def _eponyms(self) -> set[int]:
        """Indexes of tokens used as part of an eponym ("Lou Gehrig's disease")."""
        protected: set[int] = set()
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            run = i
            while (
                run < len(tokens)
                and self._eponym_word(tokens[run])
                and (run == i or self.spaced_or_hyphen(run))
            ):
                run += 1
                if tokens[run - 1].possessive or self.text[
                    tokens[run - 1].end : tokens[run - 1].end + 1
                ] in ("'", "’"):
                    break
            if run > i:
                words = tokens[i:run]
                last = words[-1]
                followed_by_head = run < len(tokens) and tokens[run].lower in lx.EPONYM_HEADS
                apostrophe = last.possessive or self.text[last.end : last.end + 1] in ("'", "’")
                strong = any(self._strong(w) for w in words)
                if strong or followed_by_head or apostrophe:
                    protected.update(range(i, run))
                i = run
            else:
                i += 1
        return protected

    def eponym_head_after(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and self.tokens[i + 1].lower in lx.EPONYM_HEADS

    def spaced_or_hyphen(self, i: int) -> bool:
        return self.gap(i) in (" ", "-", "–")

    @staticmethod
    def _parts(t: _Token) -> list[str]:
        return [p.strip("'’") for p in re.split(r"[-]", t.lower) if p]

    def _strong(self, t: _Token) -> bool:
        if "-" not in t.lower:
            return t.lower.strip("'’") in lx.STRONG_EPONYMS
        return any(p in lx.STRONG_EPONYMS for p in self._parts(t))

    def _eponym_word(self, t: _Token) -> bool:
        if "-" not in t.lower:
            return t.lower.strip("'’") in _EPONYM_WORDS
        parts = self._parts(t)
        return bool(parts) and all(p in lx.STRONG_EPONYMS or p in lx.WEAK_EPONYMS for p in parts)

    # -- building spans -----------------------------------------------------------------------

    def extend(self, i: int, *, allow_lower: bool, allow_unknown_lower: bool = False) -> int:
        """Given a name starting at token ``i``, return the index after its last token."""
        j = i + 1
        count = 1
        n = len(self.tokens)
        while j < n and count < _MAX_NAME_TOKENS:
            t = self.tokens[j]
            gap = self.gap(j)
            prev = self.tokens[j - 1]
            after_initial = self.initial(j - 1) and gap in (". ", ".")
            if not (self.spaced(j) or after_initial or (gap == "-" and t.cap)):
                break
            if self.initial(j) and j + 1 < n and (self.cap_name_at(j + 1) or allow_lower):
                j += 1
                count += 1
                continue
            if t.lower in lx.NAME_PARTICLES and not t.cap and j + 1 < n and self.tokens[j + 1].cap:
                j += 1
                continue
            if prev.possessive:
                break
            if j in self.protected:
                break
            if t.cap or t.upper:
                if not (self.known(t) or not self.everyday(t)) or t.lower in _FUNCTION:
                    break
                if t.upper and not prev.upper and not self.known(t):
                    break  # "John MRN" - an acronym after a name
            elif allow_lower:
                if t.lower in _FUNCTION or (self.everyday(t) and not self.known(t)):
                    break
                if not (self.known(t) or allow_unknown_lower):
                    break
            else:
                break
            j += 1
            count += 1
        # A trailing initial is not part of the name ("Smith J" is rare, "Emma A" rarer).
        while (
            j - 1 > i
            and self.initial(j - 1)
            and not self.text[self.tokens[j - 1].end : self.tokens[j - 1].end + 1] == "."
        ):
            j -= 1
        return j

    def cap_name_at(self, i: int) -> bool:
        t = self.tokens[i]
        return (
            (t.cap or t.upper)
            and i not in self.protected
            and (self.known(t) or not self.everyday(t))
        )

    def add(self, i: int, j: int) -> None:
        if j > i:
            self.spans.append((self.tokens[i].start, self.tokens[j - 1].end))

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    # -- rules --------------------------------------------------------------------------------

    def run(self) -> list[tuple[int, int]]:
        self.titles()
        self.introductions()
        self.labels()
        self.relations()
        self.greetings()
        self.signatures()
        self.lexicon()
        self.person_subjects()
        self.possessive_relations()
        self.extend_left()
        self.propagate()
        return self.spans

    def person_subjects(self) -> None:
        """ "Tabitha refuses her pills": an unknown capitalised word doing what people do."""
        for i, t in enumerate(self.tokens[:-1]):
            if not t.cap or t.upper or len(t.text) < 3 or i in self.protected or t.possessive:
                continue
            if self.everyday(t) or t.lower in _CONTEXT_WORDS:
                continue
            if self.tokens[i + 1].lower in _PERSON_VERBS and self.spaced(i + 1):
                self.add(i, i + 1)

    def possessive_relations(self) -> None:
        """ "Sana's mom", "Harper's guardian": the owner of a relative is a person."""
        for i, t in enumerate(self.tokens[:-1]):
            if (
                not (t.possessive and t.cap and not t.upper)
                or i in self.protected
                or len(t.text) < 2
            ):
                continue
            if self.tokens[i + 1].lower in lx.RELATIONS and (self.known(t) or not self.everyday(t)):
                self.add(i, i + 1)

    def extend_left(self) -> None:
        """ "Hamish B. Yoshida": an unknown capitalised word right before a found name joins it."""
        starts = {self.token_at(start): (start, end) for start, end in self.spans}
        for i, (start, end) in starts.items():
            k = i
            while k > 0 and i - k < 2 and self.spaced(k):
                prev = self.tokens[k - 1]
                if not prev.cap or prev.upper or len(prev.text) < 2 or (k - 1) in self.protected:
                    break
                if self.everyday(prev) or prev.lower in _CONTEXT_WORDS:
                    break
                k -= 1
            if k < i:
                self.spans.append((self.tokens[k].start, end))

    def propagate(self) -> None:
        """A word found as a name elsewhere in the text is a name everywhere in it."""
        found: set[str] = set()
        for start, end in self.spans:
            for t in self.tokens[self.token_at(start) :]:
                if t.start >= end:
                    break
                if len(t.text) >= 2 and not self.everyday(t) and t.lower not in _CONTEXT_WORDS:
                    found.add(t.lower)
        if not found:
            return
        for i, t in enumerate(self.tokens):
            if t.lower in found and i not in self.protected:
                if t.cap or t.lower not in lx.AMBIGUOUS_FIRST_NAMES:
                    self.add(i, i + 1)

    def titles(self) -> None:
        tokens = self.tokens
        for i, t in enumerate(tokens[:-1]):
            if t.lower not in lx.TITLES:
                continue
            j = i + 1
            gap = self.gap(j)
            if gap not in (" ", ". ", ".", "  ", ".  "):
                continue
            if t.lower in _LOWERCASE_TITLES and not tokens[j].cap:
                continue
            if t.lower == "dr" and not t.cap and not tokens[j].cap and not self.known(tokens[j]):
                # "dr zielinski" is a name; "dr said" is not. Unknown lower-case words need a list.
                if self.everyday(tokens[j]) or tokens[j].lower in _FUNCTION:
                    continue
            if self.initial(j) and j + 1 < len(tokens):
                self.add(j, self.extend(j, allow_lower=not tokens[j + 1].cap))
                continue
            if not self.plausible_in_context(
                j,
                allow_unknown_lower=not t.cap or t.lower in ("mr", "mrs", "ms", "dr"),
                strong=True,
            ):
                continue
            self.add(
                j,
                self.extend(
                    j, allow_lower=not tokens[j].cap, allow_unknown_lower=not tokens[j].cap
                ),
            )

    _INTRO = re.compile(
        r"(?i)\b(?:my\s+name\s+is|my\s+name's|name\s+is|i\s+am\s+called|call\s+me|named|called|goes\s+by|known\s+as"
        r"|this\s+is|it's|it’s|its|i'm|i’m|im|i\s+am|me\s+llamo|je\s+m'appelle|ich\s+bin|mi\s+chiamo|meu\s+nome\s+é)\s+"
    )
    _STRONG_INTROS = (
        "name",
        "called",
        "call",
        "goes",
        "known",
        "llamo",
        "appelle",
        "chiamo",
        "nome",
        "named",
    )

    def introductions(self) -> None:
        for match in self._INTRO.finditer(self.text):
            i = self.token_at(match.end())
            if i >= len(self.tokens) or self.tokens[i].start != match.end():
                continue
            phrase = match.group(0).lower()
            strong = any(word in phrase for word in self._STRONG_INTROS)
            t = self.tokens[i]
            if strong:
                if not self.plausible_in_context(i, allow_unknown_lower=True):
                    continue
                self.add(i, self.extend(i, allow_lower=True, allow_unknown_lower=not t.cap))
                continue
            # "I'm Laura", "this is Maria", "its xiaoming": weaker cues, so the word must look
            # like a name: capitalised and not an everyday word, or a known first name.
            if t.cap and self.plausible_in_context(i, allow_unknown_lower=False) and not t.upper:
                self.add(i, self.extend(i, allow_lower=False))
            elif (
                not t.cap
                and self.known_first(t)
                and not self.everyday(t)
                and t.lower not in lx.AMBIGUOUS_FIRST_NAMES
            ):
                self.add(i, self.extend(i, allow_lower=True))
        # "Luna here", "eoin campbell here": a name that opens a message and announces itself.
        for i, t in enumerate(self.tokens):
            if t.lower != "here" or i == 0:
                continue
            k = i - 1
            while (
                k >= 0
                and i - k <= 3
                and self.plausible_in_context(k, allow_unknown_lower=self.known(self.tokens[k]))
            ):
                if self.tokens[k].sentence_start or (
                    k > 0 and self.tokens[k - 1].lower in lx.GREETINGS
                ):
                    if all(self.spaced(x) for x in range(k + 1, i)):
                        self.add(k, i)
                    break
                k -= 1

    _LABEL = re.compile(
        r"(?im)(?:^|(?<=[\n|;,.]))[ \t]*(?:patient(?:'s)?\s+name|full\s+name|first\s+name|last\s+name|surname|given\s+name"
        r"|name|patient|pt|emergency\s+contact|contact\s+person|contact|next\s+of\s+kin|guardian|parent|caregiver"
        r"|spouse|mother|father|insured|subscriber|policy\s*holder|signed|signature|e-signed|electronically\s+signed\s+by"
        r"|physician|provider|doctor|pcp|primary\s+(?:care\s+)?(?:physician|doctor|provider)|referring\s+(?:physician|provider|doctor)"
        r"|attending|nurse|author|from|to|cc|re|attn|attention|client|resident|member|beneficiary|sender|recipient)"
        r"[ \t]*(?::|-|=)[ \t]*"
    )

    def labels(self) -> None:
        for match in self._LABEL.finditer(self.text):
            i = self.token_at(match.end())
            if i >= len(self.tokens):
                continue
            # Skip a title ("Physician: Dr. Lee"): the title rule covers it.
            if self.tokens[i].lower in lx.TITLES:
                continue
            line_end = self.text.find("\n", match.end())
            line_end = len(self.text) if line_end < 0 else line_end
            if self.tokens[i].start >= line_end or self.tokens[i].start - match.end() > 2:
                continue
            if not self.plausible_in_context(i, allow_unknown_lower=True):
                continue
            j = self.extend(i, allow_lower=True, allow_unknown_lower=True)
            # "SMITH, JOHN" / "Smith, John A.": a comma between surname and given name.
            if (
                j < len(self.tokens)
                and self.gap(j) in (", ", ",")
                and self.tokens[j].start < line_end
            ):
                if self.plausible_in_context(j, allow_unknown_lower=True) and (
                    self.known(self.tokens[j]) or self.tokens[j].cap
                ):
                    j = self.extend(j, allow_lower=True, allow_unknown_lower=False)
            self.add(i, j)

    def relations(self) -> None:
        tokens = self.tokens
        for i, t in enumerate(tokens[:-1]):
            if t.lower not in lx.RELATIONS or t.possessive:
                continue
            j = i + 1
            if self.gap(j) not in (" ", ", ", ": ", " - "):
                continue
            nxt = tokens[j]
            if j in self.protected or nxt.lower in _FUNCTION or len(nxt.text) < 2:
                continue
            if nxt.cap and not nxt.upper:
                if self.known(nxt) or not self.everyday(nxt):
                    self.add(j, self.extend(j, allow_lower=False))
            elif (
                not nxt.cap
                and self.known_first(nxt)
                and not self.everyday(nxt)
                and nxt.lower not in lx.AMBIGUOUS_FIRST_NAMES
            ):
                self.add(j, self.extend(j, allow_lower=True))

    def greetings(self) -> None:
        tokens = self.tokens
        for i, t in enumerate(tokens[:-1]):
            if t.lower not in lx.GREETINGS or not (
                t.sentence_start or i == 0 or tokens[i - 1].lower == "good"
            ):
                continue
            j = i + 1
            if self.gap(j) not in (" ", ", ", ",", " , "):
                continue
            nxt = tokens[j]
            if nxt.lower in lx.TITLES or j in self.protected:
                continue
            if (
                nxt.cap
                and not nxt.upper
                and (self.known(nxt) or not self.everyday(nxt))
                and nxt.lower not in _FUNCTION
            ):
                self.add(j, self.extend(j, allow_lower=False))
            elif (
                not nxt.cap
                and self.known_first(nxt)
                and not self.everyday(nxt)
                and nxt.lower not in lx.AMBIGUOUS_FIRST_NAMES
            ):
                self.add(j, self.extend(j, allow_lower=True))

    _CLOSING = re.compile(
        r"(?i)(?:\b(?:thanks(?:\s+(?:so\s+much|again|in\s+advance))?|thank\s+you(?:\s+(?:so\s+much|again|in\s+advance))?"
        r"|(?:best|kind|warm|warmest)\s+regards|regards|best(?:\s+wishes)?|(?:yours\s+)?sincerely|sincerely\s+yours|cheers"
        r"|respectfully|cordially|take\s+care|love|all\s+the\s+best|many\s+thanks|gratefully|blessings|signed|xoxo)\s*[,.!:\-–—]*"
        r"|(?:^|\n)\s*(?:--?|–|—|~))[ \t]*\n?[ \t]*"
    )

    def signatures(self) -> None:
        for match in self._CLOSING.finditer(self.text):
            i = self.token_at(match.end())
            if i >= len(self.tokens) or self.tokens[i].start != match.end():
                continue
            if self.tokens[i].lower in lx.TITLES:
                continue
            if not self.plausible_in_context(i, allow_unknown_lower=self.known(self.tokens[i])):
                continue
            t = self.tokens[i]
            if not t.cap and (self.everyday(t) or not self.known(t)):
                continue
            j = self.extend(i, allow_lower=not t.cap)
            rest = self.text[self.tokens[j - 1].end :]
            rest = rest[_CREDENTIALS.match(rest).end() if _CREDENTIALS.match(rest) else 0 :]
            if re.match(r"[ \t]*[.!]?[ \t]*(?:\n|$)", rest):
                self.add(i, j)
        # The last line of a multi-line message, if it is only a name.
        last_break = self.text.rstrip().rfind("\n")
        if last_break > 0:
            i = self.token_at(last_break + 1)
            if i < len(self.tokens):
                t = self.tokens[i]
                if (t.cap or self.known(t)) and self.plausible_in_context(
                    i, allow_unknown_lower=False
                ):
                    j = self.extend(i, allow_lower=not t.cap)
                    rest = self.text[self.tokens[j - 1].end :]
                    cred = _CREDENTIALS.match(rest)
                    rest = rest[cred.end() if cred else 0 :]
                    if rest.strip(" \t.!") == "" and (j - i >= 2 or self.known(t) or cred):
                        self.add(i, j)

    def lexicon(self) -> None:
        tokens = self.tokens
        n = len(tokens)
        for i, t in enumerate(tokens):
            if i in self.protected or len(t.text) < 2:
                continue
            nxt_ok = i + 1 < n and self.spaced(i + 1) and (i + 1) not in self.protected
            if t.cap and not t.upper:
                if (
                    self.known_first(t)
                    and not self.everyday(t)
                    and t.lower not in lx.AMBIGUOUS_FIRST_NAMES
                ):
                    self.add(i, self.extend(i, allow_lower=False))
                    continue
                if not nxt_ok:
                    continue
                nxt = tokens[i + 1]
                if not nxt.cap or nxt.upper:
                    continue
                # Ambiguous first name beside a surname: "Will Smith", "Grace Kim".
                if (
                    self.known_first(t)
                    and self.known_last(nxt)
                    and nxt.lower not in lx.AMBIGUOUS_SURNAMES
                ):
                    self.add(i, self.extend(i, allow_lower=False))
                    continue
                # Unknown given name beside a known surname: "Thaddeus Okafor".
                if not self.everyday(t) and self.known_last(nxt) and not self.everyday(nxt):
                    self.add(i, self.extend(i, allow_lower=False))
                    continue
                # Two unknown capitalised words inside a sentence: most often a person.
                if (
                    not t.sentence_start
                    and not self.everyday(t)
                    and not self.everyday(nxt)
                    and t.lower not in _FUNCTION
                ):
                    if (
                        len(nxt.text) >= 2
                        and not self.known_first(t)
                        or self.known_last(nxt)
                        or not self.known(t)
                    ):
                        self.add(i, self.extend(i, allow_lower=False))
                        continue
            elif t.upper and self.known_first(t) and i + 1 < n and self.spaced(i + 1):
                nxt = tokens[i + 1]
                if nxt.upper and self.known_last(nxt) and not self.everyday(t):
                    self.add(i, i + 2)
            elif not t.cap and nxt_ok:
                # "sarah jones": both parts known, neither an everyday word.
                nxt = tokens[i + 1]
                if (
                    self.known_first(t)
                    and t.lower not in lx.AMBIGUOUS_FIRST_NAMES
                    and not self.everyday(t)
                    and not nxt.cap
                    and self.known_last(nxt)
                    and nxt.lower not in lx.AMBIGUOUS_SURNAMES
                    and not self.everyday(nxt)
                ):
                    self.add(i, i + 2)
        self.initials_and_inverted()

    def initials_and_inverted(self) -> None:
        tokens = self.tokens
        n = len(tokens)
        for i in range(n - 1):
            t, nxt = tokens[i], tokens[i + 1]
            gap = self.gap(i + 1)
            # "J. Smith"
            if self.initial(i) and gap == ". " and nxt.cap and (i + 1) not in self.protected:
                if self.known_last(nxt) or (not self.everyday(nxt) and not nxt.upper):
                    self.add(i, self.extend(i + 1, allow_lower=False))
            # "Smith, John"
            if gap == ", " and t.cap and nxt.cap and not t.upper and i not in self.protected:
                if (
                    self.known_first(nxt)
                    and nxt.lower not in lx.AMBIGUOUS_FIRST_NAMES
                    and (self.known_last(t) or not self.everyday(t))
                ):
                    if not self.everyday(t) and t.lower not in lx.GREETINGS:
                        self.add(i, self.extend(i + 1, allow_lower=False))


def find_names(text: str) -> Iterator[Candidate]:
    """Name candidates in ``text``, possibly overlapping each other."""
    for start, end in _Finder(text).run():
        yield Candidate(m.NAME, start, end, P_NAME)
