"""Answer controls for the seven question types, each usable by mouse and by keyboard alone.

Every control shows the options of a :class:`~studyapp.core.quiz.QuizItem` in its display
order and answers in the file indices of the question (``studyapp.core.scoring``):
number keys pick (toggle, for ``multiple``), typing fills ``fill`` and ``numeric``, the arrow
keys with Ctrl (or the Move buttons) reorder ``order``, and ``match`` is a grid of numbered
buttons: one row per left-hand item, one column per right-hand item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import QuizItem
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours


class AnswerControl(QWidget):
    """The part of the question page where the learner answers."""

    changed = Signal()

    def __init__(self, item: QuizItem, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.colours = colours
        self.locked = False

    def response(self) -> Any:
        return None

    def set_response(self, response: Any) -> None:
        pass

    def number_pressed(self, number: int) -> bool:
        """A number key (1-9); True when it meant something here."""
        return False

    def lock(self, show_solution: bool) -> None:
        """No more changes; with ``show_solution`` the right answer is marked in place."""
        self.locked = True

    def hint(self) -> str:
        return ""

    def focus_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)


# -- single, multiple, truefalse --------------------------------------------------------------
class OptionTile(QFrame):
    """A large option with its number key; wraps long text; checked shows a tick and words."""

    toggled = Signal()

    def __init__(self, number: int, text: str, multiple: bool, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OptionTile")
        self.number = number
        self.multiple = multiple
        self.colours = colours
        self.checked = False
        self.enabled_for_input = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.key = QLabel(str(number))
        self.key.setObjectName("OptionKey")
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setFixedSize(32, 32)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setFont(font)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.mark = QLabel()
        self.mark.setFixedSize(24, 24)
        self.verdict = QLabel()
        self.verdict.setObjectName("OptionVerdict")
        self.verdict.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(12)
        layout.addWidget(self.key, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.text)
        column.addWidget(self.verdict)
        layout.addLayout(column, 1)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(text)
        self._restyle()

    def set_checked(self, checked: bool) -> None:
        self.checked = checked
        self._restyle()

    def show_verdict(self, right: bool | None, chosen: bool) -> None:
        """After the answer: the right option says so, a wrong choice says so (not colour)."""
        if right:
            self.verdict.setText(self.tr("✓ Correct answer") + (self.tr(" — you chose it") if chosen
                                                           else ""))
            self.verdict.setStyleSheet(f"color: {self.colours.success}; font-weight: 600;")
            self.verdict.show()
            self.setProperty("verdict", "right")
        elif chosen:
            self.verdict.setText(self.tr("✗ Your answer — not right"))
            self.verdict.setStyleSheet(f"color: {self.colours.accent}; font-weight: 600;")
            self.verdict.show()
            self.setProperty("verdict", "wrong")
        self._restyle()

    def _restyle(self) -> None:
        c = self.colours
        verdict = self.property("verdict")
        border = c.border
        if verdict == "right":
            border = c.success
        elif verdict == "wrong":
            border = c.accent
        elif self.checked:
            border = c.accent
        background = c.alternate if self.checked else c.base
        width = 2 if self.checked or verdict else 1
        self.setStyleSheet(
            f"QFrame#OptionTile {{ background: {background}; border: {width}px solid {border};"
            f" border-radius: 8px; }}"
            f"QFrame#OptionTile:focus {{ border: 2px solid {c.accent}; }}"
            f"QLabel#OptionKey {{ border: 1px solid {c.border}; border-radius: 16px;"
            f" color: {c.muted}; font-weight: 600; background: {c.window}; }}"
        )
        if self.checked:
            name = "circle-check" if not self.multiple else "check"
            self.mark.setPixmap(icon(name, c.accent).pixmap(QSize(24, 24)))
            self.mark.setToolTip(self.tr("Chosen"))
            self.setAccessibleDescription(self.tr("chosen"))
        else:
            self.mark.clear()
            self.setAccessibleDescription("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.enabled_for_input:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.toggled.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.enabled_for_input:
            self.toggled.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Down)
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceAnswer(AnswerControl):
    """``single`` and ``truefalse`` pick one tile; ``multiple`` toggles tiles."""

    def __init__(self, item: QuizItem, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, colours, font, parent)
        question = item.question
        self.multiple = question.type == "multiple"
        if question.type == "truefalse":
            self.values: list[Any] = [True, False]
            texts = [self.tr("True"), self.tr("False")]
        else:
            self.values = [index for index, _ in item.options()]
            texts = [text for _, text in item.options()]
        self.tiles: list[OptionTile] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for number, text in enumerate(texts, start=1):
            tile = OptionTile(number, text, self.multiple, colours, font)
            tile.toggled.connect(lambda n=number: self.number_pressed(n))
            self.tiles.append(tile)
            layout.addWidget(tile)
        self.chosen: set[int] = set()

    def number_pressed(self, number: int) -> bool:
        if self.locked or not 1 <= number <= len(self.tiles):
            return False
        index = number - 1
        if self.multiple:
            self.chosen ^= {index}
        else:
            self.chosen = {index}
        for position, tile in enumerate(self.tiles):
            tile.set_checked(position in self.chosen)
        self.changed.emit()
        return True

    def response(self) -> Any:
        if not self.chosen:
            return None
        if self.multiple:
            return sorted(self.values[i] for i in self.chosen)
        return self.values[min(self.chosen)]

    def set_response(self, response: Any) -> None:
        if response is None:
            self.chosen = set()
        elif self.multiple:
            self.chosen = {self.values.index(v) for v in response if v in self.values}
        else:
            self.chosen = {self.values.index(response)} if response in self.values else set()
        for position, tile in enumerate(self.tiles):
            tile.set_checked(position in self.chosen)

    def lock(self, show_solution: bool) -> None:
        super().lock(show_solution)
        question = self.item.question
        for position, tile in enumerate(self.tiles):
            tile.enabled_for_input = False
            tile.setCursor(Qt.CursorShape.ArrowCursor)
            if not show_solution:
                continue
            value = self.values[position]
            if question.type == "truefalse":
                right = value == bool(question.truth)
            else:
                right = question.choices[value].correct
            tile.show_verdict(right, position in self.chosen)

    def hint(self) -> str:
        last = len(self.tiles)
        if self.multiple:
            return self.tr("Select all that apply: press 1–{0} to tick or untick, Enter to "
                           "answer.").format(last)
        return self.tr("Press 1–{0} to choose, Enter to answer.").format(last)

    def focus_first(self) -> None:
        target = self.tiles[min(self.chosen)] if self.chosen else self.tiles[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)


# -- fill and numeric -------------------------------------------------------------------------
class TextAnswer(AnswerControl):
    def __init__(self, item: QuizItem, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, colours, font, parent)
        self.field = QLineEdit()
        self.field.setObjectName("AnswerField")
        self.field.setFont(font)
        self.field.setMinimumHeight(40)
        numeric = item.question.type == "numeric"
        self.field.setPlaceholderText(self.tr("A number, e.g. 1921 or 3.5") if numeric
                                      else self.tr("Type your answer"))
        self.field.setAccessibleName(self.tr("Your answer"))
        self.field.textChanged.connect(self.changed)
        self.solution = QLabel()
        self.solution.setWordWrap(True)
        self.solution.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.solution)

    def response(self) -> Any:
        text = self.field.text()
        return text if text.strip() else None

    def set_response(self, response: Any) -> None:
        self.field.setText("" if response is None else str(response))

    def lock(self, show_solution: bool) -> None:
        super().lock(show_solution)
        self.field.setReadOnly(True)

    def hint(self) -> str:
        if self.item.question.type == "numeric":
            return self.tr("Type a number, then press Enter.")
        return self.tr("Type the missing words, then press Enter (case and full-width letters do "
                       "not matter).")

    def focus_first(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)


# -- order ------------------------------------------------------------------------------------
class OrderList(QListWidget):
    move_requested = Signal(int)  # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        moving = modifiers & (Qt.KeyboardModifier.ControlModifier
                              | Qt.KeyboardModifier.AltModifier)
        if moving and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # Enter answers: the page handles it
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        pass  # number keys belong to the page


class OrderAnswer(AnswerControl):
    def __init__(self, item: QuizItem, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, colours, font, parent)
        self.list = OrderList()
        self.list.setObjectName("OrderList")
        self.list.setFont(font)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Items to put in order"))
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.list.move_requested.connect(self.move_item)
        self.list.model().rowsMoved.connect(lambda *_: self._renumber())
        for index, text in item.start_sequence():
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.up = QPushButton(icon("arrow-up", colours.text), self.tr("Move up"))
        self.down = QPushButton(icon("arrow-down", colours.text), self.tr("Move down"))
        self.up.setToolTip(self.tr("Move the selected item up (Ctrl+Up)"))
        self.down.setToolTip(self.tr("Move the selected item down (Ctrl+Down)"))
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        self.solution = QLabel()
        self.solution.setWordWrap(True)
        self.solution.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.solution)
        self._renumber()
        self._fit_height()

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            text = entry.data(Qt.ItemDataRole.UserRole + 1) or entry.text()
            entry.setData(Qt.ItemDataRole.UserRole + 1, text)
            entry.setText(f"{row + 1}.  {text}")
        self.changed.emit()

    def _fit_height(self) -> None:
        height = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        self.list.setMinimumHeight(height + 2 * self.list.frameWidth() + 8)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def move_item(self, step: int) -> None:
        if self.locked:
            return
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(target, entry)
        self.list.setCurrentRow(target)
        self._renumber()

    def number_pressed(self, number: int) -> bool:
        if 1 <= number <= self.list.count():
            self.list.setCurrentRow(number - 1)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def response(self) -> Any:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.list.count())]

    def set_response(self, response: Any) -> None:
        if not response:
            return
        texts = {i: t for i, t in enumerate(self.item.question.sequence)}
        self.list.clear()
        for index in response:
            entry = QListWidgetItem(texts.get(index, ""))
            entry.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self._renumber()

    def lock(self, show_solution: bool) -> None:
        super().lock(show_solution)
        self.list.setDragDropMode(QListWidget.DragDropMode.NoDragDrop)
        self.up.setEnabled(False)
        self.down.setEnabled(False)
        if show_solution:
            for row in range(self.list.count()):
                entry = self.list.item(row)
                index = entry.data(Qt.ItemDataRole.UserRole)
                sequence = self.item.question.sequence
                right = sequence[index] == sequence[row]
                mark = self.tr("✓ right place") if right else self.tr("✗ belongs at {0}").format(
                    sequence.index(sequence[index]) + 1)
                entry.setText(f"{entry.text()}    {mark}")

    def hint(self) -> str:
        return self.tr("Put the items in order: Up/Down select, Ctrl+Up/Ctrl+Down (or the Move "
                       "buttons, or dragging) move the selected item; Enter answers.")

    def focus_first(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)


# -- match ------------------------------------------------------------------------------------
class PairButton(QPushButton):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # Enter answers
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, MatchAnswer):
                parent = parent.parentWidget()
            if isinstance(parent, MatchAnswer):
                parent.move_focus(self, key)
                event.accept()
                return
        super().keyPressEvent(event)


class MatchAnswer(AnswerControl):
    """A grid: a row per left-hand item, a numbered button per right-hand item. Number keys
    pair the row that has focus (then focus goes to the next row)."""

    def __init__(self, item: QuizItem, colours: Colours, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, colours, font, parent)
        self.rights = item.rights()  # (file index, text) in display order
        legend = QFrame()
        legend.setObjectName("MatchLegend")
        legend.setStyleSheet(f"QFrame#MatchLegend {{ background: {colours.alternate};"
                             f" border: 1px solid {colours.border}; border-radius: 8px; }}")
        legend_layout = QVBoxLayout(legend)
        legend_layout.setContentsMargins(12, 8, 12, 8)
        legend_layout.setSpacing(4)
        heading = QLabel(self.tr("Match each item below with one of these:"))
        heading.setProperty("role", "muted")
        legend_layout.addWidget(heading)
        for number, (_index, text) in enumerate(self.rights, start=1):
            label = QLabel(f"{number}.  {text}")
            label.setWordWrap(True)
            label.setFont(font)
            legend_layout.addWidget(label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(8)
        self.groups: list[QButtonGroup] = []
        self.rows: list[list[PairButton]] = []
        self.row_labels: list[QLabel] = []
        for row, left in enumerate(item.lefts()):
            label = QLabel(left)
            label.setWordWrap(True)
            label.setFont(font)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, row, 0)
            self.row_labels.append(label)
            group = QButtonGroup(self)
            group.setExclusive(False)
            buttons = []
            for column in range(len(self.rights)):
                button = PairButton(str(column + 1))
                button.setObjectName("PairButton")
                button.setCheckable(True)
                button.setFixedSize(36, 32)
                button.setAccessibleName(self.tr("{0}: pair with {1}").format(
                    left, self.rights[column][1]))
                button.setToolTip(self.rights[column][1])
                button.clicked.connect(lambda _c=False, r=row, k=column: self.pair(r, k))
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
                buttons.append(button)
            self.groups.append(group)
            self.rows.append(buttons)
        grid.setColumnStretch(0, 1)
        self.setStyleSheet(
            f"QPushButton#PairButton {{ padding: 0; }}"
            f"QPushButton#PairButton:checked {{ background: {colours.highlight};"
            f" color: {colours.highlighted_text}; border-color: {colours.highlight};"
            f" font-weight: 700; }}")
        self.chosen: list[int | None] = [None] * len(self.rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(legend)
        layout.addLayout(grid)
        self.grid = grid

    def pair(self, row: int, column: int | None) -> None:
        if self.locked:
            self._show()
            return
        self.chosen[row] = None if column == self.chosen[row] else column
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        for row, buttons in enumerate(self.rows):
            for column, button in enumerate(buttons):
                button.setChecked(self.chosen[row] == column)
                button.setText(f"✓{column + 1}" if self.chosen[row] == column
                               else str(column + 1))

    def focused_row(self) -> int | None:
        for row, buttons in enumerate(self.rows):
            if any(b.hasFocus() for b in buttons):
                return row
        return None

    def move_focus(self, button: PairButton, key: int) -> None:
        for row, buttons in enumerate(self.rows):
            if button in buttons:
                column = buttons.index(button)
                if key == Qt.Key.Key_Left:
                    column = max(0, column - 1)
                elif key == Qt.Key.Key_Right:
                    column = min(len(buttons) - 1, column + 1)
                elif key == Qt.Key.Key_Up:
                    row = max(0, row - 1)
                else:
                    row = min(len(self.rows) - 1, row + 1)
                self.rows[row][column].setFocus(Qt.FocusReason.TabFocusReason)
                return

    def number_pressed(self, number: int) -> bool:
        if self.locked or not 1 <= number <= len(self.rights):
            return False
        row = self.focused_row()
        if row is None:
            row = next((r for r, c in enumerate(self.chosen) if c is None), 0)
        self.chosen[row] = number - 1
        self._show()
        self.changed.emit()
        following = min(row + 1, len(self.rows) - 1)
        self.rows[following][self.chosen[following] or 0].setFocus(
            Qt.FocusReason.OtherFocusReason)
        return True

    def response(self) -> Any:
        if all(c is None for c in self.chosen):
            return None
        return [None if c is None else self.rights[c][0] for c in self.chosen]

    def set_response(self, response: Any) -> None:
        if not response:
            return
        column_of = {index: column for column, (index, _) in enumerate(self.rights)}
        self.chosen = [None if r is None else column_of.get(r) for r in response]
        self.chosen += [None] * (len(self.rows) - len(self.chosen))
        self._show()

    def lock(self, show_solution: bool) -> None:
        super().lock(show_solution)
        for buttons in self.rows:
            for button in buttons:
                button.setEnabled(self.chosen[self.rows.index(buttons)] ==
                                  buttons.index(button))
        if show_solution:
            pairs = self.item.question.pairs
            for row, label in enumerate(self.row_labels):
                chosen = self.chosen[row]
                right_column = next(c for c, (i, _) in enumerate(self.rights)
                                    if pairs[i][1] == pairs[row][1])
                if chosen is not None and self.rights[chosen][1] == pairs[row][1]:
                    label.setText(f"{pairs[row][0]}\n" + self.tr("✓ right: {0}").format(
                        right_column + 1))
                else:
                    label.setText(f"{pairs[row][0]}\n" + self.tr("✗ should be {0}").format(
                        right_column + 1))

    def hint(self) -> str:
        return self.tr("For each item, press the number of its partner (or click it); Tab and the "
                       "arrow keys move between rows. Enter answers.")

    def focus_first(self) -> None:
        self.rows[0][0].setFocus(Qt.FocusReason.OtherFocusReason)


def answer_control(item: QuizItem, colours: Colours, font: QFont) -> AnswerControl:
    kind = item.question.type
    if kind in ("single", "multiple", "truefalse"):
        return ChoiceAnswer(item, colours, font)
    if kind in ("fill", "numeric"):
        return TextAnswer(item, colours, font)
    if kind == "order":
        return OrderAnswer(item, colours, font)
    return MatchAnswer(item, colours, font)


__all__ = ["AnswerControl", "answer_control"]
