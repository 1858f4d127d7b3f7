"""The built app's own smoke test: ``STUDYAPP_SELF_TEST=OUT_DIR StudyApp --data-dir DIR``.

It starts exactly as a learner's app does (``launch.run_gui``: the install check, the log,
the window, the profile), then goes through each view by its Go menu action (what Ctrl+1..4
do), draws each into ``OUT_DIR/view-NAME.png``, exports the progress report to
``OUT_DIR/progress.pdf``, writes ``OUT_DIR/self-test.json`` and closes the window. The exit
status is the app's: 0 when everything worked. ``packaging/build.py`` runs it on the built
folder, where a module or data file PyInstaller left out, or a Qt plugin the excludes took
away, fails it; it needs no test tools inside the package.
"""

from __future__ import annotations

import json
import traceback
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

VIEWS = ("read", "cards", "quiz", "progress")
WAIT_MS = 120_000  # for the profile to open; the first run also installs the built-in sets


def run_self_test(args: Namespace, out: Path) -> int:
    from studyapp.ui.launch import run_gui

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["StudyApp"])
    assert isinstance(app, QApplication)
    driver = _Driver(app, out)
    QTimer.singleShot(0, driver.wait_for_window)
    # A message box (a broken install, a damaged profile) would wait for a click forever:
    # its text is kept in the result, it is closed, and the test fails.
    watchdog = QTimer()
    watchdog.timeout.connect(driver.close_message_boxes)
    watchdog.start(200)
    status = run_gui(args)
    if not driver.done:
        driver.result.setdefault("error", "the app ended before the self-test finished")
        driver.write()
    return status or (0 if driver.result.get("ok") else 1)


class _Driver:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app = app
        self.out = out
        self.waited = 0
        self.done = False
        self.result: dict[str, Any] = {"ok": False, "views": {}, "messages": []}

    def close_message_boxes(self) -> None:
        box = self.app.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.result["messages"].append(f"{box.text()} {box.informativeText()}".strip())
            box.done(0)

    def window(self) -> MainWindow | None:
        from studyapp.ui.main_window import MainWindow

        for widget in self.app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    def wait_for_window(self) -> None:
        window = self.window()
        if window is not None and window.store is not None:
            QTimer.singleShot(0, lambda: self.go(window))
            return
        self.waited += 100
        if self.waited > WAIT_MS:
            self.finish(None, "the window did not open a profile")
            return
        QTimer.singleShot(100, self.wait_for_window)

    def go(self, window: MainWindow) -> None:
        try:
            for key in VIEWS:
                window.view_actions[key].trigger()
                self.app.processEvents()
                shown = window.current_view()
                picture = window.grab()
                path = self.out / f"view-{key}.png"
                picture.save(str(path))
                self.result["views"][key] = {"shown": shown == key, "png": str(path),
                                             "width": picture.width()}
                if shown != key:
                    raise RuntimeError(f"the {key} view did not open (showing {shown!r})")
            from studyapp.ui.progress_report import save_progress_report

            assert window.store is not None
            pdf = self.out / "progress.pdf"
            save_progress_report(window.store, window.report, pdf)
            data = pdf.read_bytes()
            if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
                raise RuntimeError("the exported progress report is not a whole PDF")
            self.result["pdf"] = {"path": str(pdf), "bytes": len(data)}
            if self.result["messages"]:
                raise RuntimeError("the app showed a message box: "
                                   + " | ".join(self.result["messages"]))
            self.result["ok"] = True
            self.finish(window, None)
        except Exception:  # the test reports whatever went wrong
            self.finish(window, traceback.format_exc())

    def finish(self, window: MainWindow | None, error: str | None) -> None:
        if error is not None:
            self.result["error"] = error
        self.write()
        self.done = True
        if window is not None:
            window.close()
        if error is not None:
            self.app.exit(1)

    def write(self) -> None:
        (self.out / "self-test.json").write_text(json.dumps(self.result, indent=2),
                                                 encoding="utf-8")
