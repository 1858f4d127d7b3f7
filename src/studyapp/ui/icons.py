"""Line icons (Lucide, ISC licence) from ``resources/icons/``, drawn in the theme's colours.

Icons are drawn when Qt first asks for a size, not when they are made: start-up renders
only what the first window shows.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from studyapp.core.resources import MissingResourceError, read_text


@cache
def _svg(name: str) -> str:
    return read_text("icons", f"{name}.svg")


class _TintedSvgEngine(QIconEngine):
    """Draws one SVG with its ``currentColor`` strokes in the colour for the icon's state."""

    def __init__(self, source: str, colour: str, active_colour: str | None,
                 selected_colour: str | None = None) -> None:
        super().__init__()
        self._source = source
        self._colours = {QIcon.State.Off: colour, QIcon.State.On: active_colour or colour}
        self._selected_colour = selected_colour
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, QIcon.Mode, QIcon.State], QPixmap] = {}

    def _renderer(self, colour: str) -> QSvgRenderer:
        if colour not in self._renderers:
            data = self._source.replace("currentColor", colour).encode()
            self._renderers[colour] = QSvgRenderer(QByteArray(data))
        return self._renderers[colour]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(painter.opacity() * 0.45)
        colour = self._colours[state]
        if mode == QIcon.Mode.Selected and self._selected_colour:
            colour = self._selected_colour  # on the selection's colour, not lost in it
        self._renderer(colour).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode, state)
        if key not in self._pixmaps:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
            painter.end()
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)),
                             mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._source, self._colours[QIcon.State.Off],
                                self._colours[QIcon.State.On], self._selected_colour)


@cache
def icon(name: str, colour: str, active_colour: str | None = None,
         selected_colour: str | None = None) -> QIcon:
    """The icon ``name`` stroked in ``colour`` (and ``active_colour`` when checked), and in
    ``selected_colour`` on a selected row of a list or tree (the highlight's text colour).

    A missing icon file gives an empty icon rather than stopping the app: the text label
    beside every icon still says what the control does.
    """
    try:
        source = _svg(name)
    except MissingResourceError:
        return QIcon()
    return QIcon(_TintedSvgEngine(source, colour, active_colour, selected_colour))
