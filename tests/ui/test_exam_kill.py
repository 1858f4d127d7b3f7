"""An exam choice is saved when it is picked, not when it is confirmed: the real app starts an
exam, the learner presses 1 on the first question and not Enter, the process is killed
(SIGKILL: a power cut), and after a restart the resumed question shows that answer.

Every wait is bounded and the child is always killed: a driver that never gets where it
should fails the test with its log instead of hanging the suite."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.main_window import MainWindow
from studyapp.ui.quiz_view import QuizView

# Runs the app as `studyapp` does (start_gui: window, profile, built-in sets) and types as a
# learner once the window is active: Ctrl+3, Down (Exam), Enter, then 1 on the first question
# and nothing else. It prints the attempt and the question once the key press has been
# handled (the view's call to the store has returned), then idles until it is killed. Each
# stage says where it is on standard error, so a driver stuck on the way tells where.
DRIVER = r"""
import sys
from argparse import Namespace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from studyapp.ui.launch import start_gui

session = start_gui(Namespace(data_dir=sys.argv[1], profile="default"))
stage = "open"


def key(k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget() or session.window, k, modifier)


def step():
    global stage
    window = session.window
    if window is not None and window.store is not None and window.isActiveWindow():
        if window.current_view() != "quiz":
            key(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # again, if it went astray
        else:
            view = window.quiz_view
            page = view.question
            if stage == "open" and view.start.modes.hasFocus():
                key(Qt.Key.Key_Down)
                key(Qt.Key.Key_Return)
                stage = "exam"
            elif (stage == "exam" and view.pages.currentWidget() is page
                  and page.control is not None and page.control.isVisible()):
                key(Qt.Key.Key_1)
                print(page.session.attempt_id, page.session.items[page.index].key,
                      page.index, flush=True)
                return  # no Enter: the learner is still thinking when the power goes
    else:
        window is not None and window.activateWindow()
    print("stage", stage, file=sys.stderr, flush=True)
    QTimer.singleShot(50, step)


QTimer.singleShot(0, step)
session.app.exec()
"""

STARTUP_S = 60  # the driver prints within this, or the test fails with its log


def first_line(child: subprocess.Popen[str], timeout_s: float) -> str:
    """The child's first line of standard output, or "" when none came in ``timeout_s``
    (read on a thread: a child that never prints cannot block the test)."""
    lines: queue.Queue[str] = queue.Queue()
    assert child.stdout is not None
    stdout = child.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            return lines.get(timeout=0.2)
        except queue.Empty:
            if child.poll() is not None:
                return ""
    return ""


def run_until_picked(data: Path, log: Path) -> str:
    """Runs the driver until it has picked an answer, then SIGKILLs it; its printed line."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with log.open("w") as errors:
        child = subprocess.Popen([sys.executable, "-c", DRIVER, str(data)], env=env,
                                 stdout=subprocess.PIPE, stderr=errors, text=True,
                                 start_new_session=True)
        try:
            line = first_line(child, STARTUP_S)
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)  # the power cut (or a stuck driver)
            child.wait(timeout=10)
            assert child.stdout is not None
            child.stdout.close()
    return line


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_exam_choice_survives_a_power_cut_before_enter(
        qtbot: QtBot, tmp_path: Path, show_window: Callable[..., MainWindow]) -> None:
    data = tmp_path / "data"
    log = tmp_path / "driver.log"
    line = run_until_picked(data, log)
    tail = log.read_text(errors="replace")[-2000:]
    assert line.strip(), f"the driver never picked an answer; its log ends:\n{tail}"
    attempt_id, question_key, index = line.split()

    store: Store = open_store(data, "default")  # the restart, on the same profile
    window = show_window(data, store, load_report())
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        view = window.quiz_view
        assert isinstance(view, QuizView)
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.offer)
        assert "1 of 20 questions answered" in view.offer.text.text()
        qtbot.keyClick(view.offer.resume_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
        assert window.statusBar().currentMessage().startswith("Exam resumed with 1 answer and")
        session = view.session
        assert session is not None and session.attempt_id == int(attempt_id)
        picked = int(index)
        assert session.items[picked].key == question_key and session.answered(picked)
        page = view.question
        while page.index > picked:  # the resume opens at the first unanswered question
            qtbot.keyClick(page, Qt.Key.Key_PageUp)
        assert page.index == picked
        assert page.control is not None
        assert page.control.response() == session.response(picked) is not None
    finally:
        window.close()  # before its store
        store.close()
