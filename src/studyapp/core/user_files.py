"""Reading a file a user named (a question file, a picture next to it) once, safely.

A path typed by a trainer or found in a spreadsheet may name anything: a named pipe (opening
it for reading waits for a writer for ever), a device (``/dev/zero`` never ends), a folder, or
a file that a sync tool swaps or grows while StudyApp reads it. :func:`read_user_file` opens
the path once without blocking, checks with ``fstat`` on that very descriptor that it is a
regular file, and reads at most ``limit`` bytes from it; the bytes it returns are the ones
that are then parsed, hashed and written, so what is planned is what is written.

Everything refused raises :class:`UnreadableFile`, whose ``message`` says why in the user's
terms (a :class:`~studyapp.core.messages.Message`, rendered when shown).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat

from studyapp.core.messages import Message, msg

__all__ = ["FileTooLarge", "UnreadableFile", "read_user_file", "sha256_hex"]

_CHUNK = 1 << 20
# O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting (POSIX); it
# changes nothing for a regular file. Windows has neither FIFOs of this kind nor the flag.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))


class UnreadableFile(Exception):
    """The file cannot be used; ``message`` says why for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english)
        self.message = message


class FileTooLarge(UnreadableFile):
    """The file holds more bytes than allowed (``limit``)."""

    def __init__(self, message: Message, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


def _kind_of(mode: int) -> Message | None:
    """Why a file of this mode cannot be read as a document, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg("cannot read it: this is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return msg("cannot read it: this is a named pipe, not a file")
    if stat.S_ISSOCK(mode):
        return msg("cannot read it: this is a socket, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("cannot read it: this is a device, not a file")
    return msg("cannot read it: this is not a regular file")


def _too_large(limit: int) -> FileTooLarge:
    return FileTooLarge(msg("the file is larger than {megabytes} MB; split it into smaller sets",
                            megabytes=limit // (1024 * 1024)), limit)


def read_user_file(path: str | os.PathLike[str], limit: int,
                   too_large: FileTooLarge | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Opened once, never blocking; raises :class:`UnreadableFile` for a path that is missing,
    not a regular file (pipe, device, socket, folder) or unreadable, and :class:`FileTooLarge`
    (``too_large`` when given) when it holds more than ``limit`` bytes, however much it grows
    while being read: no more than ``limit + 1`` bytes are ever read into memory.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as error:
        raise UnreadableFile(msg("file not found")) from error
    except IsADirectoryError as error:
        raise UnreadableFile(msg("cannot read it: this is a folder, not a file")) from error
    except PermissionError as error:
        raise UnreadableFile(msg("cannot read the file: permission denied")) from error
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise UnreadableFile(msg("cannot read it: this is not a regular file")) from error
        raise UnreadableFile(msg("cannot read the file: {reason}",
                                 reason=error.strerror or str(error))) from error
    try:
        status = os.fstat(descriptor)
        refused = _kind_of(status.st_mode)
        if refused is not None:
            raise UnreadableFile(refused)
        if status.st_size > limit:
            raise too_large or _too_large(limit)
        return _read_bounded(descriptor, limit, too_large)
    except UnreadableFile:
        raise
    except OSError as error:
        raise UnreadableFile(msg("cannot read the file: {reason}",
                                 reason=error.strerror or str(error))) from error
    finally:
        os.close(descriptor)


def _read_bounded(descriptor: int, limit: int, too_large: FileTooLarge | None) -> bytes:
    # Read to the end (the size on disk may be stale: the file can grow meanwhile), but never
    # more than one byte past the limit.
    parts: list[bytes] = []
    total = 0
    while True:
        block = os.read(descriptor, min(_CHUNK, limit + 1 - total))
        if not block:
            return b"".join(parts)
        parts.append(block)
        total += len(block)
        if total > limit:
            raise too_large or _too_large(limit)


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of ``data``: the content hash stored for an imported file."""
    return hashlib.sha256(data).hexdigest()

