"""Machine-wide settings that IT sets for every learner on a PC: ``studyapp-site.ini``.

Where it is read from, first match per setting wins:

1. ``$STUDYAPP_SITE_SETTINGS``: one file instead of the search below (empty: none at all),
   for trying a file out and for tests;
2. ``studyapp-site.ini`` beside the program (the install or portable folder);
3. ``studyapp-site.ini`` in the system-wide configuration folder, platformdirs'
   ``site_config_dir("StudyApp")``: ``C:\\ProgramData\\StudyApp`` on Windows,
   ``/etc/xdg/StudyApp`` on Linux (each folder of ``$XDG_CONFIG_DIRS``, in order).

The file has two sections. ``[defaults]`` sets what a learner starts with and may change;
``[locked]`` sets what a learner cannot change (a key there wins over the same key in
``[defaults]`` of the same file)::

    [defaults]
    daily_goal = 20 minutes

    [locked]
    language = zh_CN
    results_folder = \\\\fileserver\\training\\results

Keys: ``language`` (``zh_CN``, ``en``...), ``results_folder`` (a folder; ``~`` and
environment variables such as ``%USERNAME%`` or ``$USER`` are expanded), ``daily_goal``
(``N``, ``N minutes`` or ``N reviews``, N from 1 to 10000), ``portable`` (``true`` keeps the
data in ``data/`` beside the program, as the ``studyapp-portable.txt`` marker does).

A file that cannot be read, or a value that makes no sense, never stops the app: that
setting keeps its built-in default and ``SiteSettings.problems`` says what was wrong and
where (the window writes it to the log, ``logs/studyapp.log`` in the data folder).

Usage: ``settings = site_settings.load()``; then ``settings.language.value`` (None when IT
set nothing) and ``settings.language.locked``. Load once at start-up and pass the result on.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from studyapp.core.messages import Message, msg
from studyapp.core.record import Record

if TYPE_CHECKING:
    import configparser

FILE_NAME = "studyapp-site.ini"
ENV_FILE = "STUDYAPP_SITE_SETTINGS"
SECTIONS = ("defaults", "locked")
MAX_BYTES = 64 * 1024  # a settings file is a few lines; anything bigger is not one
GOAL_KINDS = ("minutes", "reviews")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_Hans|_Hant)?$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

T = TypeVar("T")


class SiteValue(Record, Generic[T]):
    """One setting: its value, whether the learner may change it, and the file it came
    from (None: IT set nothing, ``value`` is the built-in default)."""

    value: T
    locked: bool = False
    source: Path | None = None

    @property
    def is_set(self) -> bool:
        return self.source is not None


class DailyGoal(Record):
    kind: str  # "minutes" or "reviews" (cards reviewed and questions answered)
    target: int


class SiteSettings(Record):
    language: SiteValue[str | None] = SiteValue(None)
    results_folder: SiteValue[Path | None] = SiteValue(None)
    daily_goal: SiteValue[DailyGoal | None] = SiteValue(None)
    portable: SiteValue[bool] = SiteValue(False)
    files: tuple[Path, ...] = ()  # the files that were read, highest priority first
    problems: tuple[Message, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """For ``--json`` output and the log: each key's value, lock and source."""
        out: dict[str, object] = {}
        for key in KEYS:
            setting: SiteValue[object] = getattr(self, key)
            value = setting.value
            if isinstance(value, DailyGoal):
                value = {"kind": value.kind, "target": value.target}
            elif isinstance(value, Path):
                value = str(value)
            out[key] = {"value": value, "locked": setting.locked,
                        "source": str(setting.source) if setting.source else None}
        return out


def program_dirs() -> list[Path]:
    """The folders the program runs from: the executable's (a built app) and the script's."""
    folders: list[Path] = []
    for candidate in (sys.executable, sys.argv[0] if sys.argv and sys.argv[0] else ""):
        if not candidate:
            continue
        folder = Path(candidate).resolve().parent
        if folder not in folders:
            folders.append(folder)
    return folders


def system_dirs() -> list[Path]:
    """The system-wide configuration folders (platformdirs' site config dirs)."""
    from platformdirs import site_config_dir

    joined = site_config_dir("StudyApp", appauthor=False, multipath=True)
    return [Path(part) for part in joined.split(os.pathsep) if part]


