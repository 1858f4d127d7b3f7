"""Loading question-set files of every supported format, with the checks common to all.

``load_file`` reads the bytes (refusing huge files and binary junk), picks the format by
extension (or the ``format`` argument), decodes text (UTF-8 with or without BOM, else
GB18030, which covers GBK), hands it to the format's parser, then runs ``check_set``. It never
raises for bad input: everything wrong is a :class:`Problem` in the result.

The format parsers are imported only when a file of their kind is loaded, so start-up stays lean.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from studyapp.core.collector import collector_paused
from studyapp.core.formats import ALIASES as _ALIASES
from studyapp.core.formats import EXTENSIONS, FORMAT_NAMES, FORMATS
from studyapp.core.messages import Message, msg
from studyapp.core.questionsets._text import Undecodable, decode_text, undecodable
from studyapp.core.questionsets.checks import check_set
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.limits import MAX_FILE_BYTES, cap_problems
from studyapp.core.questionsets.model import QuestionSet
from studyapp.core.user_files import UnreadableFile, read_user_file, sha256_hex

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "FORMAT_NAMES",
    "MAX_FILE_BYTES",
    "LoadResult",
    "check_set",
    "collector_paused",
    "detect_format",
    "load_file",
    "load_text",
    "sha256_of",
]



@dataclass
class LoadResult:
    """What a file gave: the set (possibly partial when there are problems) and the problems.

    Use ``question_set`` for anything beyond reporting only when ``ok``. ``warnings`` never
    block an import (ignored columns, images not fetched); ``columns`` says how a
    spreadsheet's columns were understood, as (header as written, meaning) pairs, e.g.
    ("分值", "points") or ("年级", "ignored").
    """

    question_set: QuestionSet | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)
    # SHA-256 of the very bytes parsed (empty when the file could not be read): what the store
    # keeps to recognise the file, never from a second read that a swapped file would change.
    sha256: str = ""
    # The line of a YAML set's ``id:`` (0: none, or another format), for problems about the id.
    id_line: int = 0

    @property
    def ok(self) -> bool:
        return self.question_set is not None and not self.problems


def detect_format(path: str | os.PathLike[str], text: str | None = None) -> str | None:
    """The format name for ``path`` by its extension, or None for an unknown extension.

    ``.txt`` is Aiken when it looks like Aiken, a paper when it looks like a paper typed by
    a trainer (numbered questions with 答案 lines) and not like GIFT, else GIFT; ``text`` is the
    decoded content (read from ``path`` when omitted).
    """
    kind = EXTENSIONS.get(Path(path).suffix.lower())
    if kind != "txt":
        return kind
    if text is None:
        data, problem = _read_bytes(str(path))
        text = _decode(data) if problem is None and data is not None else None
    return _txt_kind(text or "")


def _txt_kind(text: str) -> str:
    aiken = _parser("aiken")
    if aiken is not None and aiken.looks_like_aiken(text):
        return "aiken"
    paper = _parser("paper")
    if paper is not None and paper.looks_like_paper(text):
        gift = _parser("gift")
        if gift is None or not gift.looks_like_gift(text):
            return "paper"
    return "gift"


def load_file(path: str | os.PathLike[str], format: str | None = None) -> LoadResult:
    """Read, parse and check one question-set file. Never raises for bad input."""
    with collector_paused():
        return _load_file(path, format)


def _load_file(path: str | os.PathLike[str], format: str | None) -> LoadResult:
    name = str(path)
    if format is not None:
        kind = _ALIASES.get(format.lower(), format.lower())
        if kind not in FORMATS and kind != "txt":
            return _fail(name, msg("unknown format '{format}'; use one of {formats}",
                                   format=format, formats=", ".join(FORMAT_NAMES)))
    else:
        found = EXTENSIONS.get(Path(name).suffix.lower())
        if found is None:
            return _fail(name, msg("unknown kind of file; question sets are {extensions} files "
                                   "(or name the format with --format)",
                                   extensions=", ".join(EXTENSIONS)))
        kind = found
    data, unreadable = _read_bytes(name)
    if unreadable is not None or data is None:
        return _fail(name, unreadable or msg("cannot read the file"))
    result = _parse_data(kind, data, name)
    result.sha256 = sha256_hex(data)
    return result


def _parse_data(kind: str, data: bytes, name: str) -> LoadResult:
    if kind == "xlsx" or (kind == "paper" and (data.startswith(b"PK")
                                               or name.lower().endswith(".docx"))):
        result = _parse_bytes(kind, data, name)
    else:
        text = decode_text(data)
        if isinstance(text, Undecodable):
            # (NUL bytes are binary junk whatever the extension says: the plain words.)
            csv = kind == "csv" and text is not Undecodable.NUL_BYTES
            return _fail(name, undecodable(text, csv=csv))
        if kind == "txt":
            kind = _txt_kind(text)
        result = _parse_text(kind, text, name)
        if kind == "native":
            result.id_line = _id_line(text)
    return _checked(result, name)


def load_text(text: str, path: str, format: str) -> LoadResult:
    """Parse and check text already in memory (the question editor's draft) exactly as
    :func:`load_file` checks a file of that format named ``path``."""
    with collector_paused():
        result = _parse_text(format, text, path)
        if format == "native":
            result.id_line = _id_line(text)
        return _checked(result, path)


def _checked(result: LoadResult, name: str) -> LoadResult:
    """The common checks after parsing, and problems and warnings apart and in order."""
    if result.question_set is not None:
        result.question_set.source = result.question_set.source or name
        result.problems = result.problems + check_set(result.question_set, name)
    # A parser may hand back warnings among its problems; they go to their own list.
    mixed_in = [p for p in result.problems if p.is_warning]
    if mixed_in:
        result.problems = [p for p in result.problems if not p.is_warning]
        result.warnings = result.warnings + mixed_in
    result.problems = cap_problems(sorted(dict.fromkeys(result.problems), key=lambda p: p.line),
                                   name)
    result.warnings = cap_problems(
        sorted(dict.fromkeys(result.warnings), key=lambda p: (p.line, p.column or 0)), name)
    return result


# A YAML set's ``id:`` line (group 2: the id), found without parsing the file.
SET_ID_LINE = re.compile(r"""^(id\s*:\s*)["']?([^\s"'#]+)""", re.MULTILINE)


def _id_line(text: str) -> int:
    found = SET_ID_LINE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def _fail(path: str, message: Message) -> LoadResult:
    return LoadResult(None, [problem(path, 0, message)])


def _unsupported(path: str, kind: str) -> LoadResult:
    return _fail(path, msg("{kind} files are not supported by this build of StudyApp",
                           kind=kind))


def _read_bytes(path: str) -> tuple[bytes | None, Message | None]:
    """The file's bytes, read once (user_files.py), or why not."""
    try:
        return read_user_file(path, MAX_FILE_BYTES), None
    except UnreadableFile as error:
        return None, error.message


def _decode(data: bytes) -> str | None:
    text = decode_text(data)
    return None if isinstance(text, Undecodable) else text


def _parser(kind: str) -> ModuleType | None:
    # Each parser is imported only when a file needs it; a build without one says so.
    module = {"csv": "csv_file", "xlsx": "tabular"}.get(kind, kind)
    try:
        return importlib.import_module(f"studyapp.core.questionsets.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"studyapp.core.questionsets.{module}":
            raise
        return None


def _parse_text(kind: str, text: str, path: str) -> LoadResult:
    parser = _parser(kind)
    if parser is None:
        return _unsupported(path, kind)
    result: LoadResult = parser.parse_csv_text(text, path) if kind == "csv" else parser.parse(
        text, path)
    return result


def _parse_bytes(kind: str, data: bytes, path: str) -> LoadResult:
    parser = _parser(kind)
    if parser is None:
        return _unsupported(path, kind)
    if kind == "paper":
        docx: LoadResult = parser.parse_docx(data, path)
        return docx
    result: LoadResult = parser.parse_xlsx(data, path)
    return result


def sha256_of(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of the file's bytes (the store uses it to skip unchanged re-imports)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
