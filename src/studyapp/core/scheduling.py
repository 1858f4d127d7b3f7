"""Spaced repetition: FSRS scheduling and the optimiser (the learner's day is
``studyapp.core.studyday``).

This is the only module that touches ``fsrs`` (py-fsrs) and ``fsrs_rs_python``; both load
when first needed (the first card shown, the first optimisation), not at start-up.

py-fsrs' sharp edges, handled here once:
- it takes only datetimes whose tzinfo is ``timezone.utc``: every moment is converted;
- ``Card()`` without an id sleeps a millisecond: the card's stable number is always passed;
- its fuzz draws from the global random generator: fuzzing is switched off in py-fsrs and
  done here from a draw mixed from the card and its review count (``fuzz_draw``), so the
  interval a button shows is the interval that grade gives, however often it is computed.

States are the app's: 0 new (py-fsrs has none), 1 learning, 2 review, 3 relearning (the
last three equal py-fsrs' ``State`` values).
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import sub
from typing import TYPE_CHECKING, Any, NamedTuple

from studyapp.core.fsrs_math import FsrsMath, Step
from studyapp.core.messages import msg, msg_n

if TYPE_CHECKING:
    import fsrs

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)
LEARN_AHEAD = timedelta(minutes=20)  # learning cards this close are shown rather than waited for
MIN_REVIEWS_TO_OPTIMISE = 400
# The optimiser fits on at most this many training items, drawn at random (seeded) from a
# longer history: plenty for FSRS's 21 parameters, and it keeps a fit within seconds.
MAX_OPTIMISER_ITEMS = 200_000
TRAINING_EPOCHS = 8  # Anki's (rslib's compute_params); fsrs-rs' own default is 5
# FSRS-6's default parameters (fsrs.scheduler.DEFAULT_PARAMETERS of py-fsrs 6; a test checks
# they are py-fsrs' own), here so that the first card needs no py-fsrs import.
_DEFAULT_PARAMETERS: tuple[float, ...] = (
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
)

# py-fsrs' fuzz ranges (fsrs.scheduler.FUZZ_RANGES), applied here from a seeded generator.
_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


# -- settings ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewSettings:
    """A profile's scheduling choices (kept in the profile's ``review_settings`` table)."""

    desired_retention: float = 0.90
    new_per_day: int = 20
    reviews_per_day: int = 200
    learning_steps: tuple[int, ...] = (1, 10)  # minutes
    relearning_steps: tuple[int, ...] = (10,)  # minutes
    day_starts_at: int = 4  # local hour
    leech_threshold: int = 8  # lapses
    suspend_leeches: bool = False
    maximum_interval: int = 36500  # days
    parameters: tuple[float, ...] | None = None  # None: FSRS's defaults
    previous_parameters: tuple[float, ...] | None = None  # to go back to after optimising

    def to_dict(self) -> dict[str, Any]:
        return {
            "desired_retention": self.desired_retention,
            "new_per_day": self.new_per_day,
            "reviews_per_day": self.reviews_per_day,
            "learning_steps": list(self.learning_steps),
            "relearning_steps": list(self.relearning_steps),
            "day_starts_at": self.day_starts_at,
            "leech_threshold": self.leech_threshold,
            "suspend_leeches": self.suspend_leeches,
            "maximum_interval": self.maximum_interval,
            "parameters": list(self.parameters) if self.parameters else None,
            "previous_parameters": (list(self.previous_parameters)
                                    if self.previous_parameters else None),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewSettings:
        """Known keys only; a value of the wrong kind falls back to the default."""
        default = cls()
        values: dict[str, Any] = {}
        for key, value in data.items():
            if not hasattr(default, key):
                continue
            current = getattr(default, key)
            try:
                if key in ("parameters", "previous_parameters"):
                    values[key] = tuple(float(v) for v in value) if value else None
                elif isinstance(current, tuple):
                    values[key] = tuple(int(v) for v in value)
                elif isinstance(current, bool):
                    values[key] = bool(value)
                elif isinstance(current, int):
                    values[key] = int(value)
                elif isinstance(current, float):
                    values[key] = float(value)
            except (TypeError, ValueError):
                continue
        settings = replace(default, **values)
        problems = settings.problems()
        return default if problems else settings

    def problems(self) -> list[str]:
        """What is out of range, in words for the learner (empty when all is well)."""
        found = []
        if not 0.70 <= self.desired_retention <= 0.99:
            found.append(msg("Desired retention must be between 70% and 99%.").render())
        if not 0 <= self.new_per_day <= 9999 or not 0 <= self.reviews_per_day <= 99999:
            found.append(msg("Daily limits must be between 0 and 9999 new, 99999 reviews."
                             ).render())
        if any(step <= 0 or step >= 24 * 60 for step in
               (*self.learning_steps, *self.relearning_steps)):
            found.append(msg("Each step must be between 1 minute and 1439 minutes.").render())
        if not 0 <= self.day_starts_at <= 23:
            found.append(msg("The day must start at an hour from 0 to 23.").render())
        if self.leech_threshold < 1:
            found.append(msg("The leech threshold must be at least one lapse.").render())
        return found


# -- scheduling --------------------------------------------------------------------------------
# Memory and Outcome are named tuples, not dataclasses: showing a card makes four of each,
# and a tuple is one C call to make (a dataclass instance also needs its own dict), which
# is a fifth of the previews' cost when the card comes after other work has taken the
# processor's caches. Both are immutable, as the frozen dataclasses were.
class Memory(NamedTuple):
    """What the scheduler knows of a card (a row of ``card_state``)."""

    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0


class Outcome(NamedTuple):
    """What one grade gives: the card's next memory and when it is due."""

    rating: int
    memory: Memory
    interval: timedelta  # due minus the moment of the review

    @property
    def due(self) -> datetime:
        assert self.memory.due is not None
        return self.memory.due


