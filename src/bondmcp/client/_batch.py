"""The result of :meth:`bondmcp.Client.batch_ask`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from bondmcp.types import AskResponse, BatchItemError, ErrorDetail

from ._exceptions import APIError, BondMCPError

__all__ = ["BatchAskResult", "BatchItem"]

BatchItem = AskResponse | BatchItemError


class BatchAskResult(Sequence[BatchItem]):
    """One item per query, in the order the queries were given.

    Each item is an :class:`~bondmcp.types.AskResponse` or, for a query that could not be
    answered, a :class:`~bondmcp.types.BatchItemError` whose ``error`` has the ``code`` and
    ``message``. A failure never costs the other answers: the server reports per-query errors
    inside a successful response, and when a whole chunk request fails (after retries) each of
    its queries gets an item error built from that failure while the other chunks' answers are
    kept; the exception itself is in :attr:`exceptions`. Only when every request of the batch
    failed is the first failure raised instead, since there is nothing to return.
    """

    __slots__ = ("exceptions", "results")

    def __init__(
        self, results: list[BatchItem], exceptions: dict[int, APIError] | None = None
    ) -> None:
        self.results = results
        #: Query index -> the exception that failed the chunk request carrying it.
        self.exceptions: dict[int, APIError] = exceptions or {}

    def __repr__(self) -> str:
        return f"BatchAskResult(answered={len(self.answers)}, failed={len(self.errors)})"

    @overload
    def __getitem__(self, index: int) -> BatchItem: ...

    @overload
    def __getitem__(self, index: slice) -> list[BatchItem]: ...

    def __getitem__(self, index: int | slice) -> BatchItem | list[BatchItem]:
        return self.results[index]

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[BatchItem]:
        return iter(self.results)

    @property
    def ok(self) -> bool:
        """True when every query was answered."""
        return all(isinstance(item, AskResponse) for item in self.results)

    @property
    def answers(self) -> list[AskResponse]:
        """The successful answers, in query order (failed queries are skipped)."""
        return [item for item in self.results if isinstance(item, AskResponse)]

    @property
    def errors(self) -> dict[int, ErrorDetail]:
        """Query index -> why that query failed."""
        return {
            index: item.error
            for index, item in enumerate(self.results)
            if isinstance(item, BatchItemError)
        }

    def raise_for_errors(self) -> None:
        """Raise if any query failed: the chunk's exception, or a ``BondMCPError`` summary."""
        errors = self.errors
        if not errors:
            return
        first = min(errors)
        if first in self.exceptions:
            raise self.exceptions[first]
        detail = errors[first]
        raise BondMCPError(
            f"{len(errors)} of {len(self.results)} queries failed; "
            f"first at index {first}: {detail.code}: {detail.message}"
        )
