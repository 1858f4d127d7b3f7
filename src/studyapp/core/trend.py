"""Whether a learner is getting better: one rule for the Quiz page and the Progress view.

Both compare the share of right answers in a recent window with the window before it (the
quiz over the last answers, Progress over the last study days). A trend is shown only when
each window holds at least :data:`MIN_ANSWERS` answers, so on a learner's first day both
pages say "not enough answers yet" rather than one of them "up 100 points".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MIN_ANSWERS = 5  # answers each window needs before a change is worth showing
STEADY_WITHIN = 0.02  # a change smaller than two points is "steady"


class Direction(Enum):
    TOO_FEW = "too few"  # not enough answers yet in one of the windows
    UP = "up"
    DOWN = "down"
    STEADY = "steady"


@dataclass(frozen=True)
class Trend:
    direction: Direction
    change: float | None  # recent share minus the share before, -1..1; None when too few

    @property
    def points(self) -> int:
        """The change in percentage points, without its sign."""
        return round(abs(self.change or 0.0) * 100)


def share(right: int, total: int) -> float | None:
    return right / total if total else None


def trend(recent_right: int, recent_total: int, before_right: int,
          before_total: int) -> Trend:
    """The rule: two windows of (right, answered)."""
    if recent_total < MIN_ANSWERS or before_total < MIN_ANSWERS:
        return Trend(Direction.TOO_FEW, None)
    change = recent_right / recent_total - before_right / before_total
    if abs(change) < STEADY_WITHIN:
        return Trend(Direction.STEADY, change)
    return Trend(Direction.UP if change > 0 else Direction.DOWN, change)
