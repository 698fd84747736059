"""The answer engine: knowledge, retrieval, triage, scope and answer composition. No HTTP, no database."""
