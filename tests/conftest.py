"""Shared fixtures. Every test gets its own empty data dir, never the user's real one.

Every SQLite connection a test opens must be closed by the end of that test: Python 3.13
warns about an unclosed connection (a ``ResourceWarning``, an error under this suite's
``filterwarnings = error``), but only when the collector gets to it, which may be never in a
test run. The check below does not wait for that: it tracks each connection opened through
``sqlite3.connect`` (sqlite-utils included), collects garbage after each test that opened
one, and fails the test when a connection of its was dropped or is still open -- on every
Python version, 3.11 included.
"""

from __future__ import annotations

import gc
import sqlite3
import traceback
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_real_connect = sqlite3.connect
_opened: weakref.WeakSet[_TrackedConnection] = weakref.WeakSet()
_dropped_open: list[str] = []  # where connections were opened that died unclosed


class _TrackedConnection(sqlite3.Connection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_at = "".join(traceback.format_stack(limit=8)[:-2])
        self.closed = False
        _opened.add(self)

    def close(self) -> None:
        self.closed = True
        super().close()

    def __del__(self) -> None:
        if not self.closed:
            _dropped_open.append(self.opened_at)
            super().close()  # reported by the fixture, not as a warning from a destructor


def _tracking_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs.setdefault("factory", _TrackedConnection)
    return _real_connect(*args, **kwargs)


sqlite3.connect = _tracking_connect  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def no_sqlite_connection_left_open() -> Iterator[None]:
    """Fails a test that leaves a database connection open (runs after its other fixtures
    have torn down: autouse fixtures of the root conftest are set up first)."""
    before = set(_opened)
    _dropped_open.clear()
    yield
    if not _dropped_open and not (set(_opened) - before):
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        gc.collect()
    still_open = [c for c in set(_opened) - before if not c.closed]
    problems = list(_dropped_open) + [c.opened_at for c in still_open]
    problems += [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    for connection in still_open:
        connection.close()
    _dropped_open.clear()
    if problems:
        pytest.fail(
            f"{len(problems)} SQLite connection(s) left open by this test; opened at:\n"
            + "\n---\n".join(problems), pytrace=False)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("STUDYAPP_SITE_SETTINGS", "")  # no machine-wide settings file
    # English whatever the machine's locale; tests of other languages choose theirs.
    monkeypatch.setenv("STUDYAPP_LANG", "en")
    return data_dir
