"""One learner profile's SQLite database and the services the views ask for.

Views never run SQL: they call ``store.sections.mark_read(...)``,
``store.question_sets.import_set(...)`` and so on. Every write runs inside ``db.atomic()``;
the connection (``connection.py``) uses WAL and enforces foreign keys. Each area of the
profile has its module: ``reading``, ``annotations``, ``question_sets``, ``quizzes``,
``exams`` (imported exams), ``backups``, ``reviews`` (flashcards), ``progress`` (the
dashboard's aggregates). Services take the clock they stamp with
(``studyapp.core.clock``).

A store holds its profile's lock (``locking.py``) until :meth:`Store.close`, which also folds
the WAL back into the main file (``PRAGMA wal_checkpoint(TRUNCATE)``), so a closed profile is
one complete file.
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from studyapp.core import site_settings
from studyapp.core.clock import Clock, system_clock
from studyapp.core.paths import DEFAULT_PROFILE
from studyapp.core.store.annotations import Bookmark, BookmarksService, Note, NotesService
from studyapp.core.store.backups import Backup, BackupsService, Restored, restore_backup
from studyapp.core.store.builtin_sets import BuiltinSetsService, builtin_installed
from studyapp.core.store.checks import closed_signature, found_damaged
from studyapp.core.store.connection import (
    LOCK_WAIT_SECONDS,
    Access,
    CorruptDatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    OpenedDatabase,
    ProfileInUseError,
    ProfileUnavailableError,
    ReadOnlyProfileError,
    StoreError,
    open_database,
    store_errors,
)
from studyapp.core.store.locking import ProfileLock
from studyapp.core.store.reading import SectionProgress, SectionsService

if TYPE_CHECKING:
    from studyapp.core.store.exams import ExamsService
    from studyapp.core.store.progress import ProgressService
    from studyapp.core.store.question_sets import (
        ImportSummary,
        QuestionSetsService,
        SetInfo,
        item_key,
    )
    from studyapp.core.store.quizzes import QuizAttempt, QuizzesService
    from studyapp.core.store.reviews import ReviewsService
    from studyapp.core.studyday import StudyDay

# Names this package hands on from the modules that load with their service (see Store).
_LATER = {"ImportSummary": "question_sets", "SetInfo": "question_sets",
          "item_key": "question_sets", "QuizAttempt": "quizzes"}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(import_module(f"studyapp.core.store.{_LATER[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Store:
    """A profile's database and its services, all sharing one connection and one clock."""

    def __init__(self, db: Database, path: Path, profile: str, clock: Clock = system_clock,
                 opened: OpenedDatabase | None = None) -> None:
        self.db = db
        self.path = path
        self.profile = profile
        self.clock = clock
        self._opened = opened
        self.read_only = opened.read_only if opened is not None else False
        # Every page was checked on the way in; if not, the window checks them in the
        # background after start-up (``checks.check_file``).
        self.checked = opened.checked if opened is not None else False
        self.closed = False
        # DATA/profiles/NAME.sqlite3 -> DATA
        self.backups = BackupsService(db, path.parent.parent, profile, clock)
        self.sections = SectionsService(db, clock)
        self.notes = NotesService(db, clock)
        self.bookmarks = BookmarksService(db, clock)
        self.builtin_sets = BuiltinSetsService(db)
        # The other services load with their modules when first asked for: the window's
        # first frame (the reader) needs none of them.

    @cached_property
    def question_sets(self) -> QuestionSetsService:
        from studyapp.core.store.question_sets import QuestionSetsService

        return QuestionSetsService(self.db, self.clock)

    @cached_property
    def quizzes(self) -> QuizzesService:
        from studyapp.core.store.quizzes import QuizzesService

        return QuizzesService(self.db, self.clock)

    @cached_property
    def exams(self) -> ExamsService:
        from studyapp.core.store.exams import ExamsService

        return ExamsService(self.db, self.clock)

    @cached_property
    def reviews(self) -> ReviewsService:
        from studyapp.core.store.reviews import ReviewsService

        return ReviewsService(self.db, self.clock)

    @property
    def days(self) -> StudyDay:
        """One study day for the dashboard, the Cards view and the daily quiz: its hour is
        the review settings' day_starts_at, its zone ``store.reviews.tz``."""
        return self.reviews.days

    @cached_property
    def progress(self) -> ProgressService:
        from studyapp.core.store.progress import ProgressService

        progress = ProgressService(self.db, self.clock, self.days)
        progress.attach_cards(self.reviews)
        return progress

    def close(self) -> None:
        """Checkpoints the WAL into the main file, closes the connection, lets the lock go."""
        if self.closed:
            return
        self.closed = True
        folded = False
        try:
            if not self.read_only:
                try:
                    busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                    folded = busy == 0
                except sqlite3.Error:
                    pass  # a reader still uses the log; the last connection to close folds it
        finally:
            if "reviews" in self.__dict__:  # made: it may watch the WAL's shared memory
                self.reviews.release()
            self.db.close()
            lock = self._opened.lock if self._opened is not None else None
            if lock is not None:
                if folded and lock.first and not found_damaged(self.path):
                    # The next open may skip the full check.
                    _note_closed(self.path, lock)
                lock.release()

    def close_and_restore(self, backup: Path) -> Restored:
        """Closes this store and puts ``backup`` back as the profile's file, holding the
        profile's lock throughout so no other StudyApp slips in between (the window's
        File → Backups). Open the profile again afterwards. Raises StoreError (with the file
        unchanged) when the backup cannot be restored."""
        from studyapp.core.paths import lock_path
        from studyapp.core.store.locking import ProfileLock

        data_dir = self.path.parent.parent
        keep = None
        if self._opened is not None and self._opened.lock is not None:
            keep = ProfileLock.acquire(lock_path(self.path))  # held by us: no wait
        try:
            self.close()
            return restore_backup(data_dir, self.profile, backup, self.clock)
        finally:
            if keep is not None:
                keep.release()

    def counts(self) -> dict[str, int]:
        """Row counts that the stats summary reports."""
        tables = ["notes", "bookmarks", "review_log", "quiz_attempts"]
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _note_closed(path: Path, lock: ProfileLock) -> None:
    try:
        lock.write_note(closed_signature(path))
    except OSError:
        pass  # then the next open checks every page, as it would anyway


