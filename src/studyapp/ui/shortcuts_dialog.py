"""Help → Keyboard shortcuts: every shortcut, read from the actions themselves, and the keys
of the reader and the study screens that are not actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """Every shortcut, read from the actions themselves so the list is never out of date."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(560, 600)
        self.table = QTableWidget(0, 2)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        rows = [(a.text().replace("&", "").rstrip("…"),
                 ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                           for s in a.shortcuts())) for a in actions]
        rows += [
            (self.tr("Next / previous section (in the text or the contents)"), "Right, Left"),
            (self.tr("Expand / collapse a part (in the contents)"), "Plus, Minus"),
            (self.tr("Scroll the text; at the end, the next section"), "Down, Up, PageDown, Space"),
            (self.tr("Note the selected passage (in the text)"), "N"),
            (self.tr("Leave the search"), "Esc"),
            (self.tr("Cards: start the selected deck"), "Enter"),
            (self.tr("Cards: show the answer"), "Space, Enter"),
            (self.tr("Cards: grade Again, Hard, Good, Easy"), "1, 2, 3, 4"),
            (self.tr("Cards: grade Good (the answer shown)"), "Space, Enter"),
            (self.tr("Cards: leave the review"), "Esc"),
            (self.tr("Quiz: start the selected mode"), "Enter"),
            (self.tr("Quiz: pick or tick an option; pair a row (matching)"), "1 … 9"),
            (self.tr("Quiz: answer, then go on after the feedback"), "Enter"),
            (self.tr("Quiz: move the selected item (ordering)"), "Ctrl+Up, Ctrl+Down"),
            (self.tr("Quiz: read the evidence in context"), "R"),
            (self.tr("Exam: previous / next question"), "PageUp, PageDown"),
            (self.tr("Exam: flag the question"), "Ctrl+G"),
            (self.tr("Exam: show the answer card"), "Ctrl+K"),
            (self.tr("Exam: submit"), "Ctrl+Return"),
            (self.tr("Quiz: leave (an exam asks first)"), "Esc"),
        ]
        for text, keys in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
