"""Fixtures for the widget tests (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyapp.core.clock import FakeClock
from studyapp.core.language import ENGLISH, LanguageChoice
from studyapp.core.report import Report, load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.launch import settings_for
from studyapp.ui.main_window import MainWindow
from studyapp.ui.theme import LIGHT, ThemeChoice
from studyapp.ui.translations import use_language


@pytest.fixture
def store(isolated_data_dir: Path) -> Iterator[Store]:
    """A fresh profile in the test's own data dir, closed afterwards."""
    opened = open_store(isolated_data_dir, "tester")
    yield opened
    opened.close()


def show_main_window(qtbot: QtBot, data_dir: Path, store: Store, report: Report,
                     active: bool = True) -> MainWindow:
    """The main window on ``store``, attached and shown as the app does, at 1280x800."""
    window = MainWindow(settings_for(data_dir), data_dir, LIGHT, ThemeChoice.SYSTEM,
                        store.profile)
    qtbot.addWidget(window)
    window.attach(store, report)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    if active:
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    return window


ShowWindow = Callable[..., MainWindow]


@pytest.fixture
def show_window(qtbot: QtBot) -> ShowWindow:
    """``show_main_window`` with the test's qtbot: for fixtures that prepare their own store."""
    def show(data_dir: Path, store: Store, report: Report, active: bool = True) -> MainWindow:
        return show_main_window(qtbot, data_dir, store, report, active)
    return show


@pytest.fixture
def report() -> Report:
    return load_report()


@pytest.fixture
def make_window(qtbot: QtBot, isolated_data_dir: Path,
                report: Report) -> Iterator[Callable[[], MainWindow]]:
    """Opens the main window on the test profile as the app does: a store and settings file."""
    opened: list[tuple[MainWindow, Store]] = []

    def make() -> MainWindow:
        store = open_store(isolated_data_dir, "learner")
        window = show_main_window(qtbot, isolated_data_dir, store, report)
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


@pytest.fixture
def reading_clock() -> FakeClock:
    """The clock of ``clocked_window``'s profile: it stands still until the test moves it."""
    return FakeClock()


@pytest.fixture
def clocked_window(qtbot: QtBot, isolated_data_dir: Path, report: Report,
                   reading_clock: FakeClock) -> Iterator[Callable[[], MainWindow]]:
    """``make_window`` on a profile whose clock is ``reading_clock`` (the reader's read rule
    and time spent run on it: see ``read_for``)."""
    opened: list[tuple[MainWindow, Store]] = []

    def make() -> MainWindow:
        store = open_store(isolated_data_dir, "learner", clock=reading_clock)
        window = show_main_window(qtbot, isolated_data_dir, store, report)
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


ReadFor = Callable[[MainWindow, int], None]


@pytest.fixture
def read_for(qtbot: QtBot, reading_clock: FakeClock) -> ReadFor:
    """``read_for(window, seconds)``: that many seconds go by in the reader. The clock moves
    one second at a time and each second is seen by a tick of the reader's timer (nothing
    sleeps: the reading session runs on ``reading_clock``)."""
    def read(window: MainWindow, seconds: int) -> None:
        for _ in range(seconds):
            reading_clock.advance(seconds=1)
            qtbot.waitUntil(lambda: window.reader.reading is not None
                            and window.reader.reading.last_tick == reading_clock())
    return read


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Runs the test once in English and once in Chinese (the window's catalogues, Qt's own,
    core's messages and QLocale's default); English again afterwards."""
    code = str(request.param)
    use_language(qapp, LanguageChoice(code, "option"))
    yield code
    use_language(qapp, LanguageChoice(ENGLISH, "option"))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[str]:
    """The test runs with the window in Chinese; English again afterwards."""
    use_language(qapp, LanguageChoice("zh_CN", "option"))
    yield "zh_CN"
    use_language(qapp, LanguageChoice(ENGLISH, "option"))
