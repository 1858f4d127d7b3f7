"""Shared fixtures. Every test gets its own empty data dir, never the user's real one."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(data_dir))
    return data_dir
