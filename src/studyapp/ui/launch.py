"""Starting the GUI: the Qt application, the profile, the theme and the main window.

Problems a user can meet before the window exists (a data folder they cannot write to, a
profile from a newer StudyApp, a broken install) are shown as a plain message box that
says what to do, never as a traceback.
"""

from __future__ import annotations

import sys
import traceback
from argparse import Namespace
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from studyapp.core.paths import DataDirError, resolve_data_dir, validate_profile_name
from studyapp.core.report import load_report
from studyapp.core.resources import MissingResourceError
from studyapp.core.store import StoreError, open_store
from studyapp.ui.theme import ThemeChoice, apply_theme, ui_font

APP_NAME = "StudyApp"
SETTINGS_FILE = "settings.ini"
LOG_FILE = "studyapp-errors.log"


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
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "StudyApp cannot start.")
    box.setInformativeText(message)
    box.exec()


def run_gui(args: Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setStyle("Fusion")
    app.setFont(ui_font())
    try:
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        profile = validate_profile_name(getattr(args, "profile", None))
        report = load_report()
        store = open_store(data_dir, profile)
    except (DataDirError, StoreError, MissingResourceError) as error:
        apply_theme(app, ThemeChoice.SYSTEM)
        show_startup_error(str(error))
        return 1
    try:
        store.question_sets.ensure_builtin()
    except (StoreError, MissingResourceError) as error:
        # The reader still works without the built-in sets; say what is wrong and go on.
        QMessageBox.warning(None, APP_NAME, str(error))

    from studyapp.ui.main_window import MainWindow

    settings = settings_for(data_dir)
    choice = theme_choice(settings)
    colours = apply_theme(app, choice)
    window = MainWindow(store, report, settings, data_dir, colours, choice)
    previous_hook = sys.excepthook
    sys.excepthook = _error_reporter(data_dir / LOG_FILE, window)
    window.show()
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        store.close()


def _error_reporter(log: Path, parent: QWidget) -> Callable[
    [type[BaseException], BaseException, TracebackType | None], None
]:
    """An unexpected error is written to a log and explained; the app keeps running."""

    def report(kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        try:
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}")
            where = f"The details were saved to {log}."
        except OSError:
            where = "The details could not be saved."
        QMessageBox.warning(
            parent, APP_NAME,
            f"Something went wrong: {error}. Your progress is saved. {where} "
            "Please send that file to your IT contact.",
        )

    return report
