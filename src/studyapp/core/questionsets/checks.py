"""Checks common to every format, made on the model after a parser has built it.

Parsers check what only they can see (syntax, unknown keys); these checks catch what any
format can get wrong: duplicate ids, empty texts, answers that do not fit the type, and
sections or evidence that do not match the report.
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from typing import TYPE_CHECKING

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.limits import (
    MAX_FIELD_CHARS,
    MAX_ITEMS,
    field_too_long,
    too_many_items,
)
from studyapp.core.questionsets.model import Card, Question, QuestionSet, evidence_quotes

if TYPE_CHECKING:
    from studyapp.core.report import Report

MIN_CHOICES = 2
MAX_CHOICES = 8


def normalise_space(text: str) -> str:
    """Runs of whitespace (line breaks included) as one space, without surrounding space."""
    return " ".join(text.split())


def section_text(report: Report, section_id: str) -> str:
    """A section's text (heading and paragraphs) and its subsections', whitespace normalised,
    for evidence: a question on suggestions.5 may quote each of the four relationships. The
    sections are kept apart by a NUL, so no quote spans two of them."""
    section = report.get(section_id)
    own = normalise_space("\n".join(section.source_blocks()))
    return "\0".join([own, *(section_text(report, child.id) for child in section.children)])


def check_set(question_set: QuestionSet, path: str) -> list[Problem]:
    """Every problem the common checks find in ``question_set``, with the items' lines."""
    from studyapp.core.report import load_report

    items = len(question_set.questions) + len(question_set.cards)
    if items > MAX_ITEMS:  # each reader stops at the limit; a set built otherwise is caught here
        return [too_many_items(str(path), 0)]
    long_fields = _long_fields(question_set, str(path))
    if long_fields:
        return long_fields
    checker = _Checker(str(path), load_report())
    question_set.id = unicodedata.normalize("NFC", question_set.id)
    checker.invisible_in_id("set", question_set.id, 1)
    checker.duplicate_ids(question_set)
    for question in question_set.questions:
        checker.question(question)
    for card in question_set.cards:
        checker.card(card)
    return checker.problems


def _long_fields(question_set: QuestionSet, path: str) -> list[Problem]:
    """A problem for each text longer than MAX_FIELD_CHARS (a quiz could not show it)."""
    problems = []
    for question in question_set.questions:
        texts = [(msg("the prompt"), question.prompt),
                 (msg("the explanation"), question.explanation),
                 (msg("the evidence"), question.evidence)]
        texts += [(msg("an option"), choice.text) for choice in question.choices]
        texts += [(msg("an option's feedback"), choice.feedback) for choice in question.choices]
        texts += [(msg("an answer"), answer) for answer in question.accepted]
        texts += [(msg("a pair"), left + right) for left, right in question.pairs]
        texts += [(msg("an item"), item) for item in question.sequence]
        problems += [field_too_long(path, question.line,
                                    msg("question {id}: {what}", id=question.id, what=what),
                                    len(text))
                     for what, text in texts if len(text) > MAX_FIELD_CHARS]
    for card in question_set.cards:
        texts = [(msg("the front"), card.front), (msg("the back"), card.back),
                 (msg("the explanation"), card.explanation), (msg("the evidence"), card.evidence)]
        problems += [field_too_long(path, card.line,
                                    msg("card {id}: {what}", id=card.id, what=what), len(text))
                     for what, text in texts if len(text) > MAX_FIELD_CHARS]
    return problems


