"""A calendar heat map of study per day over the last year, drawn with QPainter.

Columns are weeks (Monday on top), the newest on the right. Hovering a day, or moving the
keyboard focus with the arrow keys (Home/End: first and last day), shows that day's minutes,
reviews and answers in a tooltip, in :attr:`HeatMap.day_text` and in the accessible
description. The numbers come from the core (``Dashboard.days``); the map only draws them.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyapp.ui.formatting import month_text, weekday_day_text, weekday_name
from studyapp.ui.theme import Colours

CELL, GAP = 12, 3  # the largest square; it shrinks (to MIN_CELL) in a narrow window
MIN_CELL = 7
LEFT, TOP = 32, 18
WEEKS = 53
# Minutes that reach each of the four shades (0 is the empty shade).
LEVELS = (1, 15, 30, 60)


class HeatMap(QWidget):
    day_changed = Signal(str)  # the description of the focused day

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Study per day over the last year"))
        self._values: dict[date, tuple[float, int, int]] = {}
        self.today = date.today()
        self.current = self.today
        self.day_text = ""

    def set_days(self, today: date, values: dict[date, tuple[float, int, int]]) -> None:
        """``values``: minutes, reviews and answers per day (days without any left out)."""
        self.today = today
        self._values = values
        self.current = today
        self._describe()
        self.update()

    @property
    def first_day(self) -> date:
        # The Monday WEEKS - 1 weeks before the week of today.
        return self.today - timedelta(days=self.today.weekday() + 7 * (WEEKS - 1))

    def sizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (CELL + GAP), TOP + 7 * (CELL + GAP) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * (MIN_CELL + GAP), TOP + 7 * (CELL + GAP) + 4)

    @property
    def cell(self) -> int:
        """The side of a day's square at the present width."""
        return max(MIN_CELL, min(CELL, (self.width() - LEFT) // WEEKS - GAP))

    def _cell(self, day: date) -> QRect:
        offset = (day - self.first_day).days
        week, weekday = divmod(offset, 7)
        step = self.cell + GAP
        return QRect(LEFT + week * step, TOP + weekday * step, self.cell, self.cell)

    def day_at(self, point: QPoint) -> date | None:
        step = self.cell + GAP
        week = (point.x() - LEFT) // step
        weekday = (point.y() - TOP) // step
        if point.x() < LEFT or point.y() < TOP or not (0 <= week < WEEKS and 0 <= weekday < 7):
            return None
        day = self.first_day + timedelta(days=int(week) * 7 + int(weekday))
        return day if day <= self.today else None

    def _shade(self, level: int) -> QColor:
        """The colour of a day at ``level`` (0-4: how many of LEVELS its minutes reach)."""
        if level == 0:
            return QColor(self.colours.border)
        empty, full = QColor(self.colours.alternate), QColor(self.colours.highlight)
        mix = 0.25 + 0.75 * level / len(LEVELS)
        return QColor.fromRgbF(
            empty.redF() + (full.redF() - empty.redF()) * mix,
            empty.greenF() + (full.greenF() - empty.greenF()) * mix,
            empty.blueF() + (full.blueF() - empty.blueF()) * mix,
        )

    def describe(self, day: date) -> str:
        minutes, reviews, answers = self._values.get(day, (0.0, 0, 0))
        return self.tr("{day}: {minutes} min · card reviews: {reviews} · quiz answers: "
                       "{answers}").format(
            day=weekday_day_text(day), minutes=round(minutes), reviews=reviews,
            answers=answers)

    def _describe(self) -> None:
        self.day_text = self.describe(self.current)
        self.setAccessibleDescription(self.day_text)
        self.day_changed.emit(self.day_text)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        muted = QColor(self.colours.muted)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(muted)
        for weekday in (0, 2, 4):
            name = weekday_name(weekday)
            step = self.cell + GAP
            painter.drawText(QRect(0, TOP + weekday * step - 2, LEFT - 4, self.cell + 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        last_month = None
        for week in range(WEEKS):
            monday = self.first_day + timedelta(days=7 * week)
            if monday.month != last_month and week < WEEKS - 2:
                painter.drawText(LEFT + week * (self.cell + GAP), TOP - 5, month_text(monday))
                last_month = monday.month
        painter.setPen(Qt.PenStyle.NoPen)
        shades = [self._shade(level) for level in range(len(LEVELS) + 1)]  # once a paint
        day = self.first_day
        while day <= self.today:
            minutes, reviews, answers = self._values.get(day, (0.0, 0, 0))
            minutes = max(minutes, 1.0 if reviews or answers else 0.0)
            painter.setBrush(shades[sum(1 for threshold in LEVELS if minutes >= threshold)])
            painter.drawRoundedRect(self._cell(day), 2, 2)
            day += timedelta(days=1)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(self.colours.accent), 2))
            painter.drawRoundedRect(self._cell(self.current).adjusted(-2, -2, 2, 2), 3, 3)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -7, Qt.Key.Key_Right: 7, Qt.Key.Key_Up: -1,
                 Qt.Key.Key_Down: 1}
        key = Qt.Key(event.key())
        if key in steps:
            moved = self.current + timedelta(days=steps[key])
        elif key == Qt.Key.Key_Home:
            moved = self.first_day
        elif key == Qt.Key.Key_End:
            moved = self.today
        else:
            super().keyPressEvent(event)
            return
        self.current = min(self.today, max(self.first_day, moved))
        self._describe()
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._describe()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.current = day
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._describe()
            self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(day), self)
            return True
        return super().event(event)
