"""Entry point: no sub-command opens the GUI, a sub-command runs headless (see ``cli``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

# The options the window takes (cli.py's global options): a start with only these skips
# building the command line's full parser, whose help texts load core's catalogue.
_WINDOW_OPTIONS = {"--data-dir": "data_dir", "--profile": "profile", "--lang": "lang"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window_args = window_options(argv)
    if window_args is not None:
        return main_gui_with(window_args)
    from studyapp import cli

    args = cli.parse_args(argv)
    if args.command is None:
        return main_gui_with(args)
    return cli.run(args)


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options when ``argv`` is nothing but well-formed ``--data-dir``,
    ``--profile`` and ``--lang`` (the usual start); None for anything else, which the full
    parser in cli.py then reads (commands, help, abbreviations, and its usage errors)."""
    found = dict.fromkeys(_WINDOW_OPTIONS.values())
    words = list(argv)
    while words:
        option, equals, value = words.pop(0).partition("=")
        if option not in _WINDOW_OPTIONS:
            return None
        if not equals:
            if not words or words[0].startswith("-"):
                return None
            value = words.pop(0)
        dest = _WINDOW_OPTIONS[option]
        if not value.strip() or (dest == "lang" and not _known_language(value)):
            return None
        found[dest] = value
    return argparse.Namespace(command=None, **found)


def _known_language(code: str) -> bool:
    # Loaded only for --lang: a start without it reads the languages after PySide's import
    # hook is set aside (ui/import_scan.py), with the rest of the window's modules.
    from studyapp.core.language import LANGUAGES

    return code in LANGUAGES


def main_gui() -> int:
    """``studyapp-gui``: the Windows shortcut target; same arguments, no console."""
    return main()


def main_gui_with(args: argparse.Namespace) -> int:
    # Qt is imported only here, so that every command-line path stays free of it.
    import os

    if os.environ.get("STUDYAPP_SELF_TEST"):  # the built app's smoke test (ui/self_test.py)
        from pathlib import Path

        from studyapp.ui.self_test import run_self_test

        return run_self_test(args, Path(os.environ["STUDYAPP_SELF_TEST"]))
    import gc

    from studyapp.ui import import_scan

    # Start-up makes a great many objects and frees few: the cyclic garbage collector would
    # walk them some 70 times before the section's text is painted (about 10 ms). It waits
    # until then, and so does PySide's import hook (ui/import_scan.py); run_gui resumes both
    # as the profile opens.
    gc.disable()
    resume_import_scan = import_scan.pause()

    def resume() -> None:
        gc.enable()
        resume_import_scan()

    from studyapp.ui.launch import run_gui

    return run_gui(args, resume=resume)
