"""Every button, label, tab and menu text fits its widget, in English and in Chinese, at the
window's smallest size (960x600) and with the month of study that fills every panel.

A text is clipped when what it needs (its font's width, plus a button's frame) is wider than
the widget got: a translation longer than the English, or a fixed width that only fitted the
English. Rich-text and word-wrapped labels wrap instead of clipping, and are left out; so are
widgets that elide on purpose (their full text is in the tooltip).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from study_month import Month, simulate_month
from studyapp.core.report import load_report
from studyapp.ui.dashboard import GoalDialog
from studyapp.ui.import_dialog import ImportDialog
from studyapp.ui.main_window import MainWindow
from studyapp.ui.profile_dialogs import BackupsDialog
from studyapp.ui.schedule_dialog import ScheduleDialog
from studyapp.ui.sets_dialog import QuestionSetsDialog
from studyapp.ui.theme import LIGHT, ThemeChoice

rich_text = QtGui.Qt.mightBeRichText  # type: ignore[attr-defined]
SLACK = 2  # pixels of rounding between a font's advance and a layout's share


def _shown_text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


def clipped(root: QWidget) -> list[str]:
    """The visible texts under ``root`` that do not fit their widget: 'class: text (needs N,
    has M)'."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 1:
            continue
        text = _shown_text(widget)
        if isinstance(widget, QLabel):
            if (not text or widget.wordWrap() or "\n" in text
                    or widget.textFormat() == Qt.TextFormat.RichText
                    or (widget.textFormat() == Qt.TextFormat.AutoText
                        and rich_text(text))):
                continue
            need = widget.fontMetrics().horizontalAdvance(text)
            have = widget.contentsRect().width() - 2 * widget.margin() - max(0, widget.indent())
        elif isinstance(widget, (QPushButton, QToolButton)):
            if not text or (isinstance(widget, QToolButton) and widget.toolButtonStyle()
                            == Qt.ToolButtonStyle.ToolButtonIconOnly):
                continue
            need = widget.sizeHint().width() if "\n" not in text else 0
            have = widget.width()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                label = widget.tabText(index).replace("&", "")
                need = widget.fontMetrics().horizontalAdvance(label)
                if need > widget.tabRect(index).width() + SLACK:
                    found.append(f"tab: {label!r} (needs {need}, has "
                                 f"{widget.tabRect(index).width()})")
            continue
        else:
            continue
        if need > have + SLACK:
            found.append(f"{type(widget).__name__}: {text!r} (needs {need}, has {have})")
    return found


def menu_clipped(window: MainWindow) -> list[str]:
    """Menu entries always get their width; what can go wrong is a title wider than a
    screen of 960 pixels (the menu bar would fold)."""
    bar = window.menuBar()
    need = sum(bar.actionGeometry(action).width() for action in bar.actions())
    return [f"menu bar needs {need}"] if need > window.width() else []


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Month]:
    simulated = simulate_month(tmp_path_factory.mktemp("month") / "month")
    yield simulated
    simulated.store.close()


@pytest.fixture
def small_window(qtbot: QtBot, month: Month, tmp_path: Path, language: str) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path, LIGHT, ThemeChoice.LIGHT, month.store.profile)
    qtbot.addWidget(window)
    window.attach(month.store, load_report())
    window.resize(960, 600)
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.mark.parametrize("view", [1, 2, 3, 4], ids=["reader", "cards", "quiz", "progress"])
def test_every_view_fits_at_the_smallest_window(qtbot: QtBot, small_window: MainWindow,
                                                view: int) -> None:
    small_window.activateWindow()
    qtbot.waitUntil(small_window.isActiveWindow)
    qtbot.keyClick(small_window, Qt.Key(Qt.Key.Key_0 + view),
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert clipped(small_window) == []
    assert menu_clipped(small_window) == []


def test_the_views_menus_are_in_the_language(small_window: MainWindow, language: str) -> None:
    titles = [action.text() for action in small_window.menuBar().actions()]
    assert ("文件(&F)" in titles) == (language == "zh_CN")
    assert ("&File" in titles) == (language == "en")
    assert all(isinstance(action.menu(), QMenu) for action in small_window.menuBar().actions())


@pytest.mark.parametrize("make", [
    lambda month: QuestionSetsDialog(month.store),
    lambda month: ImportDialog(month.store, []),
    lambda month: BackupsDialog(month.store.backups),
    lambda month: ScheduleDialog(month.store),
    lambda month: GoalDialog("minutes", 20),
], ids=["sets", "import", "backups", "schedule", "goal"])
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_dialogs_fit_at_their_opening_size(qtbot: QtBot, month: Month, language: str,
                                           make: object) -> None:
    dialog: QDialog = make(month)  # type: ignore[operator]
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert clipped(dialog) == []
    dialog.reject()


def test_the_check_finds_a_clipped_button(qtbot: QtBot) -> None:
    button = QPushButton("导出学习进度报告（PDF）")
    qtbot.addWidget(button)
    button.setFixedWidth(40)
    button.show()
    assert clipped(button) and "needs" in clipped(button)[0]
