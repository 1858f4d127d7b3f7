"""The Progress view's numbers from the per-day summary (migration m008) are the ones the
per-hour table gave before it: on a generated history, in zones with daylight saving and
half-hour offsets, for every day start the learner can choose, after writes, undos and
reading, and on a profile that had its history before m008 (even one killed half-way)."""

from __future__ import annotations

import math
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from studyapp.core import migrations as migrations_module
from studyapp.core.clock import FakeClock
from studyapp.core.migrations import SECTION_SUMMED, SUMMED, migrations
from studyapp.core.paths import profile_path
from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.core.store.progress import RELATIONSHIP_SECTIONS, TREND_DAYS, _streak

FIRST = datetime(2026, 2, 20, tzinfo=UTC)  # the history crosses March's clock changes
DAYS = 60
NOW = FIRST + timedelta(days=DAYS, hours=15)
ZONES = [UTC, ZoneInfo("Europe/London"), ZoneInfo("America/St_Johns"),
         ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Kiritimati")]
DAY_STARTS = [0, 3, 4, 12, 13, 23]


def _moments(rng: random.Random, count: int) -> list[str]:
    return sorted((FIRST + timedelta(seconds=rng.randrange(DAYS * 86400))).isoformat(
        timespec="seconds") for _ in range(count))


def _write_history(db: Database, rng: random.Random) -> None:
    """Reviews, quiz answers and reading at any hour, through the history tables (their
    triggers fill `activity`), with an undo and a changed answer among them."""
    cards = [f"{r[0]}/{r[1]}" for r in db.execute("SELECT set_id, id FROM cards LIMIT 60")]
    questions = [f"{r[0]}/{r[1]}" for r in db.execute(
        "SELECT set_id, id FROM questions LIMIT 60")]
    db.conn.executemany(
        "INSERT INTO review_log (card_key, rating, reviewed_at, duration_ms) "
        "VALUES (?, ?, ?, ?)",
        [(rng.choice(cards), rng.choice((1, 2, 3, 3, 4)), at, rng.randrange(1000, 9000))
         for at in _moments(rng, 900)])
    db.execute("INSERT INTO quiz_attempts (id, mode, scope, started_at) "
               "VALUES (1, 'practice', 'report', 'then')")
    db.conn.executemany(
        "INSERT INTO quiz_answers (attempt_id, question_key, answer_json, correct, "
        "answered_at, duration_ms) VALUES (1, ?, '1', ?, ?, ?)",
        [(f"{rng.choice(questions)}#{n}", int(rng.random() < 0.6), at,
          rng.randrange(2000, 20000)) for n, at in enumerate(_moments(rng, 300))])
    db.execute("DELETE FROM review_log WHERE id IN (SELECT id FROM review_log "
               "ORDER BY random() LIMIT 20)")
    db.execute("UPDATE quiz_answers SET correct = 1 - correct WHERE rowid % 7 = 0")
    # Reading time, as SectionsService.add_seconds writes it (some of it a few seconds).
    for at in _moments(rng, 200):
        db.execute(
            "INSERT INTO activity (hour, section_id, reading_seconds) VALUES (?, ?, ?) "
            "ON CONFLICT (hour, section_id) DO UPDATE SET "
            "reading_seconds = reading_seconds + excluded.reading_seconds",
            [at[:13], rng.choice(RELATIONSHIP_SECTIONS + ["intro"]),
             rng.choice((0.4, 12.5, 59.9, 61.3, 300.0))])


def _day_of_hour(hour: str, tz: Any, starts_at: int) -> date:
    """The rule the dashboard had before m008, computed here on its own."""
    utc = datetime.fromisoformat(hour[:10]).replace(hour=12, tzinfo=UTC)
    offset = utc.astimezone(tz).utcoffset().total_seconds() / 3600
    shift = math.floor((int(hour[11:13]) + offset - starts_at) / 24)
    return date.fromisoformat(hour[:10]) + timedelta(days=shift)


def _old_days(db: Database, tz: Any, starts_at: int) -> dict[date, list[Any]]:
    """Each day's sums, as the dashboard read them before m008: `activity` grouped by
    hour. Columns: reviews, again, hard, good, easy, recalls, recalls_passed, answers,
    correct, study_ms, reading_seconds."""
    sums: dict[date, list[Any]] = {}
    for row in db.execute(
        "SELECT hour, sum(reviews), sum(again), sum(hard), sum(good), sum(easy), "
        "sum(recalls), sum(recalls_passed), sum(answers), sum(correct), "
        "sum(review_ms) + sum(answer_ms), sum(reading_seconds) FROM activity GROUP BY hour"
    ):
        values = sums.setdefault(_day_of_hour(row[0], tz, starts_at), [0] * 11)
        for index, value in enumerate(row[1:]):
            values[index] += value
    return {day: v for day, v in sums.items() if v[0] or v[7] or v[10] > 0}


def _assert_as_before(store: Store, tz: Any, starts_at: int) -> None:
    board = store.progress.dashboard(load_report())
    old = _old_days(store.db, tz, starts_at)
    assert list(board.days) == sorted(old)
    for day, v in old.items():
        shown = board.days[day]
        assert (shown.reviews, shown.again, shown.hard, shown.good, shown.easy,
                shown.recalls, shown.recalls_passed, shown.answers, shown.correct,
                shown.study_ms) == tuple(v[:10]), day
        assert shown.reading_seconds == pytest.approx(v[10], abs=1e-6), day
        assert shown.studied == bool(v[0] or v[7] or v[10] >= 60), day
    assert board.streak == _streak(board.days, board.today)
    s = board.summary
    assert (s.reviews, s.recalls, s.recalls_passed, s.answers, s.correct) == tuple(
        sum(v[i] for v in old.values()) for i in (0, 5, 6, 7, 8))
    by_section = {row[0]: tuple(row[1:]) for row in store.db.execute(
        "SELECT section_id, sum(recalls), sum(recalls_passed), sum(answers), sum(correct) "
        "FROM activity GROUP BY section_id")}
    for m in board.mastery:
        assert (m.recalls, m.recalls_passed, m.answers, m.correct) == by_section.get(
            m.section_id, (0, 0, 0, 0))
    # The trends, as before: the hours from the one the window's first day starts in.
    today = board.today
    first = store.progress.start_of(today - timedelta(days=2 * TREND_DAYS - 1))
    for relationship in board.relationships:
        windows = {True: [0, 0], False: [0, 0]}
        for hour, right, total in store.db.execute(
            "SELECT hour, correct + recalls_passed, answers + recalls FROM activity "
            "WHERE section_id = ? AND hour >= ?",
            [relationship.section_id, first.isoformat()[:13]]
        ):
            recent = (today - _day_of_hour(hour, tz, starts_at)).days < TREND_DAYS
            windows[recent][0] += right
            windows[recent][1] += total
        for recent, share in ((True, relationship.recent), (False, relationship.before)):
            right, total = windows[recent]
            assert share == (right / total if total else None)


_SUMMARY_GROUPS = {  # table: (its key columns, the same grouping of `activity`, columns)
    "activity_days": ("day", "substr(hour, 1, 10)", SUMMED),
    "activity_hours": ("hh, day", "CAST(substr(hour, 12, 2) AS INTEGER), substr(hour, 1, 10)",
                       SUMMED),
    "activity_sections": ("section_id", "section_id", SECTION_SUMMED),
}


def _assert_summaries_match_activity(db: Database) -> None:
    """The triggers kept each summary equal to `activity` grouped its way."""
    for table, (keys, group, columns) in _SUMMARY_GROUPS.items():
        expected = db.execute(
            f"SELECT {group}, {', '.join(f'sum({c})' for c in columns)} FROM activity "
            f"GROUP BY {group} ORDER BY {group}").fetchall()
        kept = db.execute(f"SELECT {keys}, {', '.join(columns)} FROM {table} "
                          f"ORDER BY {keys}").fetchall()
        assert len(kept) == len(expected), table
        for got, want in zip(kept, expected, strict=True):
            if columns[-1] == "reading_seconds":  # floats, added in another order
                assert got[-1] == pytest.approx(want[-1], abs=1e-6), (table, got)
                got, want = got[:-1], want[:-1]
            assert got == want, table


@pytest.fixture
def history(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path, "history", FakeClock(NOW))
    try:
        store.question_sets.ensure_builtin()
        with store.db.atomic():
            _write_history(store.db, random.Random(16))
        yield store
    finally:
        store.close()


@pytest.mark.parametrize("tz", ZONES, ids=str)
def test_every_number_is_as_before_for_every_day_start(history: Store, tz: Any) -> None:
    history.reviews.tz = tz
    _assert_summaries_match_activity(history.db)
    for starts_at in DAY_STARTS:  # changed as the learner does, in Cards -> Schedule
        history.reviews.save_settings(
            replace(history.reviews.settings(), day_starts_at=starts_at))
        _assert_as_before(history, tz, starts_at)


def test_reviews_answers_and_reading_keep_the_summaries(history: Store) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    history.reviews.tz = zone
    board = history.progress.dashboard(load_report())
    keys = [r[0] for r in history.db.execute("SELECT card_key FROM card_state LIMIT 3")]
    answers = [history.reviews.answer(key, rating, 4000) for key, rating in zip(
        keys, (1, 3, 4), strict=True)]
    history.reviews.undo(answers[1].review_id)  # Ctrl+Z in the Cards view
    history.sections.add_seconds("intro", 75.5)
    after = history.progress.dashboard(load_report())
    assert after.day(after.today).reviews == board.day(board.today).reviews + 2
    _assert_summaries_match_activity(history.db)
    _assert_as_before(history, zone, 4)


def _old_profile(tmp_path: Path) -> Path:
    """A profile at m007 (before the summaries) with a history in it."""
    store = open_store(tmp_path, "seed", FakeClock(NOW))
    store.question_sets.ensure_builtin()
    store.close()
    path = profile_path(tmp_path, "old")
    with closing(Database(profile_path(tmp_path, "seed"))) as seed:
        seed.conn.execute(f"VACUUM INTO '{path}'")
    old = Database(path)
    for name in ("m008_progress_summaries",):  # as the version before this one left it
        old.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
    for trigger in ("insert", "delete", "update", "move"):
        old.execute(f"DROP TRIGGER activity_summary_{trigger}")
    for table in ("activity_days", "activity_hours", "activity_sections"):
        old.execute(f"DROP TABLE {table}")
    old.execute("DROP INDEX cards_active_section")
    with old.atomic():
        _write_history(old, random.Random(8))
    old.close()
    return path


def test_m008_fills_the_summaries_of_an_existing_profile(tmp_path: Path) -> None:
    _old_profile(tmp_path)
    store = open_store(tmp_path, "old", FakeClock(NOW))
    try:
        assert "m008_progress_summaries" in {m.name for m in migrations.applied(store.db)}
        _assert_summaries_match_activity(store.db)
        store.reviews.tz = ZoneInfo("Europe/London")
        for starts_at in (4, 0, 23):
            store.reviews.save_settings(
                replace(store.reviews.settings(), day_starts_at=starts_at))
            _assert_as_before(store, ZoneInfo("Europe/London"), starts_at)
    finally:
        store.close()


_KILLED_IN_M008 = """
import os, signal, sys
from sqlite_utils import Database
from studyapp.core import migrations

def fill_then_die(db):
    real(db)
    os.kill(os.getpid(), signal.SIGKILL)  # the power cut: summaries written, not committed

real = migrations.rebuild_activity_summaries
migrations.rebuild_activity_summaries = fill_then_die
migrations.migrations.apply(Database(sys.argv[1]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_m008_killed_half_way_leaves_the_profile_as_it_was(tmp_path: Path) -> None:
    path = _old_profile(tmp_path)
    killed = subprocess.run([sys.executable, "-c", _KILLED_IN_M008, str(path)],
                            env={**os.environ}, capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    with closing(Database(path)) as old:
        assert "m008_progress_summaries" not in {m.name for m in migrations.applied(old)}
        assert not old["activity_days"].exists()
    store = open_store(tmp_path, "old", FakeClock(NOW))
    try:
        _assert_summaries_match_activity(store.db)
        _assert_as_before(store, None, 4)
    finally:
        store.close()


def test_moving_an_activity_row_moves_its_sums(history: Store) -> None:
    """activity_summary_move fires only for an UPDATE that sets hour or section_id (m017);
    one that does moves the row's sums between the summaries' rows as before."""
    db = history.db
    hour, section = db.execute(
        "SELECT hour, section_id FROM activity WHERE reviews > 0 AND section_id <> '' "
        "ORDER BY hour LIMIT 1").fetchone()
    with db.atomic():
        db.execute("UPDATE activity SET hour = '2020-01-01T05', section_id = 'moved' "
                   "WHERE hour = ? AND section_id = ?", [hour, section])
        db.execute("UPDATE activity SET reviews = reviews + 1, recalls = recalls + 1 "
                   "WHERE hour = '2020-01-01T05'")
    _assert_summaries_match_activity(db)


def test_m017_replaces_the_triggers_of_an_existing_profile(tmp_path: Path) -> None:
    """A profile with m008's triggers gets the lighter ones and keeps its numbers."""
    store = open_store(tmp_path, "seed", FakeClock(NOW))
    store.question_sets.ensure_builtin()
    store.close()
    old = Database(profile_path(tmp_path, "seed"))
    old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm017_lighter_activity_triggers'")
    old.execute("DROP TRIGGER activity_summary_move")
    moved = migrations_module.SUMMARY_TRIGGERS.split("CREATE TRIGGER activity_summary_move")[1]
    old.execute("CREATE TRIGGER activity_summary_move"
                + moved.replace(" OF hour, section_id", "", 1).rsplit(";", 1)[0])
    with old.atomic():
        _write_history(old, random.Random(17))
    old.close()
    store = open_store(tmp_path, "seed", FakeClock(NOW))
    try:
        assert "m017_lighter_activity_triggers" in {
            m.name for m in migrations.applied(store.db)}
        sql = store.db.execute("SELECT sql FROM sqlite_master "
                               "WHERE name = 'activity_summary_move'").fetchone()[0]
        assert "AFTER UPDATE OF hour, section_id ON activity" in sql
        keys = [r[0] for r in store.db.execute("SELECT card_key FROM card_state LIMIT 4")]
        for key, rating in zip(keys, (1, 2, 3, 4), strict=True):
            store.reviews.answer(key, rating, 3000)
        _assert_summaries_match_activity(store.db)
        store.reviews.tz = ZoneInfo("Europe/London")
        _assert_as_before(store, ZoneInfo("Europe/London"), 4)
    finally:
        store.close()
