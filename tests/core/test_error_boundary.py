"""One error boundary: a service raises StoreError only, and one fault reads the same in the
CLI and in the window (``core/faults.py``). Without it an ``sqlite3`` error passes a view's
``except StoreError`` and becomes a traceback; a full disk is called a USB-stick problem."""

from __future__ import annotations

import errno
import inspect
import shutil
import sqlite3
from collections import namedtuple
from functools import cached_property
from pathlib import Path

import pytest

from studyapp.core.faults import describe_fault
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.store import (
    CorruptDatabaseError,
    DiskFullError,
    ProfileUnavailableError,
    Store,
    StoreError,
    open_store,
)
from studyapp.core.store.service import Service

Usage = namedtuple("Usage", "total used free")


def cards(count: int) -> QuestionSet:
    return QuestionSet(id="drill", title="Drill", cards=[
        Card(id=f"c{i:04}", front=f"front {i}", back=f"back {i}", section="intro")
        for i in range(count)])


def services(store: Store) -> list[Service]:
    for name, attribute in vars(Store).items():  # the services made when first asked for
        if isinstance(attribute, cached_property):
            getattr(store, name)
    return [value for value in vars(store).values() if isinstance(value, Service)]


def test_every_service_of_a_store_guards_every_public_method(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    try:
        found = services(store)
        assert {type(s).__name__ for s in found} >= {
            "ReviewsService", "QuizzesService", "QuestionSetsService", "NotesService",
            "BookmarksService", "SectionsService", "ProgressService", "BackupsService",
            "ExamsService"}
        # A service added later without the base class would slip past the set above.
        named = [v for v in vars(store).values() if type(v).__name__.endswith("Service")]
        assert all(isinstance(v, Service) for v in named), named
        for service in found:
            for name, method in inspect.getmembers(type(service), inspect.isfunction):
                if not name.startswith("_"):
                    assert hasattr(method, "__wrapped__"), f"{type(service).__name__}.{name}"
    finally:
        store.close()


def test_a_disk_filling_during_reviews_gives_a_store_error_and_keeps_every_answer(
        tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    store.question_sets.import_set(cards(300))
    keys = [row[0] for row in store.db.execute("SELECT card_key FROM card_state")]
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 5}")  # the disk is nearly full
    answered = 0
    with pytest.raises(DiskFullError, match="is full") as raised:
        for key in keys * 20:
            store.reviews.answer(key, 3)
            answered += 1
    assert "USB" not in str(raised.value)
    store.close()
    reopened = open_store(tmp_path, "default")
    try:
        assert reopened.reviews.review_count() == answered > 0  # every answer that returned
    finally:
        reopened.close()


def test_a_raw_sqlite_error_inside_any_service_method_becomes_a_store_error(
        tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    try:
        store.db.execute("DROP TABLE notes")
        with pytest.raises(CorruptDatabaseError, match="no such table"):
            store.notes.add("intro", "lost?")
    finally:
        store.close()


def test_an_io_error_on_a_disk_with_no_space_left_says_the_disk_is_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "profiles" / "default.sqlite3"
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 778  # type: ignore[attr-defined]  # SQLITE_IOERR_WRITE
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10 << 30, 10 << 30, 0))
    fault = describe_fault(error, profile)
    assert fault is not None and isinstance(fault.error, DiskFullError)
    assert "is full" in fault.message and "USB" not in fault.message
    assert fault.unavailable and not fault.damaged
    enospc = describe_fault(OSError(errno.ENOSPC, "No space left on device"), profile)
    assert enospc is not None and enospc.message == fault.message
    # The same I/O error with room left on the disk is what it says: the disk failed.
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10 << 30, 1 << 30, 9 << 30))
    other = describe_fault(error, profile)
    assert other is not None and "could not be read or written" in other.message


def test_describe_fault_leaves_other_errors_to_the_bug_report() -> None:
    assert describe_fault(ValueError("a bug")) is None
    assert describe_fault(OSError(errno.EACCES, "denied")) is None
    fault = describe_fault(StoreError("plain"))
    assert fault is not None and not fault.unavailable and fault.message == "plain"
    assert describe_fault(ProfileUnavailableError("gone")).unavailable  # type: ignore[union-attr]
