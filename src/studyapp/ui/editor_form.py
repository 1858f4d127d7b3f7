"""The question editor's form: one question or card, every field a key away.

``ItemForm.show_item`` fills the fields (quietly); each change the trainer makes emits
``edited(key)`` and ``item()`` gives the item as the fields now say. The window turns that
into an undoable edit; ``key`` names the field so that the keystrokes typed into one field
become one undo step. The set's own details (id, title, ...) are ``SetForm``.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.questionsets.model import Card, Choice, NumericAnswer, Question, join_evidence
from studyapp.core.report import Report
from studyapp.ui.editor_rows import RowsEditor
from studyapp.ui.set_labels import type_label
from studyapp.ui.widgets import heading, text_label


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # keyboard first: Tab leaves the box
    box.setAccessibleName(name)
    box.setPlaceholderText(name)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


def _number(text: str) -> float | None:
    """A number as typed ("3", "2.5", "１２" full-width too), or None when it is not one."""
    import unicodedata

    try:
        value = float(unicodedata.normalize("NFKC", text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class ItemForm(QWidget):
    edited = Signal(str)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorItemForm")
        self.report = report
        self._item: Question | Card | None = None
        self._quiet = False
        self.title = heading("", 1.15)
        self.title.setWordWrap(True)
        self.problems = text_label("")
        self.problems.setObjectName("EditorItemProblems")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.id_edit = QLineEdit()
        self.section = QComboBox()
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(16)  # long titles must not widen the form
        self.section.addItem(self.tr("Not tied to a report section"), "")
        for section_id in report.section_ids:
            section = report.get(section_id)
            self.section.addItem(f"{'  ' * section.depth}{section.label}  [{section_id}]",
                                 section_id)
        self.prompt = _text_box(self.tr("Question"), 3)
        self.back = _text_box(self.tr("Back of the card"), 3)
        # Ticks for single too (radio buttons of one group are one Tab stop, which breaks
        # Tab along the rows); "exactly one right option" is the checks' to say.
        self.single_rows = RowsEditor([("tick", self.tr("Right option")),
                                       ("text", self.tr("Option")),
                                       ("text", self.tr("Feedback when chosen (optional)"))],
                                      lettered=True, max_rows=8)
        self.multiple_rows = RowsEditor([("tick", self.tr("Right option")),
                                         ("text", self.tr("Option")),
                                         ("text", self.tr("Feedback when chosen (optional)"))],
                                        lettered=True, max_rows=8)
        self.keep_order = QCheckBox(self.tr("Keep the options in this order (do not shuffle)"))
        self.truth_true = QRadioButton(self.tr("True"))
        self.truth_false = QRadioButton(self.tr("False"))
        self.truth_group = QButtonGroup(self)
        self.truth_group.addButton(self.truth_true)
        self.truth_group.addButton(self.truth_false)
        truth = QWidget()
        truth_row = QHBoxLayout(truth)
        truth_row.setContentsMargins(0, 0, 0, 0)
        truth_row.addWidget(self.truth_true)
        truth_row.addWidget(self.truth_false)
        truth_row.addStretch(1)
        self.accepted = QLineEdit()
        self.accepted.setPlaceholderText(self.tr("Accepted answers, separated by |"))
        self.pairs = RowsEditor([("text", self.tr("Left")), ("text", self.tr("Right"))])
        self.sequence = RowsEditor([("text", self.tr("Item, in the right place"))])
        self.value = QLineEdit()
        self.tolerance = QLineEdit()
        self.low = QLineEdit()
        self.high = QLineEdit()
        numeric = QWidget()
        numeric_grid = QGridLayout(numeric)  # two by two: it fits a narrow form
        numeric_grid.setContentsMargins(0, 0, 0, 0)
        for place, (edit, name) in enumerate(((self.value, self.tr("Answer")),
                                              (self.tolerance, self.tr("± tolerance")),
                                              (self.low, self.tr("or from")),
                                              (self.high, self.tr("to")))):
            edit.setPlaceholderText(name)
            edit.setAccessibleName(name)
            row, column = divmod(place, 2)
            numeric_grid.addWidget(QLabel(name), row, column * 2)
            numeric_grid.addWidget(edit, row, column * 2 + 1)
        self.numbers_message = text_label("", "muted")
        self.explanation = _text_box(self.tr("Explanation shown after answering"), 2)
        self.evidence = _text_box(self.tr("Evidence: quotes from the section, one a line"), 3)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.difficulty = QComboBox()
        self.difficulty.addItem(self.tr("Not set"), None)
        for level in range(1, 6):
            self.difficulty.addItem(str(level), level)
        self.points = QLineEdit()
        self.points.setPlaceholderText(self.tr("The quiz's default"))

        self.layout_form = QFormLayout()
        self.layout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: list[tuple[str, str, QWidget]] = [
            ("id", self.tr("&Id"), self.id_edit),
            ("section", self.tr("&Section"), self.section),
            ("prompt", self.tr("&Question"), self.prompt),
            ("back", self.tr("&Back"), self.back),
            ("single", self.tr("&Options"), self.single_rows),
            ("multiple", self.tr("&Options"), self.multiple_rows),
            ("keep_order", "", self.keep_order),
            ("truth", self.tr("&Answer"), truth),
            ("accepted", self.tr("&Answers"), self.accepted),
            ("pairs", self.tr("&Pairs"), self.pairs),
            ("sequence", self.tr("&Items"), self.sequence),
            ("numeric", self.tr("&Answer"), numeric),
            ("numbers_message", "", self.numbers_message),
            ("explanation", self.tr("E&xplanation"), self.explanation),
            ("evidence", self.tr("E&vidence"), self.evidence),
            ("tags", self.tr("&Tags"), self.tags),
            ("difficulty", self.tr("&Difficulty"), self.difficulty),
            ("points", self.tr("Poi&nts"), self.points),
        ]
        self.rows: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for key, label, widget in rows:
            shown = QLabel(label)
            shown.setBuddy(widget)
            self.labels[key] = shown
            self.layout_form.addRow(shown, widget)
            self.rows[key] = widget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.problems)
        layout.addLayout(self.layout_form)
        layout.addStretch(1)
        self._connect()

    def _connect(self) -> None:
        for key, box in (("prompt", self.prompt), ("back", self.back),
                         ("explanation", self.explanation), ("evidence", self.evidence)):
            box.textChanged.connect(lambda key=key: self._emit(key))
        for key, edit in (("id", self.id_edit), ("accepted", self.accepted), ("tags", self.tags),
                          ("points", self.points), ("value", self.value),
                          ("tolerance", self.tolerance), ("low", self.low), ("high", self.high)):
            edit.textEdited.connect(lambda _text, key=key: self._emit(key))
        self.section.currentIndexChanged.connect(lambda _i: self._emit(""))
        self.difficulty.currentIndexChanged.connect(lambda _i: self._emit(""))
        self.keep_order.toggled.connect(lambda _on: self._emit(""))
        self.truth_true.toggled.connect(lambda _on: self._emit(""))
        for key, rows in (("choices", self.single_rows), ("choices", self.multiple_rows),
                          ("pairs", self.pairs), ("sequence", self.sequence)):
            rows.changed.connect(lambda what, key=key: self._emit(key if what == "text" else ""))

    def _emit(self, key: str) -> None:
        if not self._quiet and self._item is not None:
            self.edited.emit(key)

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item: Question | Card, heading_text: str, read_only: bool) -> None:
        """Fills the fields from ``item`` (emits nothing); the cursor stays where it was when
        the same field keeps the same text (an undo of another field)."""
        self._item = copy.deepcopy(item)
        self._quiet = True
        try:
            self.title.setText(heading_text)
            question = item if isinstance(item, Question) else None
            kind = question.type if question is not None else "card"
            shown = {"id", "section", "prompt", "explanation", "evidence", "tags"}
            if question is None:
                shown.add("back")
            else:
                shown |= {"difficulty", "points"}
                shown |= {"single": {"single", "keep_order"},
                          "multiple": {"multiple", "keep_order"},
                          "truefalse": {"truth"}, "fill": {"accepted"}, "match": {"pairs"},
                          "order": {"sequence"}, "numeric": {"numeric"}}[kind]
            for key, widget in self.rows.items():
                self.layout_form.setRowVisible(widget, key in shown)
            self.labels["prompt"].setText(self.tr("&Question") if question is not None
                                          else self.tr("&Front"))
            _set_text(self.id_edit, item.id)
            self.section.setCurrentIndex(max(0, self.section.findData(item.section or "")))
            _set_plain(self.prompt, item.prompt if question is not None else item.front)  # type: ignore[union-attr]
            _set_plain(self.explanation, item.explanation)
            _set_plain(self.evidence, item.evidence)
            _set_text(self.tags, ", ".join(item.tags))
            if isinstance(item, Card):
                _set_plain(self.back, item.back)
            else:
                self._show_answer(item)
            self.set_read_only(read_only)
        finally:
            self._quiet = False

    def _show_answer(self, question: Question) -> None:
        rows = self.single_rows if question.type == "single" else self.multiple_rows
        rows.set_values([(c.correct, c.text, c.feedback) for c in question.choices])
        self.keep_order.setChecked(not question.shuffle)
        (self.truth_true if question.truth is not False else self.truth_false).setChecked(True)
        _set_text(self.accepted, " | ".join(question.accepted))
        self.pairs.set_values([tuple(pair) for pair in question.pairs])
        self.sequence.set_values([(item,) for item in question.sequence])
        answer = question.numeric[0] if question.numeric else NumericAnswer()
        for edit, number in ((self.value, answer.value), (self.tolerance, answer.tolerance or None),
                             (self.low, answer.low), (self.high, answer.high)):
            if _number(edit.text()) != number or number is None and edit.text().strip():
                _set_text(edit, "" if number is None else f"{number:g}")
        self.numbers_message.setText("")
        self.difficulty.setCurrentIndex(max(0, self.difficulty.findData(question.difficulty)))
        if _number(self.points.text()) != question.points:
            _set_text(self.points, "" if question.points is None else f"{question.points:g}")

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.id_edit, self.accepted, self.tags, self.points, self.value,
                     self.tolerance, self.low, self.high):
            edit.setReadOnly(read_only)
        for box in (self.prompt, self.back, self.explanation, self.evidence):
            box.setReadOnly(read_only)
        for widget in (self.section, self.difficulty, self.keep_order, self.truth_true,
                       self.truth_false):
            widget.setEnabled(not read_only)
        for rows in (self.single_rows, self.multiple_rows, self.pairs, self.sequence):
            rows.set_read_only(read_only)

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order the form reads, the rows of options among them."""
        chain: list[QWidget] = []
        for key, widget in self.rows.items():
            if not self.layout_form.isRowVisible(widget):
                continue
            if isinstance(widget, RowsEditor):
                chain += [w for row in widget.rows for w in row[1:]]
            elif key == "truth":
                chain += [self.truth_true, self.truth_false]
            elif key == "numeric":
                chain += [self.value, self.tolerance, self.low, self.high]
            elif widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                chain.append(widget)
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes down the form as it reads: rows of options made later would otherwise
        come last in Qt's focus chain. From the last field, Tab leaves the form."""
        chain = self.tab_chain()
        focus = QApplication.focusWidget()
        place = next_place = -1
        for index, widget in enumerate(chain):
            if focus is not None and (widget is focus or widget.isAncestorOf(focus)):
                place = index
                break
        if place >= 0:
            next_place = place + (1 if next else -1)
        if 0 <= next_place < len(chain):
            chain[next_place].setFocus(
                Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def focus_first_text(self) -> None:
        self.prompt.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reading back ------------------------------------------------------------------------
    def item(self) -> Question | Card:
        """The item as the fields say (numbers that are not numbers keep their old value)."""
        assert self._item is not None
        item = copy.deepcopy(self._item)
        item.id = self.id_edit.text()
        item.section = self.section.currentData() or None
        item.explanation = self.explanation.toPlainText()
        item.evidence = join_evidence(self.evidence.toPlainText().splitlines())
        item.tags = [tag.strip() for tag in self.tags.text().replace("，", ",").split(",")
                     if tag.strip()]
        if isinstance(item, Card):
            item.front = self.prompt.toPlainText()
            item.back = self.back.toPlainText()
            return item
        item.prompt = self.prompt.toPlainText()
        self._read_answer(item)
        item.difficulty = self.difficulty.currentData()
        points_text = self.points.text().strip()
        points = _number(points_text)
        item.points = points if points_text and points is not None else (
            item.points if points_text else None)
        return item

    def _read_answer(self, question: Question) -> None:
        if question.type in ("single", "multiple"):
            rows = self.single_rows if question.type == "single" else self.multiple_rows
            old = question.choices
            question.choices = [
                Choice(text, bool(correct), feedback,
                       old[n].weight if len(old) == len(rows.rows) else None)
                for n, (correct, text, feedback) in enumerate(rows.values())]
            question.shuffle = not self.keep_order.isChecked()
        elif question.type == "truefalse":
            question.truth = self.truth_true.isChecked()
        elif question.type == "fill":
            question.accepted = [part.strip() for part in self.accepted.text().split("|")]
            if question.accepted == [""]:
                question.accepted = []
        elif question.type == "match":
            question.pairs = [(left, right) for left, right in self.pairs.values()]
        elif question.type == "order":
            question.sequence = [text for (text,) in self.sequence.values()]
        elif question.type == "numeric":
            self._read_numbers(question)

    def _read_numbers(self, question: Question) -> None:
        answer = copy.copy(question.numeric[0]) if question.numeric else NumericAnswer()
        wrong = []
        values: dict[str, Any] = {}
        for name, edit in (("value", self.value), ("tolerance", self.tolerance),
                           ("low", self.low), ("high", self.high)):
            text = edit.text().strip()
            number = _number(text)
            if text and number is None:
                wrong.append(text)
                continue
            values[name] = number
        answer.value = values.get("value", answer.value)
        answer.tolerance = values.get("tolerance", answer.tolerance) or 0.0
        answer.low = values.get("low", answer.low)
        answer.high = values.get("high", answer.high)
        question.numeric = [answer, *question.numeric[1:]]
        self.numbers_message.setText(
            self.tr("Not a number: {texts}").format(texts=", ".join(wrong)) if wrong else "")
        self.layout_form.setRowVisible(self.numbers_message, bool(wrong))

    def type_heading(self, number: int, item: Question | Card) -> str:
        if isinstance(item, Card):
            return self.tr("Card {number}").format(number=number)
        return self.tr("Question {number} · {type}").format(number=number,
                                                            type=type_label(item.type))


class SetForm(QWidget):
    """The set's own details: id, title, version, description, language."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorSetForm")
        self._quiet = False
        self.title = heading(self.tr("The question set"), 1.15)
        self.problems = text_label("")
        self.edits = {name: QLineEdit() for name in ("id", "title", "version", "language")}
        self.description = _text_box(self.tr("Description"), 3)
        form = QFormLayout()
        labels = {"id": self.tr("Set &id"), "title": self.tr("&Title"),
                  "version": self.tr("&Version"), "language": self.tr("&Language")}
        for name in ("title", "id", "version", "language"):
            label = QLabel(labels[name])
            label.setBuddy(self.edits[name])
            form.addRow(label, self.edits[name])
            self.edits[name].textEdited.connect(lambda _t, name=name: self._emit(name))
        description = QLabel(self.tr("&Description"))
        description.setBuddy(self.description)
        form.addRow(description, self.description)
        self.description.textChanged.connect(lambda: self._emit("description"))
        self.hint = text_label(self.tr(
            "Keep the set id when you publish a new version: learners keep their progress on "
            "every question whose id did not change."), "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def _emit(self, key: str) -> None:
        if not self._quiet:
            self.edited.emit(key)

    def show_info(self, info: dict[str, str], read_only: bool) -> None:
        self._quiet = True
        try:
            for name, edit in self.edits.items():
                _set_text(edit, info[name])
                edit.setReadOnly(read_only)
            _set_plain(self.description, info["description"])
            self.description.setReadOnly(read_only)
        finally:
            self._quiet = False

    def info(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.edits.items()}
        values["description"] = self.description.toPlainText()
        return values


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)


def _set_plain(box: QPlainTextEdit, text: str) -> None:
    if box.toPlainText() != text:
        cursor = box.textCursor().position()
        box.setPlainText(text)
        moved = box.textCursor()
        moved.setPosition(min(cursor, len(text)))
        box.setTextCursor(moved)
