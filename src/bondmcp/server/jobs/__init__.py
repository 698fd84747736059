"""Batch jobs: many questions answered asynchronously, embedded or on a message broker.

``service`` holds the logic; ``dispatch`` (in-process executor) and ``broker`` (dramatiq)
are where work runs; ``crypto``, ``ssrf`` and ``webhooks`` guard what is stored and sent.
"""

from bondmcp.server.jobs.service import InvalidCursor, JobFinished, JobService

__all__ = ["InvalidCursor", "JobFinished", "JobService"]
