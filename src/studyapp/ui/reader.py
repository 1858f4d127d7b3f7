"""The Read view: contents and search on the left, the section in the middle, notes on the right.

Reading progress goes to the profile through ``store.sections``: the first opening, the time
spent (while the window is active), the scroll position, and "read" -- set by the learner or
automatically once they have reached the end of a section and stayed a reasonable time.

The view can show its text before the profile is open (``store`` None): the section and
place the learner was at come from the settings (:func:`saved_place`), and
:meth:`ReaderView.attach_store` adds what needs the profile (read marks, notes, the time
kept) once it is open. The text is what the learner waits for at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.report import Report, Section
from studyapp.core.store_errors import StoreError
from studyapp.ui.contents import ContentsPanel
from studyapp.ui.icons import icon
from studyapp.ui.section_text import SectionText
from studyapp.ui.theme import Colours, clamp_zoom, reading_font

if TYPE_CHECKING:
    from studyapp.core.reading_session import ReadingSession
    from studyapp.core.search import SearchHit
    from studyapp.core.store import Store

TICK_MS = 500
FLUSH_SECONDS = 15.0  # time spent is written at most this often while reading
POSITION_SAVE_MS = 400
_WORD = re.compile(r"\w+", re.UNICODE)
PLACE_KEY = "reader/place"  # profile, section id, scroll position: the text before the profile


def saved_place(settings: QSettings, profile: str, report: Report) -> tuple[str, float] | None:
    """The section and position ``profile``'s learner was reading, as the settings last
    kept them; None when they name another profile or a section the report lacks."""
    value = settings.value(PLACE_KEY)
    if not isinstance(value, list) or len(value) != 3 or value[0] != profile:
        return None
    section_id, position = str(value[1]), str(value[2])
    try:
        fraction = float(position)
    except ValueError:
        return None
    return (section_id, fraction) if section_id in report else None


class ReaderView(QWidget):
    read_changed = Signal()  # a section was marked read or unread
    status_message = Signal(str)
    practise_requested = Signal(str)  # "Practise this section": open its flashcard deck

    def __init__(self, store: Store | None, report: Report, settings: QSettings,
                 colours: Colours, parent: QWidget | None = None, profile: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ReaderView")
        self._store = store
        self._profile = store.profile if store is not None else profile
        self._report = report
        self._settings = settings
        self._colours = colours
        # The time a visit takes to count as read; None: core's rule (dwell_seconds), whose
        # module (with the clock's) loads with the profile, after the text is painted.
        self.dwell_for: Callable[[Section], float] | None = None
        self.section: Section | None = None
        self.reading: ReadingSession | None = None  # this visit's time and read rule
        self._zoom = clamp_zoom(int(str(settings.value("reader/zoom", 0))))

        # Each widget is made in its final parent: a subtree moved into a parent later is
        # styled anew (the app's style sheet), the whole of it each time.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.contents = ContentsPanel(report, colours, self.splitter)
        centre = QWidget(self.splitter)
        self.contents.section_activated.connect(self.open_section)
        self.contents.hit_activated.connect(self.open_hit)
        self.contents.tree.step_requested.connect(
            lambda step: self.go_next() if step > 0 else self.go_previous())

        self.text = SectionText(colours, centre)
        self.text.next_requested.connect(self.go_next)
        self.text.previous_requested.connect(self.go_previous)
        self.text.section_link.connect(self.open_section)
        self.text.scrolled.connect(self._scrolled)

        self.previous_button = QPushButton(centre)
        self.previous_button.setIcon(icon("chevron-left", colours.text))
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton(centre)
        self.next_button.setIcon(icon("chevron-right", colours.text))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.next_button.clicked.connect(self.go_next)
        self.read_button = QPushButton(centre)
        self.read_button.setObjectName("MarkReadButton")
        self.read_button.setCheckable(True)
        self.read_button.setIcon(icon("circle-check", colours.muted, colours.success))
        self.read_button.clicked.connect(self._read_button_clicked)
        self.notes_button = QPushButton(centre)
        self.notes_button.setObjectName("NotesButton")
        self.notes_button.setCheckable(True)
        self.notes_button.setIcon(icon("sticky-note", colours.text))
        self.notes_button.setToolTip(self.tr("Show or hide notes and bookmarks (Ctrl+Shift+B)"))
        self.notes_button.clicked.connect(self._toggle_notes)
        self.practise_button = QPushButton(self.tr("Practise"), centre)
        self.practise_button.setObjectName("PractiseButton")
        self.practise_button.setIcon(icon("layers", colours.text))
        self.practise_button.setToolTip(
            self.tr("Practise this section's flashcards (Ctrl+Shift+P)"))
        self.practise_button.clicked.connect(self.practise)
        for button in (self.previous_button, self.next_button, self.read_button,
                       self.notes_button, self.practise_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(24, 8, 24, 16)
        bottom.setSpacing(8)
        bottom.addWidget(self.previous_button)
        bottom.addStretch(1)
        bottom.addWidget(self.read_button)
        bottom.addWidget(self.notes_button)
        bottom.addWidget(self.practise_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)

        self.welcome = QLabel(centre)
        self.welcome.setObjectName("WelcomeBanner")
        self.welcome.setWordWrap(True)
        self.welcome.setTextFormat(Qt.TextFormat.RichText)
        self.welcome.setStyleSheet(
            f"QLabel#WelcomeBanner {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; padding: 12px 16px; margin: 16px 24px 0; }}"
        )
        self.welcome.hide()

        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.welcome)
        centre_layout.addWidget(self.text, 1)
        centre_layout.addLayout(bottom)
        centre.setAutoFillBackground(True)
        palette = centre.palette()
        palette.setColor(centre.backgroundRole(), self.text.palette().base().color())
        centre.setPalette(palette)

        # The notes need the profile: until it is open, an empty panel holds their place.
        notes_place = QWidget(self.splitter)
        notes_place.setMinimumWidth(220)

        self.splitter.setObjectName("ReaderSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.contents)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(notes_place)
        self._notes_side = notes_place  # the notes panel once the profile is open
        self.splitter.splitterMoved.connect(lambda *_: self._fit_navigation_labels())
        self.splitter.setStretchFactor(1, 1)
        self.contents.setMinimumWidth(200)
        self.centre = centre
        centre.installEventFilter(self)  # Previous/Next fit their words to its width
        self.splitter.setSizes([300, 760, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        saved = settings.value("reader/splitter")
        if saved is not None:
            self.splitter.restoreState(saved)
        self.contents.setVisible(settings.value("reader/contents_visible", "true") == "true")
        # Hidden until asked for: the text gets the room (the Notes button shows the count).
        notes_place.setVisible(settings.value("reader/notes_visible", "false") == "true")

        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_SAVE_MS)
        self._position_timer.timeout.connect(self._save_position)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        self._tick_timer.start()

        self.actions_by_name = self._make_actions()
        # Tab follows the layout: contents (search, tree), the text and its buttons, notes.
        chain = [self.contents.search_field, self.contents.tree, self.text,
                 self.previous_button, self.read_button, self.notes_button, self.next_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for button in (self.read_button, self.notes_button, self.practise_button):
            button.setEnabled(False)  # until the profile is open
        if store is not None:
            self._attach(store)

    def _attach(self, store: Store) -> None:
        """What needs the profile: the notes panel, the read marks, the buttons."""
        from studyapp.ui.notes_panel import NotesPanel

        self._store = store
        self._profile = store.profile
        panel = NotesPanel(store, self._report)
        panel.bookmarks.open_requested.connect(self.open_section)
        panel.notes.changed.connect(self._show_note_count)
        panel.notes.closed.connect(lambda: self.text.setFocus(Qt.FocusReason.OtherFocusReason))
        notes_place, self._notes_side = self._notes_side, panel
        panel.setVisible(not notes_place.isHidden())
        self.splitter.replaceWidget(self.splitter.indexOf(notes_place), panel)
        notes_place.deleteLater()
        self.notes_panel = panel
        QWidget.setTabOrder(self.next_button, panel)
        for button in (self.read_button, self.notes_button, self.practise_button):
            button.setEnabled(True)
        self.refresh_progress()

    def attach_store(self, store: Store) -> None:
        """The profile is open: read marks and notes join the text shown from the settings,
        and the visit is counted; the profile's own last place wins if it differs."""
        self._attach(store)
        last = store.sections.last_opened()
        section = self.section
        if section is None or section.id != last:
            self.section = None
            self.resume()
            return
        self._start_visit(section)
        stored = store.sections.progress(section.id).position
        if abs(stored - self.text.position()) > 0.001:
            self.text.restore_position(stored)
        self._update_controls()

    # -- actions ---------------------------------------------------------------------------
    def _make_actions(self) -> dict[str, QAction]:
        def action(name: str, text: str, shortcuts: list[str], slot: Callable[[], object],
                   icon_name: str | None = None, checkable: bool = False) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
            made.setCheckable(checkable)
            if icon_name:
                made.setIcon(icon(icon_name, self._colours.text))
            made.triggered.connect(slot)
            return made

        actions = {
            "previous": action("previous", self.tr("&Previous section"), ["Alt+Left"],
                               self.go_previous, "chevron-left"),
            "next": action("next", self.tr("&Next section"), ["Alt+Right"], self.go_next,
                           "chevron-right"),
            "mark_read": action("mark_read", self.tr("&Mark section as read"), ["Ctrl+M"],
                                self.toggle_read, "circle-check"),
            "search": action("search", self.tr("&Search the report…"), ["Ctrl+F"],
                             self.contents.focus_search, "search"),
            "add_note": action("add_note", self.tr("Add &note…"), ["Ctrl+N"], self.add_note,
                               "sticky-note"),
            "bookmark": action("bookmark", self.tr("&Bookmark this place"), ["Ctrl+D"],
                               self.add_bookmark, "bookmark"),
            "zoom_in": action("zoom_in", self.tr("Zoom &in"), ["Ctrl+=", "Ctrl++"],
                              lambda: self.set_zoom(self._zoom + 1)),
            "zoom_out": action("zoom_out", self.tr("Zoom &out"), ["Ctrl+-"],
                               lambda: self.set_zoom(self._zoom - 1)),
            "zoom_reset": action("zoom_reset", self.tr("&Actual size"), ["Ctrl+0"],
                                 lambda: self.set_zoom(0)),
            "toggle_contents": action("toggle_contents", self.tr("&Contents"), ["Ctrl+Shift+C"],
                                      self._toggle_contents, "panel-left", checkable=True),
            "toggle_notes": action("toggle_notes", self.tr("Notes and &bookmarks"),
                                   ["Ctrl+Shift+B"], self._toggle_notes, "panel-right",
                                   checkable=True),
            "practise": action("practise", self.tr("&Practise this section"), ["Ctrl+Shift+P"],
                               self.practise, "layers"),
        }
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._text_menu)
        actions["toggle_contents"].setChecked(not self.contents.isHidden())
        notes_shown = not self._notes_side.isHidden()
        actions["toggle_notes"].setChecked(notes_shown)
        self.notes_button.setChecked(notes_shown)
        # N with a passage selected: the quick way to note it (only while the text has focus).
        quick_note = QAction(self.tr("Note the selected passage"), self.text)
        quick_note.setShortcut(QKeySequence("N"))
        quick_note.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        quick_note.triggered.connect(self._note_selection)
        self.text.addAction(quick_note)
        for made in actions.values():
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return actions

    # -- opening sections ------------------------------------------------------------------
    def resume(self) -> None:
        """Opens the section the learner was reading last, at the same place (before the
        profile is open, where the settings say)."""
        if self._store is None:
            place = saved_place(self._settings, self._profile, self._report)
            if place is not None:
                self.open_section(place[0], position=place[1])
            return
        last = self._store.sections.last_opened()
        if last is None or last not in self._report:
            self.welcome.setText(
                self.tr("<b>Welcome to StudyApp.</b> Read the report section by section: your "
                        "place and progress are kept on this PC. Start below with the "
                        "introduction, or go straight to <a href='section:suggestions.5'>part "
                        "III (5), the four relationships</a>. Ctrl+F searches the whole report.")
            )
            self.welcome.linkActivated.connect(
                lambda link: self.open_section(link.partition(":")[2]))
            self.welcome.show()
            self.open_section(self._report.sections[0].id)
            return
        self.open_section(last, position=self._store.sections.progress(last).position)

    def open_section(self, section_id: str, paragraph: int | None = None,
                     position: float | None = None) -> None:
        if section_id not in self._report:
            self.status_message.emit(self.tr("There is no section '{id}' in the report.").format(
                id=section_id))
            return
        section = self._report.get(section_id)
        if self.section is not section:
            if self.section is not None:
                self.welcome.hide()  # the learner has found their way
            self._leave_section()
            self.section = section
            self.text.show_section(self._report, section, reading_font(self._zoom))
            self._start_visit(section)
        self.contents.tree.select(section_id)
        if paragraph is not None:
            self.text.scroll_to_paragraph(paragraph)
        else:
            self.text.restore_position(position or 0.0)
        self._update_controls()
        kept = self._settings.value(PLACE_KEY)
        self._keep_place()
        if not (isinstance(kept, list) and kept[:2] == [self._profile, section_id]):
            # The next start shows this section before the profile opens, even after a
            # power cut (written now: the file is synced at the close otherwise, and the
            # start-up's own section, already kept, is not written again).
            self._settings.sync()

    def _start_visit(self, section: Section) -> None:
        """The profile's part of opening a section: recorded, timed, its notes shown."""
        store = self._store
        if store is None:
            return
        from studyapp.core.reading_session import ReadingSession, dwell_seconds

        self._saved(lambda store: store.sections.opened(section.id))
        self.reading = ReadingSession(section, store.clock, section.id in store.sections.read_ids(),
                                      self.dwell_for or dwell_seconds)
        self.notes_panel.notes.show_section(section.id)
        self._show_note_count()

    def _keep_place(self) -> None:
        if self.section is not None:
            self._settings.setValue(PLACE_KEY, [self._profile, self.section.id,
                                                repr(self.text.position())])

    def open_hit(self, hit: SearchHit) -> None:
        words = _WORD.findall(self.contents.search_field.text().lower())
        self.open_section(hit.section_id, paragraph=hit.paragraph)
        self.text.highlight(words, hit.paragraph)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_passage(self, section_id: str, quotes: list[str]) -> None:
        """Opens the section with quoted passages (a card's or a question's evidence)
        highlighted; a quote not found word for word is marked word by word instead."""
        self.open_section(section_id)
        if not self.text.highlight_passage(quotes):
            words = [w for quote in quotes for w in _WORD.findall(quote.lower())]
            self.text.highlight(words[:12], None)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def practise(self) -> None:
        if self.section is not None:
            self.practise_requested.emit(self.section.id)

    def _text_menu(self, position: QPoint) -> None:
        menu = self.text.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.actions_by_name["practise"])
        menu.exec(self.text.viewport().mapToGlobal(position))
        menu.deleteLater()

    def go_next(self) -> None:
        if self.section is not None:
            following = self._report.next(self.section)
            if following is not None:
                self.open_section(following.id)

    def go_previous(self) -> None:
        if self.section is not None:
            preceding = self._report.previous(self.section)
            if preceding is not None:
                self.open_section(preceding.id)

    def _update_controls(self) -> None:
        if self.section is None:
            return
        preceding = self._report.previous(self.section)
        following = self._report.next(self.section)
        self.previous_button.setEnabled(preceding is not None)
        self.next_button.setEnabled(following is not None)
        self.previous_button.setToolTip(self.tr("Previous: {label} (Left or Alt+Left)").format(
            label=preceding.label) if preceding else "")
        self.next_button.setToolTip(self.tr("Next: {label} (Right or Alt+Right)").format(
            label=following.label) if following else "")
        self._fit_navigation_labels()
        read = (self._store is not None and self.section.is_page
                and self.section.id in self._store.sections.read_ids())
        self.read_button.setVisible(self.section.is_page)
        self.actions_by_name["mark_read"].setEnabled(self.section.is_page)
        self.read_button.setChecked(read)
        self.read_button.setText(self.tr("Read") if read else self.tr("Mark as read"))
        self.read_button.setToolTip(self.tr("Ctrl+M marks it unread") if read
                                    else self.tr("Ctrl+M marks it read"))
        self.actions_by_name["mark_read"].setText(
            self.tr("&Mark section as unread") if read else self.tr("&Mark section as read"))

    # -- progress --------------------------------------------------------------------------
    def refresh_progress(self) -> None:
        if self._store is not None:
            self.contents.show_progress(self._store.sections.read_ids())

    def toggle_read(self) -> None:
        if self.section is None or self._store is None:
            return
        read = self.section.id in self._store.sections.read_ids()
        self._set_read(not read)

    def _read_button_clicked(self) -> None:
        self._set_read(self.read_button.isChecked())

    def _set_read(self, read: bool) -> None:
        if self.section is None or not self.section.is_page:
            return
        section_id = self.section.id
        if not self._saved(lambda store: store.sections.mark_read(section_id, read)):
            self._update_controls()  # the button shows what is stored
            return
        if self.reading is not None:
            self.reading.set_by_hand()
        self.refresh_progress()
        self._update_controls()
        self.read_changed.emit()
        self.status_message.emit(
            (self.tr("Marked “{label}” as read.") if read
             else self.tr("Marked “{label}” as not read.")).format(label=self.section.label))

    def _tick(self) -> None:
        """Tells the reading session what the learner has in front of them; the session
        counts the time and says when the section counts as read."""
        reading = self.reading
        if reading is None:
            return
        in_front = self.isVisible() and (QGuiApplication.applicationState()
                                         == Qt.ApplicationState.ApplicationActive)
        now_read = reading.tick(in_front=in_front, reading=in_front and self._reading_now(),
                                at_end=self.text.at_end())
        if reading.unsaved_seconds >= FLUSH_SECONDS:
            self.flush()
        if now_read:
            self._set_read(True)

    def _reading_now(self) -> bool:
        """Whether the text is what the learner has in front of them."""
        from PySide6.QtWidgets import QPlainTextEdit  # the notes' editor (not at start-up)

        if not self.window().isActiveWindow() or QApplication.activeModalWidget() is not None:
            return False  # a dialog (or another window) covers the text
        focused = QApplication.focusWidget()
        return focused is not self.contents.search_field and not (
            focused is not None and self.notes_panel.isAncestorOf(focused)
            and isinstance(focused, QPlainTextEdit))

    def flush(self) -> None:
        """Writes the time spent and the position of the open section."""
        if self.section is None:
            return
        section_id = self.section.id
        seconds = self.reading.take_unsaved() if self.reading is not None else 0.0
        if seconds > 0 and not self._saved(
                lambda store: store.sections.add_seconds(section_id, seconds)):
            if self.reading is not None:
                self.reading.unsaved_seconds += seconds  # written at the next flush
        self._save_position()

    def _leave_section(self) -> None:
        self.flush()
        self._position_timer.stop()

    def _scrolled(self, _fraction: float) -> None:
        self._position_timer.start()

    def _save_position(self) -> None:
        if self.section is not None:
            section_id, position = self.section.id, self.text.position()
            self._saved(lambda store: store.sections.set_position(section_id, position))
            self._keep_place()

    def _saved(self, write: Callable[[Store], object]) -> bool:
        """Runs one of the reader's writes; one the store refuses (a full disk, a read-only
        file) is said in the status bar, "Not saved: …", never as a crash. Whether it went
        (nothing goes before the profile is open)."""
        if self._store is None:
            return False
        try:
            write(self._store)
        except StoreError as error:
            self.status_message.emit(self.tr("Not saved: %1").replace("%1", str(error)))
            return False
        return True

    # -- notes and bookmarks ---------------------------------------------------------------
    def add_note(self) -> None:
        if self.section is None:
            return
        if self.notes_panel.isHidden():
            self._toggle_notes()
        self.notes_panel.setCurrentWidget(self.notes_panel.notes)
        quote = self.text.textCursor().selectedText().replace("\u2029", " ")
        self.notes_panel.notes.start_new(quote, self.text.selected_paragraph())

    def _note_selection(self) -> None:
        """N in the text: a note on the selected passage; with nothing selected, says how."""
        if self._store is None:
            return  # the notes come with the profile
        if not self.text.textCursor().hasSelection():
            self.status_message.emit(self.tr(
                "Select a passage first, then press N; Ctrl+N notes the whole section."))
            return
        self.add_note()

    def add_bookmark(self) -> None:
        if self.section is None:
            return
        paragraph = self.text.paragraph_at_top()
        section = self.section
        if not self._saved(lambda store: store.bookmarks.add(section.id, paragraph,
                                                             section.label)):
            return
        self.notes_panel.bookmarks.refresh()
        self.status_message.emit(
            self.tr("Bookmarked “{label}”. Bookmarks are listed beside the text.").format(
                label=self.section.label))

    # -- view ------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, zoom: int) -> None:
        self._zoom = clamp_zoom(zoom)
        self._settings.setValue("reader/zoom", self._zoom)
        if self.section is not None:
            position = self.text.position()
            self.text.show_section(self._report, self.section, reading_font(self._zoom))
            self.text.restore_position(position)
        self.status_message.emit(self.tr("Text size {size} pt").format(
            size=reading_font(self._zoom).pointSize()))

    def _toggle_contents(self) -> None:
        self.contents.setVisible(self.contents.isHidden())
        self.actions_by_name["toggle_contents"].setChecked(not self.contents.isHidden())

    def _toggle_notes(self) -> None:
        self.notes_panel.setVisible(self.notes_panel.isHidden())
        shown = not self.notes_panel.isHidden()
        self.actions_by_name["toggle_notes"].setChecked(shown)
        self.notes_button.setChecked(shown)

    def _show_note_count(self) -> None:
        store = self._store
        if store is None:
            self.notes_button.setText(self.tr("Notes"))  # the count comes with the profile
            return
        count = len(store.notes.for_section(self.section.id)) if self.section else 0
        text = self.tr("Notes ({count})").format(count=count) if count else self.tr("Notes")
        if self.notes_panel.notes.has_draft():
            text += self.tr(" · draft")
        self.notes_button.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_navigation_labels()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.centre and event.type() == QEvent.Type.Resize:
            self._fit_navigation_labels()  # the column's own width, whatever changed it
        return super().eventFilter(watched, event)

    def _fit_navigation_labels(self) -> None:
        """Previous/Next keep their words while the column is wide, and their arrows always."""
        wide = self.centre.width() >= 560
        self.previous_button.setText(self.tr("Previous") if wide else "")
        if self.section is not None and self._report.next(self.section) is None:
            self.next_button.setText(self.tr("End of the report") if wide else "")
        else:
            self.next_button.setText(self.tr("Next") if wide else "")

    def save_state(self) -> None:
        """Saves everything before the window closes; nothing is written after this."""
        self._tick_timer.stop()
        self._position_timer.stop()
        self.flush()
        if self._store is not None:
            self.notes_panel.notes.keep_draft()
        self.contents.close_search()
        self._settings.setValue("reader/splitter", self.splitter.saveState())
        self._settings.setValue("reader/contents_visible",
                                "false" if self.contents.isHidden() else "true")
        self._settings.setValue("reader/notes_visible",
                                "false" if self._notes_side.isHidden() else "true")

