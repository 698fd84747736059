"""Encryption at rest for the questions of queued jobs.

Queries are de-identified before they are stored, and encrypted as well: de-identification
is best effort, and a job's questions sit in the database (or its backups) until they are
answered. The key is derived from the server secret with HKDF, so there is nothing new for
an operator to manage, and every process that shares the secret can read the chunks.
"""

from __future__ import annotations

import base64
import json

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"bondmcp job queries v1"

#: A stored query: the de-identified text, or the message of why it cannot be answered.
StoredQuery = str | dict[str, str]


class QueryCipher:
    def __init__(self, secret: bytes) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret)
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, queries: list[StoredQuery]) -> bytes:
        return self._fernet.encrypt(json.dumps(queries, separators=(",", ":")).encode())

    def open(self, token: bytes) -> list[StoredQuery]:
        """Raises ``cryptography.fernet.InvalidToken`` when the secret changed."""
        data = json.loads(self._fernet.decrypt(token))
        if not isinstance(data, list):
            raise ValueError("a job chunk holds a list of queries")
        return data
