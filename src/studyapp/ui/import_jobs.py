"""The import dialog's work off the GUI thread: reading the files and planning their
import, and writing the plan, each in a thread-pool worker on a connection of its own;
results come back through Qt signals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from studyapp.core.clock import Clock, system_clock
from studyapp.core.importing import ImportPlan, SetPlan, apply_plan, load_files, plan_import
from studyapp.core.questionsets.errors import Problem
from studyapp.core.store import StoreError, open_store

translate = QCoreApplication.translate


def load_previews(paths: Sequence[Path], data_dir: Path, profile: str,
                  clock: Clock = system_clock) -> list[SetPlan]:
    """Reads every file and plans its import against the profile.

    The plan carries the question-quality warnings, which the dialog lists with the
    others. Runs off the GUI thread: it opens its own connection to the profile (``open_store``)
    because an sqlite connection belongs to the thread that made it. Never raises.
    """
    files = load_files(paths)
    try:
        second = open_store(data_dir, profile, clock)
    except StoreError as error:
        plan = plan_import(files, None, quality=True)
        for set_plan in plan.sets:
            set_plan.problems.append(Problem(set_plan.path, 0, translate(
                "import", "the profile cannot be read to compare with it: {error}").format(
                    error=error)))
        return plan.sets
    try:
        return plan_import(files, second, quality=True).sets
    finally:
        second.close()


class LoadSignals(QObject):
    finished = Signal(int, object)  # generation, list[SetPlan]
    progress = Signal(int, int)  # items written, items in all
    imported = Signal(object)  # list[ImportSummary], or the error that stopped the import


def load_job(signals: LoadSignals, generation: int, paths: list[Path], data_dir: Path,
              profile: str, clock: Clock) -> None:
    try:
        # load_file pauses the garbage collector while it parses (a collection would hold
        # the interpreter lock long enough to freeze the window).
        previews = load_previews(paths, data_dir, profile, clock)
    except Exception as error:  # never lose the dialog in a busy state
        unread = translate("import", "cannot be read ({error})").format(error=error)
        previews = [SetPlan(str(p), None, problems=[Problem(str(p), 0, unread)]) for p in paths]
    try:
        signals.finished.emit(generation, previews)
    except RuntimeError:
        pass  # the application is closing down: nobody is waiting for the preview


def import_job(signals: LoadSignals, plan: ImportPlan, data_dir: Path, profile: str,
                clock: Clock) -> None:
    """Writes the plan on a connection of its own, so that its transaction is its own: the
    window's writes (reading time, read marks) meanwhile wait for it (busy timeout) instead
    of joining it, and a failed import rolls back nothing but itself."""
    outcome: object
    try:
        store = open_store(data_dir, profile, clock)
        try:
            outcome = apply_plan(plan, store, progress=signals.progress.emit)
        finally:
            store.close()
    except Exception as error:  # reported in the dialog, never lost in a worker
        outcome = error
    try:
        signals.imported.emit(outcome)
    except RuntimeError:
        pass
