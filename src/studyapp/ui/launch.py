"""Starting the GUI: the Qt application, the profile, the theme and the main window.

Problems a user can meet before the window exists (a data folder they cannot write to, a
profile from a newer StudyApp, a broken install) are shown as a plain message box that
says what to do, never as a traceback. A profile open in another StudyApp offers another
profile (``InUseDialog``); a damaged one offers its newest sound backup or a fresh start,
keeping the damaged file (``RecoveryDialog``).

While a profile is open the session holds its lock, backs it up when a backup is due
(checked every minute; the rule is core's ``backup_due``) and when it is closed. Backups run
on a thread of their own (``store_jobs.py``); the close waits for its backup at most
``CLOSE_BACKUP_LIMIT_S``, showing "Making a backup…" when it takes time, and a backup it
stops (the limit, or the learner closing without it) leaves nothing half-written.
"""

from __future__ import annotations

import sys
import threading
import time
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from studyapp.core import app_log
from studyapp.core.paths import DataDirError, resolve_data_dir, validate_profile_name
from studyapp.core.report import Report, load_report
from studyapp.core.resources import MissingResourceError
from studyapp.ui.theme import ThemeChoice, apply_theme, ui_font
from studyapp.ui.translations import current_language, language_for, use_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from studyapp.core.site_settings import SiteSettings
    from studyapp.core.store import Store
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.profile_dialogs import InUseDialog, RecoveryDialog

APP_NAME = "StudyApp"
SETTINGS_FILE = "settings.ini"
BACKUP_CHECK_MS = 60_000
RETRY_OPEN_MS = 1000
GUI_SWITCH_INTERVAL_S = 0.0005  # see start_gui
# The close waits this long at most for its backup, then closes without it.
CLOSE_BACKUP_LIMIT_S = 120.0
# A close backup that takes longer than this shows "Making a backup…".
SHOW_CLOSING_AFTER_MS = 400
# A stopped job ends at its next step (a few MiB of copy); this long is a stuck disk.
STOPPED_JOB_WAIT_S = 5.0


def settings_for(data_dir: Path) -> QSettings:
    """UI state (window, zoom, theme) in an INI file beside the profiles: portable installs
    keep it in their own folder and nothing goes to the registry."""
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def theme_choice(settings: QSettings) -> ThemeChoice:
    value = str(settings.value("appearance/theme", ThemeChoice.SYSTEM.value))
    try:
        return ThemeChoice(value)
    except ValueError:
        return ThemeChoice.SYSTEM


def show_startup_error(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      QCoreApplication.translate("launch", "StudyApp cannot start."))
    box.setInformativeText(message)
    box.exec()


def run_gui(args: Namespace, resume: Callable[[], None] | None = None) -> int:
    """Opens the app window and runs until it closes; 1 when the app cannot start.
    ``resume``: undoes what the caller paused for the start-up (the garbage collector,
    PySide's import hook: app.main_gui_with); called as the profile opens (after the text's
    first paint), or on the way out."""
    try:
        return _run_gui(args, resume)
    finally:
        if resume is not None:
            resume()


def _run_gui(args: Namespace, resume: Callable[[], None] | None) -> int:
    from studyapp.ui.install_check import platform_plugin_problem, show_native_error

    missing_platform = platform_plugin_problem()  # Qt would abort in QApplication()
    if missing_platform is not None:
        show_native_error(missing_platform)
        return 1
    session = start_gui(args)
    if session is None:
        app_log.stop_logging()
        return 1
    session.paused = resume
    app = session.app
    session.failed.connect(lambda: app.exit(1))
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook
    sys.excepthook = _error_reporter(app_log.log_path(session.data_dir), session)
    threading.excepthook = _log_thread_error
    try:
        return app.exec()
    finally:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook
        session.close()
        app_log.stop_logging()


def _log_thread_error(hook: threading.ExceptHookArgs) -> None:
    """An error in a worker thread: logged (a dialog belongs to the GUI thread)."""
    if hook.exc_value is not None:
        app_log.log_error(hook.exc_type, hook.exc_value, hook.exc_traceback,
                          f"uncaught error in thread {hook.thread.name if hook.thread else '?'}")


