"""The learner's study day: one rule for the dashboard, the Cards view and the daily quiz.

A study day starts at ``day_starts_at`` o'clock local time (04:00 unless the learner chose
otherwise in Cards → Schedule), so a review at 01:30 still counts for the evening before.
The hour is set in one place, the profile's review settings; :class:`StudyDay` reads it from
there and every service asks the same object, so at 01:00 the dashboard, the deck counts and
"today's daily quiz" agree on which day it is. The clock and the time zone are injected
(``tz`` None: the computer's own zone, with its daylight saving rules).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

from studyapp.core.clock import Clock

DAY_START_HOUR = 4


def local_time(moment: datetime, tz: tzinfo | None) -> datetime:
    """``moment`` on the learner's wall clock: ``tz``, or the computer's own zone for None."""
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def _local_moment(day: date, hour: int, tz: tzinfo | None) -> datetime:
    if tz is not None:
        return datetime(day.year, day.month, day.day, hour, tzinfo=tz).astimezone(UTC)
    # A naive time is read as the computer's local time (with its daylight saving rules).
    return datetime(day.year, day.month, day.day, hour).astimezone().astimezone(UTC)


def study_day(moment: datetime, tz: tzinfo | None, starts_at: int = DAY_START_HOUR) -> date:
    """The learner's day that ``moment`` belongs to."""
    local = local_time(moment, tz)
    day = local.date()
    return day - timedelta(days=1) if local.hour < starts_at else day


def day_bounds(moment: datetime, tz: tzinfo | None,
               starts_at: int = DAY_START_HOUR) -> tuple[datetime, datetime]:
    """The UTC start and end of the learner's day containing ``moment`` (23 or 25 hours long
    on the days the clocks change)."""
    day = study_day(moment, tz, starts_at)
    return (_local_moment(day, starts_at, tz),
            _local_moment(day + timedelta(days=1), starts_at, tz))


class StudyDay:
    """The profile's day rules on its clock. ``starts_at``: the hour, or where to read it
    (the review settings, so that changing it there changes it everywhere)."""

    def __init__(self, clock: Clock, tz: tzinfo | None = None,
                 starts_at: int | Callable[[], int] = DAY_START_HOUR) -> None:
        self.clock = clock
        self.tz = tz
        self._starts_at = starts_at
        self._offsets: dict[tuple[tzinfo | None, str], float] = {}

    @property
    def starts_at(self) -> int:
        hour = self._starts_at
        return int(hour() if callable(hour) else hour)

    def rules(self) -> tuple[tzinfo | None, int]:
        """What the day depends on (a cache of per-day figures keys on it; asked with
        every card shown, so without the property's extra call)."""
        hour = self._starts_at
        return self.tz, int(hour() if callable(hour) else hour)

    def day_of(self, moment: datetime) -> date:
        """The study day ``moment`` (aware) falls on."""
        return study_day(moment, self.tz, self.starts_at)

    def today(self) -> date:
        return self.day_of(self.clock())

    def bounds(self, moment: datetime | None = None) -> tuple[datetime, datetime]:
        """The UTC start and end of the study day containing ``moment`` (default: now)."""
        return day_bounds(moment or self.clock(), self.tz, self.starts_at)

    def start_of(self, day: date) -> datetime:
        """The moment (UTC) the study day ``day`` begins."""
        return _local_moment(day, self.starts_at, self.tz)

    def day_of_hour(self, hour: str) -> date:
        """The study day of a UTC hour 'YYYY-MM-DDTHH' (its start decides). For many rows,
        :meth:`hour_days` reads the day's start once rather than per row."""
        return self.hour_days()(hour)

    def hour_days(self) -> Callable[[str], date]:
        """:meth:`day_of_hour` on the day start of now, for mapping many hours."""
        starts_at = self.starts_at

        def day_of_hour(hour: str) -> date:
            back, cut = self.date_split(hour[:10], starts_at)
            return date.fromisoformat(hour[:10]) - timedelta(
                days=back + (int(hour[11:13]) < cut))

        return day_of_hour

    def date_split(self, day_text: str, starts_at: int) -> tuple[int, int]:
        """Where a UTC date's hours fall: those before ``cut`` (0-24) on the study day
        ``back + 1`` days before the date, the others ``back`` days before it. The zone's
        offset (at the date's noon) is looked up once per date, so a year of hourly rows
        costs 365 look-ups."""
        key = (self.tz, day_text)
        offset = self._offsets.get(key)
        if offset is None:
            noon = datetime.fromisoformat(day_text).replace(hour=12, tzinfo=UTC)
            shift = local_time(noon, self.tz).utcoffset() or timedelta(0)
            offset = self._offsets[key] = shift.total_seconds() / 3600
        # The hour h is on day date + floor((h + offset - starts_at) / 24); with
        # starts_at - offset = 24 * back + rest (0 <= rest < 24) that is date - back, less
        # one more day when h < rest, that is when h < ceil(rest).
        behind = starts_at - offset
        back = math.floor(behind / 24)
        return back, math.ceil(behind - 24 * back)
