"""A power cut in the middle of an exam, with real processes: the app (started as
``studyapp`` starts it) takes an exam, answers three questions with the contract's keys and is
killed with SIGKILL; ``studyapp stats --json`` counts the three answers; the app started again
offers to resume the exam, with those three answers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD_PRELUDE = """
import sys, time
from argparse import Namespace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from studyapp.ui.launch import start_gui

session = start_gui(Namespace(data_dir=sys.argv[1], profile=None))
app = session.app

def wait(condition, seconds=20.0):
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            print("TIMEOUT", flush=True)
            sys.exit(3)
        app.processEvents()
        time.sleep(0.01)

def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    app.processEvents()
    wait(lambda: QApplication.focusWidget() is not None)
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    app.processEvents()

wait(lambda: session.store is not None and session.window is not None)
window = session.window
window.activateWindow()
wait(lambda: window.isActiveWindow())
press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
view = window.quiz_view
"""

TAKE_EXAM = CHILD_PRELUDE + """
wait(lambda: view.start.modes.hasFocus())
press(Qt.Key.Key_Down)
press(Qt.Key.Key_Return)
wait(lambda: view.pages.currentWidget() is view.question)
for _ in range(3):
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)
keys = [item.key for item in view.session.items[:3]]
print("ANSWERED " + " ".join(keys), flush=True)
app.exec()  # running, as a learner's app would be when the power goes
"""

RESTART = CHILD_PRELUDE + """
wait(lambda: view.pages.currentWidget() is view.offer)
print("OFFER " + view.offer.text.text(), flush=True)
press(Qt.Key.Key_Return)
wait(lambda: view.pages.currentWidget() is view.question)
given = sorted(view.session.given)
print("RESUMED " + " ".join(given), flush=True)
print("POSITION %d" % view.question.index, flush=True)
window.close()
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("STUDYAPP_DATA_DIR", None)
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_exam_killed_after_three_answers_resumes_with_those_three(tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = tmp_path / "take_exam.py"
    script.write_text(textwrap.dedent(TAKE_EXAM), encoding="utf-8")
    app = subprocess.Popen([sys.executable, str(script), str(data)], env=child_env(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    try:
        assert app.stdout is not None
        line = app.stdout.readline()
        assert line.startswith("ANSWERED "), line + (app.stderr.read() if app.poll() else "")
        answered = sorted(line.split()[1:])
        assert len(answered) == 3
        os.killpg(app.pid, signal.SIGKILL)
        app.wait(timeout=10)
        assert app.returncode == -signal.SIGKILL
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
        for stream in (app.stdout, app.stderr):
            if stream is not None:
                stream.close()

    stats = subprocess.run([sys.executable, "-m", "studyapp", "--data-dir", str(data), "stats",
                            "--json"], env=child_env(), capture_output=True, text=True,
                           timeout=60, check=True)
    quiz = json.loads(stats.stdout)["quiz"]
    assert (quiz["attempts"], quiz["in_progress"], quiz["answers"]) == (1, 1, 3)

    script = tmp_path / "restart.py"
    script.write_text(textwrap.dedent(RESTART), encoding="utf-8")
    again = subprocess.run([sys.executable, str(script), str(data)], env=child_env(),
                           capture_output=True, text=True, timeout=120)
    lines = dict(line.split(" ", 1) for line in again.stdout.splitlines() if " " in line)
    assert "OFFER" in lines, again.stdout + again.stderr
    assert re.search(r"\b3 of \d+ questions answered", lines["OFFER"]), lines["OFFER"]
    assert sorted(lines["RESUMED"].split()) == answered
    assert lines["POSITION"] == "3"
    assert again.returncode == 0, again.stderr