def start_gui(args: Namespace) -> WindowSession | None:
    """Shows the window's frame and opens the profile right after (from the event loop),
    so the learner sees the app while the database layer loads. A learner who was reading
    sees that section's text in the frame already (where settings.ini says), and the
    profile opens once it is painted. None when the data folder or profile name cannot be
    used (the user has been told why)."""
    existing = QApplication.instance()
    if existing is None:
        # In the Fusion style from the start: no platform style made only to be replaced,
        # and no Python wrapper of the style (PySide's QStyle class set-up, ~3.5 ms).
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle("Fusion")
    # Every Qt call lets go of the interpreter lock; while a worker computes (an import
    # preview, the editor's checks) the window waits for it back once per call, up to the
    # switch interval each time: 0.5 ms instead of 5 keeps a window of thousands of
    # questions answering keys while its checks run (the editor on 10,000: 6.3 s -> 0.75 s).
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from studyapp.core import site_settings

    option = getattr(args, "lang", None)
    site = site_settings.load()  # read once for the start: the language, the log, the window
    use_language(app, language_for(None, option, site))  # until the learner's settings are read
    app.setFont(ui_font())
    try:
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        profile = validate_profile_name(getattr(args, "profile", None))
    except DataDirError as error:
        apply_theme(app, ThemeChoice.SYSTEM)
        show_startup_error(str(error))
        return None
    if not _install_is_whole(app, data_dir, site):
        return None
    session = WindowSession(app, data_dir, profile, option)
    window = session.open_window(text_first=True, site=site)
    if session.report is not None:  # the text is shown: the profile opens once it is painted
        window.text_painted.connect(session.open_profile)
    else:
        QTimer.singleShot(0, session.open_profile)
    return session


def _install_is_whole(app: QApplication, data_dir: Path, site: SiteSettings) -> bool:
    """Starts the log (with the machine-wide settings ``site`` that were read) and checks
    the install; a broken one is explained (and logged)."""
    from studyapp.ui.install_check import broken_install_message, install_problems

    app_log.start_logging(data_dir)
    app_log.log_start(data_dir)
    for path in site.files:
        app_log.log.info("machine-wide settings read from %s", path)
    for problem in site.problems:
        app_log.log.warning("machine-wide settings: %s", problem)
    problems = install_problems()
    if not problems:
        return True
    app_log.log.error("broken install: %s", "; ".join(problems))
    apply_theme(app, ThemeChoice.SYSTEM)
    show_startup_error(broken_install_message(problems))
    return False


