"""The app's log: ``logs/studyapp.log`` in the data folder, rotating (1 MiB, 3 old files kept).

Every uncaught error of the window and its threads goes here (``ui/launch.py`` installs the
hooks), with start-up facts that help IT: the version, the program's folder, the data
folder, the machine-wide settings read and their problems, a broken install. It is plain
UTF-8 text that a learner can send to their IT contact.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

LOG_DIR = "logs"
LOG_FILE = "studyapp.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
LOGGER = "studyapp"

log = logging.getLogger(LOGGER)


class RotatingLog(logging.FileHandler):
    """The log file, rolled over to ``.1`` .. ``.BACKUPS`` before a record would take it
    past ``MAX_BYTES``: logging.handlers' RotatingFileHandler's rule, without that module
    (it brings socket and pickle into every start of the window)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() > 0 and (
                    self.stream.tell() + len(f"{self.format(record)}\n".encode(
                        self.encoding or "utf-8")) >= MAX_BYTES):
                self._roll_over()
        except (OSError, ValueError):
            self.handleError(record)
            return
        super().emit(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()  # closed before the renames (Windows cannot rename it open)
            self.stream = None
        base = Path(self.baseFilename)
        for number in range(BACKUPS - 1, 0, -1):
            older = base.with_name(f"{base.name}.{number}")
            if older.exists():
                os.replace(older, base.with_name(f"{base.name}.{number + 1}"))
        os.replace(base, base.with_name(f"{base.name}.1"))
        self.stream = self._open()


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


def start_logging(data_dir: Path) -> Path | None:
    """Sends the ``studyapp`` logger to the data folder's rotating log; the log's path, or
    None when it cannot be written (the app runs on without a log)."""
    path = log_path(data_dir)
    stop_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.set_name(LOG_FILE)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return path


def stop_logging() -> None:
    """Closes the log file (so that a data folder can be removed, and tests stay apart)."""
    for handler in list(log.handlers):
        if handler.get_name() == LOG_FILE:
            log.removeHandler(handler)
            handler.close()


def is_logging_to(path: Path) -> bool:
    """Whether the log is open on ``path`` (so a message may tell the learner it is there)."""
    return any(isinstance(handler, RotatingLog)
               and Path(handler.baseFilename) == path.absolute()
               for handler in log.handlers if handler.get_name() == LOG_FILE)


def log_start(data_dir: Path) -> None:
    from studyapp import __version__

    system, machine = _system()
    log.info("StudyApp %s starting: Python %s on %s (%s); program %s; data %s", __version__,
             ".".join(map(str, sys.version_info[:3])), system, machine,
             Path(sys.executable).resolve().parent, data_dir)


def _system() -> tuple[str, str]:
    """The operating system and machine, for the log. On POSIX from os.uname():
    platform.platform() runs ``uname -p`` in a subprocess and reads the Python binary."""
    if hasattr(os, "uname"):
        uname = os.uname()
        return f"{uname.sysname}-{uname.release}", uname.machine
    import platform

    return platform.platform(), platform.machine()


def log_error(kind: type[BaseException], error: BaseException,
              trace: TracebackType | None, where: str = "uncaught error") -> None:
    log.error("%s: %s", where, error, exc_info=(kind, error, trace))
