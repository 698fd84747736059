"""Response models of calls whose shapes are not part of :mod:`bondmcp.types`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["CachePurgeResponse", "Locale"]

#: Selects the emergency and crisis numbers an answer gives.
Locale = Literal["us", "gb", "eu"]


class CachePurgeResponse(BaseModel):
    """What ``purge_cache()`` returns: how many cached answers were dropped."""

    model_config = ConfigDict(extra="allow")

    purged: int
