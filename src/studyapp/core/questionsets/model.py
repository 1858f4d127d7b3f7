"""Question sets: questions of seven types and flashcards, independent of any file format.

Every importer (native YAML, CSV/XLSX, GIFT, Aiken) produces a :class:`QuestionSet`;
the store saves it and the quiz engine reads it back. ``line`` on questions and cards is
the 1-based line (spreadsheets: row) where the item starts in its source file, so that
checks made after parsing can still point the trainer at the right place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EVIDENCE_SEPARATOR = "\n"


def evidence_quotes(evidence: str) -> list[str]:
    """The quotes of an item's ``evidence``: several are kept in one text, one quote a line.

    A native file may give ``evidence`` as a list of quotes (one for each part of the
    answer); the model joins them with :data:`EVIDENCE_SEPARATOR`, so the store and every
    other format keep a single text. Empty lines and surrounding spaces are dropped.
    """
    return [quote.strip() for quote in evidence.split(EVIDENCE_SEPARATOR) if quote.strip()]


def join_evidence(quotes: list[str]) -> str:
    """The inverse of :func:`evidence_quotes` for quotes without line breaks."""
    return EVIDENCE_SEPARATOR.join(quote.strip() for quote in quotes if quote.strip())


QuestionType = Literal["single", "multiple", "truefalse", "fill", "match", "order", "numeric"]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "single",
    "multiple",
    "truefalse",
    "fill",
    "match",
    "order",
    "numeric",
)


@dataclass
class Choice:
    """An option of a ``single`` or ``multiple`` question.

    ``weight`` is the share of the mark this option gives when chosen, from -1.0 to 1.0
    (GIFT's ``~%50%``); None means "all or nothing" by ``correct``.
    """

    text: str
    correct: bool = False
    feedback: str = ""
    weight: float | None = None


@dataclass
class NumericAnswer:
    """Accepted when ``value - tolerance <= x <= value + tolerance``, or within [low, high]."""

    value: float | None = None
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None

    def accepts(self, number: float) -> bool:
        if self.low is not None and self.high is not None:
            return self.low <= number <= self.high
        if self.value is None:
            return False
        return abs(number - self.value) <= self.tolerance + 1e-9


@dataclass
class Question:
    id: str
    type: QuestionType
    prompt: str
    # single / multiple
    choices: list[Choice] = field(default_factory=list)
    # truefalse
    truth: bool | None = None
    # fill: every accepted answer (compared case- and width-insensitively)
    accepted: list[str] = field(default_factory=list)
    # match: (left, right) pairs in their correct pairing
    pairs: list[tuple[str, str]] = field(default_factory=list)
    # order: items in their correct sequence
    sequence: list[str] = field(default_factory=list)
    # numeric: one or more accepted values or ranges
    numeric: list[NumericAnswer] = field(default_factory=list)
    section: str | None = None
    explanation: str = ""
    evidence: str = ""
    tags: list[str] = field(default_factory=list)
    difficulty: int | None = None  # 1 (easy) .. 5 (hard)
    # The question's weight in an exam score (a spreadsheet's 分值); None: the quiz's default.
    points: float | None = None
    # fill with several blanks: each blank's accepted answers, in the prompt's order
    # (``accepted`` then holds the blanks' first answers joined by "；" for display).
    blanks: list[list[str]] = field(default_factory=list)
    # A picture shown with the question, named by its content ("pictures/<hash>.png", see
    # questionsets/pictures.py); ``image_source`` is the file it was read from, which the
    # import copies into the profile (not stored). URLs are never kept (nothing is fetched).
    image: str = ""
    image_source: str = ""
    line: int = 0
    shuffle: bool = True  # False: options keep their written order (they refer to each other)

    def body(self) -> dict[str, Any]:
        """The type-specific part, as stored in ``questions.body_json``.

        The optional extras (points, blanks, image, shuffle) are added only when set, so sets
        that do not use them store exactly what they stored before.
        """
        body = self._answer_body()
        if self.points is not None:
            body["points"] = self.points
        if self.blanks:
            body["blanks"] = [list(blank) for blank in self.blanks]
        if self.image:
            body["image"] = self.image
        if not self.shuffle:
            body["shuffle"] = False
        return body

    def _answer_body(self) -> dict[str, Any]:
        if self.type in ("single", "multiple"):
            return {
                "choices": [
                    {"text": c.text, "correct": c.correct, "feedback": c.feedback,
                     "weight": c.weight}
                    for c in self.choices
                ]
            }
        if self.type == "truefalse":
            return {"truth": self.truth}
        if self.type == "fill":
            return {"accepted": list(self.accepted)}
        if self.type == "match":
            return {"pairs": [list(pair) for pair in self.pairs]}
        if self.type == "order":
            return {"sequence": list(self.sequence)}
        return {
            "numeric": [
                {"value": n.value, "tolerance": n.tolerance, "low": n.low, "high": n.high}
                for n in self.numeric
            ]
        }

    def set_body(self, body: dict[str, Any]) -> None:
        """Inverse of :meth:`body`."""
        points = body.get("points")
        self.points = float(points) if isinstance(points, (int, float)) else None
        self.blanks = [list(blank) for blank in body.get("blanks", [])]
        self.image = str(body.get("image") or "")
        self.choices = [Choice(**c) for c in body.get("choices", [])]
        self.truth = body.get("truth")
        self.accepted = list(body.get("accepted", []))
        self.pairs = [(left, right) for left, right in body.get("pairs", [])]
        self.sequence = list(body.get("sequence", []))
        self.numeric = [NumericAnswer(**n) for n in body.get("numeric", [])]
        self.shuffle = bool(body.get("shuffle", True))


@dataclass
class Card:
    id: str
    front: str
    back: str
    section: str | None = None
    explanation: str = ""
    evidence: str = ""
    tags: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class QuestionSet:
    """One set as loaded from one file.

    ``id`` is stable across re-imports (native files declare it; other formats derive it
    from the file name), and with each item's ``id`` it keys every learner's history.
    """

    id: str
    title: str
    version: str = "1"
    description: str = ""
    language: str = "en"
    questions: list[Question] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    source: str = ""  # the file it came from
    format: str = ""  # "native", "csv", "xlsx", "gift", "aiken"
    builtin: bool = False
