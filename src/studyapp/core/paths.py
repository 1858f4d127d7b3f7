"""Where a learner's data lives: the data folder, portable mode and profile files."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from studyapp.core.messages import msg

ENV_DATA_DIR = "STUDYAPP_DATA_DIR"
PORTABLE_MARKER = "studyapp-portable.txt"
DEFAULT_PROFILE = "default"
PROFILE_SUFFIX = ".sqlite3"
_PROFILE_NAME = re.compile(r"^[\w][\w \-]{0,63}$")
# Names Windows reserves for devices, whatever the extension: refused on every platform so
# that a profile folder can move between machines.
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{kind}{digit}" for kind in ("COM", "LPT") for digit in "0123456789¹²³"
}
# The longest name StudyApp derives from a profile's: ``NAME.sqlite3.damaged-YYYYmmddTHHMMSSZ``
# plus SQLite's ``-wal`` must fit in the 255 bytes most file systems allow for a name.
MAX_PROFILE_NAME_BYTES = 255 - len(".sqlite3.replaced-20260105T090000Z-journal")


class DataDirError(RuntimeError):
    """The data folder or profile name cannot be used; the message says why and what to do."""


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """--data-dir, else $STUDYAPP_DATA_DIR, else a portable folder, else the platform's."""
    if cli_value is not None:
        if not cli_value.strip():
            # An empty --data-dir (an unset variable in a script) must not fall back to the
            # learner's real profiles.
            raise DataDirError(msg("--data-dir is empty: give the folder to keep profiles in."
                                   ).render())
        return Path(cli_value).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    portable = portable_data_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir("StudyApp", appauthor=False))


def portable_data_dir() -> Path | None:
    """``data/`` beside the program when a ``studyapp-portable.txt`` marker stands there, or
    when the machine-wide settings say ``portable = true``.

    A portable folder (for example on a USB stick or a shared drive) keeps everything
    next to the program, so nothing is written to the user's profile.
    """
    for folder in (Path(sys.executable).resolve().parent, Path(sys.argv[0]).resolve().parent):
        if (folder / PORTABLE_MARKER).is_file():
            return folder / "data"
    from studyapp.core import site_settings  # IT's "portable = true" does what the marker does

    if site_settings.load().portable.value:
        return site_settings.program_dirs()[0] / "data"
    return None


def validate_profile_name(name: str | None) -> str:
    """The profile name, checked: letters (any script), digits, spaces, '-' and '_'."""
    if name is None:
        return DEFAULT_PROFILE
    cleaned = unicodedata.normalize("NFC", name.strip())
    if not _PROFILE_NAME.match(cleaned) or cleaned.startswith("-"):
        raise DataDirError(msg(
            "'{name}' cannot be used as a profile name. Use 1 to 64 letters, digits, spaces, "
            "'-' or '_' (for example: 'zhang-wei' or '张伟').", name=name).render())
    if cleaned.upper() in _DEVICE_NAMES:
        raise DataDirError(msg(
            "'{name}' cannot be used as a profile name: Windows reserves it for a device, so "
            "the profile could not be copied to a Windows PC. Choose another name.", name=name
        ).render())
    size = len(cleaned.encode("utf-8"))
    if size > MAX_PROFILE_NAME_BYTES:
        raise DataDirError(msg(
            "The profile name '{name}' is too long for the file system ({size} bytes in UTF-8, "
            "at most {limit}). Choose a shorter name.", name=name, size=size,
            limit=MAX_PROFILE_NAME_BYTES).render())
    return cleaned


def profiles_dir(data_dir: Path) -> Path:
    return data_dir / "profiles"


def canonical_profile_name(data_dir: Path, profile: str) -> str:
    """The checked name, spelt as an existing profile spells it when they differ only in
    case (or Unicode normal form): ``zhang`` opens ``Zhang``. Two such profiles would be one
    file on Windows and macOS, so they are never made side by side."""
    name = validate_profile_name(profile)
    if (profiles_dir(data_dir) / f"{name}{PROFILE_SUFFIX}").is_file():
        return name
    wanted = _fold(name)
    for existing in list_profiles(data_dir):
        if _fold(existing) == wanted:
            return existing
    return name


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def profile_path(data_dir: Path, profile: str) -> Path:
    return profiles_dir(data_dir) / f"{canonical_profile_name(data_dir, profile)}{PROFILE_SUFFIX}"


def lock_path(profile_file: Path) -> Path:
    """``NAME.lock`` beside ``NAME.sqlite3``."""
    return profile_file.with_name(profile_file.name[: -len(PROFILE_SUFFIX)] + ".lock")


def backups_dir(data_dir: Path, profile: str) -> Path:
    """``backups/NAME/`` in the data folder: one folder per profile."""
    return data_dir / "backups" / profile


def list_profiles(data_dir: Path) -> list[str]:
    folder = profiles_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(PROFILE_SUFFIX)] for p in folder.glob(f"*{PROFILE_SUFFIX}")
                  if p.is_file())
