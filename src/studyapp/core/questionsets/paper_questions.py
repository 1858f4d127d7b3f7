"""A question of a paper as the reader collected it (OpenQuestion, under its PaperSection)
and how it becomes a Question once the whole paper, with its answer key, is read: the
answer from the key or its own line, the type from the heading or guessed from the options
and the answer, and every check of a choice, true/false or fill answer. paper.py reads the
lines; this module builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from studyapp.core.messages import Message, msg, msg_n
from studyapp.core.questionsets._text import shorten
from studyapp.core.questionsets.model import Choice, Question, QuestionType
from studyapp.core.questionsets.paper_key import compact_answer
from studyapp.core.questionsets.paper_text import fold
from studyapp.core.questionsets.vocabulary import TRUTH, fill_answers, option_letters, truth_key

__all__ = ["OpenQuestion", "PaperSection", "Report", "Stage", "build_question"]

Report = Callable[[int, Message], None]  # a problem at a line

_PROMPT_POINTS = re.compile(r"\s*[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)]\s*$")
_ANSWER_IN_PROMPT = re.compile(r"[(]\s*([A-H]{1,8}|√|×)\s*[)]")
_UNDERSCORES = re.compile(r"_{2,}")
_KIND_WORDS = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "fill": "填空题",
               "choice": "选择题"}


class Stage(Enum):
    """Where in a question the reader is: the line that follows continues this part."""

    PROMPT = "prompt"
    OPTIONS = "options"
    ANSWER = "answer"  # after the answer (and after an explanation a blank line ended)
    EXPLANATION = "explanation"


@dataclass
class PaperSection:
    line: int
    title: str
    kind: str | None  # single, multiple, truefalse, fill, choice; None: not supported
    ordinal: int
    points: float | None = None


@dataclass
class OpenQuestion:
    """The question being read."""

    line: int
    number: str
    section: PaperSection | None
    prompt: list[str]
    options: list[tuple[str, str, int]] = field(default_factory=list)  # letter, text, line
    answer: str | None = None
    answer_line: int = 0
    explanation: list[str] = field(default_factory=list)
    points: float | None = None
    difficulty: int | None = None
    tags: list[str] = field(default_factory=list)
    section_id: str | None = None  # 【章节】: a report section id
    key_answer: tuple[str, int] | None = None  # from the answer key: (answer, its line)
    stage: Stage = Stage.PROMPT
    broken: bool = False


def build_question(item: OpenQuestion, problem: Report) -> Question | None:
    """The question read, checked as a whole (its answer from the key or its own line);
    None, with the problems reported, when it cannot be one."""
    prompt = " ".join(part for part in item.prompt if part).strip()
    points = item.points
    found_points = _PROMPT_POINTS.search(fold(prompt))
    if found_points is not None:
        points = points if points is not None else float(found_points.group(1))
        prompt = prompt[:found_points.start()].rstrip()
    if points is None and item.section is not None:
        points = item.section.points
    label = msg("question {number}", number=item.number)
    answer = item.answer
    if item.key_answer is not None:
        if answer is None:
            answer, item.answer_line = item.key_answer
        elif compact_answer(answer) != compact_answer(item.key_answer[0]):
            problem(item.key_answer[1], msg(
                "the answer key gives question {number} the answer '{key}', but line {line} "
                "gives '{answer}'; keep one", number=item.number,
                key=shorten(item.key_answer[0]), line=item.answer_line,
                answer=shorten(answer)))
            return None
    section_kind = item.section.kind if item.section is not None else None
    if answer is None:
        inline = _ANSWER_IN_PROMPT.search(fold(prompt))
        if inline is not None and (item.options or inline.group(1) in "√×"):
            answer = inline.group(1)
            prompt = prompt[:inline.start()] + "（ ）" + prompt[inline.end():]
    if answer is None or not answer.strip():
        example = {"truefalse": "答案：对", "fill": "答案：实践"}.get(
            section_kind or ("single" if item.options else "fill"), "答案：B")
        if item.answer_line:
            problem(item.answer_line, msg("the 答案 of {question} is empty; write it, "
                                          "e.g. {example}", question=label,
                                          example=example))
        elif item.options:
            problem(item.line, msg("{question} has no answer; add a line {example} "
                                   "after its options", question=label,
                                   example=example))
        else:
            problem(item.line, msg("{question} has no answer; add a line {example} "
                                   "after it", question=label, example=example))
        return None
    if not prompt:
        problem(item.line, msg("{question} has no text after its number",
                               question=label))
        return None
    answer = answer.strip()
    kind = section_kind or _guess(item, answer, prompt)
    question = Question(id="", type="single", prompt=prompt, points=points,
                        explanation="\n".join(item.explanation), tags=item.tags,
                        difficulty=item.difficulty, section=item.section_id,
                        line=item.line)
    where = item.answer_line or item.line
    heading_word = _KIND_WORDS.get(section_kind or "", "")
    if kind in ("single", "multiple", "choice"):
        return _choices(item, question, kind, answer, where, heading_word, problem)
    if kind == "truefalse":
        truth = TRUTH.get(truth_key(answer))
        if truth is None and item.options:
            letter = (option_letters(answer) or "")[:2]
            texts = {option[0]: TRUTH.get(truth_key(option[1])) for option in item.options}
            if len(letter) == 1 and None not in texts.values():
                truth = texts.get(letter)
            elif None in texts.values():
                problem(item.options[0][2], msg(
                    "{question} is a 判断题 and has no options (or only 正确/错误); remove "
                    "the options", question=label))
                return None
        if truth is None:
            problem(where, msg("答案 '{answer}' of {question} is not true or false; "
                               "write 对 or 错 (also 正确/错误, √/×, T/F)",
                               answer=shorten(answer), question=label))
            return None
        question.type = "truefalse"
        question.truth = truth
        return question
    if item.options:
        problem(item.options[0][2], msg("{question} is a 填空题 and has no options; "
                                        "remove them, or put it under a 单选题 heading",
                                        question=label))
        return None
    question.type = "fill"
    question.accepted, question.blanks = fill_answers(answer, prompt)
    if not question.accepted:
        problem(where, msg("答案 of {question} is empty; write the text of the blank",
                           question=label))
        return None
    return question


def _guess(item: OpenQuestion, answer: str, prompt: str) -> str:
    """The type of a question under no heading: by its options and its answer."""
    key = truth_key(answer)
    truth_word = TRUTH.get(key) is not None and key not in ("1", "0", "y", "n", "x")
    if item.options:
        return "truefalse" if option_letters(answer) is None and truth_word else "choice"
    return "truefalse" if truth_word and not _UNDERSCORES.search(prompt) else "fill"


def _choices(item: OpenQuestion, question: Question, kind: str, answer: str, where: int,
             heading_word: str, problem: Report) -> Question | None:
    label = msg("question {number}", number=item.number)
    if len(item.options) < 2:
        problem(item.line, msg("{question} needs at least 2 options (A. ... B. ...); it "
                               "has {count}", question=label, count=len(item.options)))
        return None
    letters = option_letters(answer)
    have = "".join(option[0] for option in item.options)
    if not letters:
        problem(where, msg("答案 '{answer}' of {question} is not option letters; write "
                           "e.g. B, or AC for several", answer=shorten(answer),
                           question=label))
        return None
    missing = [letter for letter in letters if letter not in have]
    if missing:
        problem(where, msg_n("答案 '{answer}' of {question} names {letters}, which is "
                             "no option; it has options A-{last}",
                             "答案 '{answer}' of {question} names {letters}, which are "
                             "no options; it has options A-{last}", len(missing),
                             answer=shorten(answer), question=label,
                             letters=", ".join(missing), last=have[-1]))
        return None
    if kind == "choice":
        kind = "multiple" if len(letters) > 1 else "single"
    if kind == "single" and len(letters) > 1:
        problem(where, msg("{question} is a {heading} and has one answer, but 答案 "
                           "'{answer}' names {count} options; put it under a 多选题 "
                           "heading or give one letter", question=label,
                           heading=heading_word or "单选题", answer=shorten(answer),
                           count=len(letters)))
        return None
    question_type: QuestionType = "multiple" if kind == "multiple" else "single"
    question.type = question_type
    question.choices = [Choice(text=text, correct=letter in letters)
                        for letter, text, _ in item.options]
    return question
