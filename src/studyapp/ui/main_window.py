"""The main window: a navigation rail on the left, the current view, menus and a status bar."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyapp import __version__
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, plural
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours, ThemeChoice

if TYPE_CHECKING:
    from studyapp.core.report import Report
    from studyapp.core.store import Store
    from studyapp.ui.dashboard import DashboardView
    from studyapp.ui.flashcards import FlashcardsView
    from studyapp.ui.quiz_view import QuizView

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

# What this version does, one line per feature, for Help > About (README.md lists the same).
# Translated with QCoreApplication.translate("About", ...) when shown; QT_TRANSLATE_NOOP
# marks them for pyside6-lupdate.
ABOUT_FEATURES = [
    QT_TRANSLATE_NOOP("About", "Reader: the report section by section, with contents, search, "
                               "notes and bookmarks."),
    QT_TRANSLATE_NOOP("About", "Question sets: trainers import, check and export their own "
                               "questions."),
    QT_TRANSLATE_NOOP("About", "Flashcards: spaced repetition (FSRS) on decks that follow the "
                               "report."),
    QT_TRANSLATE_NOOP("About", "Quizzes: practice, timed exams, a mistake notebook, the "
                               "four-relationships challenge and a daily quiz."),
    QT_TRANSLATE_NOOP("About", "Progress: a dashboard of where you stand and a progress report "
                               "to print."),
]


class MainWindow(QMainWindow):
    appearance_changed = Signal()  # the learner chose another theme; the window is rebuilt
    profile_requested = Signal(str)  # the learner chose another profile (or a new one)
    restore_requested = Signal(Path)  # File → Backups → Restore, confirmed

    def __init__(self, settings: QSettings, data_dir: Path, colours: Colours,
                 theme: ThemeChoice, profile: str) -> None:
        """The window's frame: rail, menus and status bar. :meth:`attach` adds the views
        once the profile is open, so the window shows before the heavier modules load."""
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir
        self.colours = colours
        self.theme = theme
        self.store: Store | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle("StudyApp")
        # Room for the contents, the reading column and the notes side by side (the panels'
        # own minimums add up to less); a fixed minimum also keeps the window from changing
        # its minimum as panels open and close.
        self.setMinimumSize(960, 600)
        self.setAcceptDrops(True)

        self.stack = QStackedWidget()
        self.opening = QLabel(self.tr("Opening the profile “{profile}”…").format(profile=profile))
        self.opening.setProperty("role", "muted")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.views: dict[str, QWidget] = {}

        self.rail = QFrame()
        self.rail.setObjectName("NavigationRail")
        self.rail.setFixedWidth(88)
        rail_layout = QVBoxLayout(self.rail)
        rail_layout.setContentsMargins(0, 8, 0, 8)
        rail_layout.setSpacing(4)
        self.rail_buttons = QButtonGroup(self)
        self.rail_buttons.setExclusive(True)
        self.view_actions: dict[str, QAction] = {}
        for number, (key, label, icon_name, tip) in enumerate(VIEWS, start=1):
            button = QToolButton()
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

        central = QWidget()
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

        self._build_menus()
        self.set_ready(False)
        self._restore_geometry()

    def attach(self, store: Store, report: Report) -> None:
        """Adds the views for the open profile and goes back to where the learner was."""
        from studyapp.ui.reader import ReaderView

        self.store = store
        self.report = report
        self.profile_label.setToolTip(str(store.path))
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
        self.reader.resume()

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
        for action in [*self.view_actions.values(), self.import_action, self.sets_action,
                       self.export_action, self.report_action, self.details_action,
                       self.backups_action]:
            action.setEnabled(ready)
        self.profiles_menu.setEnabled(ready)

    # -- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menus = self.menuBar()

        file_menu = menus.addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import question set…"), "Ctrl+O",
                                          self.import_files, "file-up")
        self.sets_action = self._action(self.tr("&Question sets…"), "Ctrl+Shift+Q",
                                        self.manage_sets)
        self.data_folder_action = self._action(self.tr("Open &data folder"), None,
                                               self.open_data_folder)
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.export_action = self._action(self.tr("&Export results…"), "Ctrl+E",
                                          self.export_results)
        self.report_action = self._action(self.tr("Export progress &report (PDF)…"),
                                          "Ctrl+Shift+E", self.export_progress_report)
        self.details_action = self._action(self.tr("Profile &details…"), None,
                                           self.edit_profile_details)
        file_menu.addActions([self.import_action, self.sets_action, self.export_action,
                              self.report_action, self.details_action])
        self.backups_action = self._action(self.tr("&Backups…"), None, self.show_backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        self.profiles_menu = file_menu.addMenu(self.tr("&Profile"))
        self.profiles_menu.aboutToShow.connect(self._fill_profiles_menu)
        self.new_profile_action = QAction(self.tr("&New profile…"), self)
        self.new_profile_action.triggered.connect(self.new_profile)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.go_menu = menus.addMenu(self.tr("&Go"))
        self.go_menu.addActions([self.view_actions[key] for key, *_ in VIEWS])
        self.reading_menu = menus.addMenu(self.tr("&Reading"))
        self.view_menu = menus.addMenu(self.tr("&View"))
        theme_menu = self.view_menu.addMenu(self.tr("&Appearance"))
        self.theme_actions = QActionGroup(self)
        for choice, text in ((ThemeChoice.SYSTEM, self.tr("Follow the &system")),
                             (ThemeChoice.LIGHT, self.tr("&Light")),
                             (ThemeChoice.DARK, self.tr("&Dark"))):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(choice is self.theme)
            action.setData(choice.value)
            action.triggered.connect(lambda _checked=False, c=choice: self._choose_theme(c))
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)

        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts))
        help_menu.addAction(self.data_folder_action)
        help_menu.addAction(self._action(self.tr("&About StudyApp"), None, self.show_about))

        for action in self.view_actions.values():
            self.addAction(action)

    def _add_reader_actions(self) -> None:
        reader = self.reader.actions_by_name
        self.go_menu.addSeparator()
        self.go_menu.addActions([reader["previous"], reader["next"], reader["search"]])
        self.reading_menu.addActions([reader["mark_read"], reader["add_note"],
                                      reader["bookmark"], reader["practise"]])
        first = self.view_menu.actions()[0]
        self.view_menu.insertActions(first, [reader["zoom_in"], reader["zoom_out"],
                                             reader["zoom_reset"]])
        self.view_menu.insertSeparator(first)
        self.view_menu.insertActions(first, [reader["toggle_contents"], reader["toggle_notes"]])
        self.view_menu.insertSeparator(first)
        for action in reader.values():
            self.addAction(action)

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object], icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name, self.colours.text))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def all_actions(self) -> list[QAction]:
        """Every action with a shortcut, in menu order (for the shortcuts list)."""
        if self.store is not None:
            self.cards()  # its review actions are in the Cards menu once it is built
        seen: list[QAction] = []

        def collect(actions: list[QAction]) -> None:
            for action in actions:
                menu = action.menu()
                if isinstance(menu, QMenu):
                    collect(menu.actions())
                elif action.shortcuts() and action not in seen:
                    seen.append(action)

        collect(self.menuBar().actions())
        return seen

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

    def import_files(self, paths: list[Path] | None = None) -> None:
        """File → Import (a file dialog first) or files dropped on the window."""
        from studyapp.ui.import_dialog import ImportDialog, choose_and_import

        if self.store is None:
            return
        if paths:
            dialog = ImportDialog(self.store, paths, self)
            dialog.imported.connect(self._imported)
            dialog.exec()
        else:
            self._imported(choose_and_import(self.store, self))

    def _imported(self, set_ids: list[str]) -> None:
        if set_ids:
            self._refresh_study_views()
            sets = plural(len(set_ids), self.tr("question set"), self.tr("question sets"))
            self.statusBar().showMessage(self.tr("Imported {sets}.").format(sets=sets), 5000)

    def manage_sets(self) -> None:
        from studyapp.ui.sets_dialog import QuestionSetsDialog

        if self.store is None:
            return
        dialog = QuestionSetsDialog(self.store, self)
        dialog.changed.connect(self._refresh_study_views)
        dialog.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = self._dropped_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def _dropped_files(self, urls: list[QUrl]) -> list[Path]:
        from studyapp.core.formats import EXTENSIONS

        if self.store is None:
            return []
        return [Path(url.toLocalFile()) for url in urls
                if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in EXTENSIONS]

    def export_results(self) -> None:
        """Writes the profile's results as a CSV file for a trainer (as `studyapp export`)."""
        from studyapp.core.files import RefusedTarget
        from studyapp.core.stats import export_results

        if self.store is None:
            return
        suggested = Path.home() / f"studyapp-results-{self.store.profile}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export results"), str(suggested), self.tr("CSV for Excel (*.csv)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        try:
            count = export_results(self.store, self.report, target)
        except RefusedTarget as refusal:
            QMessageBox.warning(self, self.tr("Export results"), str(refusal))
            return
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Export results"),
                self.tr("The results could not be written to {target} ({reason}). Choose "
                        "another folder and try again.").format(
                    target=target, reason=error.strerror or error))
            return
        self.statusBar().showMessage(
            self.tr("Exported {count} rows to {target}.").format(count=count, target=target),
            6000)

    def export_progress_report(self) -> None:
        """File → Export progress report: the dashboard as a PDF for A4."""
        from studyapp.ui.progress_report import export_progress_report

        if self.store is not None:
            target = export_progress_report(self.store, self.report, self.colours, self)
            if target is not None:
                self.statusBar().showMessage(
                    self.tr("Progress report saved to {path}.").format(path=target), 6000)

    def edit_profile_details(self) -> None:
        from studyapp.ui.dashboard import ProfileDetailsDialog

        if self.store is None:
            return
        name, unit = self.store.progress.profile_details()
        dialog = ProfileDetailsDialog(name, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.store.progress.set_profile_details(dialog.name.text(), dialog.unit.text())

    def show_backups(self) -> None:
        """File → Backups: the profile's backups; a confirmed restore reopens the profile."""
        from studyapp.ui.profile_dialogs import BackupsDialog

        if self.store is None:
            return
        dialog = BackupsDialog(self.store.backups, self)
        chosen: list[Path] = []
        dialog.restore_chosen.connect(chosen.append)
        dialog.exec()
        if chosen:  # once the dialog is gone: restoring rebuilds this window
            self.restore_requested.emit(chosen[0])

    def _fill_profiles_menu(self) -> None:
        from studyapp.core.paths import list_profiles

        self.profiles_menu.clear()
        current = self.store.profile if self.store is not None else ""
        group = QActionGroup(self.profiles_menu)
        for name in sorted(set(list_profiles(self.data_dir)) | {current}):
            action = self.profiles_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self.switch_profile(n))
        self.profiles_menu.addSeparator()
        self.profiles_menu.addAction(self.new_profile_action)

    def switch_profile(self, name: str) -> None:
        if self.store is not None and name != self.store.profile:
            self.profile_requested.emit(name)

    def new_profile(self) -> None:
        from studyapp.core.paths import DataDirError, list_profiles, validate_profile_name

        name, accepted = QInputDialog.getText(
            self, self.tr("New profile"),
            self.tr("Each learner keeps their own progress in a profile.\n"
                    "Name of the new profile:"))
        if not accepted or not name.strip():
            return
        try:
            name = validate_profile_name(name)
        except DataDirError as error:
            QMessageBox.warning(self, self.tr("New profile"), str(error))
            return
        from studyapp.core.paths import canonical_profile_name

        name = canonical_profile_name(self.data_dir, name)  # "zhang" is the existing "Zhang"
        if name in list_profiles(self.data_dir):
            QMessageBox.information(
                self, self.tr("New profile"),
                self.tr("There is already a profile “{name}”; it is opened now.").format(
                    name=name))
        self.switch_profile(name)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    # -- help ------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.all_actions(), self).exec()

    def show_about(self) -> None:
        features = "".join(
            f"<li>{html.escape(QCoreApplication.translate('About', line))}</li>"
            for line in ABOUT_FEATURES)
        QMessageBox.about(
            self, self.tr("About StudyApp"),
            f"<h3>StudyApp {html.escape(__version__)}</h3>"
            + self.tr("<p>Research on improving the innovation ability of leading bodies and "
                      "leading cadres, to read offline with your progress kept.</p>")
            + f"<ul>{features}</ul>"
            + self.tr("<p>Everything stays on this PC; StudyApp never uses the network.</p>")
            + self.tr("<p>Your data: {folder}</p>").format(folder=html.escape(str(self.data_dir)))
            + self.tr("<p>Icons: Lucide (ISC licence).</p>"),
        )

    def _choose_theme(self, choice: ThemeChoice) -> None:
        if choice is not self.theme:
            self.settings.setValue("appearance/theme", choice.value)
            self.appearance_changed.emit()

    # -- window state ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.store is not None:
            self.reader.save_state()
            if self._quiz_view is not None:
                self._quiz_view.save_state()
            self.store = None  # closed windows write nothing more
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)


