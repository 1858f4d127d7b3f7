"""The reading column: one section's text, typeset for comfortable reading.

The document is built block by block (not from HTML) so that each paragraph of the report
is one text block whose number maps back to ``Section.paragraphs``: search hits, notes and
bookmarks point at paragraphs by that index.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from studyapp.core.report import Report, Section
from studyapp.ui.theme import Colours

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

COLUMN_CHARS = 70  # a comfortable line length for reading
DOCUMENT_MARGIN = 24
LINE_HEIGHT_PERCENT = 150
SECTION_SCHEME = "section"
_WORD = re.compile(r"\w+", re.UNICODE)


class SectionText(QTextBrowser):
    """Shows a section; Left/Right (and PageDown at the end) ask for the neighbours."""

    next_requested = Signal()
    previous_requested = Signal()
    section_link = Signal(str)
    scrolled = Signal(float)  # position as a fraction of the scrollable height
    painted = Signal()  # the text's area has been drawn (each time: see viewportEvent)

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SectionText")
        self.setAccessibleName(self.tr("Section text"))
        self._colours = colours
        self._paragraph_blocks: dict[int, int] = {}  # paragraph index -> block number
        self._heading_block = 0
        # One document for every section shown, filled anew each time: a document per
        # section would stay alive as a child of this widget (580 opens: 40 MiB).
        self._document = QTextDocument(self)
        self._document.setUndoRedoEnabled(False)
        self.setDocument(self._document)
        self._side_margin = -1.0
        self._viewport_width = 0  # from the viewport's resize events, until it is painted
        self._painted = False
        self._pending_position: float | None = None
        self._restoring = False
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link_clicked)
        # Selectable with the mouse (for notes), but arrow keys stay free for navigation.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.verticalScrollBar().valueChanged.connect(self._emit_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.verticalScrollBar().actionTriggered.connect(self._learner_scrolled)

    # -- content ---------------------------------------------------------------------------
    def show_section(self, report: Report, section: Section, font: QFont) -> None:
        document = self._document
        self.setExtraSelections([])
        document.clear()
        document.setDefaultFont(font)
        self._side_margin = -1.0  # margins are set anew for this font below
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one change to lay out, not one per block
        self._paragraph_blocks = {}

        # The whole path, each part's full label: wrapped if need be, never cut mid-phrase.
        crumbs = " › ".join(a.label for a in section.ancestors())
        if crumbs:
            self._insert_block(cursor, crumbs, self._muted(font, 0.8), bottom=8, first=True)
        heading_font = QFont(font)
        heading_font.setPointSizeF(font.pointSizeF() * 1.45)
        heading_font.setWeight(QFont.Weight.DemiBold)
        heading_format = QTextCharFormat()
        heading_format.setFont(heading_font)
        heading_format.setForeground(QColor(self._colours.text))
        self._insert_block(cursor, section.label, heading_format, bottom=20, first=not crumbs,
                           heading=True)
        self._heading_block = cursor.block().blockNumber()

        body = section.body_paragraphs()
        offset = len(section.paragraphs) - len(body)
        text_format = QTextCharFormat()
        text_format.setFont(font)
        text_format.setForeground(QColor(self._colours.text))
        for index, paragraph in enumerate(body):
            self._paragraph_blocks[index + offset] = cursor.block().blockNumber() + 1
            self._insert_block(cursor, paragraph, text_format, bottom=font.pointSizeF() * 1.1)

        if section.children:
            label = self.tr("In this part") if section.paragraphs else self.tr(
                "This part has four sections") if len(section.children) == 4 else self.tr(
                "This part has these sections")
            self._insert_block(cursor, label, self._muted(font, 0.85), bottom=6, top=12)
            for child in section.children:
                link = QTextCharFormat(text_format)
                link.setAnchor(True)
                link.setAnchorHref(f"{SECTION_SCHEME}:{child.id}")
                link.setForeground(QColor(self._colours.accent))
                self._insert_block(cursor, child.label, link, bottom=6)
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(document))  # no selection carried over
        self._fit_column()

    def _muted(self, font: QFont, scale: float) -> QTextCharFormat:
        muted = QTextCharFormat()
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * scale)
        muted.setFont(small)
        muted.setForeground(QColor(self._colours.muted))
        return muted

    @staticmethod
    def _insert_block(cursor: QTextCursor, text: str, char_format: QTextCharFormat, *,
                      bottom: float = 0, top: float = 0, first: bool = False,
                      heading: bool = False) -> None:
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT_PERCENT if not heading else 120,
                                   QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setBottomMargin(bottom)
        block_format.setTopMargin(top)
        if heading:
            block_format.setHeadingLevel(1)
        if first:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        cursor.insertText(text, char_format)

    def paragraph_at_top(self) -> int | None:
        """The paragraph at the top of the view (for bookmarks)."""
        top = self.cursorForPosition(self.viewport().rect().topLeft()).blockNumber()
        best = None
        for paragraph, block in sorted(self._paragraph_blocks.items()):
            if block <= top or best is None:
                best = paragraph
        return best

    def selected_paragraph(self) -> int | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        block = self.document().findBlock(cursor.selectionStart()).blockNumber()
        for paragraph, number in self._paragraph_blocks.items():
            if number == block:
                return paragraph
        return None

    # -- positions -------------------------------------------------------------------------
    def position(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def at_end(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def restore_position(self, fraction: float) -> None:
        """Scrolls to ``fraction``, and keeps it there while the layout settles (first show,
        resizes, zoom) until the learner scrolls."""
        self._pending_position = fraction
        self._apply_pending()

    def _range_changed(self, _minimum: int, _maximum: int) -> None:
        self._fit_column()  # a scroll bar came or went: the viewport's width changed
        self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending_position is None:
            return
        bar = self.verticalScrollBar()
        self._restoring = True
        bar.setValue(round(self._pending_position * bar.maximum()))
        self._restoring = False

    def scroll_to_paragraph(self, paragraph: int) -> None:
        self._pending_position = None
        block = self.document().findBlockByNumber(self._paragraph_blocks.get(paragraph, 0))
        if not block.isValid():
            return
        self.document().documentLayout().documentSize()  # lays the document out
        y = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(max(0, round(y) - 24))

    def highlight(self, words: list[str], paragraph: int | None) -> None:
        """Marks every occurrence of ``words`` (the last as a prefix) in the section."""
        selections = []
        lowered = [w.lower() for w in words if w]
        if lowered:
            hit_format = QTextCharFormat()
            hit_format.setBackground(QColor(self._colours.hit))
            hit_format.setForeground(QColor(self._colours.text))
            hit_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            for number in [self._heading_block, *self._paragraph_blocks.values()]:
                block = self.document().findBlockByNumber(number)
                for found in _WORD.finditer(block.text()):
                    token = found.group().lower()
                    if token in lowered[:-1] or token.startswith(lowered[-1]):
                        selection = QTextEdit.ExtraSelection()
                        selection.cursor = QTextCursor(block)
                        selection.cursor.setPosition(block.position() + found.start())
                        selection.cursor.setPosition(
                            block.position() + found.end(), QTextCursor.MoveMode.KeepAnchor)
                        selection.format = hit_format
                        selections.append(selection)
        self.setExtraSelections(selections)
        if paragraph is not None:
            self.scroll_to_paragraph(paragraph)

    def highlight_passage(self, quotes: list[str]) -> bool:
        """Marks each quote where it stands in the section, heading included, word for word
        (case, spacing and punctuation aside), as search hits are marked, and scrolls to the
        first; False when none is there."""
        hit_format = QTextCharFormat()
        hit_format.setBackground(QColor(self._colours.hit))
        hit_format.setForeground(QColor(self._colours.text))
        selections: list[QTextEdit.ExtraSelection] = []
        first_block: QTextBlock | None = None
        for quote in quotes:
            wanted = [w.lower() for w in _WORD.findall(quote)]
            block = self.document().firstBlock()
            found = False
            while wanted and block.isValid() and not found:
                words = list(_WORD.finditer(block.text()))
                tokens = [w.group().lower() for w in words]
                for start in range(len(tokens) - len(wanted) + 1):
                    if tokens[start:start + len(wanted)] != wanted:
                        continue
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = QTextCursor(block)
                    selection.cursor.setPosition(block.position() + words[start].start())
                    selection.cursor.setPosition(
                        block.position() + words[start + len(wanted) - 1].end(),
                        QTextCursor.MoveMode.KeepAnchor)
                    selection.format = hit_format
                    selections.append(selection)
                    if first_block is None:
                        first_block = block
                    found = True
                    break
                block = block.next()
        if first_block is None:
            return False
        self.setExtraSelections(selections)
        self._pending_position = None
        self.document().documentLayout().documentSize()  # lays the document out
        y = self.document().documentLayout().blockBoundingRect(first_block).top()
        self.verticalScrollBar().setValue(max(0, round(y) - 48))
        return True

    def hit_count(self) -> int:
        return len(self.extraSelections())

    # -- layout and keys -------------------------------------------------------------------
    def _fit_column(self) -> None:
        """Side margins inside the document that keep the text in a column of about
        COLUMN_CHARS characters, centred. The document is always laid out at the viewport's
        full width (viewport margins would leave it laid out for the old width after a
        rebuild, and the text cut at the right edge)."""
        document = self.document()
        metrics = QFontMetricsF(document.defaultFont())
        column = metrics.averageCharWidth() * COLUMN_CHARS
        side = max(float(DOCUMENT_MARGIN), (self._viewport_width_now() - column) / 2)
        side = float(int(side))
        if side == self._side_margin:
            return
        self._side_margin = side
        root = document.rootFrame()
        frame_format = root.frameFormat()
        frame_format.setTopMargin(DOCUMENT_MARGIN)
        frame_format.setBottomMargin(DOCUMENT_MARGIN)
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        root.setFrameFormat(frame_format)

    def _viewport_width_now(self) -> int:
        # Until the first paint, the width its resize events gave (a hidden viewport gets its
        # pending one as it is shown, before it is painted): the viewport's first Python
        # wrapper makes PySide set up every QWidget class (some 40 enums, ~4 ms), which the
        # start-up then pays after the text is on screen rather than before.
        return self.viewport().width() if self._painted else self._viewport_width

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            self._viewport_width = event.size().width()
        handled = super().viewportEvent(event)
        if kind == QEvent.Type.Paint:
            self._painted = True
            self.painted.emit()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        self._apply_pending()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # may scroll to the text cursor...
        self._apply_pending()  # ...but a restored place wins

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        self._learner_scrolled()
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and key == Qt.Key.Key_Right:
            self.next_requested.emit()
        elif plain and key == Qt.Key.Key_Left:
            self.previous_requested.emit()
        elif plain and key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            if self.at_end():
                self.next_requested.emit()
            else:
                bar.setValue(bar.value() + bar.pageStep())
        elif plain and key == Qt.Key.Key_PageUp:
            if bar.value() <= 0:
                self.previous_requested.emit()
            else:
                bar.setValue(bar.value() - bar.pageStep())
        elif plain and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = bar.singleStep() * 3
            bar.setValue(bar.value() + (step if key == Qt.Key.Key_Down else -step))
        elif plain and key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif plain and key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def _emit_scrolled(self, _value: int) -> None:
        # While a restored place is pending, moves come from layout (clamping), not the learner.
        if not self._restoring and self._pending_position is None:
            self.scrolled.emit(self.position())

    def _learner_scrolled(self, *_args: object) -> None:
        self._pending_position = None  # the learner's own scrolling wins over a restored place

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == SECTION_SCHEME:
            self.section_link.emit(url.path())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        ):
            # Plain Left/Right are ours; Alt+Left/Right stay the Go menu's shortcuts.
            event.accept()
            return True
        return super().event(event)
