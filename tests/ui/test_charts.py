"""The Progress view's charts (ui/charts.py, QPainter): their text alternative by keyboard and
mouse, their axes, the theme's colours in both themes, and the image the PDF prints."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from studyapp.ui import charts
from studyapp.ui.theme import DARK, LIGHT, Colours


def buttons_chart(qtbot: QtBot, colours: Colours = LIGHT) -> charts.ChartBox:
    chart = charts.bar_chart("Answer buttons", ["Again", "Hard", "Good", "Easy"],
                             [("Reviews", [25, 0, 90, 26], colours.accent)], colours, "reviews")
    qtbot.addWidget(chart)
    chart.resize(480, 260)
    with qtbot.waitExposed(chart):
        chart.show()
    chart.activateWindow()
    qtbot.waitUntil(chart.isActiveWindow)  # focus events need the active window
    return chart


def test_focus_gives_every_number_and_the_arrows_one_category(qtbot: QtBot) -> None:
    chart = buttons_chart(qtbot)
    said: list[str] = []
    chart.focused.connect(said.append)
    chart.clearFocus()  # a window of its own gave it the focus already
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    assert said[-1] == "Answer buttons. Reviews: Again 25, Good 90, Easy 26"
    assert chart.accessibleName() == "Answer buttons"
    assert chart.accessibleDescription() == "Reviews: Again 25, Good 90, Easy 26"
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert said[-1] == "Answer buttons. Again: Reviews 25"
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert said[-1] == "Answer buttons. Hard: Reviews 0"  # a zero is said, not skipped
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert said[-1] == "Answer buttons. Easy: Reviews 26"
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # stays on the last
    assert chart.current == 3
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert said[-1] == "Answer buttons. Again: Reviews 25"
    assert chart.accessibleDescription() == "Again: Reviews 25"


def test_hovering_a_bar_shows_its_numbers(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    tips: list[str] = []  # the offscreen platform cannot show a real tooltip window
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_rest: tips.append(text))
    chart = buttons_chart(qtbot)
    plot = chart.layout_for(chart.rect(), chart.fontMetrics()).plot
    slot = plot.width() / 4
    good = QPoint(round(plot.left() + slot * 2.5), round(plot.bottom() - 10))
    qtbot.mouseMove(chart, good)
    qtbot.waitUntil(lambda: chart.current == 2)
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, good,
                                             chart.mapToGlobal(good)))
    assert tips == ["Good: Reviews 90"]
    outside = QPoint(2, 2)  # the title's corner: the whole description
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, outside,
                                             chart.mapToGlobal(outside)))
    assert tips[-1] == "Reviews: Again 25, Good 90, Easy 26"


def test_a_day_chart_names_days_and_percentages(qtbot: QtBot) -> None:
    days = [date(2026, 11, 2) + timedelta(weeks=n) for n in range(4)]
    chart = charts.day_chart("Accuracy", days,
                             [("Quiz accuracy", [0.5, None, 0.75, 1.0], LIGHT.accent)],
                             LIGHT, "share right", percent=True)
    qtbot.addWidget(chart)
    assert chart.description == "Quiz accuracy: 2 Nov 50%, 16 Nov 75%, 23 Nov 100%"
    assert chart.ticks() == [0.0, 25.0, 50.0, 75.0, 100.0]
    assert chart.point_text(1) == "9 Nov: Quiz accuracy –"  # a week without answers


@pytest.mark.parametrize(("largest", "ticks"), [
    (0, [0, 1, 2, 3, 4]),
    (3, [0, 1, 2, 3, 4]),
    (21, [0, 10, 20, 30]),
    (90, [0, 25, 50, 75, 100]),
    (12, [0, 5, 10, 15]),
    (1234, [0, 500, 1000, 1500]),
])
def test_the_value_axis_has_round_ticks_above_the_largest_value(largest: float,
                                                                ticks: list[float]) -> None:
    assert charts.nice_ticks(largest) == ticks


def test_labels_under_the_axis_thin_out_when_narrow(qtbot: QtBot) -> None:
    due = charts.bar_chart("Due", [str(n) for n in range(30)],
                           [("Cards due", [1] * 30, LIGHT.accent)], LIGHT, "cards",
                           "days from today", label_every=5)
    qtbot.addWidget(due)
    metrics = due.fontMetrics()
    wide = [i for i, _t in due.axis_labels(40.0, metrics)]
    assert wide == [0, 5, 10, 15, 20, 25]
    assert due.point_text(1) == "1 (days from today): Cards due 1"
    narrow = [i for i, _t in due.axis_labels(2.0, metrics)]
    assert narrow and narrow[0] == 0 and all(i % 5 == 0 for i in narrow)
    assert len(narrow) < len(wide)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_picture_is_in_the_themes_colours(qtbot: QtBot, colours: Colours) -> None:
    chart = buttons_chart(qtbot, colours)
    image = chart.image(QSize(480, 260)).convertToFormat(chart.image().format())
    seen = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)}
    assert colours.base.lower() in seen  # the background
    assert QColor(colours.accent).name() in seen  # the bars
    assert len(seen) > 10  # and text, grid and axis labels, antialiased
