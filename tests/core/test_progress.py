"""The Progress view's numbers against an independent count of a simulated month."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from study_month import ZONE, Month, simulate_month
from studyapp.core.report import load_report
from studyapp.core.stats import profile_summary


@pytest.fixture
def month(tmp_path: Path):
    simulated = simulate_month(tmp_path)
    yield simulated
    simulated.store.close()


def per_day(month: Month) -> dict[date, dict[str, float]]:
    days: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for event in month.events:
        day = days[month.day_of(event.at)]
        if event.kind == "read":
            day["minutes"] += event.seconds / 60
            day["reading"] += event.seconds
        else:
            day["minutes"] += event.ms / 60000
            day[event.kind + "s"] += 1
    return days


def test_every_day_matches_the_log(month: Month) -> None:
    board = month.store.progress.dashboard(load_report())
    expected = per_day(month)
    assert set(board.days) == set(expected)
    for day, counts in expected.items():
        shown = board.days[day]
        assert shown.reviews == counts["reviews"], day
        assert shown.answers == counts["answers"], day
        assert shown.minutes == pytest.approx(counts["minutes"]), day
    # Sessions after midnight count for the day before (the study day starts at 04:00).
    assert any(e.at.astimezone(ZONE).hour < 4 for e in month.events)
    assert board.today == month.today
    assert len(board.series(30)) == 30 and board.series(30)[-1].day == month.today


def test_summary_matches_the_log(month: Month) -> None:
    report = load_report()
    board = month.store.progress.dashboard(report)
    s = board.summary
    reviews = [e for e in month.events if e.kind == "review"]
    answers = [e for e in month.events if e.kind == "answer"]
    pages = {section.id for section in report.pages}
    assert s.sections_total == len(pages) == 28
    assert s.sections_read == len(month.read & pages)
    assert s.percent_read == round(100 * len(month.read & pages) / len(pages))
    assert s.reviews == len(reviews)
    assert s.answers == len(answers)
    assert s.correct == sum(e.value for e in answers)
    seen: set[str] = set()
    recalls = passed = 0
    for event in reviews:
        if event.key in seen:
            recalls += 1
            passed += event.value > 1
        seen.add(event.key)
    assert (s.recalls, s.recalls_passed) == (recalls, passed)
    tomorrow = month.store.progress.start_of(month.today + timedelta(days=1))
    assert s.cards_due_today == sum(1 for due, _ in month.card_state.values() if due < tomorrow)
    assert s.cards_learned == sum(1 for _, state in month.card_state.values() if state == 2)
    assert s.cards_total == len(month.card_sections)
    assert board.due_forecast[0] == s.cards_due_today
    forecast = [0] * 30
    for due, _ in month.card_state.values():
        index = max(0, (month.day_of(due) - month.today).days)
        if index < 30:
            forecast[index] += 1
    assert board.due_forecast == forecast
    assert board.buttons(365) == tuple(sum(1 for e in reviews if e.value == r)
                                       for r in (1, 2, 3, 4))


def test_streak_and_goal(month: Month) -> None:
    expected = per_day(month)
    studied = {day for day, c in expected.items()
               if c["reviews"] or c["answers"] or c["reading"] >= 60}
    streak, cursor = 0, month.today
    while cursor in studied:
        streak, cursor = streak + 1, cursor - timedelta(days=1)
    longest = run = 0
    for offset in range(40):
        day = month.today - timedelta(days=39 - offset)
        run = run + 1 if day in studied else 0
        longest = max(longest, run)
    board = month.store.progress.dashboard(load_report())
    assert board.streak.today is (month.today in studied)
    assert (board.streak.current, board.streak.longest) == (streak, longest)
    assert streak >= 1 and longest > streak
    assert board.goal.kind == "minutes" and not board.goal.chosen
    assert board.goal.today == pytest.approx(expected[month.today]["minutes"])

    month.store.progress.set_goal("reviews", 2)
    board = month.store.progress.dashboard(load_report())
    today = expected[month.today]
    assert board.goal.chosen and board.goal.target == 2
    assert board.goal.today == today["reviews"] + today["answers"]
    assert board.goal.met is (board.goal.today >= 2)
    with pytest.raises(ValueError, match="goal kind"):
        month.store.progress.set_goal("pages", 3)


def test_mastery_is_weakest_first_and_matches_the_log(month: Month) -> None:
    report = load_report()
    board = month.store.progress.dashboard(report)
    page_ids = [section.id for section in report.pages]
    assert [m.section_id for m in board.mastery] != page_ids
    assert sorted(m.section_id for m in board.mastery) == sorted(page_ids)
    scores = [m.score for m in board.mastery]
    assert scores == sorted(scores)
    cards_in: dict[str, int] = defaultdict(int)
    for section in month.card_sections.values():
        cards_in[section] += 1
    questions_in: dict[str, int] = defaultdict(int)
    for section in month.question_sections.values():
        questions_in[section] += 1
    for m in board.mastery:
        seen: set[str] = set()
        recalls = passed = 0
        for e in month.events:
            if e.kind == "review":
                if e.key in seen and month.card_sections[e.key] == m.section_id:
                    recalls += 1
                    passed += e.value > 1
                seen.add(e.key)
        answers = [e for e in month.events if e.kind == "answer"
                   and month.question_sections[e.key] == m.section_id]
        parts = [1.0 if m.section_id in month.read else 0.0]
        if cards_in[m.section_id] or recalls:
            parts.append(passed / recalls if recalls else 0.0)
        if questions_in[m.section_id] or answers:
            parts.append(sum(e.value for e in answers) / len(answers) if answers else 0.0)
        assert m.score == pytest.approx(sum(parts) / len(parts)), m.section_id
        assert m.answers == len(answers) and m.recalls == recalls
    assert [r.section_id for r in board.relationships] == [
        "suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4"]


def test_stats_json_keeps_its_keys_and_adds_streak_goal_mastery(month: Month) -> None:
    summary = profile_summary(month.store, load_report())
    for key in ("profile", "sections", "reading_seconds", "last_section", "notes",
                "bookmarks", "question_sets", "reviews", "quiz_attempts"):
        assert key in summary
    board = month.store.progress.dashboard(load_report())
    assert summary["streak"]["current"] == board.streak.current
    assert summary["goal"]["target"] == board.goal.target
    assert [m["section"] for m in summary["mastery"]] == [m.section_id for m in board.mastery]


def test_the_dashboard_is_reused_until_something_changes(month: Month) -> None:
    report = load_report()
    progress = month.store.progress
    first = progress.dashboard(report)
    statements: list[str] = []
    month.store.db.conn.set_trace_callback(statements.append)
    assert progress.dashboard(report) is first
    assert statements == []
    month.store.db.conn.set_trace_callback(None)
    month.store.sections.add_seconds("intro", 120)
    again = progress.dashboard(report)
    assert again is not first
    assert again.days[month.today].reading_seconds == pytest.approx(
        first.days[month.today].reading_seconds + 120)
    month.clock.advance(days=1)
    assert progress.dashboard(report).today == month.today != again.today


def test_an_empty_profile_has_an_empty_dashboard(tmp_path: Path) -> None:
    from studyapp.core.store import open_store

    store = open_store(tmp_path, "new")
    try:
        board = store.progress.dashboard(load_report())
        assert board.empty and board.streak.current == 0 and board.summary.accuracy is None
        assert all(m.score == 0 for m in board.mastery)
    finally:
        store.close()


def test_profile_details_are_kept(tmp_path: Path) -> None:
    from studyapp.core.store import open_store

    store = open_store(tmp_path, "zhang")
    store.progress.set_profile_details(" 张伟 ", "组织部")
    store.close()
    store = open_store(tmp_path, "zhang")
    assert store.progress.profile_details() == ("张伟", "组织部")
    store.close()


def test_m007_fills_the_summary_from_history_written_before_it(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from studyapp.core.migrations import migrations
    from studyapp.core.paths import profile_path
    from studyapp.core.store import open_store

    path = profile_path(tmp_path, "old")
    path.parent.mkdir(parents=True)
    old = Database(path)
    migrations.apply(old, stop_before="m007_progress_indexes")
    for rating, at in [(3, "2026-01-05T09:00:00+00:00"), (1, "2026-01-06T09:00:00+00:00"),
                       (4, "2026-01-07T09:00:00+00:00")]:
        old.execute("INSERT INTO review_log (card_key, rating, reviewed_at, duration_ms) "
                    "VALUES ('s/c', ?, ?, 60000)", [rating, at])
    old.execute("INSERT INTO quiz_attempts (mode, scope, started_at) VALUES ('exam', 'x', 'y')")
    old.execute("INSERT INTO quiz_answers (attempt_id, question_key, answer_json, correct, "
                "answered_at) VALUES (1, 's/q', '1', 1, '2026-01-07T10:00:00+00:00')")
    old.close()
    store = open_store(tmp_path, "old")
    try:
        from datetime import UTC

        store.reviews.tz = UTC  # one study day: the dashboard's is the cards'
        board = store.progress.dashboard(load_report())
        s = board.summary
        assert (s.reviews, s.recalls, s.recalls_passed, s.answers, s.correct) == (3, 2, 1, 1, 1)
        assert [d.day.isoformat() for d in board.days.values()] == [
            "2026-01-05", "2026-01-06", "2026-01-07"]
        assert board.days[date(2026, 1, 5)].minutes == 1
        # Undoing a review (the cards view's Ctrl+Z) takes it out of the summary again.
        store.db.execute("DELETE FROM review_log WHERE rating = 4")
        store.db.execute("UPDATE quiz_answers SET correct = 0")
        s = store.progress.dashboard(load_report()).summary
        assert (s.reviews, s.recalls, s.recalls_passed, s.correct) == (2, 1, 0, 0)
    finally:
        store.close()


def test_the_results_csv_has_sections_names_and_a_checksum(month: Month, tmp_path: Path) -> None:
    import csv

    from studyapp.core.files import write_text_atomically
    from studyapp.core.stats import (
        EXPORT_COLUMNS,
        ChecksumError,
        results_csv,
        results_rows,
        verify_results_csv,
    )

    month.store.progress.set_profile_details("张伟", "组织部")
    report = load_report()
    target = tmp_path / "results.csv"
    write_text_atomically(target, results_csv(results_rows(month.store, report)),
                          encoding="utf-8-sig")
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    verify_results_csv(data, "results.csv")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == EXPORT_COLUMNS and table[-1][0].startswith("#sha256:")
    rows = {row[2]: dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in table[1:-1]
            if row[1] == "section"}
    title = report.get("suggestions.5.1").label
    assert rows["suggestions.5.1"]["title"] == title
    assert rows["intro"]["name"] == "张伟" and rows["intro"]["unit"] == "组织部"
    answers = [e for e in month.events if e.kind == "answer"
               and month.question_sections[e.key] == "suggestions.5.1"]
    assert int(rows["suggestions.5.1"]["answers"]) == len(answers)
    assert int(rows["suggestions.5.1"]["correct"]) == sum(e.value for e in answers)
    board = month.store.progress.dashboard(report)
    recalls = {m.section_id: m.recalls for m in board.mastery}
    assert sum(int(r["recalls"]) for r in rows.values()) == sum(recalls.values()) > 0

    edited = data.replace("张伟".encode(), "李四".encode(), 1)
    with pytest.raises(ChecksumError, match="results.csv:.*changed after"):
        verify_results_csv(edited, "results.csv")
    with pytest.raises(ChecksumError, match="no checksum line"):
        verify_results_csv(data[: data.rindex(b"#sha256")], "results.csv")


def test_relationships_and_weekly_series_match_the_log(month: Month) -> None:
    board = month.store.progress.dashboard(load_report())
    today = month.today
    for relationship in board.relationships:
        windows = {"recent": [0, 0], "before": [0, 0]}
        seen: set[str] = set()
        for e in month.events:
            if e.kind == "read":
                continue
            first_review = e.kind == "review" and e.key not in seen
            if e.kind == "review":
                seen.add(e.key)
            sections = month.card_sections if e.kind == "review" else month.question_sections
            if sections[e.key] != relationship.section_id or first_review:
                continue
            age = (today - month.day_of(e.at)).days
            key = "recent" if age < 14 else "before" if age < 28 else None
            if key:
                windows[key][0] += e.value > 1 if e.kind == "review" else e.value
                windows[key][1] += 1
        for key in ("recent", "before"):
            right, total = windows[key]
            assert getattr(relationship, key) == (right / total if total else None), key
    weeks = board.weekly(28)
    assert len(weeks) == 4 and weeks[-1][0] == today - timedelta(days=6)
    start = weeks[0][0]
    answers = [e for e in month.events if e.kind == "answer"
               and start <= month.day_of(e.at) < start + timedelta(days=7)]
    assert weeks[0][1] == (sum(e.value for e in answers) / len(answers) if answers else None)


def test_the_flashcards_service_gives_the_card_counts_and_the_day(tmp_path: Path) -> None:
    from dataclasses import replace
    from types import SimpleNamespace

    from studyapp.core.clock import FakeClock
    from studyapp.core.store import open_store

    clock = FakeClock(datetime(2026, 3, 1, 19, 30, tzinfo=UTC))  # 03:30 next day in Shanghai
    store = open_store(tmp_path, "cards", clock)
    try:
        store.reviews.tz = ZONE  # the store's one study day: the dashboard follows
        counts = {"total": 7, "review": 3, "due_today": 5}
        store.progress.attach_cards(SimpleNamespace(card_counts=lambda: counts))
        board = store.progress.dashboard(load_report())
        s = board.summary
        assert (s.cards_total, s.cards_learned, s.cards_due_today) == (7, 3, 5)
        assert board.today == date(2026, 3, 1)  # before 04:00 local: still the 1st
        # The hour is set once, in the review settings, and the dashboard's day follows.
        store.reviews.save_settings(replace(store.reviews.settings(), day_starts_at=3))
        assert store.progress.dashboard(load_report()).today == date(2026, 3, 2)
    finally:
        store.close()
