"""The Progress view: the numbers of a simulated month, the keyboard, the empty state, the
printed report, and no query when nothing changed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from study_month import Month, simulate_month
from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.main_window import MainWindow
from studyapp.ui.theme import LIGHT, ThemeChoice


@pytest.fixture
def month(tmp_path: Path) -> Iterator[Month]:
    simulated = simulate_month(tmp_path / "month")
    yield simulated
    simulated.store.close()


def window_for(qtbot: QtBot, month: Month, tmp_path: Path) -> MainWindow:
    return window_with(qtbot, month.store, tmp_path)


def window_with(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, tmp_path, LIGHT, ThemeChoice.LIGHT, store.profile)
    qtbot.addWidget(window)
    window.attach(store, load_report())
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    return window


def test_the_view_shows_the_core_numbers(qtbot: QtBot, month: Month, tmp_path: Path) -> None:
    window = window_for(qtbot, month, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "progress"
    view = window.dashboard
    board = month.store.progress.dashboard(load_report())
    s = board.summary
    assert view.figure_read.value.text() == f"{s.percent_read}%"
    assert view.figure_cards.value.text() == str(s.cards_due_today)
    assert view.figure_quiz.value.text() == f"{round(100 * s.correct / s.answers)}%"
    assert view.figure_streak.value.text().startswith(str(board.streak.current))
    assert not view.empty_note.isVisible()
    assert view.mastery_panel.isVisible() and view.heat_map.isVisible()
    assert all(chart.isVisible() for chart in view.chart_widgets.values())
    assert set(view.chart_widgets) == {"activity", "accuracy", "due", "buttons"}
    first = view.mastery_grid.itemAtPosition(1, 0).widget().text()
    assert first == board.mastery[0].title
    assert len(view.practise_buttons) == len(load_report().pages)
    # Tab reaches a chart; its numbers show as text (the chart's text alternative).
    chart = view.chart_widgets["buttons"]
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    again, hard, good, easy = board.buttons(30)
    assert f"Again {again}" in view.chart_text.text() and f"Good {good}" in view.chart_text.text()


def test_coming_back_when_nothing_changed_runs_no_query(qtbot: QtBot, month: Month,
                                                        tmp_path: Path) -> None:
    window = window_for(qtbot, month, tmp_path)
    window.show_view("progress")
    painted = window.dashboard.board
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "cards"  # the Cards view reads its decks (not ours)
    statements: list[str] = []
    month.store.db.conn.set_trace_callback(statements.append)
    try:
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() == "progress"
        assert statements == []
        assert window.dashboard.board is painted
        month.store.sections.add_seconds("intro", 600)
        window.show_view("cards")
        window.show_view("progress")
        assert window.dashboard.board is not painted
    finally:
        month.store.db.conn.set_trace_callback(None)


def test_the_heat_map_is_read_from_the_keyboard(qtbot: QtBot, month: Month,
                                                tmp_path: Path) -> None:
    window = window_for(qtbot, month, tmp_path)
    window.show_view("progress")
    heat = window.dashboard.heat_map
    heat.setFocus()
    qtbot.waitUntil(heat.hasFocus)
    board = window.dashboard.board
    assert board is not None
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    week_ago = board.today - timedelta(days=7)
    activity = board.day(week_ago)
    assert heat.current == week_ago
    assert (f"card reviews: {activity.reviews} · quiz answers: {activity.answers}"
            in heat.day_text)
    assert window.dashboard.heat_text.text() == heat.day_text
    qtbot.keyClick(heat, Qt.Key.Key_Up)
    assert heat.current == week_ago - timedelta(days=1)
    qtbot.keyClick(heat, Qt.Key.Key_End)
    assert heat.current == board.today


def test_practise_now_opens_cards_or_quiz(qtbot: QtBot, month: Month, tmp_path: Path) -> None:
    window = window_for(qtbot, month, tmp_path)
    window.show_view("progress")
    board = window.dashboard.board
    assert board is not None
    weakest = board.mastery[0]
    button = window.dashboard.practise_buttons[weakest.section_id]
    button.setFocus()  # as after Tab: the scroll area follows the focus
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    expected = {"cards": "cards", "quiz": "quiz", "read": "read"}[weakest.practise]
    assert window.current_view() == expected


def test_a_new_profile_sees_what_each_panel_will_show(qtbot: QtBot, store, tmp_path) -> None:
    window = window_with(qtbot, store, tmp_path)
    window.show_view("progress")
    view = window.dashboard
    assert view.empty_note.isVisible()
    assert "Nothing studied yet" in view.empty_note.text()
    assert view.charts_empty.isVisible() and view.relationships_hint.isVisible()
    assert not any(chart.isVisible() for chart in view.chart_widgets.values())
    assert view.figure_quiz.detail.text().startswith("No answers yet")


def test_the_goal_is_set_in_the_view(qtbot: QtBot, month: Month, monkeypatch,
                                     tmp_path: Path) -> None:
    from studyapp.ui import dashboard

    window = window_for(qtbot, month, tmp_path)
    window.show_view("progress")
    view = window.dashboard

    def accept(dialog: dashboard.GoalDialog) -> int:
        dialog.target.setValue(3)
        dialog.kinds.setCurrentIndex(dialog.kinds.findData("reviews"))
        return int(dashboard.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(dashboard.GoalDialog, "exec", accept)
    qtbot.mouseClick(view.goal_button, Qt.MouseButton.LeftButton)
    board = month.store.progress.dashboard(load_report())
    assert (board.goal.kind, board.goal.target) == ("reviews", 3)
    assert view.figure_goal.value.text().endswith("/ 3 reviews")


def test_the_pdf_renders_with_the_learners_name(qtbot: QtBot, month: Month,
                                                tmp_path: Path) -> None:
    # pypdfium2 (a test dependency) reads the PDF back: QtPdf would need PySide6-Addons.
    import pypdfium2

    from studyapp.ui.progress_report import cjk_family, save_progress_report

    month.store.progress.set_profile_details("张伟", "组织部")
    target = tmp_path / "progress.pdf"
    save_progress_report(month.store, load_report(), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    if cjk_family() is not None and cjk_family().startswith("Noto"):
        assert b"NotoSansCJK" in data or b"NotoSerifCJK" in data  # the CJK face is embedded
    document = pypdfium2.PdfDocument(target)
    try:
        assert len(document) >= 2  # the mastery table runs onto a second A4 page
        first = document[0]
        bitmap = first.render(scale=1, rev_byteorder=True)  # RGB(A), 595 x 842 at 72 dpi
        pixels = bytes(bitmap.buffer)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        channels = stride // width
        colours = {pixels[y * stride + x * channels: y * stride + x * channels + 3]
                   for x in range(0, width, 7) for y in range(0, height, 7)}
        assert len(colours) > 5  # text and charts, not a blank page
        text = first.get_textpage().get_text_range()
        if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            assert "张伟" in text and "组织部" in text
        else:  # no font on this machine draws Chinese (the .deb recommends one)
            assert "Study progress" in text
        every_page = "".join(document[n].get_textpage().get_text_range()
                             for n in range(len(document)))
        assert "Charts" in every_page
    finally:
        document.close()


def test_the_charts_load_with_the_view_and_need_no_qtcharts(tmp_path: Path) -> None:
    """In a fresh interpreter: the window starts and opens a profile without the charts
    module; the Progress view brings it in, and QtCharts (PySide6-Addons) never loads."""
    script = f"""
