"""The suite's own checks can fail: a connection left open is caught (tests/conftest.py)."""

from __future__ import annotations

import gc
import sqlite3


def test_a_connection_dropped_without_close_is_caught() -> None:
    connection = sqlite3.connect(":memory:")
    dropped = type(connection).__init__.__globals__["_dropped_open"]  # tests/conftest.py
    assert type(connection).__name__ == "_TrackedConnection"
    del connection
    gc.collect()
    assert len(dropped) == 1
    assert "test_a_connection_dropped_without_close_is_caught" in dropped[0]
    dropped.clear()  # this test's own leak was meant


def test_a_closed_connection_passes() -> None:
    connection = sqlite3.connect(":memory:")
    dropped = type(connection).__init__.__globals__["_dropped_open"]  # tests/conftest.py
    connection.close()
    del connection
    gc.collect()
    assert dropped == []
