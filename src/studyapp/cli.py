"""Headless commands for trainers and checks (ARCHITECTURE.md, "Command line").

Imports ``studyapp.core`` only: never Qt. Exit status: 0 success, 1 the input has
problems (nothing written), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from studyapp import __version__
from studyapp.core.report import load_report

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Study the report on improving the innovation ability of leading bodies "
        "and leading cadres. Without a command, opens the app window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep profiles in DIR instead of the platform data folder "
        "(also STUDYAPP_DATA_DIR)",
    )
    parser.add_argument(
        "--profile", metavar="NAME", default=None, help='learner profile (default: "default")'
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    report = commands.add_parser("report", help="print the report, or its section tree as JSON")
    report.add_argument("--json", action="store_true", help="print the section tree as JSON")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def cmd_report(args: argparse.Namespace) -> int:
    report = load_report()
    if args.json:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(report.plain_text())
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": cmd_report,
}


def run(args: argparse.Namespace) -> int:
    return COMMANDS[args.command](args)


def _print_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
