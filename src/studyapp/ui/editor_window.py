"""The question editor (File → New question set / Edit question set…): a window of its own.

Left, the set's items (the set's details, then its questions, then its cards); in the middle
the form of the selected one (ui/editor_form.py); right, the preview as the learner sees it,
the report to pick evidence from, and the problems `studyapp validate` finds (ui/
editor_panes.py, ui/editor_preview.py). Every change is a command on a QUndoStack
(ui/editor_commands.py); the document itself is core/editing.py, which also checks it.

Keyboard first: every action has a key (the menus show them, and Help → Keyboard shortcuts of
the main window lists its own); Tab goes list → form → panes.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from studyapp.core import editing
from studyapp.core.editing import Draft, Edit, Finding, Findings, ItemKind
from studyapp.core.questionsets.model import QUESTION_TYPES, Card, Question, evidence_quotes
from studyapp.core.report import Report
from studyapp.ui.editor_check import CheckSignals, check_job
from studyapp.ui.editor_commands import EditCommand, UndoKeysToStack
from studyapp.ui.editor_form import ItemForm, SetForm
from studyapp.ui.editor_panes import ProblemsPane, ReportPane
from studyapp.ui.editor_preview import PreviewPane
from studyapp.ui.set_labels import type_label
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import fit_to_screen

CHECK_DELAY_MS = 250  # after the last keystroke: the checks and the preview follow the typing
KINDS: tuple[ItemKind, ItemKind] = ("questions", "cards")


class EditorWindow(QMainWindow):
    saved = Signal(Path)  # the file written
    imported = Signal(list)  # set ids imported into the profile
    ask_on_close = True  # unsaved changes: Save, Discard or Cancel (tests switch it off)

    def __init__(self, draft: Draft, report: Report, settings: QSettings, colours: Colours,
                 store: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorWindow")
        self.draft = draft
        self.report = report
        self.store = store
        self.findings = Findings()
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self._current: tuple[str, int] = ("set", 0)
        self._marked: set[tuple[ItemKind, int]] = set()  # items showing the problem icon

        self.tree = QTreeWidget()
        self.tree.setObjectName("EditorItems")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Questions and cards"))
        self.set_node = QTreeWidgetItem([self.tr("The question set")])
        self.kind_nodes = {kind: QTreeWidgetItem() for kind in KINDS}
        self.tree.addTopLevelItems([self.set_node, *self.kind_nodes.values()])
        for node in self.kind_nodes.values():
            node.setExpanded(True)
            node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.tree.currentItemChanged.connect(self._tree_moved)

        self.set_form = SetForm()
        self.set_form.edited.connect(self._set_edited)
        self.item_form = ItemForm(report)
        self.item_form.edited.connect(self._item_edited)
        self.forms = QStackedWidget()
        self.forms.addWidget(self.set_form)
        self.forms.addWidget(self.item_form)
        self.form_scroller = QScrollArea()
        self.form_scroller.setWidgetResizable(True)
        self.form_scroller.setWidget(self.forms)
        self.form_scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.preview = PreviewPane(report, settings, colours)
        self.report_pane = ReportPane(report)
        self.report_pane.quote_picked.connect(self.add_evidence)
        self.preview.page.read_in_context.connect(
            lambda section, _quotes: self._show_report(section))
        self.problems = ProblemsPane()
        self.problems.go_to.connect(self._go_to)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("EditorTabs")
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.report_pane, self.tr("Report"))
        self.tabs.addTab(self.problems, self.tr("Problems"))

        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.form_scroller)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.setTabOrder(self.tree, self.form_scroller)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_in_background)
        # Findings of a check that started before the latest edit are dropped.
        self._check_generation = 0
        self._check_running = self._check_again = False
        self._check_signals = CheckSignals(self)
        self._check_signals.checked.connect(self._checked_in_background)
        self.stack.indexChanged.connect(self._forget_running_check)
        self.undo_keys = UndoKeysToStack(self)
        QApplication.instance().installEventFilter(self.undo_keys)  # type: ignore[union-attr]
        self._build_menus()
        self._load_draft(draft)
        fit_to_screen(self, 1280, 800)
        splitter.setSizes([260, 560, 460])

    def resizeEvent(self, event: Any) -> None:
        """The list, the form and the panes keep their shares (18 : 47 : 35) as it resizes."""
        super().resizeEvent(event)
        width = self.splitter.width()
        self.splitter.setSizes([width * 18 // 100, width * 47 // 100, width * 35 // 100])

    # -- menus ------------------------------------------------------------------------------
    def _action(self, text: str, keys: str | QKeySequence.StandardKey | None, slot: Any,
                editing_only: bool = False) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        action.setProperty("editing_only", editing_only)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.save_action = self._action(self.tr("&Save"), "Ctrl+S", self.save, True)
        self.save_as_action = self._action(self.tr("Save &as…"), "Ctrl+Shift+S", self.save_as,
                                           True)
        self.export_action = self._action(self.tr("&Export as spreadsheet (XLSX)…"),
                                          "Ctrl+Shift+X", self.export_spreadsheet)
        self.import_action = self._action(self.tr("Save and &import into my profile…"),
                                          "Ctrl+I", self.import_into_profile, True)
        self.import_action.setVisible(self.store is not None)
        self.duplicate_set_action = self._action(self.tr("&Duplicate to edit"), "Ctrl+Shift+D",
                                                 self.duplicate_set)
        close_action = self._action(self.tr("&Close"), "Ctrl+W", self.close)
        file_menu.addActions([self.save_action, self.save_as_action, self.export_action,
                              self.import_action, self.duplicate_set_action])
        file_menu.addSeparator()
        file_menu.addAction(close_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        new_menu = edit_menu.addMenu(self.tr("&New question"))
        self.new_actions: dict[str, QAction] = {}
        for number, kind in enumerate(QUESTION_TYPES, start=1):
            self.new_actions[kind] = self._action(
                type_label(kind), f"Ctrl+{number}",
                lambda kind=kind: self.add_question(kind), True)
            new_menu.addAction(self.new_actions[kind])
        self.new_actions["card"] = self._action(self.tr("New &card"), "Ctrl+8", self.add_card,
                                                True)
        edit_menu.addAction(self.new_actions["card"])
        self.item_actions = [
            self._action(self.tr("Dupl&icate the item"), "Ctrl+D", self.duplicate_item, True),
            self._action(self.tr("&Delete the item"), "Ctrl+Delete", self.delete_item, True),
            self._action(self.tr("Move u&p"), "Alt+Up", lambda: self.move_item(-1), True),
            self._action(self.tr("Move do&wn"), "Alt+Down", lambda: self.move_item(1), True),
            self._action(self.tr("Use the selected passage as &evidence"), "Ctrl+E",
                         self.report_pane.use_selection, True),
        ]
        edit_menu.addSeparator()
        edit_menu.addActions(self.item_actions)

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions([
            self._action(self.tr("The &list of items"), "Ctrl+L",
                         lambda: self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)),
            self._action(self.tr("The &form"), "Ctrl+J", self._focus_form),
            self._action(self.tr("The &preview"), "Ctrl+P", self._focus_preview),
            self._action(self.tr("The &report"), "Ctrl+R", lambda: self._show_report(None)),
            self._action(self.tr("The pro&blems"), "Ctrl+Shift+M", self._focus_problems),
            self._action(self.tr("&Next problem"), "F8", self.next_problem),
        ])

    # -- the document -----------------------------------------------------------------------
    def _load_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.stack.clear()
        self.stack.setClean()
        for action in self.actions():
            if action.property("editing_only"):
                action.setEnabled(not draft.read_only)
        self.duplicate_set_action.setEnabled(True)
        self._refresh_title()
        self._refresh_tree()
        first = ("questions", 0) if draft.question_set.questions else (
            ("cards", 0) if draft.question_set.cards else ("set", 0))
        self._select(*first)
        self.run_checks()
        if draft.read_only:
            self.statusBar().showMessage(self.tr(
                "This set is built into StudyApp and cannot be changed. Duplicate it to edit "
                "a copy of your own (Ctrl+Shift+D)."))
        elif draft.load_problems:
            self.statusBar().showMessage(self.tr(
                "Some items of the file could not be read and are not shown ({count} "
                "problem(s)); they are listed under Problems until you save.").format(
                    count=len(draft.load_problems)))

    def _refresh_title(self) -> None:
        question_set = self.draft.question_set
        where = str(self.draft.path) if self.draft.path else self.tr("not saved yet")
        title = (self.tr("{title} (read-only) [*] — {where} — Question editor")
                 if self.draft.read_only else self.tr("{title} [*] — {where} — Question editor"))
        self.setWindowTitle(title.format(title=question_set.title or question_set.id, where=where))

    def item_at(self, kind: str, index: int) -> Question | Card | None:
        if kind not in KINDS:
            return None
        items = self.draft.items(kind)
        return items[index] if 0 <= index < len(items) else None

    def place_name(self, kind: str, index: int) -> str:
        item = self.item_at(kind, index)
        if item is None:
            return ""
        return self.item_form.type_heading(index + 1, item) + f" ({item.id})"

    def _refresh_tree(self) -> None:
        """The list follows the draft (in place: the selection and focus stay)."""
        counts = {"questions": self.tr("Questions ({count})"), "cards": self.tr("Cards ({count})")}
        for kind, node in self.kind_nodes.items():
            items = self.draft.items(kind)
            node.setText(0, counts[kind].format(count=len(items)))
            while node.childCount() > len(items):
                node.takeChild(node.childCount() - 1)
            while node.childCount() < len(items):
                node.addChild(QTreeWidgetItem())
            for index in range(len(items)):
                self._refresh_label(kind, index)
        self.set_node.setData(0, Qt.ItemDataRole.UserRole, ("set", 0))
        self._mark_problems(everything=True)

    def _refresh_label(self, kind: ItemKind, index: int) -> None:
        item = self.draft.items(kind)[index]
        child = _child(self.kind_nodes[kind], index)
        child.setData(0, Qt.ItemDataRole.UserRole, (kind, index))
        text = item.prompt if isinstance(item, Question) else item.front
        kind_word = type_label(item.type) if isinstance(item, Question) else ""
        first_line = " ".join(text.split())[:60] or self.tr("(empty)")
        child.setText(0, f"{index + 1}. {first_line}")
        child.setToolTip(0, " · ".join(p for p in (item.id, kind_word) if p))

    def _mark_problems(self, everything: bool = False) -> None:
        """The warning icon on the items with problems: on all of them after the list was
        rebuilt, else only on those whose mark changed (a set of thousands of questions)."""
        marked = {(f.kind, f.index) for f in self.findings.problems if f.kind is not None}
        style = self.style()
        warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        plain = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        places = ([(kind, index) for kind, node in self.kind_nodes.items()
                   for index in range(node.childCount())] if everything
                  else self._marked ^ marked)
        for kind, index in places:
            node = self.kind_nodes[kind]
            if index >= node.childCount():
                continue
            child = _child(node, index)
            bad = (kind, index) in marked
            child.setIcon(0, warning if bad else plain)
            child.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole,
                          self.tr("has problems") if bad else "")
        self._marked = marked
        set_bad = any(f.kind is None for f in self.findings.problems)
        self.set_node.setIcon(0, warning if set_bad else style.standardIcon(
            QStyle.StandardPixmap.SP_DirIcon))

    # -- selection --------------------------------------------------------------------------
    def _select(self, kind: str, index: int) -> None:
        node = self.set_node if kind == "set" else self.kind_nodes[kind].child(index)  # type: ignore[index]
        if node is None:
            node = self.set_node
        if self.tree.currentItem() is node:
            self._show_current()
        else:
            self.tree.setCurrentItem(node)

    def _tree_moved(self, node: QTreeWidgetItem | None, _previous: Any) -> None:
        data = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else None
        if data is None:
            return
        self._current = tuple(data)
        self._show_current()

    def _show_current(self) -> None:
        kind, index = self._current
        item = self.item_at(kind, index)
        if item is None:
            self._current = ("set", 0)
            self.set_form.show_info(editing.set_info(self.draft.question_set),
                                    self.draft.read_only)
            self.forms.setCurrentWidget(self.set_form)
        else:
            self.item_form.show_item(item, self.place_name(kind, index), self.draft.read_only)
            self.forms.setCurrentWidget(self.item_form)
            if item.section:
                self.report_pane.show_section(item.section)
            self.preview.show_item(item, self.draft.question_set.title)
        self._show_item_problems()

    # -- changes ----------------------------------------------------------------------------
    def push(self, edit: Edit, text: str, merge_key: str = "") -> None:
        if self.draft.read_only:
            return
        self.stack.push(EditCommand(self, edit, text, merge_key))

    def apply_edit(self, edit: Edit, forwards: bool, first: bool) -> None:
        """Called by the commands: the draft changes, then what shows it."""
        (editing.apply if forwards else editing.revert)(self.draft, edit)
        if edit.op == "replace":  # one item changed: its line in the list, not all of them
            self._refresh_label(edit.kind, edit.index)
        elif edit.op != "info":
            self._refresh_tree()
        if edit.op == "info":
            self._refresh_title()
            if not first:
                self._select("set", 0)
        elif edit.op == "replace":
            if not first:
                self._select(edit.kind, edit.index)
        else:
            structural = {("insert", True): edit.index, ("remove", False): edit.index,
                          ("move", True): edit.to, ("move", False): edit.index}
            target = structural.get((edit.op, forwards))
            if target is None:  # an item went away: its neighbour is shown
                remaining = len(self.draft.items(edit.kind))
                target = min(edit.index, remaining - 1)
            self._select(edit.kind, target) if target >= 0 else self._select("set", 0)
        self.check_timer.start()

    def _item_edited(self, key: str) -> None:
        kind, index = self._current
        before = self.item_at(kind, index)
        if before is None:
            return
        after = self.item_form.item()
        if after == before:
            return
        merge = f"{kind}/{index}/{key}" if key else ""
        self.push(Edit("replace", kind, index, before, after),  # type: ignore[arg-type]
                  self.tr("Edit {place}").format(place=self.place_name(kind, index)), merge)

    def _set_edited(self, key: str) -> None:
        before = editing.set_info(self.draft.question_set)
        after = self.set_form.info()
        if after != before:
            self.push(Edit("info", before=before, after=after),
                      self.tr("Edit the set's details"), f"set/{key}")

    def _insert(self, kind: ItemKind, item: Question | Card, text: str) -> None:
        current_kind, index = self._current
        at = index + 1 if current_kind == kind else len(self.draft.items(kind))
        self.push(Edit("insert", kind, at, after=item), text)
        self._focus_form()

    def add_question(self, kind: str) -> None:
        if self.draft.read_only:
            return
        section = self._current_section()
        question = editing.blank_question(self.draft, kind, section)  # type: ignore[arg-type]
        self._insert("questions", question, self.tr("New {type} question").format(
            type=type_label(kind)))

    def add_card(self) -> None:
        if not self.draft.read_only:
            self._insert("cards", editing.blank_card(self.draft, self._current_section()),
                         self.tr("New card"))

    def _current_section(self) -> str | None:
        item = self.item_at(*self._current)
        return item.section if item is not None else None

    def duplicate_item(self) -> None:
        kind, index = self._current
        item = self.item_at(kind, index)
        if item is None or self.draft.read_only:
            return
        twin = copy.deepcopy(item)
        twin.id = editing.next_id(self.draft.ids(), [i.id for i in self.draft.items(kind)],  # type: ignore[arg-type]
                                  "q-" if kind == "questions" else "card-")
        self._insert(kind, twin, self.tr("Duplicate {place}").format(  # type: ignore[arg-type]
            place=self.place_name(kind, index)))

    def delete_item(self) -> None:
        kind, index = self._current
        item = self.item_at(kind, index)
        if item is not None and not self.draft.read_only:
            self.push(Edit("remove", kind, index, before=item),  # type: ignore[arg-type]
                      self.tr("Delete {place}").format(place=self.place_name(kind, index)))
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_item(self, step: int) -> None:
        kind, index = self._current
        if self.item_at(kind, index) is None or self.item_at(kind, index + step) is None:
            return
        self.push(Edit("move", kind, index, to=index + step),  # type: ignore[arg-type]
                  self.tr("Move {place}").format(place=self.place_name(kind, index)))

    def add_evidence(self, section: str, passage: str) -> None:
        """A passage picked in the report pane joins the item's evidence (and sets its section:
        a quote from another section than the item's starts the evidence afresh)."""
        kind, index = self._current
        before = self.item_at(kind, index)
        if before is None or self.draft.read_only:
            self.statusBar().showMessage(self.tr("Choose a question or card first."), 5000)
            return
        after = copy.deepcopy(before)
        quotes = evidence_quotes(before.evidence) if before.section == section else []
        if passage not in quotes:
            quotes.append(passage)
        after.section = section
        after.evidence = "\n".join(quotes)
        self.push(Edit("replace", kind, index, before, after),  # type: ignore[arg-type]
                  self.tr("Evidence for {place}").format(place=self.place_name(kind, index)))
        self._show_current()
        self.statusBar().showMessage(self.tr("Added to the evidence: “{passage}”").format(
            passage=passage[:80]), 5000)

    # -- checks -----------------------------------------------------------------------------
    def run_checks(self) -> None:
        """Checks the draft now (on opening and saving, when the answer must be current)."""
        self.check_timer.stop()
        self._forget_running_check()
        self._show_findings(editing.check(self.draft))

    def check_in_background(self) -> None:
        """Checks a snapshot of the draft in a worker. One check runs at a time: a pause
        in typing while one runs asks for another once it ends (checks of a set of
        thousands take seconds, and those that pile up would slow the typing)."""
        self._forget_running_check()
        item = self.item_at(*self._current)  # the preview need not wait for the checks
        if item is not None:
            self.preview.show_item(item, self.draft.question_set.title)
        if self._check_running:
            self._check_again = True
            return
        # Edits replace items by copies and never change one in place (core/editing.py),
        # so new lists of the same items are a snapshot the worker may read while typing goes on.
        snapshot = copy.copy(self.draft)
        snapshot.question_set = copy.copy(self.draft.question_set)
        snapshot.question_set.questions = list(self.draft.question_set.questions)
        snapshot.question_set.cards = list(self.draft.question_set.cards)
        self._check_running = True
        QThreadPool.globalInstance().start(functools.partial(
            check_job, self._check_signals, self._check_generation, snapshot))

    def _forget_running_check(self) -> None:
        self._check_generation += 1

    def _checked_in_background(self, generation: int, findings: Findings | None) -> None:
        self._check_running = False
        if generation == self._check_generation and findings is not None:
            self._show_findings(findings)
        if self._check_again:
            self._check_again = False
            self.check_in_background()

    def _show_findings(self, findings: Findings) -> None:
        self.findings = findings
        if self.draft.load_problems:
            self.findings.problems[:0] = [Finding(p) for p in self.draft.load_problems]
        places = {(kind, index): self.place_name(kind, index)
                  for kind in KINDS for index in range(len(self.draft.items(kind)))}
        self.problems.show_findings(self.findings, places)  # type: ignore[arg-type]
        count = len(self.findings.problems)
        self.tabs.setTabText(2, self.tr("Problems ({count})").format(count=count) if count
                             else self.tr("Problems"))
        self._mark_problems()
        self._show_item_problems()
        item = self.item_at(*self._current)
        if item is not None:
            self.preview.show_item(item, self.draft.question_set.title)

    def _show_item_problems(self) -> None:
        kind, index = self._current
        found = ([f for f in self.findings.problems + self.findings.warnings if f.kind is None]
                 if kind == "set" else self.findings.for_item(kind, index))  # type: ignore[arg-type]
        lines = [(self.tr("Warning: {message}") if f.is_warning else "{message}").format(
            message=f.problem.message) for f in found]
        label = self.set_form.problems if kind == "set" else self.item_form.problems
        label.setText("\n".join("⚠ " + line for line in lines))
        label.setVisible(bool(lines))

    def next_problem(self) -> None:
        places = [(f.kind or "set", f.index) for f in self.findings.problems]
        if not places:
            self.statusBar().showMessage(self.tr("No problems."), 3000)
            return
        later = [p for p in places if _order_of(p) > _order_of(self._current)]
        self._go_to(*(later[0] if later else places[0]))

    def _go_to(self, kind: str, index: int) -> None:
        self._select(kind or "set", max(index, 0))
        self._focus_form()

    # -- focus ------------------------------------------------------------------------------
    def _focus_form(self) -> None:
        if self.forms.currentWidget() is self.item_form:
            self.item_form.focus_first_text()
        else:
            self.set_form.edits["title"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_preview(self) -> None:
        self.tabs.setCurrentWidget(self.preview)
        self.preview.focus_preview()

    def _focus_problems(self) -> None:
        self.tabs.setCurrentWidget(self.problems)
        self.problems.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_report(self, section: str | None) -> None:
        self.tabs.setCurrentWidget(self.report_pane)
        self.report_pane.show_section(section or self._current_section())
        self.report_pane.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- files ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.draft.read_only:
            return False
        if self.draft.path is None:
            return self.save_as()
        return self.save_to(self.draft.path)

    def save_as(self) -> bool:
        if self.draft.read_only:
            return False
        start = self.draft.path or Path.home() / f"{self.draft.question_set.id}.yaml"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the question set"), str(start),
                                              self.tr("StudyApp question sets (*.yaml *.yml)"))
        if not name:
            return False
        target = Path(name)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_name(target.name + ".yaml")
        return self.save_to(target)

    def save_to(self, target: Path) -> bool:
        try:
            editing.save(self.draft, target)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The set could not be saved to {target}: {error}").format(target=target,
                                                                          error=error))
            return False
        self.draft.load_problems = []
        self.stack.setClean()
        self._refresh_title()
        self.run_checks()
        count = len(self.findings.problems)
        self.statusBar().showMessage(
            self.tr("Saved to {target}.").format(target=target) if not count else
            self.tr("Saved to {target}, with {count} problem(s): fix them before you hand the "
                    "set out (F8 goes to the next).").format(target=target, count=count))
        self.saved.emit(target)
        return True

    def export_spreadsheet(self) -> None:
        from studyapp.core.editing_xlsx import default_name

        folder = self.draft.path.parent if self.draft.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as spreadsheet"),
            str(folder / default_name(self.draft.question_set)),
            self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> list[str]:
        from studyapp.core.editing_xlsx import export_xlsx

        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            left_out = export_xlsx(self.draft.question_set, target)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Not exported"), self.tr(
                "The spreadsheet could not be written to {target}: {error}").format(
                    target=target, error=error))
            return []
        message = self.tr("Exported to {target}.").format(target=target)
        if left_out:
            message = self.tr("Exported to {target}; {count} matching, ordering or numeric "
                              "question(s) were left out: a spreadsheet has no columns for "
                              "them ({ids}).").format(target=target, count=len(left_out),
                                                      ids=", ".join(left_out[:5]))
        self.statusBar().showMessage(message)
        return left_out

    def import_into_profile(self) -> None:
        """Saves, then the import window shows what changes for the learner and imports."""
        if self.store is None or not self.save():
            return
        from studyapp.ui.import_dialog import ImportDialog

        assert self.draft.path is not None
        dialog = ImportDialog(self.store, [self.draft.path], self)
        dialog.imported.connect(self.imported)
        dialog.exec()

    def duplicate_set(self) -> None:
        if not self.stack.isClean() and not self._may_leave():
            return
        self._load_draft(editing.duplicate(self.draft))
        self.stack.resetClean()  # a copy not yet saved
        self.statusBar().showMessage(self.tr(
            "This is your copy, “{title}”, with the set id {id}. Save it (Ctrl+S) as a file of "
            "your own.").format(title=self.draft.question_set.title,
                                id=self.draft.question_set.id))

    def _may_leave(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to “{title}” first?").format(
                title=self.draft.question_set.title),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if (self.ask_on_close and not self.stack.isClean() and not self.draft.read_only
                and not self._may_leave()):
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.undo_keys)
        self.preview.page.timer.stop()
        super().closeEvent(event)


def _child(node: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    child = node.child(index)
    assert child is not None
    return child


def _order_of(place: tuple[str, int]) -> tuple[int, int]:
    """Where a place comes in the list: the set, then questions, then cards."""
    kind, index = place
    return ({"set": 0, "questions": 1, "cards": 2}.get(kind, 0), index)
