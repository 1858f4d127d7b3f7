"""The import dialog's preview of one file (what importing it would do, its counts by
type and by report section, how a spreadsheet's columns were understood), and the lists of
problems and warnings, wrapped."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.importing import SetPlan
from studyapp.core.questionsets import EXTENSIONS
from studyapp.core.questionsets.errors import Problem, escape_controls
from studyapp.core.questionsets.model import QuestionSet
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, plural
from studyapp.ui.set_labels import (
    extras_summary,
    format_label,
    section_label,
    section_order,
    types_text,
    where_in_words,
)
from studyapp.ui.widgets import (
    GAP,
    SMALL_GAP,
    counts_table,
    heading,
    muted,
    muted_colour_name,
    plain,
    plain_tip,
)

translate = QCoreApplication.translate

# What a spreadsheet column was understood as (core's vocabulary.MEANINGS, in English), in the
# window's language; an option's letter goes into a template of its own.
_MEANINGS = {
    "id": QT_TRANSLATE_NOOP("ImportColumns", "id"),
    "number (order and id)": QT_TRANSLATE_NOOP("ImportColumns", "number (order and id)"),
    "type": QT_TRANSLATE_NOOP("ImportColumns", "type"),
    "question": QT_TRANSLATE_NOOP("ImportColumns", "question"),
    "answer": QT_TRANSLATE_NOOP("ImportColumns", "answer"),
    "explanation": QT_TRANSLATE_NOOP("ImportColumns", "explanation"),
    "section": QT_TRANSLATE_NOOP("ImportColumns", "section"),
    "difficulty": QT_TRANSLATE_NOOP("ImportColumns", "difficulty"),
    "tags": QT_TRANSLATE_NOOP("ImportColumns", "tags"),
    "evidence": QT_TRANSLATE_NOOP("ImportColumns", "evidence"),
    "points": QT_TRANSLATE_NOOP("ImportColumns", "points"),
    "shuffle options": QT_TRANSLATE_NOOP("ImportColumns", "shuffle options"),
    "tag (and set title)": QT_TRANSLATE_NOOP("ImportColumns", "tag (and set title)"),
    "tag": QT_TRANSLATE_NOOP("ImportColumns", "tag"),
    "image": QT_TRANSLATE_NOOP("ImportColumns", "image"),
    "ignored": QT_TRANSLATE_NOOP("ImportColumns", "ignored"),
}
_OPTION = re.compile(r"option ([A-Z])( feedback)?")


def meaning_text(meaning: str) -> str:
    """A column's meaning as the preview shows it: "选项A解析 → 选项 A 的反馈" in Chinese."""
    if meaning in _MEANINGS:
        return translate("ImportColumns", _MEANINGS[meaning])
    option = _OPTION.fullmatch(meaning)
    if option and option.group(2):
        return translate("ImportColumns", "option {letter} feedback").format(letter=option.group(1))
    if option:
        return translate("ImportColumns", "option {letter}").format(letter=option.group(1))
    return meaning


