"""The questions and cards of one or more sets: a list, and the selected item in full
(the import preview and the sets dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from studyapp.core.questionsets.model import Card, Question, QuestionSet
from studyapp.ui.set_labels import item_details, type_label
from studyapp.ui.widgets import SMALL_GAP, plain, plain_tip


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

    def showEvent(self, event: QShowEvent) -> None:
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


