"""The store's one error boundary: a service's public methods raise ``StoreError`` only.

Every service (``ReviewsService``, ``QuizzesService``...) derives from :class:`Service`.
Its public methods are wrapped when the class is made, so an ``sqlite3`` error met inside
one (a full disk, a damaged page read during a review, a lock held too long) reaches the
caller as the :class:`~studyapp.core.store.checks.StoreError` subclass that names the
cause (``translate_error``), and a full disk seen as ``ENOSPC`` as a ``DiskFullError``.
Views catch ``StoreError`` and say what went wrong; a damaged profile
(``CorruptDatabaseError``) leads to the recovery dialog.
"""

from __future__ import annotations

import errno
import functools
import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from studyapp.core.store.checks import (
    CorruptDatabaseError,
    disk_full,
    mark_damaged,
    translate_error,
)

__all__ = ["Service", "database_path"]

_Method = TypeVar("_Method", bound=Callable[..., Any])


def database_path(db: Database) -> Path | None:
    """The file behind ``db`` (None for a database in memory or a closed connection)."""
    try:
        row = db.conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return Path(row[2]) if row is not None and row[2] else None


def _guarded(method: _Method) -> _Method:
    @functools.wraps(method)
    def guarded(self: Service, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            path = database_path(self.db)
            translated = translate_error(error, path)
            if isinstance(translated, CorruptDatabaseError):
                mark_damaged(path, translated.detail)
            raise translated from error
        except CorruptDatabaseError as error:  # met by a check the service ran (a backup's)
            mark_damaged(database_path(self.db), error.detail or str(error))
            raise
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
            raise disk_full(database_path(self.db)) from error

    return guarded  # type: ignore[return-value]


class Service:
    """A part of the profile (reviews, quizzes, notes...) over the store's connection."""

    db: Database

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(value):
                setattr(cls, name, _guarded(value))
