"""Fixtures for the widget tests (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.core.store import Store, open_store


@pytest.fixture
def store(isolated_data_dir: Path) -> Iterator[Store]:
    """A fresh profile in the test's own data dir, closed afterwards."""
    opened = open_store(isolated_data_dir, "tester")
    yield opened
    opened.close()
