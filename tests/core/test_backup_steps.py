"""A backup run for the window: copied in steps from one snapshot, telling how far it is,
and stoppable between steps and during its check without leaving anything behind."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from studyapp.core.store import Store, open_store
from studyapp.core.store.backups import BackupStopped, list_backups, take_backup, verify


def notes_profile(data_dir: Path, notes: int = 300) -> Store:
    store = open_store(data_dir, "default")
    with store.db.atomic():
        for n in range(notes):
            store.notes.add("intro", f"note {n} " + "x" * 500)
    return store


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_stepped_backup_tells_its_progress_and_copies_one_snapshot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("studyapp.core.store.backups.BACKUP_STEP_PAGES", 8)
    store = notes_profile(tmp_path)
    told: list[tuple[int, int]] = []

    def write_meanwhile(done: int, total: int) -> None:
        told.append((done, total))
        store.notes.add("intro", "written during the backup")  # another connection's write

    try:
        job = store.backups.job()
        backup = job.run(progress=write_meanwhile, stop=threading.Event())
    finally:
        store.close()
    copies = [t for t in told if t[1]]
    total = copies[0][1]
    # Never restarted by the writes: one pass over the pages, then the check (0 of 0).
    assert len(copies) == -(-total // 8) and copies[-1] == (total, total)
    assert told[-1] == (0, 0) and [d for d, _ in copies] == sorted(d for d, _ in copies)
    assert verify(backup.path) is None
    with sqlite3.connect(backup.path) as copy:
        written = copy.execute("SELECT count(*) FROM notes WHERE text LIKE 'written%'")
        assert written.fetchone()[0] == 0  # the moment the backup began, as a whole
    copy.close()


@pytest.mark.parametrize("when", ["copying", "checking"])
def test_a_stopped_backup_leaves_nothing_and_keeps_the_older_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.setattr("studyapp.core.store.backups.BACKUP_STEP_PAGES", 8)
    store = notes_profile(tmp_path)
    older = store.backups.backup_now()
    store.notes.add("intro", "changed")
    stop = threading.Event()
    partial_seen: list[str] = []

    def stop_it(done: int, total: int) -> None:
        if (when == "copying" and done > 8) or (when == "checking" and total == 0):
            partial_seen.extend(p for p in leftovers(store.backups.folder)
                                if p.endswith(".partial"))
            stop.set()

    try:
        with pytest.raises(BackupStopped, match="older backups are kept"):
            store.backups.job().run(progress=stop_it, stop=stop)
        folder = store.backups.folder
    finally:
        store.close()
    assert len(partial_seen) == 1  # it had begun writing, and that was removed
    assert leftovers(folder) == [older.path.name]
    assert [b.path for b in list_backups(folder)] == [older.path]


def test_a_plain_backup_is_one_step_as_before(tmp_path: Path) -> None:
    store = notes_profile(tmp_path, 20)
    try:
        backup = take_backup(store.db, store.backups.folder, store.clock())
    finally:
        store.close()
    assert verify(backup.path) is None
