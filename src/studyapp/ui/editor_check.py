"""The question editor's checks off the GUI thread (ui/editor_window.py starts them after a
pause in typing): on a set of thousands of questions they take seconds, and typing must not
wait for them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studyapp.core import editing
from studyapp.core.collector import collector_paused
from studyapp.core.editing import Draft, Findings


class CheckSignals(QObject):
    checked = Signal(int, object)  # generation, Findings (None: the check itself failed)


def check_job(signals: CheckSignals, generation: int, draft: Draft) -> None:
    """Checks a copy of the draft and hands the findings to the GUI thread."""
    findings: Findings | None
    try:
        with collector_paused():
            findings = editing.check(draft)
    except Exception:  # the next pause in typing checks again; Save checks on its own
        findings = None
    try:
        signals.checked.emit(generation, findings)
    except RuntimeError:
        pass  # the window has closed: nobody is waiting for these findings
