"""Progress summaries for the dashboard, ``studyapp stats`` and trainers' exports."""

from __future__ import annotations

from typing import Any

from studyapp.core.report import Report
from studyapp.core.store import Store


def profile_summary(store: Store, report: Report) -> dict[str, Any]:
    """A stable-keyed summary of one profile (documented in docs/cli.md)."""
    progress = store.sections.all_progress()
    read = store.sections.read_ids() & set(report.section_ids)
    read_in = report.read_counts(read)
    parts = []
    for part in report.parts:
        read_in_part, total = read_in.get(part.id, (int(part.id in read), 1))
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
        "sections": {"total": len(report.sections), "read": len(read), "parts": parts},
        "reading_seconds": round(sum(p.seconds for p in progress.values()), 1),
        "last_section": store.sections.last_opened(),
        "notes": counts["notes"],
        "bookmarks": counts["bookmarks"],
        "question_sets": {
            "count": len(sets),
            "questions": sum(s.question_count for s in sets),
            "cards": sum(s.card_count for s in sets),
        },
        "reviews": counts["review_log"],
        "quiz_attempts": counts["quiz_attempts"],
    }
