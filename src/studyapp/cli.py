"""Headless commands for trainers and checks (docs/architecture.md, "Contracts"; docs/cli.md).

Imports ``studyapp.core`` only: never Qt. Exit status: 0 success, 1 the input has
problems (nothing written), 2 usage error, 3 the profile cannot be used now (damaged, from a
newer StudyApp, open in another StudyApp, a full disk or a read-only file: the message says
which; the file is left as it was). Problems go to standard error, one per line, as
``PATH:LINE: message``; after them warnings, as ``PATH:LINE: warning: message``, which never
change the exit status nor stop an import.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from studyapp import __version__
from studyapp.core.language import LANGUAGES, OPTION, choose_language, option_value, use_language
from studyapp.core.messages import N_, Message, msg, msg_n
from studyapp.core.paths import DataDirError, resolve_data_dir, validate_profile_name
from studyapp.core.report import load_report
from studyapp.core.resources import MissingResourceError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_UNAVAILABLE = 3  # the profile cannot be used now (ProfileUnavailableError)
# Commands that only read the profile: they run beside an open window (a read-only WAL
# connection) instead of waiting for its lock.
READ_COMMANDS = {"sets", "stats", "export", "backup", "paper"}


# argparse's own words (usage, headings, its errors), looked up in core's catalogue by
# _argparse_words below; listed here so that Babel extracts them.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
)


def _words(text: str) -> str:
    """A help text or argparse's own word in the language in use (core's catalogue)."""
    from studyapp.core.messages import active_catalogue

    return active_catalogue().gettext(text)


def _plural_words(singular: str, plural: str, count: int) -> str:
    from studyapp.core.messages import active_catalogue

    return active_catalogue().ngettext(singular, plural, count)


def _folder(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError(
            str(msg("is empty; give the folder to keep profiles in (an unset variable?)")))
    return value


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # Accepted before and after the command; the sub-command copy must not reset them.
    default = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir", metavar="DIR", default=default, type=_folder,
        help=str(msg("keep profiles in DIR instead of the platform data folder "
                     "(also STUDYAPP_DATA_DIR)")),
    )
    parser.add_argument(
        "--profile", metavar="NAME", default=default,
        help=str(msg('learner profile (default: "default")')),
    )
    parser.add_argument(
        OPTION, metavar="LANG", default=default, choices=list(LANGUAGES),
        help=str(msg("language of the messages and the window: {codes} (also STUDYAPP_LANG; "
                     "default: the system's)", codes=", ".join(LANGUAGES))),
    )


def build_parser() -> argparse.ArgumentParser:
    from studyapp.core.formats import FORMAT_NAMES

    argparse._ = _words  # type: ignore[attr-defined]  # argparse's own gettext lookups
    argparse.ngettext = _plural_words  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description=str(msg("Study the report on improving the innovation ability of leading "
                            "bodies and leading cadres. Without a command, opens the app "
                            "window.")),
        epilog=str(msg("Exit status: 0 success, 1 the input has problems (nothing written), "
                       "2 usage error, 3 the profile cannot be used now (damaged, newer, in "
                       "use; nothing written).")),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_words("show program's version number and exit"))
    _global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        help_text = str(msg(help_text))
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, defaults=False)
        return sub

    report = command("report", N_("print the report, or its section tree as JSON"))
    report.add_argument("--json", action="store_true",
                        help=str(msg("print the section tree as JSON")))

    for name, help_text in (
        ("validate", N_("check question-set files; nothing is written")),
        ("import", N_("validate, then import question-set files into the profile, all or "
                      "nothing")),
    ):
        sub = command(name, help_text)
        sub.add_argument("files", nargs="+", metavar="FILE")
        sub.add_argument(
            "--format", choices=FORMAT_NAMES, metavar="NAME",
            help=str(msg("read every FILE as this format ({formats}) instead of guessing "
                         "from the extension", formats=", ".join(FORMAT_NAMES))),
        )
        if name == "validate":
            sub.add_argument("--quality", action="store_true",
                             help=str(msg("also warn about giveaways that let a learner "
                                          "score without understanding (see "
                                          "docs/question-format.md)")))
        if name == "import":
            sub.add_argument("--dry-run", action="store_true",
                             help=str(msg("print what the import would add, change and "
                                          "retire; write nothing")))

    json_help = str(msg("print JSON"))
    sets = command("sets", N_("list the question sets in the profile with their counts"))
    sets.add_argument("--json", action="store_true", help=json_help)
    stats = command("stats", N_("progress summary of the profile"))
    stats.add_argument("--json", action="store_true", help=json_help)
    export = command("export", N_("write the profile's results to a CSV file for a trainer"))
    export.add_argument("file", metavar="FILE.csv")
    command("backup", N_("make a backup of the profile now; prints its path"))
    backups = command("backups", N_("list the profile's backups, newest first"))
    backups.add_argument("--json", action="store_true", help=json_help)
    restore = command("restore", N_("put a backup back (the current file is kept first)"))
    restore.add_argument("backup", metavar="BACKUP",
                         help=str(msg("a backup file (a path, or a name that studyapp backups "
                                      "lists)")))
    paper = command("paper", N_("print a paper exam as an A4 PDF: variants A and B, their "
                                "answer sheets, and the answer key with explanations"))
    paper.add_argument("source", metavar="SCOPE-or-EXAM",
                       help=str(msg("an exam definition (.studyexam), or a scope: report, "
                                    "relationships, section:ID, part:ID, set:ID, tags:a,b")))
    paper.add_argument("--out", required=True, metavar="exam.pdf",
                       help=str(msg("the PDF to write")))
    paper.add_argument("--count", type=int, default=20, metavar="N",
                       help=str(msg("questions drawn from a scope (default 20)")))
    paper.add_argument("--seed", type=int, default=1, metavar="N",
                       help=str(msg("the shuffle seed of a scope's variant A (B uses N + 1)")))
    paper.add_argument("--title", help=str(msg("the title printed on a scope's paper")))
    class_report = command("class-report", N_("add up learners' results files (checked by "
                                              "their checksums) into a class report"))
    class_report.add_argument("inputs", nargs="+", metavar="FILE-or-FOLDER",
                              help=str(msg("results files, or folders of them (their .csv "
                                           "files)")))
    class_report.add_argument("--out", required=True, metavar="class.xlsx|class.csv|class.pdf",
                              help=str(msg("the report to write; its extension chooses the "
                                           "format")))
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command and its options; the language (core/language.py) is chosen first, so that
    help and usage errors are already in it."""
    from studyapp.core import site_settings

    use_language(choose_language(option=option_value(argv), site=site_settings.load()).code)
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    _use_utf8_streams()
    if sys.stdout is None:  # started with standard output closed (`studyapp report >&-`)
        _error(str(msg("studyapp: standard output is closed; nothing was done.")))
        return EXIT_PROBLEMS
    real_stdout, sys.stdout = sys.stdout, _Output(sys.stdout)
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()
        return code
    except (DataDirError, MissingResourceError) as error:
        _error(str(error))
        return EXIT_PROBLEMS
    except _OutputError as failure:
        _silence(real_stdout)
        if isinstance(failure.error, BrokenPipeError):
            # `studyapp report | head`: the reader went away; that is not an error.
            return EXIT_OK
        _error(str(msg("studyapp: cannot write to standard output ({why}).",
                       why=failure.error.strerror or failure.error)))
        return EXIT_PROBLEMS
    except Exception as error:
        status = _store_failure(error)
        if status is None:
            raise
        return status
    finally:
        sys.stdout = real_stdout


