"""Opening zip containers (.xlsx, .docx) from untrusted bytes without a zip bomb going off.

The size limit on the file itself counts compressed bytes; a 200 KB workbook can inflate to
gigabytes. :func:`open_zip` checks the archive's directory first: how many members, how many
bytes each one and all of them together inflate to (the sizes the directory declares), and
how far they inflate relative to their compressed size. Python's ``zipfile`` never hands out
more bytes of a member than its declared size (and fails its CRC check when the data
disagrees), so a member that lies about its size cannot get past the check either.

Anything refused raises :class:`ZipRefused`, whose text is a message for the trainer; a file
that is no zip archive at all raises it too. Read members with :func:`read_member` or
:func:`iter_member`, which hold to the same limits.

Usage::

    try:
        with open_zip(data) as archive:
            xml = read_member(archive, "word/document.xml")
    except ZipRefused as refused:
        problems.append(problem(path, 0, refused.message))
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from studyapp.core.messages import Message, msg

__all__ = ["DEFAULT_LIMITS", "ZipLimits", "ZipRefused", "iter_member", "open_zip", "read_member"]

_MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """What one archive may hold once inflated."""

    member_bytes: int = 128 * _MB  # one member, uncompressed
    total_bytes: int = 256 * _MB  # all members together, uncompressed
    members: int = 10_000
    # Inflation ratio allowed for members larger than ``ratio_floor`` bytes. XML of a real
    # workbook compresses 5-30 times; a run of the same tag, 1000 times and more.
    ratio: int = 200
    ratio_floor: int = 8 * _MB


DEFAULT_LIMITS = ZipLimits()


class ZipRefused(Exception):
    """The archive is refused; ``message`` (and ``str()``, rendered) is for the trainer.

    ``damaged`` is True when the bytes are not a readable archive at all (rather than one
    too large), so that a format can say in its own words how to save the file again.
    """

    def __init__(self, message: Message, damaged: bool = False) -> None:
        super().__init__(message.render())
        self.message = message
        self.damaged = damaged


def _megabytes(size: int) -> str:
    return f"{size / _MB:,.0f} MB"


def open_zip(data: bytes, limits: ZipLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """The archive in ``data``, after checking its directory against ``limits``.

    Raises :class:`ZipRefused` when the bytes are no zip archive or it would inflate past the
    limits. The returned archive is a context manager; close it when done.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ZipRefused(msg("the file is damaged: it is not a readable zip archive"),
                         damaged=True) from error
    try:
        check_archive(archive, limits)
    except ZipRefused:
        archive.close()
        raise
    return archive


def check_archive(archive: zipfile.ZipFile, limits: ZipLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ZipRefused` when the archive's declared sizes exceed ``limits``."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ZipRefused(msg("the file holds {count:,} parts, more than the {limit:,} a document "
                             "may have; it is not a normal document", count=len(infos),
                             limit=limits.members))
    total = 0
    for info in infos:
        size = info.file_size
        if size > limits.member_bytes:
            raise ZipRefused(msg(
                "the part {part} inflates to {size}, more than the {limit} allowed; split the "
                "file into smaller ones", part=_shown(info.filename), size=_megabytes(size),
                limit=_megabytes(limits.member_bytes)))
        if size > limits.ratio_floor and size > limits.ratio * max(info.compress_size, 1):
            raise ZipRefused(msg(
                "the part {part} inflates {ratio:,} times (to {size}): no real document "
                "compresses like that, so it was not opened", part=_shown(info.filename),
                ratio=size // max(info.compress_size, 1), size=_megabytes(size)))
        total += size
    if total > limits.total_bytes:
        raise ZipRefused(msg("the file inflates to {size}, more than the {limit} allowed; split "
                             "it into smaller ones", size=_megabytes(total),
                             limit=_megabytes(limits.total_bytes)))


def read_member(archive: zipfile.ZipFile, name: str, limit: int | None = None) -> bytes:
    """The bytes of one member, at most ``limit`` (default: the archive limit per member).

    Raises KeyError when there is no such member and :class:`ZipRefused` when it is larger or
    damaged.
    """
    return b"".join(iter_member(archive, name, limit))


def iter_member(archive: zipfile.ZipFile, name: str, limit: int | None = None,
                chunk: int = 1 << 20) -> Iterator[bytes]:
    """The bytes of one member in chunks, refusing past ``limit`` bytes."""
    bound = DEFAULT_LIMITS.member_bytes if limit is None else limit
    info = archive.getinfo(name)
    if info.file_size > bound:
        raise ZipRefused(msg("the part {part} inflates to {size}, more than the {limit} allowed",
                             part=_shown(name), size=_megabytes(info.file_size),
                             limit=_megabytes(bound)))
    seen = 0
    try:
        with archive.open(info) as member:
            while True:
                block = member.read(chunk)
                if not block:
                    return
                seen += len(block)
                if seen > bound:
                    raise ZipRefused(msg("the part {part} is larger than the {limit} allowed",
                                         part=_shown(name), limit=_megabytes(bound)))
                yield block
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError) as error:
        raise ZipRefused(msg("the part {part} is damaged and cannot be read", part=_shown(name)),
                         damaged=True) from error


def _shown(name: str) -> str:
    printable = "".join(char if char.isprintable() else "?" for char in name[:80])
    return f"'{printable}'"
