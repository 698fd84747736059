"""Finding personal names in free text without a statistical model.

A name is recognised from two kinds of evidence. *Context*: a title ("Dr. Okafor"), an
introduction ("my name is ..."), a relation ("my daughter Emma"), a greeting, a signature, a form
label ("Patient: ..."), a verb that only people do ("Tabitha refuses her pills"). Context finds
names that no list holds. *Lexicon*: a capitalised word that is a known first name ("Emma has a
fever"), or two capitalised words that look like a given name and a surname. The lexicon finds
names that no context announces. A word found as a name once is a name everywhere in the text.

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
from ._candidate import P_NAME, Candidate, lower_same_length
from ._tokens import Token, tokenize

_MAX_NAME_TOKENS = 4
_EVERYDAY = lx.COMMON_WORDS | lx.CLINICAL_WORDS | lx.EPONYM_HEADS | lx.US_STATES
_EPONYM_WORDS = lx.STRONG_EPONYMS | lx.WEAK_EPONYMS
_CONTEXT_WORDS = lx.TITLES | lx.RELATIONS | lx.GREETINGS | lx.CLOSINGS | lx.NAME_PARTICLES
_BEFORE_LETTER = lx.CLINICAL_WORDS | lx.LETTER_LABELS
_CONTRACTION = re.compile(r"['’](?:m|ve|ll|re|d|t)$|n['’]t$")
_SPACES = re.compile(r"[ \t]+")
_APOSTROPHES = ("'", "’")
_CREDENTIALS = re.compile(
    r"\s*,?\s*(?:MD|M\.D\.|DO|RN|NP|PA|PA-C|PhD|Ph\.D\.|DNP|FNP|APRN|LPN|CNA|MSW|LCSW|PharmD|DDS|DMD"
    r"|OD|DPM|MBBS|FRCP|MRCP|Jr\.?|Sr\.?|II|III|IV)\b\.?"
)
_LINE_END = re.compile(r"[ \t]*[.!]?[ \t]*(?:\n|$)")

# The cue patterns below run on the lower-cased text, which is faster than ignoring case.
_INTRO = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name's|name\s+is|i\s+am\s+called|i'm\s+called|call\s+me|named|goes\s+by"
    r"|this\s+is|it's|it’s|its|i'm|i’m|im|i\s+am|me\s+llamo|je\s+m'appelle|ich\s+bin"
    r"|mi\s+chiamo|meu\s+nome\s+é)\s+"
)
# "X, also called Y" names a term, so "called" counts only after "I am"; "named" is a weak cue.
_STRONG_INTRO = re.compile(r"name\s+is|name's|called|call\s+me|goes|llamo|appelle|chiamo|nome")
_LABEL = re.compile(
    r"(?m)(?:^|(?<=[\n|;,.]))[ \t]*(?:(?:patient|pt)(?:'s)?\s+name|full\s+name|first\s+name|last\s+name"
    r"|surname|given\s+name|name|patient|pt|emergency\s+contact|contact\s+person|contact|next\s+of\s+kin"
    r"|guardian|parent|caregiver|spouse|mother|father|insured|subscriber|policy\s*holder|signed"
    r"|signature|e-signed|electronically\s+signed\s+by|physician|provider|doctor|pcp"
    r"|primary\s+(?:care\s+)?(?:physician|doctor|provider)|referring\s+(?:physician|provider|doctor)"
    r"|attending|nurse|author|from|to|cc|re|attn|attention|client|resident|member|beneficiary|sender"
    r"|recipient)[ \t]*(?::|-|=)[ \t]*"
)
_CLOSING = re.compile(
    r"(?:\b(?:thanks(?:\s+(?:so\s+much|again|in\s+advance))?"
    r"|thank\s+you(?:\s+(?:so\s+much|again|in\s+advance))?|(?:best|kind|warm|warmest)\s+regards|regards"
    r"|best(?:\s+wishes)?|(?:yours\s+)?sincerely|sincerely\s+yours|cheers|respectfully|cordially"
    r"|take\s+care|love|all\s+the\s+best|many\s+thanks|gratefully|blessings|signed|xoxo)\s*[,.!:\-–—]*"
    r"|(?:^|\n|[ \t])(?:--?|–|—|~))[ \t]*\n?[ \t]*"
)


class _Finder:
    """Applies the context and lexicon rules over one text's tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = lower_same_length(text)
        self.tokens = tokenize(text)
        self.n = len(self.tokens)
        self.starts = [t.start for t in self.tokens]
        self.lower_words = {t.lower for t in self.tokens if self._plain_lower_word(t)}
        self.protected = self._eponyms()
        self.spans: list[tuple[int, int]] = []

    def _plain_lower_word(self, t: Token) -> bool:
        """A lower-case word of running text, not part of an e-mail address, URL or handle
        ("maria.lopez@..." says nothing about whether "Maria" is a word)."""
        if (
            t.cap
            or len(t.lower) < 3
            or (t.gap and not t.gap[-1].isspace() and t.gap[-1] not in "\"'(“")
        ):
            return False
        after = self.text[t.end : t.end + 2]
        return not (after[:1] in ("@", "_", "/") or (after[:1] == "." and after[1:2].isalnum()))

    def run(self) -> list[tuple[int, int]]:
        if not self.tokens:
            return []
        self.titles()
        self.introductions()
        self.announced()
        self.labels()
        self.relations()
        self.greetings()
        self.signatures()
        self.lexicon()
        self.initials_and_inverted()
        self.person_cues()
        self.possessive_relations()
        self.extend_left()
        self.propagate()
        return self.spans

    # -- token predicates ---------------------------------------------------------------------

    def spaced(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` after blanks only, and the one before is no
        possessive: "Emma Jones" is one name, "Emma, Jones" and "Emma's Jones" are not."""
        if i <= 0 or i >= self.n or self.tokens[i - 1].possessive:
            return False
        return _SPACES.fullmatch(self.tokens[i].gap) is not None

    def char_after(self, t: Token) -> str:
        return self.text[t.end : t.end + 1]

    @staticmethod
    def known_first(t: Token) -> bool:
        return t.lower in lx.FIRST_NAMES or t.lower in lx.AMBIGUOUS_FIRST_NAMES

    @staticmethod
    def known_last(t: Token) -> bool:
        if t.lower in lx.SURNAMES or t.lower in lx.AMBIGUOUS_SURNAMES:
            return True
        return "-" in t.lower and all(p in lx.SURNAMES for p in t.lower.split("-"))

    def known(self, t: Token) -> bool:
        return self.known_first(t) or self.known_last(t)

    @staticmethod
    def solo_first(t: Token) -> bool:
        """A first name that can stand alone: known, and no ordinary word."""
        return (
            t.lower in lx.FIRST_NAMES
            and t.lower not in lx.AMBIGUOUS_FIRST_NAMES
            and t.lower not in _EVERYDAY
        )

    @staticmethod
    def everyday(t: Token) -> bool:
        if t.lower in _EVERYDAY or _CONTRACTION.search(t.lower):
            return True
        if "-" not in t.lower:
            return False
        if len(t.lower) > 2 and t.lower[1] == "-":
            return True  # "C-section", "T-cell", "X-ray"
        return all(p in _EVERYDAY for p in t.lower.split("-"))

    def wordlike(self, t: Token) -> bool:
        """An everyday word, or an unknown word that looks like one: it has an ending English
        words have and names rarely do ("Preventive", "Hemophilia", "Covering"), or the same text
        also writes it in lower case ("Stage II ... the stages"). Used where no context vouches
        for a name."""
        if self.everyday(t):
            return True
        if self.known(t):
            return False
        return t.lower.endswith(lx.WORD_ENDINGS) or t.lower in self.lower_words

    def initial(self, i: int) -> bool:
        """A single capital letter used as an initial ("J." or "J"), not "hepatitis C"."""
        t = self.tokens[i]
        if len(t.text) != 1 or not t.text.isupper():
            return False
        if t.text in ("I", "A") and self.char_after(t) != ".":
            return False
        return not (i > 0 and self.tokens[i - 1].lower in _BEFORE_LETTER and self.spaced(i))

    def namelike(self, i: int) -> bool:
        """Capitalised, and either a known name or no everyday word."""
        t = self.tokens[i]
        return (
            (t.cap or t.upper)
            and i not in self.protected
            and (self.known(t) or not self.everyday(t))
        )

    def plausible(self, i: int, *, unknown_lower: bool, strong: bool = False) -> bool:
        """Could token ``i`` start a name where the context announces one?

        ``strong`` contexts (a title) override an eponym reading unless a disease word follows:
        "Mrs. Thompson's daughter" is a person.
        """
        t = self.tokens[i]
        if t.lower in lx.FUNCTION_WORDS or len(t.text) < 2:
            return False
        if i in self.protected and not (strong and not self.head_after(i)):
            return False
        if self.known(t) and (t.cap or t.lower not in lx.COMMON_WORDS):
            return True
        if self.everyday(t):
            return False
        return t.cap or unknown_lower

    # -- eponyms ------------------------------------------------------------------------------

    def _eponyms(self) -> set[int]:
        """Indexes of tokens used as part of an eponym ("Lou Gehrig's disease", "Graves'")."""
        protected: set[int] = set()
        i = 0
        while i < self.n:
            run = i
            while (
                run < self.n
                and self._eponym_word(self.tokens[run])
                and (run == i or self.tokens[run].gap in (" ", "-"))
            ):
                run += 1
                last = self.tokens[run - 1]
                if last.possessive or self.char_after(last) in _APOSTROPHES:
                    break
            if run == i:
                i += 1
                continue
            words = self.tokens[i:run]
            last = words[-1]
            apostrophe = last.possessive or self.char_after(last) in _APOSTROPHES
            if apostrophe or self.head_after(run - 1) or any(self._strong(w) for w in words):
                protected.update(range(i, run))
            i = run
        # Capitalised words right before "syndrome", "disease"...: an eponym the lists do not
        # know ("Churg Strauss syndrome", "Waardenburg syndrome").
        for k, t in enumerate(self.tokens):
            if t.lower not in lx.DISEASE_HEADS or k == 0:
                continue
            j = k - 1
            while (
                j >= 0
                and k - j <= 3
                and self.tokens[j].cap
                and self.tokens[j + 1].gap in (" ", "-")
            ):
                protected.add(j)
                j -= 1
        return protected

    def head_after(self, i: int) -> bool:
        return i + 1 < self.n and self.tokens[i + 1].lower in lx.EPONYM_HEADS

    @staticmethod
    def _parts(t: Token) -> list[str]:
        return [p.strip("'’") for p in t.lower.split("-") if p]

    def _strong(self, t: Token) -> bool:
        return any(p in lx.STRONG_EPONYMS for p in self._parts(t))

    def _eponym_word(self, t: Token) -> bool:
        if "-" not in t.lower and "'" not in t.lower and "’" not in t.lower:
            return t.lower in _EPONYM_WORDS
        parts = self._parts(t)
        return bool(parts) and all(p in _EPONYM_WORDS for p in parts)

    # -- spans --------------------------------------------------------------------------------

    def extend(self, i: int, *, lower: bool, unknown_lower: bool = False) -> int:
        """Given a name starting at token ``i``, return the index after its last token.

        ``lower`` lets known names in lower case continue it ("sarah jones"); ``unknown_lower``
        lets any lower-case word that is not everyday continue it (after "my name is").
        """
        j = i + 1
        count = 1
        while j < self.n and count < _MAX_NAME_TOKENS:
            t, prev = self.tokens[j], self.tokens[j - 1]
            after_initial = self.initial(j - 1) and t.gap in (". ", ".")
            if not (self.spaced(j) or after_initial or (t.gap == "-" and t.cap)):
                break
            middle_letter = (
                t.text in ("A", "I") and self.spaced(j + 1) and self.known_last(self.tokens[j + 1])
            )
            if (
                (self.initial(j) or middle_letter)
                and j + 1 < self.n
                and (self.namelike(j + 1) or lower)
            ):
                j, count = j + 1, count + 1
                continue
            if self.initial(j) and self.char_after(t) == ".":
                j += 1  # "Lloyd A." closing the name
                break
            if t.lower in lx.NAME_PARTICLES and not t.cap:
                # "de la Cruz", "van der Berg": particles count only before a capitalised part.
                k = j
                while (
                    k < self.n
                    and self.tokens[k].lower in lx.NAME_PARTICLES
                    and not self.tokens[k].cap
                ):
                    k += 1
                if (
                    k < self.n
                    and k - j <= 3
                    and self.tokens[k].cap
                    and all(self.spaced(x) for x in range(j + 1, k + 1))
                ):
                    j = k
                    continue
                break
            if j in self.protected or t.lower in lx.FUNCTION_WORDS:
                break
            if t.cap or t.upper:
                if not self.namelike(j) or (t.upper and not prev.upper and not self.known(t)):
                    break  # an everyday word, or an acronym after a name ("John MRN")
            elif not (
                lower
                and (self.known(t) or unknown_lower)
                and not (self.everyday(t) and not self.known(t))
            ):
                break
            j, count = j + 1, count + 1
        # A trailing undotted initial is not part of the name.
        while j - 1 > i and self.initial(j - 1) and self.char_after(self.tokens[j - 1]) != ".":
            j -= 1
        return j

    def add(self, i: int, j: int) -> None:
        if j > i:
            self.spans.append((self.tokens[i].start, self.tokens[j - 1].end))

    def add_extended(self, i: int, *, lower: bool = False, unknown_lower: bool = False) -> None:
        self.add(i, self.extend(i, lower=lower, unknown_lower=unknown_lower))

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        for t in self.tokens[self.token_at(start) :]:
            if t.start >= end:
                return
            yield t

    def lower_first_name(self, t: Token) -> bool:
        """A lower-case word that is surely a first name ("sarah", not "will")."""
        return not t.cap and self.solo_first(t)

    # -- context rules ------------------------------------------------------------------------

    def titles(self) -> None:
        """ "Dr. Okafor", "Mrs Thompson", "dr zielinski", "Doctor Sarah Xu"."""
        for i, t in enumerate(self.tokens[:-1]):
            if t.lower not in lx.TITLES:
                continue
            j = i + 1
            nxt = self.tokens[j]
            if nxt.gap not in (" ", ". ", ".", "  ", ".  "):
                continue
            if t.lower in lx.NOUN_TITLES and not nxt.cap:
                continue
            if t.upper and not nxt.cap:
                continue  # "MS relapses", "MR angiography": abbreviations, not titles
            if self.initial(j) and j + 1 < self.n:
                self.add_extended(j, lower=not self.tokens[j + 1].cap)
                continue
            abbreviated = t.lower in ("mr", "mrs", "ms", "dr")
            if self.plausible(j, unknown_lower=not t.cap or abbreviated, strong=True):
                self.add_extended(j, lower=not nxt.cap, unknown_lower=not nxt.cap)

    def introductions(self) -> None:
        """ "my name is ...", "I'm Laura", "this is Maria", "its xiaoming"."""
        for match in _INTRO.finditer(self.lower):
            i = self.token_at(match.end())
            if i >= self.n or self.tokens[i].start != match.end():
                continue
            t = self.tokens[i]
            if _STRONG_INTRO.search(match.group(0)):
                # "also called ALS": an unknown upper-case word is an acronym, not a name.
                if self.plausible(i, unknown_lower=True) and (self.known(t) or not t.upper):
                    self.add_extended(i, lower=True, unknown_lower=not t.cap)
            # Weaker cues: the word must look like a name.
            elif t.cap and not t.upper and self.plausible(i, unknown_lower=False):
                self.add_extended(i)
            elif self.lower_first_name(t):
                self.add_extended(i, lower=True)
            elif self.ambiguous_before_pause(i):
                self.add(i, i + 1)  # "i'm hazel, ...", "this is lily."

    def ambiguous_before_pause(self, i: int) -> bool:
        """A lower-case name that is also a word, followed by a pause or the end of the text."""
        t = self.tokens[i]
        if t.cap or t.lower not in lx.AMBIGUOUS_FIRST_NAMES or t.lower in _EVERYDAY:
            return False
        return i + 1 == self.n or self.tokens[i + 1].gap.strip(" ") in (",", ".", "!", "-")

    def announced(self) -> None:
        """ "Luna here", "eoin campbell here": a name that opens a message."""
        for i, t in enumerate(self.tokens):
            if t.lower != "here" or i == 0:
                continue
            k = i - 1
            while (
                k >= 0
                and i - k <= 3
                and self.plausible(k, unknown_lower=self.known(self.tokens[k]))
            ):
                opener = self.tokens[k].sentence_start or (
                    k > 0 and self.tokens[k - 1].lower in lx.GREETINGS
                )
                if opener:
                    if all(self.spaced(x) for x in range(k + 1, i)):
                        self.add(k, i)
                    break
                k -= 1

    def labels(self) -> None:
        """ "Name: ...", "Patient: SMITH, JOHN", "Emergency contact: ..." on a form."""
        for match in _LABEL.finditer(self.lower):
            i = self.token_at(match.end())
            if i >= self.n or self.tokens[i].lower in lx.TITLES:
                continue  # a title after the label is the title rule's
            line_end = self.text.find("\n", match.end())
            line_end = len(self.text) if line_end < 0 else line_end
            if self.tokens[i].start >= line_end or self.tokens[i].start - match.end() > 2:
                continue
            if not self.plausible(i, unknown_lower=True):
                continue
            j = self.extend(i, lower=True, unknown_lower=True)
            # "SMITH, JOHN" / "Smith, John A.": surname, comma, given name.
            if j < self.n and self.tokens[j].gap in (", ", ",") and self.tokens[j].start < line_end:
                nxt = self.tokens[j]
                if self.plausible(j, unknown_lower=True) and (self.known(nxt) or nxt.cap):
                    j = self.extend(j, lower=True)
            self.add(i, j)

    def relations(self) -> None:
        """ "my daughter Emma", "Contact daughter Dorothy", "my son, liam"."""
        for i, t in enumerate(self.tokens[:-1]):
            if t.lower not in lx.RELATIONS or t.possessive:
                continue
            j = i + 1
            nxt = self.tokens[j]
            if nxt.gap not in (" ", ", ", ": ", " - ") or j in self.protected:
                continue
            if nxt.lower in lx.FUNCTION_WORDS or len(nxt.text) < 2:
                continue
            if nxt.cap and not nxt.upper and (self.known(nxt) or not self.everyday(nxt)):
                self.add_extended(j)
            elif self.lower_first_name(nxt):
                self.add_extended(j, lower=True)

    def greetings(self) -> None:
        """ "Hi Luna", "Dear Sarah,", "hello maria"."""
        for i, t in enumerate(self.tokens[:-1]):
            opens = t.sentence_start or (i > 0 and self.tokens[i - 1].lower == "good")
            if t.lower not in lx.GREETINGS or not opens:
                continue
            j = i + 1
            nxt = self.tokens[j]
            if (
                nxt.gap not in (" ", ", ", ",", " , ")
                or nxt.lower in lx.TITLES
                or j in self.protected
            ):
                continue
            if nxt.cap and not nxt.upper and nxt.lower not in lx.FUNCTION_WORDS:
                if self.known(nxt) or not self.everyday(nxt):
                    self.add_extended(j)
            elif self.lower_first_name(nxt):
                self.add_extended(j, lower=True)

    def _ends_line(self, j: int) -> tuple[bool, bool]:
        """Whether the text after token ``j - 1`` is only credentials and a line end."""
        rest = self.text[self.tokens[j - 1].end :]
        cred = _CREDENTIALS.match(rest)
        rest = rest[cred.end() if cred else 0 :]
        return _LINE_END.match(rest) is not None, cred is not None

    def signatures(self) -> None:
        """ "Thanks,\\nMaria", "Best regards, Thao Wallace", "— Tupac", a last line that is a name."""
        for match in _CLOSING.finditer(self.lower):
            i = self.token_at(match.end())
            if i >= self.n or self.tokens[i].start != match.end():
                continue
            t = self.tokens[i]
            if t.lower in lx.TITLES or not self.plausible(i, unknown_lower=self.known(t)):
                continue
            if not t.cap and (self.everyday(t) or not self.known(t)):
                continue
            j = self.extend(i, lower=not t.cap)
            if self._ends_line(j)[0]:
                self.add(i, j)
        last_break = self.text.rstrip().rfind("\n")
        if last_break <= 0:
            return
        i = self.token_at(last_break + 1)
        if i >= self.n:
            return
        t = self.tokens[i]
        if (t.cap or self.known(t)) and self.plausible(i, unknown_lower=False):
            j = self.extend(i, lower=not t.cap)
            ends, credentials = self._ends_line(j)
            at_end = self.text[self.tokens[j - 1].end :].strip(" \t.!,") == "" or credentials
            if ends and at_end and (j - i >= 2 or self.known(t) or credentials):
                self.add(i, j)

    def person_cues(self) -> None:
        """Verbs around a capitalised word that make it a person.

        "Tabitha refuses her pills" (a person's verb), "ask Marisol about it" (a person's object),
        "Can Hunter pick up my prescription?" (a question about a person).
        """
        for i, t in enumerate(self.tokens):
            if (
                not t.cap
                or t.upper
                or len(t.text) < 2
                or i in self.protected
                or t.lower in _CONTEXT_WORDS
            ):
                continue
            if self.wordlike(t):
                continue
            nxt = self.tokens[i + 1] if i + 1 < self.n else None
            prev = self.tokens[i - 1] if i > 0 and self.spaced(i) else None
            if nxt is not None and self.spaced(i + 1) and not t.possessive and len(t.text) >= 3:
                after = self.tokens[i + 2] if i + 2 < self.n else None
                negated = (
                    nxt.lower in lx.NEGATIONS
                    and after is not None
                    and after.lower in lx.PERSON_ACTIONS
                )
                if nxt.lower in lx.PERSON_VERBS or negated:
                    self.add(i, i + 1)
                    continue
            if prev is not None and prev.lower in lx.OBJECT_VERBS and not prev.cap:
                self.add_extended(i)
            elif prev is not None and prev.lower in lx.CALL_VERBS and not prev.cap and i >= 2:
                if self.tokens[i - 2].lower in lx.CALLERS:
                    self.add_extended(i)  # "I called Nguyen's office", "please call Maria"
            elif (
                prev is not None
                and prev.lower in lx.MODALS
                and prev.sentence_start
                and nxt is not None
                and not nxt.cap
                and nxt.lower not in lx.QUESTION_FOLLOWERS
                and self.spaced(i + 1)
            ):
                self.add(i, i + 1)

    def possessive_relations(self) -> None:
        """ "Sana's mom", "Harper's guardian": the owner of a relative is a person."""
        for i, t in enumerate(self.tokens[:-1]):
            # A relative after the possessive outweighs an eponym reading ("Addison's dad").
            if not (t.possessive and t.cap and not t.upper) or len(t.text) < 2:
                continue
            if self.tokens[i + 1].lower in lx.RELATIONS and (self.known(t) or not self.everyday(t)):
                self.add(i, i + 1)

    # -- lexicon rules ------------------------------------------------------------------------

    def lexicon(self) -> None:
        for i, t in enumerate(self.tokens):
            if i in self.protected or len(t.text) < 2:
                continue
            nxt = (
                self.tokens[i + 1]
                if i + 1 < self.n and self.spaced(i + 1) and (i + 1) not in self.protected
                else None
            )
            if t.cap and not t.upper:
                self._capitalised(i, t, nxt)
            elif t.upper and nxt is not None and nxt.upper:
                # "MARIA LOPEZ": both parts known, as acronyms abound in upper case.
                if self.known_first(t) and not self.everyday(t) and self.known_last(nxt):
                    self.add(i, i + 2)
            elif not t.cap and nxt is not None and not nxt.cap:
                # "sarah jones": both parts known, neither an everyday word.
                surname = self.known_last(nxt) and nxt.lower not in lx.AMBIGUOUS_SURNAMES
                if self.solo_first(t) and surname and not self.everyday(nxt):
                    self.add(i, i + 2)

    def _capitalised(self, i: int, t: Token, nxt: Token | None) -> None:
        # "Emma has a fever"; but "Is Gilbert harmful?" asks about Gilbert syndrome.
        if self.solo_first(t) and t.lower not in lx.WEAK_EPONYMS:
            self.add_extended(i)
            return
        if (
            nxt is None
            or not nxt.cap
            or nxt.upper
            or len(nxt.text) < 2
            or t.lower in _CONTEXT_WORDS
        ):
            return
        surname = self.known_last(nxt) and nxt.lower not in lx.AMBIGUOUS_SURNAMES
        if self.known_first(t) and surname:
            self.add_extended(i)  # "Will Smith", "Grace Kim"
        elif not self.wordlike(t) and self.known_last(nxt) and not self.everyday(nxt):
            self.add_extended(i)  # "Thaddeus Okafor"
        elif (
            not t.sentence_start
            and not self.wordlike(t)
            and not self.wordlike(nxt)
            and t.lower not in lx.FUNCTION_WORDS
        ):
            # Two capitalised words inside a sentence, neither an everyday, clinical or place
            # word: most often a person ("... update on Xiomara Przybylski").
            self.add_extended(i)

    def initials_and_inverted(self) -> None:
        """ "J. Smith" and "Smith, John"."""
        for i in range(self.n - 1):
            t, nxt = self.tokens[i], self.tokens[i + 1]
            dotted = (
                self.initial(i) and nxt.gap == ". " and nxt.cap and (i + 1) not in self.protected
            )
            if dotted and (self.known_last(nxt) or (not self.wordlike(nxt) and not nxt.upper)):
                self.add(i, self.extend(i + 1, lower=False))
            inverted = (
                nxt.gap == ", " and t.cap and nxt.cap and not t.upper and i not in self.protected
            )
            if (
                inverted
                and self.solo_first(nxt)
                and not self.everyday(t)
                and t.lower not in lx.GREETINGS
            ):
                self.add(i, self.extend(i + 1, lower=False))

    # -- spreading what was found ---------------------------------------------------------------

    def extend_left(self) -> None:
        """ "Hamish B. Yoshida": an unknown capitalised word right before a found name joins it."""
        for start, end in list(self.spans):
            i = k = self.token_at(start)
            while k > 0 and i - k < 2 and self.spaced(k):
                prev = self.tokens[k - 1]
                if not prev.cap or prev.upper or len(prev.text) < 2 or (k - 1) in self.protected:
                    break
                if self.wordlike(prev) or prev.lower in _CONTEXT_WORDS:
                    break
                k -= 1
            if k < i:
                self.spans.append((self.tokens[k].start, end))

    def propagate(self) -> None:
        """A word found as a name somewhere in the text is a name everywhere in it.

        An everyday word found as a name ("my son Will") is carried over only where no question
        follows it: "Will also has a rash", not "Will this help?".
        """
        found: set[str] = set()
        everyday_found: set[str] = set()
        for start, end in self.spans:
            for t in self.tokens_in(start, end):
                if len(t.text) < 2 or t.lower in _CONTEXT_WORDS:
                    continue
                if not self.everyday(t) and (t.lower not in self.lower_words or self.known(t)):
                    found.add(t.lower)
                elif t.cap and t.lower in lx.AMBIGUOUS_FIRST_NAMES:
                    everyday_found.add(t.lower)
        for i, t in enumerate(self.tokens):
            if i in self.protected:
                continue
            lower_known = self.known(t) and t.lower not in lx.AMBIGUOUS_FIRST_NAMES
            if t.lower in found and (t.cap or lower_known):
                self.add(i, i + 1)
            elif t.lower in everyday_found and t.cap and i + 1 < self.n:
                nxt = self.tokens[i + 1]
                if nxt.lower not in lx.QUESTION_FOLLOWERS and not nxt.cap:
                    self.add(i, i + 1)


def find_names(text: str) -> Iterator[Candidate]:
    """Name candidates in ``text``, possibly overlapping each other."""
    for start, end in _Finder(text).run():
        yield Candidate(m.NAME, start, end, P_NAME)
