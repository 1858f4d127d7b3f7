"""Small text helpers shared by the importers of non-native formats (GIFT, Aiken, CSV, XLSX).

Those formats carry no set id, so the id comes from the file name and must be stable
across re-imports of the same file: progress is keyed by it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

_UNSAFE_IN_SET_ID = re.compile(r"[^a-z0-9._-]+")
_UNSAFE_IN_SLUG = re.compile(r"[^a-z0-9]+")


def file_stem(path: str) -> str:
    """The file name without its last extension ("sets/Week 1.gift" -> "Week 1")."""
    # PurePath splits on "/" and, on Windows, "\\" too; names from either OS work.
    return PurePath(path.replace("\\", "/")).stem


def set_id_from_path(path: str) -> str:
    """A set id (``[a-z0-9][a-z0-9._-]*``) from the file stem: lowercased, unsafe runs -> '-'.

    A stem with no usable character (e.g. only Chinese characters) gets "set-" plus a short
    hash of the stem, so that two such files do not replace each other on import.
    """
    stem = file_stem(path)
    candidate = _UNSAFE_IN_SET_ID.sub("-", stem.lower())
    candidate = candidate.lstrip("._-").rstrip("-")
    if candidate:
        return candidate
    digest = hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"set-{digest}"


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by '-'; "" when nothing usable is left."""
    return _UNSAFE_IN_SLUG.sub("-", text.lower()).strip("-")


def split_lines(text: str) -> list[str]:
    """Lines as a text editor numbers them: CRLF, CR and LF end a line, nothing else does.

    (``str.splitlines`` would also split on form feeds and Unicode separators, which would
    make the reported line numbers disagree with the trainer's editor.)
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
