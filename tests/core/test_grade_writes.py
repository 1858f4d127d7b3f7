"""What a grade writes: the same whether the card's row came with the day's queue or was
read for the grade, and no more pages than it needs (m016's indexes)."""

from __future__ import annotations

import json
import random
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from studyapp.core.clock import FakeClock
from studyapp.core.decks import REPORT_DECK
from studyapp.core.migrations import migrations
from studyapp.core.paths import profile_path
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.store import Store, open_store
from studyapp.core.store.reviews import ReviewsService

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def card_set(count: int) -> QuestionSet:
    return QuestionSet(id="drill", title="Drill", cards=[
        Card(id=f"c{i:03}", front=f"front {i}", back=f"back {i}", section="suggestions.5.1",
             evidence="innovation and pragmatism", tags=["t"])
        for i in range(count)
    ])


def make_store(folder: Path, clock: FakeClock) -> Store:
    store = open_store(folder, "default", clock=clock)
    store.reviews.tz = UTC
    return store


@pytest.fixture
def twins(tmp_path: Path) -> Iterator[tuple[Store, Store, FakeClock]]:
    """Two profiles with the same cards, on one clock."""
    clock = FakeClock(START)
    stores = []
    for name in ("queued", "read"):
        store = make_store(tmp_path / name, clock)
        store.question_sets.import_set(card_set(12))
        stores.append(store)
    yield stores[0], stores[1], clock
    for store in stores:
        store.close()