class _WrappingDelegate(QStyledItemDelegate):
    """Lets rows of a tree grow so that long problem messages wrap instead of being cut."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        hint = super().sizeHint(option, index)
        # Leave room for the item's padding (the theme adds some) and the text margins.
        width = self._view.columnWidth(index.column()) - GAP
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if width <= 0 or not text:
            return hint
        metrics = QFontMetrics(option.font)
        rect = metrics.boundingRect(QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, text)
        # The hint holds one line plus the item's padding: add the extra lines.
        return QSize(hint.width(), hint.height() + max(0, rect.height() - metrics.height()))


def problem_tree(message_header: str, name: str) -> QTreeWidget:
    """A list of problems or warnings: file, where (in words), the message, wrapped."""
    view = QTreeWidget()
    view.setColumnCount(3)
    view.setHeaderLabels([
        QCoreApplication.translate("ImportDialog", "File"),
        QCoreApplication.translate("ImportDialog", "Where"), message_header])
    view.setRootIsDecorated(False)
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.setAlternatingRowColors(True)
    view.setAccessibleName(name)
    view.setItemDelegate(_WrappingDelegate(view))
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    head = view.header()
    head.setStretchLastSection(True)
    head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    head.sectionResized.connect(lambda *_: view.doItemsLayout())
    return view


def fill_problem_tree(view: QTreeWidget, problems: Sequence[Problem]) -> None:
    # In words ("row 3, column 答案"); Copy problems keeps PATH:LINE:COL: message.
    view.clear()
    for problem in problems:
        message = escape_controls(problem.message)
        item = QTreeWidgetItem([Path(problem.path).name, where_in_words(problem), message])
        item.setToolTip(0, plain_tip(problem.path))
        item.setToolTip(2, plain_tip(message))
        view.addTopLevelItem(item)


class _FileCard(QFrame):
    """The preview of one file."""

    def __init__(self, preview: SetPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFileCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(SMALL_GAP)
        question_set = preview.question_set
        file_name = Path(preview.path).name
        kind = (question_set.format if question_set is not None
                else EXTENSIONS.get(Path(preview.path).suffix.lower(), ""))
        shown_format = format_label(kind) if kind else self.tr("unknown format")

        self.title = heading(question_set.title if question_set else file_name)
        layout.addWidget(self.title)
        meta = [self.tr("Set id: {0}").format(question_set.id)] if question_set else []
        meta += [shown_format, file_name]
        self.meta = muted(QLabel(" · ".join(meta)))
        self.meta.setWordWrap(True)
        self.meta.setToolTip(plain_tip(str(preview.path)))
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.meta)

        self.status = QLabel(self._status_text(preview))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setObjectName("importFileStatus")
        layout.addWidget(self.status)
        self._add_columns(layout, preview)

        if question_set is None:
            return
        if question_set.description:
            description = plain(QLabel(question_set.description))
            description.setWordWrap(True)
            layout.addWidget(description)

        by_type: dict[str, int] = {}
        for question in question_set.questions:
            by_type[question.type] = by_type.get(question.type, 0) + 1
        totals = QGridLayout()
        totals.setHorizontalSpacing(GAP)
        totals.setVerticalSpacing(SMALL_GAP // 2)
        totals.addWidget(muted(QLabel(self.tr("Questions"))), 0, 0)
        self.questions = QLabel(str(len(question_set.questions)))
        totals.addWidget(self.questions, 0, 1)
        type_label = QLabel(types_text(by_type))
        type_label.setWordWrap(True)
        totals.addWidget(type_label, 0, 2)
        totals.addWidget(muted(QLabel(self.tr("Cards"))), 1, 0)
        self.cards = QLabel(str(len(question_set.cards)))
        totals.addWidget(self.cards, 1, 1)
        self._add_extras(totals, question_set)
        totals.setColumnStretch(2, 1)
        layout.addLayout(totals)

        sections: dict[str | None, list[int]] = {}
        for question in question_set.questions:
            sections.setdefault(question.section or None, [0, 0])[0] += 1
        for card in question_set.cards:
            sections.setdefault(card.section or None, [0, 0])[1] += 1
        if sections and set(sections) != {None}:
            layout.addSpacing(SMALL_GAP)
            rows = [(section_label(s, True), sections[s]) for s in section_order(sections)]
            self.sections = counts_table((self.tr("By report section"), self.tr("Questions"),
                                          self.tr("Cards")), rows)
            layout.addWidget(self.sections)

    def _add_extras(self, grid: QGridLayout, question_set: QuestionSet) -> None:
        """Points, tags, notes on options and pictures of the set, when it has any."""
        self.extras: dict[str, QLabel] = {}
        for name, value in extras_summary(question_set):
            row = grid.rowCount()
            grid.addWidget(muted(QLabel(name)), row, 0, Qt.AlignmentFlag.AlignTop)
            label = QLabel(value)
            label.setTextFormat(Qt.TextFormat.PlainText)  # trainers' text is never markup
            label.setWordWrap(True)
            label.setObjectName("importExtra")
            grid.addWidget(label, row, 1, 1, 2)
            self.extras[name] = label

    def _add_columns(self, layout: QVBoxLayout, preview: SetPlan) -> None:
        """How a spreadsheet's columns were understood: "分值 → points · 年级 → ignored"."""
        self.columns: QLabel | None = None
        if not preview.columns:
            return
        colour = muted_colour_name(self.palette())
        parts = []
        for header, meaning in preview.columns:
            shown = meaning_text(meaning)
            text = f"{html.escape(header)} → {html.escape(shown)}"
            parts.append(f'<span style="color:{colour}">{text}</span>' if meaning == "ignored"
                         else text)
        self.columns = QLabel(self.tr("<b>Columns:</b> {columns}").format(
            columns=" · ".join(parts)))
        self.columns.setObjectName("importColumns")
        self.columns.setTextFormat(Qt.TextFormat.RichText)
        self.columns.setWordWrap(True)
        self.columns.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.columns)

    @staticmethod
    def _status_text(preview: SetPlan) -> str:
        """Rich text: what importing this file would do (its part of the import plan)."""
        if preview.question_set is None:
            return translate("import", "<b>Cannot be read</b>: see the problems below.")
        if preview.problems:
            problems = plural(len(preview.problems), translate("import", "problem"),
                              translate("import", "problems"))
            return translate("import", "<b>Has {problems}</b>: see below.").format(
                problems=problems)
        if preview.existing is None:
            return translate("import", "<b>New set</b>: it will be added to this profile.")
        if preview.already_imported:
            return translate("import", "<b>Already imported</b> from this very file: "
                                       "importing it again changes nothing.")
        return translate(
            "import",
            "<b>Updates</b> the set “{title}” in this profile: {added} new, {updated} changed, "
            "{retired} removed, {unchanged} unchanged. Learners keep their progress on every "
            "item whose id stays.",
        ).format(title=html.escape(preview.existing.title), added=len(preview.added),
                 updated=preview.updated, retired=len(preview.retired),
                 unchanged=len(preview.unchanged))


