"""Problems found in a question-set file, reported as ``PATH:LINE[:COL]: message``.

A problem with ``severity="warning"`` (made with :func:`warning`) is reported as
``PATH:LINE[:COL]: warning: message``: something the trainer should know (a column that was
ignored, an image that is not fetched) that does not stop an import. Loaders keep warnings
in ``LoadResult.warnings``, apart from the problems that do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from studyapp.core.messages import Message, msg, render

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, in the trainer's terms.

    ``line`` is 1-based (the row number for spreadsheets); 0 when the problem concerns the
    whole file. ``column`` is 1-based or None (spreadsheets: the column letter's index);
    ``column_name`` is the column's header as written in the file, where there is one (the
    import dialog says "row 3, column 答案"; the command line keeps ``PATH:LINE:COL``).
    """

    path: str
    line: int
    message: str
    column: int | None = None
    severity: Severity = "error"
    column_name: str | None = None

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        if self.is_warning:
            return escape_controls(msg("{where}: warning: {message}", where=where,
                                       message=self.message).render())
        return escape_controls(f"{where}: {self.message}")


def escape_controls(text: str) -> str:
    """``text`` with control and format characters written as escapes (``\\x1b``, ``\\u202e``).

    A problem quotes what the file says; written raw, an escape sequence from a cell would
    drive the terminal and a bidi override would turn the line around. One problem stays
    one line.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char.isprintable() or char == " " or unicodedata.category(char) not in (
                "Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)


def problem(path: str, line: int, message: Message, column: int | None = None,
            column_name: str | None = None) -> Problem:
    """A problem whose ``message`` is rendered now, in the language chosen at start-up."""
    return Problem(path, line, message.render(), column, "error", column_name)


def warning(path: str, line: int, message: str | Message, column: int | None = None,
            column_name: str | None = None) -> Problem:
    """A problem that does not block an import (reported as ``... warning: ...``)."""
    return Problem(path, line, render(message), column, "warning", column_name)


class ProblemsFound(Exception):
    """Raised by operations that refuse to write anything because the input has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
