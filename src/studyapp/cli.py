"""Headless commands for trainers and checks (ARCHITECTURE.md, "Command line").

Imports ``studyapp.core`` only: never Qt. Exit status: 0 success, 1 the input has
problems (nothing written), 2 usage error. Problems go to standard error, one per line,
as ``PATH:LINE: message``; after them warnings, as ``PATH:LINE: warning: message``, which
never change the exit status nor stop an import.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studyapp import __version__
from studyapp.core.paths import DataDirError, resolve_data_dir, validate_profile_name
from studyapp.core.report import load_report
from studyapp.core.resources import MissingResourceError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # Accepted before and after the command; the sub-command copy must not reset them.
    default = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir", metavar="DIR", default=default,
        help="keep profiles in DIR instead of the platform data folder "
        "(also STUDYAPP_DATA_DIR)",
    )
    parser.add_argument(
        "--profile", metavar="NAME", default=default, help='learner profile (default: "default")'
    )


def build_parser() -> argparse.ArgumentParser:
    from studyapp.core.formats import FORMAT_NAMES

    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Study the report on improving the innovation ability of leading bodies "
        "and leading cadres. Without a command, opens the app window.",
        epilog="Exit status: 0 success, 1 the input has problems (nothing written), "
        "2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, defaults=False)
        return sub

    report = command("report", "print the report, or its section tree as JSON")
    report.add_argument("--json", action="store_true", help="print the section tree as JSON")

    for name, help_text in (
        ("validate", "check question-set files; nothing is written"),
        ("import", "validate, then import question-set files into the profile, all or nothing"),
    ):
        sub = command(name, help_text)
        sub.add_argument("files", nargs="+", metavar="FILE")
        sub.add_argument(
            "--format", choices=FORMAT_NAMES, metavar="NAME",
            help=f"read every FILE as this format ({', '.join(FORMAT_NAMES)}) "
            "instead of guessing from the extension",
        )

    sets = command("sets", "list the question sets in the profile with their counts")
    sets.add_argument("--json", action="store_true", help="print JSON")
    stats = command("stats", "progress summary of the profile")
    stats.add_argument("--json", action="store_true", help="print JSON")
    export = command("export", "write the profile's results to a CSV file for a trainer")
    export.add_argument("file", metavar="FILE.csv")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    _use_utf8_streams()
    try:
        return COMMANDS[args.command](args)
    except (DataDirError, MissingResourceError) as error:
        _error(str(error))
        return EXIT_PROBLEMS
    except BrokenPipeError:
        # `studyapp report | head`: the reader went away; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    report = load_report()
    if args.json:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(report.plain_text())
    return EXIT_OK


def _load_all(args: argparse.Namespace) -> tuple[list[Any], int]:
    """Every file loaded; every problem printed, then every warning. Returns (results,
    problem count): warnings do not count."""
    from studyapp.core.questionsets import load_file

    results = []
    problem_count = 0
    for name in args.files:
        result = load_file(name, args.format)
        for problem in result.problems:
            _error(str(problem))
        problem_count += len(result.problems)
        results.append((name, result))
    for _, result in results:
        for warning in result.warnings:
            _error(str(warning))
    return results, problem_count


def _describe(question_set: Any, warning_count: int = 0) -> str:
    text = f"{len(question_set.questions)} questions, {len(question_set.cards)} cards"
    if warning_count:
        text += f", {warning_count} warning{'s' if warning_count != 1 else ''}"
    return text


def cmd_validate(args: argparse.Namespace) -> int:
    results, problem_count = _load_all(args)
    if problem_count:
        _error(f"{problem_count} problem(s) found; fix them and validate again.")
        return EXIT_PROBLEMS
    for name, result in results:
        print(f"{name}: ok, {_describe(result.question_set, len(result.warnings))}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from studyapp.core.questionsets import sha256_of

    results, problem_count = _load_all(args)
    if problem_count:
        _error(f"{problem_count} problem(s) found; nothing was imported.")
        return EXIT_PROBLEMS
    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        store.question_sets.ensure_builtin()
        summaries = store.question_sets.import_sets(  # all files or none
            [(result.question_set, sha256_of(name)) for name, result in results])
    finally:
        store.close()
    for (name, _), summary in zip(results, summaries, strict=True):
        print(
            f"{name}: set '{summary.set_id}': {summary.added} added, {summary.updated} updated, "
            f"{summary.unchanged} unchanged, {summary.retired} retired"
        )
    return EXIT_OK


def cmd_sets(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        store.question_sets.ensure_builtin()
        infos = store.question_sets.list()
    finally:
        store.close()
    if args.json:
        _print_json([
            {
                "id": info.id, "title": info.title, "version": info.version,
                "format": info.format, "source": info.source, "builtin": info.builtin,
                "imported_at": info.imported_at, "questions": info.question_count,
                "cards": info.card_count, "by_type": info.by_type,
                "by_section": info.by_section,
            }
            for info in infos
        ])
        return EXIT_OK
    for info in infos:
        origin = "built-in" if info.builtin else info.source
        print(f"{info.id:<24} {info.question_count:>6} questions {info.card_count:>5} cards  "
              f"{info.title} ({origin})")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from studyapp.core.stats import profile_summary

    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        store.question_sets.ensure_builtin()
        summary = profile_summary(store, load_report())
    finally:
        store.close()
    if args.json:
        _print_json(summary)
        return EXIT_OK
    sections = summary["sections"]
    print(f"Profile: {summary['profile']}")
    print(f"Sections read: {sections['read']} of {sections['total']}")
    for part in sections["parts"]:
        print(f"  {part['title']}: {part['read']}/{part['sections']}")
    minutes = summary["reading_seconds"] / 60
    print(f"Reading time: {minutes:.0f} min")
    print(f"Notes: {summary['notes']}, bookmarks: {summary['bookmarks']}")
    sets = summary["question_sets"]
    print(f"Question sets: {sets['count']} ({sets['questions']} questions, {sets['cards']} cards)")
    cards = summary["cards"]
    print(f"Flashcards: {cards['new']} new, {cards['learning'] + cards['relearning']} learning, "
          f"{cards['review']} in review, {cards['due_today']} due today"
          + (f", {cards['suspended']} suspended" if cards["suspended"] else ""))
    print(f"Reviews: {summary['reviews']}, quiz attempts: {summary['quiz_attempts']}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from studyapp.core.files import write_text_atomically
    from studyapp.core.stats import results_csv, results_rows

    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        rows = results_rows(store, load_report())
    finally:
        store.close()
    target = Path(args.file)
    try:
        write_text_atomically(target, results_csv(rows), encoding="utf-8-sig")
    except OSError as error:
        _error(f"{target}: cannot write ({error.strerror or error})")
        return EXIT_PROBLEMS
    print(f"{target}: {len(rows)} rows")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": cmd_report,
    "validate": cmd_validate,
    "import": cmd_import,
    "sets": cmd_sets,
    "stats": cmd_stats,
    "export": cmd_export,
}


def _open_store(args: argparse.Namespace) -> Any:
    from studyapp.core.store import StoreError, open_store

    try:
        data_dir = resolve_data_dir(args.data_dir)
        return open_store(data_dir, validate_profile_name(args.profile))
    except (StoreError, DataDirError) as error:
        _error(str(error))
        return None


def _use_utf8_streams() -> None:
    # Windows consoles default to a legacy code page; Chinese text must not crash a command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def _print_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
