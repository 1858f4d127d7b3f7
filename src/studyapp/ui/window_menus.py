"""The main window's menu bar and what its entries do: File (import, question sets, exports,
profile details, backups, profiles, quit), Go, Reading, View (appearance, language), Help (keyboard
shortcuts, data folder, About).

``WindowMenus`` is the base of ``MainWindow`` (ui/main_window.py), which adds the rail and
the views. Its texts are translated with ``translate("MainWindow", ...)``: Qt looks ``self.tr``
up under the class of the object (MainWindow), while lupdate would file a ``self.tr`` written
here under WindowMenus, and no translation would be found. A new menu entry goes in
``_fill_menus`` with its handler beside the others here (the menus themselves are made
by ``_add_menus``; MainWindow fills them after the start's first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QMainWindow, QMenu

from studyapp import __version__
from studyapp.core.language import LANGUAGES
from studyapp.core.language import SETTINGS_KEY as LANGUAGE_KEY
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, plural
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours, ThemeChoice
from studyapp.ui.translations import current_language

if TYPE_CHECKING:  # the dialogs' classes load with the menu entries that use them
    from PySide6.QtCore import QUrl

    from studyapp.core.report import Report
    from studyapp.core.store import Store
    from studyapp.ui.reader import ReaderView
    from studyapp.ui.store_jobs import StoreJobs

translate = QCoreApplication.translate

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


class WindowMenus(QMainWindow):
    """The menus and their actions; MainWindow sets the attributes below."""

    appearance_changed = Signal()  # the learner chose another theme; the window is rebuilt
    profile_requested = Signal(str)  # the learner chose another profile (or a new one)
    restore_requested = Signal(Path)  # File → Backups → Restore, confirmed
    sets_changed = Signal()  # question sets were imported, changed or removed

    settings: QSettings
    data_dir: Path
    colours: Colours
    theme: ThemeChoice
    store: Store | None
    report: Report
    reader: ReaderView
    view_actions: dict[str, QAction]  # Go: one per view (Ctrl+1..4), in the rail's order
    store_jobs: StoreJobs | None = None  # the session's backup thread (ui/launch.py)

    def _add_menus(self) -> None:
        """The menu bar's menus, empty: File, Go, Reading, View, Help."""
        menus = self.menuBar()
        self.file_menu = menus.addMenu(translate("MainWindow", "&File"))
        self.go_menu = menus.addMenu(translate("MainWindow", "&Go"))
        self.reading_menu = menus.addMenu(translate("MainWindow", "&Reading"))
        self.view_menu = menus.addMenu(translate("MainWindow", "&View"))
        self.help_menu = menus.addMenu(translate("MainWindow", "&Help"))

    def _fill_menus(self) -> None:
        """The menus' entries and the window's shortcuts."""
        file_menu = self.file_menu
        self.import_action = self._action(translate("MainWindow", "&Import question set…"),
                                          "Ctrl+O", self.import_files, "file-up")
        self.sets_action = self._action(translate("MainWindow", "Question &sets…"),
                                        "Ctrl+Shift+Q", self.manage_sets)
        self.data_folder_action = self._action(translate("MainWindow", "Open &data folder"),
                                               None, self.open_data_folder)
        quit_action = self._action(translate("MainWindow", "&Quit"),
                                   QKeySequence.StandardKey.Quit, self.close)
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.export_action = self._action(translate("MainWindow", "&Export results…"), "Ctrl+E",
                                          self.export_results)
        self.report_action = self._action(translate("MainWindow", "Export progress &report (PDF)…"),
                                          "Ctrl+Shift+E", self.export_progress_report)
        self.details_action = self._action(translate("MainWindow", "Profile &details…"), None,
                                           self.edit_profile_details)
        self.new_set_action = self._action(translate("MainWindow", "&New question set…"),
                                           "Ctrl+Shift+N", self.new_question_set)
        self.edit_set_action = self._action(translate("MainWindow", "Edi&t question set…"),
                                            "Ctrl+Shift+O", self.edit_question_set)
        file_menu.addActions([self.import_action, self.sets_action, self.new_set_action,
                              self.edit_set_action, self.export_action, self.report_action,
                              self.details_action])
        self.backups_action = self._action(translate("MainWindow", "&Backups…"), None,
                                           self.show_backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        self.profiles_menu = file_menu.addMenu(translate("MainWindow", "Pr&ofile"))
        self.profiles_menu.aboutToShow.connect(self._fill_profiles_menu)
        self.new_profile_action = QAction(translate("MainWindow", "&New profile…"), self)
        self.new_profile_action.triggered.connect(self.new_profile)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.go_menu.addActions(list(self.view_actions.values()))
        theme_menu = self.view_menu.addMenu(translate("MainWindow", "A&ppearance"))
        self.theme_actions = QActionGroup(self)
        for choice, text in ((ThemeChoice.SYSTEM, translate("MainWindow", "Follow the &system")),
                             (ThemeChoice.LIGHT, translate("MainWindow", "&Light")),
                             (ThemeChoice.DARK, translate("MainWindow", "&Dark"))):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(choice is self.theme)
            action.setData(choice.value)
            action.triggered.connect(lambda _checked=False, c=choice: self._choose_theme(c))
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)
        self._build_language_menu()

        help_menu = self.help_menu
        help_menu.addAction(self._action(translate("MainWindow", "&Keyboard shortcuts"), "F1",
                                         self.show_shortcuts))
        help_menu.addAction(self.data_folder_action)
        help_menu.addAction(self._action(translate("MainWindow", "&About StudyApp"), None,
                                         self.show_about))

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

    def _build_language_menu(self) -> None:
        """View → Language: each language in its own words; greyed out, with the reason, when
        IT locked it or this run was started with --lang or STUDYAPP_LANG."""
        chosen = current_language()
        menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == chosen.code)
            action.setData(code)
            action.setEnabled(not chosen.locked)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            self.language_actions.addAction(action)
            menu.addAction(action)
        if chosen.locked:
            reason = {
                "locked": translate("MainWindow", "Your organisation sets the language on this "
                                                  "PC."),
                "option": translate("MainWindow", "StudyApp was started with --lang; start it "
                                                  "without to choose here."),
                "environment": translate("MainWindow", "StudyApp was started with "
                                                       "STUDYAPP_LANG set; start it without to "
                                                       "choose here."),
            }[chosen.source]
            menu.setToolTipsVisible(True)
            for action in self.language_actions.actions():
                action.setToolTip(reason)
        else:
            menu.addSeparator()
            note = menu.addAction(translate("MainWindow", "Switches at once; no restart needed"))
            note.setEnabled(False)

    def _choose_language(self, code: str) -> None:
        """Keeps the learner's choice and builds the window anew in it (no restart)."""
        if code != current_language().code:
            self.settings.setValue(LANGUAGE_KEY, code)
            self.appearance_changed.emit()

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
            self.sets_changed.emit()
            sets = plural(len(set_ids), translate("MainWindow", "question set"),
                          translate("MainWindow", "question sets"))
            self.statusBar().showMessage(
                translate("MainWindow", "Imported {sets}.").format(sets=sets), 5000)

    def manage_sets(self) -> None:
        from studyapp.ui.sets_dialog import QuestionSetsDialog

        if self.store is None:
            return
        dialog = QuestionSetsDialog(self.store, self)
        dialog.changed.connect(self.sets_changed)
        dialog.exec()

    def new_question_set(self) -> None:
        """File → New question set: a title, then the question editor on an empty set."""
        from studyapp.ui.editor_open import ask_new_draft

        draft = ask_new_draft(self)
        if draft is not None:
            self._open_editor(draft)

    def edit_question_set(self) -> None:
        """File → Edit question set…: a set of the profile or a file, in the question editor."""
        from studyapp.ui.editor_open import ask_draft_to_edit

        draft = ask_draft_to_edit(self.store, self)
        if draft is not None:
            self._open_editor(draft)

    def _open_editor(self, draft: Any) -> None:
        from studyapp.ui.editor_open import open_editor

        window = open_editor(draft, self.report, self.settings, self.colours, self.store, None)
        window.imported.connect(self._imported)
        self.editors = [w for w in getattr(self, "editors", []) if w.isVisible()] + [window]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
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
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from studyapp.core.files import RefusedTarget
        from studyapp.core.stats import export_results

        if self.store is None:
            return
        suggested = Path.home() / f"studyapp-results-{self.store.profile}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Export results"), str(suggested),
            translate("MainWindow", "CSV for Excel (*.csv)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        try:
            count = export_results(self.store, self.report, target)
        except RefusedTarget as refusal:
            QMessageBox.warning(self, translate("MainWindow", "Export results"), str(refusal))
            return
        except OSError as error:
            QMessageBox.warning(
                self, translate("MainWindow", "Export results"),
                translate("MainWindow", "The results could not be written to {target} "
                                        "({reason}). Choose another folder and try again.").format(
                    target=target, reason=error.strerror or error))
            return
        self.statusBar().showMessage(
            translate("MainWindow", "Exported {count} rows to {target}.").format(
                count=count, target=target), 6000)

    def export_progress_report(self) -> None:
        """File → Export progress report: the dashboard as a PDF for A4."""
        from studyapp.ui.progress_report import export_progress_report

        if self.store is not None:
            target = export_progress_report(self.store, self.report, self.colours, self)
            if target is not None:
                self.statusBar().showMessage(
                    translate("MainWindow", "Progress report saved to {path}.").format(
                        path=target), 6000)

    def edit_profile_details(self) -> None:
        from PySide6.QtWidgets import QDialog

        from studyapp.ui.dashboard import ProfileDetailsDialog

        if self.store is None:
            return
        name, unit = self.store.progress.profile_details()
        dialog = ProfileDetailsDialog(name, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            from studyapp.core.store import StoreError

            try:
                self.store.progress.set_profile_details(dialog.name.text(), dialog.unit.text())
            except StoreError as error:  # a full disk...: said, the details stay as they were
                self.statusBar().showMessage(
                    translate("MainWindow", "Not saved: %1").replace("%1", str(error)), 10000)

    def show_backups(self) -> None:
        """File → Backups: the profile's backups; a confirmed restore reopens the profile."""
        from studyapp.ui.profile_dialogs import BackupsDialog

        if self.store is None:
            return
        dialog = BackupsDialog(self.store.backups, self, self.store_jobs)
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
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from studyapp.core.paths import DataDirError, list_profiles, validate_profile_name

        name, accepted = QInputDialog.getText(
            self, translate("MainWindow", "New profile"),
            translate("MainWindow", "Each learner keeps their own progress in a profile.\n"
                    "Name of the new profile:"))
        if not accepted or not name.strip():
            return
        try:
            name = validate_profile_name(name)
        except DataDirError as error:
            QMessageBox.warning(self, translate("MainWindow", "New profile"), str(error))
            return
        from studyapp.core.paths import canonical_profile_name

        name = canonical_profile_name(self.data_dir, name)  # "zhang" is the existing "Zhang"
        if name in list_profiles(self.data_dir):
            QMessageBox.information(
                self, translate("MainWindow", "New profile"),
                translate("MainWindow", "There is already a profile “{name}”; it is opened "
                                        "now.").format(name=name))
        self.switch_profile(name)

    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))


    def show_shortcuts(self) -> None:
        from studyapp.ui.shortcuts_dialog import ShortcutsDialog  # not needed at start-up

        ShortcutsDialog(self.all_actions(), self).exec()

    def show_about(self) -> None:
        import html  # not needed at start-up

        from PySide6.QtWidgets import QMessageBox

        features = "".join(
            f"<li>{html.escape(QCoreApplication.translate('About', line))}</li>"
            for line in ABOUT_FEATURES)
        QMessageBox.about(
            self, translate("MainWindow", "About StudyApp"),
            f"<h3>StudyApp {html.escape(__version__)}</h3>"
            + translate("MainWindow", "<p>Research on improving the innovation ability of leading "
                                      "bodies and leading cadres, to read offline with your "
                                      "progress kept.</p>")
            + f"<ul>{features}</ul>"
            + translate("MainWindow", "<p>Everything stays on this PC; StudyApp never uses the "
                                      "network.</p>")
            + translate("MainWindow", "<p>Your data: {folder}</p>").format(
                folder=html.escape(str(self.data_dir)))
            + translate("MainWindow", "<p>Icons: Lucide (ISC licence).</p>"),
        )

    def _choose_theme(self, choice: ThemeChoice) -> None:
        if choice is not self.theme:
            self.settings.setValue("appearance/theme", choice.value)
            self.appearance_changed.emit()