@dataclass
class Scheduler:
    """FSRS with a profile's settings. Build it once per settings (it caches py-fsrs')."""

    settings: ReviewSettings = field(default_factory=ReviewSettings)

    def _fsrs(self) -> fsrs.Scheduler:
        return _py_fsrs_scheduler(self.settings.parameters, self.settings.desired_retention,
                                  self.settings.learning_steps, self.settings.relearning_steps,
                                  self.settings.maximum_interval)

    def preview(self, number: int, memory: Memory, now: datetime) -> dict[int, Outcome]:
        """The four outcomes, Again to Easy, for a card shown ``now``: each the one
        ``review`` gives (``_outcome``'s steps in one loop: the review screen waits for
        them with every card)."""
        now = now.astimezone(UTC)
        state = memory.state
        if state == NEW:
            steps = self._math.review_all(LEARNING, 0, None, None, None, now)
        else:
            last = memory.last_review
            steps = self._math.review_all(state, memory.step, memory.stability,
                                          memory.difficulty,
                                          last.astimezone(UTC) if last else None, now)
        reps, lapses = memory.reps, memory.lapses
        maximum = self.settings.maximum_interval
        draw = -1.0  # the fuzz draw, the same for the four (card, review count)
        outcomes = {}
        for rating, (after_state, after_step, stability, difficulty, interval) in zip(
                RATINGS, steps, strict=True):
            if after_state == REVIEW and interval.days >= 2.5:  # _fuzzed_days
                if draw < 0:
                    draw = fuzz_draw(number, reps)
                low, high = _fuzz_range(interval.days, maximum)
                interval = timedelta(min(int(draw * (high - low + 1) + low), maximum))
            outcomes[rating] = _tuple(Outcome, (rating, _tuple(Memory, (
                after_state, after_step, stability, difficulty, now + interval, now,
                reps + 1, lapses + (state == REVIEW and rating == AGAIN))), interval))
        return outcomes

    def review(self, number: int, memory: Memory, rating: int, now: datetime) -> Outcome:
        """The card's memory after ``rating`` at ``now``. ``number`` is the card's stable
        number (it seeds the fuzz with the review count, so the same review always gives
        the same interval)."""
        if rating not in RATINGS:
            raise ValueError(f"A grade is 1 (Again) to 4 (Easy), not {rating}.")
        now = now.astimezone(UTC)
        if memory.state == NEW:
            step = self._math.review(LEARNING, 0, None, None, None, rating, now)
        else:
            step = self._math.review(
                memory.state, memory.step, memory.stability, memory.difficulty,
                memory.last_review.astimezone(UTC) if memory.last_review else None, rating,
                now)
        return self._outcome(number, memory, rating, now, step)

    @cached_property
    def _math(self) -> FsrsMath:
        return _fsrs_math(self.settings)

    def _outcome(self, number: int, memory: Memory, rating: int, now: datetime,
                 step: Step) -> Outcome:
        """The grade's outcome from its FSRS step (``now`` in UTC), fuzzed."""
        if step.state == REVIEW:  # a whole number of days (FsrsMath.review_all)
            due = now + timedelta(days=self._fuzzed_days(number, memory.reps,
                                                         step.interval.days))
        else:
            due = now + step.interval
        lapsed = memory.state == REVIEW and rating == AGAIN
        after = Memory(step.state, step.step, step.stability, step.difficulty, due, now,
                       memory.reps + 1, memory.lapses + int(lapsed))
        return Outcome(rating, after, due - now)

    def _fuzzed_days(self, number: int, reps: int, days: int) -> int:
        if days < 2.5:
            return days
        low, high = _fuzz_range(days, self.settings.maximum_interval)
        return min(int(fuzz_draw(number, reps) * (high - low + 1) + low),
                   self.settings.maximum_interval)

    def retrievability(self, memory: Memory, now: datetime) -> float | None:
        """The chance of recalling the card ``now`` (None for a card never reviewed)."""
        import fsrs

        if memory.state == NEW or memory.stability is None or memory.last_review is None:
            return None
        card = fsrs.Card(card_id=0, state=fsrs.State(memory.state), step=memory.step,
                         stability=memory.stability, difficulty=memory.difficulty,
                         due=now.astimezone(UTC), last_review=memory.last_review.astimezone(UTC))
        return float(self._fsrs().get_card_retrievability(card, now.astimezone(UTC)))