class _OutputError(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Output:
    """Standard output, whose write errors (a full disk, a closed pipe) are told apart from
    every other OSError a command may meet."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except OSError as error:
            raise _OutputError(error) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise _OutputError(error) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence(stream: Any) -> None:
    """Points standard output at the null device, so that the interpreter's last flush of
    what could not be written does not print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _store_failure(error: Exception) -> int | None:
    """The exit status for a fault of the profile (printed); None for any other error."""
    from studyapp.core.faults import describe_fault

    fault = describe_fault(error, _opened[-1] if _opened else None)
    if fault is None:
        return None
    _error(fault.message)
    return EXIT_UNAVAILABLE if fault.unavailable else EXIT_PROBLEMS


def cmd_report(args: argparse.Namespace) -> int:
    report = load_report()
    if args.json:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(report.plain_text())
    return EXIT_OK


def _plan(args: argparse.Namespace, store: Any) -> Any:
    """The import plan of the files (against ``store``, or an empty profile); every problem
    printed, each file once, then every warning (warnings do not block anything)."""
    from studyapp.core.importing import load_files, plan_import

    plan = plan_import(load_files(args.files, args.format), store,
                       quality=getattr(args, "quality", False))
    for problem in plan.problems:
        _error(str(problem))
    for warning in plan.warnings:
        _error(str(warning))
    return plan


def _describe(question_set: Any, warning_count: int = 0) -> str:
    questions = msg_n("{n} question", "{n} questions", len(question_set.questions))
    cards = msg_n("{n} card", "{n} cards", len(question_set.cards))
    if warning_count:
        return str(msg("{questions}, {cards}, {warnings}", questions=questions, cards=cards,
                       warnings=msg_n("{n} warning", "{n} warnings", warning_count)))
    return str(msg("{questions}, {cards}", questions=questions, cards=cards))


def cmd_validate(args: argparse.Namespace) -> int:
    plan = _plan(args, None)
    if plan.problems:
        _error(str(msg("{n} problem(s) found; fix them and validate again.",
                       n=len(plan.problems))))
        return EXIT_PROBLEMS
    for set_plan in plan.sets:
        _say(str(msg("{path}: ok, {counts}", path=set_plan.path,
                     counts=_describe(set_plan.question_set, len(set_plan.warnings)))))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from studyapp.core.importing import apply_plan
    from studyapp.core.paths import profile_path

    if args.dry_run:
        # Nothing is written, not even a new profile: a missing one is planned as empty.
        try:
            exists = profile_path(resolve_data_dir(args.data_dir),
                                  validate_profile_name(args.profile)).exists()
        except DataDirError as error:
            _error(str(error))
            return EXIT_PROBLEMS
        store = _open_store(args) if exists else None
        if exists and store is None:
            return EXIT_PROBLEMS
    else:
        store = _open_store(args)
        if store is None:
            return EXIT_PROBLEMS
    try:
        if store is not None and not args.dry_run:
            store.question_sets.ensure_builtin()
        plan = _plan(args, store)
        if plan.problems:
            _error(str(msg("{n} problem(s) found; nothing was imported.", n=len(plan.problems))))
            return EXIT_PROBLEMS
        if args.dry_run or store is None:
            for set_plan in plan.sets:
                _say(str(msg("{path}: would import {plan}", path=set_plan.path,
                             plan=set_plan.describe())))
            print(msg("Dry run: nothing was written."))
            return EXIT_OK
        summaries = iter(apply_plan(plan, store))  # all files or none
    finally:
        if store is not None:
            store.close()
    for set_plan in plan.sets:
        if set_plan.already_imported:
            _say(str(msg("{path}: {plan}", path=set_plan.path, plan=set_plan.describe())))
            continue
        summary = next(summaries)
        _say(str(msg("{path}: set '{id}': {added} added, {updated} updated, {unchanged} "
                     "unchanged, {retired} retired", path=set_plan.path, id=summary.set_id,
                     added=summary.added, updated=summary.updated,
                     unchanged=summary.unchanged, retired=summary.retired)))
    return EXIT_OK


def cmd_sets(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        if not store.read_only:
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
        _say(str(msg("{id:<24} {questions:>6} questions {cards:>5} cards  {title} ({origin})",
                     id=info.id, questions=info.question_count, cards=info.card_count,
                     title=info.title,
                     origin=msg("built-in") if info.builtin else info.source)))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from studyapp.core.stats import profile_summary

    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    try:
        if not store.read_only:
            store.question_sets.ensure_builtin()
        summary = profile_summary(store, load_report())
    finally:
        store.close()
    if args.json:
        _print_json(summary)
        return EXIT_OK
    for line in _stats_lines(summary):
        print(line)
    return EXIT_OK


def _stats_lines(summary: dict[str, Any]) -> list[Message]:
    """The profile summary in words, one message a line (``stats`` without --json)."""
    sections, sets, cards = summary["sections"], summary["question_sets"], summary["cards"]
    quiz, streak, goal = summary["quiz"], summary["streak"], summary["goal"]
    lines = [msg("Profile: {name}", name=summary["profile"]),
             msg("Sections read: {read} of {total}", read=sections["read"],
                 total=sections["total"])]
    lines += [msg("  {title}: {read}/{total}", title=part["title"], read=part["read"],
                  total=part["sections"]) for part in sections["parts"]]
    flashcards = {"new": cards["new"], "learning": cards["learning"] + cards["relearning"],
                  "review": cards["review"], "due": cards["due_today"],
                  "suspended": cards["suspended"]}
    lines += [
        msg("Reading time: {minutes:.0f} min", minutes=summary["reading_seconds"] / 60),
        msg("Notes: {notes}, bookmarks: {bookmarks}", notes=summary["notes"],
            bookmarks=summary["bookmarks"]),
        msg("Question sets: {count} ({questions} questions, {cards} cards)",
            count=sets["count"], questions=sets["questions"], cards=sets["cards"]),
        msg("Flashcards: {new} new, {learning} learning, {review} in review, {due} due today, "
            "{suspended} suspended", **flashcards) if cards["suspended"] else
        msg("Flashcards: {new} new, {learning} learning, {review} in review, {due} due today",
            **flashcards),
        msg("Reviews: {reviews}, quiz attempts: {attempts}", reviews=summary["reviews"],
            attempts=summary["quiz_attempts"]),
        msg("Quiz answers: {answers} ({right} right), {open} quizzes in progress, {mistakes} in "
            "the mistake notebook", answers=quiz["answers"], right=quiz["correct"],
            open=quiz["in_progress"], mistakes=quiz["mistakes"]),
        msg_n("Streak: {n} day (longest {longest})", "Streak: {n} days (longest {longest})",
              streak["current"], longest=streak["longest"]),
    ]
    goal_values = {"today": goal["today"], "target": goal["target"],
                   "kind": msg(_GOAL_KINDS[goal["kind"]]) if goal["kind"] in _GOAL_KINDS
                   else goal["kind"]}
    lines.append(msg("Today's goal: {today:g} of {target} {kind} (met)", **goal_values)
                 if goal["met"] else msg("Today's goal: {today:g} of {target} {kind}",
                                         **goal_values))
    weakest = [m for m in summary["mastery"] if m["score"] < 1][:3]
    if weakest:
        lines.append(msg("Weakest sections: {sections}", sections=msg(", ").render().join(
            msg("{section} ({percent}%)", section=m["section"],
                percent=round(m["score"] * 100)).render() for m in weakest)))
    return lines


_GOAL_KINDS = {"minutes": N_("minutes"), "reviews": N_("reviews")}


def cmd_export(args: argparse.Namespace) -> int:
    from studyapp.core.files import RefusedTarget
    from studyapp.core.stats import export_results

    store = _open_store(args)
    if store is None:
        return EXIT_PROBLEMS
    target = Path(args.file)
    try:
        count = export_results(store, load_report(), target)
    except RefusedTarget as refused:
        _error(str(refused))
        return EXIT_PROBLEMS
    except OSError as error:
        _error(str(msg("{path}: cannot write ({why})", path=target,
                       why=error.strerror or error)))
        return EXIT_PROBLEMS
    finally:
        store.close()
    _say(str(msg_n("{path}: {n} row", "{path}: {n} rows", count, path=target)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from studyapp.core.store.backups import MANUAL

    store = _open_store(args)
    try:
        backup = store.backups.backup_now(MANUAL)
    finally:
        store.close()
    print(backup.path)
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from studyapp.core.store.backups import backups_of

    backups = backups_of(resolve_data_dir(args.data_dir), validate_profile_name(args.profile))
    if args.json:
        _print_json([backup.to_dict() for backup in backups])
        return EXIT_OK
    if not backups:
        print(msg("No backups of this profile yet (studyapp backup makes one)."))
    for backup in backups:
        label = f"  ({backup.label})" if backup.label else ""
        print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {_size(backup.size):>9}  "
              f"{backup.path}{label}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from studyapp.core.clock import system_clock
    from studyapp.core.store.backups import restore_backup

    data_dir = resolve_data_dir(args.data_dir)
    restored = restore_backup(data_dir, validate_profile_name(args.profile), Path(args.backup),
                              system_clock, wait=_lock_wait())
    print(msg("{profile}: restored from {backup}; the previous file was kept as {kept}",
              profile=restored.profile_file, backup=args.backup, kept=restored.kept))
    return EXIT_OK


def cmd_class_report(args: argparse.Namespace) -> int:
    from studyapp.core.class_report import build_class_report, results_files
    from studyapp.core.messages import msg

    target = Path(args.out)
    if target.suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        _error(str(msg("studyapp class-report: --out must end in .xlsx, .csv or .pdf, not "
                       "{name}", name=target.name)))
        return EXIT_USAGE
    inputs = [Path(p) for p in args.inputs]
    missing = [p for p in inputs if not p.exists()]
    for path in missing:
        _error(str(msg("{path}:0: no such file or folder", path=path)))
    if missing or not results_files(inputs):
        if not missing:
            _error(str(msg("studyapp class-report: no results files (.csv) found; nothing "
                           "was written.")))
        return EXIT_PROBLEMS
    report = build_class_report(inputs, _section_titles())
    for skipped in report.skipped:
        _error(escape(str(msg("{path}: skipped: {why}", path=skipped.path, why=skipped.reason))))
    try:
        _write_report(report, target)
    except OSError as error:
        _error(str(msg("{path}: cannot write ({why})", path=target,
                       why=error.strerror or error)))
        return EXIT_PROBLEMS
    _say(str(msg("{path}: {learners} learners from {files} files; {skipped} skipped",
                 path=target, learners=len(report.learners), files=report.files_read,
                 skipped=len(report.skipped))))
    return EXIT_OK


def _write_report(report: Any, target: Path) -> None:
    from studyapp.core.class_report import write_class_report

    if target.suffix.lower() == ".pdf":
        # The PDF is drawn with Qt's painter (QtGui, offscreen), loaded only for it: every
        # other command and format stays free of Qt (docs/cli.md).
        from studyapp.ui.printing import save_class_report_pdf

        save_class_report_pdf(report, target)
    else:
        write_class_report(report, target)


def _section_titles() -> dict[str, str]:
    return {section.id: section.label for section in load_report().sections}


def cmd_paper(args: argparse.Namespace) -> int:
    from studyapp.core.exams import ExamDefinition, exam_from_dict, read_exam, shortfalls
    from studyapp.core.messages import msg
    from studyapp.core.paper import paper_exam
    from studyapp.core.questionsets.errors import ProblemsFound

    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        _error(str(msg("studyapp paper: --out must end in .pdf, not {name}", name=target.name)))
        return EXIT_USAGE
    try:
        if args.source.lower().endswith(".studyexam"):
            exam: ExamDefinition = read_exam(Path(args.source))
        else:
            exam = exam_from_dict({
                "id": "paper", "title": args.title or str(msg("Exam")), "scope": args.source,
                "count": args.count, "seed": args.seed, "time_limit_minutes": None})
    except ProblemsFound as found:
        for problem in found.problems:
            _error(str(problem) if args.source.lower().endswith(".studyexam")
                   else str(msg("studyapp paper: {what}", what=problem.message)))
        return EXIT_PROBLEMS
    store = _open_store(args)
    try:
        if not store.read_only:
            store.question_sets.ensure_builtin()
        questions = store.quizzes.questions()
    finally:
        store.close()
    for short in shortfalls(exam, questions):
        _error(str(msg("{source}: warning: {wanted} questions asked ({what}), the profile has "
                       "{available}", source=args.source, wanted=short.wanted,
                       what=short.what or exam.scope, available=short.available)))
    paper = paper_exam(exam, questions)
    if not paper.variants[0].questions:
        _error(str(msg("{source}: no questions to print; nothing was written",
                       source=args.source)))
        return EXIT_PROBLEMS
    from studyapp.ui.printing import save_paper_exam  # Qt's painter, for this PDF only

    try:
        save_paper_exam(paper, target)
    except OSError as error:
        _error(str(msg("{path}: cannot write ({why})", path=target,
                       why=error.strerror or error)))
        return EXIT_PROBLEMS
    _say(str(msg("{path}: {n} questions, variants A and B, answer sheets and key",
                 path=target, n=len(paper.variants[0].questions))))
    return EXIT_OK


def escape(text: str) -> str:
    from studyapp.core.questionsets.errors import escape_controls

    return escape_controls(text)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 10 << 20 else f"{size / (1 << 20):.1f} MB"


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": cmd_report,
    "validate": cmd_validate,
    "import": cmd_import,
    "sets": cmd_sets,
    "stats": cmd_stats,
    "export": cmd_export,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "paper": cmd_paper,
    "class-report": cmd_class_report,
}


def _open_store(args: argparse.Namespace) -> Any:
    """The profile, for the command: a StoreError (exit 1 or 3, see ``run``) when it cannot
    be opened. Read-only commands do not wait for a window's lock."""
    from studyapp.core.store import open_store

    data_dir = resolve_data_dir(args.data_dir)
    reading = args.command in READ_COMMANDS or getattr(args, "dry_run", False)
    access: Literal["read", "write"] = "read" if reading else "write"
    store = open_store(data_dir, validate_profile_name(args.profile), access=access,
                       wait=_lock_wait())
    _opened.append(store.path)  # named in the message if an sqlite3 error escapes later
    return store


_opened: list[Path] = []


def _lock_wait() -> float:
    """How long a command waits for a profile another StudyApp holds (STUDYAPP_LOCK_WAIT)."""
    try:
        return max(0.0, float(os.environ.get("STUDYAPP_LOCK_WAIT", "5")))
    except ValueError:
        return 5.0


def _say(line: str) -> None:
    """A line on standard output with control characters escaped: file names and set titles
    come from trainers' files and must not drive the terminal."""
    from studyapp.core.questionsets.errors import escape_controls

    print(escape_controls(line))


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