def site_files() -> list[Path]:
    """Where ``studyapp-site.ini`` is looked for, highest priority first."""
    if ENV_FILE in os.environ:
        chosen = os.environ[ENV_FILE]
        return [Path(chosen).expanduser()] if chosen.strip() else []
    return [folder / FILE_NAME for folder in (*program_dirs(), *system_dirs())]


def load(files: Sequence[Path] | None = None) -> SiteSettings:
    """The machine-wide settings from ``files`` (default: :func:`site_files`), highest
    priority first. Missing files are skipped; bad ones are reported in ``problems``."""
    problems: list[Message] = []
    found: dict[str, SiteValue[Any]] = {}
    read: list[Path] = []
    for path in site_files() if files is None else files:
        parser = _read(path, problems)
        if parser is None:
            continue
        read.append(path)
        for section in parser.sections():
            if section.lower() not in SECTIONS:
                problems.append(msg("{path}: unknown section [{section}]; use [defaults] or "
                                    "[locked]", path=path, section=section))
        for locked in (True, False):  # [locked] first: it wins within a file
            section = "locked" if locked else "defaults"
            if not parser.has_section(section):
                continue
            for key, raw in parser.items(section):
                if key not in KEYS:
                    problems.append(msg("{path}: unknown setting '{key}' in [{section}]; "
                                        "known: {known}", path=path, key=key,
                                        section=section, known=", ".join(KEYS)))
                    continue
                if key in found:
                    continue
                parsed = _parse(key, raw.strip(), path, problems)
                if parsed is not _INVALID:
                    found[key] = SiteValue(parsed, locked, path)
    return SiteSettings(**found, files=tuple(read), problems=tuple(problems))


def _read(path: Path, problems: list[Message]) -> configparser.ConfigParser | None:
    """The parsed file, None when there is none; only a regular file of a sane size is read
    (a pipe or device in its place must not hang the start)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        problems.append(msg("{path}: cannot be read ({why})", path=path,
                            why=error.strerror or error))
        return None
    if len(data) > MAX_BYTES:
        problems.append(msg("{path}: larger than {size} KiB, so not a settings file; ignored",
                            path=path, size=MAX_BYTES // 1024))
        return None
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte order mark
    except UnicodeDecodeError as error:
        problems.append(msg("{path}:{line}: not UTF-8 text; save the file as UTF-8",
                            path=path, line=data[:error.start].count(b"\n") + 1))
        return None
    import configparser  # only when a machine-wide file exists: most starts have none

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as error:
        line = getattr(error, "lineno", None)
        problems.append(msg("{path}:{line}: not an INI file ({why})", path=path,
                            line=line or 1, why=error.message.splitlines()[0]))
        return None
    return parser


class _Invalid:
    pass


_INVALID = _Invalid()


def _parse(key: str, raw: str, path: Path, problems: list[Message]) -> object:
    problem = None
    value: object = _INVALID
    if key == "language":
        if _LANGUAGE.match(raw):
            value = raw
        else:
            problem = msg("{path}: language '{value}' is not a language code such as zh_CN "
                          "or en", path=path, value=raw)
    elif key == "results_folder":
        if raw:
            value = Path(os.path.expanduser(os.path.expandvars(raw)))
        else:
            problem = msg("{path}: results_folder is empty", path=path)
    elif key == "daily_goal":
        value = _goal(raw)
        if value is _INVALID:
            problem = msg("{path}: daily_goal '{value}' should be a number from 1 to 10000, "
                          "optionally followed by 'minutes' or 'reviews'", path=path, value=raw)
    elif key == "portable":
        if raw.lower() in _TRUE | _FALSE:
            value = raw.lower() in _TRUE
        else:
            problem = msg("{path}: portable '{value}' should be true or false", path=path,
                          value=raw)
    if problem is not None:
        problems.append(problem)
    return value


def _goal(raw: str) -> object:
    parts = raw.lower().split()
    if not parts or len(parts) > 2 or not parts[0].isdigit():
        return _INVALID
    kind = parts[1] if len(parts) == 2 else "minutes"
    kind = {"minute": "minutes", "min": "minutes", "review": "reviews"}.get(kind, kind)
    target = int(parts[0])
    if kind not in GOAL_KINDS or not 1 <= target <= 10000:
        return _INVALID
    return DailyGoal(kind, target)


KEYS: tuple[str, ...] = ("language", "results_folder", "daily_goal", "portable")
