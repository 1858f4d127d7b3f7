"""Aiken import, following Moodle's reader (question/format/aiken/format.php).

Each question is its text, then its options ``A) text`` or ``A. text`` (a capital letter,
``)`` or ``.``, optionally a space), then ``ANSWER: X``. Like Moodle, lines shorter than two
characters are skipped and every question is single choice. The errors Moodle reports
(options or ANSWER before any question text, fewer than 2 options, a new question before
the ANSWER line) are problems here too, one per broken question at its first line.

Beyond Moodle: question text may run over several consecutive lines (Moodle would discard
the question), and things Moodle would import with a wrong key are problems: options not
lettered A, B, C... in order, an ANSWER letter without an option, a question left without
ANSWER at the end of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import file_stem, set_id_from_path, split_lines
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.limits import MAX_ITEMS, too_many_items
from studyapp.core.questionsets.model import Choice, Question, QuestionSet

__all__ = ["looks_like_aiken", "parse"]

_OPTION = re.compile(r"([A-Z])[).][ \t]?")
_ANSWER = re.compile(r"ANSWER:")
_ANSWER_ANY_CASE = re.compile(r"answer\s*:", re.IGNORECASE)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class _Open:
    """The question being read: its text lines, then its options."""

    line: int
    text: list[str]
    options: list[str] = field(default_factory=list)


def looks_like_aiken(text: str) -> bool:
    """True when some line is an ``ANSWER: X`` line and some line is an option line."""
    has_answer = has_option = False
    for raw in split_lines(text):
        line = raw.strip()
        if _ANSWER.match(line):
            has_answer = has_answer or line[len("ANSWER:"):].strip()[:1] in _LETTERS
        elif _OPTION.match(line):
            has_option = True
        if has_answer and has_option:
            return True
    return False


def parse(text: str, path: str) -> LoadResult:
    """Parse Aiken text; each broken question is one Problem, the others still load."""
    questions: list[Question] = []
    problems: list[Problem] = []
    current: _Open | None = None
    # Inside a run of option/ANSWER lines that belong to no question (already reported).
    in_orphan_run = False
    # A blank line after question text: more text then starts a new question.
    text_ended = False

    def fail(line: int, message: Message) -> None:
        """Report the broken question and skip its remaining option/ANSWER lines."""
        nonlocal current, in_orphan_run
        problems.append(problem(path, line, message))
        current = None
        in_orphan_run = True

    for number, raw in enumerate(split_lines(text), start=1):
        line = raw.strip()
        if not line:
            text_ended = True
            continue
        if len(line) < 2:  # Moodle skips these too
            continue
        option = _OPTION.match(line)
        is_answer = option is None and _ANSWER.match(line) is not None
        if option is None and not is_answer and _ANSWER_ANY_CASE.match(line):
            fail(current.line if current else number,
                 msg("the answer line {line} must be written ANSWER: X, in capitals, as Aiken "
                     "requires", line=number))
            in_orphan_run = False
            continue
        if option is not None or is_answer:
            if current is None:
                if not in_orphan_run:
                    fail(number, msg("option or ANSWER line without a question: each "
                                     "question starts with its text on a line of its own"))
                if is_answer:
                    in_orphan_run = False  # ANSWER ends the broken question
                continue
            if option is not None:
                letter = option.group(1)
                expected = _LETTERS[len(current.options)] if len(current.options) < 26 else "-"
                choice = line[option.end():].strip()
                if letter != expected:
                    fail(current.line, msg("option {letter} on line {line} should be "
                                           "{expected}: options are lettered A, B, C... in order",
                                           letter=letter, line=number, expected=expected))
                elif not choice:
                    fail(current.line, msg("option {letter} on line {line} is empty",
                                           letter=letter, line=number))
                else:
                    current.options.append(choice)
                continue
            finished = _finish(current, line, number)
            if isinstance(finished, Message):
                fail(current.line, finished)
            else:
                questions.append(finished)
                current = None
                if len(questions) > MAX_ITEMS:
                    return LoadResult(None, [too_many_items(path, finished.line)])
            in_orphan_run = False
            continue
        # Any other line is question text.
        in_orphan_run = False
        if current is not None and not current.options and not text_ended:
            current.text.append(line)
        else:
            if current is not None:
                problems.append(problem(
                    path, current.line, msg("question not finished: it has no ANSWER: line "
                                            "before the next question starts on line {line}",
                                            line=number)))
            current = _Open(number, [line])
        text_ended = False
    if current is not None:
        problems.append(problem(path, current.line, msg(
            "question not finished: the file ends before its ANSWER: line")))
    if not questions:
        if not problems:
            problems.append(problem(path, 0, msg("no Aiken questions found in the file")))
        return LoadResult(None, problems)
    question_set = QuestionSet(
        id=set_id_from_path(path),
        title=file_stem(path),
        questions=questions,
        source=path,
        format="aiken",
    )
    return LoadResult(question_set, problems)


def _finish(current: _Open, line: str, number: int) -> Question | Message:
    """The question closed by its ANSWER line, or what is wrong with it."""
    if len(current.options) < 2:
        return msg("the question has only {count} option(s) before its ANSWER line "
                   "(line {line}); it needs at least 2", count=len(current.options), line=number)
    value = line[len("ANSWER:"):].strip()
    letter = value[:1]
    # "ANSWER: B" (Moodle reads only the first character; "B)" or "B." are fine too).
    if not letter or letter not in _LETTERS or value[1:2].isalnum():
        return msg("ANSWER on line {line} must be one option letter, e.g. ANSWER: B "
                   "(found '{found}')", line=number, found=value[:20])
    index = _LETTERS.index(letter)
    if index >= len(current.options):
        return msg("ANSWER: {letter} on line {line} names no option; the options go from A to "
                   "{last}", letter=letter, line=number, last=_LETTERS[len(current.options) - 1])
    choices = [Choice(text=text, correct=position == index)
               for position, text in enumerate(current.options)]
    return Question(id=f"q{current.line}", type="single", prompt="\n".join(current.text),
                    choices=choices, line=current.line)
