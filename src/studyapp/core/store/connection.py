"""Opening a learner's profile: its lock, its checks, its schema.

Opening takes the profile's lock (``locking.py``; a writer waits ``LOCK_WAIT_SECONDS`` once),
removes what a killed backup or restore left behind, then checks before it writes anything
(``checks.py``): the file is SQLite (an empty file is a damaged profile), it is StudyApp's
(``application_id``, or StudyApp's rows in ``_sqlite_migrations``) and not from a newer
StudyApp, and, unless the file is exactly as a StudyApp closed it, every page passes
``PRAGMA quick_check``. Only then does it switch on WAL (the rollback journal on a network
drive), bring the schema up to date with the numbered migrations (a verified backup is taken
before an upgrade) and check that every table is there. A new profile is made beside its
place and renamed into it. Anything that goes wrong is a :class:`StoreError` whose message
names the real cause; the ones that mean "this profile cannot be used now" are
:class:`ProfileUnavailableError` (the CLI's exit status 3).

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
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from studyapp.core.clock import Clock, system_clock
from studyapp.core.messages import msg
from studyapp.core.migrations import migrations
from studyapp.core.paths import (
    DEFAULT_PROFILE,
    DataDirError,
    backups_dir,
    canonical_profile_name,
    lock_path,
    profiles_dir,
)
from studyapp.core.store.backups import take_backup
from studyapp.core.store.checks import (
    APPLICATION_ID,
    CorruptDatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ProfileInUseError,
    ProfileUnavailableError,
    ReadOnlyProfileError,
    StoreError,
    check_header,
    check_identity,
    check_integrity,
    check_schema,
    check_writable,
    known_migrations,
    left_as_closed,
    os_error,
    store_errors,
    translate_error,
)
from studyapp.core.store.locking import LOCK_WAIT_SECONDS, LockBusy, ProfileLock

Access = Literal["write", "read"]


@dataclass
class OpenedDatabase:
    db: Database
    path: Path
    profile: str  # as the file spells it
    lock: ProfileLock | None  # None for a read-only connection beside another process
    read_only: bool
    checked: bool = False  # every page was checked on this open (else: check it later)


def connect(path: Path) -> Database:
    """A connection with the house settings (WAL, foreign keys, a short wait for the lock)."""
    # No sqlite-utils plugins: nothing installed beside the app runs code on a learner's
    # profile (and scanning for plugins costs start-up time).
    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA busy_timeout=5000")
    _house_settings(db, journal_mode_for(Path(path).parent))
    return db


def _house_settings(db: Database, journal: str = "wal") -> None:
    db.execute(f"PRAGMA journal_mode={journal}")
    # FULL: a commit that returned is on the disk, so a grade or an answer the learner saw
    # saved survives a power cut too (NORMAL in WAL mode keeps it through a crash of the
    # app, but may lose the last commits when the power goes).
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")


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
        # A writer waits once, as long as asked (docs/cli.md: 5 s), then gives up.
        lock = ProfileLock.acquire(lock_path(path), wait=0.0 if access == "read" else wait)
    except LockBusy:
        if access != "read":
            raise _in_use(name) from None
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
        raise os_error(error, path.parent, name) from error
    try:
        if lock.first:  # no other connection of this process is using the files
            remove_leftovers(data_dir, path)
        db, checked = _open_locked(path, data_dir, name, clock, lock)
    except BaseException:
        lock.release()
        raise
    return OpenedDatabase(db, path, name, lock, read_only=False, checked=checked)


def profile_free(data_dir: Path, profile: str) -> bool:
    """Whether no other process holds the profile now (the in-use dialog's wait)."""
    try:
        path = profiles_dir(data_dir) / f"{canonical_profile_name(data_dir, profile)}.sqlite3"
        ProfileLock.acquire(lock_path(path), wait=0.0).release()
    except (LockBusy, OSError, DataDirError):
        return False
    return True


def _in_use(name: str) -> ProfileInUseError:
    return ProfileInUseError(msg(
        "The profile '{name}' is open in another StudyApp (a window, or a command still "
        "running). Close it there and try again, or use another profile; nothing was changed.",
        name=name).render())


def _acquire_waiting(path: Path, name: str, wait: float) -> ProfileLock:
    try:
        return ProfileLock.acquire(lock_path(path), wait=wait)
    except LockBusy:
        raise _in_use(name) from None
    except OSError as error:
        raise os_error(error, path.parent, name) from error


def remove_leftovers(data_dir: Path, path: Path) -> None:
    """Removes what a killed backup, restore or creation of this profile left behind (the
    hidden ``.partial``, ``.restoring`` and ``.creating`` files). Only while holding the lock
    with no other connection of this process open: none of them is being written then."""
    candidates = [path.with_name(f".{path.name}.{ending}")
                  for ending in ("restoring", "creating")]
    try:
        candidates += [entry for entry in backups_dir(data_dir, path.stem).glob(".*.partial")]
    except OSError:
        pass
    for leftover in candidates:
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # left for the next open; it is never read


def _open_locked(path: Path, data_dir: Path, name: str, clock: Clock, lock: ProfileLock
                 ) -> tuple[Database, bool]:
    """The open connection, and whether every page was checked on the way."""
    if not _exists(path):
        _create(path)
    check_header(path)
    check_writable(path)
    journal = journal_mode_for(path.parent)
    db: Database | None = None
    try:
        db = Database(path, execute_plugins=False)
        db.execute("PRAGMA busy_timeout=5000")
        checked = not (lock.first and left_as_closed(path, _note(lock)))
        if checked:
            check_integrity(db, path)
        applied = check_identity(db, path, name)
        _house_settings(db, journal)
        if applied and migrations.pending(db):
            take_backup(db, backups_dir(data_dir, name), clock(), label="before-upgrade")
        migrations.apply(db)
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        check_schema(db, path)
    except sqlite3.Error as error:
        if db is not None:
            db.close()
        raise translate_error(error, path) from error
    except BaseException:
        if db is not None:
            db.close()
        raise
    return db, checked


def _note(lock: ProfileLock) -> str:
    try:
        return lock.read_note()
    except OSError:
        return ""


def _create(path: Path) -> None:
    """A new profile is made complete beside its place, then renamed into it: a profile file
    that exists is never a half-made one (so an empty file is a damaged one)."""
    creating = path.with_name(f".{path.name}.creating")
    try:
        with closing(sqlite3.connect(creating)) as conn:
            db = Database(conn, execute_plugins=False)
            migrations.apply(db)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.commit()
        os.replace(creating, path)
    except sqlite3.Error as error:
        _unlink(creating)
        raise translate_error(error, path) from error
    except OSError as error:
        _unlink(creating)
        raise os_error(error, path.parent, path.stem) from error


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _open_read_only(path: Path, name: str, ready: Callable[[Database], bool] | None
                    ) -> OpenedDatabase | None:
    """A read-only connection beside the process that holds the lock; None when the profile
    is not ready to be read that way (missing, or it needs an upgrade)."""
    if not _exists(path):
        return None
    check_header(path)
    db: Database | None = None
    try:
        db = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                      check_same_thread=False), execute_plugins=False)
        db.execute("PRAGMA busy_timeout=5000")
        # No full check: this connection writes nothing, and the process that holds the
        # profile checks it; a damaged page read here is a CorruptDatabaseError.
        check_identity(db, path, name)
        if migrations.pending(db):
            db.close()
            return None
        check_schema(db, path)
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
        path.stat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise os_error(error, path, path.stem) from error
    return True


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise os_error(error, folder, "") from error
    if not os.access(folder, os.W_OK):
        raise os_error(PermissionError(errno.EACCES, "Permission denied"), folder, "")


