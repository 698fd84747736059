"""Remove personal identifiers from health text before it is stored, logged or sent anywhere.

``deidentify`` finds the HIPAA Safe Harbor identifiers in free text (names, dates more specific
than a year, ages over 89, phone and fax numbers, e-mail addresses, record, plan, account,
licence, vehicle and device numbers, URLs, IP addresses, street addresses and ZIP codes) and
replaces each with a tag such as ``[NAME]``, while keeping the clinical content: conditions, lab
values, doses, ages up to 89 and eponyms such as Parkinson disease.

This package depends on nothing outside the standard library, so the SDK can de-identify a
question in the caller's own process before it is sent::

    from bondmcp.privacy import deidentify

    deidentify("I'm Maria, DOB 03/14/1951, A1C 7.2%").text
    # "I'm [NAME], DOB [DATE], A1C 7.2%"
"""

from ._core import deidentify, find_entities, redact
from ._model import ENTITY_TYPES, TAGS, Deidentified, Entity

__all__ = [
    "ENTITY_TYPES",
    "TAGS",
    "Deidentified",
    "Entity",
    "deidentify",
    "find_entities",
    "redact",
]
