"""The Quiz view's assigned exams: the exams the learner imported (``.studyexam``), each with
its deadline, the attempts left and the best result; Enter or Start takes the selected one
with the quiz engine (core/exams.py starts it, the Quiz view runs it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.exams import AssignedExam, assigned_exams, start_exam
from studyapp.core.messages import render
from studyapp.core.store import Store
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import text_label


class _ExamList(QListWidget):
    start_requested = Signal()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AssignedExamsPanel(QFrame):
    """Hidden while the profile has no exams."""

    started = Signal(object)  # the QuizSession of the attempt just started
    status_message = Signal(str)

    def __init__(self, store: Store, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AssignedExams")
        self.setStyleSheet(
            f"QFrame#AssignedExams {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; }}")
        self.store = store
        self.exams: list[AssignedExam] = []
        title = text_label(self.tr("Assigned exams"))
        title.setStyleSheet("font-weight: 600;")
        self.list = _ExamList()
        self.list.setObjectName("AssignedExamList")
        self.list.setAccessibleName(self.tr("Assigned exams"))
        self.list.start_requested.connect(self.start_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.start_selected())
        self.list.currentRowChanged.connect(lambda _row: self._show_state())
        self.start_button = QPushButton(self.tr("Start the exam"))
        self.start_button.setObjectName("StartAssignedExam")
        self.start_button.clicked.connect(self.start_selected)
        self.why = text_label("", "muted")
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.why, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.hide()

    def refresh(self) -> None:
        self.exams = assigned_exams(self.store, self.store.clock())
        current = self.list.currentRow()
        self.list.clear()
        for assigned in self.exams:
            item = QListWidgetItem(self._line(assigned))
            item.setToolTip(assigned.exam.description or assigned.exam.title)
            self.list.addItem(item)
        self.list.setFixedHeight(min(5, max(1, len(self.exams))) * 28 + 8)
        self.setVisible(bool(self.exams))
        if self.exams:
            self.list.setCurrentRow(min(max(0, current), len(self.exams) - 1))
        self._show_state()

    def _line(self, assigned: AssignedExam) -> str:
        exam = assigned.exam
        parts = [exam.title]
        if exam.deadline is not None:
            parts.append(self.tr("due {when}").format(
                when=exam.deadline.astimezone().strftime("%Y-%m-%d %H:%M")))
        left = assigned.attempts_left
        if left is not None:
            parts.append(self.tr("{left} of {total} attempts left").format(
                left=left, total=exam.attempts))
        if assigned.best_score is not None:
            verdict = self.tr("passed") if assigned.passed else self.tr("not passed")
            parts.append(self.tr("best {percent}% ({verdict})").format(
                percent=round(assigned.best_score * 100), verdict=verdict))
        return " · ".join(parts)

    def selected(self) -> AssignedExam | None:
        row = self.list.currentRow()
        return self.exams[row] if 0 <= row < len(self.exams) else None

    def _show_state(self) -> None:
        chosen = self.selected()
        blocked = chosen is None or chosen.blocked is not None
        self.start_button.setEnabled(not blocked)
        self.why.setText(render(chosen.blocked) if chosen and chosen.blocked else "")

    def start_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.blocked is not None:
            self.status_message.emit(render(chosen.blocked))
            return
        self.started.emit(start_exam(self.store, self.store.clock, chosen.exam))
