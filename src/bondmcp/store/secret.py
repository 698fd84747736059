"""The server secret that keys API-key hashes and other HMACs.

Taken from ``BONDMCP_SECRET_KEY`` when set (required when several machines share a
database); otherwise generated once and kept in the data directory, readable only by
the owner, so an embedded install works with no configuration.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_FILE = "secret.key"  # noqa: S105 - a file name, not a secret


def load_or_create_secret(data_dir: Path, configured: str | None = None) -> bytes:
    if configured:
        return configured.encode()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SECRET_FILE
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    value = secrets.token_hex(32).encode()
    # O_EXCL: if two processes race on first start, exactly one writes and both read it.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return value
