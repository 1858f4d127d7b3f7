"""Writing files so that a crash or a full disk never leaves half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["SQLITE_HEADER", "RefusedTarget", "check_export_target", "write_text_atomically"]

SQLITE_HEADER = b"SQLite format 3\x00"


class RefusedTarget(ValueError):
    """The file may not be written there; ``str()`` says why, in the user's words."""


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Writes ``text`` to a temporary file beside ``path``, then replaces ``path`` with it.

    Either the old file or the complete new one is left; OSError says why not. A symbolic
    link is followed: the file it points to is replaced, the link stays. The new file has
    the old one's permissions, or for a new file those the umask gives (not mkstemp's 0600).
    An SQLite database (a learner profile) is never replaced: RefusedTarget.
    """
    real = Path(os.path.realpath(path))
    check_not_database(real)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, real)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def check_export_target(path: Path, profiles_folder: Path) -> None:
    """Raise RefusedTarget when an export to ``path`` could harm a learner's profile.

    Refused: any path in the profiles folder (the profiles, their -wal and -shm files, their
    backups), and any existing SQLite database, wherever it is. Links are followed first.
    """
    real = Path(os.path.realpath(path))
    folder = Path(os.path.realpath(profiles_folder))
    if real == folder or folder in real.parents:
        raise RefusedTarget(f"{path}: this is inside StudyApp's profiles folder ({folder}); "
                            "an export there could overwrite a learner's profile. Choose "
                            "another folder; nothing was written.")
    check_not_database(real, path)


def check_not_database(real: Path, shown: Path | None = None) -> None:
    try:
        with open(real, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return  # a new file, or one the write itself will report
    if head == SQLITE_HEADER:
        raise RefusedTarget(f"{shown or real}: this file is an SQLite database (perhaps a "
                            "learner profile), which is never replaced by an export. Choose "
                            "another file name; nothing was written.")


def _umask() -> int:
    """The process's umask, read without changing it where the system says it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: the only portable way, briefly set and put back
    os.umask(mask)
    return mask
