"""The surface-cue learner: how far a question set can be passed without understanding it.

A learner who has understood nothing can still follow the wording. This learner, who stands
for the cheapest strategies a test-wise reader uses, answers

- a single-choice question with the option that repeats most of the source's words (the
  report section the question names, else its evidence): a key copied from the text while
  the distractors are made up gives itself away;
- a select-all question with all options but two (which is right in most banks), leaving
  out the two with the fewest source words;
- a true/false statement with True when it is nearly all in the source's words ("verbatim is
  true") and False when it is not.

Ties are counted as a fair guess among the tied options. The learner has no strategy for
fill, match, order and numeric questions, so :func:`surface_score` scores only the choice
questions (single, multiple, true/false); that is where a surface cue can pass a quiz.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from studyapp.core.questionsets.model import Question, QuestionSet, evidence_quotes
from studyapp.core.questionsets.wording import content_words, overlap
from studyapp.core.report import Report, Section, load_report

VERBATIM_SHARE = 0.8  # a statement with at least this share of its words in the source
CHOICE_TYPES = ("single", "multiple", "truefalse")

SourceWords = Callable[[Question], frozenset[str]]


def section_source(report: Report | None = None) -> SourceWords:
    """The words of the report section a question names (with its subsections), else of
    its evidence; cached per section."""
    report = report or load_report()
    cache: dict[str, frozenset[str]] = {}

    def words(question: Question) -> frozenset[str]:
        if question.section and question.section in report:
            if question.section not in cache:
                cache[question.section] = frozenset(
                    content_words(section_words(report.get(question.section))))
            return cache[question.section]
        return frozenset(content_words(" ".join(evidence_quotes(question.evidence))))

    return words


def section_words(section: Section) -> str:
    """A section's text with its subsections' text (a parent covers its children)."""
    parts = [" ".join(section.source_blocks())]
    parts += [section_words(child) for child in section.children]
    return " ".join(parts)


def option_cue(text: str, source: frozenset[str]) -> int:
    """How many different source words an option repeats."""
    return overlap(content_words(text), source)


def is_verbatim(statement: str, source: frozenset[str]) -> bool:
    """Whether a statement is nearly all in the source's words."""
    words = set(content_words(statement))
    return bool(words) and len(words & source) / len(words) >= VERBATIM_SHARE


def most_cued(texts: list[str], source: frozenset[str]) -> list[int]:
    """The indexes of the options that repeat the most source words."""
    cues = [option_cue(text, source) for text in texts]
    top = max(cues)
    return [index for index, cue in enumerate(cues) if cue == top]


def least_cued(texts: list[str], source: frozenset[str]) -> list[int]:
    """The indexes of the options that repeat the fewest source words."""
    cues = [option_cue(text, source) for text in texts]
    bottom = min(cues)
    return [index for index, cue in enumerate(cues) if cue == bottom]


def surface_credit(question: Question, source: frozenset[str]) -> float | None:
    """The surface-cue learner's expected mark on ``question`` (0..1); None for the types it
    has no strategy for."""
    if question.type == "single":
        tied = most_cued([choice.text for choice in question.choices], source)
        right = sum(1 for index in tied if question.choices[index].correct)
        return right / len(tied)
    if question.type == "multiple":
        return _all_but_two_credit(question, source)
    if question.type == "truefalse":
        return 1.0 if is_verbatim(question.prompt, source) == bool(question.truth) else 0.0
    return None


def _all_but_two_credit(question: Question, source: frozenset[str]) -> float:
    """All options but the two with the fewest source words (a fair guess among ties)."""
    size = len(question.choices) - 2
    if size < 1:
        return 0.0
    cues = [option_cue(choice.text, source) for choice in question.choices]
    picks = list(combinations(range(len(cues)), size))
    best = max(sum(cues[i] for i in pick) for pick in picks)
    chosen = [set(pick) for pick in picks if sum(cues[i] for i in pick) == best]
    key = {index for index, choice in enumerate(question.choices) if choice.correct}
    return sum(1 for pick in chosen if pick == key) / len(chosen)


@dataclass(frozen=True)
class SurfaceScore:
    """The surface-cue learner's result on one set, by question type."""

    set_id: str
    marks: dict[str, float]  # type -> marks earned
    counts: dict[str, int]  # type -> questions of that type it answered

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    @property
    def share(self) -> float:
        """Marks over the choice questions answered (0 when there are none)."""
        return sum(self.marks.values()) / self.answered if self.answered else 0.0


def surface_score(question_set: QuestionSet, source: SourceWords | None = None) -> SurfaceScore:
    """The surface-cue learner's score on a set's choice questions."""
    source = source or section_source()
    marks = dict.fromkeys(CHOICE_TYPES, 0.0)
    counts = dict.fromkeys(CHOICE_TYPES, 0)
    for question in question_set.questions:
        credit = surface_credit(question, source(question))
        if credit is not None:
            marks[question.type] += credit
            counts[question.type] += 1
    return SurfaceScore(question_set.id, marks, counts)
