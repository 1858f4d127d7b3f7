"""Backups of a profile: taken with SQLite's online backup, verified, kept by a calendar rule.

Backups live in ``DATA/backups/NAME/`` as ``20260105T090000Z.sqlite3`` (UTC time of the
backup; ``-manual`` added for the ones taken on request (File → Backups → Back up now,
``studyapp backup``), ``-before-upgrade`` or ``-before-restore`` for the ones StudyApp takes
before it changes the file's schema or replaces it). Each is one self-contained SQLite file
(rollback journal, not WAL): copying it is safe. A backup counts only after
``PRAGMA integrity_check`` on the copy says ``ok``; until then it is a hidden ``.partial`` file.

A backup run for the window (:class:`BackupJob`) copies ``BACKUP_STEP_PAGES`` pages at a
time from one snapshot of the profile, reports its progress between steps and can be stopped
there or during its check (:class:`BackupStopped`; the ``.partial`` is removed, the older
backups are kept).

The rules live here, with the clock passed in:
- :func:`backup_due`: the window backs up at most every 30 minutes of use, and only when
  something changed; and on close.
- :func:`backups_to_keep`: the 3 newest (the last hour or so of study: a close never pushes
  out the morning's backup), and the newest backup of each of the 7 most recent days, of each
  of the 4 most recent ISO weeks and of each of the 6 most recent months that have one (UTC
  calendar), over the automatic and the manual backups alike. The other labelled backups are
  never pruned: there are few, and they are the ones to go
  back to.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock
from studyapp.core.messages import msg
from studyapp.core.paths import backups_dir, canonical_profile_name, lock_path, profiles_dir
from studyapp.core.store.checks import (
    APPLICATION_ID,
    SQLITE_HEADER,
    CorruptDatabaseError,
    DiskFullError,
    ProfileInUseError,
    ReadOnlyProfileError,
    StoreError,
    check_identity,
    damaged,
    forget_damage,
    integrity,
    is_studyapp_file,
    mark_damaged,
    read_header,
    translate_error,
)
from studyapp.core.store.locking import LOCK_WAIT_SECONDS, LockBusy, ProfileLock
from studyapp.core.store.service import Service, database_path

BACKUP_EVERY = timedelta(minutes=30)
# The label of a backup taken on request; like the automatic ones ("") it is rotated by the
# calendar rule and resets the 30 minutes, but the list says who made it.
MANUAL = "manual"
ROTATED = ("", MANUAL)
KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 3, 7, 4, 6
_NAME = re.compile(r"^(\d{8}T\d{6}Z)(?:-(\d+))?(?:-([a-z][a-z-]*))?\.sqlite3$")
# Pages copied per step of a backup that reports progress (4 MiB at SQLite's default page
# size): between steps it says how far it is and can be stopped.
BACKUP_STEP_PAGES = 1024
# Told how far a backup is: pages copied and pages in all; (0, 0) while the copy is checked.
BackupProgress = Callable[[int, int], None]


class BackupStopped(StoreError):
    """The backup was stopped (the window closed without waiting): nothing half-written."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    size: int  # bytes
    label: str = ""  # "" automatic; MANUAL; "before-upgrade", "before-restore"

    @property
    def rotated(self) -> bool:
        """Whether the calendar rule prunes it (automatic and manual backups)."""
        return self.label in ROTATED

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(),
                "size": self.size, "label": self.label}


def backup_due(last: datetime | None, now: datetime, changed: bool,
               every: timedelta = BACKUP_EVERY) -> bool:
    """Whether the window should back up now: something changed since the last backup,
    and that backup (if any) is at least ``every`` old."""
    return changed and (last is None or now - last >= every)


