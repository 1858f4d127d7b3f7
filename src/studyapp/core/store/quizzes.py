"""Quiz attempts and answers (the quiz engine in ``studyapp.core.quiz`` writes them).

An attempt row keeps what is needed to resume it exactly (seed, the drawn questions with their
option order as ``plan_json``, time limit and time used, flags, the current question) and to
score it as it was scored (policy, pass mark). An answer row keeps the answer as given, its
score and its maximum; an exam replaces the answer when the learner changes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.questionsets.model import Question
from studyapp.core.store.service import Service


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
    seconds: float = 0.0  # time spent: an exam's clock, else the answers' times


@dataclass
class AttemptRecord:
    """Everything about one attempt, for resuming and reviewing it."""

    id: int
    mode: str
    scope: str
    started_at: str
    finished_at: str | None
    score: float | None
    max_score: float | None
    passed: bool | None
    seed: int | None
    plan: list[dict[str, Any]]
    time_limit_s: float | None
    time_used_s: float
    policy: dict[str, Any]
    pass_mark: float | None
    flags: list[str]
    position: int


@dataclass
class AnswerRecord:
    attempt_id: int
    question_key: str
    answer: Any
    correct: bool
    score: float | None
    max_score: float | None
    answered_at: str
    duration_ms: int | None


@dataclass
class HistoryAnswer:
    """One answer that counts for the notebook and the trends (see docs/scoring.md)."""

    attempt_id: int
    mode: str
    question_key: str
    correct: bool
    answered_at: str


@dataclass
class StoredQuestion:
    key: str
    set_id: str
    question: Question
    set_title: str = ""
    builtin: bool = False
    retired: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_ATTEMPT_COLUMNS = (
    "id, mode, scope, started_at, finished_at, score, max_score, passed, seed, plan_json, "
    "time_limit_s, time_used_s, policy_json, pass_mark, flags_json, position"
)


class QuizzesService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # -- reading -------------------------------------------------------------------------
    def attempts(self) -> list[QuizAttempt]:
        return [
            QuizAttempt(**{**row, "passed": None if row["passed"] is None else bool(row["passed"])})
            for row in self.db.query(
                "SELECT id, mode, scope, started_at, finished_at, score, max_score, passed, "
                "coalesce(nullif(time_used_s, 0), (SELECT sum(duration_ms) / 1000.0 FROM "
                "quiz_answers WHERE attempt_id = quiz_attempts.id), 0) AS seconds "
                "FROM quiz_attempts ORDER BY started_at, id"
            )
        ]

    def attempt(self, attempt_id: int) -> AttemptRecord | None:
        rows = list(self.db.query(
            f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE id = ?", [attempt_id]))
        return _record(rows[0]) if rows else None

    def unfinished(self, mode: str) -> AttemptRecord | None:
        """The most recent attempt of ``mode`` that was never finished (e.g. a crashed exam)."""
        rows = list(self.db.query(
            f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE mode = ? AND finished_at IS "
            "NULL ORDER BY started_at DESC, id DESC LIMIT 1", [mode]))
        return _record(rows[0]) if rows else None

    def finished_attempts(self, mode: str) -> list[AttemptRecord]:
        return [_record(row) for row in self.db.query(
            f"SELECT {_ATTEMPT_COLUMNS} FROM quiz_attempts WHERE mode = ? AND finished_at IS "
            "NOT NULL ORDER BY finished_at, id", [mode])]

    def answers(self, attempt_id: int) -> list[AnswerRecord]:
        return [
            AnswerRecord(
                attempt_id=row["attempt_id"], question_key=row["question_key"],
                answer=json.loads(row["answer_json"]), correct=bool(row["correct"]),
                score=row["score"], max_score=row["max_score"],
                answered_at=row["answered_at"], duration_ms=row["duration_ms"],
            )
            for row in self.db.query(
                "SELECT attempt_id, question_key, answer_json, correct, score, max_score, "
                "answered_at, duration_ms FROM quiz_answers WHERE attempt_id = ? "
                "ORDER BY answered_at, rowid", [attempt_id])
        ]

    def history(self) -> list[HistoryAnswer]:
        """Answers that count: every mode's, except those of exams not yet submitted."""
        return [
            HistoryAnswer(row["attempt_id"], row["mode"], row["question_key"],
                          bool(row["correct"]), row["answered_at"])
            for row in self.db.query(
                "SELECT a.attempt_id, t.mode, a.question_key, a.correct, a.answered_at "
                "FROM quiz_answers a JOIN quiz_attempts t ON t.id = a.attempt_id "
                "WHERE t.mode != 'exam' OR t.finished_at IS NOT NULL "
                "ORDER BY a.answered_at, a.attempt_id, a.rowid")
        ]

    def questions(self) -> list[StoredQuestion]:
        """Every active question of every set: built-in sets first, then by title, position."""
        found = []
        for row in self.db.query(
            "SELECT q.set_id, q.id, q.type, q.section_id, q.prompt, q.body_json, q.explanation, "
            "q.evidence, q.tags, q.difficulty, q.line, s.title, s.builtin "
            "FROM questions q JOIN question_sets s ON s.id = q.set_id WHERE q.retired = 0 "
            "ORDER BY s.builtin DESC, s.title, q.set_id, q.position"
        ):
            found.append(_stored(row))
        return found

    def question(self, key: str) -> StoredQuestion | None:
        """A question by key, retired or not (so old attempts can still be reviewed)."""
        set_id, _, item_id = key.partition("/")
        rows = list(self.db.query(
            "SELECT q.set_id, q.id, q.type, q.section_id, q.prompt, q.body_json, q.explanation, "
            "q.evidence, q.tags, q.difficulty, q.line, s.title, s.builtin, q.retired "
            "FROM questions q JOIN question_sets s ON s.id = q.set_id "
            "WHERE q.set_id = ? AND q.id = ?", [set_id, item_id]))
        return _stored(rows[0]) if rows else None

    def summary(self, mistakes: int) -> dict[str, int]:
        """The ``quiz`` object of ``stats --json`` (``mistakes`` comes from the engine)."""
        attempts = self.db.execute(
            "SELECT count(*), count(finished_at) FROM quiz_attempts").fetchone()
        answers = self.db.execute(
            "SELECT count(*), coalesce(sum(correct), 0) FROM quiz_answers").fetchone()
        return {
            "attempts": attempts[0], "finished": attempts[1],
            "in_progress": attempts[0] - attempts[1],
            "answers": answers[0], "correct": answers[1], "mistakes": mistakes,
        }

    # -- writing -------------------------------------------------------------------------
    def start(self, mode: str, scope: str, seed: int, plan: list[dict[str, Any]],
              time_limit_s: float | None = None, policy: dict[str, Any] | None = None,
              pass_mark: float | None = None) -> int:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO quiz_attempts (mode, scope, started_at, seed, plan_json, "
                "time_limit_s, policy_json, pass_mark) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [mode, scope, iso(self.clock()), seed, json.dumps(plan, ensure_ascii=False),
                 time_limit_s, json.dumps(policy or {}), pass_mark])
            return int(cursor.lastrowid or 0)

    def save_answer(self, attempt_id: int, question_key: str, answer: Any, correct: bool,
                    score: float, max_score: float, duration_ms: int | None,
                    time_used_s: float | None = None, position: int | None = None) -> None:
        """Saves (or replaces) the answer to one question, with the attempt's clock and place
        in the same transaction, so that a crash loses nothing the learner gave."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO quiz_answers (attempt_id, question_key, answer_json, correct, "
                "answered_at, duration_ms, score, max_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(attempt_id, question_key) DO UPDATE SET "
                "answer_json = excluded.answer_json, correct = excluded.correct, "
                "answered_at = excluded.answered_at, duration_ms = excluded.duration_ms, "
                "score = excluded.score, max_score = excluded.max_score",
                [attempt_id, question_key, json.dumps(answer, ensure_ascii=False),
                 int(correct), iso(self.clock()), duration_ms, score, max_score])
            self._progress(attempt_id, time_used_s, None, position)

    def remove_answer(self, attempt_id: int, question_key: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM quiz_answers WHERE attempt_id = ? AND question_key = ?",
                            [attempt_id, question_key])

    def save_progress(self, attempt_id: int, time_used_s: float | None = None,
                      flags: list[str] | None = None, position: int | None = None) -> None:
        with self.db.atomic():
            self._progress(attempt_id, time_used_s, flags, position)

    def _progress(self, attempt_id: int, time_used_s: float | None, flags: list[str] | None,
                  position: int | None) -> None:
        sets: list[str] = []
        values: list[object] = []
        if time_used_s is not None:
            sets.append("time_used_s = ?")
            values.append(round(time_used_s, 3))
        if flags is not None:
            sets.append("flags_json = ?")
            values.append(json.dumps(flags, ensure_ascii=False))
        if position is not None:
            sets.append("position = ?")
            values.append(position)
        if sets:
            self.db.execute(f"UPDATE quiz_attempts SET {', '.join(sets)} WHERE id = ?",
                            [*values, attempt_id])

    def finish(self, attempt_id: int, score: float, max_score: float, passed: bool | None,
               time_used_s: float | None = None) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE quiz_attempts SET finished_at = ?, score = ?, max_score = ?, passed = ? "
                "WHERE id = ?",
                [iso(self.clock()), round(score, 4), round(max_score, 4),
                 None if passed is None else int(passed), attempt_id])
            self._progress(attempt_id, time_used_s, None, None)

    def discard(self, attempt_id: int) -> None:
        """Removes an attempt with no answers (a quiz left before its first answer)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM quiz_attempts WHERE id = ? AND NOT EXISTS "
                            "(SELECT 1 FROM quiz_answers WHERE attempt_id = ?)",
                            [attempt_id, attempt_id])


