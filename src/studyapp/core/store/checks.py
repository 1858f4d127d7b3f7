"""What a profile's file must be before StudyApp writes to it, and the errors that say why not.

The error classes themselves are in ``core/store_errors.py`` (the window catches them
before the database layer loads); the store's modules import them from here. Kept apart
from ``connection.py`` (opening) and ``backups.py`` (copies), which both use it, so that
neither imports the other's internals. Every error a store raises is a
:class:`StoreError`; the ones that mean "this profile cannot be used now" are
:class:`ProfileUnavailableError` (the CLI's exit status 3). :func:`translate_error` names the
real cause of an ``sqlite3`` error; :func:`is_studyapp_file` recognises a file StudyApp wrote
(a profile or a backup) by its own header, never by its name.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from studyapp.core.messages import Message, msg
from studyapp.core.migrations import MIGRATION_SET, migrations
from studyapp.core.store_errors import (
    CorruptDatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ProfileInUseError,
    ProfileUnavailableError,
    ReadOnlyProfileError,
    StoreError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id of every StudyApp profile and backup: "STUD" (files made before it
# was set are recognised by StudyApp's rows in _sqlite_migrations and get it on their next
# open). SQLite keeps it big-endian at this offset of the file's first page.
APPLICATION_ID = 0x53545544
APPLICATION_ID_OFFSET = 68
# Below this many free bytes an I/O error on the profile's disk is a full disk: SQLite often
# reports ENOSPC in WAL mode as SQLITE_IOERR, not SQLITE_FULL.
NEARLY_FULL_BYTES = 1 << 20


def damaged(path: Path, detail: str) -> CorruptDatabaseError:
    error = CorruptDatabaseError(msg(
        "The profile file {path} is damaged ({detail}). StudyApp has not changed it. Restore a "
        "backup (studyapp backups, then studyapp restore BACKUP; or open StudyApp, which "
        "offers it), or move the file away to start afresh.", path=str(path), detail=detail
    ).render())
    error.detail = f"{path}: {detail}"
    return error


def disk_full(where: Path | None) -> DiskFullError:
    if where is None:
        return DiskFullError(msg(
            "The disk that holds the profile is full, so StudyApp cannot save. Free some space "
            "on it and try again; nothing that was saved before is lost.").render())
    return DiskFullError(msg(
        "The disk that holds {path} is full, so StudyApp cannot save. Free some space on it "
        "and try again; nothing that was saved before is lost.", path=str(where)).render())


def _the_profile(path: Path | None, start: bool = False) -> Message:
    """"the profile /x/y.sqlite3" (or "the profile"), as a message names it; ``start``: at
    the start of a sentence."""
    if path is None:
        return msg("The profile") if start else msg("the profile")
    return (msg("The profile {path}", path=str(path)) if start
            else msg("the profile {path}", path=str(path)))


def translate_error(error: sqlite3.Error, path: Path | None = None) -> StoreError:
    """The StoreError that names the real cause of an sqlite3 error."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    lower = text.lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in lower:
        return disk_full(path)
    if primary == sqlite3.SQLITE_READONLY or "readonly" in lower or "read-only" in lower:
        return ReadOnlyProfileError(msg(
            "StudyApp cannot write to {profile}: the file or its folder is read-only ({why}). "
            "Make it writable, or copy the data folder somewhere you can write to and use "
            "--data-dir; nothing was changed.", profile=_the_profile(path), why=text).render())
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in lower:
        return ProfileInUseError(msg(
            "{profile} is busy: another program is writing to it. Close other StudyApp "
            "windows and try again; nothing was changed.",
            profile=_the_profile(path, start=True)).render())
    if (primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in lower
            or "not a database" in lower or "no such table" in lower
            or "no such column" in lower):
        return damaged(path or Path("?"), text)
    if primary == sqlite3.SQLITE_CANTOPEN:
        return ReadOnlyProfileError(msg(
            "StudyApp cannot open {profile} ({why}). Check that the folder exists and that you "
            "may write to it.", profile=_the_profile(path), why=text).render())
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in lower:
        if path is not None and _nearly_full(path):
            return disk_full(path)
        return ProfileUnavailableError(msg(
            "The disk that holds {profile} could not be read or written ({why}). If it is a "
            "USB stick or a network drive, check that it is still there.",
            profile=_the_profile(path), why=text).render())
    return StoreError(msg("{profile} could not be used ({why}).",
                          profile=_the_profile(path, start=True), why=text).render())


