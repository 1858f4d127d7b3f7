"""Importing question-set files: read off the GUI thread, preview, list every problem, import.

``ImportDialog(store, paths)`` reads each file in a thread-pool worker (a busy indicator shows
meanwhile) and plans the import with :func:`studyapp.core.importing.plan_import`, the same
plan ``studyapp import --dry-run`` prints, then previews every set: title, id, format, counts
by type and by report section, and whether it is new or updates a set already in the profile
(with the number of new, changed and removed items), and for spreadsheets how each column was
understood ("分值 → points", "年级 → ignored"). Every problem is listed, with its file and line,
before anything is written; Import stays disabled until there are none. Warnings (a column
ignored, a picture that is a web address) are listed apart and never block the import. Import
is all or nothing across the files, like ``studyapp import``, and runs in a worker on its own
connection to the profile.

``choose_and_import(store, parent)`` asks for files with a file dialog, then runs the dialog.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRect,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.clock import Clock, system_clock
from studyapp.core.importing import ImportPlan, SetPlan, apply_plan, load_files, plan_import
from studyapp.core.questionsets import EXTENSIONS
from studyapp.core.questionsets.errors import Problem, escape_controls
from studyapp.core.questionsets.model import Card, Question, QuestionSet
from studyapp.core.store import Store, StoreError, open_store
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, plural
from studyapp.ui.widgets import (
    GAP,
    MARGIN,
    SMALL_GAP,
    counts_table,
    heading,
    message_row,
    muted,
    muted_colour_name,
    plain,
    plain_tip,
    show_message,
)

__all__ = [
    "FILE_FILTER",
    "FORMAT_LABELS",
    "TYPE_LABELS",
    "FilePreview",
    "ImportDialog",
    "ask_for_files",
    "choose_and_import",
]


# Module-level text is translated under the context "import" with the bare name
# ``translate`` (pyside6-lupdate recognises it; ``_translate`` it does not).
translate = QCoreApplication.translate

FILE_FILTER = (
    "Question sets (" + " ".join(f"*{ext}" for ext in EXTENSIONS) + ");;All files (*)"
)
# Shown through format_label() and type_label(); QT_TRANSLATE_NOOP marks them for lupdate.
FORMAT_LABELS = {
    "native": QT_TRANSLATE_NOOP("import", "StudyApp YAML"),
    "csv": QT_TRANSLATE_NOOP("import", "CSV spreadsheet"),
    "xlsx": QT_TRANSLATE_NOOP("import", "Excel workbook"),
    "gift": QT_TRANSLATE_NOOP("import", "GIFT (Moodle)"),
    "aiken": QT_TRANSLATE_NOOP("import", "Aiken"),
    "paper": QT_TRANSLATE_NOOP("import", "Question paper (text or Word)"),
    "txt": QT_TRANSLATE_NOOP("import", "Text (Aiken, GIFT or a question paper)"),
}
TYPE_LABELS = {
    "single": QT_TRANSLATE_NOOP("import", "Single choice"),
    "multiple": QT_TRANSLATE_NOOP("import", "Multiple choice"),
    "truefalse": QT_TRANSLATE_NOOP("import", "True/false"),
    "fill": QT_TRANSLATE_NOOP("import", "Fill in the blank"),
    "match": QT_TRANSLATE_NOOP("import", "Matching"),
    "order": QT_TRANSLATE_NOOP("import", "Ordering"),
    "numeric": QT_TRANSLATE_NOOP("import", "Numeric"),
}
NO_SECTION = QT_TRANSLATE_NOOP("import", "Not tied to a report section")


def file_filter() -> str:
    """The file dialog's filter, in the user's language."""
    return translate("import", "Question sets ({patterns});;All files (*)").format(
        patterns=" ".join(f"*{ext}" for ext in EXTENSIONS))


def format_label(kind: str | None) -> str:
    """A format's name as shown ("CSV spreadsheet"); an unknown one as it is, or "–"."""
    if kind in FORMAT_LABELS:
        return translate("import", FORMAT_LABELS[kind])
    return kind or "–"


def type_label(kind: str) -> str:
    """A question type's name as shown ("Single choice"); an unknown one as it is."""
    return translate("import", TYPE_LABELS[kind]) if kind in TYPE_LABELS else kind