def _record(row: dict[str, Any]) -> AttemptRecord:
    return AttemptRecord(
        id=row["id"], mode=row["mode"], scope=row["scope"], started_at=row["started_at"],
        finished_at=row["finished_at"], score=row["score"], max_score=row["max_score"],
        passed=None if row["passed"] is None else bool(row["passed"]), seed=row["seed"],
        plan=json.loads(row["plan_json"] or "[]"), time_limit_s=row["time_limit_s"],
        time_used_s=row["time_used_s"] or 0.0, policy=json.loads(row["policy_json"] or "{}"),
        pass_mark=row["pass_mark"], flags=json.loads(row["flags_json"] or "[]"),
        position=row["position"] or 0,
    )


def _stored(row: dict[str, Any]) -> StoredQuestion:
    question = Question(
        id=row["id"], type=row["type"], prompt=row["prompt"], section=row["section_id"],
        explanation=row["explanation"], evidence=row["evidence"],
        tags=json.loads(row["tags"]), difficulty=row["difficulty"], line=row["line"],
    )
    question.set_body(json.loads(row["body_json"]))
    return StoredQuestion(
        key=f"{row['set_id']}/{row['id']}", set_id=row["set_id"], question=question,
        set_title=row["title"], builtin=bool(row["builtin"]),
        retired=bool(row.get("retired", 0)),
    )
