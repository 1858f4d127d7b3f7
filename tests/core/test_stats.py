"""Reading-progress counts, and the results a trainer exports."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.report import ROOT_ID, load_report
from studyapp.core.stats import EXPORT_COLUMNS, results_csv, results_rows
from studyapp.core.store import open_store


def test_parts_count_the_pages_listed_below_them() -> None:
    report = load_report()
    counts = report.read_counts({"problems", "problems.2", "suggestions.5.3", "nonsense"})
    assert counts["problems"] == (1, 3)  # "1/3" over its three sections; its own page apart
    assert counts["suggestions.5"] == (1, 4)  # a page of links is not a page to read
    assert counts["suggestions"][0] == 1
    assert counts[ROOT_ID] == (3, len(report.pages))


def test_the_whole_report_counts_every_row_that_can_carry_a_tick() -> None:
    report = load_report()
    assert [s.id for s in report.sections if not s.is_page] == ["suggestions.5"]
    assert len(report.pages) == 28
    every = {s.id for s in report.sections}
    counts = report.read_counts(every)
    assert counts[ROOT_ID] == (28, 28)
    # Each part: its own page (if it has text of its own) plus the pages below it.
    parts = report.part_counts(every)
    assert parts == {"intro": (1, 1), "problems": (4, 4), "reasons": (5, 5),
                     "suggestions": (18, 18)}
    assert sum(total for _, total in parts.values()) == counts[ROOT_ID][1]


def test_leaves_have_no_count_of_their_own() -> None:
    counts = load_report().read_counts(set())
    assert "intro" not in counts and "problems.1" not in counts
    assert all(read == 0 for read, _ in counts.values())


def test_results_rows_hold_reading_and_quiz_attempts(tmp_path: Path) -> None:
    report = load_report()
    store = open_store(tmp_path, "zhang-wei")
    try:
        store.sections.opened("suggestions.5.2")
        store.sections.add_seconds("suggestions.5.2", 95.4)
        store.sections.mark_read("suggestions.5.2")
        store.db.execute(
            "INSERT INTO quiz_attempts (mode, scope, started_at, finished_at, score, "
            "max_score, passed) VALUES ('exam', 'four-relationships', '2026-01-02T10:00:00', "
            "'2026-01-02T10:20:00', 18, 20, 1)"
        )
        rows = results_rows(store, report)
    finally:
        store.close()
    assert len(rows) == len(report.sections) + 1
    section = next(row for row in rows if row[2] == "suggestions.5.2")
    assert section[:2] == ["zhang-wei", "section"] and section[7] == 95 and section[6]
    assert rows[-1][1:4] == ["quiz:exam", 1, "four-relationships"]
    assert rows[-1][8:11] == [18, 20, "yes"]
    text = results_csv(rows)
    assert text.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    assert len(text.splitlines()) == len(rows) + 2  # header, rows, checksum line
