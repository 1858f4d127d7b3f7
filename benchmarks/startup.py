"""Start-up cost of StudyApp against a bare PySide6 QMainWindow, measured in the same run.

startup:         time from process start to the main window first shown, ratio to the bare
                 window. Target: at most 2.0.
startup_memory:  peak resident memory once the window is shown, ratio to the bare window.
                 Target: at most 1.6.
startup_ready:   time until the reader shows the learner's section (profile open, database
                 layer loaded, built-in sets checked), ratio to the bare window. The window's
                 frame shows before this; this is the whole cost. Target: at most 3.0.
startup_ready_memory: peak resident memory at that moment, ratio to the bare window.
                 Target: at most 2.2.

Each side runs RUNS times in a fresh interpreter (offscreen); the median counts. The
child reports when the first top-level QMainWindow receives its Show event.
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
READY_TARGET = 3.0
READY_MEMORY_TARGET = 2.2

_PROBE = r"""
import os, sys, json, resource
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstShow(QObject):
    def eventFilter(self, obj, event):
        wanted = obj.objectName() == "SectionText" if sys.argv[1] == "ready" else isinstance(
            obj, QMainWindow)
        if event.type() == QEvent.Type.Show and wanted:
            peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            sys.stdout.write(json.dumps({"peak_kib": peak_kib}) + "\n")
            sys.stdout.flush()
            os._exit(0)
        return False

app = QApplication(sys.argv)
probe = FirstShow()
app.installEventFilter(probe)
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
        _run_once("app", data_dir)  # first run creates the profile; not counted
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