def invisible_characters(text: str) -> list[str]:
    """The control, format (bidi, zero-width) and separator characters in ``text``.

    Such characters make two ids look the same while they differ ("q1" and "q1" with a
    zero-width space), or show an id reversed (U+202E); ids may not contain them.
    """
    return [char for char in dict.fromkeys(text)
            if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")]


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def noun_of(noun: str) -> Message:
    """"question" or "card" (as the readers name an item), in the trainer's language."""
    return msg("question") if noun == "question" else msg("card")


def duplicate_ids(path: str, items: list[tuple[str, str, int]]) -> list[Problem]:
    """A problem for each (noun, id, line) whose id an earlier item already has; ``noun`` is
    "question" or "card".

    Ids are compared in Unicode normal form C, so "é" typed as one character or as "e" and
    an accent are the same id.
    """
    problems: list[Problem] = []
    first: dict[str, tuple[str, int]] = {}
    for noun, item_id, line in items:
        key = unicodedata.normalize("NFC", item_id)
        if key not in first:
            first[key] = (noun, line)
            continue
        other_noun, other_line = first[key]
        problems.append(problem(path, line, msg(
            "id '{id}' is used twice: by the {other} on line {other_line} "
            "and by the {noun} on line {line}; ids must be unique in a set",
            id=item_id, other=noun_of(other_noun), other_line=other_line, noun=noun_of(noun),
            line=line)))
    return problems


class _Checker:
    def __init__(self, path: str, report: Report) -> None:
        self.path = path
        self.report = report
        self.problems: list[Problem] = []
        self._texts: dict[str, str] = {}

    def add(self, line: int, message: Message) -> None:
        self.problems.append(problem(self.path, line, message))

    def duplicate_ids(self, question_set: QuestionSet) -> None:
        items: list[tuple[str, str, int]] = []
        everything: list[Question | Card] = [*question_set.questions, *question_set.cards]
        for item in everything:
            noun = "question" if isinstance(item, Question) else "card"
            item.id = unicodedata.normalize("NFC", item.id)
            self.invisible_in_id(noun, item.id, item.line)
            if item.id.strip():
                items.append((noun, item.id, item.line))
            else:
                self.add(item.line, msg("a {noun} has no id; give every question and card an id",
                                        noun=noun_of(noun)))
        self.problems += duplicate_ids(self.path, items)

    def invisible_in_id(self, noun: str, item_id: str, line: int) -> None:
        found = invisible_characters(item_id)
        if found:
            names = ", ".join(describe_character(char) for char in found[:3])
            self.add(line, msg("the {noun} id '{id}' contains an invisible character "
                               "({names}); ids may hold only visible characters, so that two "
                               "ids that look the same are the same",
                               noun=msg("set") if noun == "set" else noun_of(noun), id=item_id,
                               names=names))

    def question(self, question: Question) -> None:
        label = msg("question '{id}'", id=question.id)
        if not question.prompt.strip():
            self.add(question.line, msg("{item}: the prompt is empty", item=label))
        self.source(label, question.line, question.section, question.evidence)
        if question.difficulty is not None and not 1 <= question.difficulty <= 5:
            self.add(question.line, msg("{item}: difficulty must be from 1 (easy) to 5 (hard), "
                                        "not {value}", item=label, value=question.difficulty))
        kind = question.type
        if kind in ("single", "multiple"):
            self.choices(label, question)
        elif kind == "truefalse" and question.truth is None:
            self.add(question.line, msg("{item}: a truefalse question needs the answer true or "
                                        "false", item=label))
        elif kind == "fill" and not any(answer.strip() for answer in question.accepted):
            self.add(question.line, msg("{item}: a fill question needs at least one accepted "
                                        "answer", item=label))
        elif kind == "match":
            self.pairs(label, question)
        elif kind == "order" and len([item for item in question.sequence if item.strip()]) < 2:
            self.add(question.line, msg("{item}: an order question needs at least 2 items, "
                                        "this one has {count}", item=label,
                                        count=len(question.sequence)))
        elif kind == "numeric":
            self.numeric(label, question)

    def choices(self, label: Message, question: Question) -> None:
        count = len(question.choices)
        if not MIN_CHOICES <= count <= MAX_CHOICES:
            self.add(question.line, msg("{item}: a question needs {low} to {high} options; "
                                        "this one has {count}", item=label, low=MIN_CHOICES,
                                        high=MAX_CHOICES, count=count))
        for index, choice in enumerate(question.choices):
            if not choice.text.strip():
                self.add(question.line, msg("{item}: option {letter} is empty", item=label,
                                            letter=_letter(index)))
        correct = sum(1 for choice in question.choices if choice.correct)
        if question.type == "single" and correct != 1:
            self.add(question.line, msg("{item}: a single question needs exactly one correct "
                                        "option; this one has {count}", item=label,
                                        count=correct))
        if question.type == "multiple" and correct < 1:
            self.add(question.line, msg("{item}: a multiple question needs at least one "
                                        "correct option", item=label))

    def pairs(self, label: Message, question: Question) -> None:
        if len(question.pairs) < 2:
            self.add(question.line, msg("{item}: a match question needs at least 2 pairs, "
                                        "this one has {count}", item=label,
                                        count=len(question.pairs)))
        seen: set[str] = set()
        for left, right in question.pairs:
            if not left.strip() or not right.strip():
                self.add(question.line, msg("{item}: a pair has an empty side", item=label))
            key = normalise_space(left).casefold()
            if key in seen:
                self.add(question.line, msg("{item}: the left side '{left}' appears in two "
                                            "pairs; each left side must be different",
                                            item=label, left=left))
            seen.add(key)

    def numeric(self, label: Message, question: Question) -> None:
        if not question.numeric:
            self.add(question.line, msg("{item}: a numeric question needs an answer or a range",
                                        item=label))
        for answer in question.numeric:
            numbers = [n for n in (answer.value, answer.tolerance, answer.low, answer.high)
                       if n is not None]
            if not all(math.isfinite(n) for n in numbers):
                self.add(question.line, msg("{item}: numbers must be finite", item=label))
                continue
            has_range = answer.low is not None and answer.high is not None
            if answer.value is None and not has_range:
                self.add(question.line, msg("{item}: a numeric answer needs a value or a range "
                                            "[low, high]", item=label))
            if has_range and answer.low > answer.high:  # type: ignore[operator]
                self.add(question.line, msg("{item}: the range is reversed: low {low:g} is above "
                                            "high {high:g}", item=label, low=answer.low,
                                            high=answer.high))
            if answer.tolerance < 0:
                self.add(question.line, msg("{item}: the tolerance must not be negative",
                                            item=label))

    def card(self, card: Card) -> None:
        label = msg("card '{id}'", id=card.id)
        if not card.front.strip():
            self.add(card.line, msg("{item}: the front is empty", item=label))
        if not card.back.strip():
            self.add(card.line, msg("{item}: the back is empty", item=label))
        self.source(label, card.line, card.section, card.evidence)

    def source(self, label: Message, line: int, section: str | None, evidence: str) -> None:
        if section is not None and section not in self.report:
            close = difflib.get_close_matches(section, self.report.section_ids, n=1,
                                              cutoff=0.6)
            self.add(line, msg("{item}: '{section}' is not a report section (did you mean "
                               "'{close}'?); section ids look like intro, problems.1, "
                               "reasons.4, suggestions.5.2 (see 'studyapp report --json' for "
                               "all of them)", item=label, section=section, close=close[0])
                     if close else
                     msg("{item}: '{section}' is not a report section; section ids look like "
                         "intro, problems.1, reasons.4, suggestions.5.2 (see 'studyapp report "
                         "--json' for all of them)", item=label, section=section))
            return
        if not evidence.strip():
            return
        if section is None:
            self.add(line, msg("{item}: evidence needs a section; add 'section:' with the id of "
                               "the section it is quoted from", item=label))
            return
        if section not in self._texts:
            self._texts[section] = section_text(self.report, section)
        quotes = evidence_quotes(evidence)
        for number, quote in enumerate(quotes, start=1):
            if normalise_space(quote) not in self._texts[section]:
                self.add(line, msg("{item}: evidence quote {number} not found in section "
                                   "{section}; it must be copied word for word from that "
                                   "section", item=label, number=number, section=section)
                         if len(quotes) > 1 else
                         msg("{item}: evidence not found in section {section}; it must be "
                             "copied word for word from that section", item=label,
                             section=section))


def _letter(index: int) -> str:
    return "ABCDEFGH"[index] if index < MAX_CHOICES else str(index + 1)
