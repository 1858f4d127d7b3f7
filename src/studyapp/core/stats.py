"""Progress summaries for the dashboard, ``studyapp stats`` and trainers' exports."""

from __future__ import annotations

from typing import Any

from studyapp.core.report import Report
from studyapp.core.store import Store


def profile_summary(store: Store, report: Report) -> dict[str, Any]:
    """A stable-keyed summary of one profile (documented in docs/cli.md)."""
    progress = store.sections.all_progress()
    read = store.sections.read_ids() & set(report.section_ids)
    parts = []
    for part in report.parts:
        ids = [section.id for section in report.subtree(part.id)]
        parts.append({
            "id": part.id,
            "title": part.label,
            "sections": len(ids),
            "read": sum(1 for section_id in ids if section_id in read),
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
