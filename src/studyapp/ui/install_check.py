"""Is the install whole? Checked at start-up so that a broken install says so in a message
box (and in the log) instead of failing later with a traceback or blank pictures.

- ``platform_plugin_problem()`` runs before the QApplication exists: without a platform
  plugin Qt would abort with a message only a terminal shows. There is no Qt window then, so
  the message goes to a native box on Windows and to standard error elsewhere.
- ``install_problems()`` runs once the QApplication exists: the shipped files (report,
  built-in questions, icons, schema) and the image plugins that question-set pictures need.
  The plugins are looked for as files where Qt looks for them, not loaded: loading all of
  Qt's image plugins cost ~3 ms and ~1 MiB before the window showed, and a picture loads
  the one it needs when it is first shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo

from studyapp.core.resources import MissingResourceError, questions_dir, resource

# Pictures in question sets may be .jpg, .gif, .webp or .svg (core/questionsets/pictures.py);
# PNG and BMP are built into Qt, the others are plugins in imageformats/.
IMAGE_FORMATS = ("jpeg", "gif", "webp", "svg")
# The shipped files the app cannot do without, relative to resources/.
REQUIRED = (("report", "report.json"), ("schema", "question-set.schema.json"),
            ("icons", "book-open.svg"))
DEFAULT_PLATFORM = {"win32": "windows", "darwin": "cocoa"}


translate = QCoreApplication.translate


def platform_plugin_problem() -> str | None:
    """A message when Qt's platform plugin for this session is missing, else None."""
    wanted = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if not wanted:
        if sys.platform in DEFAULT_PLATFORM:
            wanted = DEFAULT_PLATFORM[sys.platform]
        else:  # Linux and the like: X11 (xcb), or Wayland
            wanted = "wayland" if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get(
                "DISPLAY") else "xcb"
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        names = []
    if any(_plugin_name(name) == f"q{wanted}" for name in names):
        return None
    return translate(
        "install_check", "StudyApp cannot start: Qt's platform plugin '{name}' is missing "
        "from {folder}. The installation is incomplete. Reinstall StudyApp, or ask your IT "
        "contact to.").format(name=wanted, folder=folder)


def _plugin_name(file_name: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqoffscreen.dylib`` -> ``qxcb`` ..."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def install_problems() -> list[str]:
    """What is missing from the install (needs the QApplication, for the plugin folders)."""
    problems: list[str] = []
    try:
        for parts in REQUIRED:
            if not resource(*parts).is_file():
                problems.append(translate(
                    "install_check", "The app's file '{name}' is missing.").format(
                    name="resources/" + "/".join(parts)))
        sets = [entry for entry in questions_dir().iterdir()
                if entry.name.endswith((".yaml", ".yml"))]
        if not sets:
            problems.append(translate("install_check", "The built-in question sets are missing."))
    except MissingResourceError as error:
        problems.append(str(error))
    installed = image_plugin_formats()
    missing = [name for name in IMAGE_FORMATS if name not in installed]
    if missing:
        problems.append(translate(
            "install_check", "Qt's image plugins for {formats} are missing, so pictures in "
            "questions cannot be shown.").format(formats=", ".join(missing)))
    return problems


def image_plugin_formats() -> set[str]:
    """The image formats whose Qt plugin file is in an ``imageformats`` folder of Qt's
    library paths, where Qt loads them from (``libqjpeg.so``, ``qjpeg.dll`` -> ``jpeg``)."""
    formats: set[str] = set()
    for folder in QCoreApplication.libraryPaths():
        try:
            names = [entry.name for entry in (Path(folder) / "imageformats").iterdir()]
        except OSError:
            continue
        formats.update(name[1:] for name in map(_plugin_name, names) if name.startswith("q"))
    return formats


def broken_install_message(problems: list[str]) -> str:
    lines = "\n".join(f"• {problem}" for problem in problems)
    return translate(
        "install_check", "StudyApp is not installed completely:\n\n{problems}\n\nReinstall "
        "StudyApp, or ask your IT contact to. Your own data is not affected.").format(
        problems=lines)


def show_native_error(text: str) -> None:
    """Before Qt can show a window: a Windows message box, else standard error."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "StudyApp", 0x10)  # MB_ICONERROR
    if sys.stderr is not None:  # a windowed Windows program has no standard error
        print(text, file=sys.stderr)
