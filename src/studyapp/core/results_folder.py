"""The results folder: where each learner's StudyApp leaves its results file for the trainer.

A USB stick or an office share, reached with plain file I/O (no network code). The window
writes the file when it closes and on File → Write results now; the class report reads the
whole folder (core/class_report.py). Each file is named by profile and PC, so two PCs never
overwrite each other, and written atomically (a temporary file beside it, then a rename), so
the trainer never reads half of one. A folder that is not there (the stick is out, the share
is down) is not created: the write fails with OSError and waits for the next close.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path

from studyapp.core.messages import msg
from studyapp.core.report import Report
from studyapp.core.store import Store

PREFIX = "studyapp-results"
_UNSAFE = re.compile(r"[^\w.-]+")  # \w keeps Chinese names; Windows-forbidden signs go


def this_pc() -> str:
    """The computer's name, as the results file names it (read locally, no lookup)."""
    return socket.gethostname().split(".")[0] or "pc"


def safe_part(text: str) -> str:
    """``text`` as a part of a file name that every system accepts."""
    return _UNSAFE.sub("_", text.strip()).strip("._")[:60] or "_"


def results_file_name(profile: str, pc: str) -> str:
    return f"{PREFIX}-{safe_part(profile)}@{safe_part(pc)}.csv"


class FolderUnreachable(OSError):
    """The results folder is not there now (``str()`` says which folder)."""


def write_results_file(store: Store, report: Report, folder: Path,
                       pc: str | None = None) -> Path:
    """Writes the profile's results CSV (with its checksum) into ``folder``; the file's path.

    Raises FolderUnreachable when ``folder`` is not an existing folder, OSError when the file
    cannot be written; in both cases nothing is left behind in the folder.
    """
    from studyapp.core.files import write_text_atomically
    from studyapp.core.stats import results_csv, results_rows

    if not folder.is_dir():
        raise FolderUnreachable(msg("{folder}: the results folder is not there (a USB stick "
                                    "not plugged in, or a share not reachable)",
                                    folder=str(folder)).render())
    target = folder / results_file_name(store.profile, pc or this_pc())
    write_text_atomically(target, results_csv(results_rows(store, report)),
                          encoding="utf-8-sig")
    return target