_last_folder: str = ""


# --- loading (pure Python: runs in a worker thread) -------------------------------------------


# A file's preview is its part of the import plan (core/importing.py): the same diff as
# ``studyapp import --dry-run`` and the import itself.
FilePreview = SetPlan


def load_previews(paths: Sequence[Path], data_dir: Path, profile: str,
                  clock: Clock = system_clock) -> list[SetPlan]:
    """Reads every file and plans its import against the profile.

    Runs off the GUI thread: it opens its own connection to the profile (``open_store``)
    because an sqlite connection belongs to the thread that made it. Never raises.
    """
    files = load_files(paths)
    try:
        second = open_store(data_dir, profile, clock)
    except StoreError as error:
        plan = plan_import(files, None)
        for set_plan in plan.sets:
            set_plan.problems.append(Problem(set_plan.path, 0, f"the profile cannot be read "
                                                               f"to compare with it: {error}"))
        return plan.sets
    try:
        return plan_import(files, second).sets
    finally:
        second.close()


class _LoadSignals(QObject):
    finished = Signal(int, object)  # generation, list[SetPlan]
    progress = Signal(int, int)  # items written, items in all
    imported = Signal(object)  # list[ImportSummary], or the error that stopped the import


def _load_job(signals: _LoadSignals, generation: int, paths: list[Path], data_dir: Path,
              profile: str, clock: Clock) -> None:
    try:
        # load_file pauses the garbage collector while it parses (a collection would hold
        # the interpreter lock long enough to freeze the window).
        previews = load_previews(paths, data_dir, profile, clock)
    except Exception as error:  # never lose the dialog in a busy state
        previews = [SetPlan(str(p), None, problems=[Problem(str(p), 0,
                                                            f"cannot be read ({error})")])
                    for p in paths]
    try:
        signals.finished.emit(generation, previews)
    except RuntimeError:
        pass  # the application is closing down: nobody is waiting for the preview


def _import_job(signals: _LoadSignals, plan: ImportPlan, data_dir: Path, profile: str,
                clock: Clock) -> None:
    """Writes the plan on a connection of its own, so that its transaction is its own: the
    window's writes (reading time, read marks) meanwhile wait for it (busy timeout) instead
    of joining it, and a failed import rolls back nothing but itself."""
    outcome: object
    try:
        store = open_store(data_dir, profile, clock)
        try:
            outcome = apply_plan(plan, store, progress=signals.progress.emit)
        finally:
            store.close()
    except Exception as error:  # reported in the dialog, never lost in a worker
        outcome = error
    try:
        signals.imported.emit(outcome)
    except RuntimeError:
        pass


# --- widgets shared with the sets dialog ------------------------------------------------------


def section_label(section_id: str | None, with_id: bool = False) -> str:
    """The report's own number and title for a section id ("" or None: no section).

    ``with_id`` appends ``"\x1f" + id``, which :func:`counts_table` shows muted after the label.
    """
    if not section_id:
        return translate("import", NO_SECTION)
    from studyapp.core.report import load_report

    report = load_report()
    if section_id in report:
        label = report.get(section_id).label
        return f"{label}\x1f{section_id}" if with_id else label
    if with_id:
        return section_id + "\x1f" + translate("import", "(not a report section)")
    return section_id


def section_order(section_ids: Iterable[str | None]) -> list[str | None]:
    """Report order; unknown ids after, then items without a section."""
    from studyapp.core.report import load_report

    order = {sid: i for i, sid in enumerate(load_report().section_ids)}
    return sorted(
        section_ids,
        key=lambda s: (0, order[s], "") if s in order else (1 if s else 2, 0, s or ""),
    )


def types_text(by_type: dict[str, int]) -> str:
    """'Single choice 5 · True/false 3' in the order of the question types."""
    parts = [f"{type_label(t)} {by_type[t]}" for t in TYPE_LABELS if by_type.get(t)]
    parts += [f"{t} {n}" for t, n in by_type.items() if t not in TYPE_LABELS and n]
    return " · ".join(parts)


SPREADSHEET_SUFFIXES = (".csv", ".xlsx")


