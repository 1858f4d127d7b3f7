"""Text too long for a label, shown in a box that scrolls (issue 15: no question can freeze the
window).

A word-wrapped ``QLabel`` lays its whole text out again for every width the layout asks it
about and paints all of it on every paint: a field at the limit (32,767 characters, eight
options of it) froze the quiz for most of a second and the import preview for a whole one.
:class:`LongText` is read-only plain text in a box of a fixed number of lines with its own
scroll bar: it is laid out once for its width and painted a screenful at a time.
:func:`show_text` puts a text in the label when it is short (as before) and in its
``LongText`` when it is longer than ``LONG_TEXT_CHARS``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QWidget

__all__ = ["EXCERPT_CHARS", "LONG_TEXT_CHARS", "LongText", "excerpt", "show_text"]

# Longer than this, a text goes in a LongText: about a screenful of a label at reading size.
LONG_TEXT_CHARS = 1_500
# A row of a list (a quiz's results, the mistake notebook) shows at most this much of a text.
EXCERPT_CHARS = 300


class LongText(QPlainTextEdit):
    """Read-only plain text in a box ``lines`` lines high (None: as high as its place) that
    scrolls; it never takes the keyboard focus, so the view's keys still work."""

    def __init__(self, lines: int | None = None, parent: QWidget | None = None,
                 clicks_through: bool = False) -> None:
        super().__init__(parent)
        self.clicks_through = clicks_through  # a click goes to the parent (an option tile)
        self.setObjectName("LongText")
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.lines = lines
        self._fit()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.clicks_through:
            event.ignore()
            return
        super().mousePressEvent(event)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.verticalScrollBar().setValue(0)

    def _fit(self) -> None:
        if self.lines is not None:
            margins = self.contentsMargins()
            self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines
                                + 2 * int(self.document().documentMargin())
                                + margins.top() + margins.bottom())


def show_text(label: QLabel, long: LongText, text: str, visible: bool = True) -> None:
    """``text`` in ``label`` when it is short, else in ``long`` (the other one emptied and
    hidden); neither shows when not ``visible``. Both must be in their layout already: a
    widget without a parent that is shown becomes a window of its own."""
    is_long = len(text) > LONG_TEXT_CHARS
    if is_long:
        label.clear()
        long.set_text(text)
    else:
        long.clear()
        label.setText(text)
    label.setVisible(visible and not is_long)
    long.setVisible(visible and is_long)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line (runs of white space as one space), cut to ``limit`` characters
    with "…": what a row of a list shows of a question; the question itself is shown whole."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
