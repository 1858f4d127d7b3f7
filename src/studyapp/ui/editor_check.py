"""The question editor's checks off the GUI thread (ui/editor_window.py starts them after a
pause in typing): on a set of thousands of questions they take seconds, and typing must not
wait for them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from studyapp.core import editing
from studyapp.core.editing import Draft, Findings


class CheckSignals(QObject):
    checked = Signal(int, object)  # generation, Findings (None: the check itself failed)


def check_job(signals: CheckSignals, generation: int, draft: Draft) -> None:
    """Checks a copy of the draft and hands the findings to the GUI thread."""
    findings: Findings | None
    try:
        with _collector_paused():
            findings = editing.check(draft)
    except Exception:  # the next pause in typing checks again; Save checks on its own
        findings = None
    try:
        signals.checked.emit(generation, findings)
    except RuntimeError:
        pass  # the window has closed: nobody is waiting for these findings


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A check of 10,000 questions makes some 10^5 objects and no reference cycle; the cycle
    collector's full passes over them hold the interpreter lock 0.1-0.2 s each, so the window
    froze under the typist's fingers (benchmarks/editor_typing.py). Reference counting still
    frees all of it; the collector runs again as soon as the check ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