def open_store(
    data_dir: Path, profile: str = DEFAULT_PROFILE, clock: Clock = system_clock, *,
    access: Access = "write", wait: float = LOCK_WAIT_SECONDS,
    site: site_settings.SiteSettings | None = None,
) -> Store:
    """Opens (creating and upgrading as needed) the profile's database and takes its lock.

    ``access="read"`` is for commands that only read: when another process holds the lock,
    they get a read-only connection beside it (``store.read_only``) instead of waiting.
    Raises :class:`ProfileInUseError` when the lock is still held after ``wait`` seconds.
    ``site``: the machine-wide settings (read from their files when not given).
    """
    opened = open_database(data_dir, profile, access=access, wait=wait, clock=clock,
                           ready=builtin_installed)
    store = Store(opened.db, opened.path, opened.profile, clock, opened)
    # IT's daily goal for this PC (core/site_settings.py), the default or locked.
    goal = (site if site is not None else site_settings.load()).daily_goal
    if goal.value is not None:
        store.progress.set_house_goal((goal.value.kind, goal.value.target), goal.locked)
    return store


__all__ = [
    "Backup", "Bookmark", "CorruptDatabaseError", "DiskFullError", "ForeignDatabaseError",
    "ImportSummary", "NewerDatabaseError", "Note", "ProfileInUseError",
    "ProfileUnavailableError", "QuizAttempt", "ReadOnlyProfileError", "SectionProgress",
    "SetInfo", "Store", "StoreError", "item_key", "open_store", "store_errors",
]
