"""Guards against a broken Qt binding (pyproject.toml keeps PySide6 6.12.0 out for this).

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that returns
nothing; the real app then aborts with ``Fatal Python error: none_dealloc`` after about two
hundred section changes. Two checks catch the next release that does this:

- a void Qt call leaves ``sys.getrefcount(None)`` where it was;
- the real app, started as ``studyapp`` starts it, in a process of its own, goes through
  several hundred section changes with Right and Left (key events posted to the event
  loop, as a keyboard delivers them), is closed with Ctrl+Q, and exits with status 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

CALLS = 1000
TOLERANCE = 50  # other threads and the collector may move None's count a little
SECTION_CHANGES = 400

# Runs the app's own GUI entry point (studyapp.ui.launch.run_gui, what `studyapp` calls) and
# drives it from outside the app: no test hook in the app itself.
DRIVER = textwrap.dedent(
    """
    import os
    import sys
    import traceback

    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from studyapp import cli
    from studyapp.ui.launch import run_gui

    WANTED = int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    seen = []
    state = {"direction": Qt.Key.Key_Right}


    def window():
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "MainWindow" and widget.isVisible():
                return widget
        return None


    def post(target, key):
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QCoreApplication.postEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


    def step():
        try:
            drive()
        except BaseException:  # a mistake in this driver must fail the test, not hang it
            traceback.print_exc()
            os._exit(70)


    def drive():
        main = window()
        reader = getattr(main, "reader", None)
        if reader is None or reader.section is None:
            QTimer.singleShot(20, step)
            return
        current = reader.section.id
        if not seen or seen[-1] != current:
            seen.append(current)
        if len(seen) > WANTED:
            print(f"section changes: {len(seen) - 1}", flush=True)
            # Ctrl+Q (File > Quit), through the shortcut map as a keyboard's would go.
            QTest.keyClick(main, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
            return
        if main.report.next(reader.section) is None:
            state["direction"] = Qt.Key.Key_Left
        elif main.report.previous(reader.section) is None:
            state["direction"] = Qt.Key.Key_Right
        if QApplication.focusWidget() is not reader.text:
            reader.text.setFocus()
        post(reader.text, state["direction"])
        QTimer.singleShot(0, step)


    QTimer.singleShot(0, step)
    sys.exit(run_gui(cli.parse_args(["--data-dir", sys.argv[1]])))
    """
)


def test_a_void_qt_call_leaves_the_reference_count_of_none_alone(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setVisible(False)  # warm up: the first call may create caches
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setVisible(False)
        widget.setToolTip("")
        widget.update()
    after = sys.getrefcount(None)
    assert abs(after - before) <= TOLERANCE, (
        f"None's reference count moved by {after - before} over {3 * CALLS} void Qt calls: "
        "this Qt binding mishandles None (the app would abort with none_dealloc)"
    )


def test_the_real_app_survives_hundreds_of_section_changes_and_exits_0(
        tmp_path: Path) -> None:
    script = tmp_path / "drive_reader.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["STUDYAPP_DATA_DIR"] = str(tmp_path / "data")
    completed = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "data"), str(SECTION_CHANGES)],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, f"exit status {completed.returncode}:\n{output[-3000:]}"
    assert f"section changes: {SECTION_CHANGES}" in completed.stdout, output[-3000:]
    assert "Traceback" not in output and "Fatal Python error" not in output, output[-3000:]
