"""Our small adapter over QtCharts: the few chart kinds the Progress view draws.

Qt deprecated QtCharts in 6.10 (it still ships); everything that touches it is in this module,
so moving to QtGraphs or to our own painting later changes this file only. It is imported
when the Progress view first opens, never at start-up.

Each chart is a ``ChartBox``: a focusable chart in the theme's colours with axis titles, and
a text alternative (its numbers) as tooltip and accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studyapp.ui.theme import Colours

Series = tuple[str, Sequence[float | None], str]  # name, values, colour


class ChartBox(QChartView):
    focused = Signal(str)  # the chart's title and numbers, when it gets the keyboard focus

    def __init__(self, chart: QChart, description: str, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(240)
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setBackgroundBrush(chart.backgroundBrush())
        self.setStyleSheet("background: transparent;")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(chart.title())
        self.set_description(description)

    def set_description(self, text: str) -> None:
        self.description = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.focused.emit(f"{self.chart().title()}. {self.description}")

    def image(self, size: QSize | None = None) -> QImage:
        """The chart drawn into an image (for the printed report)."""
        size = size or QSize(900, 420)
        picture = QImage(size, QImage.Format.Format_ARGB32)
        picture.fill(self.chart().backgroundBrush().color())
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        old = self.chart().size()
        self.chart().resize(size.width(), size.height())
        self.chart().scene().render(painter, picture.rect(), self.chart().sceneBoundingRect())
        self.chart().resize(old)
        painter.end()
        return picture


def _chart(title: str, colours: Colours) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(QColor(colours.text))
    chart.setBackgroundBrush(QColor(colours.base))
    chart.setBackgroundPen(QPen(QColor(colours.border)))
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setLabelColor(QColor(colours.text))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _style_axis(axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis, colours: Colours,
                title: str) -> None:
    axis.setLabelsColor(QColor(colours.muted))
    axis.setTruncateLabels(False)
    axis.setTitleText(title)
    axis.setTitleBrush(QColor(colours.muted))
    axis.setGridLineColor(QColor(colours.border))
    axis.setLinePenColor(QColor(colours.border))


def _value_axis(colours: Colours, title: str, maximum: float, percent: bool) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, maximum if percent else max(4.0, maximum))
    axis.setLabelFormat("%d%%" if percent else "%d")
    axis.setTickCount(5)
    if not percent:
        axis.applyNiceNumbers()
    _style_axis(axis, colours, title)
    return axis


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series],
              colours: Colours, y_title: str, x_title: str = "",
              label_every: int = 1) -> ChartBox:
    """Bars per category; with ``label_every`` N only every Nth category is labelled."""
    chart = _chart(title, colours)
    bars = QBarSeries()
    top = 1.0
    for name, values, colour in series:
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        numbers = [v or 0 for v in values]
        bar_set.append(numbers)
        top = max(top, *numbers) if numbers else top
        bars.append(bar_set)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    # Category labels must be unique: unlabelled ones are distinct runs of zero-width spaces.
    x_axis.append([label if index % label_every == 0 else "\u200b" * (index + 1)
                   for index, label in enumerate(categories)])
    _style_axis(x_axis, colours, x_title)
    y_axis = _value_axis(colours, y_title, top * 1.1, percent=False)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x_axis)
    bars.attachAxis(y_axis)
    chart.legend().setVisible(len(series) > 1)
    return ChartBox(chart, _describe(categories, series))


def day_chart(title: str, days: Sequence[date], series: Sequence[Series], colours: Colours,
              y_title: str, percent: bool = False) -> ChartBox:
    """Lines over calendar days (None values leave a gap)."""
    chart = _chart(title, colours)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTickCount(min(7, max(2, len(days))))
    _style_axis(x_axis, colours, "")
    top = 100.0 if percent else 1.0
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    lines = []
    for name, values, colour in series:
        line = QLineSeries()
        line.setName(name)
        pen = QPen(QColor(colour), 2)
        line.setPen(pen)
        line.setPointsVisible(len(days) <= 60)
        for day, value in zip(days, values, strict=True):
            if value is None:
                continue
            moment = _moment(day, 12)
            line.append(float(moment.toMSecsSinceEpoch()), value * (100 if percent else 1))
            if not percent:
                top = max(top, value)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        lines.append(line)
    if days:
        x_axis.setRange(_moment(days[0], 0),
                        _moment(days[-1], 23))
    y_axis = _value_axis(colours, y_title, top if percent else top * 1.1, percent)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for line in lines:
        line.attachAxis(y_axis)
    labels = [day.strftime("%d %b") for day in days]
    return ChartBox(chart, _describe(labels, series, percent))


def _moment(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _describe(labels: Sequence[str], series: Sequence[Series], percent: bool = False) -> str:
    """The chart's numbers as text: its alternative for screen readers and on hover."""
    lines = []
    for name, values, _colour in series:
        shown = [f"{label} {_number(value, percent)}" for label, value in zip(labels, values,
                                                                             strict=True)
                 if value]
        lines.append(f"{name}: " + (", ".join(shown[-14:]) if shown else "–"))
    return "\n".join(lines)


def _number(value: float | None, percent: bool) -> str:
    if value is None:
        return "–"
    return f"{round(value * 100)}%" if percent else f"{value:g}"
