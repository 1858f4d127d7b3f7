"""What a user sees when the app cannot start: a plain message that says what to do."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core import report as report_module
from studyapp.core.resources import read_text
from studyapp.core.store import open_store
from studyapp.ui.launch import run_gui


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[str]:
    """The texts of the message boxes the app shows (closed at once instead of waiting)."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(f"{box.text()} {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def start(data_dir: Path, profile: str | None = None) -> int:
    return run_gui(argparse.Namespace(data_dir=str(data_dir), profile=profile))


def test_a_data_dir_that_cannot_be_written(tmp_path: Path, shown: list[str]) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    assert start(blocked) == 1
    assert len(shown) == 1
    assert "cannot start" in shown[0]
    assert "cannot write to its data folder" in shown[0]
    assert "--data-dir" in shown[0]
    assert "Traceback" not in shown[0]


def test_a_profile_from_a_newer_version(tmp_path: Path, shown: list[str]) -> None:
    store = open_store(tmp_path, "default")
    store.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('studyapp', 'm999_from_the_future', 'later')"
    )
    store.close()
    before = store.path.read_bytes()
    assert start(tmp_path) == 1
    assert "newer version of StudyApp" in shown[0]
    assert store.path.read_bytes() == before


def test_a_bad_profile_name(tmp_path: Path, shown: list[str]) -> None:
    assert start(tmp_path, profile="../escape") == 1
    assert "cannot be used as a profile name" in shown[0]


@pytest.fixture
def report_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(report_module, "read_text",
                        lambda *parts: read_text("report", "no-such-file.json"))
    report_module.load_report.cache_clear()
    yield
    report_module.load_report.cache_clear()


def test_a_missing_resource(tmp_path: Path, shown: list[str], report_missing: None) -> None:
    assert start(tmp_path) == 1
    assert "Reinstall StudyApp" in shown[0]


def test_a_normal_start_opens_the_window_on_the_report(tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.main_window import MainWindow

    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[0]
        seen["section"] = window.reader.section.id if window.reader.section else None
        seen["sets"] = sorted(s.id for s in window.store.question_sets.list() if s.builtin)
        window.close()

    QTimer.singleShot(200, look_and_close)
    assert start(tmp_path) == 0
    assert seen["section"] == "intro"
    assert seen["sets"] == ["four-relationships", "report-problems-and-reasons",
                            "report-suggestions"]
    assert (tmp_path / "settings.ini").is_file()
