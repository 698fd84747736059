"""Namespaces of the clients: ``client.keys`` (administration) and ``client.jobs``.

Like the client methods, each call only describes its request; the shared flow in
``_base_client`` sends it, retries it and maps its errors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping

from bondmcp.types import (
    JobCreated,
    JobStatus,
    KeyCreated,
    KeyInfo,
    KeyList,
    Scope,
)

from ._base_client import DEFAULT_POLL_INTERVAL, AsyncAPIClient, SyncAPIClient
from ._batch import BatchItem
from ._models import Locale

__all__ = ["AsyncJobs", "AsyncKeys", "Jobs", "Keys"]

JobMetadata = Mapping[str, str | int | float | bool]


class Keys:
    """API keys of the server's environment; needs a key with the ``admin`` scope."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        name: str,
        *,
        scopes: Iterable[Scope] | None = None,
        rate_limit: str | None = None,
        expires_in_days: int | None = None,
    ) -> KeyCreated:
        """Create a key (``scopes`` default to ``["ask"]``); ``.key`` is the secret, shown once."""
        opts = self._client._key_create_options(name, scopes, rate_limit, expires_in_days)
        return self._client._request(opts, KeyCreated)

    def list(self) -> KeyList:
        """Every key of the server's environment, without secrets."""
        return self._client._request(self._client._key_list_options(), KeyList)

    def rotate(self, key_id: str, *, grace_period_seconds: int | None = None) -> KeyCreated:
        """A replacement key; the old one keeps working for the grace period (default 1 day)."""
        opts = self._client._key_rotate_options(key_id, grace_period_seconds)
        return self._client._request(opts, KeyCreated)

    def revoke(self, key_id: str) -> KeyInfo:
        """Revoke a key at once: its next request gets a 401."""
        return self._client._request(self._client._key_revoke_options(key_id), KeyInfo)


class AsyncKeys:
    """API keys; see :class:`Keys`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        name: str,
        *,
        scopes: Iterable[Scope] | None = None,
        rate_limit: str | None = None,
        expires_in_days: int | None = None,
    ) -> KeyCreated:
        """Create a key; see :meth:`Keys.create`."""
        opts = self._client._key_create_options(name, scopes, rate_limit, expires_in_days)
        return await self._client._request(opts, KeyCreated)

    async def list(self) -> KeyList:
        """Every key of the server's environment, without secrets."""
        return await self._client._request(self._client._key_list_options(), KeyList)

    async def rotate(self, key_id: str, *, grace_period_seconds: int | None = None) -> KeyCreated:
        """A replacement key; see :meth:`Keys.rotate`."""
        opts = self._client._key_rotate_options(key_id, grace_period_seconds)
        return await self._client._request(opts, KeyCreated)

    async def revoke(self, key_id: str) -> KeyInfo:
        """Revoke a key at once."""
        return await self._client._request(self._client._key_revoke_options(key_id), KeyInfo)


class Jobs:
    """Batch jobs: many queries answered in the background, results fetched page by page."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        queries: Iterable[str],
        webhook_url: str | None = None,
        metadata: JobMetadata | None = None,
        locale: Locale | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> JobCreated:
        """Submit a job of up to 50,000 queries; returns at once with its ``id``.

        The submission carries an ``Idempotency-Key`` reused by its retries, so a retried
        submission creates one job. Pass your own ``idempotency_key`` to make a resubmission
        after a crash safe too.
        """
        opts = self._client._job_create_options(
            queries, webhook_url, metadata, locale, idempotency_key
        )
        return self._client._request(opts, JobCreated)

    def retrieve(
        self, job_id: str, cursor: str | None = None, limit: int | None = None
    ) -> JobStatus:
        """The job's status; once it has finished, also one page of ``results``.

        Pass the page's ``next_cursor`` as ``cursor`` for the next page; ``limit`` sets the
        page size (the server caps it at 1000).
        """
        opts = self._client._job_retrieve_options(job_id, cursor, limit)
        return self._client._request(opts, JobStatus)

    def cancel(self, job_id: str) -> JobStatus:
        """Stop a queued or running job; answers already given are kept."""
        return self._client._request(self._client._job_cancel_options(job_id), JobStatus)

    def results(self, job_id: str, *, page_size: int | None = None) -> Iterator[BatchItem]:
        """Every result of a finished job, in query order, fetching pages as it goes.

        Each item is an ``AskResponse`` or a ``BatchItemError``. Raises
        :class:`~bondmcp.JobNotFinishedError` while the job is queued or running.
        """
        client = self._client
        cursor: str | None = None
        while True:
            page = client._request(
                client._job_retrieve_options(job_id, cursor, page_size), JobStatus
            )
            cursor = client._job_next_cursor(page, cursor)
            yield from page.results or ()
            if cursor is None:
                return

    def wait(
        self,
        job_id: str,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float | None = None,
    ) -> JobStatus:
        """Poll until the job is completed, failed or cancelled, and return that status.

        ``timeout`` (seconds; ``None`` waits as long as it takes) raises
        :class:`~bondmcp.JobTimeoutError` with the last status; the job keeps running.
        """
        client = self._client
        return client._run(client._job_wait_flow(client._http, job_id, poll_interval, timeout))


class AsyncJobs:
    """Batch jobs; see :class:`Jobs`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        queries: Iterable[str],
        webhook_url: str | None = None,
        metadata: JobMetadata | None = None,
        locale: Locale | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> JobCreated:
        """Submit a job; see :meth:`Jobs.create`."""
        opts = self._client._job_create_options(
            queries, webhook_url, metadata, locale, idempotency_key
        )
        return await self._client._request(opts, JobCreated)

    async def retrieve(
        self, job_id: str, cursor: str | None = None, limit: int | None = None
    ) -> JobStatus:
        """The job's status and, once finished, a page of results; see :meth:`Jobs.retrieve`."""
        opts = self._client._job_retrieve_options(job_id, cursor, limit)
        return await self._client._request(opts, JobStatus)

    async def cancel(self, job_id: str) -> JobStatus:
        """Stop a queued or running job."""
        return await self._client._request(self._client._job_cancel_options(job_id), JobStatus)

    async def results(
        self, job_id: str, *, page_size: int | None = None
    ) -> AsyncIterator[BatchItem]:
        """Every result of a finished job, in order: ``async for item in jobs.results(id)``."""
        client = self._client
        cursor: str | None = None
        while True:
            page = await client._request(
                client._job_retrieve_options(job_id, cursor, page_size), JobStatus
            )
            cursor = client._job_next_cursor(page, cursor)
            for item in page.results or ():
                yield item
            if cursor is None:
                return

    async def wait(
        self,
        job_id: str,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float | None = None,  # noqa: ASYNC109 (the same signature as Jobs.wait)
    ) -> JobStatus:
        """Poll until the job has finished, sleeping with ``asyncio.sleep``; see :meth:`Jobs.wait`."""
        client = self._client
        return await client._run(
            client._job_wait_flow(client._http, job_id, poll_interval, timeout)
        )
