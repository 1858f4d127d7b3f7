"""The day's queue kept in memory (core/store/day_queue.py) gives the card the queue query
gives, and is dropped when someone else changes the cards."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.decks import RELATIONSHIPS_DECK, REPORT_DECK
from studyapp.core.paths import profile_path
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.store import Store, StoreError, open_store
from studyapp.core.store.reviews import ReviewsService

LONDON = ZoneInfo("Europe/London")


def card_set(count: int, set_id: str, section: str = "suggestions.5.1") -> QuestionSet:
    return QuestionSet(id=set_id, title=f"Set {set_id}", cards=[
        Card(id=f"c{i:03}", front=f"front {i}", back=f"back {i}", section=section,
             evidence="innovation and pragmatism", tags=["t"])
        for i in range(count)
    ])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path / "data", "default", clock=clock)
    opened.reviews.tz = LONDON
    opened.question_sets.import_set(card_set(30, "drill"))
    opened.question_sets.import_set(card_set(12, "other", section="problems.2"))
    opened.reviews.save_settings(replace(opened.reviews.settings(), new_per_day=15,
                                         reviews_per_day=25))
    yield opened
    opened.close()


def fresh(store: Store, clock: FakeClock) -> ReviewsService:
    """A service with nothing cached, on the same connection."""
    return ReviewsService(store.db, clock, LONDON)


def key(card: object) -> str | None:
    return None if card is None else card.key  # type: ignore[attr-defined]


def test_the_kept_queue_gives_what_the_queue_query_gives(store: Store,
                                                         clock: FakeClock) -> None:
    """After any mix of grades (several at one moment: equal due dates), undos,
    suspensions, burials, flags and hours passing, the next card is the one the queue
    query picks (next_card with ``ahead`` asks SQLite the same questions first) and the one
    a service with nothing cached picks."""
    rng = random.Random(5)
    answers = []
    seen = 0
    for step in range(400):
        roll = rng.random()
        deck = rng.choice([RELATIONSHIPS_DECK, REPORT_DECK, "set:other", "set:drill"])
        card = store.reviews.next_card(deck)
        queried = fresh(store, clock).next_card(deck, ahead=True)
        if card is not None:
            seen += 1
            assert card.key == key(queried), f"step {step}"
        # the whole card: what the queue read with it is what the card's row says now
        assert card == fresh(store, clock).next_card(deck), f"step {step}"
        if step % 25 == 0:  # the list's sums per deck part equal each deck's own sum
            every = store.reviews.deck_counts()
            assert every == {deck.id: store.reviews.counts(deck.id)
                             for deck in store.reviews.decks()}
            assert every == fresh(store, clock).deck_counts()  # kept in step = counted anew
        if roll < 0.6:
            if card is not None:
                answers.append(store.reviews.answer(card.key, rng.choice([1, 2, 3, 3, 4])))
        elif roll < 0.7 and answers:
            try:
                store.reviews.undo(answers.pop().review_id)
            except StoreError:
                pass
        elif roll < 0.78:
            store.reviews.suspend(f"drill/c{rng.randrange(30):03}", rng.random() < 0.5)
        elif roll < 0.84:
            store.reviews.bury(f"other/c{rng.randrange(12):03}")
        elif roll < 0.87:
            store.reviews.unbury(f"other/c{rng.randrange(12):03}")
        elif roll < 0.9:
            store.reviews.set_flag(f"drill/c{rng.randrange(30):03}", rng.randrange(4))
        else:
            clock.advance(minutes=rng.choice([1, 5, 11, 30, 300, 1200]))
    assert seen > 200 and len(answers) > 50


def test_a_grade_in_another_process_changes_the_next_card(store: Store,
                                                          clock: FakeClock,
                                                          tmp_path: Path) -> None:
    """Another connection's commit (the CLI, a second window) is seen at the next card:
    the queue and the counts are read again."""
    first = store.reviews.next_card("set:other")
    assert first is not None
    before = store.reviews.counts("set:other")
    other = sqlite3.connect(profile_path(tmp_path / "data", "default"))
    with other:
        other.execute("UPDATE card_state SET suspended = 1 WHERE card_key = ?", [first.key])
    other.close()
    second = store.reviews.next_card("set:other")
    assert second is not None and second.key != first.key
    assert second.key == key(fresh(store, clock).next_card("set:other"))
    assert store.reviews.counts("set:other") == replace(before, new=before.new - 1)


def test_an_import_changes_the_queue_kept(store: Store, clock: FakeClock) -> None:
    """A set imported (a write on the same connection, not the service's own) is in the
    next card's queue and the counts at once."""
    store.reviews.next_card(REPORT_DECK)
    store.question_sets.import_set(card_set(5, "drill"))  # 25 cards retired
    for _ in range(6):
        card = store.reviews.next_card(REPORT_DECK)
        assert key(card) == key(fresh(store, clock).next_card(REPORT_DECK))
        assert card is not None
        store.reviews.answer(card.key, 4)
    assert store.reviews.deck_counts() == fresh(store, clock).deck_counts()


def test_the_next_day_starts_a_new_queue(store: Store, clock: FakeClock) -> None:
    """Cards due tomorrow and tomorrow's new cards come with the day, not before."""
    for _ in range(15):  # the day's new cards, all Easy: due in days
        card = store.reviews.next_card("set:drill")
        assert card is not None
        store.reviews.answer(card.key, 4)
    assert store.reviews.next_card("set:drill") is None
    clock.advance(days=1)
    card = store.reviews.next_card("set:drill")
    assert card is not None
    assert card.key == key(fresh(store, clock).next_card("set:drill"))


def test_a_write_on_the_same_connection_is_seen(store: Store, clock: FakeClock) -> None:
    """A write on the profile's connection that was not the service's own (the sets'
    fingerprint unchanged) still has the queue and counts read again."""
    first = store.reviews.next_card("set:other")
    assert first is not None
    before = store.reviews.counts("set:other")
    with store.db.atomic():
        store.db.execute("UPDATE card_state SET suspended = 1 WHERE card_key = ?", [first.key])
    second = store.reviews.next_card("set:other")
    assert second is not None and second.key != first.key
    assert store.reviews.counts("set:other") == replace(before, new=before.new - 1)


def test_another_process_is_seen_after_the_services_own_grades(
        store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once its own grades have shown it the WAL's shared memory (no question to SQLite
    for them), another connection's commit is still seen at the next card: after a grade,
    and in the middle of one (between the grade's look and its write)."""
    other = sqlite3.connect(profile_path(tmp_path / "data", "default"))
    for _ in range(3):
        card = store.reviews.next_card("set:other")
        assert card is not None
        store.reviews.answer(card.key, 3)
    shown = store.reviews.next_card("set:other")
    assert shown is not None
    with other:
        other.execute("UPDATE card_state SET suspended = 1 WHERE card_key = ?", [shown.key])
    card = store.reviews.next_card("set:other")
    assert card is not None and card.key != shown.key
    assert card.key == key(fresh(store, clock).next_card("set:other"))

    scheduler = store.reviews.scheduler()
    review = scheduler.review

    def meanwhile(*args: object) -> object:  # the grade has looked; its write comes next
        with other:  # every other card of the set suspended
            other.execute("UPDATE card_state SET suspended = 1 WHERE card_key LIKE 'other/%' "
                          "AND card_key != ?", [card.key])
        return review(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(scheduler, "review", meanwhile)
    store.reviews.answer(card.key, 4)  # Easy: due in days
    monkeypatch.undo()
    assert store.reviews.next_card("set:other") is None
    assert fresh(store, clock).next_card("set:other") is None
    assert store.reviews.counts("set:other") == fresh(store, clock).counts("set:other")
    other.close()
