"""The change mark (core/store/wal_watch.py) sees every other connection's commit, and
asks SQLite nothing while the WAL's shared memory says nobody committed."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.core.store.wal_watch import ChangeMark


def _connect(path: Path, journal: str = "wal") -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode={journal}")
    return conn


@pytest.fixture(params=["wal", "delete"])
def journal(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def pair(tmp_path: Path, journal: str) -> Iterator[tuple[sqlite3.Connection, sqlite3.Connection]]:
    path = tmp_path / "profile.sqlite3"
    owner = _connect(path, journal)
    owner.execute("CREATE TABLE t (x INTEGER)")
    other = _connect(path, journal)
    yield owner, other
    other.close()
    owner.close()


def _own_write(mark: ChangeMark, conn: sqlite3.Connection, between: object = None) -> None:
    """A write of the owner's, as the reviews service grades: the header read with the
    write lock held, then the commit. ``between``: runs after the owner's look."""
    mark.moved(conn)
    if callable(between):
        between()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (1)")
    held = mark.watch.header(conn)
    conn.execute("COMMIT")
    mark.watch.own_commit(conn, held)
    mark.wrote(conn)


def _asked(conn: sqlite3.Connection) -> list[str]:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    return statements


def test_the_owners_writes_need_no_question_in_wal_mode(
        pair: tuple[sqlite3.Connection, sqlite3.Connection], journal: str) -> None:
    owner, _other = pair
    mark = ChangeMark()
    assert mark.moved(owner)  # the first look
    assert not mark.moved(owner)
    for _ in range(3):
        _own_write(mark, owner)
        asked = _asked(owner)
        assert not mark.moved(owner)
        # WAL: the shared memory said it all; a rollback journal: SQLite was asked
        assert ("PRAGMA data_version" in asked) == (journal != "wal")
        assert mark.watch.live == (journal == "wal")


def test_another_connections_commit_is_seen(
        pair: tuple[sqlite3.Connection, sqlite3.Connection]) -> None:
    owner, other = pair
    mark = ChangeMark()
    _own_write(mark, owner)
    assert not mark.moved(owner)
    other.execute("INSERT INTO t VALUES (2)")
    assert mark.moved(owner)
    assert not mark.moved(owner)


def test_a_commit_between_the_look_and_the_owners_write_is_seen(
        pair: tuple[sqlite3.Connection, sqlite3.Connection]) -> None:
    owner, other = pair
    mark = ChangeMark()
    _own_write(mark, owner)
    _own_write(mark, owner, between=lambda: other.execute("INSERT INTO t VALUES (2)"))
    assert mark.moved(owner)
    _own_write(mark, owner)
    assert not mark.moved(owner)


def test_a_commit_after_a_restarted_log_is_seen(
        pair: tuple[sqlite3.Connection, sqlite3.Connection]) -> None:
    """Another connection folds the log back (the next commit starts it again from its
    first frame) and commits: seen."""
    owner, other = pair
    mark = ChangeMark()
    _own_write(mark, owner)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mark.moved(owner)  # a checkpoint changes no data: either answer will do
    _own_write(mark, owner)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.execute("INSERT INTO t VALUES (2)")
    assert mark.moved(owner)


def test_a_write_of_the_same_connection_not_the_owners_is_seen(
        pair: tuple[sqlite3.Connection, sqlite3.Connection]) -> None:
    owner, _other = pair
    mark = ChangeMark()
    _own_write(mark, owner)
    owner.execute("INSERT INTO t VALUES (3)")  # an import, say: not through the mark
    assert mark.moved(owner)


def test_a_new_connection_is_watched_afresh(tmp_path: Path) -> None:
    path = tmp_path / "profile.sqlite3"
    first = _connect(path)
    first.execute("CREATE TABLE t (x INTEGER)")
    mark = ChangeMark()
    _own_write(mark, first)
    assert mark.watch.live
    second = _connect(path)
    other = _connect(path)
    other.execute("INSERT INTO t VALUES (2)")
    assert mark.moved(second)
    assert not mark.watch.live  # not trusted on this connection before its own commit
    other.execute("INSERT INTO t VALUES (3)")
    assert mark.moved(second)
    mark.watch.close()
    for conn in (first, second, other):
        conn.close()


def test_a_file_that_does_not_move_with_the_owners_commit_is_never_trusted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shared memory that is not the live one (a stale file, heap memory in exclusive
    mode): every look asks SQLite."""
    path = tmp_path / "profile.sqlite3"
    owner, other = _connect(path), _connect(path)
    owner.execute("CREATE TABLE t (x INTEGER)")
    mark = ChangeMark()
    mark.watch.header(owner)
    monkeypatch.setattr(mark.watch, "_map", bytes(64))  # never changes
    for _ in range(3):
        _own_write(mark, owner)
        mark.moved(owner)
        assert not mark.watch.live
        other.execute("INSERT INTO t VALUES (2)")
        assert mark.moved(owner)
    owner.close()
    other.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_place_of_the_shared_memory_file_is_refused_at_once(tmp_path: Path) -> None:
    """Something put where the -shm file was (here a named pipe, after SQLite opened the
    real one): the watch neither waits on it nor trusts it, and SQLite is asked."""
    path = tmp_path / "profile.sqlite3"
    # the owner is looked at from a thread, which gives up on it if the look hangs
    owner = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    owner.execute("PRAGMA journal_mode=wal")
    other = _connect(path)
    owner.execute("CREATE TABLE t (x INTEGER)")
    shm = Path(f"{path}-shm")
    shm.unlink()
    os.mkfifo(shm)
    mark = ChangeMark()
    looked: list[bool] = []
    look = threading.Thread(target=lambda: looked.append(mark.moved(owner)), daemon=True)
    look.start()
    look.join(5)
    assert looked == [True]  # answered (the first look), not stuck opening the pipe
    assert mark.watch.header(owner) is None
    _own_write(mark, owner)
    assert not mark.watch.live
    other.execute("INSERT INTO t VALUES (2)")
    assert mark.moved(owner)
    mark.watch.close()
    owner.close()
    other.close()
