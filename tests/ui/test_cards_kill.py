"""Nothing graded is lost: the real app grades cards, is killed with SIGKILL mid-session, and
every grade whose write had returned is in the profile, which is intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyapp.core.paths import profile_path

# Runs the app as `studyapp` does (start_gui: window, profile, built-in sets) and types as
# a learner: Ctrl+2, Enter, then Space and 3 again and again. After each grade it prints the
# review's id, once the view's call to the store has returned.
DRIVER = r"""
import sys
from argparse import Namespace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from studyapp.ui.launch import start_gui

session = start_gui(Namespace(data_dir=sys.argv[1], profile="default"))
printed = 0

def key(k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget() or session.window, k, modifier)

def step():
    global printed
    window = session.window
    if window is None or window.store is None:
        QTimer.singleShot(20, step)
        return
    view = window.cards_view
    if window.current_view() != "cards":
        window.activateWindow()
        key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        key(Qt.Key.Key_Return)
    else:
        key(Qt.Key.Key_Space)
        key(Qt.Key.Key_3)
        answers = view.session.answers if view.session else []
        for answer in answers[printed:]:
            print(answer.review_id, answer.card_key, flush=True)
        printed = len(answers)
    QTimer.singleShot(1, step)

QTimer.singleShot(0, step)
session.app.exec()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_grades_survive_a_kill_mid_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    returned: list[tuple[int, str]] = []
    deadline = time.monotonic() + 60
    with subprocess.Popen([sys.executable, "-c", DRIVER, str(data)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        while len(returned) < 12 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            review_id, card_key = line.split()
            returned.append((int(review_id), card_key))
        os.kill(child.pid, signal.SIGKILL)  # mid-session: it goes on grading until this
        _out, errors = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert len(returned) == 12, errors
    database = sqlite3.connect(profile_path(data, "default"))
    try:
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(database.execute("SELECT id, card_key FROM review_log").fetchall())
        for review_id, card_key in returned:
            assert stored.get(review_id) == card_key
        states = dict(database.execute(
            "SELECT card_key, reps FROM card_state WHERE reps > 0").fetchall())
        assert {key for _id, key in returned} <= set(states)
    finally:
        database.close()
