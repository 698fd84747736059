"""Street addresses, the city that goes with them, and ZIP and postal codes.

A street address is a house number, street words and a suffix ("123 Main St"), optionally a
unit and the city before a state. Suffixes that are also ordinary words ("Way", "Park", "Run")
only count after capitalised street words, so prose like "walk 3 miles along the park" stays.
A five-digit number is only a ZIP code next to a state, after a cue ("zip", "near") or with its
four-digit extension; otherwise it is a count or a lab value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import _model as m
from ._candidate import (
    P_ADDRESS,
    P_ZIP,
    Candidate,
)
from ._lexicon import CLINICAL_WORDS, COMMON_WORDS, US_STATE_CODES, US_STATE_PHRASES, US_STATES

# Suffixes that name a street and little else; the words before them may be in any case.
_STRONG_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace"
    r"|terr?|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|cres|alley|aly|plaza|plz"
    r"|expressway|expy|freeway|fwy|turnpike|tpke|causeway|cswy|boul|bvd)"
)
# Suffixes that are also ordinary words ("way", "park", "run"): only after capitalised words.
_WEAK_SUFFIX = (
    r"(?:Way|Close|Row|Loop|Path|Pike|Point|Run|Walk|Crossing|Xing|Ridge|Heights|Hts|Hill|Grove|Park"
    r"|Gardens|Gdns|Mews|Route|Rte|Green|Commons|Cove|Creek|Glen|Hollow|Landing|Meadows?|Oval|Pass"
    r"|View|Vista|Wharf|Yard|Bend|Chase|Court|Manor|Knoll|Crest|Terrace|Rise|Parade|Esplanade|Quay)"
)
_DIRECTION = r"(?:[NSEW]\.?|[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|NE|NW|SE|SW)"
# A flat or unit written before the house number ("Flat 3, 12 Elm Road", "Apt 4B, 123 Main St").
_UNIT_FIRST = (
    r"(?:(?i:flat|apt|apartment|unit|suite|ste)\.?\s*#?\s*[A-Za-z0-9-]{1,6},?\s+|#\d{1,5},?\s+)?"
)
_NUMBER = _UNIT_FIRST + r"(?<![\w.,/-])\d{1,6}(?:-?[A-Za-z](?![A-Za-z]))?(?:-\d{1,4})?"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_UNIT = r"(?i:,?\s*(?:apt|apartment|unit|suite|ste|fl|floor|bldg|building|rm|room|#)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b)"
_STREET = re.compile(
    rf"{_NUMBER}\s+(?:{_DIRECTION}\s+)?"
    rf"(?P<words>(?:(?:St\.|Mt\.|Ft\.|[A-Za-z][A-Za-z'’-]*|{_ORDINAL})\s+){{0,3}}(?:[A-Za-z][A-Za-z'’-]*|{_ORDINAL}))"
    rf"\s+(?i:{_STRONG_SUFFIX})\b\.?(?:\s+{_DIRECTION}\b\.?)?{_UNIT}?"
)
_STREET_WEAK = re.compile(
    rf"{_NUMBER}\s+(?:{_DIRECTION}\s+)?"
    rf"(?P<words>(?:(?:St\.|Mt\.|[A-Z][A-Za-z'’-]*|{_ORDINAL})\s+){{0,3}}(?:[A-Z][A-Za-z'’-]*|{_ORDINAL}))"
    rf"\s+{_WEAK_SUFFIX}\b(?:\s+{_DIRECTION}\b\.?)?{_UNIT}?"
)
# "lives on Maple Street", "at W. 86th Drive": a named street without a house number.
_STREET_NAMED = re.compile(
    rf"\b(?:on|at|off|onto)\s+(?P<street>(?:{_DIRECTION}\s+)?(?:(?:[A-Z][A-Za-z'’-]*|{_ORDINAL})\s+){{1,3}}"
    rf"(?i:{_STRONG_SUFFIX})\b\.?)"
)
# Streets named after their kind, as in Spanish, Portuguese, Italian and French, and a few
# English ones: "2847 Calle Ocho", "1221 Avenue of the Americas", "10 Via Roma".
_STREET_PREFIXED = re.compile(
    rf"{_NUMBER},?\s+(?:Calle|Avenida|Av\.|Camino|Paseo|Carrera|Carretera|Via|Viale|Rua|Rue|Avenue|Place)"
    r"(?:\s+(?:of|the|de|del|la|las|los|da|do|dos|das|di|della|du|des))*\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}"
    + _UNIT
    + "?"
)
_BROADWAY = re.compile(
    r"(?<![\w.,/-])\d{1,6}\s+(?:Broadway|El\s+Camino\s+Real|The\s+(?:Strand|Mall|Embarcadero))\b"
    + _UNIT
    + "?"
)
_PO_BOX = re.compile(
    r"(?i)\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|pmb)\s*#?\s*\d{1,6}\b" + _UNIT + "?"
)
# German-style street names ("Hauptstraße 5", "Lindenweg 12a").
_STREET_DE = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]+(?:\s|-)?(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)"
    r"\s+\d{1,4}[a-z]?\b"
)
# French-style ("12 rue de Rivoli", "3 bis avenue Foch").
_STREET_FR = re.compile(
    r"(?i)(?<![\w.,/-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|route)"
    r"\s+(?:(?:de|du|des|la|le|l'|d')\s*)*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3}"
)
_STATE_NAMES = "|".join(sorted((*US_STATES, *US_STATE_PHRASES), key=len, reverse=True))
_STATE = rf"(?:[A-Z]{{2}}|(?i:{_STATE_NAMES}))"
_UK_POSTCODE_SHAPE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s+\d[ABD-HJLNP-UW-Z]{2}"
_CA_POSTCODE_SHAPE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s\d[ABCEGHJ-NPRSTV-Z]\d"
_POSTCODE_AHEAD = rf"(?:{_UK_POSTCODE_SHAPE}|{_CA_POSTCODE_SHAPE})\b"
# After a street, the city goes with the address when a state, a province, or a UK or Canadian
# postcode follows it: ", Springfield, IL", " Springfield IL 62704", ", Leeds LS6 2AB".
_CITY_AFTER = re.compile(
    r"(?:,\s*|\s+)((?:St\.\s+|Saint\s+|Fort\s+|Ft\.\s+)?[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,2})"
    rf"(?=,?\s+(?:{_STATE}\b|{_POSTCODE_AHEAD}))"
)
# The same typed in lower case on a phone: only with a state code and a ZIP code after it.
_CITY_AFTER_LOWER = re.compile(
    r"(?:,\s*|\s+)([a-z][a-z'’.-]+(?:\s+[a-z][a-z'’.-]+){0,2}?)(?=,?\s+[a-z]{2},?\s+\d{5}\b)"
)
# "Austin, TX" or "Springfield, Illinois" on its own: a city is a geographic unit below a state.
_CITY_STATE = re.compile(
    r"\b((?:St\.\s+|Saint\s+|Fort\s+|Ft\.\s+|San\s+|Santa\s+|Los\s+|Las\s+|El\s+|New\s+|North\s+|South\s+"
    r"|East\s+|West\s+|Salt\s+|Little\s+|Cedar\s+|Palm\s+|Grand\s+|Baton\s+)?[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?)"
    r",\s*([A-Z]{2})\b(?=\s+\d{5}|[\s.,;:!?)]|$)"
)
_ZIP_NUMBER = re.compile(r"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")
_STATE_BEFORE = re.compile(rf"(?:\b[A-Z]{{2}}|\b[a-z]{{2}}|(?i:\b(?:{_STATE_NAMES})))\.?,?\s+$")
# Lower-case state codes that are also words: "in 30301" is no Indiana address.
_WORD_STATE_CODES = frozenset("in me or hi ok oh de la pa ma id co al ga va mo ms md ne ar".split())
_ZIP_CUE_BEFORE = re.compile(
    r"(?i)\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode|post\s+code|plz|near|around|close\s+to|area)\b"
    r"(?:\s+(?:is|was|of))?\s*[:#]?\s*$"
)
_NOT_ZIP_AFTER = re.compile(
    r"(?i)\s*(?:steps|people|patients|cases|units|iu|mg|mcg|calories|kcal|dollars|%|feet|ft|miles)\b"
)
_POSTCODE_CUED = re.compile(
    r"(?i)\b(?:postal\s+code|postcode|post\s+code)\s*(?:is|was|:)?\s*([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
)
_UK_POSTCODE = re.compile(rf"\b{_UK_POSTCODE_SHAPE}\b")
_CA_POSTCODE = re.compile(rf"\b{_CA_POSTCODE_SHAPE}\b")
# A five-digit postal code written before the city, as in Germany and France ("10115 Berlin").
_ZIP_BEFORE_CITY = re.compile(
    r"(?:(?<=,\s)|(?<=\n))(\d{5})\s+[A-ZÄÖÜ][a-zäöüéèß]+(?:[-\s][A-Z][a-zäöüé]+)?\b"
)


# Any word that can end or start a street address; without one, no street pattern can match.
_ADDRESS_HINT = re.compile(
    rf"\b(?:{_STRONG_SUFFIX.lower()}|{_WEAK_SUFFIX.lower()}|broadway|camino|strand|mall|embarcadero"
    r"|box|pmb|rue|boulevard|bd|chemin|allée|impasse|quai|calle|avenida|camino|paseo|carrera|via|rua)\b"
    r"|(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)\s+\d"
)


# Quick tests that skip whole groups of patterns: a city before a state code, and the tail of
# a UK or Canadian postcode ("2AA", "0B1").
_CITY_HINT = re.compile(r",\s*[A-Z]{2}\b")
_POSTCODE_HINT = re.compile(r"\s\d[A-Z][A-Z\d]\b")


def _is_state(token: str) -> bool:
    return token in US_STATE_CODES


def addresses(text: str, lower: str, *, digits: int) -> Iterator[Candidate]:
    street_words = _ADDRESS_HINT.search(lower) is not None
    numbered = (_STREET, _STREET_WEAK, _STREET_PREFIXED, _BROADWAY, _PO_BOX, _STREET_DE, _STREET_FR)
    for pattern in numbered if digits and street_words else ():
        for match in pattern.finditer(text):
            end = match.end()
            if pattern in (_STREET, _STREET_WEAK) and not _plausible_street(match.group("words")):
                continue
            city = _CITY_AFTER.match(text, end) or _CITY_AFTER_LOWER.match(text, end)
            if city is not None:
                end = city.end(1)
            yield Candidate(m.STREET_ADDRESS, match.start(), end, P_ADDRESS)
    for match in _STREET_NAMED.finditer(text) if street_words else ():
        if _plausible_street(match.group("street")):
            yield Candidate(
                m.STREET_ADDRESS, match.start("street"), match.end("street"), P_ADDRESS - 10
            )
    for match in _CITY_STATE.finditer(text) if _CITY_HINT.search(text) else ():
        if _plausible_city_state(text, lower, match):
            yield Candidate(m.STREET_ADDRESS, match.start(1), match.end(1), P_ADDRESS - 20)


# State codes that are also clinical or everyday abbreviations ("CT or MRI", "OK", "MD", "PA").
_AMBIGUOUS_STATE_CODES = frozenset(
    "CT MD PA OR IN ME OK HI DE MS CO ID OH LA MA AL GA VA MO DC PR AR NE SC".split()
)
_ZIP_AHEAD = re.compile(r"\s+\d{5}")
_PLACE_CUE = re.compile(
    r"\b(?:in|from|near|to|at|of|live|lives|living|moved|based|located|visiting)\s+$"
)


def _plausible_city_state(text: str, lower: str, match: re.Match[str]) -> bool:
    """ "I live in Austin, TX" is a place; "Ultrasound, CT or MRI" is not."""
    code = match.group(2)
    if not _is_state(code):
        return False
    if any(
        word.lower() in COMMON_WORDS or word.lower() in CLINICAL_WORDS
        for word in match.group(1).split()
    ):
        return False
    if code not in _AMBIGUOUS_STATE_CODES:
        return True
    zip_follows = _ZIP_AHEAD.match(text, match.end()) is not None
    return (
        zip_follows
        or _PLACE_CUE.search(lower, max(0, match.start() - 12), match.start()) is not None
    )


_NOT_STREET_WORDS = frozenset(
    "a an the of and or to in on at for with by my your his her our their every each per times x is"
    " are was were be been am i you he she it we they me him them who which that this these those"
    " have has had do does did get got take took taking than then so if when while as but also not"
    " no just only very more most some any all both few many much other such what how why where"
    " there here mg mcg ml units tablets tablet pills pill doses dose puffs drops day days week"
    " weeks month months year years hour hours minute minutes mins miles blocks steps floors"
    " flights down up from into along around near bpm mmhg kg lbs pounds yo cm ft inches percent".split()
)


def _plausible_street(words: str) -> bool:
    """Reject "take 2 pills at bedtime, walk 3 miles along the park" and similar prose."""
    return not any(w.lower().rstrip(".") in _NOT_STREET_WORDS for w in words.split())


def zips(text: str) -> Iterator[Candidate]:
    for match in _ZIP_NUMBER.finditer(text):
        start, end = match.span()
        window = text[max(0, start - 28) : start]
        state = _STATE_BEFORE.search(window)
        if state is not None:
            written = state.group(0).strip(" ,.\t\n")
            name = written.lower()
            code = name.upper() in US_STATE_CODES and not (
                written.islower() and name in _WORD_STATE_CODES
            )
            if code or name in US_STATES or name in US_STATE_PHRASES:
                yield Candidate(m.ZIP_CODE, start, end, P_ZIP)
                continue
        if _ZIP_CUE_BEFORE.search(window) and not _NOT_ZIP_AFTER.match(text, end):
            yield Candidate(m.ZIP_CODE, start, end, P_ZIP)
        elif "-" in match.group(0):
            yield Candidate(m.ZIP_CODE, start, end, P_ZIP - 2)
    for match in _ZIP_BEFORE_CITY.finditer(text):
        yield Candidate(m.ZIP_CODE, match.start(1), match.end(1), P_ZIP - 2)
    if _POSTCODE_HINT.search(text) is None:
        return
    for match in _POSTCODE_CUED.finditer(text):
        yield Candidate(m.ZIP_CODE, match.start(1), match.end(1), P_ZIP)
    for pattern in (_UK_POSTCODE, _CA_POSTCODE):
        for match in pattern.finditer(text):
            yield Candidate(m.ZIP_CODE, match.start(), match.end(), P_ZIP - 2)
