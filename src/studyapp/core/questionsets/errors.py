"""Problems found in a question-set file, reported as ``PATH:LINE[:COL]: message``."""

from __future__ import annotations

from dataclasses import dataclass


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.message}"


class ProblemsFound(Exception):
    """Raised by operations that refuse to write anything because the input has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
