"""The Progress view's charts, drawn with QPainter: bars and lines over categories.

No QtCharts (it needs PySide6-Addons, 418 MiB, and Qt deprecated it in 6.10) and no plotting
library: pyqtgraph with numpy was measured as the alternative (+82 MiB installed, 540-790 ms
to import; docs/packaging.md → Charts), while these few chart kinds are a couple of hundred
lines of painting.

Each chart is a ``ChartBox``: a focusable widget in the theme's colours with axis titles, a
legend when it has more than one series, and a text alternative: all its numbers as tooltip,
accessible description and ``focused`` signal when it gets the keyboard focus; one
category's numbers when the mouse rests on it or Left/Right/Home/End move to it. The printed
report draws the same painting into an image (``ChartBox.image``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyapp.ui.formatting import short_day_text
from studyapp.ui.theme import Colours

Series = tuple[str, Sequence[float | None], str]  # name, values, colour
YOf = Callable[[float], float]  # a value's height in the plot

PAD = 12  # around the chart, and between its parts
POINTS_UP_TO = 60  # a line shows its points when it has at most this many


@dataclass(frozen=True)
class ChartData:
    """What a chart shows; ``labels`` name each category, in the text alternative and under
    the axis: every ``label_step``th one there, or a multiple of it where they would touch."""

    title: str
    kind: str  # "bars" or "lines"
    labels: tuple[str, ...]
    label_step: int
    series: tuple[Series, ...]
    y_title: str
    x_title: str = ""
    percent: bool = False  # values are fractions, shown 0-100%


@dataclass(frozen=True)
class Layout:
    """Where the parts of a chart go in a given rectangle."""

    title: QRect
    plot: QRectF
    y_title: QRect
    x_labels_top: float
    x_title: QRect
    legend: QRect


class ChartBox(QWidget):
    focused = Signal(str)  # the chart's title and numbers, or one category's, to show as text

    def __init__(self, data: ChartData, colours: Colours,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.colours = colours
        self.current: int | None = None  # the category under the mouse or moved to by keys
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(240)
        self.setMinimumWidth(280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(data.title)
        self.set_description(describe(data))

    def title(self) -> str:
        return self.data.title

    def set_description(self, text: str) -> None:
        self.description = text
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    # -- the text alternative --------------------------------------------------------------
    def point_text(self, index: int) -> str:
        """One category's numbers: "Good: Reviews 90", "1 (days from today): Cards due 3"."""
        values = "; ".join(f"{name} {_number(values[index], self.data.percent)}"
                           for name, values, _colour in self.data.series)
        label = self.data.labels[index]
        if self.data.x_title:  # a bare number needs its unit
            label = f"{label} ({self.data.x_title})"
        return f"{label}: {values}"

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(f"{self.data.title}. {self.description}")
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.data.labels)
        key = Qt.Key(event.key())
        if not count or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                                    Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = count - 1
        elif self.current is None:
            index = 0 if key == Qt.Key.Key_Right else count - 1
        else:
            index = self.current + (1 if key == Qt.Key.Key_Right else -1)
        self.current = min(count - 1, max(0, index))
        text = self.point_text(self.current)
        self.setAccessibleDescription(text)
        self.focused.emit(f"{self.data.title}. {text}")
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index != self.current:
            self.current = index
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if not self.hasFocus():
            self.current = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos())
            text = self.description if index is None else self.point_text(index)
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    def index_at(self, point: QPoint) -> int | None:
        """The category under ``point``, None outside the plot."""
        plot = self.layout_for(self.rect(), QFontMetrics(self.font())).plot
        count = len(self.data.labels)
        if not count or not plot.adjusted(0, -4, 0, 4).contains(QPointF(point)):
            return None
        slot = plot.width() / count
        return min(count - 1, max(0, int((point.x() - plot.left()) // slot)))

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint(painter, self.rect(), focus=self.hasFocus())
        painter.end()

    def image(self, size: QSize | None = None) -> QImage:
        """The chart drawn into an image (for the printed report), at twice the pixels for
        print."""
        size = size or QSize(900, 420)
        picture = QImage(size * 2, QImage.Format.Format_ARGB32)
        picture.setDevicePixelRatio(2)
        picture.fill(QColor(self.colours.base))
        painter = QPainter(picture)
        painter.setFont(self.font())
        self.paint(painter, QRect(QPoint(0, 0), size), focus=False, frame=False)
        painter.end()
        return picture

    def layout_for(self, rect: QRect, metrics: QFontMetrics) -> Layout:
        line = metrics.height()
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        title = QRect(inner.left(), inner.top(), inner.width(), line + 2)
        legend_height = line if len(self.data.series) > 1 else 0
        x_title_height = line if self.data.x_title else 0
        bottom = inner.bottom() - legend_height - (PAD // 2 if legend_height else 0)
        x_title = QRect(inner.left(), bottom - x_title_height, inner.width(), x_title_height)
        x_labels_top = x_title.top() - line - 4
        y_labels = [_tick_label(v, self.data.percent) for v in self.ticks()]
        label_width = max((metrics.horizontalAdvance(t) for t in y_labels), default=0)
        left = inner.left() + line + 4 + label_width + 6  # rotated y title, tick labels
        top = title.bottom() + PAD
        last_label = self.data.labels[-1] if self.data.labels else ""
        right = inner.right() - max(4, metrics.horizontalAdvance(last_label) // 2)
        plot = QRectF(left, top, max(10, right - left), max(10, x_labels_top - 4 - top))
        y_title = QRect(inner.left(), int(plot.top()), line, int(plot.height()))
        legend = QRect(inner.left(), inner.bottom() - legend_height, inner.width(),
                       legend_height)
        return Layout(title, plot, y_title, x_labels_top, x_title, legend)

    def axis_labels(self, slot: float, metrics: QFontMetrics) -> list[tuple[int, str]]:
        """The categories labelled under the axis at this width: every ``label_step``th,
        or every second, third... of those when neighbours would touch."""
        step = max(1, self.data.label_step)
        widest = max((metrics.horizontalAdvance(t) for t in self.data.labels), default=0)
        step *= max(1, math.ceil((widest + 12) / max(1.0, step * slot)))
        return [(i, t) for i, t in enumerate(self.data.labels) if i % step == 0]

    def ticks(self) -> list[float]:
        """The y axis's tick values, from 0 to a round top above the largest value."""
        if self.data.percent:
            return [0.0, 25.0, 50.0, 75.0, 100.0]
        largest = max((v or 0 for _n, values, _c in self.data.series for v in values),
                      default=0)
        return nice_ticks(float(largest))

    def paint(self, painter: QPainter, rect: QRect, focus: bool, frame: bool = True) -> None:
        c = self.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(painter.font())
        box = QRectF(rect).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(c.accent), 2) if focus else QPen(QColor(c.border), 1))
        painter.setBrush(QColor(c.base))
        if frame or focus:
            painter.drawRoundedRect(box, 6, 6)
        layout = self.layout_for(rect, metrics)
        plot = layout.plot
        title_font = QFont(painter.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor(c.text))
        painter.drawText(layout.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.data.title)
        painter.setFont(_plain(title_font))

        ticks = self.ticks()
        top = ticks[-1] or 1.0
        muted = QColor(c.muted)
        grid = QColor(c.border)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / top

        for value in ticks:
            y = y_of(value)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine if value == 0
                                else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(plot.left() - 200, y - metrics.height() / 2, 194,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _tick_label(value, self.data.percent))
        painter.save()
        painter.translate(layout.y_title.left(), layout.y_title.center().y())
        painter.rotate(-90)
        painter.drawText(QRect(-layout.y_title.height() // 2, 0, layout.y_title.height(),
                               metrics.height()), Qt.AlignmentFlag.AlignCenter,
                         self.data.y_title)
        painter.restore()

        count = len(self.data.labels)
        slot = plot.width() / max(1, count)
        if self.current is not None and count and (focus or self.underMouse()):
            band = QColor(c.muted)
            band.setAlphaF(0.15)
            painter.fillRect(QRectF(plot.left() + self.current * slot, plot.top(), slot,
                                    plot.height()), band)
        for index, label in self.axis_labels(slot, metrics):
            centre = plot.left() + slot * (index + 0.5)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(centre, plot.bottom()), QPointF(centre, plot.bottom() + 3))
            painter.setPen(muted)
            width = metrics.horizontalAdvance(label) + 8
            painter.drawText(QRectF(centre - width / 2, layout.x_labels_top, width,
                                    metrics.height()), Qt.AlignmentFlag.AlignCenter, label)
        if self.data.x_title:
            painter.drawText(layout.x_title, Qt.AlignmentFlag.AlignCenter, self.data.x_title)

        scale = 100.0 if self.data.percent else 1.0
        if self.data.kind == "bars":
            self._paint_bars(painter, plot, slot, y_of, scale)
        else:
            self._paint_lines(painter, plot, slot, y_of, scale)
        if len(self.data.series) > 1:
            self._paint_legend(painter, layout.legend, metrics)

    def _paint_bars(self, painter: QPainter, plot: QRectF, slot: float, y_of: YOf,
                    scale: float) -> None:
        series = self.data.series
        group = slot * 0.7
        width = group / max(1, len(series))
        painter.setPen(Qt.PenStyle.NoPen)
        for number, (_name, values, colour) in enumerate(series):
            painter.setBrush(QColor(colour))
            for index, value in enumerate(values):
                if not value:
                    continue
                left = plot.left() + slot * index + (slot - group) / 2 + width * number
                y = y_of(value * scale)
                painter.drawRect(QRectF(left, y, max(1.0, width - 1), plot.bottom() - y))

    def _paint_lines(self, painter: QPainter, plot: QRectF, slot: float, y_of: YOf,
                     scale: float) -> None:
        for _name, values, colour in self.data.series:
            path = QPainterPath()
            points: list[QPointF] = []
            drawing = False
            for index, value in enumerate(values):
                if value is None:
                    drawing = False  # a gap: no line through a missing value
                    continue
                point = QPointF(plot.left() + slot * (index + 0.5), y_of(value * scale))
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
                points.append(point)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(colour), 2, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.drawPath(path)
            if len(values) <= POINTS_UP_TO:
                painter.setBrush(QColor(colour))
                painter.setPen(QPen(QColor(self.colours.base), 1))
                for point in points:
                    painter.drawEllipse(point, 3.5, 3.5)

    def _paint_legend(self, painter: QPainter, rect: QRect, metrics: QFontMetrics) -> None:
        entries = [(name, colour, metrics.horizontalAdvance(name))
                   for name, _values, colour in self.data.series]
        swatch = metrics.height() // 2 + 2
        total = sum(swatch + 6 + width for _n, _c, width in entries) + 16 * (len(entries) - 1)
        x = rect.center().x() - total / 2
        for name, colour, width in entries:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(x, rect.center().y() - swatch / 2, swatch, swatch),
                                    2, 2)
            painter.setPen(QColor(self.colours.text))
            painter.drawText(QRectF(x + swatch + 6, rect.top(), width + 2, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            x += swatch + 6 + width + 16


def _plain(font: QFont) -> QFont:
    plain = QFont(font)
    plain.setBold(False)
    return plain


def nice_ticks(largest: float, steps: int = 4) -> list[float]:
    """Round tick values from 0 to at least ``largest`` (at least 0-4): 0, 5, 10, 15, 20."""
    span = max(4.0, largest)
    raw = span / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1:
        step = 1.0
    count = math.ceil(span / step - 1e-9)
    return [step * i for i in range(count + 1)]


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series],
              colours: Colours, y_title: str, x_title: str = "",
              label_every: int = 1) -> ChartBox:
    """Bars per category; with ``label_every`` N only every Nth category is labelled."""
    data = ChartData(title=title, kind="bars", labels=tuple(categories),
                     label_step=label_every, series=tuple(series), y_title=y_title,
                     x_title=x_title)
    return ChartBox(data, colours)


def day_chart(title: str, days: Sequence[date], series: Sequence[Series], colours: Colours,
              y_title: str, percent: bool = False) -> ChartBox:
    """Lines over calendar days, evenly spaced (None values leave a gap); at most seven days
    are written under the axis, fewer when the chart is too narrow for them."""
    data = ChartData(title=title, kind="lines", labels=tuple(day_label(day) for day in days),
                     label_step=max(1, math.ceil(len(days) / 7)), series=tuple(series),
                     y_title=y_title, percent=percent)
    return ChartBox(data, colours)


def day_label(day: date) -> str:
    """"5 Nov", "11月5日": in the window's language (ui/formatting.py)."""
    return short_day_text(day)


def describe(data: ChartData) -> str:
    """The chart's numbers as text: its alternative for screen readers and on hover (the
    last 14 categories with a value, per series)."""
    lines = []
    for name, values, _colour in data.series:
        shown = [f"{label} {_number(value, data.percent)}"
                 for label, value in zip(data.labels, values, strict=True) if value]
        lines.append(f"{name}: " + (", ".join(shown[-14:]) if shown else "–"))
    return "\n".join(lines)


def _tick_label(value: float, percent: bool) -> str:
    return f"{value:.0f}%" if percent else f"{value:g}"


def _number(value: float | None, percent: bool) -> str:
    if value is None:
        return "–"
    return f"{round(value * 100)}%" if percent else f"{value:g}"
