"""Which of the question sets shipped in ``questions/`` the profile lacks or has older.

Apart from ``question_sets.py`` so that the usual start (every set in place) answers it
without loading the question-set readers: the window asks it before the reader's first frame.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from studyapp.core.resources import questions_dir
from studyapp.core.store.service import Service


def builtin_files_to_install(db: Database) -> list[tuple[Path, str]]:
    """The shipped set files (with their sha256) that the profile lacks or has older."""
    known = {
        row[0]: row[1]
        for row in db.execute("SELECT source, sha256 FROM question_sets WHERE builtin = 1")
    }
    missing = []
    for entry in sorted(questions_dir().iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")) or not entry.is_file():
            continue
        path = Path(str(entry))
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if known.get(entry.name) != digest:
            missing.append((path, digest))
    return missing


def builtin_installed(db: Database) -> bool:
    """Whether every built-in set shipped is in the profile, as shipped (a reader beside a
    window that is still installing them waits for it)."""
    return not builtin_files_to_install(db)


class BuiltinSetsService(Service):
    """``store.builtin_sets``: the question (through the store's error boundary)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def installed(self) -> bool:
        return builtin_installed(self.db)
