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
from datetime import datetime, timedelta
from typing import NamedTuple

LEARNING, REVIEW, RELEARNING = 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
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
        self.w = parameters
        self.retention = desired_retention
        self.learning_steps = learning_steps
        self.relearning_steps = relearning_steps
        self.maximum_interval = maximum_interval
        self.decay = -parameters[20]
        self.factor = 0.9 ** (1 / self.decay) - 1
        self._easy_start = self._initial_difficulty(EASY)  # the same sums every time
        self._interval_factor = (self.retention ** (1 / self.decay)) - 1

    def review(self, state: int, step: int | None, stability: float | None,
               difficulty: float | None, last_review: datetime | None, rating: int,
               now: datetime) -> Step:
        """py-fsrs' review_card for a card in ``state`` (1 learning, 2 review, 3
        relearning; a new card is a learning card at step 0 without memory)."""
        days = (now - last_review).days if last_review else None
        return self._step(state, step, stability, difficulty, days,
                          self._recall(state, stability, difficulty, days), rating)

    def review_all(self, state: int, step: int | None, stability: float | None,
                   difficulty: float | None, last_review: datetime | None, now: datetime
                   ) -> list[Step]:
        """``review`` for Again, Hard, Good and Easy (what they share is computed once)."""
        days = (now - last_review).days if last_review else None
        recall = self._recall(state, stability, difficulty, days)
        return [self._step(state, step, stability, difficulty, days, recall, rating)
                for rating in (AGAIN, HARD, GOOD, EASY)]

    def _recall(self, state: int, stability: float | None, difficulty: float | None,
                days: int | None) -> float | None:
        """The retrievability a long-term stability update uses (None: none is made)."""
        if (state == LEARNING and (stability is None or difficulty is None)) or (
                days is not None and days < 1):
            return None
        assert stability is not None
        return self._retrievability(stability, days)

    def _step(self, state: int, step: int | None, stability: float | None,
              difficulty: float | None, days: int | None, recall: float | None,
              rating: int) -> Step:
        if state == LEARNING and (stability is None or difficulty is None):
            stability = max(self.w[rating - 1], STABILITY_MIN)
            difficulty = self._clamp(self._initial_difficulty(rating))
        else:
            assert stability is not None and difficulty is not None
            if recall is None:  # reviewed again the same day
                stability = self._short_term(stability, rating)
            else:
                stability = self._next_stability(difficulty, stability, recall, rating)
            difficulty = self._next_difficulty(difficulty, rating)
        if state == REVIEW:
            if rating == AGAIN and self.relearning_steps:
                return Step(RELEARNING, 0, stability, difficulty, self.relearning_steps[0])
            return self._to_review(stability, difficulty)
        steps = self.learning_steps if state == LEARNING else self.relearning_steps
        assert step is not None
        if not steps or (step >= len(steps) and rating != AGAIN):
            return self._to_review(stability, difficulty)
        if rating == AGAIN:
            return Step(state, 0, stability, difficulty, steps[0])
        if rating == HARD:
            if step == 0 and len(steps) == 1:
                interval = steps[0] * 1.5
            elif step == 0:
                interval = (steps[0] + steps[1]) / 2.0
            else:
                interval = steps[step]
            return Step(state, step, stability, difficulty, interval)
        if rating == GOOD and step + 1 < len(steps):
            return Step(state, step + 1, stability, difficulty, steps[step + 1])
        return self._to_review(stability, difficulty)

    def _to_review(self, stability: float, difficulty: float) -> Step:
        return Step(REVIEW, None, stability, difficulty,
                    timedelta(days=self._next_interval(stability)))

    def _retrievability(self, stability: float, days: int | None) -> float:
        if days is None:
            return 0
        return (1 + self.factor * max(0, days) / stability) ** self.decay

    def _next_interval(self, stability: float) -> int:
        interval = (stability / self.factor) * self._interval_factor
        return min(max(round(interval), 1), self.maximum_interval)

    @staticmethod
    def _clamp(difficulty: float) -> float:
        return min(max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY)

    def _initial_difficulty(self, rating: int) -> float:
        return self.w[4] - (math.e ** (self.w[5] * (rating - 1))) + 1

    def _short_term(self, stability: float, rating: int) -> float:
        w = self.w
        increase = (math.e ** (w[17] * (rating - 3 + w[18]))) * (stability ** -w[19])
        if rating != AGAIN:
            increase = max(increase, 1.0)
        return max(stability * increase, STABILITY_MIN)

    def _next_difficulty(self, difficulty: float, rating: int) -> float:
        w = self.w
        delta = -(w[6] * (rating - 3))
        damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return self._clamp(w[7] * self._easy_start + (1 - w[7]) * damped)

    def _next_stability(self, difficulty: float, stability: float, retrievability: float,
                        rating: int) -> float:
        w = self.w
        if rating == AGAIN:
            long_term = (w[11] * (difficulty ** -w[12]) * (((stability + 1) ** (w[13])) - 1)
                         * (math.e ** ((1 - retrievability) * w[14])))
            short_term = stability / (math.e ** (w[17] * w[18]))
            result = min(long_term, short_term)
        else:
            hard_penalty = w[15] if rating == HARD else 1
            easy_bonus = w[16] if rating == EASY else 1
            result = stability * (1 + (math.e ** (w[8])) * (11 - difficulty)
                                  * (stability ** -w[9])
                                  * ((math.e ** ((1 - retrievability) * w[10])) - 1)
                                  * hard_penalty * easy_bonus)
        return max(result, STABILITY_MIN)