class ShortcutsDialog(QDialog):
    """Every shortcut, read from the actions themselves so the list is never out of date."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(560, 600)
        self.table = QTableWidget(0, 2)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        rows = [(a.text().replace("&", "").rstrip("…"),
                 ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                           for s in a.shortcuts())) for a in actions]
        rows += [
            (self.tr("Next / previous section (in the text or the contents)"), "Right, Left"),
            (self.tr("Expand / collapse a part (in the contents)"), "Plus, Minus"),
            (self.tr("Scroll the text; at the end, the next section"), "Down, Up, PageDown, Space"),
            (self.tr("Note the selected passage (in the text)"), "N"),
            (self.tr("Leave the search"), "Esc"),
            (self.tr("Cards: start the selected deck"), "Enter"),
            (self.tr("Cards: show the answer"), "Space, Enter"),
            (self.tr("Cards: grade Again, Hard, Good, Easy"), "1, 2, 3, 4"),
            (self.tr("Cards: grade Good (the answer shown)"), "Space, Enter"),
            (self.tr("Cards: leave the review"), "Esc"),
            (self.tr("Quiz: start the selected mode"), "Enter"),
            (self.tr("Quiz: pick or tick an option; pair a row (matching)"), "1 … 9"),
            (self.tr("Quiz: answer, then go on after the feedback"), "Enter"),
            (self.tr("Quiz: move the selected item (ordering)"), "Ctrl+Up, Ctrl+Down"),
            (self.tr("Quiz: read the evidence in context"), "Ctrl+Shift+R"),
            (self.tr("Exam: previous / next question"), "PageUp, PageDown"),
            (self.tr("Exam: flag the question"), "Ctrl+G"),
            (self.tr("Exam: show the answer card"), "Ctrl+K"),
            (self.tr("Exam: submit"), "Ctrl+Return"),
            (self.tr("Quiz: leave (an exam asks first)"), "Esc"),
        ]
        for text, keys in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def _fill(page: QWidget, view: QWidget) -> None:
    """Puts a view built on first use into the page that stood in for it."""
    layout = page.layout()
    assert layout is not None
    layout.addWidget(view)
