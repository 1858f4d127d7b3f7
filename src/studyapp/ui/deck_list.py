"""The Cards view's deck list: decks with their new / learning / due counts, the four
relationships first; Enter or a double click starts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from studyapp.core.decks import RELATIONSHIPS_DECK, Deck
from studyapp.core.store.reviews import DeckCounts
from studyapp.ui.theme import Colours

DECK_ROLE = Qt.ItemDataRole.UserRole


class DeckList(QTreeWidget):
    """Decks with their new / learning / due counts; Enter or a double click starts."""

    start_requested = Signal(str)

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeckList")
        self.setAccessibleName(self.tr("Decks"))
        self._colours = colours
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Deck"), self.tr("New"), self.tr("Learning"), self.tr("Due")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        for column in (1, 2, 3):
            self.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                               | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 84)
        self.itemActivated.connect(self._activated)
        self._items: dict[str, QTreeWidgetItem] = {}

    def show_decks(self, decks: list[Deck], counts: dict[str, DeckCounts]) -> None:
        current = self.current_deck() or RELATIONSHIPS_DECK
        expanded = {deck_id for deck_id, item in self._items.items() if item.isExpanded()}
        first_time = not self._items
        self.clear()
        self._items = {}
        parents: list[QTreeWidgetItem] = []
        for deck in decks:
            title = self.tr("Set: {title}").format(title=deck.title) if deck.kind == "set" \
                else deck.title
            item = QTreeWidgetItem([title, "", "", ""])
            item.setData(0, DECK_ROLE, deck.id)
            item.setToolTip(0, deck.title)
            if deck.kind in ("relationships", "report", "set"):
                font = item.font(0)
                font.setWeight(QFont.Weight.DemiBold)
                item.setFont(0, font)
            self._set_counts(item, counts.get(deck.id, DeckCounts()))
            depth = deck.depth
            del parents[depth:]
            if deck.kind in ("relationships", "set"):
                parents.clear()
            if parents and depth > 0:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
                parents.clear()
            parents.append(item)
            self._items[deck.id] = item
        for deck_id, item in self._items.items():
            item.setExpanded(deck_id in expanded or (first_time and deck_id == "report"))
        self.select(current if current in self._items else RELATIONSHIPS_DECK)

    def _set_counts(self, item: QTreeWidgetItem, counts: DeckCounts) -> None:
        for column, value in ((1, counts.new), (2, counts.learning), (3, counts.review)):
            item.setText(column, str(value))
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            if not value:
                item.setForeground(column, self.palette().placeholderText())

    def select(self, deck_id: str) -> None:
        item = self._items.get(deck_id)
        if item is not None:
            parent = item.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def current_deck(self) -> str | None:
        item = self.currentItem()
        return str(item.data(0, DECK_ROLE)) if item is not None else None

    def has_deck(self, deck_id: str) -> bool:
        return deck_id in self._items

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.start_requested.emit(str(item.data(0, DECK_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            deck_id = self.current_deck()
            if deck_id:
                self.start_requested.emit(deck_id)
            return
        super().keyPressEvent(event)
