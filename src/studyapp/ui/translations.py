"""The interface's translations: ``resources/i18n/studyapp_<locale>.qm``, when there is one.

The .ts source is extracted from ``src/studyapp/ui`` with pyside6-lupdate and compiled with
pyside6-lrelease (docs/architecture.md, "Translations"). None ships yet: without a file for
the locale nothing is installed and the interface stays in English. With one, Qt's own
translation of its standard buttons and dialogs (qtbase, shipped with PySide6) comes too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studyapp.core.resources import resource

__all__ = ["i18n_folder", "install_translators"]


def i18n_folder() -> Path | None:
    """``resources/i18n`` as a folder on disk, or None when the app ships no translation."""
    folder = resource("i18n")
    if isinstance(folder, Path) and folder.is_dir():
        return folder
    return None


def install_translators(app: QCoreApplication,
                        locale: QLocale | None = None) -> list[QTranslator]:
    """Installs StudyApp's translation for ``locale`` (the system's by default), trying
    ``studyapp_zh_CN.qm`` then ``studyapp_zh.qm`` and so on as Qt does; returns what was
    installed (empty when there is no file for it)."""
    folder = i18n_folder()
    if folder is None:
        return []
    locale = locale or QLocale()
    ours = QTranslator(app)
    if not ours.load(locale, "studyapp", "_", str(folder)):
        return []
    app.installTranslator(ours)
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
