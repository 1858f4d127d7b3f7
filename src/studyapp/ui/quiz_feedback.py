"""The feedback under a practice question: right or not (an icon, never colour alone),
the correct answer, notes on the options chosen, the explanation and the report's own
words, with "Read in context"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyapp.core.quiz import QuizItem, answer_text, correct_answer_text, evidence_quotes
from studyapp.core.report import Report
from studyapp.core.scoring import Grade
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import text_label, verdict_font


class FeedbackPanel(QFrame):
    read_in_context = Signal(str, list)  # section id, quotes

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPanel")
        self.colours = colours
        self.icon = QLabel()
        self.icon.setFixedSize(28, 28)
        self.verdict = QLabel()
        self.verdict.setObjectName("FeedbackVerdict")
        self.verdict.setFont(verdict_font(1.3))
        self.correct = text_label()
        self.correct.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = text_label()
        self.explanation = text_label()
        self.evidence = text_label()
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.read_button = QPushButton(icon("book-open", colours.text), self.tr("Read in context"))
        self.read_button.setObjectName("ReadInContextButton")
        self.read_button.setToolTip(self.tr("Open the report at this passage (R)"))
        self.read_button.clicked.connect(self._read)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        for widget in (self.correct, self.notes, self.explanation, self.evidence):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.read_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._section: str | None = None
        self._quotes: list[str] = []
        self.hide()

    def show_grade(self, item: QuizItem, grade: Grade | None, response: Any,
                   report: Report) -> None:
        c = self.colours
        if grade is None:
            words, name, colour = self.tr("Not answered"), "circle-alert", c.muted
        elif grade.correct:
            words, name, colour = self.tr("Right"), "circle-check", c.success
        elif grade.partly:
            words, name, colour = (self.tr("Partly right: {0}% of the mark").format(
                round(grade.fraction * 100)), "circle-alert", c.accent)
        else:
            words, name, colour = self.tr("Not right"), "circle-x", c.accent
        self.icon.setPixmap(icon(name, colour).pixmap(QSize(28, 28)))
        self.verdict.setText(words)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.setStyleSheet(
            f"QFrame#FeedbackPanel {{ background: {c.alternate}; border: 1px solid {c.border};"
            f" border-left: 4px solid {colour}; border-radius: 8px; }}")
        self.correct.setText(self.tr("Correct answer: {0}").format(correct_answer_text(item)))
        notes = []
        if response is not None and grade is not None and not grade.correct:
            notes.append(self.tr("Your answer: {0}").format(answer_text(item, response)))
        if grade is not None and grade.note == "not a number":
            notes.append(self.tr("That is not a number StudyApp can read."))
        question = item.question
        if question.type in ("single", "multiple") and response is not None:
            chosen = [response] if question.type == "single" else list(response)
            for index in chosen:
                if 0 <= index < len(question.choices) and question.choices[index].feedback:
                    notes.append(question.choices[index].feedback)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.explanation.setText(question.explanation)
        self.explanation.setVisible(bool(question.explanation))
        self._quotes = evidence_quotes(question)
        self._section = question.section if question.section in report else None
        if self._quotes:
            where = report.get(self._section).label if self._section else ""
            quoted = "".join(
                f"<p style='margin: 4px 0 4px 0;'><i>“{_escape(q)}”</i></p>" for q in self._quotes)
            from_report = self.tr("From the report: {0}").format(where)
            source = (f"<p style='color: {c.muted}; margin: 0;'>"
                      f"{_escape(from_report)}</p>" if where else "")
            self.evidence.setText(source + quoted)
        self.evidence.setVisible(bool(self._quotes))
        self.read_button.setVisible(self._section is not None)
        self.show()

    def _read(self) -> None:
        if self._section is not None:
            self.read_in_context.emit(self._section, list(self._quotes))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
