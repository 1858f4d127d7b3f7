"""Start-up cost of StudyApp against a bare PySide6 QMainWindow, measured in the same run.

startup:         time from process start to the main window first shown, ratio to the bare
                 window. Target: at most 2.0.
startup_memory:  peak resident memory once the window is shown, ratio to the bare window.
                 Target: at most 1.6.
startup_ready:   time until the section's text is first painted (the text laid out and
                 drawn; a learner who was reading gets that section's text before the
                 profile opens, a first start after it), ratio to the bare window's first
                 show. The window's frame shows before this; this is the whole cost.
                 Target: at most 2.0 (issue 16).
startup_ready_memory: peak resident memory at that moment, ratio to the bare window.
                 Target: at most 1.8 (issue 16).

Each side runs RUNS times in a fresh interpreter (offscreen); the median counts. The
child reports when the first top-level QMainWindow receives its Show event ("bare", "app"),
or once the window's repaint that draws the reader's section text has been handled
("ready": at the window's UpdateRequest, the start of a repaint, with the text (the
QTextBrowser named "SectionText") visible and holding a section, the report is queued; it
goes out once that repaint is done).

The probe filters the events of each QMainWindow only, from the moment it is shown
(``QWidget.show`` is wrapped; the bare window is shown through it too). It used to filter
every event of the application, which the real app never does and which cost the app side
alone: PySide wraps each filtered object for Python, and wrapping Qt's private gesture
manager (a QObject PySide does not know) made it set up every QObject class of the loaded
modules, building their enums (377 enums instead of 302 by the text's first paint, counted
by wrapping ``enum.EnumType._create_``; about 1.5 MiB and 20 ms). For the same reason it
no longer filters the text's viewport: the first Python wrapper of that C++-made QWidget
sets up every QWidget class (some 30-40 enums, 3-4 ms), which the app itself no longer
pays before its text is painted. The moment reported is the same: the text has been
painted once (checked with the app's SectionText.painted signal), the same modules are
loaded, and the profile is not yet open when the text comes first.

Before the counted runs each kind runs once uncounted: the first app run creates the profile
and installs the built-in sets, and every kind gets its bytecode compiled and its files in
the page cache.

Memory is the child's own peak (VmHWM in /proc/self/status, read by the child): Linux carries
ru_maxrss over from the parent across fork and exec, so a child of a large runner would
report the runner's peak.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from functools import cache

from benchmarks.common import Result, median

RUNS = 7
STARTUP_TARGET = 2.0
MEMORY_TARGET = 1.6
READY_TARGET = 2.0  # issue 16
READY_MEMORY_TARGET = 1.8  # issue 16

_PROBE = r"""
import os, sys, json
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser, QWidget

def own_peak_kib():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")

def report():
    sys.stdout.write(json.dumps({"peak_kib": own_peak_kib()}) + "\n")
    sys.stdout.flush()
    os._exit(0)

class Probe(QObject):
    def eventFilter(self, window, event):
        kind = event.type()
        if sys.argv[1] != "ready":
            if kind == QEvent.Type.Show:
                report()
        elif kind == QEvent.Type.UpdateRequest:  # the window is about to paint what changed
            text = window.findChild(QTextBrowser, "SectionText")
            if text is not None and text.isVisible() and text.document().characterCount() > 1:
                window.removeEventFilter(self)
                QTimer.singleShot(0, report)  # once this paint, the text's, has been handled
        return False

probe = Probe()
qt_show = QWidget.show

def show(widget):
    if isinstance(widget, QMainWindow):
        widget.installEventFilter(probe)
    qt_show(widget)

QWidget.show = show
app = QApplication(sys.argv)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()
else:
    from studyapp.app import main
    main(["--data-dir", sys.argv[2]])
"""


def _run_once(kind: str, data_dir: str) -> tuple[float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed app has its bytecode compiled (pip does it at install time); this
    # machine's PYTHONDONTWRITEBYTECODE would make every run compile the app's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, data_dir],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    elapsed = time.perf_counter() - started
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{kind} window never showed:\n{completed.stderr[-2000:]}")
    return elapsed, json.loads(lines[-1])["peak_kib"]


@cache
def _measure() -> dict[str, tuple[float, float]]:
    """Median seconds and peak KiB for the bare window and the app, runs interleaved."""
    samples: dict[str, list[tuple[float, int]]] = {"bare": [], "app": [], "ready": []}
    with tempfile.TemporaryDirectory() as data_dir:
        for kind in samples:  # warm-up, not counted: the first app run creates the profile
            _run_once(kind, data_dir)
        for _ in range(RUNS):
            for kind in samples:
                samples[kind].append(_run_once(kind, data_dir))
    return {
        kind: (median([s for s, _ in runs]), median([float(m) for _, m in runs]))
        for kind, runs in samples.items()
    }


def _time_ratio(name: str, kind: str, target: float) -> Result:
    measured = _measure()
    bare_s, kind_s = measured["bare"][0], measured[kind][0]
    ratio = kind_s / bare_s
    return Result(name, round(ratio, 3), "x bare window", f"<= {target}", ratio <= target,
                  f"{kind} {kind_s:.3f} s, bare {bare_s:.3f} s")


def _memory_ratio(name: str, kind: str, target: float) -> Result:
    measured = _measure()
    bare_kib, kind_kib = measured["bare"][1], measured[kind][1]
    ratio = kind_kib / bare_kib
    return Result(name, round(ratio, 3), "x bare window", f"<= {target}", ratio <= target,
                  f"{kind} {kind_kib / 1024:.1f} MiB, bare {bare_kib / 1024:.1f} MiB")


def startup() -> Result:
    return _time_ratio("startup", "app", STARTUP_TARGET)


def startup_memory() -> Result:
    return _memory_ratio("startup_memory", "app", MEMORY_TARGET)


def startup_ready() -> Result:
    return _time_ratio("startup_ready", "ready", READY_TARGET)


def startup_ready_memory() -> Result:
    return _memory_ratio("startup_ready_memory", "ready", READY_MEMORY_TARGET)
