"""The quiz engine: scopes, a seeded draw, sessions and attempts, the mistake notebook, the
four-relationships challenge and the daily quiz. No Qt: the Quiz view renders what a
:class:`QuizSession` hands it and sends the learner's answers back.

Scoring is ``studyapp.core.scoring`` (docs/scoring.md); records go through
``store.quizzes``. Every answer is saved as it is given, so an exam cut short by a crash is
resumed with its answers, its flags and the time that was left.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from studyapp.core.clock import Clock
from studyapp.core.messages import msg
from studyapp.core.questionsets.model import Question
from studyapp.core.scoring import (
    DEFAULT_PASS_MARK,
    Grade,
    Policy,
    parse_number,
    passed,
    score,
    weight_of,
)
from studyapp.core.store import Store
from studyapp.core.store.quizzes import AttemptRecord, HistoryAnswer, StoredQuestion
from studyapp.core.trend import Trend, share, trend


class QuizMode(StrEnum):
    """What an attempt is. Stored in the attempts table as its value, and equal to it, so
    the mode read back from the store (and a view's "exam") compare as the member."""

    PRACTICE = "practice"
    EXAM = "exam"
    MISTAKES = "mistakes"  # the mistake notebook
    CHALLENGE = "challenge"  # the four relationships, until the first wrong answer
    DAILY = "daily"


MODES: tuple[QuizMode, ...] = tuple(QuizMode)
RELATIONSHIPS = ("suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4")
RELATIONSHIPS_SCOPE = "relationships"
PRACTICE_COUNT = 10
EXAM_COUNT = 20
EXAM_MINUTES = 20
DAILY_COUNT = 5
TREND_WINDOW = 10
LEAVES_AFTER = 2  # right answers in this many later sessions take a question out of the notebook


# -- scopes -----------------------------------------------------------------------------------
def in_section(section_id: str | None, root: str) -> bool:
    return section_id is not None and (section_id == root or section_id.startswith(root + "."))


def scope_filter(scope: str, mistakes: set[str] | None = None) -> Any:
    """A predicate on stored questions for a scope string:

    ``report`` (every question), ``relationships`` (suggestions.5.1-5.4), ``section:ID`` or
    ``part:ID`` (the section and everything under it), ``set:ID``, ``tags:a,b`` (any of the
    tags), ``mistakes`` (the mistake notebook).
    """
    kind, _, value = scope.partition(":")
    if kind == "report":
        return lambda q: True
    if kind == RELATIONSHIPS_SCOPE:
        return lambda q: in_section(q.question.section, "suggestions.5")
    if kind in ("section", "part"):
        return lambda q: in_section(q.question.section, value)
    if kind == "set":
        return lambda q: q.set_id == value
    if kind == "tags":
        wanted = {t.strip().casefold() for t in value.split(",") if t.strip()}
        return lambda q: bool(wanted & {t.casefold() for t in q.question.tags})
    if kind == "mistakes":
        keys = mistakes or set()
        return lambda q: q.key in keys
    raise ValueError(f"unknown quiz scope {scope!r}")


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


def _order_for(question: Question, rng: random.Random) -> list[int]:
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
    return [QuizItem(q.key, q.question, _order_for(q.question, rng), q.set_title)
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


# -- results ---------------------------------------------------------------------------------
@dataclass
class SectionResult:
    section: str
    score: float = 0.0
    max_score: float = 0.0
    right: int = 0
    questions: int = 0


@dataclass
class QuizResult:
    score: float
    max_score: float
    passed: bool | None
    right: int
    answered: int
    questions: int
    by_section: list[SectionResult]
    streak: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class Unfinished:
    """An answer not finished: ``missing`` of ``total`` rows not paired (matching), or
    every item still where it was shown (ordering: missing == total)."""

    missing: int
    total: int


@dataclass
class Given:
    response: Any
    grade: Grade


# -- sessions --------------------------------------------------------------------------------
class QuizSession:
    """One attempt in progress: answers, flags, the place, and (for exams) the clock."""

    def __init__(self, store: Store, clock: Clock, record: AttemptRecord,
                 items: list[QuizItem]) -> None:
        self.store = store
        self.clock = clock
        self.attempt_id = record.id
        self.mode = QuizMode(record.mode)
        self.scope = record.scope
        self.items = items
        self.policy = Policy.from_json(record.policy)
        self.pass_mark = record.pass_mark
        self.time_limit_s = record.time_limit_s
        self._time_used = record.time_used_s
        self._running_since: datetime | None = None
        self.flags: set[str] = set(record.flags)
        self.position = min(record.position, max(0, len(items) - 1))
        self.given: dict[str, Given] = {}
        self.finished = record.finished_at is not None
        self.result: QuizResult | None = None
        self.ended = False  # a challenge ends at its first wrong answer

    # answers
    @property
    def timed(self) -> bool:
        return self.time_limit_s is not None

    @property
    def gives_feedback(self) -> bool:
        return self.mode != QuizMode.EXAM

    def answer(self, index: int, response: Any, duration_ms: int | None = None) -> Grade:
        """Scores and saves an answer at once (an exam may replace it until submitted)."""
        if self.finished:
            raise RuntimeError("this quiz is finished")
        item = self.items[index]
        grade = score(item.question, response, self.policy)
        self.given[item.key] = Given(response, grade)
        self.position = index
        self.store.quizzes.save_answer(
            self.attempt_id, item.key, response, grade.correct, grade.score, grade.weight,
            duration_ms, time_used_s=self.time_used() if self.timed else None, position=index)
        if self.mode == QuizMode.CHALLENGE and not grade.correct:
            self.ended = True
        return grade

    def not_a_number(self, index: int, response: Any) -> bool:
        """A numeric question's answer that is no number ("four"): checked before grading,
        so it is neither marked wrong nor put in the mistake notebook."""
        return (self.items[index].question.type == "numeric"
                and parse_number(str(response)) is None)

    def unfinished(self, index: int, response: Any) -> Unfinished | None:
        """A matching with rows left unpaired, or an ordering still in the order it was shown
        in: the learner is asked before it is graded, not marked wrong without a word."""
        item = self.items[index]
        if not isinstance(response, list):
            return None
        if item.question.type == "match":
            total = len(item.question.pairs)
            paired = sum(1 for right in response[:total] if right is not None)
            return Unfinished(total - paired, total) if paired < total else None
        if item.question.type == "order" and len(response) > 1 and response == item.order:
            return Unfinished(len(response), len(response))
        return None

    def keep(self, index: int, response: Any, duration_ms: int | None = None) -> None:
        """An exam's answer as it stands on screen, saved the moment it is picked (None
        clears it): a power cut between picking and confirming loses nothing."""
        if response is None:
            self.clear(index)
        elif not self.answered(index) or response != self.response(index):
            self.answer(index, response, duration_ms)

    def clear(self, index: int) -> None:
        key = self.items[index].key
        if key in self.given:
            del self.given[key]
            self.store.quizzes.remove_answer(self.attempt_id, key)

    def response(self, index: int) -> Any:
        given = self.given.get(self.items[index].key)
        return None if given is None else given.response

    def grade(self, index: int) -> Grade | None:
        given = self.given.get(self.items[index].key)
        return None if given is None else given.grade

    def answered(self, index: int) -> bool:
        return self.items[index].key in self.given

    def unanswered(self) -> list[int]:
        return [i for i in range(len(self.items)) if not self.answered(i)]

    def toggle_flag(self, index: int) -> bool:
        key = self.items[index].key
        self.flags ^= {key}
        self.store.quizzes.save_progress(self.attempt_id, flags=sorted(self.flags))
        return key in self.flags

    def flagged(self, index: int) -> bool:
        return self.items[index].key in self.flags

    def go_to(self, index: int) -> None:
        self.position = max(0, min(index, len(self.items) - 1))
        self.store.quizzes.save_progress(self.attempt_id, position=self.position)

    # the exam's clock: it runs only while the exam is on screen
    def start_clock(self) -> None:
        if self._running_since is None:
            self._running_since = self.clock()

    def stop_clock(self) -> None:
        if self._running_since is not None:
            self._time_used = self.time_used()
            self._running_since = None
            self.store.quizzes.save_progress(self.attempt_id, time_used_s=self._time_used)

    def time_used(self) -> float:
        running = 0.0
        if self._running_since is not None:
            running = max(0.0, (self.clock() - self._running_since).total_seconds())
        return self._time_used + running

    @property
    def streak(self) -> int:
        """Right answers so far (a challenge ends at the first one that is not right)."""
        return sum(1 for given in self.given.values() if given.grade.correct)

    def remaining(self) -> float | None:
        if self.time_limit_s is None:
            return None
        return max(0.0, self.time_limit_s - self.time_used())

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def save_clock(self) -> None:
        """Writes the time used so far (the view calls it every few seconds)."""
        if self.timed and not self.finished:
            self.store.quizzes.save_progress(self.attempt_id, time_used_s=self.time_used())

    # the end
    def finish(self) -> QuizResult:
        """Submits the attempt: the score, pass or fail for an exam, the per-section share."""
        if self.result is not None:
            return self.result
        used = self.time_used()
        self._running_since = None
        self._time_used = used
        counted = [item for item in self.items
                   if self.mode == QuizMode.EXAM or item.key in self.given]
        sections: dict[str, SectionResult] = {}
        total = maximum = 0.0
        right = 0
        for item in counted:  # right == self.streak: every right answer is counted
            given = self.given.get(item.key)
            section_id = item.question.section or ""
            part = sections.setdefault(section_id, SectionResult(section_id))
            got = given.grade.score if given else 0.0
            total += got
            maximum += item.weight
            part.score += got
            part.max_score += item.weight
            part.questions += 1
            if given and given.grade.correct:
                right += 1
                part.right += 1
        verdict = (passed(total, maximum, self.pass_mark) if self.pass_mark is not None
                   else None)
        self.result = QuizResult(
            score=total, max_score=maximum, passed=verdict, right=right,
            answered=len(self.given), questions=len(self.items),
            by_section=sorted(sections.values(), key=lambda s: s.section), streak=right,
        )
        if self.given or self.mode == QuizMode.EXAM:
            self.store.quizzes.finish(self.attempt_id, total, maximum, verdict,
                                      time_used_s=used if self.timed else None)
        else:
            self.store.quizzes.discard(self.attempt_id)
        self.finished = True
        return self.result


# -- the notebook ----------------------------------------------------------------------------
@dataclass
class MistakeEntry:
    key: str
    wrong: int  # how often it was answered wrong
    last_wrong: str  # when last (ISO 8601, UTC)
    right_since: int  # later sessions with a right answer (it leaves at LEAVES_AFTER)
    question: StoredQuestion | None = None


def notebook_entries(history: list[HistoryAnswer]) -> dict[str, MistakeEntry]:
    """The notebook rule of docs/scoring.md over the answers in the order they were given."""
    entries: dict[str, MistakeEntry] = {}
    wrong_in: dict[str, int] = {}
    right_after: dict[str, set[int]] = defaultdict(set)
    for answer in history:
        key = answer.question_key
        if not answer.correct:
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = MistakeEntry(key, 0, answer.answered_at, 0)
            entry.wrong += 1
            entry.last_wrong = answer.answered_at
            wrong_in[key] = answer.attempt_id
            right_after[key] = set()
        elif key in wrong_in and answer.attempt_id != wrong_in[key]:
            right_after[key].add(answer.attempt_id)
    now_in = {}
    for key, entry in entries.items():
        entry.right_since = len(right_after[key])
        if entry.right_since < LEAVES_AFTER:
            now_in[key] = entry
    return now_in


# -- the four relationships ------------------------------------------------------------------
@dataclass
class RelationshipScore:
    section: str
    answers: int
    share: float | None  # right answers among the last TREND_WINDOW, 0..1
    previous: float | None  # the same over the TREND_WINDOW before those
    change: Trend  # core/trend.py's rule, as the Progress view's

    @property
    def trend(self) -> float | None:
        return self.change.change


@dataclass
class DailyStatus:
    done_today: bool
    streak: int
    waiting: int  # questions the next daily quiz would hold


@dataclass(frozen=True)
class Interrupted:
    """An exam not submitted, as the offer to resume it describes it."""

    record: AttemptRecord
    answered: int
    questions: int
    left_s: float


class QuizEngine:
    """Builds sessions from the profile's questions and reads the records back."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.clock = clock or store.clock

    def new_seed(self) -> int:
        return int(self.clock().timestamp() * 1000) % (2**31)

    def candidates(self, scope: str) -> list[StoredQuestion]:
        keys = set(self.notebook()) if scope.startswith("mistakes") else None
        keep = scope_filter(scope, keys)
        return [q for q in self.store.quizzes.questions() if keep(q)]

    def count(self, scope: str) -> int:
        return len(self.candidates(scope))

    def start(self, mode: QuizMode | str, scope: str = RELATIONSHIPS_SCOPE,
              count: int | None = None, seed: int | None = None,
              time_limit_s: float | None = None, policy: Policy | None = None,
              pass_mark: float | None = None) -> QuizSession:
        """A new attempt (saved at once, so it is counted even before its first answer).
        ``mode`` may be given as its value ("exam"); another word raises ValueError."""
        mode = QuizMode(mode)
        seed = self.new_seed() if seed is None else seed
        scope, items = self._draw(mode, scope, count, seed)
        return self._save(mode, scope, seed, items, time_limit_s, policy, pass_mark)

    def start_or_empty(self, mode: QuizMode | str, scope: str = RELATIONSHIPS_SCOPE,
                       count: int | None = None, seed: int | None = None,
                       time_limit_s: float | None = None, policy: Policy | None = None,
                       pass_mark: float | None = None) -> QuizSession | None:
        """A new attempt, or None and nothing written when there is no question for it."""
        mode = QuizMode(mode)
        seed = self.new_seed() if seed is None else seed
        scope, items = self._draw(mode, scope, count, seed)
        if not items:
            return None
        return self._save(mode, scope, seed, items, time_limit_s, policy, pass_mark)

    def _draw(self, mode: QuizMode, scope: str, count: int | None,
              seed: int) -> tuple[str, list[QuizItem]]:
        """The mode's scope and the questions drawn for it."""
        if mode == QuizMode.DAILY:
            return "daily", self._daily_items(seed)
        if mode == QuizMode.MISTAKES:
            scope = "mistakes"
        elif mode == QuizMode.CHALLENGE:
            scope = RELATIONSHIPS_SCOPE
        if count is None and mode == QuizMode.PRACTICE:
            count = PRACTICE_COUNT
        if count is None and mode == QuizMode.EXAM:
            count = EXAM_COUNT
        return scope, draw(self.candidates(scope), count, seed)

    def _save(self, mode: QuizMode, scope: str, seed: int, items: list[QuizItem],
              time_limit_s: float | None, policy: Policy | None,
              pass_mark: float | None) -> QuizSession:
        if mode == QuizMode.EXAM:
            if time_limit_s is None:
                time_limit_s = EXAM_MINUTES * 60.0
            if pass_mark is None:
                pass_mark = DEFAULT_PASS_MARK
        else:
            time_limit_s = None
            pass_mark = None
        policy = policy or Policy()
        attempt_id = self.store.quizzes.start(
            mode, scope, seed, [item.plan() for item in items], time_limit_s,
            policy.to_json(), pass_mark)
        record = self.store.quizzes.attempt(attempt_id)
        assert record is not None
        return QuizSession(self.store, self.clock, record, items)

    def interrupted_exam(self) -> AttemptRecord | None:
        """An exam that was never submitted (left, or cut short by a crash)."""
        return self.store.quizzes.unfinished(QuizMode.EXAM)

    def interrupted_summary(self) -> Interrupted | None:
        """What the resume offer says of the exam not submitted: when it started, how many
        of its questions are answered, and the time it has left."""
        record = self.interrupted_exam()
        if record is None:
            return None
        left = max(0.0, (record.time_limit_s or 0.0) - record.time_used_s)
        return Interrupted(record, len(self.store.quizzes.answers(record.id)),
                           len(record.plan), left)

    def resume(self, attempt_id: int) -> QuizSession:
        """The attempt as it was left: its questions in the same order with the same option
        order, its answers, flags and place, and the time that was left."""
        record = self.store.quizzes.attempt(attempt_id)
        if record is None:
            raise ValueError(f"there is no quiz attempt {attempt_id}")
        items = []
        for planned in record.plan:
            stored = self.store.quizzes.question(planned["key"])
            if stored is not None:
                items.append(QuizItem(stored.key, stored.question, list(planned["order"]),
                                      stored.set_title))
        session = QuizSession(self.store, self.clock, record, items)
        by_key = {item.key: item for item in items}
        for saved in self.store.quizzes.answers(attempt_id):
            item = by_key.get(saved.question_key)
            if item is not None:
                session.given[item.key] = Given(
                    saved.answer, score(item.question, saved.answer, session.policy))
        return session

    # the notebook
    def notebook(self) -> dict[str, MistakeEntry]:
        entries = notebook_entries(self.store.quizzes.history())
        for key, entry in entries.items():
            entry.question = self.store.quizzes.question(key)
        return {key: e for key, e in entries.items()
                if e.question is not None and not e.question.retired}

    def notebook_by_section(self) -> list[tuple[str, list[MistakeEntry]]]:
        groups: dict[str, list[MistakeEntry]] = defaultdict(list)
        for entry in self.notebook().values():
            section = (entry.question.question.section if entry.question else None) or ""
            groups[section].append(entry)
        return [(section, sorted(groups[section], key=lambda e: e.last_wrong, reverse=True))
                for section in sorted(groups)]

    def mistake_count(self) -> int:
        return len(self.notebook())

    # the challenge
    def best_streak(self) -> int:
        return max((int(a.score or 0) for a in
                    self.store.quizzes.finished_attempts(QuizMode.CHALLENGE)), default=0)

    def relationship_scores(self) -> list[RelationshipScore]:
        sections = {q.key: q.question.section for q in self.store.quizzes.questions()}
        per: dict[str, list[bool]] = {s: [] for s in RELATIONSHIPS}
        for answer in self.store.quizzes.history():
            section = sections.get(answer.question_key)
            for relationship in RELATIONSHIPS:
                if in_section(section, relationship):
                    per[relationship].append(answer.correct)
        scores = []
        for relationship in RELATIONSHIPS:
            answers = per[relationship]
            last = answers[-TREND_WINDOW:]
            before = answers[-2 * TREND_WINDOW:-TREND_WINDOW]
            scores.append(RelationshipScore(
                relationship, len(answers), share(sum(last), len(last)),
                share(sum(before), len(before)),
                trend(sum(last), len(last), sum(before), len(before))))
        return scores

    # the daily quiz, on the profile's study day (the dashboard's and the Cards view's)
    def daily_status(self) -> DailyStatus:
        study_day = self.store.days
        days = {study_day.day_of(datetime.fromisoformat(a.finished_at))
                for a in self.store.quizzes.finished_attempts(QuizMode.DAILY) if a.finished_at}
        today = study_day.day_of(self.clock())
        streak = 0
        day = today if today in days else date.fromordinal(today.toordinal() - 1)
        while day in days:
            streak += 1
            day = date.fromordinal(day.toordinal() - 1)
        return DailyStatus(today in days, streak, min(DAILY_COUNT, self.count("report")))

    def _daily_items(self, seed: int) -> list[QuizItem]:
        rng = random.Random(seed)
        every = self.store.quizzes.questions()
        by_key = {q.key: q for q in every}
        mistakes = sorted(self.notebook().values(), key=lambda e: e.last_wrong)
        chosen = [by_key[e.key] for e in mistakes if e.key in by_key][:DAILY_COUNT]
        last_seen: dict[str, str] = {}
        for answer in self.store.quizzes.history():
            last_seen[answer.question_key] = answer.answered_at
        taken = {q.key for q in chosen}
        unseen = [q for q in every if q.key not in last_seen and q.key not in taken]
        rng.shuffle(unseen)
        chosen += unseen[:DAILY_COUNT - len(chosen)]
        taken = {q.key for q in chosen}
        seen = sorted((q for q in every if q.key in last_seen and q.key not in taken),
                      key=lambda q: last_seen[q.key])
        chosen += seen[:DAILY_COUNT - len(chosen)]
        return [QuizItem(q.key, q.question, _order_for(q.question, rng), q.set_title)
                for q in chosen]


def stats_summary(store: Store) -> dict[str, int]:
    """The ``quiz`` object of ``stats --json``."""
    return store.quizzes.summary(QuizEngine(store).mistake_count())


__all__ = [
    "DailyStatus", "MODES", "MistakeEntry", "QuizEngine", "QuizItem", "QuizResult",
    "QuizSession", "RELATIONSHIPS", "RelationshipScore", "SectionResult", "answer_text",
    "correct_answer_text", "draw", "evidence_quotes", "in_section", "notebook_entries",
    "Interrupted", "Unfinished", "scope_filter", "stats_summary",
]
