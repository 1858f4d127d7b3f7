"""The profile database holds: one StudyApp at a time, checks before it writes, honest errors.

Each test states what would be lost or misreported without the guard it checks.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from studyapp.core.paths import DataDirError, profile_path, validate_profile_name
from studyapp.core.questionsets.model import Choice, Question, QuestionSet
from studyapp.core.store import (
    CorruptDatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    ProfileInUseError,
    ReadOnlyProfileError,
    StoreError,
    open_store,
    store_errors,
)
from studyapp.core.store.connection import APPLICATION_ID, translate_error
from studyapp.core.store.locking import held_locks


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_set(count: int = 50) -> QuestionSet:
    return QuestionSet(
        id="bulk", title="Bulk", format="native",
        questions=[Question(id=f"q{i}", type="single", prompt=f"Question {i} " + "x" * 200,
                            choices=[Choice("yes", True), Choice("no")])
                   for i in range(count)],
    )


def made_profile(data_dir: Path, name: str = "default", count: int = 50) -> Path:
    store = open_store(data_dir, name)
    store.question_sets.import_set(a_set(count))
    store.close()
    return store.path



HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from studyapp.core.store import open_store
    store = open_store(Path(sys.argv[1]), sys.argv[2])
    print("held", flush=True)
    sys.stdin.readline()
    store.close()
""")


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds the profile 'default' of ``tmp_path / 'data'`` open."""
    made_profile(tmp_path / "data")
    store = open_store(tmp_path / "data", "default")
    store.question_sets.ensure_builtin()  # as a window does: then readers may read beside it
    store.close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "data"), "default"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def test_a_second_process_is_refused_while_a_first_holds_the_profile(
        tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    before = sha(profile_path(tmp_path / "data", "default"))
    with pytest.raises(ProfileInUseError, match="open in another StudyApp"):
        open_store(tmp_path / "data", "default", wait=0.2)
    assert sha(profile_path(tmp_path / "data", "default")) == before
    assert held_locks() == []


def test_a_reader_runs_beside_the_process_that_holds_the_profile(
        tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    store = open_store(tmp_path / "data", "default", access="read", wait=0.2)
    try:
        assert store.read_only
        assert "bulk" in [s.id for s in store.question_sets.list()]
        with pytest.raises(ReadOnlyProfileError, match="read-only"):
            store.sections.mark_read("intro")
    finally:
        store.close()


def test_the_lock_dies_with_its_process(tmp_path: Path) -> None:
    made_profile(tmp_path / "data")
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "data"), "default"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        with pytest.raises(ProfileInUseError):
            open_store(tmp_path / "data", "default", wait=0)
        process.kill()  # no clean-up runs: an OS lock goes with the process; a file would not
        process.wait(timeout=30)
    open_store(tmp_path / "data", "default", wait=2).close()


def test_within_one_process_the_lock_is_shared_and_released_by_the_last_close(
        tmp_path: Path) -> None:
    first = open_store(tmp_path, "default")
    second = open_store(tmp_path, "default", wait=0)  # e.g. the import dialog's own connection
    assert len(held_locks()) == 1
    second.close()
    assert len(held_locks()) == 1
    first.close()
    first.close()  # closing twice is harmless
    assert held_locks() == []


def test_close_folds_the_wal_back_into_the_file(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    store.question_sets.import_set(a_set())
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size > 0
    store.close()
    assert not wal.exists() or wal.stat().st_size == 0
    # The main file alone now holds everything: a plain copy of it is complete.
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(store.path.read_bytes())
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT count(*) FROM questions").fetchone()[0] == 50


def test_every_connection_opened_is_closed(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.store import backups

    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def tracking(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracking)
    data = tmp_path / "data"
    store = open_store(data, "default")
    store.question_sets.ensure_builtin()
    backup = store.backups.backup_now()
    store.close()
    backups.restore_backup(data, "default", backup.path, store.clock)
    (tmp_path / "foreign.sqlite3").write_bytes(b"")
    with closing(real_connect(profile_path(data, "other"))) as conn:
        conn.execute("CREATE TABLE theirs (x)")
    with pytest.raises(ForeignDatabaseError):
        open_store(data, "other")
    assert opened
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")


def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = profile_path(tmp_path, "default")
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
        conn.commit()
    before = sha(path)
    with pytest.raises(ForeignDatabaseError, match="not a StudyApp profile"):
        open_store(tmp_path, "default")
    assert sha(path) == before
    with closing(sqlite3.connect(path)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


def test_another_apps_application_id_is_refused(tmp_path: Path) -> None:
    path = profile_path(tmp_path, "default")
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA application_id = 1234")
    with pytest.raises(ForeignDatabaseError):
        open_store(tmp_path, "default")


def test_new_profiles_carry_the_application_id_and_old_ones_get_it(tmp_path: Path) -> None:
    path = made_profile(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        conn.execute("PRAGMA application_id = 0")  # as made before the marker existed
    store = open_store(tmp_path, "default")
    assert [s.id for s in store.question_sets.list()] == ["bulk"]
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_empty_file_is_a_damaged_profile_not_a_new_one(tmp_path: Path) -> None:
    # A sync tool or a failed copy emptied it: made anew, the learner's history would be
    # replaced without a word instead of a backup being offered.
    path = profile_path(tmp_path, "default")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError, match="empty") as raised:
        open_store(tmp_path, "default")
    assert "0 bytes" in raised.value.detail
    assert path.stat().st_size == 0
    assert held_locks() == []


def test_a_damaged_page_in_the_middle_is_caught_before_anything_is_written(
        tmp_path: Path) -> None:
    path = made_profile(tmp_path, count=400)
    size = path.stat().st_size
    pages = size // 4096
    assert pages > 20
    with open(path, "r+b") as handle:  # one page in the middle of the file turns to noise
        handle.seek(pages // 2 * 4096)
        handle.write(bytes(range(256)) * 16)
    before = sha(path)
    with pytest.raises(CorruptDatabaseError, match="is damaged"):
        open_store(tmp_path, "default")
    assert sha(path) == before
    assert held_locks() == []


def test_a_missing_table_is_reported_as_damage_not_a_traceback_later(tmp_path: Path) -> None:
    path = made_profile(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE bookmarks")
    with pytest.raises(CorruptDatabaseError, match="table bookmarks is missing"):
        open_store(tmp_path, "default")


def test_a_full_disk_is_named_as_such(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    try:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFullError, match="is full"), store_errors(store.path):
            store.question_sets.import_set(a_set(2000))
        assert store.question_sets.list() == []  # the import rolled back whole
    finally:
        store.close()


def test_sqlite_errors_are_named_by_their_cause() -> None:
    path = Path("/data/profiles/default.sqlite3")
    cases = {
        "database or disk is full": DiskFullError,
        "attempt to write a readonly database": ReadOnlyProfileError,
        "database is locked": ProfileInUseError,
        "database disk image is malformed": CorruptDatabaseError,
        "no such table: notes": CorruptDatabaseError,
    }
    for text, kind in cases.items():
        error = translate_error(sqlite3.OperationalError(text), path)
        assert type(error) is kind, text
        assert str(path) in str(error)
    plain = translate_error(sqlite3.OperationalError("something else"), path)
    assert type(plain) is StoreError


def test_a_read_only_profile_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           ) -> None:
    path = made_profile(tmp_path)
    shm = path.with_name(path.name + "-shm")
    shm.write_bytes(b"")
    real_access = os.access
    # As root (the CI container) chmod does not stop writes; the check asks os.access.
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == shm
                        else real_access(p, mode, **kw))
    before = sha(path)
    with pytest.raises(ReadOnlyProfileError, match="-shm is read-only"):
        open_store(tmp_path, "default")
    assert sha(path) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
def test_a_chmod_read_only_profile_is_named(tmp_path: Path) -> None:
    path = made_profile(tmp_path)
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyProfileError, match="read-only"):
            open_store(tmp_path, "default")
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["NUL", "con", "Com1", "LPT9", "aux", "PRN"])
def test_windows_device_names_are_refused_everywhere(name: str) -> None:
    with pytest.raises(DataDirError, match="Windows reserves it"):
        validate_profile_name(name)


def test_names_too_long_in_bytes_are_refused_with_the_reason(tmp_path: Path) -> None:
    assert validate_profile_name("张" * 64) == "张" * 64  # 192 bytes: fits
    open_store(tmp_path, "张" * 64).close()
    with pytest.raises(DataDirError, match="too long for the file system"):
        validate_profile_name("𠀀" * 64)  # 256 bytes of CJK extension B


def test_names_differing_only_in_case_are_one_profile(tmp_path: Path) -> None:
    made_profile(tmp_path, "Zhang")
    store = open_store(tmp_path, "zhang")
    try:
        assert store.profile == "Zhang" and store.path.name == "Zhang.sqlite3"
        assert [s.id for s in store.question_sets.list()] == ["bulk"]
    finally:
        store.close()
    assert sorted(p.name for p in (tmp_path / "profiles").glob("*.sqlite3")) == [
        "Zhang.sqlite3"]


def test_a_reader_beside_a_holder_with_older_builtin_sets_waits_then_reads(
        tmp_path: Path) -> None:
    made_profile(tmp_path / "data")  # no built-in sets: as a window of another version
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "data"), "default"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        store = open_store(tmp_path / "data", "default", access="read", wait=0.3)
        try:
            assert store.read_only and [s.id for s in store.question_sets.list()] == ["bulk"]
        finally:
            store.close()
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=30)


def test_an_open_skips_the_full_check_only_for_a_file_exactly_as_studyapp_closed_it(
        tmp_path: Path) -> None:
    # Checking every page on each open cost 0.5 s of 0.6 s on a big profile.
    path = made_profile(tmp_path, count=2000)  # the middle page holds question rows
    first = open_store(tmp_path, "default")
    assert not first.checked  # closed cleanly by made_profile: trusted, checked later
    first.close()
    status = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(status.st_size // 4096 // 2 * 4096)
        handle.write(bytes(range(256)) * 16)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # damage without a write
    trusting = open_store(tmp_path, "default")
    assert not trusting.checked
    trusting.close()
    from studyapp.core.store.checks import check_file

    assert check_file(path) != ["ok"]  # what the window runs on a thread after start-up
    os.utime(path)  # any write (another program, a sync tool) makes the next open check
    with pytest.raises(CorruptDatabaseError, match="is damaged"):
        open_store(tmp_path, "default")


def test_a_killed_session_is_checked_at_the_next_open(tmp_path: Path) -> None:
    made_profile(tmp_path)
    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent("""
            import os, signal, sys
            from pathlib import Path
            from studyapp.core.store import open_store
            store = open_store(Path(sys.argv[1]), "default")
            store.notes.add("intro", "kept")
            os.kill(os.getpid(), signal.SIGKILL)
        """), str(tmp_path)], check=False)
    assert killed.returncode == -9
    store = open_store(tmp_path, "default")
    try:
        assert store.checked and [n.text for n in store.notes.all()] == ["kept"]
    finally:
        store.close()


def test_leftovers_of_a_killed_backup_and_restore_go_at_the_next_open(tmp_path: Path) -> None:
    path = made_profile(tmp_path)
    backups = tmp_path / "backups" / "default"
    backups.mkdir(parents=True)
    partial = backups / ".20260105T090000Z.sqlite3.partial"
    restoring = path.with_name(f".{path.name}.restoring")
    for leftover in (partial, restoring):
        leftover.write_bytes(b"x" * 4096)
    reader = open_store(tmp_path, "default", access="read")
    reader.close()
    open_store(tmp_path, "default").close()
    assert not partial.exists() and not restoring.exists()


def test_a_second_connection_in_the_same_process_leaves_a_running_backup_alone(
        tmp_path: Path) -> None:
    made_profile(tmp_path)
    window = open_store(tmp_path, "default")
    try:
        partial = tmp_path / "backups" / "default" / ".20260105T090000Z.sqlite3.partial"
        partial.parent.mkdir(parents=True)
        partial.write_bytes(b"being written")
        open_store(tmp_path, "default").close()  # an import worker's connection
        assert partial.exists()
    finally:
        window.close()
