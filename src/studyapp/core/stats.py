"""Progress summaries for the dashboard, ``studyapp stats`` and trainers' exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

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
    }


EXPORT_COLUMNS = [
    "profile", "kind", "item", "title", "started", "finished", "read_at", "seconds",
    "score", "max_score", "passed",
]


def results_rows(store: Store, report: Report) -> list[list[Any]]:
    """The profile's results for a trainer: a row per report section, then per quiz attempt
    (columns as EXPORT_COLUMNS, documented in docs/cli.md)."""
    progress = store.sections.all_progress()
    rows: list[list[Any]] = []
    for section in report.sections:
        p = progress.get(section.id)
        rows.append([
            store.profile, "section", section.id, section.label,
            p.opened_at if p else "", "", (p.read_at or "") if p else "",
            round(p.seconds) if p else 0, "", "", "",
        ])
    for attempt in store.quizzes.attempts():
        rows.append([
            store.profile, f"quiz:{attempt.mode}", attempt.id, attempt.scope, attempt.started_at,
            attempt.finished_at or "", "", "", attempt.score, attempt.max_score,
            "" if attempt.passed is None else ("yes" if attempt.passed else "no"),
        ])
    return rows


def results_csv(rows: list[list[Any]]) -> str:
    """The rows as CSV text under a header; write it with encoding "utf-8-sig" so that Excel
    on Chinese Windows reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def export_results(store: Store, report: Report, target: Path) -> int:
    """Writes the profile's results as CSV to ``target`` (atomically); the number of rows.

    Raises RefusedTarget for a target that could harm a profile (inside the profiles
    folder, or any SQLite file: ``studyapp export`` onto the profile itself replaced it),
    OSError when it cannot be written. Nothing is written in either case.
    """
    from studyapp.core.files import check_export_target, write_text_atomically

    check_export_target(target, store.path.parent)
    rows = results_rows(store, report)
    write_text_atomically(target, results_csv(rows), encoding="utf-8-sig")
    return len(rows)
