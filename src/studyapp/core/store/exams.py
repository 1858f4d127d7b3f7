"""Exams a learner imported (``.studyexam`` files, ``core/exams.py``) and their attempts.

The definition is kept as the file's text, so the exam reads back exactly as the trainer
wrote it; importing the same exam id again replaces it (a trainer who moved the deadline).
An attempt at an exam is an ordinary quiz attempt with ``exam_id`` set (m009).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.store.service import Service


@dataclass
class StoredExam:
    id: str
    title: str
    definition: str  # the .studyexam text
    source: str
    imported_at: str


@dataclass
class ExamAttempt:
    id: int
    started_at: str
    finished_at: str | None
    score: float | None
    max_score: float | None
    passed: bool | None


class ExamsService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def save(self, exam_id: str, title: str, definition: str, source: str = "") -> bool:
        """Adds the exam, or replaces the one with the same id; True when it was new."""
        with self.db.atomic():
            new = self.get(exam_id) is None
            self.db.execute(
                "INSERT INTO exams (id, title, definition, source, sha256, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
                "definition = excluded.definition, source = excluded.source, "
                "sha256 = excluded.sha256, imported_at = excluded.imported_at",
                [exam_id, title, definition, source,
                 hashlib.sha256(definition.encode("utf-8")).hexdigest(), iso(self.clock())])
            return new

    def remove(self, exam_id: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM exams WHERE id = ?", [exam_id])

    def get(self, exam_id: str) -> StoredExam | None:
        rows = list(self.db.query(
            "SELECT id, title, definition, source, imported_at FROM exams WHERE id = ?",
            [exam_id]))
        return StoredExam(**rows[0]) if rows else None

    def all(self) -> list[StoredExam]:
        return [StoredExam(**row) for row in self.db.query(
            "SELECT id, title, definition, source, imported_at FROM exams "
            "ORDER BY imported_at, id")]

    def start_attempt(self, exam_id: str, scope: str, seed: int, plan: list[dict[str, Any]],
                      time_limit_s: float | None, policy: dict[str, Any],
                      pass_mark: float) -> int:
        """A new exam attempt carrying the exam's id, in one transaction."""
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO quiz_attempts (mode, scope, started_at, seed, plan_json, "
                "time_limit_s, policy_json, pass_mark, exam_id) "
                "VALUES ('exam', ?, ?, ?, ?, ?, ?, ?, ?)",
                [scope, iso(self.clock()), seed, json.dumps(plan, ensure_ascii=False),
                 time_limit_s, json.dumps(policy), pass_mark, exam_id])
            return int(cursor.lastrowid or 0)

    def attempts(self, exam_id: str) -> list[ExamAttempt]:
        return [
            ExamAttempt(row["id"], row["started_at"], row["finished_at"], row["score"],
                        row["max_score"], None if row["passed"] is None else bool(row["passed"]))
            for row in self.db.query(
                "SELECT id, started_at, finished_at, score, max_score, passed FROM quiz_attempts "
                "WHERE exam_id = ? ORDER BY started_at, id", [exam_id])
        ]

    def exam_of_attempts(self) -> dict[int, str]:
        """attempt id -> exam id, for every attempt that belongs to an exam."""
        return {row["id"]: row["exam_id"] for row in self.db.query(
            "SELECT id, exam_id FROM quiz_attempts WHERE exam_id IS NOT NULL")}
