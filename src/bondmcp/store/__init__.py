"""Persistence: the relational database (SQLite embedded, PostgreSQL shared) and its migrations."""

from bondmcp.store.db import Database
from bondmcp.store.keys import ApiKeyRecord, AuthFailure, KeyStore

__all__ = ["ApiKeyRecord", "AuthFailure", "Database", "KeyStore"]