def _nearly_full(path: Path) -> bool:
    for folder in (path.parent, path):
        try:
            return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
        except OSError:
            continue
    return False


@contextmanager
def store_errors(path: Path | None = None) -> Iterator[None]:
    """Turns sqlite3 errors raised inside into the StoreError that names their cause."""
    try:
        yield
    except sqlite3.Error as error:
        raise translate_error(error, path) from error


def os_error(error: OSError, where: Path, name: str = "") -> StoreError:
    """The StoreError for an OSError met on the profile's folder or files."""
    if error.errno == errno.ENOSPC:
        return disk_full(where)
    if error.errno == errno.ENAMETOOLONG:
        return StoreError(msg(
            "The profile name '{name}' is too long for the file system of {where}. Choose a "
            "shorter name.", name=name, where=str(where)).render())
    return ReadOnlyProfileError(msg(
        "StudyApp cannot write to its data folder {where} ({why}). Choose a folder you can "
        "write to with --data-dir or STUDYAPP_DATA_DIR, or ask IT to give you write access.",
        where=str(where), why=error.strerror or str(error)).render())


def read_header(path: Path, size: int = 100) -> bytes:
    """The first ``size`` bytes of ``path`` ("" for an empty file); OSError if unreadable."""
    with path.open("rb") as handle:
        return handle.read(size)


