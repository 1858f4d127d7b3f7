"""The end of a quiz: the result page (what was achieved, by section, question by
question, with the review) and the mistake notebook."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import QuizEngine, QuizResult, QuizSession
from studyapp.core.report import Report
from studyapp.core.scoring import DEFAULT_PASS_MARK
from studyapp.ui.formatting import local_time
from studyapp.ui.icons import icon
from studyapp.ui.quiz_question import COLUMN_WIDTH, clock_text
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import centred, text_label, verdict_font


class ResultPage(QWidget):
    review_requested = Signal(int)
    back = Signal()
    mistakes_requested = Signal()

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPage")
        self.report = report
        self.colours = colours
        self.icon = QLabel()
        self.icon.setFixedSize(40, 40)
        self.verdict = QLabel()
        self.verdict.setObjectName("ResultVerdict")
        self.verdict.setFont(verdict_font(1.6))
        self.summary = text_label()
        self.summary.setObjectName("ResultSummary")
        self.sections = QTableWidget(0, 3)
        self.sections.setObjectName("ResultSections")
        self.sections.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Right"),
                                                 self.tr("Score")])
        self.sections.verticalHeader().hide()
        self.sections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sections.setShowGrid(False)
        self.sections.setAlternatingRowColors(True)
        self.sections.setWordWrap(True)
        self.sections.setTabKeyNavigation(False)  # Tab leaves the table in one step
        header = self.sections.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.questions = QListWidget()
        self.questions.setObjectName("ResultQuestions")
        self.shown: list[int] = []  # the session's questions the list shows, in its order
        self.questions.setWordWrap(True)
        self.questions.setAccessibleName(self.tr("Questions: Enter reviews one"))
        self.questions.itemActivated.connect(self._review_item)
        self.review_button = QPushButton(self.tr("Review question by question"))
        self.review_button.setObjectName("ReviewButton")
        self.review_button.clicked.connect(lambda: self.review_requested.emit(0))
        self.mistakes_button = QPushButton(self.tr("Practise my mistakes"))
        self.mistakes_button.clicked.connect(self.mistakes_requested)
        self.back_button = QPushButton(self.tr("Back to quizzes"))
        self.back_button.clicked.connect(self.back)
        for button in (self.review_button, self.mistakes_button, self.back_button):
            button.setAutoDefault(True)  # Enter on the focused button, as in a dialog
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.mistakes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 24, 24, 16)
        column_layout.setSpacing(12)
        column_layout.addLayout(top)
        column_layout.addWidget(self.summary)
        self.sections_label = text_label(self.tr("By section"))
        self.sections_label.setStyleSheet("font-weight: 600;")
        column_layout.addWidget(self.sections_label)
        column_layout.addWidget(self.sections)
        questions_label = text_label(
            self.tr("Question by question (Enter or double-click to review)"))
        questions_label.setStyleSheet("font-weight: 600;")
        column_layout.addWidget(questions_label)
        column_layout.addWidget(self.questions, 1)
        column_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        centred(layout, column)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)
        # Tab in reading order: the table, the list, then the buttons left to right.
        order = [self.sections, self.questions, self.review_button, self.mistakes_button,
                 self.back_button]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def focus_main(self) -> None:
        """Focus on the page's main control, never the navigation rail: the review, or the
        way back when there is nothing to review (or the exam keeps its answers back)."""
        main = self.review_button if self.review_button.isEnabled() else self.back_button
        main.setFocus(Qt.FocusReason.OtherFocusReason)

    def allow_review(self, allowed: bool) -> None:
        """An exam may keep its answers back (the trainer's choice): then no review, by the
        button or by a question of the list."""
        self.review_button.setEnabled(allowed and bool(self.shown))

    def _review_item(self, item: QListWidgetItem) -> None:
        if self.review_button.isEnabled():
            self.review_requested.emit(self.questions.row(item))

    def show_result(self, session: QuizSession, result: QuizResult, time_ran_out: bool,
                    best_before: int, mistakes: int) -> None:
        c = self.colours
        percent = round(result.percent)
        score = f"{result.score:g} / {result.max_score:g}"
        if session.mode == "exam":
            if result.passed:
                words, name, colour = self.tr("Passed"), "circle-check", c.success
            else:
                words, name, colour = self.tr("Not passed"), "circle-x", c.accent
            pass_mark = round((session.pass_mark or DEFAULT_PASS_MARK) * 100)
            lines = [self.tr("Score {0} ({1}%); the pass mark is {2}%.").format(score, percent,
                                                                           pass_mark),
                     self.tr("{0} of {1} questions right, {2} not answered.").format(
                         result.right, result.questions, result.questions - result.answered)]
            if time_ran_out:
                lines.insert(0, self.tr("Time ran out: the exam was submitted automatically."))
            lines.append(self.tr("Time used: {0}").format(clock_text(session.time_used())))
        elif session.mode == "challenge":
            name, colour = "flag", c.accent
            if result.streak > best_before:
                words = self.tr("New best streak: {0}").format(result.streak)
                name, colour = "circle-check", c.success
            else:
                words = self.tr("Streak: {0}").format(result.streak)
            lines = [self.tr("Your best streak is {0}.").format(max(best_before, result.streak))]
            if result.answered > result.right:
                lines.append(self.tr("The challenge ends at the first answer that is not right."))
        else:
            words, name, colour = self.tr("Done"), "circle-check", c.success
            if result.right * 2 < result.answered:  # 0 of 10 right is no green tick
                name, colour = "list-checks", c.text
            lines = [self.tr("{0} of {1} answered right ({2}%).").format(result.right,
                                                                    result.answered, percent)]
        wrong = result.answered - result.right if session.mode != "exam" else (
            result.questions - result.right)
        if wrong and session.mode != "exam":
            lines.append(self.tr("Questions not answered right go to your mistake notebook "
                                 "({0} there now).").format(mistakes))
        self.icon.setPixmap(icon(name, colour).pixmap(QSize(40, 40)))
        self.verdict.setText(words)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.summary.setText("\n".join(lines))
        self.sections.setRowCount(0)
        for part in result.by_section:
            row = self.sections.rowCount()
            self.sections.insertRow(row)
            label = (self.report.get(part.section).label if part.section in self.report
                     else part.section or self.tr("Other material"))
            self.sections.setItem(row, 0, QTableWidgetItem(label))
            self.sections.setItem(row, 1, QTableWidgetItem(f"{part.right} / {part.questions}"))
            share = round(100 * part.score / part.max_score) if part.max_score else 0
            self.sections.setItem(row, 2, QTableWidgetItem(f"{share}%"))
        self.sections.resizeRowsToContents()
        rows = self.sections.rowCount()
        self.sections.setFixedHeight(min(6, rows) * 30 + self.sections.horizontalHeader()
                                     .height() + 6)
        self.questions.clear()
        shown = [i for i in range(len(session.items))
                 if session.mode == "exam" or session.answered(i)]
        self.shown = shown
        for index in shown:
            grade = session.grade(index)
            if grade is None:
                mark = self.tr("○ not answered")
            elif grade.correct:
                mark = self.tr("✓ right")
            elif grade.partly:
                mark = self.tr("◐ partly right")
            else:
                mark = self.tr("✗ not right")
            prompt = " ".join(session.items[index].question.prompt.split())
            self.questions.addItem(f"{index + 1}.  {mark} — {prompt}")
        self.mistakes_button.setVisible(mistakes > 0)
        self.review_button.setEnabled(bool(shown))
        self.questions.setCurrentRow(0)


# -- the notebook -----------------------------------------------------------------------------
class NotebookPage(QWidget):
    practise = Signal()
    back = Signal()

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        heading = text_label(self.tr("Mistake notebook"), "heading")
        self.summary = text_label("", "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("NotebookTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Wrong"), self.tr("Last wrong")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty = text_label(self.tr("No mistakes yet. Questions you answer wrong are kept "
                                        "here until you answer them right in two later "
                                        "sessions."), "empty")
        self.practise_button = QPushButton(self.tr("Practise my mistakes"))
        self.practise_button.setObjectName("PractiseMistakesButton")
        self.practise_button.setDefault(True)
        self.practise_button.clicked.connect(self.practise)
        back = QPushButton(self.tr("Back to quizzes"))
        back.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.practise_button)
        buttons.addStretch(1)
        buttons.addWidget(back)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH + 120)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 24, 24, 16)
        column_layout.setSpacing(12)
        column_layout.addWidget(heading)
        column_layout.addWidget(self.summary)
        column_layout.addWidget(self.tree, 1)
        column_layout.addWidget(self.empty)
        column_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column, 1)
        for keys, slot in (("Escape", self.back), ("Return", self.practise),
                           ("Enter", self.practise)):
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

    def show_entries(self, engine: QuizEngine) -> None:
        self.tree.clear()
        groups = engine.notebook_by_section()
        total = sum(len(entries) for _, entries in groups)
        for section, entries in groups:
            label = (self.report.get(section).label if section in self.report
                     else section or self.tr("Other material"))
            top = QTreeWidgetItem([f"{label}  ({len(entries)})", "", ""])
            font = top.font(0)
            font.setWeight(QFont.Weight.DemiBold)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the section's whole name
            for entry in entries:
                prompt = " ".join(entry.question.question.prompt.split()) if entry.question \
                    else entry.key
                times = self.tr("{0}×").format(entry.wrong)
                child = QTreeWidgetItem([prompt, times, local_time(entry.last_wrong)])
                child.setToolTip(0, prompt)
                child.setToolTip(1, self.tr("answered wrong {0} times; right in {1} later sessions "
                                            "(it leaves at 2)").format(entry.wrong,
                                                                  entry.right_since))
                top.addChild(child)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("{0} questions wait here, grouped by section. A question leaves after you "
                    "answer it right in two later sessions.").format(total) if total else "")
        self.tree.setVisible(bool(total))
        self.empty.setVisible(not total)
        self.practise_button.setEnabled(bool(total))
        (self.tree if total else self.practise_button).setFocus(
            Qt.FocusReason.OtherFocusReason)
