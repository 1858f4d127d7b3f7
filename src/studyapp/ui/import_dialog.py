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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.importing import ImportPlan, SetPlan
from studyapp.core.questionsets import EXTENSIONS
from studyapp.core.questionsets.errors import Problem
from studyapp.core.store import Store, StoreError
from studyapp.ui.formatting import plural
from studyapp.ui.import_jobs import LoadSignals, import_job, load_job
from studyapp.ui.import_preview import _FileCard, fill_problem_tree, problem_tree
from studyapp.ui.item_browser import ItemBrowser
from studyapp.ui.widgets import (
    GAP,
    MARGIN,
    SMALL_GAP,
    fit_to_screen,
    heading,
    message_row,
    muted,
    plain,
    show_message,
)

__all__ = [
    "FILE_FILTER",
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


def file_filter() -> str:
    """The file dialog's filter, in the user's language."""
    return translate("import", "Question sets ({patterns});;All files (*)").format(
        patterns=" ".join(f"*{ext}" for ext in EXTENSIONS))


_last_folder: str = ""


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


# --- the dialog -------------------------------------------------------------------------------


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
        self.setMinimumSize(480, 320)
        self.setAcceptDrops(True)
        self._store = store
        self._paths: list[Path] = []
        self._previews: list[SetPlan] = []
        self._generation = 0
        self._importing = False
        self._done = False
        self._signals = LoadSignals()
        self._signals.finished.connect(self._on_loaded)
        self._signals.progress.connect(self._on_progress)
        self._signals.imported.connect(self._on_imported)
        self._import_loop: QEventLoop | None = None
        self._build()
        fit_to_screen(self, 760, 680)
        self.set_paths([Path(p) for p in paths])

    # -- construction --

    def _build(self) -> None:
        # Everything above the buttons scrolls when the screen is too short for it (a 960x600
        # laptop with a file of problems and warnings): the buttons always show.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(GAP)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setWidget(body)
        outer.addWidget(self.body_scroll, 1)

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
        self.problems_view = problem_tree(self.tr("Problem"), self.tr("Problems"))
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
        outer.addLayout(buttons)
        self.copy_button.setAutoDefault(False)

    def _build_warnings(self) -> QWidget:
        """The warnings, apart from the problems: they never block the import."""
        self.warnings_box = QWidget()
        box_layout = QVBoxLayout(self.warnings_box)
        box_layout.setContentsMargins(0, SMALL_GAP, 0, 0)
        box_layout.setSpacing(SMALL_GAP)
        self.warnings_title = heading(self.tr("Warnings"), 1.1)
        box_layout.addWidget(self.warnings_title)
        self.warnings_view = problem_tree(self.tr("Warning (does not stop the import)"),
                                           self.tr("Warnings"))
        box_layout.addWidget(self.warnings_view, 1)
        self.warnings_box.hide()
        return self.warnings_box

    def _show_warnings(self) -> None:
        warnings = self.warnings
        fill_problem_tree(self.warnings_view, warnings)
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
            load_job, self._signals, self._generation, list(self._paths),
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
        fill_problem_tree(self.problems_view, problems)
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
        job = functools.partial(import_job, self._signals, plan,
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
