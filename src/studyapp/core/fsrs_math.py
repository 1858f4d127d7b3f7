"""FSRS-6's review step computed directly, the same arithmetic as py-fsrs' ``review_card``.

The review screen asks for four outcomes per card and every grade for one more: py-fsrs
copies its card object, checks its datetimes and builds a review log each time, which made
the previews most of the cost of showing a card. This does the same sums in the same order
(``math.e ** x`` as py-fsrs writes it, so the floats are equal to the last bit) on plain
values; tests/core/test_fsrs_math.py compares the two on many random cards. Fuzz stays in
scheduling.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

LEARNING, REVIEW, RELEARNING = 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)
STABILITY_MIN = 0.001  # fsrs.scheduler.STABILITY_MIN
MIN_DIFFICULTY, MAX_DIFFICULTY = 1.0, 10.0


class Step(NamedTuple):
    """A card after one review: state, step, stability, difficulty, and the interval (not
    fuzzed). A named tuple: four are made for every card shown."""

    state: int
    step: int | None
    stability: float
    difficulty: float
    interval: timedelta


class FsrsMath:
    def __init__(self, parameters: tuple[float, ...], desired_retention: float,
                 learning_steps: tuple[timedelta, ...], relearning_steps: tuple[timedelta, ...],
                 maximum_interval: int) -> None:
        w = self.w = parameters
        self.retention = desired_retention
        self.learning_steps = learning_steps
        self.relearning_steps = relearning_steps
        self.maximum_interval = maximum_interval
        self.decay = -parameters[20]
        self.factor = 0.9 ** (1 / self.decay) - 1
        self._interval_factor = (self.retention ** (1 / self.decay)) - 1
        # The terms that are the same for every card, computed once (the same operations
        # on the same values as py-fsrs' sums, so the results are equal to the last bit).
        easy_start = self._initial_difficulty(EASY)
        self._mean_reversion = w[7] * easy_start
        self._keep = 1 - w[7]
        self._difficulty_deltas = tuple(-(w[6] * (rating - 3)) for rating in RATINGS)
        self._first = tuple((max(w[rating - 1], STABILITY_MIN),
                             self._clamp(self._initial_difficulty(rating)))
                            for rating in RATINGS)
        self._growth = math.e ** (w[8])
        self._penalties = (1, w[15], 1, 1)  # hard penalty, by rating
        self._bonuses = (1, 1, 1, w[16])  # easy bonus, by rating
        self._lapse_cap = math.e ** (w[17] * w[18])
        self._same_day = tuple(math.e ** (w[17] * (rating - 3 + w[18])) for rating in RATINGS)

    def review(self, state: int, step: int | None, stability: float | None,
               difficulty: float | None, last_review: datetime | None, rating: int,
               now: datetime) -> Step:
        """py-fsrs' review_card for a card in ``state`` (1 learning, 2 review, 3
        relearning; a new card is a learning card at step 0 without memory)."""
        return self.review_all(state, step, stability, difficulty, last_review, now)[rating - 1]

    def review_all(self, state: int, step: int | None, stability: float | None,
                   difficulty: float | None, last_review: datetime | None, now: datetime
                   ) -> list[Step]:
        """``review`` for Again, Hard, Good and Easy, in one pass: showing a card asks for
        the four, and what they share is computed once."""
        memories: Sequence[tuple[float, float]]
        if state == LEARNING and (stability is None or difficulty is None):
            memories = self._first
        else:
            assert stability is not None and difficulty is not None
            memories = self._memories(stability, difficulty, (now - last_review).days
                                      if last_review else None)
        steps = self.learning_steps if state == LEARNING else self.relearning_steps
        results = []
        for rating, (new_stability, new_difficulty) in zip(RATINGS, memories, strict=True):
            if state == REVIEW:
                if rating == AGAIN and steps:
                    results.append(Step(RELEARNING, 0, new_stability, new_difficulty, steps[0]))
                    continue
            else:
                assert step is not None
                if steps and (step < len(steps) or rating == AGAIN):
                    if rating == AGAIN:
                        results.append(Step(state, 0, new_stability, new_difficulty, steps[0]))
                        continue
                    if rating == HARD:
                        if step == 0 and len(steps) == 1:
                            interval = steps[0] * 1.5
                        elif step == 0:
                            interval = (steps[0] + steps[1]) / 2.0
                        else:
                            interval = steps[step]
                        results.append(Step(state, step, new_stability, new_difficulty,
                                            interval))
                        continue
                    if rating == GOOD and step + 1 < len(steps):
                        results.append(Step(state, step + 1, new_stability, new_difficulty,
                                            steps[step + 1]))
                        continue
            days = min(max(round((new_stability / self.factor) * self._interval_factor), 1),
                       self.maximum_interval)
            results.append(Step(REVIEW, None, new_stability, new_difficulty,
                                timedelta(days=days)))
        return results

    def _memories(self, stability: float, difficulty: float, days: int | None
                  ) -> list[tuple[float, float]]:
        """(stability, difficulty) after each grade of a card with a memory, reviewed
        ``days`` after its last review (None: never)."""
        w = self.w
        left = 10.0 - difficulty
        difficulties = [
            min(max(self._mean_reversion + self._keep * (difficulty + left * delta / 9.0),
                    MIN_DIFFICULTY), MAX_DIFFICULTY)
            for delta in self._difficulty_deltas]
        if days is not None and days < 1:  # reviewed again the same day: short-term sums
            damping = stability ** -w[19]
            stabilities = []
            for rating, growth in zip(RATINGS, self._same_day, strict=True):
                increase = growth * damping
                if rating != AGAIN:
                    increase = max(increase, 1.0)
                stabilities.append(max(stability * increase, STABILITY_MIN))
        else:
            recall = 0 if days is None else (
                (1 + self.factor * max(0, days) / stability) ** self.decay)
            forgot = (w[11] * (difficulty ** -w[12]) * (((stability + 1) ** (w[13])) - 1)
                      * (math.e ** ((1 - recall) * w[14])))
            stabilities = [max(min(forgot, stability / self._lapse_cap), STABILITY_MIN)]
            base = (self._growth * (11 - difficulty) * (stability ** -w[9])
                    * ((math.e ** ((1 - recall) * w[10])) - 1))
            for rating in (HARD, GOOD, EASY):
                stabilities.append(max(
                    stability * (1 + base * self._penalties[rating - 1]
                                 * self._bonuses[rating - 1]), STABILITY_MIN))
        return list(zip(stabilities, difficulties, strict=True))

    @staticmethod
    def _clamp(difficulty: float) -> float:
        return min(max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY)

    def _initial_difficulty(self, rating: int) -> float:
        return self.w[4] - (math.e ** (self.w[5] * (rating - 1))) + 1