import argparse, sys
from PySide6.QtWidgets import QApplication
from studyapp.ui.launch import start_gui
session = start_gui(argparse.Namespace(data_dir={str(tmp_path)!r}, profile=None))
app = QApplication.instance()
while session.store is None:
    app.processEvents()
assert session.window.current_view() == "read"
def state():
    return ("charts" if "studyapp.ui.charts" in sys.modules else "clean") + (
        "+QtCharts" if "PySide6.QtCharts" in sys.modules else "")
print(state())
session.window.show_view("progress")
app.processEvents()
print(state())
session.window.close(); session.close()
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, env={**__import__("os").environ,
                                              "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["clean", "charts"], result.stderr


def test_profile_details_and_the_pdf_from_the_file_menu(qtbot: QtBot, month: Month,
                                                       tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from studyapp.ui import dashboard

    window = window_for(qtbot, month, tmp_path)

    def fill(dialog: dashboard.ProfileDetailsDialog) -> int:
        dialog.name.setText("王芳")  # Chinese arrives through the input method, not keys
        qtbot.keyClicks(dialog.unit, "Propaganda")
        return int(dashboard.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(dashboard.ProfileDetailsDialog, "exec", fill)
    window.details_action.trigger()
    assert month.store.progress.profile_details() == ("王芳", "Propaganda")
    window.show_view("progress")
    assert window.dashboard.learner.text() == "王芳 · Propaganda"

    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(target), "PDF (*.pdf)"))
    window.report_action.trigger()
    written = tmp_path / "report.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert "report.pdf" in window.statusBar().currentMessage()


def test_practise_now_starts_a_quiz_on_the_section(qtbot: QtBot, month: Month,
                                                   tmp_path: Path) -> None:
    window = window_for(qtbot, month, tmp_path)
    window.show_view("progress")
    board = window.dashboard.board
    assert board is not None
    target = next(m for m in board.mastery if m.practise == "quiz")
    button = window.dashboard.practise_buttons[target.section_id]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.current_view() == "quiz"
    session = window.quiz_view.session
    assert session is not None and session.mode == "practice"
    assert session.scope == f"section:{target.section_id}"
    assert all(item.question.section == target.section_id
               or (item.question.section or "").startswith(target.section_id + ".")
               for item in session.items)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_chart_stands_out_in_both_themes(qtbot: QtBot, month: Month, theme: str) -> None:
    """WCAG's 3:1 for graphics: each series against the chart's background (the dark
    theme's highlight, #9E1F1F on #262627, would fail), with axis titles on every chart."""
    from studyapp.ui.dashboard import DashboardView
    from studyapp.ui.theme import DARK, contrast_ratio

    colours = DARK if theme == "dark" else LIGHT
    view = DashboardView(month.store, load_report(), colours)
    qtbot.addWidget(view)
    view.refresh()
    assert len(view.chart_widgets) == 4
    for chart in view.chart_widgets.values():
        assert chart.data.y_title
        for name, _values, colour in chart.data.series:
            assert contrast_ratio(colour, colours.base) >= 3.0, (chart.title(), name)


def test_a_goal_locked_by_it_cannot_be_changed_in_the_view(qtbot: QtBot, tmp_path: Path) -> None:
    from studyapp.core import site_settings
    from studyapp.ui.dashboard import DashboardView

    site_file = tmp_path / "studyapp-site.ini"
    site_file.write_text("[locked]\ndaily_goal = 25 minutes\n", encoding="utf-8")
    store = open_store(tmp_path / "data", "locked", site=site_settings.load([site_file]))
    try:
        view = DashboardView(store, load_report(), LIGHT)
        qtbot.addWidget(view)
        view.refresh()
        assert not view.goal_button.isEnabled()
        assert "organisation" in view.goal_button.toolTip()
        assert view.figure_goal.value.text() == "0 / 25 min"
        assert "set for this PC by your organisation" in view.figure_goal.detail.text()
    finally:
        store.close()
