"""Every button, label, tab and menu text fits its widget, in English and in Chinese, at the
window's smallest size (960x600) and with the month of study that fills every panel.

A text is clipped when what it needs (its font's width, plus a button's frame) is wider than
the widget got: a translation longer than the English, or a fixed width that only fitted the
English. Rich-text and word-wrapped labels wrap instead of clipping, and are left out; so are
widgets that elide on purpose (their full text is in the tooltip).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
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
from studyapp.core import editing
from studyapp.core.exams import exam_from_dict, import_exam, write_exam
from studyapp.core.questionsets.model import QUESTION_TYPES
from studyapp.core.report import load_report
from studyapp.core.store import Store
from studyapp.ui.dashboard import GoalDialog
from studyapp.ui.editor_open import ChooseSetDialog
from studyapp.ui.editor_window import EditorWindow
from studyapp.ui.exam_dialog import ExamDialog
from studyapp.ui.exam_panel import AssignedExamsPanel
from studyapp.ui.import_dialog import ImportDialog
from studyapp.ui.main_window import MainWindow
from studyapp.ui.profile_dialogs import BackupsDialog
from studyapp.ui.schedule_dialog import ScheduleDialog
from studyapp.ui.sets_dialog import QuestionSetsDialog
from studyapp.ui.theme import LIGHT, ThemeChoice
from studyapp.ui.widgets import SCREEN_ROOM

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


# A trainer's file with a problem (paper.txt), quality warnings (biased.yaml) and columns
# to explain (bank.csv): the import dialog at its fullest.
BIASED = Path(__file__).parents[1] / "fixtures" / "quality" / "biased.yaml"
BANK = ("序号,题型,题干,选项A,选项B,正确答案,分值,选项A解析,年级,图片URL,课题,解析\n"
        "1,判断题,实践出真知。,,,√,1,,高一,,创新,做了才知道对不对\n")
SMALL_SCREEN = (960 - SCREEN_ROOM.width(), 600 - SCREEN_ROOM.height())


def full_import(month: Month, folder: Path) -> ImportDialog:
    (folder / "bank.csv").write_text(BANK, encoding="utf-8-sig")
    (folder / "paper.txt").write_text("一、单选题\n1. Q?\nA. a\nB. b\n答案：E\n",
                                      encoding="utf-8")
    return ImportDialog(month.store, [folder / "bank.csv", BIASED, folder / "paper.txt"])


@pytest.mark.parametrize("make", [
    lambda month, _folder: QuestionSetsDialog(month.store),
    lambda month, _folder: ImportDialog(month.store, []),
    full_import,
    lambda month, _folder: BackupsDialog(month.store.backups),
    lambda month, _folder: ScheduleDialog(month.store),
    lambda month, _folder: GoalDialog("minutes", 20),
    lambda month, _folder: ExamDialog(month.store, load_report()),
    lambda month, _folder: ChooseSetDialog(month.store),
], ids=["sets", "import", "import-problems-warnings", "backups", "schedule", "goal", "exam",
        "choose-set"])
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_dialogs_fit_at_their_opening_size(qtbot: QtBot, month: Month, language: str,
                                           make: object, tmp_path: Path) -> None:
    dialog: QDialog = make(month, tmp_path)  # type: ignore[operator]
    qtbot.addWidget(dialog)
    if make is full_import:
        assert isinstance(dialog, ImportDialog)
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.show()
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert clipped(dialog) == []
    # It can be made as small as a 960x600 screen leaves (its buttons stay on screen).
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert least.width() <= SMALL_SCREEN[0] and least.height() <= SMALL_SCREEN[1], least
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_question_editor_fits_at_960x600(qtbot: QtBot, month: Month, language: str,
                                             tmp_path: Path) -> None:
    """The editor's menus, lists and the form of every question type and of a card."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = EditorWindow(editing.new_draft("Class 7"), load_report(), settings, LIGHT,
                          month.store)
    window.ask_on_close = False
    qtbot.addWidget(window)
    window.resize(960, 600)
    with qtbot.waitExposed(window):
        window.show()
    assert clipped(window) == []
    least = window.minimumSizeHint()
    assert least.width() <= SMALL_SCREEN[0] and least.height() <= SMALL_SCREEN[1], least
    for kind in QUESTION_TYPES:
        window.add_question(kind)
        qtbot.wait(20)
        assert clipped(window) == [], kind
    window.add_card()
    qtbot.wait(20)
    assert clipped(window) == []
    assert sum(window.menuBar().actionGeometry(a).width()
               for a in window.menuBar().actions()) <= window.width()
    window.stack.setClean()
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_an_assigned_exam_fits_the_quiz_page(qtbot: QtBot, store: Store, language: str,
                                             tmp_path: Path) -> None:
    """The Quiz page's assigned exam: its line (title, deadline, attempts left) and button
    fit the page's column at 960x600 (about 700 pixels)."""
    path = tmp_path / "class7.studyexam"
    write_exam(exam_from_dict({
        "id": "class7-midterm", "title": "第七期培训班期中考试", "scope": "relationships",
        "count": 10, "per_type": {}, "per_section": {}, "time_limit_minutes": 20,
        "pass_mark": 0.6, "attempts": 2, "answers_shown": "after_submit", "seed": 1,
        "deadline": datetime(2030, 12, 20, 18, tzinfo=UTC)}), path)
    import_exam(store, path)
    panel = AssignedExamsPanel(store, LIGHT)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.resize(700, panel.sizeHint().height())
    with qtbot.waitExposed(panel):
        panel.show()
    assert clipped(panel) == []
    line = panel.list.item(0).text()
    assert panel.list.fontMetrics().horizontalAdvance(line) <= panel.list.viewport().width()


def test_the_check_finds_a_clipped_button(qtbot: QtBot) -> None:
    button = QPushButton("导出学习进度报告（PDF）")
    qtbot.addWidget(button)
    button.setFixedWidth(40)
    button.show()
    assert clipped(button) and "needs" in clipped(button)[0]
