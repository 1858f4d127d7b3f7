"""The reader's right pane: notes on the open section and bookmarks across the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.report import Report
from studyapp.core.store_errors import StoreError
from studyapp.ui.formatting import local_time

if TYPE_CHECKING:
    from studyapp.core.store import Bookmark, Note, Store

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
STAMP_ROLE = Qt.ItemDataRole.UserRole + 2
QUOTE_CHARS = 160
DRAFT_SAVE_MS = 1000  # a draft is written this long after the last keystroke
PADDING = 8


class _NoteDelegate(QStyledItemDelegate):
    """A note as its whole text, wrapped to the list's width, with its time stamp under it.

    Measured and drawn with the same font metrics and the same wrapping, so that no line
    is lost: Qt's own item sizing measures Chinese text (no spaces to wrap at) a line short,
    eliding the stamp to a stray "…".
    """

    def _blocks(self, option: QStyleOptionViewItem,
                index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        return str(index.data(TEXT_ROLE) or ""), f"— {index.data(STAMP_ROLE) or ''}"

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        return max(40, width - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        text, stamp = self._blocks(option, index)
        metrics = QFontMetrics(option.font)
        width = self._width(option)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
        height += metrics.boundingRect(QRect(0, 0, width, 100_000), flags, stamp).height()
        return QSize(width, height + 2 * PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        text, stamp = self._blocks(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        flags = int(Qt.TextFlag.TextWordWrap)
        area = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(palette.color(palette.ColorRole.HighlightedText if selected
                                     else palette.ColorRole.Text))
        used = painter.boundingRect(area, flags, text)
        painter.drawText(area, flags, text)
        area.setTop(used.bottom() + 1)
        if not selected:
            painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        painter.drawText(area, flags, stamp)
        painter.restore()


def _not_saved_label() -> QLabel:
    """Where a tab says that the store refused a write (a full disk, a read-only file)."""
    label = QLabel()
    label.setObjectName("NotSaved")
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.hide()
    return label


def _say_not_saved(label: QLabel, error: StoreError | None) -> None:
    """``error``'s message as "Not saved: …" in ``label`` (None: the last write went well)."""
    if error is None:
        label.clear()
        label.hide()
    else:
        label.setText(QCoreApplication.translate("NotesPanel", "Not saved: %1").replace(
            "%1", str(error)))
        label.show()


