"""The Cards view's dialogs: a card's info (its reviews, memory state and next due) and
Browse (a deck's cards, searchable, with suspend and card info). Loaded when first opened."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.scheduling import STATE_NAMES
from studyapp.core.store import Store
from studyapp.ui.card_labels import grade_names, state_label
from studyapp.ui.formatting import date_time_text, day_text


class CardInfoDialog(QDialog):
    """A card's reviews, stability, difficulty, retrievability now and next due."""

    def __init__(self, store: Store, card_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card info"))
        self.setMinimumSize(520, 440)
        info = store.reviews.info(card_key)
        memory = info.card.memory
        facts = [
            (self.tr("Card"), info.card.front),
            (self.tr("State"), state_label(STATE_NAMES[memory.state])),
            (self.tr("Reviews"), str(len(info.reviews))),
            (self.tr("Lapses"), str(memory.lapses)),
            (self.tr("Stability"), self.tr("{d:.1f} days").format(d=memory.stability)
             if memory.stability is not None else "–"),
            (self.tr("Difficulty"), f"{memory.difficulty:.1f} / 10"
             if memory.difficulty is not None else "–"),
            (self.tr("Recall chance now"), f"{info.retrievability:.0%}"
             if info.retrievability is not None else "–"),
            (self.tr("Next due"), date_time_text(memory.due.astimezone())
             if memory.due and memory.state else self.tr("new: not scheduled yet")),
            (self.tr("Time spent"), self.tr("{s} s").format(s=round(info.total_ms / 1000))),
        ]
        grid = QFormLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for name, value in facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addRow(QLabel(name), shown)
        names = grade_names()
        history = QTableWidget(len(info.reviews), 3)
        history.setObjectName("CardReviews")
        history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Grade"), self.tr("Time")])
        history.verticalHeader().hide()
        history.setShowGrid(False)
        history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        history.setTabKeyNavigation(False)  # Tab goes on to Close, not cell by cell
        for row, review in enumerate(reversed(info.reviews)):
            when = datetime.fromisoformat(review.reviewed_at).astimezone()
            history.setItem(row, 0, QTableWidgetItem(date_time_text(when)))
            history.setItem(row, 1, QTableWidgetItem(names.get(review.rating, "?")))
            history.setItem(row, 2, QTableWidgetItem(
                self.tr("{s} s").format(s=round((review.duration_ms or 0) / 1000))))
        history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Reviews, newest first")))
        layout.addWidget(history, 1)
        layout.addWidget(buttons)


class BrowseDialog(QDialog):
    """A deck's cards in a searchable list with their state and due date."""

    def __init__(self, store: Store, deck_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._deck_id = deck_id
        self.setWindowTitle(self.tr("Browse: {deck}").format(deck=title))
        self.setMinimumSize(760, 520)
        self.search = QLineEdit()
        self.search.setObjectName("BrowseSearch")
        self.search.setPlaceholderText(self.tr("Search the fronts and backs"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.fill)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("BrowseTable")
        self.table.setHorizontalHeaderLabels([self.tr("Front"), self.tr("State"), self.tr("Due"),
                                              self.tr("Marks")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons in one step
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.suspend_button = QPushButton(self.tr("Suspend / unsuspend"))
        self.suspend_button.clicked.connect(self._toggle_suspend)
        self.info_button = QPushButton(self.tr("Card info…"))
        self.info_button.clicked.connect(self._info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.suspend_button)
        row.addWidget(self.info_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._keys: list[str] = []
        self._suspended: list[bool] = []
        self.fill()

    def fill(self) -> None:
        rows = self._store.reviews.browse(self._deck_id, self.search.text())
        self.table.setRowCount(len(rows))
        self._keys = [r.key for r in rows]
        self._suspended = [r.suspended for r in rows]
        for index, row in enumerate(rows):
            due = day_text(datetime.fromisoformat(row.due).astimezone().date()) \
                if row.due else "–"
            marks = [m for m, on in ((self.tr("suspended"), row.suspended),
                                     (self.tr("buried"), row.buried),
                                     (self.tr("flagged"), bool(row.flag)),
                                     (self.tr("leech"), row.leech))
                     if on]
            cells = (row.front, state_label(row.state), due, ", ".join(marks))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(f"{row.front}\n\n{row.back}")
                self.table.setItem(index, column, item)
        self.count.setText(self.tr("{n} cards").format(n=len(rows)))

    def _current(self) -> int:
        return self.table.currentRow()

    def _toggle_suspend(self) -> None:
        index = self._current()
        if 0 <= index < len(self._keys):
            self._store.reviews.suspend(self._keys[index], not self._suspended[index])
            self.fill()
            self.table.selectRow(index)

    def _info(self) -> None:
        index = self._current()
        if 0 <= index < len(self._keys):
            CardInfoDialog(self._store, self._keys[index], self).exec()
