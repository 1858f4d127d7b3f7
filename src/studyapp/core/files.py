"""Writing files so that a crash or a full disk never leaves half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from studyapp.core.messages import msg

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


def check_export_target(path: Path, data_dir: Path) -> None:
    """Raise RefusedTarget when an export to ``path`` could harm a learner's data or hang.

    Refused: any path in the data folder's ``profiles/`` (the profiles, their -wal and -shm
    files) or ``backups/`` (an export there was listed as the newest backup, and seven of
    them made ``studyapp backup`` prune the real ones); anything that exists and is not a
    regular file (a named pipe would block the export for ever, a device or a folder cannot
    take it); and any existing SQLite database, wherever it is. Links are followed first.
    """
    real = Path(os.path.realpath(path))
    for name in ("profiles", "backups"):
        folder = Path(os.path.realpath(Path(data_dir) / name))
        if real == folder or folder in real.parents:
            raise RefusedTarget(msg("{path}: this is inside StudyApp's {name} folder ({folder}); "
                                    "an export there could overwrite a learner's profile or "
                                    "backups. Choose another folder; nothing was written.",
                                    path=str(path), name=name, folder=str(folder)).render())
    try:
        status = os.stat(real)
    except FileNotFoundError:
        return  # a new file
    except OSError:
        return  # the write itself reports it
    if not stat.S_ISREG(status.st_mode):
        raise RefusedTarget(msg("{path}: this is not a regular file (a folder, a named pipe or "
                                "a device), so no export is written there. Choose a file name; "
                                "nothing was written.", path=str(path)).render())
    check_not_database(real, path)


def check_not_database(real: Path, shown: Path | None = None) -> None:
    try:
        # Non-blocking: a named pipe put in place meanwhile must not hang the check.
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return  # a new file, or one the write itself will report
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RefusedTarget(msg("{path}: this is not a regular file (a folder, a named pipe "
                                    "or a device); nothing was written.",
                                    path=str(shown or real)).render())
        head = os.read(fd, len(SQLITE_HEADER))
    except OSError:
        return
    finally:
        os.close(fd)
    if head == SQLITE_HEADER:
        raise RefusedTarget(msg("{path}: this file is an SQLite database (perhaps a learner "
                                "profile), which is never replaced by an export. Choose another "
                                "file name; nothing was written.", path=str(shown or real)
                                ).render())


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
