"""PostgreSQL tells listening servers when an API key changes.

A statement trigger on ``api_keys`` sends ``NOTIFY bondmcp_api_keys`` whenever a key is
created, deleted, revoked, rotated or re-scoped (not when only ``last_used_at`` moves), so
each server process can keep the keys it has checked until one changes. SQLite needs no
trigger: its ``data_version`` tells the same.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHANNEL = "bondmcp_api_keys"
TRIGGER = "bondmcp_api_keys_changed"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', '');
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER {TRIGGER}
        AFTER INSERT OR DELETE OR UPDATE OF key_hash, environment, scopes, rate_limit,
            expires_at, revoked_at
        ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON api_keys")
    op.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
