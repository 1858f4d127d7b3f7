"""An exam's answer card (题卡): a grid of numbered squares, answered filled, flagged
marked, current ringed; arrows move, Enter jumps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import QuizSession
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import text_label


class AnswerCard(QFrame):
    """A grid of numbered squares: answered filled, flagged marked, current ringed."""

    jump = Signal(int)
    submit = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnswerCard")
        self.colours = colours
        self.setStyleSheet(
            f"QFrame#AnswerCard {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; }}")
        self.summary = text_label()
        self.summary.setStyleSheet("font-weight: 600;")
        legend = text_label(self.tr("Filled: answered · Empty: not answered · ⚑: flagged · "
                                    "Ringed: current. Click a number, or move with the arrow keys "
                                    "and press Enter."), "muted")
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.buttons: list[CardSquare] = []
        self.submit_button = QPushButton(self.tr("Submit the exam…"))
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addWidget(legend)
        layout.addLayout(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        layout.addLayout(row)
        self.columns = 10

    def show_session(self, session: QuizSession) -> None:
        c = self.colours
        count = len(session.items)
        while len(self.buttons) < count:
            number = len(self.buttons)
            button = CardSquare()
            button.setText(str(number + 1))
            button.setObjectName("CardSquare")
            button.setFixedSize(44, 40)
            button.clicked.connect(lambda _c=False, n=number: self.jump.emit(n))
            button.arrow.connect(lambda step, n=number: self._arrow(n, step))
            self.grid.addWidget(button, number // self.columns, number % self.columns)
            self.buttons.append(button)
        answered = flagged = 0
        for number, button in enumerate(self.buttons):
            button.setVisible(number < count)
            if number >= count:
                continue
            is_answered = session.answered(number)
            is_flagged = session.flagged(number)
            answered += is_answered
            flagged += is_flagged
            current = number == session.position
            button.setText(f"{'⚑' if is_flagged else ''}{number + 1}")
            state = [self.tr("answered") if is_answered else self.tr("not answered")]
            if is_flagged:
                state.append(self.tr("flagged"))
            if current:
                state.append(self.tr("current"))
            button.setAccessibleName(self.tr("Question {0}: {1}").format(number + 1,
                                                                   ", ".join(state)))
            button.setToolTip(", ".join(state))
            background = c.highlight if is_answered else c.base
            foreground = c.highlighted_text if is_answered else c.text
            border = f"3px solid {c.text}" if current else f"1px solid {c.border}"
            button.setStyleSheet(
                f"QToolButton {{ background: {background}; color: {foreground}; border: {border};"
                f" border-radius: 6px; font-weight: 600; }}"
                f"QToolButton:focus {{ border: 3px solid {c.accent}; }}")
        self.summary.setText(self.tr("{0} answered, {1} not answered, {2} flagged").format(
            answered, count - answered, flagged))

    def _arrow(self, number: int, step: int) -> None:
        target = number + step
        visible = [b for b in self.buttons if b.isVisible()]
        if 0 <= target < len(visible):
            visible[target].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_current(self, position: int) -> None:
        if 0 <= position < len(self.buttons):
            self.buttons[position].setFocus(Qt.FocusReason.OtherFocusReason)


class CardSquare(QToolButton):
    arrow = Signal(int)

    def keyPressEvent(self, event: Any) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -10,
                 Qt.Key.Key_Down: 10}
        if event.key() in steps:
            self.arrow.emit(steps[event.key()])
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)
