"""Usage counters and answer feedback, with erasure and retention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bondmcp.store.db import Database, utcnow
from bondmcp.store.models import Feedback, UsageDaily


@dataclass(frozen=True, slots=True)
class DayUsage:
    day: str
    requests: int
    errors: int


class UsageStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._insert = (
            postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
        )

    def add(self, conn: Connection, counts: Mapping[tuple[str, str], tuple[int, int]]) -> None:
        """Add (requests, errors) per (key id, day), one upsert per row, in the caller's
        transaction: the recorder writes the counts with the audit records they go with, so
        a failed flush keeps both or neither."""
        for (key_id, day), (requests, errors) in sorted(counts.items()):
            statement = self._insert(UsageDaily).values(
                key_id=key_id, day=day, requests=requests, errors=errors
            )
            statement = statement.on_conflict_do_update(
                index_elements=["key_id", "day"],
                set_={
                    "requests": UsageDaily.requests + requests,
                    "errors": UsageDaily.errors + errors,
                },
            )
            conn.execute(statement)

    def days(self, key_id: str, last: int = 30) -> list[DayUsage]:
        first = (utcnow().date() - dt.timedelta(days=last - 1)).isoformat()
        with self._db.session() as session:
            rows = session.scalars(
                select(UsageDaily)
                .where(UsageDaily.key_id == key_id, UsageDaily.day >= first)
                .order_by(UsageDaily.day)
            ).all()
            return [DayUsage(r.day, r.requests, r.errors) for r in rows]

    def record_feedback(
        self,
        *,
        key_id: str,
        response_id: str,
        rating: int | None,
        helpful: bool | None,
        comment: str | None,
        triage: str,
        confidence_band: str,
        subject_hash: str | None,
    ) -> bool:
        """Store feedback for an answer; a second submission replaces the first.

        Returns True when this is the first feedback for the answer."""
        values: dict[str, Any] = {
            "key_id": key_id,
            "response_id": response_id,
            "rating": rating,
            "helpful": helpful,
            "comment": comment,
            "triage": triage,
            "confidence_band": confidence_band,
            "subject_hash": subject_hash,
            "created_at": utcnow(),
        }
        with self._db.session() as session:
            existing = session.scalars(
                select(Feedback.id).where(
                    Feedback.key_id == key_id, Feedback.response_id == response_id
                )
            ).first()
            if existing is None:
                session.add(Feedback(**values))
                return True
            session.execute(update(Feedback).where(Feedback.id == existing).values(**values))
            return False

    def feedback_summary(self, key_id: str) -> dict[str, Any]:
        with self._db.session() as session:
            rated, mean = session.execute(
                select(func.count(Feedback.rating), func.avg(Feedback.rating)).where(
                    Feedback.key_id == key_id
                )
            ).one()
            total = session.scalar(
                select(func.count()).select_from(Feedback).where(Feedback.key_id == key_id)
            )

            def unhelpful_by(column: Any) -> dict[str, float]:
                rows = session.execute(
                    select(
                        column,
                        func.count(Feedback.helpful),
                        func.sum(case((Feedback.helpful.is_(False), 1), else_=0)),
                    )
                    .where(Feedback.key_id == key_id, Feedback.helpful.is_not(None))
                    .group_by(column)
                ).all()
                return {str(value): round(float(bad or 0) / n, 4) for value, n, bad in rows if n}

            return {
                "answers_with_feedback": int(total or 0),
                "rated_answers": int(rated or 0),
                "mean_rating": round(float(mean), 3) if mean is not None else None,
                "unhelpful_rate_by_triage": unhelpful_by(Feedback.triage),
                "unhelpful_rate_by_confidence_band": unhelpful_by(Feedback.confidence_band),
            }

    def erase_subject(self, subject_hash: str) -> int:
        with self._db.session() as session:
            result = session.execute(delete(Feedback).where(Feedback.subject_hash == subject_hash))
            return int(getattr(result, "rowcount", 0) or 0)

    def purge_comments(self, before: dt.datetime) -> int:
        """Retention: free-text comments go; ratings stay for the statistics."""
        with self._db.session() as session:
            result = session.execute(
                update(Feedback)
                .where(Feedback.created_at < before, Feedback.comment.is_not(None))
                .values(comment=None)
            )
            return int(getattr(result, "rowcount", 0) or 0)
