"""The errors a store raises, in a module of their own: the window catches them (reader,
notes, backup jobs) before the database layer has loaded, so this imports nothing of it.
``studyapp.core.store`` and ``store/checks.py`` give the same classes."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The profile cannot be opened or changed; ``args[0]`` is a message for the user."""


class ProfileUnavailableError(StoreError):
    """The profile cannot be used now; nothing was changed (the CLI exits with status 3)."""


class ProfileInUseError(ProfileUnavailableError):
    pass


class NewerDatabaseError(ProfileUnavailableError):
    pass


class CorruptDatabaseError(ProfileUnavailableError):
    detail: str = ""  # what is damaged, without advice (the window shows its own)


class ForeignDatabaseError(ProfileUnavailableError):
    pass


class DiskFullError(ProfileUnavailableError):
    pass


class ReadOnlyProfileError(ProfileUnavailableError):
    pass
