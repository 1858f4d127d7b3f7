"""Opening a learner's profile: the one place where sqlite3 errors become ``StoreError``.

Opening takes the profile's lock (``locking.py``), then checks before it writes anything:
the file is SQLite, it passes ``PRAGMA quick_check``, it is StudyApp's (``application_id``, or
StudyApp's rows in ``_sqlite_migrations``) and not from a newer StudyApp. Only then does it
switch on WAL, bring the schema up to date with the numbered migrations (a verified backup is
taken before an upgrade) and check that every table is there. Anything that goes wrong is a
:class:`StoreError` whose message names the real cause; the ones that mean "this profile
cannot be used now" are :class:`ProfileUnavailableError` (the CLI's exit status 3).

Read-only access (``access="read"``, for ``stats``, ``sets``, ``export``...) does not wait for
the lock: while a window holds it, the profile is read through a read-only connection, which
WAL lets run beside the window's writes. It still waits for the lock when the profile does not
exist yet or needs an upgrade, so six commands started at once on a fresh data folder create
it once, in turn.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from studyapp.core.clock import Clock, system_clock
from studyapp.core.migrations import MIGRATION_SET, migrations
from studyapp.core.paths import (
    DEFAULT_PROFILE,
    DataDirError,
    canonical_profile_name,
    lock_path,
    profiles_dir,
)
from studyapp.core.store.locking import LockBusy, ProfileLock

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id of every StudyApp profile: "STUD" (files made before it was set are
# recognised by StudyApp's rows in _sqlite_migrations and get it on their next open).
APPLICATION_ID = 0x53545544
LOCK_WAIT_SECONDS = 5.0
Access = Literal["write", "read"]


class StoreError(RuntimeError):
    """The profile cannot be opened or changed; ``args[0]`` is a message for the user."""


class ProfileUnavailableError(StoreError):
    """The profile cannot be used now; nothing was changed (the CLI exits with status 3)."""


class ProfileInUseError(ProfileUnavailableError):
    pass


class NewerDatabaseError(ProfileUnavailableError):
    pass


class CorruptDatabaseError(ProfileUnavailableError):
    detail: str = ""  # what is damaged, without advice (the window shows its own)


class ForeignDatabaseError(ProfileUnavailableError):
    pass


class DiskFullError(ProfileUnavailableError):
    pass


class ReadOnlyProfileError(ProfileUnavailableError):
    pass


@dataclass
class OpenedDatabase:
    db: Database
    path: Path
    profile: str  # as the file spells it
    lock: ProfileLock | None  # None for a read-only connection beside another process
    read_only: bool


def connect(path: Path) -> Database:
    """A connection with the house settings (WAL, foreign keys, a short wait for the lock)."""
    # No sqlite-utils plugins: nothing installed beside the app runs code on a learner's
    # profile (and scanning for plugins costs start-up time).
    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA busy_timeout=5000")
    _house_settings(db)
    return db


def _house_settings(db: Database) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit that returned is on the disk, so a grade or an answer the learner saw
    # saved survives a power cut too (NORMAL in WAL mode keeps it through a crash of the
    # app, but may lose the last commits when the power goes).
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")


def known_migrations() -> set[str]:
    return set(_expected_schema()[0])


@cache
def _expected_schema() -> tuple[tuple[str, ...], dict[str, frozenset[str]]]:
    """The migration names and the tables (with their columns) a current profile has."""
    with closing(Database(memory=True, execute_plugins=False)) as empty:
        names = tuple(migration.name for migration in migrations.pending(empty))
        migrations.apply(empty)
        tables = {
            table.name: frozenset(table.columns_dict)
            for table in empty.tables if not table.name.startswith("_")
        }
    return names, tables


def open_database(
    data_dir: Path, profile: str = DEFAULT_PROFILE, *, access: Access = "write",
    wait: float = LOCK_WAIT_SECONDS, clock: Clock = system_clock,
    ready: Callable[[Database], bool] | None = None,
) -> OpenedDatabase:
    """Opens (creating and upgrading as needed) the profile's database file.

    ``ready`` says whether a profile that another process holds is complete enough to be
    read beside it (for example: its built-in sets are installed); if not, this waits for
    the lock as a writer would."""
    try:
        name = canonical_profile_name(data_dir, profile)
    except DataDirError as error:
        raise StoreError(str(error)) from error
    path = profiles_dir(data_dir) / f"{name}.sqlite3"
    _make_folder(path.parent)
    try:
        lock = ProfileLock.acquire(lock_path(path), wait=0.0 if access == "read" else wait)
    except LockBusy:
        if access != "read":
            lock = _acquire_waiting(path, name, wait)
        else:
            reader = _open_read_only(path, name, ready)
            if reader is not None:
                return reader
            try:
                lock = _acquire_waiting(path, name, wait)
            except ProfileInUseError:
                # Still held: read what is there (a window of another version may keep
                # older built-in sets), unless the schema itself is not ready.
                reader = _open_read_only(path, name, None)
                if reader is None:
                    raise
                return reader
    except OSError as error:
        raise _os_error(error, path.parent, name) from error
    try:
        db = _open_locked(path, data_dir, name, clock)
    except BaseException:
        lock.release()
        raise
    return OpenedDatabase(db, path, name, lock, read_only=False)


def _acquire_waiting(path: Path, name: str, wait: float) -> ProfileLock:
    try:
        return ProfileLock.acquire(lock_path(path), wait=wait)
    except LockBusy:
        raise ProfileInUseError(
            f"The profile '{name}' is open in another StudyApp (a window, or a command still "
            "running). Close it there and try again, or use another profile; nothing was "
            "changed."
        ) from None
    except OSError as error:
        raise _os_error(error, path.parent, name) from error


def _open_locked(path: Path, data_dir: Path, name: str, clock: Clock) -> Database:
    existed = _exists(path)
    if existed:
        _check_header(path)
        _check_writable(path)
    db: Database | None = None
    try:
        db = Database(path, execute_plugins=False)
        db.execute("PRAGMA busy_timeout=5000")
        applied: list[str] = []
        if existed:
            _check_integrity(db, path)
            applied = _check_identity(db, path, name)
        _house_settings(db)
        if applied and migrations.pending(db):
            from studyapp.core.paths import backups_dir
            from studyapp.core.store.backups import take_backup

            take_backup(db, backups_dir(data_dir, name), clock(), label="before-upgrade")
        migrations.apply(db)
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        _check_schema(db, path)
    except sqlite3.Error as error:
        if db is not None:
            db.close()
        raise translate_error(error, path) from error
    except BaseException:
        if db is not None:
            db.close()
        raise
    return db


def _open_read_only(path: Path, name: str, ready: Callable[[Database], bool] | None
                    ) -> OpenedDatabase | None:
    """A read-only connection beside the process that holds the lock; None when the profile
    is not ready to be read that way (missing, or it needs an upgrade)."""
    if not _exists(path):
        return None
    _check_header(path)
    db: Database | None = None
    try:
        db = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                      check_same_thread=False), execute_plugins=False)
        db.execute("PRAGMA busy_timeout=5000")
        _check_integrity(db, path)
        _check_identity(db, path, name)
        if migrations.pending(db):
            db.close()
            return None
        _check_schema(db, path)
        if ready is not None and not ready(db):
            db.close()
            return None
    except sqlite3.Error as error:
        if db is not None:
            db.close()
        raise translate_error(error, path) from error
    except BaseException:
        if db is not None:
            db.close()
        raise
    return OpenedDatabase(db, path, name, None, read_only=True)


def _exists(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _os_error(error, path, path.stem) from error


def _check_integrity(db: Database, path: Path) -> None:
    rows = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        raise damaged(path, "; ".join(rows))


def _check_identity(db: Database, path: Path, name: str) -> list[str]:
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
        raise ForeignDatabaseError(
            f"The file {path} is an SQLite database, but not a StudyApp profile (another "
            "program's data?). StudyApp has not changed it. Move it elsewhere or choose "
            "another profile name."
        )
    if ours and not applied:
        raise damaged(path, "its table of schema versions is missing")
    if set(applied) - known_migrations():
        raise NewerDatabaseError(
            f"The profile '{name}' ({path}) was saved by a newer version of StudyApp. "
            "Install that version (or newer) to open it; nothing was changed."
        )
    return applied


def _check_schema(db: Database, path: Path) -> None:
    _, expected = _expected_schema()
    for table, columns in expected.items():
        present = {row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()}
        if not present:
            raise damaged(path, f"the table {table} is missing")
        if missing := sorted(columns - present):
            raise damaged(path, f"the table {table} lacks {', '.join(missing)}")


def damaged(path: Path, detail: str) -> CorruptDatabaseError:
    error = CorruptDatabaseError(
        f"The profile file {path} is damaged ({detail}). StudyApp has not changed it. "
        "Restore a backup (studyapp backups, then studyapp restore BACKUP; or open StudyApp, "
        "which offers it), or move the file away to start afresh."
    )
    error.detail = f"{path}: {detail}"
    return error


def translate_error(error: sqlite3.Error, path: Path | None = None) -> StoreError:
    """The StoreError that names the real cause of an sqlite3 error."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    lower = text.lower()
    where = f" {path}" if path is not None else ""
    if primary == sqlite3.SQLITE_FULL or "disk is full" in lower:
        return DiskFullError(
            f"The disk that holds the profile{where} is full, so StudyApp cannot save. "
            "Free some space on it and try again; nothing was changed."
        )
    if primary == sqlite3.SQLITE_READONLY or "readonly" in lower or "read-only" in lower:
        return ReadOnlyProfileError(
            f"StudyApp cannot write to the profile{where}: the file or its folder is "
            f"read-only ({text}). Make it writable, or copy the data folder somewhere you can "
            "write to and use --data-dir; nothing was changed."
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in lower:
        return ProfileInUseError(
            f"The profile{where} is busy: another program is writing to it. Close other "
            "StudyApp windows and try again; nothing was changed."
        )
    if (primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in lower
            or "not a database" in lower or "no such table" in lower
            or "no such column" in lower):
        return damaged(path or Path("?"), text)
    if primary == sqlite3.SQLITE_CANTOPEN:
        return ReadOnlyProfileError(
            f"StudyApp cannot open the profile{where} ({text}). Check that the folder exists "
            "and that you may write to it."
        )
    if primary == sqlite3.SQLITE_IOERR:
        return ProfileUnavailableError(
            f"The disk that holds the profile{where} could not be read or written ({text}). "
            "If it is a USB stick or a network drive, check that it is still there."
        )
    return StoreError(f"The profile{where} could not be used ({text}).")


@contextmanager
def store_errors(path: Path | None = None) -> Iterator[None]:
    """Turns sqlite3 errors raised inside into the StoreError that names their cause."""
    try:
        yield
    except sqlite3.Error as error:
        raise translate_error(error, path) from error


def _os_error(error: OSError, where: Path, name: str) -> StoreError:
    if error.errno == errno.ENOSPC:
        return DiskFullError(
            f"The disk that holds {where} is full. Free some space on it and try again; "
            "nothing was changed."
        )
    if error.errno == errno.ENAMETOOLONG:
        return StoreError(
            f"The profile name '{name}' is too long for the file system of {where}. "
            "Choose a shorter name."
        )
    return ReadOnlyProfileError(
        f"StudyApp cannot write to its data folder {where} ({error.strerror or error}). "
        "Choose a folder you can write to with --data-dir or STUDYAPP_DATA_DIR, "
        "or ask IT to give you write access."
    )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _os_error(error, folder, "") from error
    if not os.access(folder, os.W_OK):
        raise _os_error(PermissionError(errno.EACCES, "Permission denied"), folder, "")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ReadOnlyProfileError(
            f"StudyApp cannot read the profile file {path} ({error.strerror or error})."
        ) from error
    if header != SQLITE_HEADER:
        raise CorruptDatabaseError(
            f"The profile file {path} is not a StudyApp database (it may be damaged, or "
            "another program's file). StudyApp has not changed it. Move it away to start "
            "afresh, or restore a backup."
        )


def _check_writable(path: Path) -> None:
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and not os.access(file, os.W_OK):
            raise ReadOnlyProfileError(
                f"The file {file} is read-only, so StudyApp cannot save progress in the "
                "profile. Make it writable again (or ask IT to), then try again; nothing "
                "was changed."
            )


def timestamp(moment: datetime) -> str:
    """A moment as it appears in file names: ``20260105T090000Z`` (UTC)."""
    from datetime import UTC

    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


__all__ = [
    "APPLICATION_ID", "Clock", "CorruptDatabaseError", "DiskFullError", "ForeignDatabaseError",
    "NewerDatabaseError", "OpenedDatabase", "ProfileInUseError", "ProfileUnavailableError",
    "ReadOnlyProfileError", "StoreError", "connect", "open_database", "store_errors",
    "system_clock", "translate_error",
]