def is_studyapp_file(path: Path) -> bool:
    """Whether ``path`` is an SQLite file StudyApp wrote (a profile or a backup), by its
    header and application id: an export or another program's file never is."""
    try:
        header = read_header(path)
    except OSError:
        return False
    if not header.startswith(SQLITE_HEADER) or len(header) < APPLICATION_ID_OFFSET + 4:
        return False
    found = int.from_bytes(header[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")
    return found == APPLICATION_ID


def check_header(path: Path) -> None:
    """Refuses a file that is not SQLite; an empty file is a damaged profile (a sync tool
    or a failed copy emptied it: a backup is offered, the file is not made anew)."""
    try:
        header = read_header(path, len(SQLITE_HEADER))
    except OSError as error:
        raise ReadOnlyProfileError(msg(
            "StudyApp cannot read the profile file {path} ({why}).", path=str(path),
            why=error.strerror or str(error)).render()) from error
    if not header:
        raise damaged(path, "the file is empty: 0 bytes")
    if header != SQLITE_HEADER:
        problem = CorruptDatabaseError(msg(
            "The profile file {path} is not a StudyApp database (it may be damaged, or another "
            "program's file). StudyApp has not changed it. Move it away to start afresh, or "
            "restore a backup.", path=str(path)).render())
        problem.detail = f"{path}: not an SQLite database"
        raise problem


def check_writable(path: Path) -> None:
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and not os.access(file, os.W_OK):
            raise ReadOnlyProfileError(msg(
                "The file {path} is read-only, so StudyApp cannot save progress in the "
                "profile. Make it writable again (or ask IT to), then try again; nothing was "
                "changed.", path=str(file)).render())


def integrity(conn: sqlite3.Connection, check: str = "integrity_check") -> list[str]:
    """``PRAGMA integrity_check``'s (or ``quick_check``'s) verdict: ``["ok"]``, or up to
    five problems."""
    return [row[0] for row in conn.execute(f"PRAGMA {check}(5)")]


def check_integrity(db: Database, path: Path) -> None:
    rows = integrity(db.conn, "quick_check")
    if rows != ["ok"]:
        raise damaged(path, "; ".join(rows))


def known_migrations() -> set[str]:
    return set(expected_schema()[0])


@cache
def expected_schema() -> tuple[tuple[str, ...], dict[str, frozenset[str]]]:
    """The migration names and the tables (with their columns) a current profile has."""
    with closing(Database(memory=True, execute_plugins=False)) as empty:
        names = tuple(migration.name for migration in migrations.pending(empty))
        migrations.apply(empty)
        tables = {
            table.name: frozenset(table.columns_dict)
            for table in empty.tables if not table.name.startswith("_")
        }
    return names, tables


def check_identity(db: Database, path: Path, name: str) -> list[str]:
    """The StudyApp migrations applied to the file; refuses a foreign or newer file."""
    # One snapshot for all three questions: a reader beside a process that is creating the
    # profile must not see its tables without their migration rows.
    in_transaction = db.conn.in_transaction
    if not in_transaction:
        db.conn.execute("BEGIN")
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
        applied: list[str] = []
        if migrations.migrations_table in tables:
            applied = [row[0] for row in db.execute(
                f"SELECT name FROM {migrations.migrations_table} WHERE migration_set = ?",
                [MIGRATION_SET]).fetchall()]
    finally:
        if not in_transaction:
            db.conn.execute("COMMIT")
    tables.discard(migrations.migrations_table)  # made first, before any migration runs
    ours = application_id == APPLICATION_ID or (application_id == 0 and bool(applied))
    if not ours and (tables or application_id != 0):
        raise ForeignDatabaseError(msg(
            "The file {path} is an SQLite database, but not a StudyApp profile (another "
            "program's data?). StudyApp has not changed it. Move it elsewhere or choose "
            "another profile name.", path=str(path)).render())
    if ours and not applied:
        raise damaged(path, "its table of schema versions is missing")
    if set(applied) - known_migrations():
        raise NewerDatabaseError(msg(
            "The profile '{name}' ({path}) was saved by a newer version of StudyApp. Install "
            "that version (or newer) to open it; nothing was changed.", name=name,
            path=str(path)).render())
    return applied


def check_schema(db: Database, path: Path) -> None:
    _, expected = expected_schema()
    for table, columns in expected.items():
        present = {row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()}
        if not present:
            raise damaged(path, f"the table {table} is missing")
        if missing := sorted(columns - present):
            raise damaged(path, f"the table {table} lacks {', '.join(missing)}")


# -- the file as StudyApp left it ----------------------------------------------------------
# Checking every page of a big profile on each open costs most of the open (0.5 s of 0.6 s
# at 206 MiB). When a StudyApp closes the file cleanly it notes the file's size, time and
# inode in the lock file; an open that finds the file exactly so (no log to replay) skips the
# full check: nothing has written to it since. Any other state (a crash, a copy, another
# program's write, a sync tool) is checked page by page before anything is written. Damage
# that arrives without a write (a failing disk) is met by the check after start-up, by the
# backup's check, or by SQLite itself when it reads the page: a CorruptDatabaseError.

def closed_signature(path: Path) -> str:
    """What the closing StudyApp notes about the file (see ``left_as_closed``)."""
    status = path.stat()
    return f"closed {status.st_size} {status.st_mtime_ns} {status.st_ino}"


def left_as_closed(path: Path, note: str) -> bool:
    """Whether ``path`` is exactly as a StudyApp left it when it closed it cleanly."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        return note == closed_signature(path)
    except OSError:
        return False


# Profiles found damaged while open in this process: closing one must not note it as
# "closed cleanly", or the next open would skip the check that finds the damage.
_damaged: set[str] = set()
# Called (on the thread that met the damage) with the file and what is damaged: the window
# answers with the recovery dialog, whichever view or worker read the damaged page.
_damage_listeners: list[Callable[[Path, str], None]] = []


def on_damage(listener: Callable[[Path, str], None]) -> Callable[[], None]:
    """Registers ``listener``; returns what unregisters it."""
    _damage_listeners.append(listener)
    return lambda: _damage_listeners.remove(listener) if listener in _damage_listeners else None


def mark_damaged(path: Path | None, detail: str = "") -> None:
    if path is None:
        return
    _damaged.add(os.path.realpath(path))
    for listener in list(_damage_listeners):
        listener(path, detail)


def forget_damage(path: Path) -> None:
    _damaged.discard(os.path.realpath(path))


def found_damaged(path: Path) -> bool:
    return os.path.realpath(path) in _damaged


def check_file(path: Path, stop: threading.Event | None = None) -> list[str]:
    """Every page of the profile file checked through a connection of its own (for a
    thread after start-up): ``["ok"]``, or what is damaged; ``[]`` when ``stop`` was set
    before it was through (the window is closing: no verdict)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     check_same_thread=False)) as conn:
            conn.execute("PRAGMA busy_timeout=5000")
            if stop is not None:
                conn.set_progress_handler(lambda: int(stop.is_set()), 10_000)
            verdict = integrity(conn, "quick_check")
    except sqlite3.DatabaseError as error:
        if stop is not None and stop.is_set():
            return []
        verdict = [str(error)]
    if verdict != ["ok"]:
        mark_damaged(path, f"{path}: {'; '.join(verdict)}")
    return verdict
