"""Backups of a profile: taken with SQLite's online backup, verified, kept by a calendar rule.

Backups live in ``DATA/backups/NAME/`` as ``20260105T090000Z.sqlite3`` (UTC time of the
backup; ``-before-upgrade`` or ``-before-restore`` added for the ones StudyApp takes before it
changes the file's schema or replaces it). Each is one self-contained SQLite file (rollback
journal, not WAL): copying it is safe. A backup counts only after ``PRAGMA integrity_check``
on the copy says ``ok``; until then it is a hidden ``.partial`` file.

The rules live here, with the clock passed in:
- :func:`backup_due`: the window backs up at most every 30 minutes of use, and only when
  something changed; and on close.
- :func:`backups_to_keep`: the newest backup of each of the 7 most recent days, of each of the
  4 most recent ISO weeks and of each of the 6 most recent months that have one (UTC calendar).
  Labelled backups are never pruned: there are few, and they are the ones to go back to.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock
from studyapp.core.paths import backups_dir, canonical_profile_name, lock_path, profiles_dir
from studyapp.core.store.connection import (
    LOCK_WAIT_SECONDS,
    CorruptDatabaseError,
    DiskFullError,
    ProfileInUseError,
    ReadOnlyProfileError,
    StoreError,
    _check_identity,
    damaged,
    timestamp,
    translate_error,
)
from studyapp.core.store.locking import LockBusy, ProfileLock

BACKUP_EVERY = timedelta(minutes=30)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
_NAME = re.compile(r"^(\d{8}T\d{6}Z)(?:-(\d+))?(?:-([a-z][a-z-]*))?\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    size: int  # bytes
    label: str = ""  # "" for the regular ones; "before-upgrade", "before-restore"

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(),
                "size": self.size, "label": self.label}


def backup_due(last: datetime | None, now: datetime, changed: bool,
               every: timedelta = BACKUP_EVERY) -> bool:
    """Whether the window should back up now: something changed since the last backup,
    and that backup (if any) is at least ``every`` old."""
    return changed and (last is None or now - last >= every)


def backups_to_keep(moments: Iterable[datetime], daily: int = KEEP_DAILY,
                    weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """The moments whose backups are kept: the newest of each of the ``daily`` most recent
    days with a backup, the same for ISO weeks and for months."""
    ordered = sorted(set(moments), reverse=True)
    keep: set[datetime] = set()
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
        raise StoreError(f"The backups folder {folder} cannot be read ({error}).") from error
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or not entry.is_file():
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


def take_backup(source: Database | sqlite3.Connection, folder: Path, moment: datetime,
                label: str = "") -> Backup:
    """SQLite's online backup of ``source`` into ``folder``, verified before it counts."""
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
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            verdict = integrity(target)
        finally:
            target.close()
        if verdict != ["ok"]:
            raise CorruptDatabaseError(
                f"The backup could not be verified ({'; '.join(verdict)}): the profile itself "
                "may be damaged. The older backups are kept."
            )
        os.replace(partial, final)
    except sqlite3.Error as error:
        _remove(partial)
        raise translate_error(error, folder) from error
    except OSError as error:
        _remove(partial)
        raise _backup_os_error(error, folder) from error
    except BaseException:
        _remove(partial)
        raise
    return Backup(final, moment.astimezone(UTC).replace(microsecond=0), final.stat().st_size,
                  label)


def integrity(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``'s verdict: ``["ok"]``, or up to five problems."""
    return [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]


def prune(folder: Path) -> list[Path]:
    """Deletes the regular backups the calendar rule no longer keeps; returns them."""
    regular = [b for b in list_backups(folder) if not b.label]
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
        _check_identity(db, path, path.name)
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


class BackupsService:
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
        if not label:
            prune(self.folder)
        return backup

    def backup_if_due(self) -> Backup | None:
        """The timer's backup: taken when :func:`backup_due` says so."""
        regular = [b for b in self.list() if not b.label]
        last = regular[0].taken_at if regular else None
        changed = self.changed() or last is None
        if backup_due(last, self.clock(), changed):
            return self.backup_now()
        return None

    def backup_on_close(self) -> Backup | None:
        """On close: a backup when anything changed this session, or when there is none."""
        if self.changed() or not any(not b.label for b in self.list()):
            return self.backup_now()
        return None

    def _change_marks(self) -> tuple[int, int]:
        return (self.db.conn.total_changes,
                self.db.execute("PRAGMA data_version").fetchone()[0])


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
        raise CorruptDatabaseError(
            f"The backup {source} cannot be restored: {problem}. Nothing was changed; "
            "choose another backup."
        )
    try:
        lock = ProfileLock.acquire(lock_path(target), wait=wait)
    except LockBusy:
        raise ProfileInUseError(
            f"The profile '{name}' is open in another StudyApp. Close it there, then restore; "
            "nothing was changed."
        ) from None
    except OSError as error:
        raise _backup_os_error(error, target.parent) from error
    try:
        kept = _keep_current(target, data_dir, name, clock)
        _copy_into_place(source, target)
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
    try:
        for ending in ("-wal", "-shm"):
            companion = profile_file.with_name(profile_file.name + ending)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + ending))
        os.replace(profile_file, aside)
    except OSError as error:
        raise _backup_os_error(error, profile_file.parent) from error
    return aside


def start_afresh(data_dir: Path, profile: str, clock: Clock,
                 wait: float = LOCK_WAIT_SECONDS) -> Path:
    """The recovery dialog's "start afresh": the damaged file is set aside; the next open
    makes a new profile. Returns where the damaged file now is."""
    name = canonical_profile_name(data_dir, profile)
    target = profiles_dir(data_dir) / f"{name}.sqlite3"
    try:
        lock = ProfileLock.acquire(lock_path(target), wait=wait)
    except LockBusy:
        raise ProfileInUseError(
            f"The profile '{name}' is open in another StudyApp; nothing was changed."
        ) from None
    try:
        return set_aside(target, clock())
    finally:
        lock.release()


def _find_backup(data_dir: Path, name: str, source: Path) -> Path:
    if source.is_file():
        return source
    in_folder = backups_dir(data_dir, name) / source.name
    if in_folder.is_file():
        return in_folder
    raise StoreError(
        f"There is no backup {source} (studyapp backups lists this profile's backups)."
    )


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
    for ending in ("-wal", "-shm"):  # never pair an old log with the restored file
        _remove(target.with_name(target.name + ending))
    return kept


def _copy_into_place(source: Path, target: Path) -> None:
    partial = target.with_name(f".{target.name}.restoring")
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1 << 20)
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(partial, target)
    except OSError as error:
        _remove(partial)
        raise _backup_os_error(error, target.parent) from error


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _backup_os_error(error: OSError, folder: Path) -> StoreError:
    import errno

    if error.errno == errno.ENOSPC:
        return DiskFullError(
            f"The disk that holds {folder} is full, so the backup could not be written. "
            "Free some space on it and try again; nothing was changed."
        )
    return ReadOnlyProfileError(
        f"StudyApp cannot write to {folder} ({error.strerror or error}); nothing was changed."
    )


def backups_of(data_dir: Path, profile: str) -> list[Backup]:
    """The profile's backups, newest first (for ``studyapp backups``: no need to open it)."""
    return list_backups(backups_dir(data_dir, canonical_profile_name(data_dir, profile)))


__all__ = [
    "BACKUP_EVERY", "Backup", "BackupsService", "Restored", "backup_due", "backups_of",
    "backups_to_keep", "damaged", "list_backups", "newest_good_backup", "prune",
    "restore_backup", "set_aside", "start_afresh", "take_backup", "verify",
]