def where_in_words(problem: Problem) -> str:
    """Where a problem is, as a trainer says it: "row 3, column 答案", "line 9", "whole file"."""
    if not problem.line:
        return QCoreApplication.translate("import", "whole file")
    if Path(problem.path).suffix.lower() not in SPREADSHEET_SUFFIXES:
        return QCoreApplication.translate("import", "line {0}").format(problem.line)
    where = QCoreApplication.translate("import", "row {0}").format(problem.line)
    if problem.column is not None:
        name = problem.column_name or _column_letter(problem.column)
        where += QCoreApplication.translate("import", ", column {0}").format(name)
    return where


def _column_letter(column: int) -> str:
    """Letters of a 1-based column number (1 -> "A", 28 -> "AB")."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = "ABCDEFGH"


def _text_of(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(part) for part in value)
    return str(value or "")


def item_details(item: Question | Card) -> str:
    """Plain text showing a question (prompt, options, key) or a card (front, back) in full,
    so that a trainer can check what a file loads."""
    lines: list[str] = []
    if isinstance(item, Card):
        lines += [translate("import", "Card {0}").format(item.id), "",
                  translate("import", "Front"), item.front, "",
                  translate("import", "Back"), item.back]
    else:
        lines += [f"{type_label(item.type)} · {item.id}", "", item.prompt, ""]
        if item.type in ("single", "multiple"):
            for index, choice in enumerate(item.choices):
                letter = _LETTERS[index] if index < len(_LETTERS) else str(index + 1)
                mark = "  ✓" if choice.correct else ""
                lines.append(f"{letter}. {choice.text}{mark}")
            key = "".join(_LETTERS[i] if i < len(_LETTERS) else str(i + 1)
                          for i, choice in enumerate(item.choices) if choice.correct)
            lines += ["", translate("import", "Answer: {0}").format(key or "–")]
        elif item.type == "truefalse":
            truth = {True: translate("import", "true"),
                     False: translate("import", "false")}.get(item.truth, "–")  # type: ignore[arg-type]
            lines.append(translate("import", "Answer: {0}").format(truth))
        elif item.type == "fill":
            lines.append(translate("import", "Accepted answers: {0}").format(
                " | ".join(item.accepted)))
        elif item.type == "match":
            lines.append(translate("import", "Pairs:"))
            lines += [f"{left}  →  {right}" for left, right in item.pairs]
        elif item.type == "order":
            lines.append(translate("import", "In this order:"))
            lines += [f"{n}. {entry}" for n, entry in enumerate(item.sequence, start=1)]
        elif item.type == "numeric":
            answers = []
            for answer in item.numeric:
                if answer.low is not None and answer.high is not None:
                    answers.append(f"{answer.low:g} – {answer.high:g}")
                elif answer.value is not None:
                    answers.append(f"{answer.value:g}" + (f" ± {answer.tolerance:g}"
                                                          if answer.tolerance else ""))
            either = translate("import", " or ").join(answers)
            lines.append(translate("import", "Answer: {0}").format(either or "–"))
    if item.explanation:
        lines += ["", translate("import", "Explanation"), item.explanation]
    facts = []
    if item.section:
        where = section_label(item.section).replace("\x1f", " ")
        facts.append(translate("import", "Section: {0}").format(where))
    evidence = _text_of(item.evidence)
    if evidence:
        facts.append(translate("import", "Evidence: “{0}”").format(evidence))
    if item.tags:
        facts.append(translate("import", "Tags: {0}").format(", ".join(item.tags)))
    if isinstance(item, Question) and item.difficulty is not None:
        facts.append(translate("import", "Difficulty: {0} of 5").format(item.difficulty))
    if item.line:
        facts.append(translate("import", "Line {0} of the file").format(item.line))
    if facts:
        lines += ["", *facts]
    return "\n".join(lines).strip()


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class ItemBrowser(QSplitter):
    """The questions and cards of one or more sets: a list, and the selected item in full.

    Everything is plain text: what the file says is shown, never rendered.
    """

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setObjectName("itemBrowser")
        self.setChildrenCollapsible(False)
        self.list = QTreeWidget()
        self.list.setObjectName("itemList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Question or card"), self.tr("Type")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Questions and cards"))
        head = self.list.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.addWidget(self.list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail = plain(QLabel())
        self.detail.setObjectName("itemDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(SMALL_GAP, SMALL_GAP, SMALL_GAP, SMALL_GAP)
        self.detail.setAccessibleName(self.tr("The selected question or card"))
        scroll.setWidget(self.detail)
        self.addWidget(scroll)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self._items: list[Question | Card] = []
        self._sized = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:  # the list's width hint would otherwise leave the detail a sliver
            self._sized = True
            if self.orientation() == Qt.Orientation.Horizontal:
                self.setSizes([self.width() * 11 // 20, self.width() * 9 // 20])
            else:  # a short list over the item in full
                self.setSizes([self.height() * 2 // 5, self.height() * 3 // 5])

    def set_sets(self, sets: Sequence[QuestionSet]) -> None:
        """Lists the sets' items (under a row per set when there are several)."""
        self.list.clear()
        self._items = []
        grouped = len(sets) > 1
        self.list.setRootIsDecorated(grouped)
        first: QTreeWidgetItem | None = None
        for question_set in sets:
            parent: QTreeWidget | QTreeWidgetItem = self.list
            if grouped:
                group = QTreeWidgetItem(self.list, [question_set.title, ""])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                group.setExpanded(True)
                parent = group
            items: list[Question | Card] = [*question_set.questions, *question_set.cards]
            for item in items:
                if isinstance(item, Card):
                    texts = [_one_line(item.front), self.tr("Card")]
                else:
                    texts = [_one_line(item.prompt), type_label(item.type)]
                row = QTreeWidgetItem(parent, texts)
                row.setData(0, Qt.ItemDataRole.UserRole, len(self._items))
                row.setToolTip(0, plain_tip(item.id))
                self._items.append(item)
                first = first or row
        if first is not None:
            self.list.setCurrentItem(first)
        self._show_current()

    def current_item(self) -> Question | Card | None:
        row = self.list.currentItem()
        index = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        return self._items[index] if isinstance(index, int) else None

    def _show_current(self) -> None:
        item = self.current_item()
        self.detail.setText(item_details(item) if item is not None
                            else self.tr("Select a question or card to see it in full."))


