"""Line icons (Lucide, ISC licence) from ``resources/icons/``, drawn in the theme's colours."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from studyapp.core.resources import MissingResourceError, read_text

SIZES = (16, 20, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    return read_text("icons", f"{name}.svg")


@cache
def icon(name: str, colour: str, active_colour: str | None = None) -> QIcon:
    """The icon ``name`` stroked in ``colour`` (and ``active_colour`` when checked/selected).

    A missing icon file gives an empty icon rather than stopping the app: the text label
    beside every icon still says what the control does.
    """
    result = QIcon()
    try:
        source = _svg(name)
    except MissingResourceError:
        return result
    states = [(colour, QIcon.State.Off)]
    if active_colour:
        states.append((active_colour, QIcon.State.On))
    for stroke, state in states:
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", stroke).encode()))
        for size in SIZES:
            for ratio in (1, 2):
                pixmap = QPixmap(size * ratio, size * ratio)
                pixmap.setDevicePixelRatio(ratio)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                renderer.render(painter, QRectF(0, 0, size, size))
                painter.end()
                result.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return result
