"""The main window: a navigation rail on the left, the current view and a status bar; the
menus and what their entries do are in ui/window_menus.py (its base class)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.formatting import QT_TRANSLATE_NOOP
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours, ThemeChoice
from studyapp.ui.workbench import WorkbenchMenus

if TYPE_CHECKING:
    from studyapp.core.report import Report
    from studyapp.core.store import Store
    from studyapp.ui.dashboard import DashboardView
    from studyapp.ui.flashcards import FlashcardsView
    from studyapp.ui.quiz_view import QuizView
    from studyapp.ui.reader import ReaderView

VIEWS = [
    # (key, rail label, icon, what the view is for)
    # the labels and tips are shown through self.tr(): QT_TRANSLATE_NOOP marks them for lupdate
    ("read", QT_TRANSLATE_NOOP("MainWindow", "Read"), "book-open",
     QT_TRANSLATE_NOOP("MainWindow", "Read the report")),
    ("cards", QT_TRANSLATE_NOOP("MainWindow", "Cards"), "layers",
     QT_TRANSLATE_NOOP("MainWindow", "Flashcards")),
    ("quiz", QT_TRANSLATE_NOOP("MainWindow", "Quiz"), "list-checks",
     QT_TRANSLATE_NOOP("MainWindow", "Quizzes")),
    ("progress", QT_TRANSLATE_NOOP("MainWindow", "Progress"), "chart-column",
     QT_TRANSLATE_NOOP("MainWindow", "Your progress")),
]


class MainWindow(WorkbenchMenus):
    # The reader's text, shown before the profile opened, is on screen: time to open it.
    text_painted = Signal()

    def __init__(self, settings: QSettings, data_dir: Path, colours: Colours,
                 theme: ThemeChoice, profile: str, menu_entries_later: bool = False) -> None:
        """The window's frame: rail, menus and status bar. :meth:`attach` adds the views
        once the profile is open, so the window shows before the heavier modules load.
        ``menu_entries_later`` (the start): the menu bar has its menus, and their entries
        come with :meth:`fill_menus` (see :meth:`show_text_early`)."""
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir
        self.colours = colours
        self.theme = theme
        self.store: Store | None = None
        self.profile_name = profile
        self._early_reader: ReaderView | None = None  # the text before the profile opens
        self.text_pending = False  # that text is shown but not painted yet
        self.setObjectName("MainWindow")
        self.setWindowTitle("StudyApp")
        # Room for the contents, the reading column and the notes side by side (the panels'
        # own minimums add up to less); a fixed minimum also keeps the window from changing
        # its minimum as panels open and close.
        self.setMinimumSize(960, 600)
        self.setAcceptDrops(True)

        # Made in their final parents (see ReaderView): the central widget first.
        central = QWidget(self)
        self.stack = QStackedWidget(central)
        self.opening = QLabel(self.tr("Opening the profile “{profile}”…").format(profile=profile))
        self.opening.setProperty("role", "muted")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.views: dict[str, QWidget] = {}

        self.rail = QFrame(central)
        self.rail.setObjectName("NavigationRail")
        self.rail.setFixedWidth(88)
        rail_layout = QVBoxLayout(self.rail)
        rail_layout.setContentsMargins(0, 8, 0, 8)
        rail_layout.setSpacing(4)
        self.rail_buttons = QButtonGroup(self)
        self.rail_buttons.setExclusive(True)
        self.view_actions: dict[str, QAction] = {}
        for number, (key, label, icon_name, tip) in enumerate(VIEWS, start=1):
            button = QToolButton(self.rail)
            button.setObjectName("RailButton")
            button.setText(self.tr(label))
            button.setIcon(icon(icon_name, colours.muted, colours.accent))
            button.setIconSize(QSize(24, 24))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setCheckable(True)
            button.setToolTip(self.tr("{tip} (Ctrl+{number})").format(tip=self.tr(tip),
                                                                        number=number))
            button.setAccessibleName(self.tr(tip))
            button.setFixedWidth(88)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, k=key: self.show_view(k))
            self.rail_buttons.addButton(button, number - 1)
            rail_layout.addWidget(button)
            action = QAction(self.tr(tip), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_view(k))
            self.view_actions[key] = action
        rail_layout.addStretch(1)

        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.rail)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.profile_label = QLabel(self.tr("Profile: {profile}").format(profile=profile))
        self.reading_label = QLabel()
        self.statusBar().addPermanentWidget(self.reading_label)
        self.statusBar().addPermanentWidget(self.profile_label)
        self.statusBar().setSizeGripEnabled(True)

        self._menus_filled = False
        self._add_menus()
        if not menu_entries_later:
            self.fill_menus()
        self.sets_changed.connect(self._refresh_study_views)
        self.set_ready(False)
        self._restore_geometry()

    def fill_menus(self) -> None:
        """The menus' entries and their shortcuts (once)."""
        if not self._menus_filled:
            self._menus_filled = True
            self._fill_menus()
            self.set_ready(self.store is not None)

    def show_text_early(self, report: Report) -> bool:
        """Shows the section the learner was reading, where the settings say, before the
        profile is open (``text_painted`` follows its first paint); False when there is
        nothing to show that way (a first start, another view last time)."""
        from studyapp.ui.reader import ReaderView, saved_place

        if (str(self.settings.value("window/view", "read")) != "read"
                or saved_place(self.settings, self.profile_name, report) is None):
            return False
        self.report = report
        reader = ReaderView(None, report, self.settings, self.colours, self.stack,
                            profile=self.profile_name)
        self.stack.addWidget(reader)
        self.stack.setCurrentWidget(reader)
        reader.resume()
        reader.text.painted.connect(self._early_text_painted)
        self._early_reader = reader
        self.text_pending = True
        return True

    def attach(self, store: Store, report: Report) -> None:
        """Adds the views for the open profile and goes back to where the learner was."""
        from studyapp.ui.reader import ReaderView

        self.fill_menus()  # before the reader's entries join them
        self.store = store
        self.report = report
        self.profile_label.setToolTip(str(store.path))
        early, self._early_reader = self._early_reader, None
        if early is not None:
            if self.text_pending:  # opened before its text was painted: no need to say so
                early.text.painted.disconnect(self._early_text_painted)
            self.reader = early
            early.attach_store(store)  # read marks, notes, and the visit counted
        else:
            self.reader = ReaderView(store, report, self.settings, self.colours)
        self.reader.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.reader.read_changed.connect(self._show_reading_status)
        # The Cards view is built when first used (see cards()): start-up shows the reader.
        self.cards_view: FlashcardsView | None = None
        self.cards_page = QWidget()
        QVBoxLayout(self.cards_page).setContentsMargins(0, 0, 0, 0)
        self.reader.practise_requested.connect(self._practise_section)
        # So are the Quiz and Progress views (quiz_view, dashboard): the reader is what the
        # learner waits for at start-up.
        self._quiz_view: QuizView | None = None
        self._dashboard: DashboardView | None = None
        self.quiz_page, self.progress_page = QWidget(), QWidget()
        for page in (self.quiz_page, self.progress_page):
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        self.views = {
            "read": self.reader,
            "cards": self.cards_page,
            "quiz": self.quiz_page,
            "progress": self.progress_page,
        }
        for page in self.views.values():
            if self.stack.indexOf(page) < 0:
                self.stack.addWidget(page)
        self._add_reader_actions()
        self.cards_menu = QMenu(self.tr("&Cards"), self)
        self.cards_menu.aboutToShow.connect(self.cards)
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.cards_menu)
        self._refresh_study_views()
        self._show_reading_status()
        self.set_ready(True)
        last_view = str(self.settings.value("window/view", "read"))
        self.show_view(last_view if last_view in self.views else "read")
        if early is None:
            self.reader.resume()
        # After the reader's first frame, the services the other views use load while the
        # learner reads, so the first visit to Cards or Progress need not wait for them.
        self.reader.text.painted.connect(self._profile_text_painted)

    def _early_text_painted(self) -> None:
        reader = self._early_reader
        if reader is not None:
            reader.text.painted.disconnect(self._early_text_painted)
            self.text_pending = False
            # Once this frame is on screen: the menus' entries (whose shortcuts but Quit, F1
            # and the appearance wait for the profile anyway), then the profile.
            QTimer.singleShot(0, self.fill_menus)
            QTimer.singleShot(0, self.text_painted.emit)

    def _profile_text_painted(self) -> None:
        self.reader.text.painted.disconnect(self._profile_text_painted)
        if self.store is not None:
            QTimer.singleShot(0, self._load_services)  # once this frame is on screen

    def _load_services(self) -> None:
        store = self.store
        if store is not None:
            for name in ("progress", "question_sets", "quizzes"):  # progress loads reviews
                getattr(store, name)

    def cards(self) -> FlashcardsView:
        """The Cards view, built on first use."""
        if self.cards_view is None:
            from studyapp.ui.flashcards import FlashcardsView

            assert self.store is not None
            view = FlashcardsView(self.store, self.report, self.settings, self.colours,
                                  menu=self.cards_menu)
            view.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
            view.read_in_context.connect(self._read_card_in_context)
            _fill(self.cards_page, view)
            self.cards_view = view
        return self.cards_view

    @property
    def quiz_view(self) -> QuizView:
        """The Quiz view, built on first use."""
        if self._quiz_view is None:
            from studyapp.ui.quiz_view import QuizView

            assert self.store is not None
            view = QuizView(self.store, self.report, self.settings, self.colours)
            view.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            view.read_in_context.connect(self.read_in_context)
            _fill(self.quiz_page, view)
            self._quiz_view = view
        return self._quiz_view

    @property
    def dashboard(self) -> DashboardView:
        """The Progress view, built on first use."""
        if self._dashboard is None:
            from studyapp.ui.dashboard import DashboardView

            assert self.store is not None
            view = DashboardView(self.store, self.report, self.colours)
            view.practise_requested.connect(self.practise)
            _fill(self.progress_page, view)
            self._dashboard = view
        return self._dashboard

    def practise(self, kind: str, section_id: str) -> None:
        """"Practise now" on the dashboard: cards or a quiz on one section, or read it."""
        if kind == "read":
            self.show_view("read")
            self.reader.open_section(section_id)
            return
        if kind == "cards":
            self._practise_section(section_id)  # as the reader's "Practise this section"
            return
        self.show_view("quiz")
        quiz = self.quiz_view
        if quiz.session is not None and not quiz.session.finished:
            return  # a quiz is under way: the learner finishes or leaves it first
        session = quiz.engine.start("practice", f"section:{section_id}")
        if not session.items:
            session.finish()
            self.statusBar().showMessage(
                self.tr("There are no quiz questions on this section yet."), 5000)
            return
        quiz.open(session)

    def set_ready(self, ready: bool) -> None:
        """Until a profile is attached, only what needs none is enabled (menus, Quit, Help)."""
        for button in self.rail_buttons.buttons():
            button.setEnabled(ready)
        for view_action in self.view_actions.values():
            view_action.setEnabled(ready)
        if not self._menus_filled:
            return  # fill_menus sets its entries
        for action in [self.import_action, self.sets_action, self.export_action,
                       self.report_action, self.details_action, self.backups_action]:
            action.setEnabled(ready)
        self.profiles_menu.setEnabled(ready)

    # -- menus -----------------------------------------------------------------------------
    def all_actions(self) -> list[QAction]:
        """Every action with a shortcut, in menu order (for the shortcuts list)."""
        if self.store is not None:
            self.cards()  # its review actions are in the Cards menu once it is built
        return super().all_actions()

    # -- views -----------------------------------------------------------------------------
    def show_view(self, key: str) -> None:
        if key not in self.views:
            return
        index = list(self.views).index(key)
        if key == "cards":
            self.cards()
        elif key == "quiz":
            self.quiz_view  # noqa: B018 - builds the view before it is shown
        elif key == "progress":
            self.dashboard  # noqa: B018 - builds the view before it is shown
        self.stack.setCurrentWidget(self.views[key])
        self.rail_buttons.button(index).setChecked(True)
        self.settings.setValue("window/view", key)
        if key == "read":
            self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
        elif key == "cards":
            self.cards().focus_current()
        elif key == "quiz":
            self.quiz_view.entered()

    def read_in_context(self, section_id: str, quotes: list[str]) -> None:
        """A quiz's "Read in context": the reader at the evidence, highlighted."""
        self.show_view("read")
        self.reader.show_passage(section_id, quotes)

    def current_view(self) -> str:
        current = self.stack.currentWidget()
        return next((key for key, view in self.views.items() if view is current), "")

    def _show_reading_status(self) -> None:
        assert self.store is not None
        done, total = self.report.read_counts(self.store.sections.read_ids())[
            self.report.root.id]
        self.reading_label.setText(self.tr("{done}/{total} sections read").format(
            done=done, total=total))

    # -- files -----------------------------------------------------------------------------
    def _refresh_study_views(self) -> None:
        """The decks and the quiz modes after the question sets changed."""
        if self.cards_view is not None:
            self.cards_view.refresh()
        if self._quiz_view is not None:
            self._quiz_view.mark_changed()

    def _read_card_in_context(self, section_id: str, evidence: str) -> None:
        """A card's "Read in context": the reader at its passage, highlighted; Ctrl+2 goes
        back to the same card."""
        from studyapp.core.questionsets.model import evidence_quotes

        self.read_in_context(section_id, evidence_quotes(evidence))
        self.statusBar().showMessage(self.tr("Ctrl+2 goes back to your card."), 6000)

    def _practise_section(self, section_id: str) -> None:
        """The reader's "Practise this section": the Cards view with that section's deck
        (or the nearest part above it that has cards)."""
        from studyapp.core.decks import section_deck_id

        candidates = [section_id] + [s.id for s in reversed(self.report.get(section_id)
                                                              .ancestors())]
        for candidate in candidates:
            if self.cards().open_deck(section_deck_id(candidate)):
                self.show_view("cards")
                self.cards().open_deck(section_deck_id(candidate))
                return
        self.statusBar().showMessage(self.tr("There are no flashcards for this section yet."), 5000)

    # -- window state ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is not None:
            self.reader.save_state()
            if self._quiz_view is not None:
                self._quiz_view.save_state()
            self.write_results_on_close()  # to the results folder, if one is set
            self.store = None  # closed windows write nothing more
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)


def _fill(page: QWidget, view: QWidget) -> None:
    """Puts a view built on first use into the page that stood in for it."""
    layout = page.layout()
    assert layout is not None
    layout.addWidget(view)
