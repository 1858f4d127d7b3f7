"""Whether anyone else committed to the profile, seen in SQLite's shared memory.

The reviews service keeps the day's queue and counts while only its own writes change the
cards. ``PRAGMA data_version`` tells it whether another connection committed, but asking
starts a read transaction (locks on the shared memory and back): tens of microseconds
when the caches are cold, as they are when the learner has just pressed a grade, which
made it a third of showing the next card.

In WAL mode every commit rewrites the wal-index header at the start of the database's
``-shm`` file (https://www.sqlite.org/walformat.html, 2.2: the header, 48 bytes, with
``iChange``, a counter one higher after each commit, at byte 8). A mapping of those bytes
is read here instead: while they are the bytes seen when the service last knew the
database's state, nobody has committed since. The service asks SQLite again whenever they
differ (or anything here is unsure), so the watch only ever saves a question.

It is trusted only once it has watched a commit of the service's own go by (the counter
one higher across it, with the write lock held before it): a file that is not the live
shared memory (a rollback journal on a network drive, exclusive locking, another
platform's layout) never moves that way, so there the service always asks SQLite.
"""

from __future__ import annotations

import mmap
import os
import sqlite3
import stat
import sys

HEADER = 48  # bytes of the first copy of the wal-index header
_CHANGE = slice(8, 12)  # iChange, in the machine's byte order


class WalWatch:
    """The wal-index header of one connection's database. ``quiet`` says nobody committed
    since the header passed to ``seen``; ``own_commit`` moves it past a commit of ours."""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None
        self._map: mmap.mmap | None = None
        self._seen: bytes | None = None  # the header when the state was last known
        self.live = False  # a commit of ours was seen through the mapping

    def quiet(self, conn: sqlite3.Connection) -> bool:
        """True only when nobody (this connection included) has committed since ``seen``
        or ``own_commit`` recorded the header; call it on an open connection."""
        return (self.live and conn is self._conn and self._map is not None
                and self._map[:HEADER] == self._seen)

    def header(self, conn: sqlite3.Connection) -> bytes | None:
        """The header now (None without a mapping). Read it before asking SQLite whether
        anyone committed: a commit between the two then shows at the next look."""
        if conn is not self._conn:
            self._open(conn)
        return None if self._map is None else self._map[:HEADER]

    def seen(self, header: bytes | None) -> None:
        """The state SQLite reported is the one of ``header`` or later."""
        self._seen = header

    def own_commit(self, conn: sqlite3.Connection, held: bytes | None) -> None:
        """After a commit of this connection; ``held``: the header read inside that
        transaction once it wrote (the write lock held, so nobody else could commit).
        The watch stays quiet only when ``held`` is the header last seen and ours is the
        one commit since it."""
        after = self.header(conn) if conn is self._conn else None
        if (held is not None and after is not None and held == self._seen
                and _change(after) == (_change(held) + 1) & 0xFFFFFFFF):
            self._seen = after
            self.live = True
        else:
            self._seen = None  # ask SQLite next time

    def close(self) -> None:
        """Lets the mapping go (before the connection closes)."""
        if self._map is not None:
            self._map.close()
        self._map = None
        self._conn = None
        self._seen = None
        self.live = False

    def _open(self, conn: sqlite3.Connection) -> None:
        self.close()
        self._conn = conn
        try:
            row = conn.execute("PRAGMA database_list").fetchone()
            journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        except sqlite3.Error:
            return
        if not row or not row[2] or str(journal).lower() != "wal":
            return
        try:  # never waits: a pipe put where the file was opens and is refused below
            descriptor = os.open(f"{row[2]}-shm", os.O_RDONLY | getattr(os, "O_BINARY", 0)
                                 | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return
        try:
            status = os.fstat(descriptor)
            if stat.S_ISREG(status.st_mode) and status.st_size >= HEADER:
                self._map = mmap.mmap(descriptor, HEADER, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            self._map = None
        finally:
            os.close(descriptor)


def _change(header: bytes) -> int:
    return int.from_bytes(header[_CHANGE], sys.byteorder)


class ChangeMark:
    """What a connection has seen: (PRAGMA data_version, total_changes). The first moves
    when another connection commits, the second with every write on this one; the owner's
    own writes move the mark along with them (``wrote``). ``moved`` asks SQLite only when
    the WAL's shared memory says someone may have committed since it last looked."""

    def __init__(self) -> None:
        self._mark: tuple[int, int] | None = None
        self.watch = WalWatch()

    def moved(self, conn: sqlite3.Connection) -> bool:
        """Whether anyone but the owner wrote since the last look (True at the first)."""
        mark = self._mark
        if mark is not None and conn.total_changes == mark[1] and self.watch.quiet(conn):
            return False
        header = self.watch.header(conn)
        self._mark = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        self.watch.seen(header)
        return self._mark != mark

    def wrote(self, conn: sqlite3.Connection) -> None:
        """After the owner's own write (what it keeps already moved with it)."""
        if self._mark is not None:
            self._mark = (self._mark[0], conn.total_changes)