_tuple = tuple.__new__  # a named tuple from its fields in one call, without its __new__'s
_MASK = (1 << 64) - 1


def fuzz_draw(number: int, reps: int) -> float:
    """The fuzz draw in [0, 1) of card ``number`` at its ``reps``-th review: the same every
    time it is asked, so the interval a button shows is the one its grade gives, and spread
    evenly over cards and reviews. SplitMix64's mix of (number, reps), 53 bits of it (as
    ``random.random()`` takes): a generator seeded per card cost as much as the rest of a
    preview."""
    mixed = (((number << 20) ^ reps) + 0x9E3779B97F4A7C15) & _MASK
    mixed = ((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    mixed = ((mixed ^ (mixed >> 27)) * 0x94D049BB133111EB) & _MASK
    return ((mixed ^ (mixed >> 31)) >> 11) * 1.1102230246251565e-16  # 2 ** -53


@lru_cache(maxsize=4096)
def _fuzz_range(days: int, maximum_interval: int) -> tuple[int, int]:
    """The days a ``days``-day interval is fuzzed between (py-fsrs' ranges; the same for
    every card, so kept: each card shown asks it for up to three grades)."""
    delta = 1.0
    for start, end, factor in _FUZZ_RANGES:
        delta += factor * max(min(float(days), end) - start, 0.0)
    low = max(2, round(days - delta))
    high = min(round(days + delta), maximum_interval)
    return min(low, high), high


@lru_cache(maxsize=8)
def _fsrs_math(settings: ReviewSettings) -> FsrsMath:
    """FSRS's arithmetic with these settings (py-fsrs' own, without its objects)."""
    return FsrsMath(settings.parameters or _DEFAULT_PARAMETERS, settings.desired_retention,
                    tuple(timedelta(minutes=m) for m in settings.learning_steps),
                    tuple(timedelta(minutes=m) for m in settings.relearning_steps),
                    settings.maximum_interval)


@lru_cache(maxsize=8)
def _py_fsrs_scheduler(parameters: tuple[float, ...] | None, retention: float,
                       learning: tuple[int, ...], relearning: tuple[int, ...],
                       maximum_interval: int) -> fsrs.Scheduler:
    import fsrs

    kwargs: dict[str, Any] = {}
    if parameters:
        kwargs["parameters"] = parameters
    return fsrs.Scheduler(
        desired_retention=retention,
        learning_steps=tuple(timedelta(minutes=m) for m in learning),
        relearning_steps=tuple(timedelta(minutes=m) for m in relearning),
        maximum_interval=maximum_interval, enable_fuzzing=False, **kwargs,
    )


def card_number(card_key: str) -> int:
    """A stable number for a card (py-fsrs wants an integer id; this one never changes)."""
    return zlib.crc32(card_key.encode("utf-8"))


# -- the optimiser -----------------------------------------------------------------------------
class OptimiserUnavailable(RuntimeError):
    """fsrs-rs-python is not installed on this computer (no build of it for the platform)."""


def optimiser_available() -> bool:
    try:
        import fsrs_rs_python  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True)
class Fit:
    """How well a set of parameters predicts a history: log loss and RMSE (lower is better),
    and the recall it expected at the reviews against the recall the learner had."""

    log_loss: float
    rmse: float
    expected_retention: float = 0.0
    actual_retention: float = 0.0


@dataclass(frozen=True)
class OptimiseResult:
    parameters: tuple[float, ...]
    old_fit: Fit
    new_fit: Fit
    items: int  # training items (one per review after a card's first)


@dataclass(frozen=True)
class ReviewHistory:
    """The graded reviews the optimiser learns from, card after card and each card's in the
    order they happened, flat: review ``i`` was on learner's day ``days[i]`` (day numbers
    since any fixed epoch, never decreasing within a card) with grade ``ratings[i]`` (1 to
    4); ``lengths`` holds how many reviews each card has (each at least one)."""

    days: Sequence[int] = ()
    ratings: Sequence[int] = ()  # a list, or bytes (one grade a byte)
    lengths: Sequence[int] = ()

    def __len__(self) -> int:
        return len(self.days)


@dataclass
class _Items:
    """FSRS items, and where each comes from (fsrs-rs keeps an item's reviews to itself):
    the position of its last review in the history, and of its card's first."""

    history: ReviewHistory
    reviews: list[Any]  # the FSRS review of each review in the history
    elapsed: list[int]  # days since the card's review before (0 for a card's first)
    firsts: list[int]  # the position of each review's card's first review
    ends: list[int]  # the position of each item's last review
    items: list[Any]

    def __len__(self) -> int:
        return len(self.items)

    def lasts(self, chosen: Sequence[int]) -> list[tuple[list[Any], int, int]]:
        """For each chosen item: its reviews before its last, the last one's grade and the
        days between."""
        ends = list(map(self.ends.__getitem__, chosen))
        befores = map(self.reviews.__getitem__, map(slice, map(self.firsts.__getitem__, ends),
                                                    ends))
        return list(zip(befores, map(self.history.ratings.__getitem__, ends),
                        map(self.elapsed.__getitem__, ends), strict=True))


def _items(history: ReviewHistory, limit: int = MAX_OPTIMISER_ITEMS) -> _Items:
    """FSRS items: for each review after a card's first (on a later day), the card's history
    up to it; at most ``limit`` of them, drawn at random with a fixed seed. Each review's
    FSRS review is made once and each item takes a prefix of its card's; the loops run in
    C (map, compress), none per review or per item in Python."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    days = history.days
    # Days since the review before; a card's first review: 0, and never an item's end.
    elapsed = list(map(sub, days, [days[0], *days[:-1]])) if days else []
    cards = list(accumulate(history.lengths, initial=0))[:-1]
    for first in cards:
        elapsed[first] = 0
    firsts = list(chain.from_iterable(map(repeat, cards, history.lengths)))
    reviews = list(map(FSRSReview, history.ratings, elapsed))
    ends = list(compress(range(len(elapsed)), elapsed))  # a later day than the one before
    if len(ends) > limit:  # which are drawn depends only on how many there are
        ends = [ends[i] for i in sorted(random.Random(2023).sample(range(len(ends)), limit))]
    items = list(map(FSRSItem, map(reviews.__getitem__, map(
        slice, map(firsts.__getitem__, ends), map((1).__add__, ends)))))
    return _Items(history, reviews, elapsed, firsts, ends, items)


def _fit(parameters: Sequence[float], checked: Sequence[Any],
         last: Sequence[tuple[Any, int, int]]) -> Fit:
    """``checked``: the items to evaluate on; ``last``: for a sample of items, an FSRS item
    of the reviews before their last, the last one's grade and days since the one before."""
    from fsrs_rs_python import FSRS

    model = FSRS(list(parameters))
    evaluation = model.evaluate(checked)
    # Expected against actual recall at the sample's last reviews (their memory states in
    # one call: equal to one memory_state call each).
    decay = -float(parameters[20])
    factor = 0.9 ** (1 / decay) - 1
    expected = recalled = 0.0
    memories = model.memory_state_batch([before for before, _rating, _elapsed in last])
    for memory, (_before, rating, elapsed) in zip(memories, last, strict=True):
        expected += (1 + factor * elapsed / max(memory.stability, 0.001)) ** decay
        recalled += rating > 1
    count = max(1, len(last))
    return Fit(float(evaluation.log_loss), float(evaluation.rmse_bins), expected / count,
               recalled / count)


def optimise(history: ReviewHistory,
             current: Sequence[float] | None = None) -> OptimiseResult:
    """Fits FSRS's parameters to a learner's own history, card by card (offline, no torch).

    Raises OptimiserUnavailable when fsrs-rs-python is missing, ValueError when the
    history is too short (the message says how many more reviews are needed).
    """
    try:
        from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, TrainingConfig
    except ImportError as error:
        raise OptimiserUnavailable(str(error)) from error
    reviews = len(history)
    if reviews < MIN_REVIEWS_TO_OPTIMISE:
        more = MIN_REVIEWS_TO_OPTIMISE - reviews
        raise ValueError(msg_n("{n} more review is needed before your schedule can be fitted "
                               "to your own history ({total} in all).",
                               "{n} more reviews are needed before your schedule can be fitted "
                               "to your own history ({total} in all).", more,
                               total=MIN_REVIEWS_TO_OPTIMISE).render())
    items = _items(history)
    old = list(current) if current else list(DEFAULT_PARAMETERS)
    # As Anki trains: with each item's card, so that fsrs-rs runs through a card's reviews
    # once for all of its items (per-card batches) instead of once per item, for 8 epochs.
    fitted = FSRS(old).compute_parameters(
        items.items, card_ids=list(map(items.firsts.__getitem__, items.ends)),
        training_config=TrainingConfig(num_epochs=TRAINING_EPOCHS))
    fitted = _within_py_fsrs_bounds([float(p) for p in fitted])
    # Both fits on the same items: at most 50,000 of them, and 5,000 items' last reviews.
    checked = items.items if len(items) <= 50_000 else \
        random.Random(5).sample(items.items, 50_000)
    last = [(FSRSItem(before), rating, elapsed) for before, rating, elapsed in
            items.lasts(random.Random(7).sample(range(len(items)), min(len(items), 5000)))]
    return OptimiseResult(parameters=tuple(fitted), old_fit=_fit(old, checked, last),
                          new_fit=_fit(fitted, checked, last), items=len(items))


def _within_py_fsrs_bounds(parameters: list[float]) -> list[float]:
    """fsrs-rs and py-fsrs bound a few parameters differently: clamp to what py-fsrs takes."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return [min(max(p, low), high) for p, low, high in
            zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True)]
