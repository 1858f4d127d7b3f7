"""Work on the profile file that must never hold up the window: the backup (copied and
checked page by page) and the check of every page after start-up. Each runs on a thread of
its own through its own connection (SQLite lets the GUI thread write meanwhile, and releases
Python's lock while it copies and checks), so the window keeps drawing: no frame of the GUI
thread waits for them (``benchmarks/backup_heartbeat.py`` measures it).

A backup tells how far it is (``progress``) and either job can be stopped (``stop``: the
window is closing and will not wait); a stopped backup leaves nothing behind.

Damage a job finds reaches the window through core (``checks.on_damage``), which the window
answers with the recovery dialog; other failures come back as ``finished(name, message)``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studyapp.core import app_log
from studyapp.core.store_errors import StoreError

if TYPE_CHECKING:
    from studyapp.core.store.backups import BackupJob

__all__ = ["StoreJobs"]


class StoreJobs(QObject):
    # The job's name ("backup", "check") and "" when it went well, else what went wrong.
    finished = Signal(str, str)
    # The job's name, and how far it is: done of total (a backup's pages); 0 of 0 while
    # there is no measure (the copy being checked).
    progress = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[str, threading.Thread] = {}
        self._stops: dict[str, threading.Event] = {}
        self._results: dict[str, object] = {}

    def busy(self, name: str | None = None) -> bool:
        threads = [self._threads[name]] if name in self._threads else (
            list(self._threads.values()) if name is None else [])
        return any(thread.is_alive() for thread in threads)

    def backup(self, job: BackupJob) -> bool:
        """Starts ``job`` unless a backup is running already; False then."""
        return self._start("backup", lambda stop: job.run(
            lambda done, total: self._tell("backup", done, total), stop))

    def check(self, profile_file: Path) -> bool:
        """Checks every page of the file (the open skipped it: the file was as closed)."""
        from studyapp.core.store.checks import check_file

        return self._start("check", lambda stop: check_file(profile_file, stop))

    def result(self, name: str) -> object:
        """What the last ``name`` job that went well returned (a backup: its ``Backup``)."""
        return self._results.get(name)

    def stop(self, name: str | None = None) -> None:
        """Asks the running job ``name`` (every job: None) to end at its next step."""
        for key, event in self._stops.items():
            if name is None or key == name:
                event.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Until every job has ended (before the profile is closed or replaced), or for at
        most ``timeout`` seconds; whether they all ended."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in list(self._threads.values()):
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        if self.busy():
            return False
        self._threads.clear()
        return True

    def _start(self, name: str, work: Callable[[threading.Event], object]) -> bool:
        if self.busy(name):
            return False
        stop = threading.Event()

        def run() -> None:
            try:
                self._results[name] = work(stop)
            except StoreError as error:
                self._report(name, str(error))
            except Exception as error:  # a bug: logged, and the window goes on
                app_log.log_error(type(error), error, error.__traceback__,
                                  f"the {name} job failed")
                self._report(name, str(error))
            else:
                self._report(name, "")

        thread = threading.Thread(target=run, name=f"studyapp-{name}", daemon=True)
        self._threads[name], self._stops[name] = thread, stop
        self._results.pop(name, None)
        thread.start()
        return True

    def _tell(self, name: str, done: int, total: int) -> None:
        try:
            self.progress.emit(name, done, total)  # queued to the GUI thread
        except RuntimeError:
            pass  # the window's session is gone (closing): nobody is watching

    def _report(self, name: str, problem: str) -> None:
        try:
            self.finished.emit(name, problem)  # queued to the GUI thread
        except RuntimeError:
            pass  # the window's session is gone (closing): nothing to tell
