"""Problems found in a question-set file, reported as ``PATH:LINE[:COL]: message``.

A problem with ``severity="warning"`` (made with :func:`warning`) is reported as
``PATH:LINE[:COL]: warning: message``: something the trainer should know (a column that was
ignored, an image that is not fetched) that does not stop an import. Loaders keep warnings
in ``LoadResult.warnings``, apart from the problems that do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, in the trainer's terms.

    ``line`` is 1-based (the row number for spreadsheets); 0 when the problem concerns the
    whole file. ``column`` is 1-based or None (spreadsheets: the column letter's index).
    """

    path: str
    line: int
    message: str
    column: int | None = None
    severity: Severity = "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        if self.is_warning:
            return f"{where}: warning: {self.message}"
        return f"{where}: {self.message}"


def warning(path: str, line: int, message: str, column: int | None = None) -> Problem:
    """A problem that does not block an import (reported as ``... warning: ...``)."""
    return Problem(path, line, message, column, "warning")


class ProblemsFound(Exception):
    """Raised by operations that refuse to write anything because the input has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
