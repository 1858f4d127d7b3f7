"""A list of rows to type into (options, pairs, items in order), for the question editor.

Each row is a few cells: a tick (right option; radio buttons when only one may be right) and
line edits. Keyboard first: Tab goes along a row and on to the next; Ctrl+Return adds a row
after the current one, Ctrl+Shift+Backspace removes it, Alt+Shift+Up/Down moves it. The
buttons under the rows do the same for the mouse.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

Cell = Literal["tick", "radio", "text"]
LETTERS = "ABCDEFGH"


class RowsEditor(QWidget):
    """Rows of cells; ``values()`` gives one tuple per row (bool for a tick, str for text).

    ``changed(str)`` says what changed: "text" while typing (the window merges the keystrokes
    into one undo step), "rows" when rows were added, removed, moved or ticked.
    """

    changed = Signal(str)

    def __init__(self, cells: list[tuple[Cell, str]], lettered: bool = False,
                 max_rows: int = 50, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = cells
        self.lettered = lettered
        self.max_rows = max_rows
        self.rows: list[list[QWidget]] = []
        self.group = QButtonGroup(self)  # the radio buttons: one right option
        self.group.setExclusive(True)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.add_button = QPushButton(self.tr("Add a row"))
        self.add_button.setToolTip(self.tr("Add a row after the current one (Ctrl+Return)"))
        self.remove_button = QPushButton(self.tr("Remove the row"))
        self.remove_button.setToolTip(self.tr("Remove the current row (Ctrl+Shift+Backspace)"))
        for button in (self.add_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do it; Tab stays on rows
            button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(self.current_row() + 1))
        self.remove_button.clicked.connect(lambda: self.remove_row(self.current_row()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        self._quiet = False

        def shortcut(keys: str, slot: Any) -> None:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        shortcut("Ctrl+Return", lambda: self.add_row(self.current_row() + 1))
        shortcut("Ctrl+Enter", lambda: self.add_row(self.current_row() + 1))
        shortcut("Ctrl+Shift+Backspace", lambda: self.remove_row(self.current_row()))
        shortcut("Alt+Shift+Up", lambda: self.move_row(self.current_row(), -1))
        shortcut("Alt+Shift+Down", lambda: self.move_row(self.current_row(), 1))

    # -- values ----------------------------------------------------------------------------
    def values(self) -> list[tuple[Any, ...]]:
        out = []
        for row in self.rows:
            out.append(tuple(widget.isChecked() if isinstance(widget, QAbstractButton)
                             else widget.text() if isinstance(widget, QLineEdit) else None
                             for widget in row[1:]))
        return out

    def set_values(self, values: list[tuple[Any, ...]]) -> None:
        """Shows ``values`` (no ``changed``); rows are reused so focus stays where it was."""
        self._quiet = True
        self.group.setExclusive(False)  # else the right option could not be cleared
        try:
            while len(self.rows) > len(values):
                self._drop_last()
            while len(self.rows) < len(values):
                self._append()
            for row, value in zip(self.rows, values, strict=True):
                for widget, cell in zip(row[1:], value, strict=True):
                    if isinstance(widget, QAbstractButton):
                        widget.setChecked(bool(cell))
                    elif isinstance(widget, QLineEdit) and widget.text() != cell:
                        widget.setText(str(cell))
                        if not widget.hasFocus():
                            widget.setCursorPosition(0)  # the start of a long text shows
            self._renumber()
        finally:
            self.group.setExclusive(True)
            self._quiet = False

    def set_read_only(self, read_only: bool) -> None:
        for row in self.rows:
            for widget in row[1:]:
                if isinstance(widget, QLineEdit):
                    widget.setReadOnly(read_only)
                else:
                    widget.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def current_row(self) -> int:
        for number, row in enumerate(self.rows):
            if any(widget.hasFocus() for widget in row):
                return number
        return len(self.rows) - 1

    def focus_row(self, number: int) -> None:
        if 0 <= number < len(self.rows):
            first = next((w for w in self.rows[number][1:] if isinstance(w, QLineEdit)), None)
            (first or self.rows[number][1]).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- changes by the trainer ---------------------------------------------------------------
    def add_row(self, at: int) -> None:
        if len(self.rows) >= self.max_rows or not self.add_button.isEnabled():
            return
        values = self.values()
        blank = tuple(False if kind != "text" else "" for kind, _ in self.cells)
        at = max(0, min(at, len(values)))
        values.insert(at, blank)
        self.set_values(values)
        self.focus_row(at)
        self.changed.emit("rows")

    def remove_row(self, at: int) -> None:
        if not self.rows or not 0 <= at < len(self.rows) or not self.remove_button.isEnabled():
            return
        values = self.values()
        del values[at]
        self.set_values(values)
        self.focus_row(min(at, len(self.rows) - 1))
        self.changed.emit("rows")

    def move_row(self, at: int, step: int) -> None:
        target = at + step
        if not (0 <= at < len(self.rows) and 0 <= target < len(self.rows)
                and self.add_button.isEnabled()):
            return
        values = self.values()
        values.insert(target, values.pop(at))
        self.set_values(values)
        self.focus_row(target)
        self.changed.emit("rows")

    # -- building ---------------------------------------------------------------------------
    def _append(self) -> None:
        number = len(self.rows)
        row: list[QWidget] = [QLabel()]
        for kind, name in self.cells:
            widget: QWidget
            if kind == "text":
                edit = QLineEdit()
                edit.setPlaceholderText(name)
                edit.setAccessibleName(name)
                edit.textEdited.connect(lambda _text: self._emit("text"))
                widget = edit
            else:
                button: QAbstractButton = QRadioButton() if kind == "radio" else QCheckBox()
                button.setAccessibleName(name)
                button.setToolTip(name)
                if kind == "radio":
                    self.group.addButton(button)
                button.toggled.connect(lambda _on: self._emit("rows"))
                widget = button
            row.append(widget)
        for column, widget in enumerate(row):
            self.grid.addWidget(widget, number, column)
            # Shown now, not when the layout gets to it: a row added by Ctrl+Return takes the
            # focus at once (a widget not yet shown refuses it).
            widget.show()
        texts = [column for column, (kind, _) in enumerate(self.cells, start=1) if kind == "text"]
        for column in range(1, len(self.cells) + 1):
            # The first text (the option itself) gets more room than a note beside it.
            self.grid.setColumnStretch(column, 0 if column not in texts else
                                       3 if column == texts[0] else 2)
        self.rows.append(row)

    def _drop_last(self) -> None:
        for widget in self.rows.pop():
            if isinstance(widget, QRadioButton):
                self.group.removeButton(widget)
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows):
            label = row[0]
            assert isinstance(label, QLabel)
            label.setText(LETTERS[number] if self.lettered and number < len(LETTERS)
                          else str(number + 1))

    def _emit(self, what: str) -> None:
        if not self._quiet:
            self.changed.emit(what)
