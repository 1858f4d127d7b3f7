"""One visit to one section of the report: when it counts as read, on the injected clock.

The reader view only reports what it sees (is the app in front, is the text what the learner
has in front of them, is the end of the section on screen) each time its timer ticks; this
session owns the rules: time is counted only while the app is in front, a section counts as
read once the learner has reached its end and stayed there long enough for its length, and
a learner who sets read or unread by hand is not overruled for the rest of the visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from studyapp.core.clock import Clock
from studyapp.core.report import Section

MIN_DWELL_SECONDS = 5.0
MAX_DWELL_SECONDS = 60.0
WORDS_PER_DWELL_SECOND = 10.0  # a quick read: well under half of a normal reading speed
# The most one tick counts: a longer gap is a machine asleep or a busy event loop, not reading.
MAX_TICK_SECONDS = 1.0
_WORD = re.compile(r"\w+", re.UNICODE)


def dwell_seconds(section: Section) -> float:
    """How long a learner stays at the end of a section before it counts as read."""
    words = sum(len(_WORD.findall(p)) for p in section.paragraphs)
    return min(MAX_DWELL_SECONDS, max(MIN_DWELL_SECONDS, words / WORDS_PER_DWELL_SECOND))


class ReadingSession:
    """The time spent on ``section`` in this visit and whether it now counts as read."""

    def __init__(self, section: Section, clock: Clock, already_read: bool,
                 dwell_for: Callable[[Section], float] = dwell_seconds) -> None:
        self.section = section
        self._clock = clock
        self.last_tick: datetime = clock()  # the moment the last tick saw
        self.dwell = dwell_for(section)
        self.reading_seconds = 0.0  # at the text, this visit
        self.unsaved_seconds = 0.0  # in front, not yet written to the profile
        # A part that only lists its sections is not a page to read: never marked.
        self.may_mark = section.is_page and not already_read

    def tick(self, in_front: bool, reading: bool, at_end: bool) -> bool:
        """Counts the time since the last tick (at most ``MAX_TICK_SECONDS``): as time spent
        when the app is in front, as reading when the text is what the learner looks at.
        True once, when the section has just come to count as read."""
        now = self._clock()
        elapsed = max(0.0, min((now - self.last_tick).total_seconds(), MAX_TICK_SECONDS))
        self.last_tick = now
        if not in_front:
            return False
        self.unsaved_seconds += elapsed
        if not reading:
            return False
        self.reading_seconds += elapsed
        if self.may_mark and at_end and self.reading_seconds >= self.dwell:
            self.may_mark = False
            return True
        return False

    def set_by_hand(self) -> None:
        """The learner marked the section read or unread: that stands for this visit."""
        self.may_mark = False

    def take_unsaved(self) -> float:
        """The time spent not yet written, handed over to be written (and so reset)."""
        seconds, self.unsaved_seconds = self.unsaved_seconds, 0.0
        return seconds


__all__ = ["MAX_TICK_SECONDS", "ReadingSession", "dwell_seconds"]
