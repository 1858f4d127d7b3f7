"""One StudyApp at a time per profile: an OS-level lock on ``NAME.lock`` beside the profile.

The lock is the operating system's (``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows), taken on an open file: it dies with the process that holds it, so a crash never
leaves a stale lock behind and nothing has to guess whether a lock file is "old". The file
itself stays; its presence means nothing.

Within one process the lock is shared: the window's store and, say, a worker thread's second
connection to the same profile count references to one OS lock (``flock`` locks belong to an
open file, so a second ``open`` + lock in the same process would block against itself).

The operating system's calls are behind a small backend (:class:`FlockBackend`,
:class:`MsvcrtBackend`), chosen once for the platform and injectable: the Windows branch runs
in the suite on Linux against a stand-in for ``msvcrt`` that keeps Windows' rules (a byte
range locked from the file position, ``LK_NBLCK`` failing at once when another handle holds it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Protocol

POLL_SECONDS = 0.05
# How long a writer waits for a profile another StudyApp holds (docs/cli.md).
LOCK_WAIT_SECONDS = 5.0

_registry_guard = threading.Lock()
_held: dict[str, tuple[int, int]] = {}  # lock path -> (file descriptor, reference count)


class LockBusy(Exception):
    """Another process holds the lock (after waiting as long as asked)."""


class LockBackend(Protocol):
    def try_lock(self, fd: int) -> bool:
        """Takes the lock on the open file ``fd`` without waiting; False if it is held."""

    def unlock(self, fd: int) -> None: ...


class FlockBackend:
    """Linux and macOS: ``flock`` on the whole file."""

    def try_lock(self, fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class MsvcrtBackend:
    """Windows: ``msvcrt.locking`` on the file's first byte (``LK_NBLCK``: no waiting; the
    loop in :meth:`ProfileLock.acquire` retries). ``module`` stands in for ``msvcrt``."""

    def __init__(self, module: Any = None) -> None:
        if module is None:  # pragma: no cover - only on Windows
            import msvcrt as module
        self.msvcrt = module

    def try_lock(self, fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # the range starts at the file position
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # not locked by this handle: nothing to let go


def platform_backend(platform: str = sys.platform) -> LockBackend:
    return MsvcrtBackend() if platform == "win32" else FlockBackend()


class ProfileLock:
    """A held lock; :meth:`release` (or the process ending) lets it go."""

    def __init__(self, path: Path, first: bool = False,
                 backend: LockBackend | None = None) -> None:
        self.path = path
        self._key = str(path)
        self._released = False
        # True when this took the OS lock (no other holder in this process either).
        self.first = first
        self._backend = backend

    @classmethod
    def acquire(cls, path: Path, wait: float = 0.0,
                backend: LockBackend | None = None) -> ProfileLock:
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
                    return cls(path, backend=backend)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
                if (backend or _BACKEND).try_lock(fd):
                    _held[key] = (fd, 1)
                    return cls(path, first=True, backend=backend)
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
                (self._backend or _BACKEND).unlock(fd)
            finally:
                os.close(fd)

    # The lock file's bytes after the first (the one Windows locks) carry a note from the
    # holder: how it left the profile (``checks.py``). Read and written only while held.
    def read_note(self) -> str:
        fd = self._fd()
        os.lseek(fd, 1, os.SEEK_SET)
        return os.read(fd, 256).decode("ascii", "replace")

    def write_note(self, text: str) -> None:
        fd = self._fd()
        data = text.encode("ascii")
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b"\n" + data)
        os.ftruncate(fd, 1 + len(data))

    def _fd(self) -> int:
        with _registry_guard:
            return _held[self._key][0]


_BACKEND = platform_backend()


def held_locks() -> list[str]:
    """The lock files this process holds (for tests: none after everything is closed)."""
    with _registry_guard:
        return sorted(_held)