class WindowSession(QObject):
    """The main window and the profile it shows.

    When the appearance changes (by the View menu, or by the system while the app follows
    it) the window is built anew in the other theme; the learner's place and panels come
    back through the store and the settings, as after a restart.
    """

    failed = Signal()  # the profile could not be opened; the user has been told why
    damage_met = Signal(str, str)  # a damaged page met in the open profile: file, detail

    def __init__(self, app: QApplication, data_dir: Path, profile: str,
                 language_option: str | None = None) -> None:
        super().__init__()
        from studyapp.ui.store_jobs import StoreJobs

        self.app = app
        self.language_option = language_option  # --lang: wins over the learner's choice
        self.data_dir = data_dir
        self.profile = profile
        self.settings = settings_for(data_dir)
        self.store: Store | None = None
        self.report: Report | None = None
        self.window: MainWindow | None = None
        # A start-up dialog on screen (in use elsewhere, damaged). Not modal: the window
        # stays live, so its close button ends the wait at once.
        self.dialog: QDialog | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        # While the profile is open elsewhere, it opens by itself once the other lets go.
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_OPEN_MS)
        self.retry_timer.timeout.connect(self._retry_open)
        self.jobs = StoreJobs(self)
        self.jobs.finished.connect(self._job_finished)
        self.damage_met.connect(self._damage_met)
        # Core's news of damage is heard from the first open on (its module is the store's).
        self._stop_listening: Callable[[], None] | None = None
        # What start-up paused (see run_gui), resumed as the profile opens.
        self.paused: Callable[[], None] | None = None

    def open_window(self, text_first: bool = False, site: SiteSettings | None = None
                    ) -> MainWindow:
        """A new window for the session's profile. ``text_first`` (the start): before the
        profile is open, the section the learner was reading is shown where the settings
        say, and ``self.report`` is set when it was. ``site``: the machine-wide settings
        when just read (read anew by default)."""
        from studyapp.ui.main_window import MainWindow

        before = current_language().code
        use_language(self.app, language_for(self.settings, self.language_option, site))
        choice = theme_choice(self.settings)
        colours = apply_theme(self.app, choice)
        window = MainWindow(self.settings, self.data_dir, colours, choice, self.profile,
                            menu_entries_later=text_first)
        window.appearance_changed.connect(self.open_window)
        window.profile_requested.connect(self.switch_profile)
        window.restore_requested.connect(self.restore)
        window.store_jobs = self.jobs  # File → Backups → Back up now runs on it
        window.installEventFilter(self)
        previous, self.window = self.window, window
        if previous is not None:
            previous.removeEventFilter(self)
            previous.close()  # saves its state, which the new window then restores
            previous.deleteLater()
            window.restoreGeometry(previous.saveGeometry())
            if previous.text_pending:  # replaced before its text was painted (a new theme)
                QTimer.singleShot(0, self.open_profile)
        if self.store is not None:
            self.report = self.report or load_report()
            window.attach(self.store, self.report)
        elif text_first:
            try:
                report = load_report()
            except MissingResourceError:
                pass  # the profile's open says so
            else:
                if window.show_text_early(report):
                    self.report = report
        if not window.text_pending:  # else they come right after the text's first paint
            window.fill_menus()
        window.show()
        if previous is not None and current_language().code != before:
            window.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "The window is now in English; no restart is needed."), 8000)
        return window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window closed while a start-up dialog waits: the learner has given up.
        if (watched is self.window and event.type() == QEvent.Type.Close
                and self.dialog is not None):
            self._drop_dialog()
            self.failed.emit()
        return False

    def open_profile(self) -> bool:
        """Opens the profile and shows it in the window. A profile in use elsewhere offers
        another one (and opens when the other lets go); a damaged one offers recovery; any
        other failure says why and quits. False until the profile is open."""
        if self.paused is not None:  # the text is painted: start-up's garbage can go now
            resume, self.paused = self.paused, None
            resume()
        # The database layer (sqlite-utils and what it pulls in) loads here, after the
        # window is on screen.
        from studyapp.core.store import (
            CorruptDatabaseError,
            ProfileInUseError,
            StoreError,
            open_store,
        )

        if self._stop_listening is None:
            self._stop_listening = _listen_for_damage(self)
        try:
            report = self.report or load_report()
            store = open_store(self.data_dir, self.profile, wait=0.5)
        except ProfileInUseError as error:
            self._offer_another_profile(str(error))
            return False
        except CorruptDatabaseError as error:
            self._offer_recovery(error.detail or str(error))
            return False
        except (StoreError, MissingResourceError) as error:
            show_startup_error(str(error))
            return self._give_up()
        self._install_builtin_sets(store)
        self.store, self.report = store, report
        if self.window is not None:
            self.window.attach(store, report)
        self.backup_timer.start()
        if not store.checked:  # the open trusted the file as closed: check it meanwhile
            self.jobs.check(store.path)
        return True

    def _give_up(self) -> bool:
        self._drop_dialog()
        if self.window is not None:
            self.window.close()
        self.failed.emit()
        return False

    def _show_dialog(self, dialog: QDialog) -> None:
        self._drop_dialog()
        self.dialog = dialog
        dialog.setModal(False)
        dialog.show()
        dialog.activateWindow()

    def _drop_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        self.retry_timer.stop()
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def _offer_another_profile(self, detail: str) -> None:
        """The in-use dialog: another profile, or wait for this one, or quit."""
        from studyapp.core.paths import list_profiles
        from studyapp.ui.profile_dialogs import InUseDialog

        others = [name for name in list_profiles(self.data_dir) if name != self.profile]
        dialog = InUseDialog(self.profile, others, detail, self.window)
        dialog.accepted.connect(lambda: self._other_profile_chosen(dialog))
        dialog.rejected.connect(lambda: self._dialog_quit(dialog))
        self._show_dialog(dialog)
        self.retry_timer.start()

    def _other_profile_chosen(self, dialog: InUseDialog) -> None:
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.paths import DataDirError, validate_profile_name

        if self.dialog is not dialog:
            return
        try:
            chosen = validate_profile_name(dialog.chosen)
        except DataDirError as error:
            QMessageBox.warning(dialog, APP_NAME, str(error))
            dialog.show()
            return
        self._drop_dialog()
        self.profile = chosen
        self.open_window()  # a frame that names the chosen profile
        self.open_profile()

    def _dialog_quit(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self._give_up()

    def _retry_open(self) -> None:
        """The in-use dialog's wait: the profile opens once the other StudyApp lets go."""
        from studyapp.core.store.connection import profile_free

        if self.dialog is not None and profile_free(self.data_dir, self.profile):
            self._drop_dialog()
            self.open_profile()

    def _offer_recovery(self, detail: str) -> None:
        """The recovery dialog: the newest sound backup, a fresh start, or quit."""
        from studyapp.core.paths import backups_dir
        from studyapp.core.store import StoreError
        from studyapp.core.store.backups import newest_good_backup
        from studyapp.ui.profile_dialogs import RecoveryDialog

        try:
            backup = newest_good_backup(backups_dir(self.data_dir, self.profile))
        except StoreError:
            backup = None
        dialog = RecoveryDialog(self.profile, detail, backup, self.window)
        dialog.finished.connect(lambda _result: self._recovery_chosen(dialog))
        self._show_dialog(dialog)

    def _recovery_chosen(self, dialog: RecoveryDialog) -> None:
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.clock import system_clock
        from studyapp.core.store import StoreError
        from studyapp.core.store.backups import restore_backup, start_afresh

        if self.dialog is not dialog:
            return
        self._drop_dialog()
        try:
            if dialog.choice == "restore" and dialog.backup is not None:
                kept = restore_backup(self.data_dir, self.profile, dialog.backup.path,
                                      system_clock).kept
            elif dialog.choice == "afresh":
                kept = start_afresh(self.data_dir, self.profile, system_clock)
            else:
                self._give_up()
                return
        except StoreError as error:
            show_startup_error(str(error))
            self._give_up()
            return
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, QCoreApplication.translate(
            "WindowSession", "The damaged file was kept as %1.").replace("%1", str(kept)),
            QMessageBox.StandardButton.Ok, self.window)
        box.exec()
        self.open_profile()

    def _damage_met(self, path: str, detail: str) -> None:
        """A damaged page met while the profile is open (by a view, the backup's check or
        the check after start-up): the profile is closed unwritten and recovery offered."""
        store = self.store
        if store is None or self.dialog is not None or Path(path) != store.path:
            return
        self.backup_timer.stop()
        self.store = None
        if self.window is not None:
            self.window.store = None  # the window writes nothing more to the damaged file
        self.jobs.stop()  # a backup of a damaged file is no use
        self.jobs.wait(STOPPED_JOB_WAIT_S)
        store.close()
        self.open_window()  # a fresh frame, without the views of the damaged profile
        self._offer_recovery(detail or path)

    def _job_finished(self, name: str, problem: str) -> None:
        if problem and name == "backup" and self.window is not None and self.dialog is None:
            self.window.statusBar().showMessage(problem, 10000)

    def backup_if_due(self) -> bool:
        """The timer's backup (every minute it asks core whether one is due), taken on a
        thread of its own (``store_jobs.py``); True when one started."""
        from studyapp.core.store import StoreError

        if self.store is None or self.jobs.busy("backup"):
            return False
        try:
            if not self.store.backups.due():
                return False
            return self.jobs.backup(self.store.backups.job())
        except StoreError as error:
            if self.window is not None:
                self.window.statusBar().showMessage(str(error), 10000)
            return False

    def restore(self, backup: Path) -> bool:
        """File → Backups → Restore: the profile is closed, the backup put back (the current
        file kept first) and the profile opened again in a fresh window."""
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.store import StoreError, open_store

        store = self.store
        if store is None:
            return False
        if self.window is not None and self.window.store is not None:
            self.window.reader.save_state()  # kept in the before-restore backup
            self.window.store = None  # the window writes nothing more to the old file
        self.backup_timer.stop()
        self.jobs.stop()  # the file is kept as a before-restore backup anyway
        self.jobs.wait(STOPPED_JOB_WAIT_S)
        self.store = None
        try:
            store.close_and_restore(backup)
        except StoreError as error:
            QMessageBox.warning(self.window, APP_NAME, str(error))
        try:
            reopened = open_store(self.data_dir, self.profile)
        except StoreError as error:
            show_startup_error(str(error))
            if self.window is not None:
                self.window.close()
            self.failed.emit()
            return False
        self._install_builtin_sets(reopened)
        self.store = reopened
        self.open_window()
        self.backup_timer.start()
        return True

    def switch_profile(self, profile: str) -> bool:
        """Opens another learner's profile in a fresh window; the current one stays open
        when the other cannot be opened."""
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.store import StoreError, open_store

        try:
            store = open_store(self.data_dir, profile, wait=0.5)
        except StoreError as error:
            QMessageBox.warning(self.window, APP_NAME, str(error))
            return False
        self._install_builtin_sets(store)
        previous = self.store
        self.profile, self.store = store.profile, store  # as the file spells it
        self.open_window()  # closes the previous window, which saves its learner's place
        if previous is not None:
            self._close_store(previous)
        return True

    def _install_builtin_sets(self, store: Store) -> None:
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.store import CorruptDatabaseError, StoreError

        try:
            if store.builtin_sets.installed():
                return  # the usual start: the question-set readers need not load
            store.question_sets.ensure_builtin()
        except CorruptDatabaseError:
            # Already reported through core's on_damage: _damage_met closes the profile
            # unwritten and offers recovery once this start-up step returns.
            return
        except (StoreError, MissingResourceError) as error:
            # The reader still works without the built-in sets; say what is wrong and go on.
            QMessageBox.warning(self.window, APP_NAME, str(error))

    def close(self) -> None:
        self.backup_timer.stop()
        self._drop_dialog()
        if self._stop_listening is not None:
            self._stop_listening()
        if self.store is not None:
            store, self.store = self.store, None
            self._close_store(store)
        self.jobs.stop()
        self.jobs.wait(STOPPED_JOB_WAIT_S)

    def _close_store(self, store: Store) -> None:
        """A backup when something changed (on the backup thread, waited for at most
        ``CLOSE_BACKUP_LIMIT_S``), then the store closed (WAL folded, lock freed)."""
        from studyapp.core.store import StoreError

        self.jobs.stop("check")  # the check after start-up: no verdict needed now
        deadline = time.monotonic() + CLOSE_BACKUP_LIMIT_S
        try:
            if self._wait_for_backup(store, deadline) and store.backups.due_on_close():
                self.jobs.backup(store.backups.job())
                self._wait_for_backup(store, deadline)
        except StoreError:
            pass  # the profile itself is saved; a failed backup must not stop the closing
        finally:
            self.jobs.stop()
            self.jobs.wait(STOPPED_JOB_WAIT_S)
            store.close()

    def _wait_for_backup(self, store: Store, deadline: float) -> bool:
        """Until the running backup ends (the window's events go on meanwhile), showing
        "Making a backup…" when it takes time. False when it was stopped instead: the
        deadline passed, or the learner chose to close without it."""
        from PySide6.QtCore import QEventLoop

        from studyapp.ui.profile_dialogs import ClosingBackupDialog

        loop = QEventLoop()
        dialog: list[ClosingBackupDialog] = []
        shown_at = time.monotonic() + SHOW_CLOSING_AFTER_MS / 1000
        stopped = [False]

        def give_up() -> None:
            stopped[0] = True
            self.jobs.stop("backup")
            loop.quit()

        def watch() -> None:
            if not self.jobs.busy("backup"):
                loop.quit()
            elif time.monotonic() >= deadline:
                give_up()
            elif not dialog and time.monotonic() >= shown_at:
                dialog.append(ClosingBackupDialog(store.profile))
                self.jobs.progress.connect(dialog[0].show_progress)
                dialog[0].rejected.connect(give_up)
                dialog[0].show()

        if not self.jobs.busy("backup"):
            return True
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(watch)
        timer.start()
        loop.exec()
        timer.stop()
        for shown in dialog:
            self.jobs.progress.disconnect(shown.show_progress)
            shown.hide()  # not close(): a dialog's close is its reject, "without a backup"
            shown.deleteLater()
        return not stopped[0]

    def _system_scheme_changed(self) -> None:
        if self.window is not None and theme_choice(self.settings) is ThemeChoice.SYSTEM:
            self.open_window()


