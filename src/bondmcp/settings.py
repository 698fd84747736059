"""Server-side configuration, read from ``BONDMCP_*`` environment variables.

One object, validated once at start-up, so a bad value stops the process with a message
that names the variable instead of failing later inside a request.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from limits import RateLimitItem, parse
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "staging", "production"]
Locale = Literal["us", "gb", "eu"]

#: Per-environment default rate limit for keys created without one. Development is generous
#: so local benchmarks are never throttled.
DEFAULT_RATE_LIMITS: dict[str, str] = {
    "development": "1000000/minute",
    "staging": "600/minute",
    "production": "120/minute",
}


def parse_rate_limit(value: str) -> RateLimitItem:
    """Parse ``"20/minute"``-style limits; raise ``ValueError`` with the accepted form."""
    try:
        return parse(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a rate limit; use N/second, N/minute, N/hour or N/day"
        ) from None


def _read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    if not token:
        raise ValueError(f"{path} is empty")
    return token


class SettingsError(ValueError):
    """A setting has an invalid value; the message names the environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BONDMCP_", extra="ignore", frozen=True)

    environment: Environment = "development"
    data_dir: Path = Field(default_factory=lambda: Path.home() / ".bondmcp")
    database_url: str | None = None
    redis_url: str | None = None
    secret_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    locale: Locale = "us"
    default_rate_limit: str | None = None
    redis_namespace: str = Field(default="bondmcp", pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    cache_ttl_seconds: int = Field(default=3600, ge=0)
    cache_max_entries: int = Field(default=10_000, ge=0)
    #: The in-process answer cache's budget in bytes of answers (16 MiB, about 6,000 typical
    #: answers): the embedded default's, and Redis's stand-in while Redis is down.
    cache_max_bytes: int = Field(default=16 * 1024 * 1024, ge=0)
    key_max_age_days: int = Field(default=90, ge=1)
    key_cache_seconds: float = Field(default=0.0, ge=0, le=60)
    key_listener: bool = True
    # PostgreSQL connections per server process: kept open, and extra under load.
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=20, ge=0, le=500)
    retention_days: int = Field(default=30, ge=1)
    cors_origins: list[str] = Field(default_factory=list)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # Batch jobs (docs/jobs.md): embedded unless a broker URL is set.
    broker_url: str | None = None
    broker_queue: str = Field(default="bondmcp-jobs", pattern=r"^[A-Za-z_][A-Za-z0-9._-]{0,100}$")
    broker_heartbeat_seconds: int = Field(default=60, ge=1)
    job_chunk_size: int = Field(default=100, ge=1, le=1000)
    job_key_concurrency: int = Field(default=8, ge=1)
    job_threads: int = Field(default=1, ge=1, le=64)
    job_chunk_time_limit_seconds: int = Field(default=600, ge=1)
    job_claim_lease_seconds: int = Field(default=30, ge=1)
    job_retention_days: int = Field(default=7, ge=1)
    webhook_secret: SecretStr | None = None
    # When set, GET /metrics wants "Authorization: Bearer <token>" (docs/operations.md).
    metrics_token: SecretStr | None = None
    # Or a file holding it, the one Prometheus reads too (Docker's *_FILE convention).
    metrics_token_file: Path | None = None
    webhook_allow_private: bool = False
    webhook_max_attempts: int = Field(default=8, ge=1, le=30)
    webhook_retry_base_seconds: float = Field(default=5.0, gt=0)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)

    @field_validator("metrics_token_file")
    @classmethod
    def _check_token_file(cls, value: Path | None) -> Path | None:
        if value is not None:
            _read_token(value)
        return value

    @model_validator(mode="after")
    def _read_metrics_token_file(self) -> Settings:
        if self.metrics_token is None and self.metrics_token_file is not None:
            # Frozen model: set the field the way pydantic's own constructor does.
            object.__setattr__(
                self, "metrics_token", SecretStr(_read_token(self.metrics_token_file))
            )
        return self

    @field_validator("data_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @field_validator("default_rate_limit")
    @classmethod
    def _check_rate_limit(cls, value: str | None) -> str | None:
        if value is not None:
            parse_rate_limit(value)
        return value

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'bondmcp.db'}"

    @property
    def rate_limit_default(self) -> str:
        return self.default_rate_limit or DEFAULT_RATE_LIMITS[self.environment]


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, turning validation errors into one clear line."""
    secrets_dir = os.environ.get("BONDMCP_SECRETS_DIR")
    if secrets_dir and not Path(secrets_dir).is_dir():
        raise SettingsError(
            f"invalid setting BONDMCP_SECRETS_DIR: {secrets_dir} is not a directory"
        )
    try:
        # Files named like the variables (BONDMCP_SECRET_KEY, BONDMCP_DATABASE_URL...) in
        # BONDMCP_SECRETS_DIR, as Docker and Kubernetes mount secrets; the environment wins.
        return Settings(_secrets_dir=secrets_dir, **overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        raise SettingsError(f"invalid setting BONDMCP_{field.upper()}: {first['msg']}") from None
