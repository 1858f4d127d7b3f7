"""The app's log: ``logs/studyapp.log`` in the data folder, rotating (1 MiB, 3 old files kept).

Every uncaught error of the window and its threads goes here (``ui/launch.py`` installs the
hooks), with start-up facts that help IT: the version, the program's folder, the data
folder, the machine-wide settings read and their problems, a broken install. It is plain
UTF-8 text that a learner can send to their IT contact.
"""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_DIR = "logs"
LOG_FILE = "studyapp.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
LOGGER = "studyapp"

log = logging.getLogger(LOGGER)


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


def start_logging(data_dir: Path) -> Path | None:
    """Sends the ``studyapp`` logger to the data folder's rotating log; the log's path, or
    None when it cannot be written (the app runs on without a log)."""
    path = log_path(data_dir)
    stop_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
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
    return any(isinstance(handler, RotatingFileHandler)
               and Path(handler.baseFilename) == path.absolute()
               for handler in log.handlers if handler.get_name() == LOG_FILE)


def log_start(data_dir: Path) -> None:
    from studyapp import __version__

    log.info("StudyApp %s starting: Python %s on %s (%s); program %s; data %s", __version__,
             platform.python_version(), platform.platform(), platform.machine(),
             Path(sys.executable).resolve().parent, data_dir)


def log_error(kind: type[BaseException], error: BaseException,
              trace: TracebackType | None, where: str = "uncaught error") -> None:
    log.error("%s: %s", where, error, exc_info=(kind, error, trace))
