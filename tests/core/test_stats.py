"""Reading-progress counts shared by the contents tree and ``studyapp stats``."""

from __future__ import annotations

from studyapp.core.report import ROOT_ID, load_report


def test_parts_count_themselves_and_everything_below() -> None:
    report = load_report()
    counts = report.read_counts({"problems", "problems.2", "suggestions.5.3", "nonsense"})
    assert counts["problems"] == (2, 4)
    assert counts["suggestions.5"] == (1, 5)
    assert counts["suggestions"][0] == 1
    assert counts[ROOT_ID] == (3, len(report.sections))


def test_leaves_have_no_count_of_their_own() -> None:
    counts = load_report().read_counts(set())
    assert "intro" not in counts and "problems.1" not in counts
    assert all(read == 0 for read, _ in counts.values())