def ask_for_files(parent: QWidget | None) -> list[Path]:
    """The question-set files the user picks (an empty list when they cancel)."""
    global _last_folder
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("import", "Import question sets"), _last_folder, file_filter()
    )
    paths = [Path(name) for name in names if name]
    if paths:
        _last_folder = str(paths[0].parent)
    return paths


def choose_and_import(store: Store, parent: QWidget | None = None) -> list[str]:
    """Asks for files, previews them and imports on the user's word.

    Returns the ids of the sets imported (empty when the user cancelled or nothing could be
    imported).
    """
    paths = ask_for_files(parent)
    if not paths:
        return []
    dialog = ImportDialog(store, paths, parent)
    imported: list[str] = []
    dialog.imported.connect(imported.extend)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
    return imported


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


def extras_summary(question_set: QuestionSet) -> list[tuple[str, str]]:
    """(name, text) lines on what a set carries beyond its questions: points, tags, notes on
    options, pictures, several blanks. Empty for a set that has none of them."""
    questions = question_set.questions
    lines: list[tuple[str, str]] = []
    points = [q.points for q in questions if q.points is not None]
    if points:
        low, high = min(points), max(points)
        each = (f"{_number(low)}" if low == high else
                translate("import", "{low} to {high}").format(low=_number(low),
                                                              high=_number(high)))
        text = translate("import", "{total} in all, {each} a question").format(
            total=_number(sum(points)), each=each)
        if len(points) < len(questions):
            text += translate("import", " ({count} without points)").format(
                count=len(questions) - len(points))
        lines.append((translate("import", "Points"), text))
    tags: dict[str, int] = {}
    for item_tags in [*(q.tags for q in questions), *(c.tags for c in question_set.cards)]:
        for tag in item_tags:
            tags[tag] = tags.get(tag, 0) + 1
    if tags:
        ranked = sorted(tags.items(), key=lambda pair: -pair[1])
        shown = " · ".join(f"{tag} ({count})" for tag, count in ranked[:8])
        if len(ranked) > 8:
            shown += translate("import", " · {count} more").format(count=len(ranked) - 8)
        lines.append((translate("import", "Tags"), shown))
    noted = sum(1 for q in questions if any(c.feedback for c in q.choices))
    if noted:
        lines.append((translate("import", "Option notes"),
                      translate("import", "in {count} of the questions").format(count=noted)))
    one, many = translate("import", "question"), translate("import", "questions")
    pictures = sum(1 for q in questions if q.image)
    if pictures:
        lines.append((translate("import", "Pictures"), plural(pictures, one, many)))
    blanks = sum(1 for q in questions if q.blanks)
    if blanks:
        lines.append((translate("import", "Several blanks"), plural(blanks, one, many)))
    return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- the dialog -------------------------------------------------------------------------------


