"""Time for the core: a clock is passed in, never read inside the logic.

Every service that stamps or schedules takes a ``Clock``; tests pass a ``FakeClock`` and live
through months in milliseconds. Times are aware datetimes in UTC (the store keeps UTC; the
learner's local day is derived where it matters, e.g. for "due today").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """The store's text form of a moment: ISO 8601 in UTC, to the second (what
    ``moment.astimezone(UTC).isoformat(timespec="seconds")`` gives; formatted here, as
    isoformat's keyword and its time zone's offset cost twice as much, and every card
    shown needs two)."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return "%04d-%02d-%02dT%02d:%02d:%02d+00:00" % (  # noqa: UP031 - faster than f"{:04}"
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


class FakeClock:
    """A clock that stands still until moved: ``clock.advance(days=3)``."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now
