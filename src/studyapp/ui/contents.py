"""The reader's left pane: overall progress, the contents tree and report search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QIcon, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.report import Report, Section
from studyapp.ui.formatting import plural
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours

if TYPE_CHECKING:
    from studyapp.core.search import ReportSearch, SearchHit
    from studyapp.ui.search_results import SearchResults

SECTION_ROLE = Qt.ItemDataRole.UserRole
MIN_QUERY_CHARS = 2


class ContentsTree(QTreeWidget):
    """The report's sections with their own numbering, a tick on read ones, counts on parts."""

    section_activated = Signal(str)
    step_requested = Signal(int)  # +1 next section, -1 previous (Right / Left)

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._colours = colours
        self._items: dict[str, QTreeWidgetItem] = {}
        self.setObjectName("ContentsTree")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # long titles wrap, never cut
        self.setIndentation(14)
        self._wrapped_at = -1  # the title column's width that the row heights were made for
        self.setAccessibleName(self.tr("Contents"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self._wrap_titles())
        # Fully expanded, each part as it is built: expandAll() would lay the whole (hidden)
        # tree out at once, at a width it is never shown at.
        for part in report.parts:
            self._add(part, None)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def _add(self, section: Section, parent: QTreeWidgetItem | None) -> None:
        item = QTreeWidgetItem([section.label, ""])
        item.setData(0, SECTION_ROLE, section.id)
        item.setToolTip(0, section.label)
        if parent is None:
            font = item.font(0)
            font.setWeight(font.Weight.DemiBold)
            item.setFont(0, font)
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[section.id] = item
        for child in section.children:
            self._add(child, item)
        if section.children:
            item.setExpanded(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap_titles()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._wrap_titles()  # the widths it had while hidden were not wrapped for

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Right and Left open the next and previous section here too, as they do in the
        text: the contents opens fully expanded, so a tree's own use of them (expand,
        collapse, go to the parent) has little to do; Plus and Minus still expand and
        collapse a part."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.step_requested.emit(1 if event.key() == Qt.Key.Key_Right else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def _wrap_titles(self) -> None:
        """Row heights that fit each title wrapped to the column (long report headings).

        Set on the items once per width, so that Qt's layout passes never call back into
        Python for each row.
        """
        column = self.columnWidth(0)
        if column == self._wrapped_at or column <= 0 or not self.isVisible():
            return  # hidden: the widths it passes through while the window is laid out
        self._wrapped_at = column
        for item in self._items.values():
            depth, parent = 1, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            width = column - depth * self.indentation() - 12
            if width <= 40:
                continue
            rect = QFontMetrics(item.font(0)).boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text(0))
            item.setSizeHint(0, QSize(width, rect.height() + 10))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.section_activated.emit(item.data(0, SECTION_ROLE))

    def select(self, section_id: str) -> None:
        item = self._items.get(section_id)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            self.scrollToItem(item)

    def item_for(self, section_id: str) -> QTreeWidgetItem:
        return self._items[section_id]

    def show_progress(self, read_ids: set[str]) -> None:
        """A tick on every page read (a part's row too, for its own introduction), and on
        each part the pages below it: "1/3" over its three sections."""
        counts = self._report.read_counts(read_ids)
        tick = icon("check", self._colours.success, None, self._colours.highlighted_text)
        for section_id, item in self._items.items():
            section = self._report.get(section_id)
            read = section.is_page and section_id in read_ids
            item.setIcon(1, tick if read else QIcon())
            words = [self.tr("read") if read else self.tr("not read")] if section.is_page \
                else []
            if section_id in counts:
                done, total = counts[section_id]
                item.setText(1, f"{done}/{total}")
                below = self.tr("{done} of the {total} sections below read").format(
                    done=done, total=total)
                words.append(below)
                tip = [self.tr("This part's introduction: {state}").format(state=words[0])] \
                    if section.is_page else []
                item.setToolTip(1, "\n".join([*tip, below]))
            else:
                item.setToolTip(1, self.tr("Read") if read else self.tr("Not read yet"))
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, ", ".join(words))
            item.setForeground(1, self.palette().placeholderText())


