"""Result types of de-identification, and the stable names and tags of identifier types.

The type names are part of the public contract (the ``/v1/deidentify`` response carries them), so
they are plain lowercase strings that never change meaning. Tags are what replaces an identifier in
the text: coarse on purpose, so that a reader of redacted text learns what kind of thing was there
but nothing that narrows down who it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

NAME: Final = "name"
DATE: Final = "date"
AGE_OVER_89: Final = "age_over_89"
PHONE: Final = "phone"
FAX: Final = "fax"
EMAIL: Final = "email"
SSN: Final = "ssn"
MEDICAL_RECORD_NUMBER: Final = "medical_record_number"
HEALTH_PLAN_NUMBER: Final = "health_plan_number"
ACCOUNT_NUMBER: Final = "account_number"
LICENSE_NUMBER: Final = "license_number"
VEHICLE_ID: Final = "vehicle_id"
DEVICE_ID: Final = "device_id"
URL: Final = "url"
IP_ADDRESS: Final = "ip_address"
STREET_ADDRESS: Final = "street_address"
ZIP_CODE: Final = "zip_code"

#: Every type :func:`bondmcp.privacy.deidentify` can report, in a stable order.
ENTITY_TYPES: Final[tuple[str, ...]] = (
    NAME,
    DATE,
    AGE_OVER_89,
    PHONE,
    FAX,
    EMAIL,
    SSN,
    MEDICAL_RECORD_NUMBER,
    HEALTH_PLAN_NUMBER,
    ACCOUNT_NUMBER,
    LICENSE_NUMBER,
    VEHICLE_ID,
    DEVICE_ID,
    URL,
    IP_ADDRESS,
    STREET_ADDRESS,
    ZIP_CODE,
)

#: The bracketed tag that replaces each type in de-identified text. A fax number is a phone
#: number to anyone reading the text, and the numbers that identify an account, a plan, a
#: licence or a certificate share one tag: the distinction is kept in ``Entity.type``.
TAGS: Final[dict[str, str]] = {
    NAME: "[NAME]",
    DATE: "[DATE]",
    AGE_OVER_89: "[AGE]",
    PHONE: "[PHONE]",
    FAX: "[PHONE]",
    EMAIL: "[EMAIL]",
    SSN: "[SSN]",
    MEDICAL_RECORD_NUMBER: "[MRN]",
    HEALTH_PLAN_NUMBER: "[ID]",
    ACCOUNT_NUMBER: "[ID]",
    LICENSE_NUMBER: "[ID]",
    VEHICLE_ID: "[VEHICLE]",
    DEVICE_ID: "[DEVICE]",
    URL: "[URL]",
    IP_ADDRESS: "[IP]",
    STREET_ADDRESS: "[ADDRESS]",
    ZIP_CODE: "[ZIP]",
}


@dataclass(frozen=True, slots=True)
class Entity:
    """One identifier found in a text: its type and its ``[start, end)`` offsets.

    Offsets count code points of the *original* text, so a caller can still highlight or audit
    what was removed without the result object ever holding the identifier itself.
    """

    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Deidentified:
    """De-identified text and where the identifiers were in the original.

    Deliberately does not carry the original text: the object can be logged, cached or sent
    anywhere without leaking what was removed.
    """

    text: str
    entities: list[Entity] = field(default_factory=list, hash=False)
