"""Which language StudyApp speaks: one rule for the command line and the window.

The first of these that is set wins:

1. ``--lang CODE`` on the command line (this run only);
2. ``STUDYAPP_LANG`` in the environment (this run only: IT scripts, tests, a shortcut);
3. ``language`` in ``[locked]`` of IT's ``studyapp-site.ini`` (core/site_settings.py): the
   learner's View → Language menu is then greyed out;
4. the learner's own choice from View → Language (stored by the window, in settings.ini);
5. ``language`` in ``[defaults]`` of ``studyapp-site.ini``;
6. the system's language (the window passes Qt's ``QLocale.system().name()``; the command
   line reads ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``, or the OS locale).

Every code is normalised to one StudyApp ships (:data:`LANGUAGES`): any Chinese spelling
(``zh``, ``zh-CN``, ``zh_Hans_CN``, ``zh_CN.UTF-8``) is ``zh_CN``; everything else is English.
Core and the command line render their messages through ``core_<code>.mo`` (gettext, see
core/messages.py); the window adds Qt's ``studyapp_<code>.qm`` (ui/translations.py).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from studyapp.core.messages import use_catalogue
from studyapp.core.record import Record
from studyapp.core.resources import MissingResourceError, resource

if TYPE_CHECKING:
    from studyapp.core.site_settings import SiteSettings

ENGLISH = "en"
CHINESE = "zh_CN"
# The languages StudyApp ships, each with its name as its speakers write it (the menu's words).
LANGUAGES: dict[str, str] = {CHINESE: "中文", ENGLISH: "English"}
ENV_VAR = "STUDYAPP_LANG"
OPTION = "--lang"
SETTINGS_KEY = "appearance/language"  # the learner's choice in the window's settings.ini


class LanguageChoice(Record):
    """The language in use, and which rule chose it (``source``: "option", "environment",
    "locked", "user", "site", "system"), so the menu can say why it cannot change it."""

    code: str
    source: str

    @property
    def locked(self) -> bool:
        """The learner's menu choice does not apply: IT locked it, or this run was told."""
        return self.source in ("option", "environment", "locked")


def normalise(code: str | None) -> str | None:
    """The shipped language a locale or language code means; None for an empty code."""
    if code is None:
        return None
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    if not code:
        return None
    if code.lower().split("_")[0] == "zh" or code.lower().startswith("chinese"):
        return CHINESE
    return ENGLISH


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The system's language as gettext finds it: ``LANGUAGE``'s first entry, then
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; else the OS locale (Windows has no variables)."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0]
        if value and value not in ("C", "POSIX"):
            return normalise(value) or ENGLISH
        if value:  # C or POSIX: the plain English locale
            return ENGLISH
    try:
        import locale  # the command line's fallback (the window asks Qt): ~1 ms to import

        os_locale = locale.getlocale()[0]
    except ValueError:
        os_locale = None
    return normalise(os_locale) or ENGLISH


def option_value(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (``--lang zh_CN`` or ``--lang=zh_CN``), read before
    the parser is built so that its help is already in that language."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == OPTION and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(OPTION + "="):
            return arg.split("=", 1)[1]
    return None


def choose_language(*, option: str | None = None, environ: Mapping[str, str] | None = None,
                    site: SiteSettings | None = None, user: str | None = None,
                    system: str | None = None) -> LanguageChoice:
    """The language by the rule in this module's docstring. ``system`` is the system's
    locale name when the caller knows it better (Qt); otherwise :func:`system_language`."""
    environ = os.environ if environ is None else environ
    site_value = site.language if site is not None else None
    candidates: list[tuple[str | None, str]] = [
        (option, "option"),
        (environ.get(ENV_VAR), "environment"),
        (site_value.value if site_value is not None and site_value.locked else None, "locked"),
        (user, "user"),
        (site_value.value if site_value is not None and not site_value.locked else None,
         "site"),
    ]
    for value, source in candidates:
        code = normalise(value)
        if code is not None:
            return LanguageChoice(code, source)
    return LanguageChoice(normalise(system) or system_language(environ), "system")


def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled gettext catalogue of core's messages for ``code`` (``core_zh_CN.mo``);
    English, the language of the templates, needs none."""
    if code == ENGLISH:
        return gettext.NullTranslations()
    try:
        with resource("i18n", f"core_{code}.mo").open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, MissingResourceError):
        return gettext.NullTranslations()  # a build without it still runs, in English


def use_language(code: str) -> None:
    """Core and the command line render every message in ``code`` from now on."""
    use_catalogue(catalogue(code))
