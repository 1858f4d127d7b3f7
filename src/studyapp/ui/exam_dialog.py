"""File → New exam…: the trainer makes a ``.studyexam`` file (core/exams.py) to hand out.

The fields are those of the file: id, title, where the questions come from, how many (in all,
per type or per section), time limit, pass mark, attempts, when the answers are shown, the
shuffle seed and the deadline. Save writes the file (checked by reading it back, so what is
saved is what learners import) and, when ticked, adds the exam to this profile too.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.exams import EXTENSION, ExamDefinition, exam_from_dict, write_exam
from studyapp.core.questionsets.errors import ProblemsFound
from studyapp.core.questionsets.model import QUESTION_TYPES
from studyapp.core.report import Report
from studyapp.core.store import Store
from studyapp.ui.set_labels import type_label
from studyapp.ui.widgets import fit_to_screen, text_label


class ExamDialog(QDialog):
    """Makes an exam definition; ``saved_to`` is the file written (None until then)."""

    def __init__(self, store: Store, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New exam"))
        self.setObjectName("ExamDialog")
        self.store = store
        self.report = report
        self.saved_to: Path | None = None
        self.exam: ExamDefinition | None = None

        self.exam_id = QLineEdit()
        self.exam_id.setObjectName("ExamId")
        self.exam_id.setPlaceholderText(self.tr("e.g. class7-midterm (letters, digits, - _ .)"))
        self.title = QLineEdit()
        self.title.setObjectName("ExamTitle")
        self.scope = QComboBox()
        # The report's long section titles would make the dialog wider than a small screen.
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(24)
        self.scope.setObjectName("ExamScope")
        self.scope.addItem(self.tr("The whole report"), "report")
        self.scope.addItem(self.tr("The four relationships — III (5)"), "relationships")
        entries: list[tuple[str, str]] = []
        for section in report.sections:
            depth = len(section.ancestors())
            if depth <= 2:
                kind = "part" if depth == 0 else "section"
                entries.append((f"{kind}:{section.id}", "    " * depth + section.label))
        for info in store.question_sets.list():
            entries.append((f"set:{info.id}", self.tr("Set: {title}").format(title=info.title)))
        for scope, text in entries:
            self.scope.addItem(text, scope)
        self.how = QComboBox()
        self.how.setObjectName("ExamHow")
        self.how.addItem(self.tr("A number of questions"), "count")
        self.how.addItem(self.tr("A number of each type"), "per_type")
        self.how.addItem(self.tr("A number from each section"), "per_section")
        self.how.currentIndexChanged.connect(lambda _i: self._show_counts())
        self.count = QSpinBox()
        self.count.setObjectName("ExamCount")
        self.count.setRange(1, 500)
        self.count.setValue(20)
        self.counts = QTableWidget(0, 2)
        self.counts.setObjectName("ExamCounts")
        self.counts.setHorizontalHeaderLabels([self.tr("Questions of"), self.tr("How many")])
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.counts.verticalHeader().hide()
        self.counts.setMinimumHeight(160)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("ExamMinutes")
        self.minutes.setRange(0, 600)
        self.minutes.setValue(30)
        self.minutes.setSpecialValueText(self.tr("No limit"))
        self.minutes.setSuffix(self.tr(" min"))
        self.pass_mark = QSpinBox()
        self.pass_mark.setRange(1, 100)
        self.pass_mark.setValue(60)
        self.pass_mark.setSuffix(" %")
        self.attempts = QSpinBox()
        self.attempts.setObjectName("ExamAttempts")
        self.attempts.setRange(0, 100)
        self.attempts.setValue(1)
        self.attempts.setSpecialValueText(self.tr("As many as they like"))
        self.answers = QComboBox()
        self.answers.setObjectName("ExamAnswersShown")
        self.answers.addItem(self.tr("After each attempt is submitted"), "after_submit")
        self.answers.addItem(self.tr("After the deadline"), "after_deadline")
        self.answers.addItem(self.tr("Never"), "never")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(int(store.clock().timestamp()) % 100000)
        self.has_deadline = QCheckBox(self.tr("Deadline"))
        self.has_deadline.setObjectName("ExamHasDeadline")
        self.has_deadline.setChecked(True)
        in_a_week = QDateTime.currentDateTime().addDays(7)
        in_a_week.setTime(QTime(18, 0))
        self.deadline = QDateTimeEdit(in_a_week)
        self.deadline.setObjectName("ExamDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.add_here = QCheckBox(self.tr("Also add it to this profile (to try it)"))
        self.add_here.setObjectName("ExamAddHere")

        form = QFormLayout()
        form.addRow(self.tr("Exam id"), self.exam_id)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Questions from"), self.scope)
        form.addRow(self.tr("Questions"), self.how)
        form.addRow(self.tr("How many"), self.count)
        form.addRow(self.counts)
        form.addRow(self.tr("Time limit"), self.minutes)
        form.addRow(self.tr("Pass mark"), self.pass_mark)
        form.addRow(self.tr("Attempts"), self.attempts)
        form.addRow(self.tr("Show the right answers"), self.answers)
        form.addRow(self.tr("Shuffle seed"), self.seed)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline, 1)
        form.addRow(self.has_deadline, deadline_row)
        self.form = form
        self.problems = text_label("")
        self.problems.setObjectName("ExamProblems")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save exam…"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # The fields scroll when the screen is too short for them (960x600, 150% scaling);
        # the buttons always show, and spare height goes below the fields, not between them.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(text_label(self.tr("Learners import the saved file with File → "
                                                 "Import (or drop it on the window); it appears "
                                                 "under Quiz with its deadline."), "muted"))
        body_layout.addLayout(form)
        body_layout.addWidget(self.problems)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.add_here)
        layout.addWidget(buttons)
        self._show_counts()
        fit_to_screen(self, 600, 680)

    def _show_counts(self) -> None:
        how = self.how.currentData()
        self.form.setRowVisible(self.count, how == "count")
        self.form.setRowVisible(self.counts, how != "count")
        if how == "count":
            return
        rows: list[tuple[str, str]]
        if how == "per_type":
            rows = [(kind, type_label(kind)) for kind in QUESTION_TYPES]
        else:
            rows = [(s.id, s.label) for s in self.report.sections if s.id.count(".") >= 1]
        self.counts.setRowCount(len(rows))
        for row, (key, label) in enumerate(rows):
            item = QTableWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.counts.setItem(row, 0, item)
            spin = QSpinBox()
            spin.setRange(0, 500)
            self.counts.setCellWidget(row, 1, spin)

    def set_count(self, key: str, count: int) -> None:
        """Sets the count of a type or section in the table (what a trainer types there)."""
        for row in range(self.counts.rowCount()):
            item = self.counts.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                spin = self.counts.cellWidget(row, 1)
                assert isinstance(spin, QSpinBox)
                spin.setValue(count)

    def _counts(self) -> dict[str, int]:
        found = {}
        for row in range(self.counts.rowCount()):
            item = self.counts.item(row, 0)
            spin = self.counts.cellWidget(row, 1)
            if item is not None and isinstance(spin, QSpinBox) and spin.value():
                found[str(item.data(Qt.ItemDataRole.UserRole))] = spin.value()
        return found

    def definition(self) -> ExamDefinition:
        """The exam as the fields say; ProblemsFound (in the file's words) when it is not one."""
        how = self.how.currentData()
        deadline = None
        if self.has_deadline.isChecked():
            moment = self.deadline.dateTime().toPython()
            assert isinstance(moment, datetime)
            deadline = moment.astimezone()
        return exam_from_dict({
            "id": self.exam_id.text().strip(), "title": self.title.text().strip(),
            "scope": str(self.scope.currentData()),
            "count": self.count.value() if how == "count" else None,
            "per_type": self._counts() if how == "per_type" else {},
            "per_section": self._counts() if how == "per_section" else {},
            "time_limit_minutes": self.minutes.value() or None,
            "pass_mark": self.pass_mark.value() / 100,
            "attempts": self.attempts.value() or None,
            "answers_shown": self.answers.currentData(), "seed": self.seed.value(),
            "deadline": deadline,
        })

    def save(self) -> None:
        try:
            exam = self.definition()
        except ProblemsFound as found:
            self.problems.setText("\n".join(p.message for p in found.problems))
            return
        if not (exam.per_type or exam.per_section or exam.count):
            self.problems.setText(self.tr("Give at least one count of questions."))
            return
        self.problems.setText("")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save exam"), str(Path.home() / f"{exam.id}{EXTENSION}"),
            self.tr("StudyApp exams (*{extension})").format(extension=EXTENSION))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        try:
            write_exam(exam, target)
        except OSError as error:
            self.problems.setText(self.tr("The exam could not be written to {path} ({why}).")
                                  .format(path=target, why=error.strerror or error))
            return
        if self.add_here.isChecked():
            from studyapp.core.exams import import_exam

            import_exam(self.store, target)
        self.exam = exam
        self.saved_to = target
        self.accept()
