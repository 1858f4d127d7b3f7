"""A question as one quiz attempt shows it (QuizItem: options in a seeded order), the
seeded draw, and the texts of feedback and review (the right answer and the learner's, in
words). No Qt, no store: quiz.py's sessions and engine use them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from studyapp.core.messages import msg
from studyapp.core.questionsets.model import Question
from studyapp.core.scoring import weight_of
from studyapp.core.store.quizzes import StoredQuestion

__all__ = ["QuizItem", "answer_text", "correct_answer_text", "draw", "evidence_quotes",
           "option_order"]


# -- one drawn question -----------------------------------------------------------------------
@dataclass
class QuizItem:
    """A question as this attempt shows it. ``order`` is the display order of the options
    (single/multiple), of the right-hand column (match) or the starting order (order), as
    indices into the question's own lists; responses always use those file indices."""

    key: str
    question: Question
    order: list[int] = field(default_factory=list)
    set_title: str = ""

    @property
    def weight(self) -> float:
        return weight_of(self.question)

    def plan(self) -> dict[str, Any]:
        return {"key": self.key, "order": list(self.order)}

    def options(self) -> list[tuple[int, str]]:
        """(file index, text) in display order, for single and multiple questions."""
        return [(i, self.question.choices[i].text) for i in self.order]

    def lefts(self) -> list[str]:
        return [left for left, _ in self.question.pairs]

    def rights(self) -> list[tuple[int, str]]:
        """(file index, text) of the match question's right-hand items in display order."""
        return [(i, self.question.pairs[i][1]) for i in self.order]

    def start_sequence(self) -> list[tuple[int, str]]:
        return [(i, self.question.sequence[i]) for i in self.order]


def option_order(question: Question, rng: random.Random) -> list[int]:
    """The order an attempt shows a question's options (or pairs, or items) in."""
    if question.type in ("single", "multiple"):
        size = len(question.choices)
    elif question.type == "match":
        size = len(question.pairs)
    elif question.type == "order":
        size = len(question.sequence)
    else:
        return []
    order = list(range(size))
    if question.type == "order" or question.shuffle:
        rng.shuffle(order)
        if question.type == "order" and size > 1 and order == sorted(order):
            order = order[1:] + order[:1]  # never start an ordering question already solved
    return order


def draw(candidates: list[StoredQuestion], count: int | None, seed: int) -> list[QuizItem]:
    """``count`` questions (all when None) in a random order, options shuffled: the same seed
    gives the same quiz."""
    rng = random.Random(seed)
    chosen = list(candidates)
    rng.shuffle(chosen)
    if count is not None:
        chosen = chosen[:count]
    return [QuizItem(q.key, q.question, option_order(q.question, rng), q.set_title)
            for q in chosen]


# -- texts for feedback and review ------------------------------------------------------------
def correct_answer_text(item: QuizItem) -> str:
    """The right answer in words, with the options' display numbers where there are any."""
    question = item.question
    if question.type in ("single", "multiple"):
        shown = [(n, text) for n, (i, text) in enumerate(item.options(), start=1)
                 if question.choices[i].correct]
        return "; ".join(f"{n}. {text}" for n, text in shown)
    if question.type == "truefalse":
        return str(msg("True") if question.truth else msg("False"))
    if question.type == "fill":
        return " / ".join(question.accepted)
    if question.type == "numeric":
        parts = []
        for answer in question.numeric:
            if answer.low is not None and answer.high is not None:
                parts.append(str(msg("{low} to {high}", low=_number(answer.low),
                                     high=_number(answer.high))))
            elif answer.value is not None:
                tolerance = f" (± {_number(answer.tolerance)})" if answer.tolerance else ""
                parts.append(f"{_number(answer.value)}{tolerance}")
        return str(msg(" or ")).join(parts)
    if question.type == "match":
        return "; ".join(f"{left} → {right}" for left, right in question.pairs)
    return " → ".join(question.sequence)


def answer_text(item: QuizItem, response: Any) -> str:
    """The learner's answer in words ("" when not answered)."""
    question = item.question
    if response is None:
        return ""
    if question.type == "single":
        return _option_words(item, [int(response)])
    if question.type == "multiple":
        return _option_words(item, [int(i) for i in response])
    if question.type == "truefalse":
        return str(msg("True") if response else msg("False"))
    if question.type in ("fill", "numeric"):
        return str(response)
    if question.type == "match":
        rights = [right for _, right in question.pairs]
        return "; ".join(
            f"{left} → {rights[r] if isinstance(r, int) and 0 <= r < len(rights) else '—'}"
            for (left, _), r in zip(question.pairs, response, strict=False))
    return " → ".join(question.sequence[i] for i in response
                      if isinstance(i, int) and 0 <= i < len(question.sequence))


def _option_words(item: QuizItem, indices: list[int]) -> str:
    numbers = {i: n for n, i in enumerate(item.order, start=1)}
    chosen = sorted((numbers.get(i, 0), item.question.choices[i].text) for i in indices
                    if 0 <= i < len(item.question.choices))
    return "; ".join(f"{n}. {text}" for n, text in chosen)


def _number(value: float) -> str:
    return f"{value:g}"


def evidence_quotes(question: Question) -> list[str]:
    """The evidence as separate quotes (several may be joined by newlines)."""
    return [line.strip() for line in question.evidence.split("\n") if line.strip()]
