"""Backups: when they are taken, which are kept over months, verified copies, restore."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.paths import profile_path
from studyapp.core.store import CorruptDatabaseError, StoreError, open_store
from studyapp.core.store import backups as backups_module
from studyapp.core.store.backups import (
    BACKUP_EVERY,
    MANUAL,
    backup_due,
    backups_to_keep,
    list_backups,
    newest_good_backup,
    restore_backup,
    start_afresh,
)


def test_a_backup_is_due_every_30_minutes_of_use_and_only_after_a_change() -> None:
    clock = FakeClock()
    last = clock()
    assert not backup_due(last, clock.advance(minutes=29), changed=True)
    assert backup_due(last, clock.advance(minutes=1), changed=True)
    assert not backup_due(last, clock.advance(hours=5), changed=False)
    assert backup_due(None, clock(), changed=True)
    assert BACKUP_EVERY == timedelta(minutes=30)


def test_retention_over_a_year_keeps_7_daily_4_weekly_6_monthly() -> None:
    """A learner who studies every day, backing up on each start and close: the kept set
    after each day is the calendar rule's, never more than 17, always the newest."""
    clock = FakeClock(datetime(2026, 1, 1, 8, 0, tzinfo=UTC))
    kept: set[datetime] = set()
    for _day in range(365):
        for hour in (0, 2, 9):  # three backups a day
            kept.add(clock.advance(hours=hour) if hour else clock())
            newest = max(kept)
            kept = backups_to_keep(kept)
            assert newest in kept and len(kept) <= 3 + 7 + 4 + 6
        clock.now = clock.now.replace(hour=8) + timedelta(days=1)
    days = {m.date() for m in kept}
    months = {(m.year, m.month) for m in kept}
    weeks = {m.isocalendar()[:2] for m in kept}
    last_day = max(kept).date()
    # The last three backups, then the last 7 days, one backup each (the day's newest)...
    newest_three = sorted(kept)[-3:]
    assert [m.hour for m in newest_three] == [8, 10, 19]
    assert {last_day - timedelta(days=n) for n in range(7)} <= days
    assert all(m.hour == 19 for m in kept if m not in newest_three)
    # ...the newest of the last 4 weeks and of the last 6 months.
    assert len(weeks) >= 4 and len(months) == 6
    assert min(kept) >= datetime(2026, 7, 1, tzinfo=UTC)
    assert len(kept) < 3 + 7 + 4 + 6


def test_retention_keeps_old_backups_when_the_learner_stayed_away() -> None:
    """Days without a backup do not count: after three idle months the old ones stay."""
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    moments = {start + timedelta(days=n) for n in range(10)}
    moments.add(start + timedelta(days=100))
    kept = backups_to_keep(moments)
    assert start + timedelta(days=100) in kept
    old_days = {m.date() for m in kept if m < start + timedelta(days=20)}
    assert {(start + timedelta(days=n)).date() for n in range(4, 10)} <= old_days