def _problem_tree(message_header: str, name: str) -> QTreeWidget:
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


def _fill_problem_tree(view: QTreeWidget, problems: Sequence[Problem]) -> None:
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
            shown = self.tr("ignored") if meaning == "ignored" else meaning
            text = f"{html.escape(header)} → {html.escape(shown)}"
            parts.append(f'<span style="color:{colour}">{text}</span>' if meaning == "ignored"
                         else text)
        self.columns = QLabel(self.tr("<b>Columns:</b> ") + " · ".join(parts))
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


class ImportDialog(QDialog):
    """Preview and import question-set files, all or nothing.

    ``imported`` carries the ids of the sets written; ``loaded`` is emitted each time the
    files have been read and the preview is shown.
    """

    imported = Signal(list)
    loaded = Signal()

    EMPTY, LOADING, PREVIEW, SUMMARY = range(4)

    def __init__(self, store: Store, paths: Sequence[Path | str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import question sets"))
        self.setObjectName("importDialog")
        self.setMinimumSize(560, 440)
        self.resize(760, 680)
        self.setAcceptDrops(True)
        self._store = store
        self._paths: list[Path] = []
        self._previews: list[SetPlan] = []
        self._generation = 0
        self._importing = False
        self._done = False
        self._signals = _LoadSignals()
        self._signals.finished.connect(self._on_loaded)
        self._signals.progress.connect(self._on_progress)
        self._signals.imported.connect(self._on_imported)
        self._import_loop: QEventLoop | None = None
        self._build()
        self.set_paths([Path(p) for p in paths])

    # -- construction --

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)

        intro = QLabel(self.tr(
            "Check the preview and the problems. Nothing is written to this profile until you "
            "choose Import, and then every file is imported or none."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        # empty
        self.empty_label = muted(QLabel(self.tr(
            "No files chosen yet.\n\nChoose Add files… or drop question-set files here "
            "({extensions})."
        ).format(extensions=", ".join(EXTENSIONS))))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages.addWidget(self.empty_label)

        # loading
        loading = QWidget()
        loading_layout = QVBoxLayout(loading)
        loading_layout.addStretch(1)
        self.loading_label = plain(QLabel())
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addSpacing(SMALL_GAP)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy indicator
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(320)
        self.busy.setAccessibleName(self.tr("Reading the files"))
        loading_layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addStretch(1)
        self.pages.addWidget(loading)

        # preview: the files above, the problems below (resizable)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter.addWidget(self.preview_scroll)

        # the questions and cards themselves, so that a trainer sees what the files load
        self.items_box = QWidget()
        items_layout = QVBoxLayout(self.items_box)
        items_layout.setContentsMargins(0, SMALL_GAP, 0, 0)
        items_layout.setSpacing(SMALL_GAP)
        self.items_title = heading(self.tr("Questions and cards"), 1.1)
        items_layout.addWidget(self.items_title)
        self.items = ItemBrowser()
        items_layout.addWidget(self.items, 1)
        self.splitter.addWidget(self.items_box)

        self.problems_box = QWidget()
        problems_layout = QVBoxLayout(self.problems_box)
        problems_layout.setContentsMargins(0, SMALL_GAP, 0, 0)
        problems_layout.setSpacing(SMALL_GAP)
        header = QHBoxLayout()
        header.setSpacing(SMALL_GAP)
        self.problems_title = heading(self.tr("Problems"), 1.1)
        header.addWidget(self.problems_title, 1)
        self.copy_button = QPushButton(self.tr("Copy problems"))
        self.copy_button.setToolTip(self.tr("Copy every problem as 'file:line: message' lines"))
        self.copy_button.clicked.connect(self.copy_problems)
        header.addWidget(self.copy_button)
        problems_layout.addLayout(header)
        self.problems_view = _problem_tree(self.tr("Problem"), self.tr("Problems"))
        self.problems_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        copy_action = QAction(self.tr("Copy"), self.problems_view)
        copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_action.triggered.connect(self._copy_selected_problems)
        self.problems_view.addAction(copy_action)
        problems_layout.addWidget(self.problems_view, 1)
        self.splitter.addWidget(self.problems_box)
        self.splitter.addWidget(self._build_warnings())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setStretchFactor(3, 1)
        self.pages.addWidget(self.splitter)

        # summary after importing
        summary = QScrollArea()
        summary.setWidgetResizable(True)
        summary.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_body = QWidget()
        self.summary_layout = QVBoxLayout(self.summary_body)
        self.summary_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_layout.setSpacing(GAP)
        summary.setWidget(self.summary_body)
        self.pages.addWidget(summary)

        # the message (problems, errors) and the import progress
        self.message_row, self.message_icon, self.message = message_row()
        self.message.setObjectName("importMessage")
        layout.addWidget(self.message_row)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        layout.addWidget(self.progress)

        buttons = QHBoxLayout()
        buttons.setSpacing(SMALL_GAP)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_files)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_files)
        buttons.addWidget(self.import_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.copy_button.setAutoDefault(False)

    def _build_warnings(self) -> QWidget:
        """The warnings, apart from the problems: they never block the import."""
        self.warnings_box = QWidget()
        box_layout = QVBoxLayout(self.warnings_box)
        box_layout.setContentsMargins(0, SMALL_GAP, 0, 0)
        box_layout.setSpacing(SMALL_GAP)
        self.warnings_title = heading(self.tr("Warnings"), 1.1)
        box_layout.addWidget(self.warnings_title)
        self.warnings_view = _problem_tree(self.tr("Warning (does not stop the import)"),
                                           self.tr("Warnings"))
        box_layout.addWidget(self.warnings_view, 1)
        self.warnings_box.hide()
        return self.warnings_box

    def _show_warnings(self) -> None:
        warnings = self.warnings
        _fill_problem_tree(self.warnings_view, warnings)
        self.warnings_title.setText(self.tr("Warnings (%n)", "", len(warnings)))
        self.warnings_box.setVisible(bool(warnings))
        if warnings:  # room for a few rows: a third, a quarter beside the problems
            height = max(self.splitter.height(), 480)
            share = height // (4 if self.problems else 3)
            sizes = self.splitter.sizes()  # preview, questions, problems, warnings
            sizes[3] = max(share, 120)
            if not self.problems:
                sizes[1] = max(height - sizes[0] - sizes[3], 160)
            self.splitter.setSizes(sizes)

    # -- public API --

    @property
    def warnings(self) -> list[Problem]:
        return [warning for preview in self._previews for warning in preview.warnings]

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    @property
    def previews(self) -> list[SetPlan]:
        return list(self._previews)

    @property
    def problems(self) -> list[Problem]:
        return [problem for preview in self._previews for problem in preview.problems]

    def is_loading(self) -> bool:
        return self.pages.currentIndex() == self.LOADING

    def set_paths(self, paths: Sequence[Path]) -> None:
        """Shows these files (duplicates dropped) and starts reading them."""
        self._paths = list(dict.fromkeys(Path(p) for p in paths))
        self._previews = []
        self._generation += 1
        show_message(self.message_row, self.message_icon, self.message, "", None)
        if not self._paths:
            self.pages.setCurrentIndex(self.EMPTY)
            self._update_buttons()
            return
        names = ", ".join(p.name for p in self._paths[:3])
        if len(self._paths) > 3:
            names = self.tr("{names} and {count} more").format(names=names,
                                                               count=len(self._paths) - 3)
        self.loading_label.setText(self.tr("Reading {names}…").format(names=names))
        self.pages.setCurrentIndex(self.LOADING)
        self._update_buttons()
        job = functools.partial(
            _load_job, self._signals, self._generation, list(self._paths),
            self._store.path.parent.parent, self._store.profile, self._store.clock,
        )
        QThreadPool.globalInstance().start(job)

    def add_paths(self, paths: Iterable[Path]) -> None:
        self.set_paths([*self._paths, *paths])

    def problems_text(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    def copy_problems(self) -> None:
        """Puts every problem on the clipboard, one 'file:line: message' per line."""
        QGuiApplication.clipboard().setText(self.problems_text())

    # -- reading --

    def _on_loaded(self, generation: int, previews: list[SetPlan]) -> None:
        if generation != self._generation or self._done:
            return  # an older read, overtaken by set_paths
        self._previews = previews
        self._show_preview()
        self.pages.setCurrentIndex(self.PREVIEW)
        self._update_buttons()
        if self.import_button.isEnabled():
            self.import_button.setFocus()
        elif self.problems:
            self.problems_view.setFocus()
        self.loaded.emit()

    def _show_preview(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        for preview in self._previews:
            layout.addWidget(_FileCard(preview))
        layout.addStretch(1)
        self.preview_scroll.setWidget(body)

        problems = self.problems
        _fill_problem_tree(self.problems_view, problems)
        loaded = [p.question_set for p in self._previews if p.question_set is not None]
        count = sum(len(s.questions) + len(s.cards) for s in loaded)
        self.items.set_sets(loaded)
        self.items_title.setText(self.tr("Questions and cards ({0})").format(count))
        self.items_box.setVisible(count > 0)
        self.problems_title.setText(self.tr("Problems (%n)", "", len(problems)))
        self.problems_box.setVisible(bool(problems))
        third = max(self.splitter.height() // 3, 140)
        if problems:  # the problems matter more than the preview then
            self.splitter.setSizes([third, third, third, 0])
        else:
            self.splitter.setSizes([third, 2 * third, 0, 0])

        if problems:
            with_problems = [Path(p.path).name for p in self._previews if p.problems]
            if len(with_problems) == 1:
                where = with_problems[0]
            else:
                where = self.tr("{files} and {last}").format(
                    files=", ".join(with_problems[:-1]), last=with_problems[-1])
            message = (self.tr("Fix this problem in {where} and try again; nothing has been "
                               "imported.") if len(problems) == 1 else
                       self.tr("Fix these {count} problems in {where} and try again; nothing "
                               "has been imported."))
            show_message(
                self.message_row, self.message_icon, self.message,
                message.format(count=len(problems), where=where),
                QStyle.StandardPixmap.SP_MessageBoxWarning,
            )
        else:
            sets = plural(len(self._previews), self.tr("set"), self.tr("sets"))
            found = (self.tr("No problems found (the warnings below do not stop the import).")
                     if self.warnings else self.tr("No problems found."))
            show_message(
                self.message_row, self.message_icon, self.message,
                self.tr("{found} Choose Import to add or update {sets}.").format(
                    found=found, sets=sets),
                QStyle.StandardPixmap.SP_DialogApplyButton,
            )
        self._show_warnings()

    def _update_buttons(self) -> None:
        ready = (
            self.pages.currentIndex() == self.PREVIEW
            and bool(self._previews)
            and all(p.ok for p in self._previews)
            and not self._importing
        )
        self.import_button.setEnabled(ready)
        self.add_button.setEnabled(not self._importing and not self._done)
        self.cancel_button.setEnabled(not self._importing)
        self.copy_button.setEnabled(bool(self.problems))

    def _add_files(self) -> None:
        paths = ask_for_files(self)
        if paths:
            self.add_paths(paths)

    # -- importing --

    def import_files(self) -> None:
        """Imports the previewed plan, all files or none; does nothing unless all are ok.

        The import runs in a worker on a connection of its own, so that its transaction is
        its own (the window's reading-time writes meanwhile wait for it instead of being
        rolled back with it). The window stays painted and its timers run; user input waits
        until the import has finished, when this returns.
        """
        if not self.import_button.isEnabled() or self._importing:
            return
        plan = ImportPlan(list(self._previews))
        to_write = [p.question_set for p in plan.to_write if p.question_set is not None]
        total = sum(len(s.questions) + len(s.cards) for s in to_write)
        self._importing = True
        self._update_buttons()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        show_message(self.message_row, self.message_icon, self.message,
                     self.tr("Importing {items}…").format(
                         items=plural(total, self.tr("item"), self.tr("items"))), None)
        job = functools.partial(_import_job, self._signals, plan,
                                self._store.path.parent.parent, self._store.profile,
                                self._store.clock)
        loop = QEventLoop()
        self._import_loop = loop
        QThreadPool.globalInstance().start(job)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._import_loop = None

    def _on_imported(self, outcome: object) -> None:
        if self._import_loop is not None:
            self._import_loop.quit()
        self._importing = False
        self.progress.hide()
        if isinstance(outcome, BaseException):
            error = outcome
            reason = error.args[0] if isinstance(error, StoreError) and error.args else error
            show_message(
                self.message_row, self.message_icon, self.message,
                self.tr("The question sets could not be imported: {reason}. Nothing has been "
                        "imported; the profile is as it was.").format(reason=reason),
                QStyle.StandardPixmap.SP_MessageBoxCritical,
            )
            self._update_buttons()
            return
        assert isinstance(outcome, list)
        summaries = iter(outcome)
        self._done = True
        results = [(p, None if p.already_imported else next(summaries))
                   for p in self._previews]
        self._show_summary(results)
        self.imported.emit([plan.question_set.id for plan in self._previews
                            if plan.question_set is not None])

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(min(done, self.progress.maximum()))

    def _show_summary(self, results: list[tuple[SetPlan, Any]]) -> None:
        while self.summary_layout.count():
            item = self.summary_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for preview, summary in results:
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(GAP, GAP, GAP, GAP)
            card_layout.setSpacing(SMALL_GAP)
            assert preview.question_set is not None
            set_id = preview.question_set.id
            card_layout.addWidget(heading(preview.question_set.title, 1.15))
            card_layout.addWidget(muted(QLabel(self.tr("Set id: {0}").format(set_id)
                                               + f" · {Path(preview.path).name}")))
            if summary is None:
                counts = QLabel(self.tr("<b>Already imported</b>: nothing to change."))
            else:
                counts = QLabel(self.tr(
                    "<b>{added}</b> added · <b>{updated}</b> updated · "
                    "<b>{unchanged}</b> unchanged · <b>{retired}</b> retired"
                ).format(added=summary.added, updated=summary.updated,
                         unchanged=summary.unchanged, retired=summary.retired))
            counts.setObjectName("importSummaryCounts")
            counts.setTextFormat(Qt.TextFormat.RichText)
            card_layout.addWidget(counts)
            self.summary_layout.addWidget(card)
        self.summary_layout.addStretch(1)
        self.pages.setCurrentIndex(self.SUMMARY)
        show_message(
            self.message_row, self.message_icon, self.message,
            self.tr("Imported {sets}. Retired items stay in learners' history but are no "
                    "longer asked.").format(sets=plural(len(results), self.tr("question set"),
                                                        self.tr("question sets"))),
            QStyle.StandardPixmap.SP_DialogApplyButton,
        )
        self.import_button.hide()
        self.cancel_button.hide()
        self.add_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # -- closing and dropping --

    def reject(self) -> None:
        if self._importing:
            return  # the transaction is under way; it finishes in moments
        super().reject()

    def done(self, result: int) -> None:
        if self._importing:
            return
        self._generation += 1  # a read still running is no longer wanted
        super().done(result)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._importing and not self._done and _local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event.mimeData().urls())
        if paths and not self._importing and not self._done:
            event.acceptProposedAction()
            self.add_paths(paths)
        else:
            event.ignore()

    def _copy_selected_problems(self) -> None:
        rows = sorted(self.problems_view.indexOfTopLevelItem(item)
                      for item in self.problems_view.selectedItems())
        problems = self.problems
        chosen = [problems[row] for row in rows if 0 <= row < len(problems)] or problems
        QGuiApplication.clipboard().setText("\n".join(str(p) for p in chosen))


def _local_files(urls: Iterable[Any]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
