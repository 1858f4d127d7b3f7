"""core/review_session.py: the queue, cram, undo of every action, timing and the summary,
without a window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.review_session import MAX_ANSWER_MS, Action, ReviewSession
from studyapp.core.scheduling import AGAIN, GOOD
from studyapp.core.store import Store, open_store

DECK = "set:drill"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path, "learner", clock=clock)
    opened.question_sets.import_set(QuestionSet("drill", "Drill", cards=[
        Card(id=f"c{i}", front=f"Q{i}", back=f"A{i}", section="suggestions.5.1")
        for i in range(4)]))
    yield opened
    opened.close()


def test_the_time_on_a_card_is_capped_and_comes_from_the_clock(store: Store,
                                                               clock: FakeClock) -> None:
    session = ReviewSession(store.reviews, DECK)
    session.next()
    clock.advance(seconds=7)
    session.reveal()
    first = session.grade(GOOD)
    clock.advance(hours=1)  # left on screen over lunch
    session.reveal()
    second = session.grade(GOOD)
    assert first is not None and second is not None
    durations = [r.duration_ms for r in store.reviews.info(first.card_key).reviews]
    assert durations == [7000]
    assert [r.duration_ms for r in store.reviews.info(second.card_key).reviews] == [
        MAX_ANSWER_MS]


def test_every_action_is_undone_latest_first(store: Store) -> None:
    session = ReviewSession(store.reviews, DECK)
    first = session.next()
    assert first is not None
    session.reveal()
    session.grade(AGAIN)
    flagged = session.card
    assert flagged is not None
    session.toggle_flag()
    session.bury()
    suspended = session.card
    assert suspended is not None
    session.suspend()
    assert [s.action for s in session.steps] == [Action.GRADE, Action.FLAG, Action.BURY,
                                                 Action.SUSPEND]
    assert session.undo().action is Action.SUSPEND  # type: ignore[union-attr]
    assert session.card is not None and session.card.key == suspended.key
    assert not store.reviews.card(suspended.key).suspended
    assert session.undo().action is Action.BURY  # type: ignore[union-attr]
    assert not store.reviews.card(flagged.key).buried
    assert session.undo().action is Action.FLAG  # type: ignore[union-attr]
    assert store.reviews.card(flagged.key).flag == 0
    assert session.undo().action is Action.GRADE  # type: ignore[union-attr]
    assert session.card is not None and session.card.key == first.key
    assert store.reviews.review_count() == 0 and not session.can_undo


def test_a_cram_leaves_the_schedule_alone_and_its_grades_can_be_undone(store: Store) -> None:
    session = ReviewSession(store.reviews, DECK, cram=True, cram_seed=1)
    first = session.next()
    assert first is not None
    session.reveal()
    session.grade(AGAIN)
    assert session.progress() == (0, 4)  # Again puts it back in the queue
    session.reveal()
    session.grade(GOOD)
    assert session.progress() == (1, 3)
    session.undo()
    session.undo()
    assert session.progress() == (0, 4) and session.card is not None
    assert session.card.key == first.key
    assert store.reviews.review_count() == 0
    assert session.summary().cramming


def test_the_summary_counts_cards_reviews_and_again(store: Store, clock: FakeClock) -> None:
    session = ReviewSession(store.reviews, DECK)
    for rating in (AGAIN, GOOD, GOOD):
        session.next()
        session.reveal()
        session.grade(rating)
        clock.advance(minutes=1)
    summary = session.summary()
    # The card graded Again is due again a minute later (the first learning step).
    assert (summary.reviews, summary.cards, summary.minutes, summary.again_percent) == (
        3, 2, 3, 33)
