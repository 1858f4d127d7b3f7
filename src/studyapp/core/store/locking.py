"""One StudyApp at a time per profile: an OS-level lock on ``NAME.lock`` beside the profile.

The lock is the operating system's (``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows), taken on an open file: it dies with the process that holds it, so a crash never
leaves a stale lock behind and nothing has to guess whether a lock file is "old". The file
itself stays; its presence means nothing.

Within one process the lock is shared: the window's store and, say, a worker thread's second
connection to the same profile count references to one OS lock (``flock`` locks belong to an
open file, so a second ``open`` + lock in the same process would block against itself).

Only Linux is tested; the Windows branch locks the first byte of the file without waiting
(``LK_NBLCK``) and is retried by the same loop.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.05

_registry_guard = threading.Lock()
_held: dict[str, tuple[int, int]] = {}  # lock path -> (file descriptor, reference count)


class LockBusy(Exception):
    """Another process holds the lock (after waiting as long as asked)."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Linux is what the suite runs on
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class ProfileLock:
    """A held lock; :meth:`release` (or the process ending) lets it go."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = str(path)
        self._released = False

    @classmethod
    def acquire(cls, path: Path, wait: float = 0.0) -> ProfileLock:
        """Takes the lock on ``path`` (created if missing), waiting up to ``wait`` seconds.

        Raises :class:`LockBusy` when another process still holds it, and ``OSError`` when
        the lock file cannot be created (a read-only folder, a name too long...).
        """
        key = str(path)
        deadline = time.monotonic() + wait
        while True:
            with _registry_guard:
                held = _held.get(key)
                if held is not None:
                    _held[key] = (held[0], held[1] + 1)
                    return cls(path)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
                if _try_lock(fd):
                    _held[key] = (fd, 1)
                    return cls(path)
                os.close(fd)
            if time.monotonic() >= deadline:
                raise LockBusy(key)
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _registry_guard:
            fd, count = _held[self._key]
            if count > 1:
                _held[self._key] = (fd, count - 1)
                return
            del _held[self._key]
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    @property
    def released(self) -> bool:
        return self._released


def held_locks() -> list[str]:
    """The lock files this process holds (for tests: none after everything is closed)."""
    with _registry_guard:
        return sorted(_held)
