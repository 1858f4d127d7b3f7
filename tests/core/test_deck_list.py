"""The deck list on the first count of a profile: the groups the day's counts found are
taken as in use, the others looked up (core/store/deck_list.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.store import Store, open_store
from studyapp.core.store.reviews import DeckCounts, ReviewsService


def card_set(set_id: str, section: str, tags: list[str], count: int = 6) -> QuestionSet:
    return QuestionSet(id=set_id, title=f"Set {set_id}", cards=[
        Card(id=f"c{i:03}", front=f"front {i}", back=f"back {i}", section=section,
             evidence="innovation and pragmatism", tags=[tags[i % len(tags)]])
        for i in range(count)
    ])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path / "data", "default", clock=clock)
    opened.reviews.tz = UTC
    opened.question_sets.import_set(card_set("mixed", "suggestions.5.1", ["a", "b"]))
    opened.question_sets.import_set(card_set("other", "problems.2", ["c"]))
    yield opened
    opened.close()


def fresh(store: Store, clock: FakeClock) -> ReviewsService:
    """A service with nothing cached, as in a new process."""
    return ReviewsService(store.db, clock, UTC)


def test_a_group_with_nothing_to_study_today_keeps_its_deck(store: Store,
                                                            clock: FakeClock) -> None:
    for number in range(1, 6, 2):  # every card tagged "b" (nothing left to count in it)
        store.reviews.suspend(f"mixed/c{number:03}")
    store.reviews.answer("other/c000", 3)  # a card due on a later day
    counted_first = fresh(store, clock)
    counts = counted_first.deck_counts()
    assert counts["tag:mixed:b"] == DeckCounts(0, 0, 0)
    assert counts["tag:mixed:a"] == DeckCounts(3, 0, 0)
    listed_first = fresh(store, clock).decks()  # no counts before the list
    assert counted_first.decks() == listed_first
    assert [deck.id for deck in listed_first] == [
        "relationships", "report", "section:problems", "section:problems.2",
        "section:suggestions", "section:suggestions.5", "section:suggestions.5.1",
        "set:mixed", "tag:mixed:a", "tag:mixed:b", "set:other", "tag:other:c"]


def test_a_removed_sets_decks_leave_the_first_count(store: Store, clock: FakeClock) -> None:
    store.question_sets.remove("other")
    counts = fresh(store, clock).deck_counts()
    assert "set:other" not in counts and "section:problems.2" not in counts
    assert counts["set:mixed"] == DeckCounts(6, 0, 0)
    assert [deck.id for deck in fresh(store, clock).decks()] == list(counts)
