"""Where a learner's data lives: the data folder, portable mode and profile files."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ENV_DATA_DIR = "STUDYAPP_DATA_DIR"
PORTABLE_MARKER = "studyapp-portable.txt"
DEFAULT_PROFILE = "default"
PROFILE_SUFFIX = ".sqlite3"
_PROFILE_NAME = re.compile(r"^[\w][\w \-]{0,63}$")


class DataDirError(RuntimeError):
    """The data folder or profile name cannot be used; the message says why and what to do."""


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """--data-dir, else $STUDYAPP_DATA_DIR, else a portable folder, else the platform's."""
    if cli_value:
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
    """``data/`` beside the program when a ``studyapp-portable.txt`` marker stands there.

    A portable folder (for example on a USB stick or a shared drive) keeps everything
    next to the program, so nothing is written to the user's profile.
    """
    for folder in (Path(sys.executable).resolve().parent, Path(sys.argv[0]).resolve().parent):
        if (folder / PORTABLE_MARKER).is_file():
            return folder / "data"
    return None


def validate_profile_name(name: str | None) -> str:
    """The profile name, checked: letters (any script), digits, spaces, '-' and '_'."""
    if name is None:
        return DEFAULT_PROFILE
    cleaned = name.strip()
    if not _PROFILE_NAME.match(cleaned) or cleaned.startswith("-"):
        raise DataDirError(
            f"'{name}' cannot be used as a profile name. Use 1 to 64 letters, digits, "
            "spaces, '-' or '_' (for example: 'zhang-wei' or '张伟')."
        )
    return cleaned


def profiles_dir(data_dir: Path) -> Path:
    return data_dir / "profiles"


def profile_path(data_dir: Path, profile: str) -> Path:
    return profiles_dir(data_dir) / f"{validate_profile_name(profile)}{PROFILE_SUFFIX}"


def list_profiles(data_dir: Path) -> list[str]:
    folder = profiles_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(PROFILE_SUFFIX)] for p in folder.glob(f"*{PROFILE_SUFFIX}"))