class ContentsPanel(QWidget):
    """Overall progress, a search field, and below it the contents or the search results."""

    section_activated = Signal(str)
    hit_activated = Signal(object)  # SearchHit

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._colours = colours
        self._search: ReportSearch | None = None  # built on first use: start-up stays lean

        self.progress_label = QLabel(self)
        self.progress_label.setProperty("role", "muted")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Reading progress"))

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("SearchField")
        self.search_field.setPlaceholderText(self.tr("Search the report (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search the report"))
        self.search_field.addAction(icon("search", colours.muted),
                                    QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.textChanged.connect(self._search_changed)
        self.search_field.returnPressed.connect(self._open_current_hit)
        self.search_field.installEventFilter(self)

        self.stack = QStackedWidget(self)
        self.tree = ContentsTree(report, colours, self.stack)
        self.tree.section_activated.connect(self.section_activated)
        self.results_status = QLabel()
        self.results_status.setProperty("role", "muted")
        self.results_status.setWordWrap(True)
        self._results: SearchResults | None = None  # see results: built on the first search

        self.stack.addWidget(self.tree)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 8, 16)
        layout.setSpacing(8)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addSpacing(8)
        layout.addWidget(self.search_field)
        layout.addWidget(self.stack, 1)

    @property
    def results(self) -> SearchResults:
        """The search results, the stack's second page, made on first use."""
        if self._results is None:
            from studyapp.ui.search_results import SearchResults

            self._results = SearchResults(self._colours)
            self._results.hit_activated.connect(self._hit_chosen)
            results_page = QWidget()
            results_layout = QVBoxLayout(results_page)
            results_layout.setContentsMargins(0, 0, 0, 0)
            results_layout.setSpacing(8)
            results_layout.addWidget(self.results_status)
            results_layout.addWidget(self._results, 1)
            self.stack.addWidget(results_page)
        return self._results

    def show_progress(self, read_ids: set[str]) -> None:
        done, total = self._report.read_counts(read_ids)[self._report.root.id]
        self.progress_label.setText(self.tr("{done} of {total} sections read").format(
            done=done, total=total))
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.tree.show_progress(read_ids)

    def close_search(self) -> None:
        """Closes the search index (an in-memory database); the next search builds it anew."""
        if self._search is not None:
            self._search.close()
            self._search = None

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_changed(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.stack.setCurrentIndex(0)
            return
        from PySide6.QtWidgets import QListWidgetItem

        from studyapp.ui.search_results import HIT_ROLE, HTML_ROLE, hit_html, hit_place

        self.results.clear()  # the results page made first: the stack's page 1
        self.stack.setCurrentIndex(1)
        if len(query) < MIN_QUERY_CHARS:
            self.results_status.setText(self.tr("Keep typing: at least two letters."))
            return
        if self._search is None:
            from studyapp.core.search import ReportSearch

            self._search = ReportSearch(self._report)
        hits = self._search.search(query)
        for hit in hits:
            item = QListWidgetItem()
            section = self._report.get(hit.section_id)
            item.setData(HTML_ROLE, hit_html(hit, section, self._colours))
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit_place(section))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{hit_place(section)}: {hit.snippet}")
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            places = plural(len(hits), self.tr("place"), self.tr("places"))
            self.results_status.setText(self.tr(
                "Found in {places}. Enter opens the highlighted one; Esc goes back "
                "to the contents."
            ).format(places=places))
        else:
            self.results_status.setText(self.tr(
                "No paragraph holds “{query}”. Check the spelling or try fewer words."
            ).format(query=query))

    def _open_current_hit(self) -> None:
        from studyapp.ui.search_results import HIT_ROLE

        item = self._results.currentItem() if self._results is not None else None
        if self.stack.currentIndex() == 1 and item is not None:
            self._hit_chosen(item.data(HIT_ROLE))

    def _hit_chosen(self, hit: SearchHit) -> None:
        self.hit_activated.emit(hit)

    def leave_search(self) -> None:
        self.search_field.clear()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.search_field and isinstance(event, QKeyEvent) and (
            event.type() == QKeyEvent.Type.KeyPress
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.leave_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.stack.currentIndex() == 1:
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.results.count():
                    self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
