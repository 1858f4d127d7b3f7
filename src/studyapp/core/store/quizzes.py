"""Quiz attempts and answers (the quiz engine in ``studyapp.core.quiz`` writes them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from studyapp.core.clock import Clock


@dataclass
class QuizAttempt:
    id: int
    mode: str
    scope: str
    started_at: str
    finished_at: str | None
    score: float | None
    max_score: float | None
    passed: bool | None


class QuizzesService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def attempts(self) -> list[QuizAttempt]:
        return [
            QuizAttempt(**{**row, "passed": None if row["passed"] is None else bool(row["passed"])})
            for row in self.db.query(
                "SELECT id, mode, scope, started_at, finished_at, score, max_score, passed "
                "FROM quiz_attempts ORDER BY started_at, id"
            )
        ]
