"""The read rule on the injected clock: when a section counts as read, and the time spent."""

from __future__ import annotations

from studyapp.core.clock import FakeClock
from studyapp.core.reading_session import (
    MAX_TICK_SECONDS,
    ReadingSession,
    dwell_seconds,
)
from studyapp.core.report import load_report

REPORT = load_report()


def visit(section_id: str = "reasons.3", dwell: float = 3.0,
          already_read: bool = False) -> tuple[ReadingSession, FakeClock]:
    clock = FakeClock()
    return ReadingSession(REPORT.get(section_id), clock, already_read, lambda _: dwell), clock


def seconds(session: ReadingSession, clock: FakeClock, count: int, *, in_front: bool = True,
            reading: bool = True, at_end: bool = True) -> list[bool]:
    answers = []
    for _ in range(count):
        clock.advance(seconds=1)
        answers.append(session.tick(in_front=in_front, reading=reading, at_end=at_end))
    return answers


def test_a_section_counts_as_read_once_at_its_end_after_the_dwell_time() -> None:
    session, clock = visit(dwell=3.0)
    assert seconds(session, clock, 4, at_end=False) == [False] * 4  # not at the end
    assert seconds(session, clock, 1) == [True]  # at the end, long enough in all
    assert seconds(session, clock, 3) == [False] * 3  # said once


def test_time_away_from_the_text_does_not_count_as_reading() -> None:
    session, clock = visit(dwell=3.0)
    assert seconds(session, clock, 5, reading=False) == [False] * 5  # typing in the search
    assert seconds(session, clock, 5, in_front=False) == [False] * 5  # another app in front
    assert session.reading_seconds == 0
    assert session.take_unsaved() == 5  # in front while searching: time spent all the same
    assert session.take_unsaved() == 0
    assert seconds(session, clock, 3) == [False, False, True]


def test_a_long_gap_is_a_machine_asleep_not_reading() -> None:
    session, clock = visit(dwell=30.0)
    clock.advance(hours=2)
    assert not session.tick(in_front=True, reading=True, at_end=True)
    assert session.reading_seconds == MAX_TICK_SECONDS
    clock.advance(seconds=-60)  # the computer's clock set back
    session.tick(in_front=True, reading=True, at_end=True)
    assert session.reading_seconds == MAX_TICK_SECONDS


def test_read_or_unread_set_by_hand_stands_for_the_visit() -> None:
    session, clock = visit(dwell=1.0)
    session.set_by_hand()
    assert seconds(session, clock, 3) == [False] * 3
    already, clock = visit(dwell=1.0, already_read=True)
    assert seconds(already, clock, 3) == [False] * 3


def test_a_part_that_only_lists_its_sections_is_never_marked() -> None:
    session, clock = visit("suggestions.5", dwell=0.5)
    assert seconds(session, clock, 3) == [False] * 3


def test_the_dwell_time_grows_with_the_section_within_bounds() -> None:
    times = [dwell_seconds(section) for section in REPORT.sections if section.is_page]
    assert min(times) >= 5.0 and max(times) <= 60.0
    assert dwell_seconds(REPORT.get("suggestions.3")) > dwell_seconds(REPORT.get("intro"))
