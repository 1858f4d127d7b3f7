"""One plain message for one fault, wherever it is met: the CLI and the window's crash
handler both ask :func:`describe_fault`, so a full disk reads the same in both.

A fault of the profile (any ``StoreError``, an ``sqlite3`` error that escaped a service, a
full disk seen as ``ENOSPC``) is described by the store's own message (``store/checks.py``,
which names the cause: a full disk says the disk is full, not "disk I/O error"). Anything
else is not a fault of the profile: ``None``, and the caller reports it as a bug.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.store.checks import (
    CorruptDatabaseError,
    ProfileUnavailableError,
    StoreError,
    disk_full,
    translate_error,
)

__all__ = ["Fault", "describe_fault"]


@dataclass(frozen=True)
class Fault:
    message: str  # for the user, in the active language
    unavailable: bool  # the profile cannot be used now (the CLI's exit status 3)
    damaged: bool  # the file is damaged: the window offers the recovery dialog
    error: StoreError  # the error the message comes from


def describe_fault(error: BaseException, profile_file: Path | None = None) -> Fault | None:
    """The plain description of ``error`` if it is a fault of the profile, else None.
    ``profile_file`` is named in the message when the error itself does not say which."""
    store_error: StoreError
    if isinstance(error, StoreError):
        store_error = error
    elif isinstance(error, sqlite3.Error):
        store_error = translate_error(error, profile_file)
    elif isinstance(error, OSError) and error.errno == errno.ENOSPC:
        store_error = disk_full(Path(error.filename) if error.filename else profile_file)
    else:
        return None
    return Fault(str(store_error), isinstance(store_error, ProfileUnavailableError),
                 isinstance(store_error, CorruptDatabaseError), store_error)
