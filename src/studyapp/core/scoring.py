"""Scoring answers, exactly as docs/scoring.md says (its tests follow it rule by rule).

Answers ("responses") name options by their position in the set's file, never by the
shuffled position on screen:

- ``single``: the option's index (int); ``multiple``: a list of indices;
- ``truefalse``: a bool; ``fill`` and ``numeric``: the text typed;
- ``match``: for each left-hand item (in file order), the index of the right-hand item
  chosen for it, or None; ``order``: the items' indices in the order the learner put them.

``None`` is "not answered" for every type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from studyapp.core.questionsets.model import Question

MultiplePolicy = Literal["all_or_nothing", "partial", "fractions"]
PairsPolicy = Literal["partial", "all_or_nothing"]
MULTIPLE_POLICIES: tuple[MultiplePolicy, ...] = ("all_or_nothing", "partial", "fractions")
PAIRS_POLICIES: tuple[PairsPolicy, ...] = ("partial", "all_or_nothing")
DEFAULT_PASS_MARK = 0.6
_EPSILON = 1e-9


@dataclass(frozen=True)
class Policy:
    """How an attempt gives partial credit (stored with the attempt)."""

    multiple: MultiplePolicy = "all_or_nothing"
    pairs: PairsPolicy = "partial"  # match and order

    def to_json(self) -> dict[str, str]:
        return {"multiple": self.multiple, "pairs": self.pairs}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Policy:
        data = data or {}
        multiple = data.get("multiple", "all_or_nothing")
        pairs = data.get("pairs", "partial")
        return cls(
            multiple=multiple if multiple in MULTIPLE_POLICIES else "all_or_nothing",
            pairs=pairs if pairs in PAIRS_POLICIES else "partial",
        )


@dataclass
class Grade:
    fraction: float
    weight: float
    note: str = ""  # e.g. "not a number" for numeric text that cannot be read
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return self.weight * self.fraction

    @property
    def correct(self) -> bool:
        return self.fraction >= 1 - _EPSILON

    @property
    def partly(self) -> bool:
        return _EPSILON < self.fraction < 1 - _EPSILON


def weight_of(question: Question) -> float:
    """The question's mark: its ``points`` when the set gives them, else 1."""
    points = getattr(question, "points", None)
    return float(points) if points else 1.0


def score(question: Question, response: Any, policy: Policy | None = None) -> Grade:
    """The grade of one answer to one question."""
    policy = policy or Policy()
    weight = weight_of(question)
    if response is None:
        return Grade(0.0, weight, "not answered")
    kind = question.type
    if kind == "single":
        return Grade(_single(question, response), weight)
    if kind == "truefalse":
        return Grade(1.0 if bool(response) == bool(question.truth) else 0.0, weight)
    if kind == "multiple":
        return Grade(_multiple(question, response, policy.multiple), weight)
    if kind == "fill":
        folded = fold(str(response))
        right = bool(folded) and folded in {fold(a) for a in question.accepted}
        return Grade(1.0 if right else 0.0, weight)
    if kind == "numeric":
        number = parse_number(str(response))
        if number is None:
            return Grade(0.0, weight, "not a number")
        right = any(answer.accepts(number) for answer in question.numeric)
        return Grade(1.0 if right else 0.0, weight)
    if kind == "match":
        rights = [right for _left, right in question.pairs]
        hits = sum(1 for left, chosen in enumerate(list(response)[:len(rights)])
                   if _index(chosen, rights) and rights[chosen] == rights[left])
        return Grade(_share(hits, len(question.pairs), policy.pairs), weight)
    if kind == "order":
        items = question.sequence
        hits = sum(1 for position, item in enumerate(list(response)[:len(items)])
                   if _index(item, items) and items[item] == items[position])
        return Grade(_share(hits, len(question.sequence), policy.pairs), weight)
    raise ValueError(f"unknown question type {kind!r}")


def _index(value: Any, within: list[str]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(within)


def _single(question: Question, response: Any) -> float:
    index = int(response)
    if not 0 <= index < len(question.choices):
        return 0.0
    choice = question.choices[index]
    if choice.weight is not None:
        return max(0.0, min(1.0, choice.weight))
    return 1.0 if choice.correct else 0.0


def _multiple(question: Question, response: Any, policy: MultiplePolicy) -> float:
    chosen = {int(i) for i in response if 0 <= int(i) < len(question.choices)}
    correct = {i for i, c in enumerate(question.choices) if c.correct}
    if policy == "all_or_nothing":
        return 1.0 if chosen == correct and chosen else 0.0
    k = len(correct) or 1
    if policy == "partial":
        if chosen - correct or not chosen:
            return 0.0
        return len(chosen & correct) / k
    total = 0.0
    for index in chosen:
        choice = question.choices[index]
        if choice.weight is not None:
            total += choice.weight
        else:
            total += 1 / k if choice.correct else -1 / k
    return max(0.0, min(1.0, total))


def _share(hits: int, total: int, policy: PairsPolicy) -> float:
    if total == 0:
        return 0.0
    if policy == "all_or_nothing":
        return 1.0 if hits == total else 0.0
    return hits / total


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC (full-width to half-width), case folding, spaces and punctuation trimmed from both
    ends, inner runs of spaces made one."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    start, end = 0, len(folded)
    while start < end and _trimmable(folded[start]):
        start += 1
    while end > start and _trimmable(folded[end - 1]):
        end -= 1
    return _SPACES.sub(" ", folded[start:end])


def _trimmable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """A decimal number typed by a learner, or None (see docs/scoring.md)."""
    cleaned = "".join(unicodedata.normalize("NFKC", text).split())
    cleaned = cleaned.replace("\u2212", "-")
    if not cleaned:
        return None
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return number


def passed(total: float, maximum: float, pass_mark: float = DEFAULT_PASS_MARK) -> bool:
    return maximum > 0 and total >= pass_mark * maximum - _EPSILON
