"""Opening the question editor: File → New question set (a title first) and File → Edit
question set… (a set of the profile, or a file of any importable format).

A profile's set is edited from the file it was imported from when that file is still there
and is native YAML (Save writes it back); otherwise from the profile's copy, and Save asks
where to write. Built-in sets open read-only (Duplicate to edit).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core import editing
from studyapp.core.editing import Draft
from studyapp.core.formats import EXTENSIONS
from studyapp.core.report import Report
from studyapp.ui.editor_window import EditorWindow
from studyapp.ui.theme import Colours

translate = QCoreApplication.translate


class ChooseSetDialog(QDialog):
    """The profile's sets to pick one from (Enter), or "Open a file…" (Ctrl+O)."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit question set"))
        self.chosen_set: str | None = None
        self.chosen_file: Path | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Question sets"))
        for info in (store.question_sets.list() if store is not None else []):
            text = self.tr("{title} — {id}").format(title=info.title, id=info.id)
            if info.builtin:
                text = self.tr("{set} (built in: read-only, duplicate to edit)").format(set=text)
            line = QListWidgetItem(text)
            line.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(line)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _line: self.accept())
        label = QLabel(self.tr("&Sets in this profile:"))
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        edit = buttons.addButton(self.tr("&Edit"), QDialogButtonBox.ButtonRole.AcceptRole)
        edit.setDefault(True)
        self.file_button = QPushButton(self.tr("Open a &file…"))
        self.file_button.setShortcut("Ctrl+O")
        self.file_button.setToolTip(self.tr("A question-set file of any kind StudyApp imports "
                                            "(Ctrl+O)"))
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.open_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def accept(self) -> None:
        line = self.list.currentItem()
        if self.chosen_file is None and line is not None:
            self.chosen_set = str(line.data(Qt.ItemDataRole.UserRole))
        super().accept()

    def open_file(self) -> None:
        patterns = " ".join(f"*{extension}" for extension in EXTENSIONS)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a question-set file"),
                                              str(Path.home()),
                                              self.tr("Question sets ({patterns})").format(
                                                  patterns=patterns))
        if name:
            self.chosen_file = Path(name)
            super().accept()


def draft_of_profile_set(store: Any, set_id: str) -> Draft:
    """The set from its own native file when that is still there, else the profile's copy."""
    info = store.question_sets.info(set_id)
    source = Path(info.source) if info.source else None
    if (not info.builtin and info.format == "native" and source is not None
            and source.is_absolute() and source.is_file()):
        draft = editing.open_file(source)
        if draft.question_set.id == set_id and not draft.load_problems:
            return draft
    return editing.open_set(store.question_sets.get(set_id))


def open_editor(draft: Draft, report: Report, settings: QSettings, colours: Colours,
                store: Any, parent: QWidget | None) -> EditorWindow:
    window = EditorWindow(draft, report, settings, colours, store, parent)
    window.show()
    window.activateWindow()
    return window


def ask_new_draft(parent: QWidget) -> Draft | None:
    """The title of a new set (its id is made from it, and can be changed in the editor)."""
    title, ok = QInputDialog.getText(
        parent, translate("EditorOpen", "New question set"),
        translate("EditorOpen", "Title of the new question set:"))
    if not ok or not title.strip():
        return None
    return editing.new_draft(title.strip())


def ask_draft_to_edit(store: Any, parent: QWidget) -> Draft | None:
    dialog = ChooseSetDialog(store, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        if dialog.chosen_file is not None:
            return editing.open_file(dialog.chosen_file)
        if dialog.chosen_set is not None:
            return draft_of_profile_set(store, dialog.chosen_set)
    except ValueError as error:
        QMessageBox.warning(parent, translate("EditorOpen", "Cannot open the set"), str(error))
    return None