# -- network drives --------------------------------------------------------------------
# SQLite's WAL needs memory shared between the processes on one computer: on a network
# drive (SMB, NFS) it is not safe, so a profile there uses the rollback journal.
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "afs", "ncpfs", "coda", "9p",
    "fuse.sshfs", "ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2",
})


def journal_mode_for(folder: Path) -> str:
    """``"wal"`` on a local disk, ``"delete"`` (the rollback journal) on a network drive."""
    return "delete" if on_network_drive(folder) else "wal"


def on_network_drive(folder: Path, mounts: str | None = None,
                     platform: str = sys.platform) -> bool:
    """Whether ``folder`` is on a network drive: a UNC path or a mapped remote drive on
    Windows, a network file system in ``/proc/mounts`` (or ``mounts``) elsewhere."""
    if platform == "win32":
        return _windows_network_drive(str(folder))
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    real = os.path.realpath(folder)
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind in NETWORK_FILE_SYSTEMS


def _windows_network_drive(folder: str) -> bool:  # pragma: no cover - Windows only
    if folder.startswith(("\\\\", "//")):
        return True
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(folder))[0]
    drive_remote = 4
    get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
    return bool(drive) and int(get_drive_type(drive + "\\")) == drive_remote


__all__ = [
    "APPLICATION_ID", "Clock", "CorruptDatabaseError", "DiskFullError", "ForeignDatabaseError",
    "NewerDatabaseError", "OpenedDatabase", "ProfileInUseError", "ProfileUnavailableError",
    "ReadOnlyProfileError", "StoreError", "connect", "journal_mode_for", "known_migrations",
    "open_database", "profile_free", "remove_leftovers", "store_errors", "system_clock",
    "translate_error",
]
