"""Progress summaries for the dashboard, ``studyapp stats`` and trainers' exports."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

from studyapp.core.questionsets.model import Question
from studyapp.core.quiz import stats_summary
from studyapp.core.report import Report
from studyapp.core.store import Store


def profile_summary(store: Store, report: Report) -> dict[str, Any]:
    """A stable-keyed summary of one profile (documented in docs/cli.md)."""
    progress = store.sections.all_progress()
    pages = {section.id for section in report.pages}
    read = store.sections.read_ids() & pages
    in_parts = report.part_counts(read)
    parts = []
    for part in report.parts:
        read_in_part, total = in_parts[part.id]
        parts.append({
            "id": part.id,
            "title": part.label,
            "sections": total,
            "read": read_in_part,
        })
    sets = store.question_sets.list()
    counts = store.counts()
    return {
        "profile": store.profile,
        "sections": {"total": len(pages), "read": len(read), "parts": parts},
        "reading_seconds": round(sum(p.seconds for p in progress.values()), 1),
        "last_section": store.sections.last_opened(),
        "notes": counts["notes"],
        "bookmarks": counts["bookmarks"],
        "question_sets": {
            "count": len(sets),
            "questions": sum(s.question_count for s in sets),
            "cards": sum(s.card_count for s in sets),
        },
        "cards": store.reviews.card_counts(),
        "reviews": counts["review_log"],
        "quiz": stats_summary(store),
        "quiz_attempts": counts["quiz_attempts"],
        **store.progress.dashboard(report).to_json(),
    }


EXPORT_COLUMNS = [
    "profile", "kind", "item", "title", "started", "finished", "read_at", "seconds",
    "score", "max_score", "passed",
    # Per section: quiz answers and how many were right, card recalls and how many passed
    # (true retention = recalls_passed / recalls); then the learner's name and unit.
    "answers", "correct", "recalls", "recalls_passed", "name", "unit",
    # The exam an attempt belongs to, the attempt's number (quiz and answer rows), the
    # question's section and the answer in words (answer rows), when the file was written.
    "exam", "attempt", "section", "answer", "exported_at",
]
CHECKSUM_PREFIX = "#sha256:"


def results_rows(store: Store, report: Report, exported_at: str = "") -> list[list[Any]]:
    """The profile's results for a trainer: a row per report section, then per quiz attempt
    followed by a row per answer of it (columns as EXPORT_COLUMNS, documented in
    docs/cli.md). ``exported_at``: the time written on every row (the store's clock's now)."""
    from studyapp.core.clock import iso

    exported_at = exported_at or iso(store.clock())
    exams = store.exams.exam_of_attempts()
    questions = {q.key: q for q in store.quizzes.questions()}
    progress = store.sections.all_progress()
    board = store.progress.dashboard(report)
    mastery = {m.section_id: m for m in board.mastery}
    who = [board.display_name, board.unit]
    rows: list[list[Any]] = []
    for section in report.sections:
        p = progress.get(section.id)
        m = mastery.get(section.id)
        rows.append([
            store.profile, "section", section.id, section.label,
            p.opened_at if p else "", "", (p.read_at or "") if p else "",
            round(p.seconds) if p else 0, "", "", "",
            m.answers if m else 0, m.correct if m else 0, m.recalls if m else 0,
            m.recalls_passed if m else 0, *who, "", "", section.id, "", exported_at,
        ])
    for attempt in store.quizzes.attempts():
        exam = exams.get(attempt.id, "")
        rows.append([
            store.profile, f"quiz:{attempt.mode}", attempt.id, attempt.scope, attempt.started_at,
            attempt.finished_at or "", "", round(attempt.seconds), attempt.score,
            attempt.max_score,
            "" if attempt.passed is None else ("yes" if attempt.passed else "no"),
            "", "", "", "", *who, exam, attempt.id, "", "", exported_at,
        ])
        for given in store.quizzes.answers(attempt.id):
            stored = questions.get(given.question_key) or store.quizzes.question(
                given.question_key)
            question = stored.question if stored is not None else None
            rows.append([
                store.profile, "answer", given.question_key,
                question.prompt if question else "", "", given.answered_at, "",
                round((given.duration_ms or 0) / 1000), given.score, given.max_score,
                "yes" if given.correct else "no", "", "", "", "", *who, exam, attempt.id,
                (question.section or "") if question else "",
                answer_words(question, given.answer) if question else "", exported_at,
            ])
    return rows


def answer_words(question: Question, response: Any) -> str:
    """The learner's answer in the question's own words (options by their text, not by the
    number they were shown under, which the shuffle changes from learner to learner)."""
    from studyapp.core.quiz import QuizItem, answer_text

    if response is None:
        return ""
    if question.type in ("single", "multiple"):
        chosen = [int(response)] if question.type == "single" else sorted(
            int(i) for i in response)
        return "; ".join(question.choices[i].text for i in chosen
                         if 0 <= i < len(question.choices))
    return answer_text(QuizItem("", question), response)


def results_csv(rows: list[list[Any]]) -> str:
    """The rows as CSV text under a header; write it with encoding "utf-8-sig" so that Excel
    on Chinese Windows reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    body = buffer.getvalue()
    return body + CHECKSUM_PREFIX + _digest(body) + "\r\n"


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ChecksumError(ValueError):
    """The results file was damaged or edited after StudyApp wrote it (message says how)."""


def verify_results_csv(data: bytes, name: str = "results.csv") -> None:
    """Checks an exported results file: the last line is ``#sha256:HEX`` and HEX is the
    SHA-256 of the UTF-8 text before that line (byte-order mark not included). Raises
    ChecksumError naming the file and line when it does not hold."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ChecksumError(f"{name}:0: not UTF-8 text ({error.reason})") from error
    body, _, last = text.rstrip("\r\n").rpartition("\n")
    line = text.count("\n") or 1
    if not last.startswith(CHECKSUM_PREFIX):
        raise ChecksumError(f"{name}:{line}: no checksum line ({CHECKSUM_PREFIX}...) at the end")
    expected = last[len(CHECKSUM_PREFIX):].strip()
    if _digest(body + "\n") != expected:
        raise ChecksumError(f"{name}:{line}: the checksum does not match: the file was "
                            "changed after StudyApp wrote it")


def export_results(store: Store, report: Report, target: Path) -> int:
    """Writes the profile's results as CSV to ``target`` (atomically); the number of rows.

    Raises RefusedTarget for a target that could harm a profile or hang (inside the data
    folder's profiles or backups, not a regular file, or any SQLite file: ``studyapp
    export`` onto the profile itself replaced it), OSError when it cannot be written.
    Nothing is written in either case.
    """
    from studyapp.core.files import check_export_target, write_text_atomically

    check_export_target(target, store.path.parent.parent)  # DATA/profiles/NAME.sqlite3
    rows = results_rows(store, report)
    write_text_atomically(target, results_csv(rows), encoding="utf-8-sig")
    return len(rows)
