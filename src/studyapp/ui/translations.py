"""The window's language: StudyApp's ``resources/i18n/studyapp_<code>.qm`` and Qt's own
``qtbase_<code>.qm`` (the standard buttons, the file and colour dialogs), installed together
with core's gettext catalogue (core/language.py) so that every word is in one language.

The .ts source is extracted from ``src/studyapp/ui`` with pyside6-lupdate and compiled with
pyside6-lrelease by ``scripts/build_translations.py`` (docs/architecture.md, "Translations").
English is the language of the source texts and needs no file. Switching language (View →
Language) installs the other catalogues and builds the window anew, as a change of theme
does, so no restart is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from studyapp.core import language
from studyapp.core.language import LanguageChoice
from studyapp.core.resources import resource
from studyapp.ui.formatting import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studyapp.core.site_settings import SiteSettings

__all__ = ["current_language", "i18n_folder", "install_translators", "language_for",
           "use_language"]

# Words of Qt's own file dialog that qtbase_zh_CN.qm leaves in English: marked here so that
# lupdate files them under Qt's context, where the dialog looks them up in our catalogue too.
# The labels carry their & shortcut as Qt writes them; "Folder" is the Type column of a folder
# (Qt asks with the note "All other platforms", and falls back to this entry without one).
# A file's type comes from the system's MIME names and its size from QLocale, both in Chinese.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)

_installed: list[QTranslator] = []
_current = LanguageChoice(language.ENGLISH, "system")


def i18n_folder() -> Path | None:
    """``resources/i18n`` as a folder on disk, or None when the app ships no translation."""
    folder = resource("i18n")
    if isinstance(folder, Path) and folder.is_dir():
        return folder
    return None


def install_translators(app: QCoreApplication,
                        locale: QLocale | None = None) -> list[QTranslator]:
    """Installs StudyApp's translation for ``locale`` (the system's by default), trying
    ``studyapp_zh_CN.qm`` then ``studyapp_zh.qm`` and so on as Qt does, and Qt's own; returns
    what was installed (empty when StudyApp has no file for it)."""
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


def language_for(settings: QSettings | None, option: str | None = None,
                 site: SiteSettings | None = None) -> LanguageChoice:
    """The language by core's rule (core/language.py), with the learner's choice from
    ``settings`` and the system's language as Qt sees it. ``site``: the machine-wide
    settings when just read (read anew by default)."""
    if site is None:
        from studyapp.core import site_settings

        site = site_settings.load()
    user = settings.value(language.SETTINGS_KEY) if settings is not None else None
    return language.choose_language(
        option=option, site=site, user=str(user) if user else None,
        system=QLocale.system().name())


def use_language(app: QCoreApplication, choice: LanguageChoice) -> None:
    """Puts the window, Qt's dialogs, dates and numbers (QLocale's default) and core's
    messages in ``choice``'s language, replacing the catalogues of the one before."""
    global _current
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    qt_locale = QLocale(choice.code)
    QLocale.setDefault(qt_locale)
    language.use_language(choice.code)
    if choice.code != language.ENGLISH:
        _installed.extend(install_translators(app, qt_locale))
    _current = choice


def current_language() -> LanguageChoice:
    """The language the window is in, and which rule chose it (for View → Language)."""
    return _current
