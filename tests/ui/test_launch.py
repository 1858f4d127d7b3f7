"""What a user sees when the app starts, and when it cannot: a plain message that says what
to do, never a traceback.

``start_gui`` is what ``run_gui`` runs before the event loop; the tests drive it with qtbot
instead of ``app.exec()`` (an exited application loop would stop later tests' timers).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core import report as report_module
from studyapp.core.resources import read_text
from studyapp.core.store import open_store
from studyapp.ui.launch import WindowSession, run_gui, start_gui
from studyapp.ui.reader import ReaderView


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[str]:
    """The texts of the message boxes the app shows (closed at once instead of waiting)."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(f"{box.text()} {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def args(data_dir: Path, profile: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), profile=profile)


def start(qtbot: QtBot, data_dir: Path, profile: str | None = None) -> WindowSession:
    """Starts as the app does and waits until the profile is open or has failed."""
    session = start_gui(args(data_dir, profile))
    assert session is not None and session.window is not None
    qtbot.addWidget(session.window)
    failures: list[bool] = []
    session.failed.connect(lambda: failures.append(True))
    qtbot.waitUntil(lambda: session.store is not None or bool(failures))
    return session


def test_a_normal_start_opens_the_window_on_the_report(qtbot: QtBot, tmp_path: Path,
                                                       shown: list[str]) -> None:
    session = start(qtbot, tmp_path)
    window = session.window
    assert window is not None and window.isVisible()
    assert session.store is not None and window.store is session.store
    assert window.reader.section is not None and window.reader.section.id == "intro"
    builtin = sorted(s.id for s in session.store.question_sets.list() if s.builtin)
    assert builtin == ["four-relationships", "glossary", "report-problems-and-reasons",
                       "report-suggestions"]
    assert shown == []
    window.close()
    session.close()
    assert (tmp_path / "settings.ini").is_file()


def test_the_frame_shows_before_the_profile_is_open(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_gui(args(tmp_path))
    assert session is not None and session.window is not None
    qtbot.addWidget(session.window)
    assert session.window.isVisible()
    assert session.store is None
    assert "Opening the profile" in session.window.opening.text()
    assert not session.window.import_action.isEnabled()
    qtbot.waitUntil(lambda: session.store is not None)
    assert session.window.import_action.isEnabled()
    assert session.window.current_view() == "read"
    session.window.close()
    session.close()


def test_the_section_last_read_shows_before_the_profile_opens(qtbot: QtBot, tmp_path: Path,
                                                               shown: list[str]) -> None:
    session = start(qtbot, tmp_path)
    window = session.window
    assert window is not None
    page = next(s for s in window.report.sections if s.is_page and s.id != "intro")
    window.reader.open_section(page.id)
    qtbot.mouseClick(window.reader.read_button, Qt.MouseButton.LeftButton)
    window.close()
    session.close()

    again = start_gui(args(tmp_path))
    assert again is not None and again.window is not None
    qtbot.addWidget(again.window)
    assert again.store is None  # the text comes from the report and settings.ini alone
    reader = again.window.findChild(ReaderView)
    assert reader is not None and reader.isVisible()
    assert reader.section is not None and reader.section.id == page.id
    assert page.label in reader.text.toPlainText()
    assert not reader.read_button.isEnabled()  # the read mark comes with the profile
    # The menu bar has its menus; their entries come right after the text's first paint,
    # before the profile opens (Import and the like wait for the profile anyway).
    menus = again.window.menuBar().actions()
    assert [a.text() for a in menus] == ["&File", "&Go", "&Reading", "&View", "&Help"]
    assert not again.window.file_menu.actions()
    qtbot.waitUntil(lambda: again.store is not None)
    assert again.window.reader is reader and reader.section.id == page.id
    assert reader.read_button.isEnabled() and reader.read_button.isChecked()
    assert again.window.import_action.isEnabled()
    assert again.store.sections.last_opened() == page.id
    assert shown == []
    again.window.close()
    again.close()


def test_a_new_theme_before_the_text_is_painted_still_opens_the_profile(
        qtbot: QtBot, tmp_path: Path) -> None:
    session = start(qtbot, tmp_path)
    assert session.window is not None
    session.window.reader.open_section(session.window.report.sections[3].id)
    session.window.close()
    session.close()
    again = start_gui(args(tmp_path))
    assert again is not None and again.window is not None
    first = again.window
    qtbot.addWidget(first)
    assert first.text_pending
    first.appearance_changed.emit()  # the window is rebuilt before its text was painted
    assert again.window is not first and again.window is not None
    qtbot.addWidget(again.window)
    qtbot.waitUntil(lambda: again.store is not None)
    assert again.window.store is again.store
    again.window.close()
    again.close()


def test_another_profiles_place_is_not_shown_before_the_profile_opens(
        qtbot: QtBot, tmp_path: Path) -> None:
    session = start(qtbot, tmp_path)
    assert session.window is not None
    session.window.reader.open_section(session.window.report.sections[3].id)
    session.window.close()
    session.close()
    other = start_gui(args(tmp_path, "other"))
    assert other is not None and other.window is not None
    qtbot.addWidget(other.window)
    assert other.window.findChild(ReaderView) is None
    assert "Opening the profile" in other.window.opening.text()
    qtbot.waitUntil(lambda: other.store is not None)
    assert other.window.reader.section is not None
    assert other.window.reader.section.id == "intro"  # that learner's own first start
    other.window.close()
    other.close()


def test_a_data_dir_that_cannot_be_written(qtbot: QtBot, tmp_path: Path,
                                           shown: list[str]) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    session = start(qtbot, blocked)
    assert session.store is None
    assert session.window is not None and not session.window.isVisible()
    assert len(shown) == 1
    assert "cannot start" in shown[0]
    assert "cannot write to its data folder" in shown[0]
    assert "--data-dir" in shown[0]
    assert "Traceback" not in shown[0]


def test_a_profile_from_a_newer_version(qtbot: QtBot, tmp_path: Path,
                                        shown: list[str]) -> None:
    store = open_store(tmp_path, "default")
    store.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('studyapp', 'm999_from_the_future', 'later')"
    )
    store.close()
    before = store.path.read_bytes()
    session = start(qtbot, tmp_path)
    assert session.store is None
    assert "newer version of StudyApp" in shown[0]
    assert store.path.read_bytes() == before


def test_a_bad_profile_name_stops_before_any_window(tmp_path: Path, shown: list[str]) -> None:
    assert run_gui(args(tmp_path, profile="../escape")) == 1
    assert "cannot be used as a profile name" in shown[0]


@pytest.fixture
def report_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(report_module, "read_text",
                        lambda *parts: read_text("report", "no-such-file.json"))
    report_module.load_report.cache_clear()
    yield
    report_module.load_report.cache_clear()


def test_a_missing_resource(qtbot: QtBot, tmp_path: Path, shown: list[str],
                            report_missing: None) -> None:
    session = start(qtbot, tmp_path)
    assert session.store is None
    assert "Reinstall StudyApp" in shown[0]
