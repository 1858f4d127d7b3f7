"""One learner profile's SQLite database and the services the views ask for.

Views never run SQL: they call ``store.sections.mark_read(...)``,
``store.question_sets.import_set(...)`` and so on. Every write runs inside ``db.atomic()``;
the connection (``connection.py``) uses WAL and enforces foreign keys. Each area of the
profile has its module: ``reading``, ``annotations``, ``question_sets``, ``quizzes``.
Services take the clock they stamp with (``studyapp.core.clock``).
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from studyapp.core.clock import Clock, system_clock
from studyapp.core.paths import DEFAULT_PROFILE
from studyapp.core.store.annotations import Bookmark, BookmarksService, Note, NotesService
from studyapp.core.store.connection import (
    CorruptDatabaseError,
    NewerDatabaseError,
    StoreError,
    open_database,
)
from studyapp.core.store.question_sets import (
    ImportSummary,
    QuestionSetsService,
    SetInfo,
    item_key,
)
from studyapp.core.store.quizzes import QuizAttempt, QuizzesService
from studyapp.core.store.reading import SectionProgress, SectionsService


class Store:
    """A profile's database and its services, all sharing one connection and one clock."""

    def __init__(self, db: Database, path: Path, profile: str, clock: Clock = system_clock):
        self.db = db
        self.path = path
        self.profile = profile
        self.clock = clock
        self.sections = SectionsService(db, clock)
        self.notes = NotesService(db, clock)
        self.bookmarks = BookmarksService(db, clock)
        self.question_sets = QuestionSetsService(db, clock)
        self.quizzes = QuizzesService(db, clock)

    def close(self) -> None:
        self.db.close()

    def counts(self) -> dict[str, int]:
        """Row counts that the stats summary reports."""
        tables = ["notes", "bookmarks", "review_log", "quiz_attempts"]
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def open_store(
    data_dir: Path, profile: str = DEFAULT_PROFILE, clock: Clock = system_clock
) -> Store:
    """Opens (creating and upgrading as needed) the profile's database."""
    db, path = open_database(data_dir, profile)
    return Store(db, path, profile, clock)


__all__ = [
    "Bookmark", "CorruptDatabaseError", "ImportSummary", "NewerDatabaseError", "Note",
    "QuizAttempt", "SectionProgress", "SetInfo", "Store", "StoreError", "item_key", "open_store",
]