def _listen_for_damage(session: WindowSession) -> Callable[[], None]:
    """Core's news of a damaged page (from any thread) as the session's queued signal."""
    from studyapp.core.store.checks import on_damage

    def heard(path: Path, detail: str) -> None:
        try:
            session.damage_met.emit(str(path), detail)
        except RuntimeError:
            pass  # the session is gone

    return on_damage(heard)


def _error_reporter(log: Path, session: WindowSession) -> Callable[
    [type[BaseException], BaseException, TracebackType | None], None
]:
    """An unexpected error is written to a log and explained; the app keeps running."""

    def report(kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        app_log.log_error(kind, error, trace)
        if app_log.is_logging_to(log):
            where = QCoreApplication.translate("launch", "The details were saved to {log}.").format(
                log=log)
        else:
            where = QCoreApplication.translate("launch", "The details could not be saved.")
        from studyapp.core.faults import describe_fault

        store = session.store
        fault = describe_fault(error, store.path if store is not None else None)
        if fault is not None and fault.damaged and store is not None:
            return  # the recovery dialog (core told the session) says it better
        profile_problem = fault.message if fault is not None else None
        if profile_problem is not None:
            # A full disk, a read-only or damaged file: say that, not "progress is saved".
            text = QCoreApplication.translate("launch", "{problem} {where}").format(
                problem=profile_problem, where=where)
        else:
            text = QCoreApplication.translate(
                "launch", "Something went wrong: {error}. Your progress is saved. {where} "
                "Please send that file to your IT contact.").format(error=error, where=where)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, session.window)
        box.exec()

    return report