def test_the_service_backs_up_on_its_timer_and_prunes_over_six_weeks(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    store = open_store(tmp_path, "default", clock=clock)
    try:
        assert store.backups.backup_if_due() is not None  # none yet: the first is due
        assert store.backups.backup_if_due() is None  # nothing changed, too soon
        for _day in range(45):
            for _tick in range(3):  # a morning's study: a change, then the timer
                store.sections.add_seconds("intro", 30)
                clock.advance(minutes=15)
                store.backups.backup_if_due()
            clock.advance(hours=23, minutes=15)
        backups = store.backups.list()
    finally:
        store.close()
    assert 7 <= len(backups) <= 3 + 7 + 4 + 6
    assert backups == sorted(backups, key=lambda b: b.taken_at, reverse=True)
    assert backups[0].taken_at.date() == (clock() - timedelta(hours=23, minutes=15)).date()
    assert len({b.taken_at.date() for b in backups[3:]}) == len(backups[3:])  # one a day
    for backup in backups:
        with closing(sqlite3.connect(backup.path)) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_backup_on_request_right_after_an_automatic_one_is_manual(tmp_path: Path) -> None:
    """Back up now and `studyapp backup` label theirs: the list tells them from the timer's
    (both had no label, so File → Backups called a backup by hand Automatic). A manual backup
    is rotated and resets the 30 minutes like an automatic one."""
    clock = FakeClock(datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    store = open_store(tmp_path, "default", clock=clock)
    try:
        assert store.backups.backup_if_due() is not None
        store.notes.add("intro", "a note")
        clock.advance(seconds=10)
        store.backups.backup_now(MANUAL)
        assert [b.label for b in store.backups.list()] == [MANUAL, ""]
        store.notes.add("intro", "another note")
        clock.advance(minutes=29)
        assert store.backups.backup_if_due() is None  # 29 minutes since the manual one
        clock.advance(minutes=1)
        assert store.backups.backup_if_due() is not None
        assert [b.label for b in store.backups.list()] == ["", MANUAL, ""]
        assert all(b.rotated for b in store.backups.list())
    finally:
        store.close()


def test_close_backs_up_only_when_something_changed(tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(tmp_path, "default", clock=clock)
    assert store.backups.due_on_close()  # there was none
    store.backups.backup_now()
    assert not store.backups.due_on_close()
    store.notes.add("intro", "a note")
    clock.advance(seconds=5)
    assert store.backups.due_on_close()
    store.close()


def test_a_backup_that_fails_verification_does_not_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path, "default")
    monkeypatch.setattr(backups_module, "integrity",
                        lambda conn: ["*** in database main ***", "Page 3: btreeInitPage error"])
    try:
        with pytest.raises(CorruptDatabaseError, match="could not be verified"):
            store.backups.backup_now()
    finally:
        monkeypatch.undo()
        store.close()
    folder = tmp_path / "backups" / "default"
    assert list_backups(folder) == [] and list(folder.glob(".*partial")) == []


def test_backup_then_restore_brings_the_profile_back_and_keeps_the_current(
        tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(tmp_path, "default", clock=clock)
    store.notes.add("intro", "before the backup")
    backup = store.backups.backup_now()
    store.notes.add("intro", "after the backup")
    store.close()

    clock.advance(minutes=1)
    restored = restore_backup(tmp_path, "default", backup.path, clock)
    assert restored.kept.name.endswith("-before-restore.sqlite3")
    store = open_store(tmp_path, "default", clock=clock)
    assert [n.text for n in store.notes.all()] == ["before the backup"]
    store.close()
    # The replaced file is itself a backup: restoring it undoes the restore.
    restore_backup(tmp_path, "default", restored.kept, clock)
    store = open_store(tmp_path, "default", clock=clock)
    assert [n.text for n in store.notes.all()] == ["before the backup", "after the backup"]
    store.close()


def test_restore_by_name_and_refusal_of_a_bad_backup(tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(tmp_path, "default", clock=clock)
    backup = store.backups.backup_now()
    store.close()
    restore_backup(tmp_path, "default", Path(backup.path.name), clock)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    before = profile_path(tmp_path, "default").read_bytes()
    with pytest.raises(CorruptDatabaseError, match="cannot be restored"):
        restore_backup(tmp_path, "default", bad, clock)
    with pytest.raises(StoreError, match="no backup"):
        restore_backup(tmp_path, "default", tmp_path / "missing.sqlite3", clock)
    assert profile_path(tmp_path, "default").read_bytes() == before


def damage(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(bytes(range(256)) * 64)


def test_a_damaged_profile_is_set_aside_by_a_restore_and_by_starting_afresh(
        tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(tmp_path, "default", clock=clock)
    store.notes.add("intro", "good")
    store.backups.backup_now()
    store.close()
    path = profile_path(tmp_path, "default")
    damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_store(tmp_path, "default")
    good = newest_good_backup(tmp_path / "backups" / "default")
    assert good is not None
    clock.advance(minutes=1)
    restored = restore_backup(tmp_path, "default", good.path, clock)
    assert ".sqlite3.damaged-" in restored.kept.name
    assert restored.kept.read_bytes() == damaged_bytes  # kept, byte for byte
    store = open_store(tmp_path, "default", clock=clock)
    assert [n.text for n in store.notes.all()] == ["good"]
    store.close()

    damage(path)
    clock.advance(minutes=1)
    aside = start_afresh(tmp_path, "default", clock)
    assert aside.exists() and not path.exists()
    fresh = open_store(tmp_path, "default", clock=clock)
    assert fresh.notes.all() == []
    fresh.close()
    assert sorted(p.name for p in path.parent.iterdir() if "damaged" in p.name) == sorted(
        [restored.kept.name, aside.name])