def _empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "empty")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class NotesTab(QWidget):
    """The open section's notes: list, add, edit, delete. Saved as soon as the user saves."""

    changed = Signal()
    closed = Signal()  # the editor was closed with Esc: the reader takes the focus back

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._section_id: str | None = None
        self._editing: int | None = None  # note id being edited, None for a new note
        self._paragraph: int | None = None

        self.list = QListWidget()
        self.list.setObjectName("NotesList")
        self.list.setAccessibleName(self.tr("Notes on this section"))
        self.list.setWordWrap(True)
        self.list.setItemDelegate(_NoteDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows re-measured on resize
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = _empty_label(
            self.tr("No notes on this section yet. Select a passage and press N, "
                    "or choose Add note.")
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.list)

        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setToolTip(self.tr("Add a note on this section (N in the text, or Ctrl+N)"))
        self.add_button.clicked.connect(lambda: self.start_new())
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("NoteEditor")
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setPlaceholderText(self.tr("Write your note. Ctrl+Enter saves, Esc cancels."))
        self.editor.textChanged.connect(self._edited)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self.draft_label = QLabel(self.tr("A draft you had not saved yet."))
        self.draft_label.setProperty("role", "muted")
        self.draft_label.setWordWrap(True)
        self.draft_label.hide()
        self.save_button = QPushButton(self.tr("Save note"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_button)
        editor_buttons.addWidget(self.save_button)
        self.editor_box = QWidget()
        editor_layout = QVBoxLayout(self.editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(8)
        editor_layout.addWidget(self.draft_label)
        editor_layout.addWidget(self.editor)
        editor_layout.addLayout(editor_buttons)
        self.editor_box.hide()
        self.editor.installEventFilter(self)

        self.not_saved = _not_saved_label()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor_box)
        layout.addWidget(self.not_saved)
        self._update_buttons()

    def show_section(self, section_id: str) -> None:
        """Shows ``section_id``'s notes; a note half written on the section left is kept as
        its draft, and this section's own draft (from before, or from a past session)
        comes back into the editor."""
        self.keep_draft()
        self._close_editor()
        self._section_id = section_id
        self.refresh()
        draft = self._store.notes.draft(section_id)
        if draft is not None:
            self._editing, self._paragraph = draft.note_id, draft.paragraph
            self.editor.setPlainText(draft.text)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
            self.editor_box.show()
            self.draft_label.show()
        self._draft_timer.stop()

    def has_draft(self) -> bool:
        return not self.editor_box.isHidden() and bool(self.editor.toPlainText().strip())

    def keep_draft(self) -> None:
        """Writes the note being typed as the section's draft (on leaving, on closing, and
        a moment after each change), so that nothing typed is lost."""
        self._draft_timer.stop()
        if self._section_id is None or self.editor_box.isHidden():
            return
        try:
            self._store.notes.save_draft(self._section_id, self.editor.toPlainText(),
                                         self._paragraph, self._editing)
        except StoreError as error:  # the text stays in the editor
            _say_not_saved(self.not_saved, error)

    def _edited(self) -> None:
        if not self.editor_box.isHidden():
            self._draft_timer.start()

    def refresh(self) -> None:
        self.list.clear()
        notes = self._store.notes.for_section(self._section_id) if self._section_id else []
        for note in notes:
            self.list.addItem(self._item(note))
        self.pages.setCurrentIndex(1 if notes else 0)
        self._update_buttons()

    @staticmethod
    def _item(note: Note) -> QListWidgetItem:
        stamp = local_time(note.updated_at)
        item = QListWidgetItem(f"{note.text}\n— {stamp}")  # what a screen reader says
        item.setData(ID_ROLE, note.id)
        item.setData(TEXT_ROLE, note.text)
        item.setData(STAMP_ROLE, stamp)
        item.setToolTip(QCoreApplication.translate("NotesPanel", "Enter or double-click to edit"))
        return item

    def _update_buttons(self) -> None:
        selected = self.list.currentItem() is not None and self.pages.currentIndex() == 1
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.add_button.setEnabled(self._section_id is not None)

    def start_new(self, quote: str = "", paragraph: int | None = None) -> None:
        """Opens the editor for a new note, quoting the selected passage if there is one."""
        if self._section_id is None:
            return
        if self.has_draft():  # a note is being written: add the quote to it, never over it
            quote = " ".join(quote.split())
            if quote:
                self.editor.appendPlainText(f"“{quote[:QUOTE_CHARS]}”")
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._editing = None
        self._paragraph = paragraph
        quote = " ".join(quote.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[:QUOTE_CHARS].rstrip() + "…"
        self._open_editor(f"“{quote}”\n" if quote else "")

    def edit_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if self.has_draft():  # finish (or cancel) the note being written first
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._editing = int(item.data(ID_ROLE))
        self._open_editor(str(item.data(TEXT_ROLE)))

    def _open_editor(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor_box.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def save(self) -> None:
        text = self.editor.toPlainText().strip()
        if not text or self._section_id is None:
            self.cancel()
            return
        try:
            if self._editing is None:
                saved = self._store.notes.add(self._section_id, text, self._paragraph).id
            else:
                saved = self._editing
                self._store.notes.update(self._editing, text)
        except StoreError as error:  # the editor stays open with the text, to try again
            _say_not_saved(self.not_saved, error)
            return
        _say_not_saved(self.not_saved, None)
        self.refresh()
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == saved:
                self.list.setCurrentRow(row)
        # The focus stays in the notes, on the note just saved (hiding the editor that had
        # it would otherwise send it to the next widget in the window: the navigation rail).
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.cancel()
        self.changed.emit()

    def cancel(self) -> None:
        """Closes the editor and throws its text (and the section's draft) away."""
        self._draft_timer.stop()
        if self._section_id is not None:
            try:
                self._store.notes.discard_draft(self._section_id)
            except StoreError as error:  # the draft is offered again next time
                _say_not_saved(self.not_saved, error)
        self._close_editor()
        self.changed.emit()

    def _close_editor(self) -> None:
        self.draft_label.hide()
        self.editor_box.hide()  # first: clearing the text below is then no edit to keep
        self._editing = None
        self._paragraph = None
        self.editor.clear()

    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete note"), self.tr("Delete this note? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self._store.notes.delete(int(item.data(ID_ROLE)))
            except StoreError as error:
                _say_not_saved(self.not_saved, error)
                return
            self.refresh()
            self.changed.emit()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtGui import QKeyEvent

        if watched is self.editor and isinstance(event, QKeyEvent) and (
            event.type() == QKeyEvent.Type.KeyPress
        ):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class BookmarksTab(QWidget):
    """Every bookmark in the report; Enter opens one, F2 renames, Delete removes."""

    open_requested = Signal(str, object)  # section id, paragraph or None
    changed = Signal()

    def __init__(self, store: Store, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._report = report
        self.list = QListWidget()
        self.list.setObjectName("BookmarksList")
        self.list.setAccessibleName(self.tr("Bookmarks"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemChanged.connect(self._renamed)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = _empty_label(
            self.tr("No bookmarks yet. Press Ctrl+D while reading to bookmark the place you "
                    "are at.")
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.list)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(self._start_rename)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.not_saved = _not_saved_label()
        layout.addWidget(self.not_saved)
        self.refresh()

    def refresh(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        marks = self._store.bookmarks.all()
        for mark in marks:
            self.list.addItem(self._item(mark))
        self.list.blockSignals(False)
        self.pages.setCurrentIndex(1 if marks else 0)
        self._update_buttons()

    def _item(self, mark: Bookmark) -> QListWidgetItem:
        section = self._report.get(mark.section_id) if mark.section_id in self._report else None
        title = section.label if section else mark.section_id
        item = QListWidgetItem(mark.label or title)
        item.setData(ID_ROLE, mark.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, (mark.section_id, mark.paragraph))
        item.setToolTip(title + "\n" + self.tr("Added {time}. F2 renames.").format(
            time=local_time(mark.created_at)))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _update_buttons(self) -> None:
        selected = self.list.currentItem() is not None and self.pages.currentIndex() == 1
        for button in (self.open_button, self.rename_button, self.remove_button):
            button.setEnabled(selected)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            section_id, paragraph = item.data(Qt.ItemDataRole.UserRole + 1)
            self.open_requested.emit(section_id, paragraph)

    def _start_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        try:
            self._store.bookmarks.rename(int(item.data(ID_ROLE)), item.text())
        except StoreError as error:
            _say_not_saved(self.not_saved, error)
            return
        self.changed.emit()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            try:
                self._store.bookmarks.remove(int(item.data(ID_ROLE)))
            except StoreError as error:
                _say_not_saved(self.not_saved, error)
                return
            self.refresh()
            self.changed.emit()


class NotesPanel(QTabWidget):
    def __init__(self, store: Store, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotesPanel")
        self.setDocumentMode(True)
        self.setMinimumWidth(220)
        self.notes = NotesTab(store)
        self.bookmarks = BookmarksTab(store, report)
        self.addTab(self.notes, self.tr("Notes"))
        self.addTab(self.bookmarks, self.tr("Bookmarks"))
