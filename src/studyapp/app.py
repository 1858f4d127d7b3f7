"""Entry point: no sub-command opens the GUI, a sub-command runs headless (see ``cli``)."""

from __future__ import annotations

import argparse
import sys

from studyapp import cli


def main(argv: list[str] | None = None) -> int:
    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        return main_gui_with(args)
    return cli.run(args)


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
    from studyapp.ui.launch import run_gui

    return run_gui(args)
