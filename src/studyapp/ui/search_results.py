"""The search results under the report search (ui/contents.py): one row per paragraph found,
its place in small muted type above the snippet with the hits marked. Loaded on the first
search: the start-up shows the contents."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studyapp.core.report import Section
from studyapp.core.search import SearchHit
from studyapp.ui.theme import Colours

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


class _HitDelegate(QStyledItemDelegate):
    """Draws a search result: the section in small muted type, the snippet with hits marked."""

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._list = parent

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(80, option.rect.width()))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = option.palette.ColorRole.HighlightedText if selected else (
            option.palette.ColorRole.Text)
        context.palette.setColor(context.palette.ColorRole.Text,
                                 option.palette.color(role))
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()
        option.text = text

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.initStyleOption(option, index)
        width = self._list.viewport().width() if isinstance(self._list, QListWidget) else 240
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 2)


def hit_place(section: Section) -> str:
    """Where a hit stands, with the report's own numbers: "Third › (1) › 1, Innovative
    training concept". Whole labels, never cut."""
    numbers = [a.number.rstrip(",") for a in section.ancestors() if a.number]
    return " › ".join([*numbers, section.label])


def hit_html(hit: SearchHit, section: Section, colours: Colours) -> str:
    """A result as rich text: the section's label, then the snippet with each hit marked."""
    parts, last = [], 0
    for start, end in hit.matches:
        parts.append(html.escape(hit.snippet[last:start]))
        parts.append(
            f'<span style="background-color:{colours.hit}; color:{colours.text}; '
            'font-weight:600">'
            f"{html.escape(hit.snippet[start:end])}</span>"
        )
        last = end
    parts.append(html.escape(hit.snippet[last:]))
    # The label takes the row's text colour (readable when the row is selected too).
    return (
        f'<div style="font-size:small; font-style:italic">{html.escape(hit_place(section))}'
        "</div>"
        f'<div>{"".join(parts)}</div>'
    )


class SearchResults(QListWidget):
    hit_activated = Signal(object)  # SearchHit

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchResults")
        self.setAccessibleName(self.tr("Search results"))
        self.setWordWrap(True)
        self.setItemDelegate(_HitDelegate(colours, self))
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemActivated.connect(lambda item: self.hit_activated.emit(item.data(HIT_ROLE)))
        self.itemClicked.connect(lambda item: self.hit_activated.emit(item.data(HIT_ROLE)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # results wrap to the new width