def backups_to_keep(moments: Iterable[datetime], daily: int = KEEP_DAILY,
                    weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY,
                    last: int = KEEP_LAST) -> set[datetime]:
    """The moments whose backups are kept: the ``last`` newest, and the newest of each of the
    ``daily`` most recent days with a backup, the same for ISO weeks and for months."""
    ordered = sorted(set(moments), reverse=True)
    keep: set[datetime] = set(ordered[:last])
    buckets: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (daily, lambda m: m.astimezone(UTC).date()),
        (weekly, lambda m: m.astimezone(UTC).isocalendar()[:2]),
        (monthly, lambda m: (m.astimezone(UTC).year, m.astimezone(UTC).month)),
    ]
    for count, bucket in buckets:
        seen: set[Hashable] = set()
        for moment in ordered:
            key = bucket(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(moment)
    return keep


def list_backups(folder: Path) -> list[Backup]:
    """The verified backups in ``folder``, newest first."""
    found: list[Backup] = []
    order: list[tuple[datetime, int, int]] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(msg("The backups folder {folder} cannot be read ({why}).",
                             folder=str(folder), why=str(error)).render()) from error
    for entry in entries:
        match = _NAME.match(entry.name)
        # The name gives the time; what StudyApp wrote (its header and application id)
        # makes it a backup: an export or a copied file never is, whatever its name.
        if match is None or not entry.is_file() or not _written_by_studyapp(Path(entry.path)):
            continue
        moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        try:
            status = entry.stat()
        except FileNotFoundError:  # pruned meanwhile by another StudyApp
            continue
        order.append((moment, status.st_mtime_ns, int(match.group(2) or 0)))
        found.append(Backup(Path(entry.path), moment, status.st_size, match.group(3) or ""))
    # Newest first; of two taken in the same second, the later written.
    ranked = sorted(zip(order, found, strict=True), key=lambda pair: pair[0], reverse=True)
    return [backup for _, backup in ranked]


def _written_by_studyapp(path: Path) -> bool:
    if is_studyapp_file(path):
        return True
    # Backups of profiles made before StudyApp set its application id: StudyApp's own
    # schema table says so.
    try:
        if not read_header(path, len(SQLITE_HEADER)) == SQLITE_HEADER:
            return False
    except OSError:
        return False
    return verify(path) is None


def timestamp(moment: datetime) -> str:
    """A moment as it appears in file names: ``20260105T090000Z`` (UTC)."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def take_backup(source: Database | sqlite3.Connection, folder: Path, moment: datetime,
                label: str = "", progress: BackupProgress | None = None,
                stop: threading.Event | None = None) -> Backup:
    """SQLite's online backup of ``source`` into ``folder``, verified before it counts: a
    page that cannot be read, in the profile or in the copy, is a CorruptDatabaseError.

    With ``progress`` or ``stop`` it copies in steps, from one snapshot of the profile (a
    read transaction held on ``source``, so writes by other connections meanwhile neither
    restart it nor reach it); ``stop`` set ends it with :class:`BackupStopped`."""
    conn = source.conn if isinstance(source, Database) else source
    stem = timestamp(moment)
    suffix = f"-{label}" if label else ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{stem}{suffix}.sqlite3"
        counter = 1
        while final.exists():  # two backups in one second
            final = folder / f"{stem}-{counter}{suffix}.sqlite3"
            counter += 1
        partial = folder / f".{final.name}.partial"
    except OSError as error:
        raise _backup_os_error(error, folder) from error
    try:
        target = sqlite3.connect(partial)
        try:
            if progress is None and stop is None:
                conn.backup(target)
            else:
                _copy_in_steps(conn, target, progress, stop)
            target.execute("PRAGMA journal_mode=DELETE")
            target.execute(f"PRAGMA application_id={APPLICATION_ID}")  # what makes it ours
            target.commit()
            if progress is not None:
                progress(0, 0)
            if stop is not None:  # the check of a big copy can be stopped too
                if stop.is_set():
                    raise BackupStopped(_STOPPED)
                target.set_progress_handler(lambda: int(stop.is_set()), 10_000)
            verdict = integrity(target)
        finally:
            target.close()
        if verdict != ["ok"]:
            problem = CorruptDatabaseError(
                f"The backup could not be verified ({'; '.join(verdict)}): the profile itself "
                "may be damaged. The older backups are kept."
            )
            problem.detail = "; ".join(verdict)
            raise problem
        os.replace(partial, final)
    except sqlite3.Error as error:
        _remove(partial)
        if stop is not None and stop.is_set():  # the check was interrupted
            raise BackupStopped(_STOPPED) from error
        translated = translate_error(error, folder)
        if isinstance(translated, DiskFullError | ReadOnlyProfileError):
            raise _backup_os_error(OSError(errno.ENOSPC if isinstance(
                translated, DiskFullError) else errno.EACCES, str(error)), folder) from error
        raise translated from error
    except OSError as error:
        _remove(partial)
        raise _backup_os_error(error, folder) from error
    except BaseException:
        _remove(partial)
        raise
    return Backup(final, moment.astimezone(UTC).replace(microsecond=0), final.stat().st_size,
                  label)


_STOPPED = "The backup was stopped before it was complete; the older backups are kept."


def _copy_in_steps(conn: sqlite3.Connection, target: sqlite3.Connection,
                   progress: BackupProgress | None, stop: threading.Event | None) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if stop is not None and stop.is_set():
            raise BackupStopped(_STOPPED)  # SQLite ends the copy; the caller removes it
        if progress is not None:
            progress(total - remaining, total)

    snapshot = not conn.in_transaction
    if snapshot:  # one read transaction: the pages all come from one moment
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        conn.backup(target, pages=BACKUP_STEP_PAGES, progress=step)
    finally:
        if snapshot:
            conn.rollback()


def prune(folder: Path) -> list[Path]:
    """Deletes the rotated backups the calendar rule no longer keeps; returns them."""
    regular = [b for b in list_backups(folder) if b.rotated]
    keep = backups_to_keep(b.taken_at for b in regular)
    removed = []
    seen: set[datetime] = set()
    for backup in regular:  # newest first: of two in one second, the newest is kept
        if backup.taken_at in keep and backup.taken_at not in seen:
            seen.add(backup.taken_at)
            continue
        _remove(backup.path)
        removed.append(backup.path)
    return removed


def verify(path: Path) -> str | None:
    """None when ``path`` is a sound StudyApp profile this version can open, else why not."""
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "not an SQLite database"
    except OSError as error:
        return error.strerror or str(error)
    db: Database | None = None
    try:
        db = Database(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True),
                      execute_plugins=False)
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check(5)")]
        if verdict != ["ok"]:
            return "; ".join(verdict)
        check_identity(db, path, path.name)
    except StoreError as error:
        return str(error)
    except sqlite3.Error as error:
        return str(error)
    finally:
        if db is not None:
            db.close()
    return None


def newest_good_backup(folder: Path) -> Backup | None:
    """The newest backup that passes :func:`verify` (what the recovery dialog offers)."""
    return next((b for b in list_backups(folder) if verify(b.path) is None), None)


class BackupsService(Service):
    """The open profile's backups: taken by the window on a timer and on close, and on
    request (File → Backups, ``studyapp backup``)."""

    def __init__(self, db: Database, data_dir: Path, profile: str, clock: Clock) -> None:
        self.db = db
        self.folder = backups_dir(data_dir, profile)
        self.clock = clock
        self._seen = self._change_marks()

    def list(self) -> list[Backup]:
        return list_backups(self.folder)

    def changed(self) -> bool:
        """Whether the profile changed since the last backup this session took (or since it
        was opened), by this connection or another."""
        return self._change_marks() != self._seen

    def backup_now(self, label: str = "") -> Backup:
        backup = take_backup(self.db, self.folder, self.clock(), label)
        self._seen = self._change_marks()
        if backup.rotated:
            prune(self.folder)
        return backup

    def backup_if_due(self) -> Backup | None:
        """The timer's backup: taken when :func:`backup_due` says so."""
        return self.backup_now() if self.due() else None

    def due(self) -> bool:
        regular = [b for b in self.list() if b.rotated]
        last = regular[0].taken_at if regular else None
        return backup_due(last, self.clock(), self.changed() or last is None)

    def job(self, label: str = "") -> BackupJob:
        """A backup for another thread to run (the window's, so that it never waits for
        one): it copies and checks the profile through its own read-only connection."""
        path = database_path(self.db)
        if path is None:
            raise StoreError("This profile is not a file, so it cannot be backed up.")
        return BackupJob(self, path, label, self.clock(), self._change_marks())

    def due_on_close(self) -> bool:
        """Whether closing needs a backup: anything changed this session, or there is none."""
        return self.changed() or not any(b.rotated for b in self.list())

    def _change_marks(self) -> tuple[int, int]:
        return (self.db.conn.total_changes,
                self.db.execute("PRAGMA data_version").fetchone()[0])


@dataclass
class BackupJob:
    """One backup of the profile file, run by :meth:`run` on any thread."""

    service: BackupsService
    profile_file: Path
    label: str
    moment: datetime
    marks: tuple[int, int]  # the profile's change marks when the job was made

    def run(self, progress: BackupProgress | None = None,
            stop: threading.Event | None = None) -> Backup:
        """Copies, checks and (for an automatic or manual backup) prunes; StoreError says
        what failed (:class:`BackupStopped` when ``stop`` was set: nothing is left of it)."""
        try:
            source = sqlite3.connect(f"{self.profile_file.resolve().as_uri()}?mode=ro",
                                     uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise translate_error(error, self.profile_file) from error
        try:
            source.execute("PRAGMA busy_timeout=5000")
            backup = take_backup(source, self.service.folder, self.moment, self.label,
                                 progress, stop)
        except CorruptDatabaseError as error:  # the copy's check found the profile's damage
            mark_damaged(self.profile_file, f"{self.profile_file}: {error.detail or error}")
            raise
        finally:
            source.close()
        self.service._seen = self.marks
        if backup.rotated:
            prune(self.service.folder)
        return backup


@dataclass(frozen=True)
class Restored:
    profile_file: Path
    kept: Path  # where the file that was replaced now is (a backup, or the damaged file)


def restore_backup(data_dir: Path, profile: str, source: Path, clock: Clock,
                   wait: float = LOCK_WAIT_SECONDS) -> Restored:
    """Puts ``source`` back as the profile's file. The current file is kept first: as a
    ``before-restore`` backup when it is sound, else moved aside as ``NAME.sqlite3.damaged-*``.

    The caller must have closed its own connections to the profile; this takes the lock
    (shared within the process, so a window that holds it can restore).
    """
    name = canonical_profile_name(data_dir, profile)
    target = profiles_dir(data_dir) / f"{name}.sqlite3"
    source = _find_backup(data_dir, name, source)
    problem = verify(source)
    if problem is not None:
        raise CorruptDatabaseError(msg(
            "The backup {path} cannot be restored: {problem}. Nothing was changed; choose "
            "another backup.", path=str(source), problem=problem).render())
    try:
        lock = ProfileLock.acquire(lock_path(target), wait=wait)
    except LockBusy:
        raise ProfileInUseError(msg(
            "The profile '{name}' is open in another StudyApp. Close it there, then restore; "
            "nothing was changed.", name=name).render()) from None
    except OSError as error:
        raise _backup_os_error(error, target.parent) from error
    restoring = target.with_name(f".{target.name}.restoring")
    try:
        _copy(source, restoring)  # the whole backup beside the profile before anything moves
        kept = _keep_current(target, data_dir, name, clock)
        # One rename puts it in place: the profile is the old file or the whole backup.
        replace_retrying(restoring, target)
        forget_damage(target)
        for ending in ("-wal", "-shm"):  # never pair an old log with the restored file
            _remove(target.with_name(target.name + ending))
    except BaseException:
        _remove(restoring)
        raise
    finally:
        lock.release()
    return Restored(target, kept or source)


def set_aside(profile_file: Path, moment: datetime, why: str = "damaged") -> Path:
    """Moves the profile's file (with its ``-wal`` and ``-shm``) to
    ``NAME.sqlite3.damaged-20260105T090000Z``: kept, never overwritten, no longer opened."""
    aside = profile_file.with_name(f"{profile_file.name}.{why}-{timestamp(moment)}")
    counter = 1
    while aside.exists():
        aside = profile_file.with_name(f"{profile_file.name}.{why}-{timestamp(moment)}-{counter}")
        counter += 1
    # The file first: if another program holds it (Windows refuses to move an open file),
    # nothing has moved. Its log and index follow.
    replace_retrying(profile_file, aside)
    for ending in ("-wal", "-shm"):
        companion = profile_file.with_name(profile_file.name + ending)
        if companion.exists():
            try:
                replace_retrying(companion, aside.with_name(aside.name + ending))
            except StoreError:
                _remove(companion)  # never left to pair with the next profile file
    return aside


# Windows refuses to replace or move a file another process has open (a second StudyApp,
# a virus scanner, a sync tool, an editor): such a replace is retried for a while, then
# reported, with the file as it was. Injectable for the tests, which run on Linux.
REPLACE_TRIES = 20
REPLACE_PAUSE = 0.1
_replace: Callable[[Path, Path], None] = os.replace


def replace_retrying(source: Path, target: Path) -> None:
    """``os.replace`` that waits out a file briefly held open elsewhere; StoreError if not."""
    tries = REPLACE_TRIES
    for attempt in range(tries):
        try:
            _replace(source, target)
            return
        except PermissionError as error:
            if attempt == tries - 1:
                raise ProfileInUseError(msg(
                    "The file {path} is open in another program ({why}), so StudyApp cannot "
                    "replace it. Close the other StudyApp (or the program using the file) and "
                    "try again; nothing was changed.", path=str(target),
                    why=error.strerror or str(error)).render()) from error
            time.sleep(REPLACE_PAUSE)
        except OSError as error:
            raise _backup_os_error(error, target.parent) from error


def start_afresh(data_dir: Path, profile: str, clock: Clock,
                 wait: float = LOCK_WAIT_SECONDS) -> Path:
    """The recovery dialog's "start afresh": the damaged file is set aside; the next open
    makes a new profile. Returns where the damaged file now is."""
    name = canonical_profile_name(data_dir, profile)
    target = profiles_dir(data_dir) / f"{name}.sqlite3"
    try:
        lock = ProfileLock.acquire(lock_path(target), wait=wait)
    except LockBusy:
        raise ProfileInUseError(msg(
            "The profile '{name}' is open in another StudyApp; nothing was changed.", name=name
        ).render()) from None
    try:
        aside = set_aside(target, clock())
        forget_damage(target)
        return aside
    finally:
        lock.release()


def _find_backup(data_dir: Path, name: str, source: Path) -> Path:
    if source.is_file():
        return source
    in_folder = backups_dir(data_dir, name) / source.name
    if in_folder.is_file():
        return in_folder
    raise StoreError(msg(
        "There is no backup {path} (studyapp backups lists this profile's backups).",
        path=str(source)).render())


def _keep_current(target: Path, data_dir: Path, name: str, clock: Clock) -> Path | None:
    if not target.exists() or target.stat().st_size == 0:
        return None
    folder = backups_dir(data_dir, name)
    kept: Path | None = None
    try:
        current = sqlite3.connect(target)
        try:
            verdict = [row[0] for row in current.execute("PRAGMA quick_check(1)")]
            if verdict == ["ok"]:
                kept = take_backup(current, folder, clock(), label="before-restore").path
                current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            current.close()
    except (sqlite3.DatabaseError, CorruptDatabaseError):
        kept = None
    if kept is None:
        return set_aside(target, clock())
    return kept


def _copy(source: Path, partial: Path) -> None:
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1 << 20)
            writer.flush()
            os.fsync(writer.fileno())
    except OSError as error:
        _remove(partial)
        raise _backup_os_error(error, partial.parent) from error


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _backup_os_error(error: OSError, folder: Path) -> StoreError:
    if error.errno == errno.ENOSPC:
        return DiskFullError(msg(
            "The disk that holds {folder} is full, so the backup could not be written. Free "
            "some space on it and try again; nothing was changed.", folder=str(folder)).render())
    return ReadOnlyProfileError(msg(
        "StudyApp cannot write to {folder} ({why}); nothing was changed.", folder=str(folder),
        why=error.strerror or str(error)).render())


def backups_of(data_dir: Path, profile: str) -> list[Backup]:
    """The profile's backups, newest first (for ``studyapp backups``: no need to open it)."""
    return list_backups(backups_dir(data_dir, canonical_profile_name(data_dir, profile)))


__all__ = [
    "BACKUP_EVERY", "Backup", "BackupJob", "BackupProgress", "BackupStopped", "BackupsService",
    "Restored", "backup_due", "backups_of",
    "backups_to_keep", "damaged", "list_backups", "newest_good_backup", "prune",
    "restore_backup", "set_aside", "start_afresh", "take_backup", "verify",
]
