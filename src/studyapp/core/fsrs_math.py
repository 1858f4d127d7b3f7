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


_tuple = tuple.__new__  # Step's fields as one tuple, without its __new__'s call


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
        self._hard_penalty, self._easy_bonus = w[15], w[16]
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
        the four, and what they share is computed once (py-fsrs' branches, grade by grade:
        Again goes back to the first step, Hard stays, Good takes the next step, and a
        grade past the steps, or Easy, makes the card a review card)."""
        if state == LEARNING and (stability is None or difficulty is None):
            memories = self._first
        else:
            assert stability is not None and difficulty is not None
            memories = self._memories(stability, difficulty, (now - last_review).days
                                      if last_review else None)
        (again_s, again_d), (hard_s, hard_d), (good_s, good_d), (easy_s, easy_d) = memories
        graduate = self._graduate
        if state == REVIEW:
            steps = self.relearning_steps
            return [_tuple(Step, (RELEARNING, 0, again_s, again_d, steps[0])) if steps
                    else graduate(again_s, again_d), graduate(hard_s, hard_d),
                    graduate(good_s, good_d), graduate(easy_s, easy_d)]
        steps = self.learning_steps if state == LEARNING else self.relearning_steps
        if not steps:
            return [graduate(again_s, again_d), graduate(hard_s, hard_d),
                    graduate(good_s, good_d), graduate(easy_s, easy_d)]
        assert step is not None
        if step < len(steps):
            if step == 0:
                interval = steps[0] * 1.5 if len(steps) == 1 else (steps[0] + steps[1]) / 2.0
            else:
                interval = steps[step]
            hard = _tuple(Step, (state, step, hard_s, hard_d, interval))
            good = (_tuple(Step, (state, step + 1, good_s, good_d, steps[step + 1]))
                    if step + 1 < len(steps) else graduate(good_s, good_d))
        else:
            hard, good = graduate(hard_s, hard_d), graduate(good_s, good_d)
        return [_tuple(Step, (state, 0, again_s, again_d, steps[0])), hard, good,
                graduate(easy_s, easy_d)]

    def _graduate(self, stability: float, difficulty: float) -> Step:
        """A review card's step: the interval from its new stability (whole days)."""
        days = round((stability / self.factor) * self._interval_factor)
        days = 1 if 1 > days else days  # min(max(days, 1), maximum), without the calls
        maximum = self.maximum_interval
        return _tuple(Step, (REVIEW, None, stability, difficulty,
                             timedelta(days=maximum if maximum < days else days)))

    def _memories(self, stability: float, difficulty: float, days: int | None
                  ) -> tuple[tuple[float, float], ...]:
        """(stability, difficulty) after each grade of a card with a memory, reviewed
        ``days`` after its last review (None: never). Written out grade by grade, with
        conditional expressions for min and max (the same results: ``max(x, low)`` is
        ``low if low > x else x``): the review screen computes this for every card."""
        w = self.w
        left = 10.0 - difficulty
        reversion, keep = self._mean_reversion, self._keep
        again_delta, hard_delta, good_delta, easy_delta = self._difficulty_deltas
        low, high = MIN_DIFFICULTY, MAX_DIFFICULTY
        d = reversion + keep * (difficulty + left * again_delta / 9.0)
        d = low if low > d else d
        again_d = high if high < d else d
        d = reversion + keep * (difficulty + left * hard_delta / 9.0)
        d = low if low > d else d
        hard_d = high if high < d else d
        d = reversion + keep * (difficulty + left * good_delta / 9.0)
        d = low if low > d else d
        good_d = high if high < d else d
        d = reversion + keep * (difficulty + left * easy_delta / 9.0)
        d = low if low > d else d
        easy_d = high if high < d else d
        floor = STABILITY_MIN
        if days is not None and days < 1:  # reviewed again the same day: short-term sums
            damping = stability ** -w[19]
            again_growth, hard_growth, good_growth, easy_growth = self._same_day
            s = stability * (again_growth * damping)
            again_s = floor if floor > s else s
            increase = hard_growth * damping
            s = stability * (1.0 if 1.0 > increase else increase)
            hard_s = floor if floor > s else s
            increase = good_growth * damping
            s = stability * (1.0 if 1.0 > increase else increase)
            good_s = floor if floor > s else s
            increase = easy_growth * damping
            s = stability * (1.0 if 1.0 > increase else increase)
            easy_s = floor if floor > s else s
        else:
            recall = 0 if days is None else (
                (1 + self.factor * (days if days > 0 else 0) / stability) ** self.decay)
            forgot = (w[11] * (difficulty ** -w[12]) * (((stability + 1) ** (w[13])) - 1)
                      * (math.e ** ((1 - recall) * w[14])))
            capped = stability / self._lapse_cap
            s = capped if capped < forgot else forgot
            again_s = floor if floor > s else s
            base = (self._growth * (11 - difficulty) * (stability ** -w[9])
                    * ((math.e ** ((1 - recall) * w[10])) - 1))
            s = stability * (1 + base * self._hard_penalty)  # py-fsrs: base * penalty * bonus,
            hard_s = floor if floor > s else s  # each 1 but for Hard's penalty, Easy's bonus
            s = stability * (1 + base)
            good_s = floor if floor > s else s
            s = stability * (1 + base * self._easy_bonus)
            easy_s = floor if floor > s else s
        return ((again_s, again_d), (hard_s, hard_d), (good_s, good_d), (easy_s, easy_d))

    @staticmethod
    def _clamp(difficulty: float) -> float:
        return min(max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY)

    def _initial_difficulty(self, rating: int) -> float:
        return self.w[4] - (math.e ** (self.w[5] * (rating - 1))) + 1
