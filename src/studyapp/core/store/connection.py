"""Opening a learner's profile: the one place where sqlite3 errors become ``StoreError``.

The connection uses WAL and enforces foreign keys; the schema is brought up to date by the
numbered migrations in ``studyapp.core.migrations`` (a copy is kept before upgrading).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlite_utils import Database

from studyapp.core.clock import Clock, system_clock
from studyapp.core.migrations import migrations
from studyapp.core.paths import DEFAULT_PROFILE, DataDirError, profile_path

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(RuntimeError):
    """The profile cannot be opened or changed; ``args[0]`` is a message for the user."""


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


def connect(path: Path) -> Database:
    """A connection with the house settings (WAL, foreign keys, a short wait for the lock)."""
    # No sqlite-utils plugins: nothing installed beside the app runs code on a learner's
    # profile (and scanning for plugins costs start-up time).
    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL keeps every committed transaction through a crash or kill of the
    # app (the OS has it); only a power cut may lose the last commits, never the file's
    # integrity. A flashcard grade then commits in well under a millisecond instead of
    # waiting for the disk on every key press.
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def known_migrations() -> set[str]:
    with closing(Database(memory=True, execute_plugins=False)) as empty:
        return {migration.name for migration in migrations.pending(empty)}


def open_database(data_dir: Path, profile: str = DEFAULT_PROFILE) -> tuple[Database, Path]:
    """Opens (creating and upgrading as needed) the profile's database file."""
    try:
        path = profile_path(data_dir, profile)
    except DataDirError as error:
        raise StoreError(str(error)) from error
    _ensure_writable_folder(path.parent)
    if path.exists():
        _check_is_sqlite(path)
    db: Database | None = None
    try:
        db = connect(path)
        applied = {migration.name for migration in migrations.applied(db)}
        if applied - known_migrations():
            raise NewerDatabaseError(
                f"The profile '{profile}' ({path}) was saved by a newer version of StudyApp. "
                "Install that version (or newer) to open it; nothing was changed."
            )
        if applied and migrations.pending(db):
            backup_to(db, path.with_name(f"{path.name}.bak-{len(applied)}"))
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        raise CorruptDatabaseError(
            f"The profile file {path} cannot be read ({error}). Restore it from a backup "
            f"(*.bak-* files next to it) or move it away to start afresh."
        ) from error
    except StoreError:
        if db is not None:
            db.close()
        raise
    return db, path


def backup_to(db: Database, target: Path) -> None:
    """SQLite's online backup of the whole database into ``target``."""
    backup = sqlite3.connect(target)
    try:
        db.conn.backup(backup)
    finally:
        backup.close()


def _ensure_writable_folder(folder: Path) -> None:
    probe = folder / ".studyapp-write-test"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise StoreError(
            f"StudyApp cannot write to its data folder {folder} ({error.strerror or error}). "
            "Choose a folder you can write to with --data-dir or STUDYAPP_DATA_DIR, "
            "or ask IT to give you write access."
        ) from error


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"StudyApp cannot read the profile file {path} ({error}).") from error
    if header and header != SQLITE_HEADER:
        raise CorruptDatabaseError(
            f"The profile file {path} is not a StudyApp database (it may be damaged). "
            "Move it away to start afresh, or restore it from a backup."
        )


__all__ = [
    "Clock", "CorruptDatabaseError", "NewerDatabaseError", "StoreError", "backup_to", "connect",
    "open_database", "system_clock",
]
