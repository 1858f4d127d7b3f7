"""Pictures that spreadsheet questions show (a bank's 图片 column), kept in the profile.

A picture is named by its content: ``pictures/<32 hex digits of its SHA-256><suffix>``. That
reference is what the question stores (``Question.image``, in ``body_json``), so importing the
same bank again from another folder changes nothing, and two banks sharing a picture share its
file. Loading a bank reads each picture once to name it (``reference``) and remembers where it
came from (``Question.image_source``, never stored); importing copies it into the profile's
pictures folder (``copy_pictures``, called by the import before the database is written), and
the window finds it again with ``picture_file``. Nothing is ever fetched from a network:
web addresses are refused where the column is read.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from studyapp.core.messages import msg
from studyapp.core.questionsets.model import QuestionSet
from studyapp.core.user_files import UnreadableFile, read_user_file

__all__ = ["MAX_PICTURE_BYTES", "SUFFIXES", "copy_pictures", "picture_file", "pictures_folder",
           "reference"]

MAX_PICTURE_BYTES = 10 * 1024 * 1024
SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")
_REFERENCE = re.compile(r"pictures/([0-9a-f]{32})(\.[a-z]{3,4})")


def reference(path: Path) -> str:
    """The stored name of the picture file at ``path``; raises UnreadableFile when it cannot
    be read, is no regular file or is larger than MAX_PICTURE_BYTES."""
    return _name(read_user_file(path, MAX_PICTURE_BYTES), path)


def _name(data: bytes, path: Path) -> str:
    return f"pictures/{hashlib.sha256(data).hexdigest()[:32]}{path.suffix.lower()}"


def pictures_folder(profile_database: Path) -> Path:
    """The profile's pictures folder, beside its database: ``profiles/张伟.pictures``."""
    return profile_database.with_name(profile_database.name.split(".")[0] + ".pictures")


def copy_pictures(sets: Iterable[QuestionSet], folder: Path) -> int:
    """Copies the pictures of the sets' questions into ``folder`` (those not there yet), each
    written whole under a temporary name first. Returns how many were copied; raises OSError
    when one cannot be read or written (then the import must not go on)."""
    copied = 0
    for question_set in sets:
        for question in question_set.questions:
            found = _REFERENCE.fullmatch(question.image)
            if found is None or not question.image_source:
                continue
            target = folder / (found.group(1) + found.group(2))
            if target.is_file():
                continue
            folder.mkdir(parents=True, exist_ok=True)
            source = Path(question.image_source)
            data = _read_as_planned(source, question.image)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".picture-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            copied += 1
    return copied


def _read_as_planned(source: Path, image: str) -> bytes:
    """The picture's bytes, read once with the size limit, when they are still the ones its
    reference was made from (a file replaced since the bank was read is not copied)."""
    try:
        data = read_user_file(source, MAX_PICTURE_BYTES)
    except UnreadableFile as error:
        raise OSError(msg("{path}: {problem}", path=str(source), problem=error.message).render()
                      ) from error
    if _name(data, source) != image:
        raise OSError(msg("{path}: the picture changed after the question file was read; "
                          "import the file again", path=str(source)).render())
    return data


def picture_file(profile_database: Path, image: str) -> Path | None:
    """The file of a question's picture in the profile, or None (no picture, a reference of
    another kind, or the file is gone)."""
    found = _REFERENCE.fullmatch(image)
    if found is None or found.group(2) not in SUFFIXES:
        return None
    path = pictures_folder(profile_database) / (found.group(1) + found.group(2))
    return path if path.is_file() else None
