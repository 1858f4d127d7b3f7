"""What one question file may hold (documented in docs/question-format.md, "Limits").

Every limit is far above what a real question bank needs and low enough that a file at the
limit is read or refused within seconds and a few hundred MB (benchmarks/hostile_files.py).
Each reader refuses as soon as it sees a limit passed, with a problem naming the file and the
line (or row, or paragraph) where it was passed, so that a hostile file costs no more than
one at the limit.
"""

from __future__ import annotations

from studyapp.core.messages import Message, msg, msg_n
from studyapp.core.questionsets.errors import Problem, problem

__all__ = ["MAX_FIELD_CHARS", "MAX_FILE_BYTES", "MAX_ITEM_CHARS", "MAX_ITEMS", "MAX_PARAGRAPHS",
           "MAX_PROBLEMS", "cap_problems", "field_too_long", "too_many_items",
           "too_many_items_message"]

MAX_FILE_BYTES = 20 * 1024 * 1024
# Questions and cards in one file, all formats together.
MAX_ITEMS = 10_000
# Characters in one field (a prompt, an option, an answer, an explanation): what an Excel
# cell holds. A longer text cannot be shown or answered in a quiz anyway.
MAX_FIELD_CHARS = 32_767
# Characters in one question of a text format with its options and answers (a GIFT block),
# looked at before the question is taken apart.
MAX_ITEM_CHARS = 4 * MAX_FIELD_CHARS
# Paragraphs of a Word paper or lines of a text paper (empty ones count).
MAX_PARAGRAPHS = 100_000
# Problems listed per file; the rest are counted in one last line ("... and 312 more").
MAX_PROBLEMS = 1_000


def too_many_items(path: str, line: int) -> Problem:
    """The problem at the ``line`` where the file's question number MAX_ITEMS + 1 starts."""
    return problem(path, line, too_many_items_message())


def too_many_items_message() -> Message:
    return msg("the file has more than {limit:,} questions; split it into smaller sets (the "
               "rest of the file was not read)", limit=MAX_ITEMS)


def field_too_long(path: str, line: int, what: str | Message, length: int) -> Problem:
    """``what`` (e.g. "the prompt") holds ``length`` characters, more than MAX_FIELD_CHARS."""
    return problem(path, line, msg("{what} has {length:,} characters, more than the "
                                   "{limit:,} a field may hold; shorten it",
                                   what=what, length=length, limit=MAX_FIELD_CHARS))


def cap_problems(problems: list[Problem], path: str) -> list[Problem]:
    """The first MAX_PROBLEMS problems, and a last one saying how many more were found."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    last = problems[MAX_PROBLEMS - 1]
    return problems[:MAX_PROBLEMS] + [problem(path, last.line, msg_n(
        "... and {n:,} more problem (only the first {limit:,} are listed; fix these and "
        "check the file again)",
        "... and {n:,} more problems (only the first {limit:,} are listed; fix these and "
        "check the file again)", more, limit=MAX_PROBLEMS))]