def rows(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (store.db.execute("SELECT * FROM card_state ORDER BY card_key").fetchall(),
            store.db.execute("SELECT * FROM review_log ORDER BY id").fetchall())


def test_a_grade_of_the_queued_row_writes_what_a_grade_of_the_read_row_writes(
        twins: tuple[Store, Store, FakeClock]) -> None:
    """One profile grades the cards its queue showed (the grade takes the card's row from
    the queue); the other grades the same cards with a service that has nothing cached
    (the grade reads the row). Cards come back within minutes and are graded again, so
    a row the grade changed must not be taken from the queue again."""
    queued, read, clock = twins
    rng = random.Random(3)
    again = 0
    shown: set[str] = set()
    for _ in range(60):
        card = queued.reviews.next_card(REPORT_DECK)
        if card is None:
            clock.advance(minutes=11)
            continue
        again += card.key in shown
        shown.add(card.key)
        rating = rng.choice([1, 1, 2, 3, 4])
        queued.reviews.answer(card.key, rating, 5000)
        ReviewsService(read.db, clock, UTC).answer(card.key, rating, 5000)
        assert rows(queued) == rows(read)
        clock.advance(seconds=rng.choice([5, 70, 700]))
    assert again > 10


def test_a_grade_after_someone_else_wrote_the_card_reads_its_row(tmp_path: Path) -> None:
    """The queue's copy of a card's row is not used once another connection wrote: the
    grade (and its undo record) starts from the row as it is."""
    clock = FakeClock(START)
    store = make_store(tmp_path, clock)
    try:
        store.question_sets.import_set(card_set(3))
        card = store.reviews.next_card(REPORT_DECK)
        assert card is not None
        other = sqlite3.connect(profile_path(tmp_path, "default"))
        with other:
            other.execute("UPDATE card_state SET flag = 3, lapses = 5 WHERE card_key = ?",
                          [card.key])
        other.close()
        answer = store.reviews.answer(card.key, 3)
        before = json.loads(store.db.execute(
            "SELECT before_json FROM review_log WHERE id = ?", [answer.review_id]
        ).fetchone()[0])
        assert (before["flag"], before["lapses"]) == (3, 5)
        assert answer.outcome.memory.lapses == 5
    finally:
        store.close()


def _pages_written(store: Store, grade: object) -> dict[str, int]:
    """The b-trees whose pages ``grade()`` wrote to the WAL (frames per table or index)."""
    db = store.db
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    grade()  # type: ignore[operator]
    names = dict(db.execute("SELECT pageno, name FROM dbstat").fetchall())
    wal = Path(f"{store.path}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    written: dict[str, int] = {}
    for offset in range(32, len(wal) - 23, 24 + page_size):
        name = names.get(struct.unpack(">I", wal[offset:offset + 4])[0], "(free)")
        written[name] = written.get(name, 0) + 1
    return written


def test_a_review_grade_edits_one_index_of_card_state(tmp_path: Path) -> None:
    """A grade of a card in review writes the card's row, the one queue index that holds
    it, the review log and the Progress sums: no index of new cards, no index of due
    dates alone (each would be a page read and written at every grade)."""
    clock = FakeClock(START)
    store = make_store(tmp_path, clock)
    try:
        store.question_sets.import_set(card_set(3))
        card = store.reviews.next_card(REPORT_DECK)
        assert card is not None
        store.reviews.answer(card.key, 4)  # new -> review, due in days
        clock.advance(days=30)
        card = store.reviews.next_card(REPORT_DECK)
        assert card is not None and card.memory.state == 2
        written = _pages_written(store, lambda: store.reviews.answer(card.key, 3))
    finally:
        store.close()
    card_state = {name for name in written if name.startswith(("card_state", "sqlite_auto"))}
    assert card_state == {"card_state", "card_state_queue"}
    assert {"review_log", "review_log_card", "activity"} <= set(written)


def test_m016_keeps_the_queue_of_an_existing_profile(tmp_path: Path) -> None:
    """A profile with the indexes before m016 gets the leaner ones; its next cards and
    counts are what they were."""
    clock = FakeClock(START)
    store = make_store(tmp_path, clock)
    store.question_sets.import_set(card_set(12))
    for rating in (1, 3, 4, 3, 2, 4):
        card = store.reviews.next_card(REPORT_DECK)
        assert card is not None
        store.reviews.answer(card.key, rating)
    clock.advance(minutes=5)
    expected = (store.reviews.next_card(REPORT_DECK), store.reviews.deck_counts())
    store.close()
    with closing(Database(profile_path(tmp_path, "default"))) as old:  # as m015 left it
        old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm016_grade_indexes'")
        old.executescript("""
            DROP INDEX card_state_new;
            CREATE INDEX card_state_due ON card_state(due);
            CREATE INDEX card_state_new
                ON card_state(state, position, grp, suspended, retired, buried_until);
            CREATE INDEX card_state_state ON card_state(state, due);
            """)
    store = make_store(tmp_path, clock)
    try:
        assert "m016_grade_indexes" in {m.name for m in migrations.applied(store.db)}
        indexes = dict(store.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'card_state' AND sql IS NOT NULL").fetchall())
        assert set(indexes) == {"card_state_queue", "card_state_new", "card_state_group"}
        assert "WHERE state = 0" in indexes["card_state_new"]
        assert (store.reviews.next_card(REPORT_DECK), store.reviews.deck_counts()) == expected
    finally:
        store.close()


def test_the_new_cards_are_read_in_index_order(tmp_path: Path) -> None:
    """The day queue's new cards and the queue query's come from card_state_new in
    order, not from sorting every new card (a profile has no planner statistics)."""
    store = make_store(tmp_path, FakeClock(START))
    statements: list[str] = []
    try:
        store.question_sets.import_set(card_set(3))
        store.db.conn.set_trace_callback(statements.append)
        store.reviews.next_card(REPORT_DECK)
        store.reviews.next_card(REPORT_DECK, ahead=True)
        store.db.conn.set_trace_callback(None)
        new_lists = [sql for sql in statements if "state = 0 AND" in sql and "LIMIT" in sql]
        plans = [" ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
                 for sql in new_lists]
    finally:
        store.close()
    assert len(plans) == 2
    for plan in plans:
        assert "card_state_new" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
