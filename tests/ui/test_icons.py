"""Bundled icons are drawn in the colour asked for, per state, at any size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from studyapp.ui.icons import icon


def opaque_colours(picture: QIcon, state: QIcon.State, size: int = 32) -> set[str]:
    image = picture.pixmap(QSize(size, size), QIcon.Mode.Normal, state).toImage()
    return {image.pixelColor(x, y).name() for x in range(size) for y in range(size)
            if image.pixelColor(x, y).alpha() == 255}


def test_strokes_take_the_colour_of_the_state(qapp: object) -> None:
    picture = icon("book-open", "#b22222", "#1e7b34")
    assert opaque_colours(picture, QIcon.State.Off) == {"#b22222"}
    assert opaque_colours(picture, QIcon.State.On) == {"#1e7b34"}


def test_sizes_are_drawn_on_demand(qapp: object) -> None:
    picture = icon("search", "#000000")
    for size in (16, 24, 64):
        assert picture.pixmap(QSize(size, size)).size() == QSize(size, size)
    assert opaque_colours(picture, QIcon.State.On, 64) == {"#000000"}


def test_an_unknown_icon_is_empty_not_an_error(qapp: object) -> None:
    assert icon("no-such-icon", "#000000").isNull()
