"""The question sets of a profile: list, details, import, export and removal.

``QuestionSetsDialog(store)`` lists the profile's sets (built-in ones marked and protected),
shows the selected set's details with its counts by type and by report section, and offers
Import… (the import dialog), Export… (the set as a native YAML file, written atomically) and
Remove… (after a confirmation; learners' history is kept).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.files import write_text_atomically
from studyapp.core.store import SetInfo, Store, StoreError
from studyapp.ui import import_dialog
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, local_time, plural
from studyapp.ui.item_browser import ItemBrowser
from studyapp.ui.set_labels import format_label, section_label, section_order, types_text
from studyapp.ui.widgets import (
    GAP,
    MARGIN,
    SMALL_GAP,
    counts_table,
    fit_to_screen,
    heading,
    line_icon,
    message_row,
    muted,
    plain,
    plain_tip,
    show_message,
)

__all__ = ["BUILTIN_TOOLTIP", "QuestionSetsDialog"]

# Shown through self.tr(), as are COLUMNS: QT_TRANSLATE_NOOP marks them for pyside6-lupdate.
BUILTIN_TOOLTIP = QT_TRANSLATE_NOOP(
    "QuestionSetsDialog",
    "Built-in sets come with StudyApp and cannot be removed. "
    "Updating StudyApp keeps them up to date."
)
EXPORT_FILTER = QT_TRANSLATE_NOOP("QuestionSetsDialog", "StudyApp question set (*.yaml *.yml)")

_last_export_folder: str = ""


class QuestionSetsDialog(QDialog):
    """The profile's question sets. ``changed`` is emitted when sets were added or removed."""

    changed = Signal()

    LIST, EMPTY = range(2)
    COLUMNS = (QT_TRANSLATE_NOOP("QuestionSetsDialog", "Set"),
               QT_TRANSLATE_NOOP("QuestionSetsDialog", "Questions"),
               QT_TRANSLATE_NOOP("QuestionSetsDialog", "Cards"),
               QT_TRANSLATE_NOOP("QuestionSetsDialog", "Kind"))

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question sets"))
        self.setObjectName("questionSetsDialog")
        self.setMinimumSize(760, 480)
        fit_to_screen(self, 980, 620)
        self._store = store
        self._infos: dict[str, SetInfo] = {}
        self._build()
        self.refresh()

    # -- construction --

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list = QTreeWidget()
        self.list.setColumnCount(len(self.COLUMNS))
        self.list.setHeaderLabels([self.tr(name) for name in self.COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Question sets"))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._show_details())
        self.list.installEventFilter(self)  # Delete on the list: Remove…
        self.splitter.addWidget(self.list)

        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.splitter.addWidget(self.details_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 480])
        self.pages.addWidget(self.splitter)

        self.empty_label = muted(QLabel(self.tr(
            "No question sets in this profile yet.\n\nChoose Import… to add one from a file "
            "(.yaml, .yml, .csv, .xlsx, .gift or .txt)."
        )))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages.addWidget(self.empty_label)

        self.message_row, self.message_icon, self.message = message_row()
        self.message.setObjectName("setsMessage")
        layout.addWidget(self.message_row)

        buttons = QHBoxLayout()
        buttons.setSpacing(SMALL_GAP)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add or update question sets from files"))
        self.import_button.clicked.connect(self.import_sets)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the selected set as a StudyApp YAML file"))
        self.export_button.clicked.connect(self.export_selected)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.import_button, self.export_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.close_button.setDefault(True)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    # -- public API --

    def refresh(self, select: str | None = None) -> None:
        """Reloads the list from the store, keeping (or moving to) the selected set."""
        keep = select or self.selected_id()
        infos = self._store.question_sets.list()
        self._infos = {info.id: info for info in infos}
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for info in infos:
            item = QTreeWidgetItem([
                info.title, str(info.question_count), str(info.card_count),
                self.tr("Built-in") if info.builtin else self.tr("Imported"),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(0, plain_tip(f"{info.title} ({info.id})"))
            if info.builtin:
                item.setToolTip(3, self.tr(BUILTIN_TOOLTIP))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if info.id == keep:
                chosen = item
        if chosen is None and self.list.topLevelItemCount():
            chosen = self.list.topLevelItem(0)
        self.pages.setCurrentIndex(self.LIST if infos else self.EMPTY)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self._show_details()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return str(value) if value is not None else None

    def select(self, set_id: str) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == set_id:
                self.list.setCurrentItem(item)
                return

    def import_sets(self) -> None:
        """Import… : the file dialog, then the import dialog, then a fresh list."""
        ids = import_dialog.choose_and_import(self._store, self)
        if ids:
            self.refresh(select=ids[0])
            sets = plural(len(ids), self.tr("question set"), self.tr("question sets"))
            self._say(self.tr("Imported {sets}.").format(sets=sets),
                      QStyle.StandardPixmap.SP_DialogApplyButton)
            self.changed.emit()

    def export_selected(self) -> None:
        """Export… : the selected set as native YAML, in a file the user names."""
        global _last_export_folder
        info = self._selected_info()
        if info is None:
            return
        start = str(Path(_last_export_folder or Path.home()) / f"{info.id}.yaml")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export question set"), start,
                                              self.tr(EXPORT_FILTER))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_name(target.name + ".yaml")
        from studyapp.core.questionsets.native import dump

        try:
            text = dump(self._store.question_sets.get(info.id))
        except (StoreError, ValueError) as error:
            self._say(self.tr("“{title}” cannot be exported: {error}").format(
                title=info.title, error=error),
                      QStyle.StandardPixmap.SP_MessageBoxCritical)
            return
        try:
            write_text_atomically(target, text)
        except OSError as error:
            self._say(
                self.tr("“{title}” could not be saved to {target} ({error}). Choose another "
                        "folder and try again.").format(
                    title=info.title, target=target, error=error.strerror or error),
                QStyle.StandardPixmap.SP_MessageBoxCritical,
            )
            return
        _last_export_folder = str(target.parent)
        self._say(self.tr("Exported “{title}” to {target}.").format(
                  title=info.title, target=target),
                  QStyle.StandardPixmap.SP_DialogApplyButton)

    def remove_selected(self) -> None:
        """Remove… : after a confirmation naming the set; built-in sets are refused."""
        info = self._selected_info()
        if info is None:
            return
        if info.builtin:
            self._say(self.tr(BUILTIN_TOOLTIP), QStyle.StandardPixmap.SP_MessageBoxInformation)
            return
        counts = self.tr("{questions} and {cards}").format(
            questions=plural(info.question_count, self.tr("question"), self.tr("questions")),
            cards=plural(info.card_count, self.tr("card"), self.tr("cards")))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove question set"),
            self.tr("Remove “{title}” ({counts}) from this profile?\n\n"
                    "Learners' history (answers, reviews and scores) is kept. Importing the "
                    "file again brings the set back together with that history.").format(
                title=info.title, counts=counts),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("removeSetBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title is the trainer's text
        # The app's line icons, not Qt's stock ones (which some styles also put on buttons).
        size = box.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        box.setIconPixmap(line_icon(QStyle.StandardPixmap.SP_MessageBoxQuestion,
                                    box.palette()).pixmap(size, size))
        for button in box.buttons():
            button.setIcon(QIcon())
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else 0
        try:
            self._store.question_sets.remove(info.id)
        except StoreError as error:
            self._say(str(error.args[0] if error.args else error),
                      QStyle.StandardPixmap.SP_MessageBoxCritical)
            return
        self.refresh()
        if self.list.topLevelItemCount():
            next_item = self.list.topLevelItem(min(row, self.list.topLevelItemCount() - 1))
            if next_item is not None:
                self.list.setCurrentItem(next_item)
        self._say(self.tr("Removed “{title}”. Learners' history is kept.").format(
                  title=info.title),
                  QStyle.StandardPixmap.SP_DialogApplyButton)
        self.changed.emit()

    # -- details --

    def _selected_info(self) -> SetInfo | None:
        set_id = self.selected_id()
        return self._infos.get(set_id) if set_id is not None else None

    def _say(self, text: str, kind: QStyle.StandardPixmap | None) -> None:
        show_message(self.message_row, self.message_icon, self.message, text, kind)

    def _show_details(self) -> None:
        info = self._selected_info()
        self.export_button.setEnabled(info is not None)
        self.remove_button.setEnabled(info is not None and not info.builtin)
        self.remove_button.setToolTip(
            self.tr(BUILTIN_TOOLTIP) if info is not None and info.builtin
            else self.tr("Remove the selected set from this profile")
        )
        body = QWidget()
        body.setObjectName("setDetails")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(SMALL_GAP)
        if info is None:
            layout.addWidget(muted(QLabel(self.tr("Select a set to see its details."))))
            layout.addStretch(1)
            self.details_scroll.setWidget(body)
            return
        self.details_title = heading(info.title)
        layout.addWidget(self.details_title)
        if info.builtin:
            badge = muted(QLabel(self.tr("Built-in · comes with StudyApp")))
            badge.setToolTip(self.tr(BUILTIN_TOOLTIP))
            layout.addWidget(badge)
        if info.description:
            description = plain(QLabel(info.description))
            description.setWordWrap(True)
            description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(description)
        layout.addSpacing(SMALL_GAP)

        facts = QGridLayout()
        facts.setHorizontalSpacing(GAP)
        facts.setVerticalSpacing(SMALL_GAP // 2)
        rows = [
            ("Set id", self.tr("Set id"), info.id),
            ("Version", self.tr("Version"), info.version or "–"),
            ("Source", self.tr("Source"), info.source or "–"),
            ("Format", self.tr("Format"), format_label(info.format)),
            ("Imported", self.tr("Imported"), local_time(info.imported_at)),
            ("Questions", self.tr("Questions"), f"{info.question_count}"
             + (f"  ({types_text(info.by_type)})" if info.by_type else "")),
            ("Cards", self.tr("Cards"), str(info.card_count)),
        ]
        self.facts: dict[str, QLabel] = {}
        for row, (name, shown, value) in enumerate(rows):
            key = muted(QLabel(shown))
            key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label = plain(QLabel(value))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name == "Source":
                label.setToolTip(plain_tip(value))
            facts.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(label, row, 1)
            self.facts[name] = label
        facts.setColumnStretch(1, 1)
        layout.addLayout(facts)

        sections: dict[str | None, int] = {}
        for section_id, count in info.by_section.items():
            sections[section_id or None] = sections.get(section_id or None, 0) + count
        if sections and set(sections) != {None}:
            layout.addSpacing(SMALL_GAP)
            table_rows = [(section_label(s, True), [sections[s]]) for s in section_order(sections)]
            self.sections_table = counts_table((self.tr("By report section"), self.tr("Items")),
                                               table_rows)
            layout.addWidget(self.sections_table)
        # The questions themselves, so that a trainer can check what the set asks.
        self.items = ItemBrowser(Qt.Orientation.Vertical)
        self.items.setMinimumHeight(420)
        try:
            question_set = self._store.question_sets.get(info.id)
        except StoreError:
            question_set = None
        if question_set is not None and (question_set.questions or question_set.cards):
            layout.addSpacing(SMALL_GAP)
            layout.addWidget(heading(self.tr("Questions and cards"), 1.1))
            self.items.set_sets([question_set])
            layout.addWidget(self.items, 1)
        layout.addStretch(1)
        self.details_scroll.setWidget(body)

    def details_text(self) -> str:
        """The details pane's text (for tests and accessibility checks)."""
        widget = self.details_scroll.widget()
        if widget is None:
            return ""
        texts = [label.text() for label in widget.findChildren(QLabel)
                 if label.objectName() != "itemDetail"]
        return html.unescape("\n".join(texts))
