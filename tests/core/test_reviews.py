"""Flashcard scheduling and the review store, with an injected clock and time zone."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.decks import RELATIONSHIPS_DECK, REPORT_DECK, section_deck_id
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.scheduling import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    LEARNING,
    NEW,
    RELEARNING,
    REVIEW,
    Memory,
    ReviewHistory,
    Scheduler,
    optimise,
    optimiser_available,
)
from studyapp.core.stats import profile_summary
from studyapp.core.store import Store, StoreError, open_store
from studyapp.core.studyday import day_bounds, study_day

LONDON = ZoneInfo("Europe/London")
# One card's days and grades, in the order they happened.
CardHistory = tuple[list[int], list[int]]
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


def card_set(count: int, set_id: str = "drill", section: str = "suggestions.5.1",
             tags: list[str] | None = None) -> QuestionSet:
    return QuestionSet(id=set_id, title=f"Set {set_id}", cards=[
        Card(id=f"c{i:03}", front=f"front {i}", back=f"back {i}", section=section,
             evidence="innovation and pragmatism", tags=list(tags or ["t"]))
        for i in range(count)
    ])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))  # a Monday, 09:00 in London


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path / "data", "default", clock=clock)
    opened.reviews.tz = LONDON
    opened.question_sets.import_set(card_set(30))
    yield opened
    opened.close()


def graduate(store: Store, clock: FakeClock, key: str) -> None:
    """Takes a new card to the review state: Good, then Good after the 10-minute step."""
    store.reviews.answer(key, GOOD)
    clock.advance(minutes=11)
    store.reviews.answer(key, GOOD)


# -- the learner's day -------------------------------------------------------------------------
def test_the_day_starts_at_four_local_time() -> None:
    late = datetime(2026, 3, 3, 3, 30, tzinfo=UTC)  # 03:30 in London: still Monday's day
    assert study_day(late, LONDON).isoformat() == "2026-03-02"
    start, end = day_bounds(late, LONDON)
    assert start == datetime(2026, 3, 2, 4, tzinfo=UTC)
    assert end == datetime(2026, 3, 3, 4, tzinfo=UTC)
    # 03:30 UTC is 11:30 in Shanghai: the day began at 04:00 there, 20:00 UTC the day before.
    assert day_bounds(late, SHANGHAI)[0] == datetime(2026, 3, 2, 20, tzinfo=UTC)


def test_days_are_23_and_25_hours_long_when_the_clocks_change() -> None:
    # New York's clocks go forward at 02:00 on 8 March and back at 02:00 on 1 November:
    # inside the learner's days that began at 04:00 on 7 March and on 31 October.
    spring = day_bounds(datetime(2026, 3, 8, 6, tzinfo=UTC), NEW_YORK)  # 01:00 EST, 8 March
    autumn = day_bounds(datetime(2026, 11, 1, 5, tzinfo=UTC), NEW_YORK)  # 01:00 EDT, 1 Nov
    assert spring[1] - spring[0] == timedelta(hours=23)
    assert autumn[1] - autumn[0] == timedelta(hours=25)
    # 04:00 local on each side of the change
    assert spring[0] == datetime(2026, 3, 7, 9, tzinfo=UTC)  # EST, UTC-5
    assert spring[1] == datetime(2026, 3, 8, 8, tzinfo=UTC)  # EDT, UTC-4
    assert study_day(datetime(2026, 3, 8, 7, 59, tzinfo=UTC), NEW_YORK).day == 7
    assert study_day(datetime(2026, 3, 8, 8, 0, tzinfo=UTC), NEW_YORK).day == 8


def test_the_daily_new_limit_resets_at_the_local_day_start(store: Store,
                                                           clock: FakeClock) -> None:
    store.reviews.save_settings(replace(store.reviews.settings(), new_per_day=3))
    for _ in range(3):
        card = store.reviews.next_card(RELATIONSHIPS_DECK)
        assert card is not None and card.memory.state == NEW
        store.reviews.answer(card.key, EASY)
    assert store.reviews.counts(RELATIONSHIPS_DECK).new == 0
    assert store.reviews.next_card(RELATIONSHIPS_DECK) is None
    clock.now = datetime(2026, 3, 3, 3, 59, tzinfo=UTC)  # 03:59 London: the same day
    assert store.reviews.counts(RELATIONSHIPS_DECK).new == 0
    clock.now = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)  # 04:00: a new day
    assert store.reviews.counts(RELATIONSHIPS_DECK).new == 3
    # The same moments in Shanghai: its day started at 20:00 UTC, so new cards came back then.
    store.reviews.tz = SHANGHAI
    clock.now = datetime(2026, 3, 2, 19, 59, tzinfo=UTC)
    assert store.reviews.counts(RELATIONSHIPS_DECK).new == 0
    clock.now = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert store.reviews.counts(RELATIONSHIPS_DECK).new == 3


def test_the_review_limit_holds(store: Store, clock: FakeClock) -> None:
    keys = [f"drill/c{i:03}" for i in range(5)]
    for key in keys:
        graduate(store, clock, key)
    clock.advance(days=60)
    store.reviews.save_settings(replace(store.reviews.settings(), reviews_per_day=2,
                                        new_per_day=0))
    assert store.reviews.counts(RELATIONSHIPS_DECK).review == 2
    for _ in range(2):
        card = store.reviews.next_card(RELATIONSHIPS_DECK)
        assert card is not None and card.memory.state == REVIEW
        store.reviews.answer(card.key, GOOD)
    assert store.reviews.next_card(RELATIONSHIPS_DECK) is None


# -- scheduling --------------------------------------------------------------------------------
def test_intervals_grow_under_good(store: Store, clock: FakeClock) -> None:
    key = "drill/c000"
    graduate(store, clock, key)
    intervals = []
    for _ in range(5):
        card = store.reviews.card(key)
        clock.now = card.memory.due + timedelta(minutes=1)
        answer = store.reviews.answer(key, GOOD)
        intervals.append(answer.outcome.interval)
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:], strict=False))
    assert intervals[-1] > timedelta(days=30)


def test_again_sends_a_review_card_to_relearning(store: Store, clock: FakeClock) -> None:
    key = "drill/c001"
    graduate(store, clock, key)
    clock.advance(days=5)
    before = store.reviews.card(key).memory
    assert before.state == REVIEW
    answer = store.reviews.answer(key, AGAIN)
    after = store.reviews.card(key).memory
    assert after.state == RELEARNING
    assert after.lapses == before.lapses + 1
    assert answer.outcome.interval == timedelta(minutes=10)


def test_previews_equal_what_the_grade_then_gives(store: Store, clock: FakeClock) -> None:
    key = "drill/c002"
    graduate(store, clock, key)
    clock.advance(days=40)  # long intervals: fuzz applies
    shown = store.reviews.show(key)
    for rating in (AGAIN, HARD, GOOD, EASY):
        again = store.reviews.show(key)  # shown twice: the same previews (no fresh fuzz draw)
        assert again.previews[rating].memory == shown.previews[rating].memory
    answer = store.reviews.answer(key, EASY)
    assert answer.outcome.interval == shown.previews[EASY].interval
    stored = store.reviews.card(key).memory
    assert stored.due == shown.previews[EASY].due
    assert stored.stability == pytest.approx(shown.previews[EASY].memory.stability)


def test_fuzz_is_seeded_by_card_and_review_count() -> None:
    scheduler = Scheduler()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    memory = Memory(state=REVIEW, step=None, stability=60.0, difficulty=5.0,
                    due=now, last_review=now - timedelta(days=60), reps=6)
    days = {scheduler.review(n, memory, GOOD, now).interval.days for n in range(40)}
    assert len(days) > 3  # different cards spread out...
    assert scheduler.review(7, memory, GOOD, now) == scheduler.review(7, memory, GOOD, now)


def test_a_new_card_moves_through_the_learning_steps(store: Store, clock: FakeClock) -> None:
    card = store.reviews.next_card(RELATIONSHIPS_DECK)
    assert card is not None
    assert card.previews[AGAIN].interval == timedelta(minutes=1)
    assert card.previews[GOOD].interval == timedelta(minutes=10)
    assert card.previews[EASY].memory.state == REVIEW
    store.reviews.answer(card.key, GOOD)
    assert store.reviews.card(card.key).memory.state == LEARNING
    assert store.reviews.counts(RELATIONSHIPS_DECK).learning == 1


# -- writing and undo --------------------------------------------------------------------------
def test_each_grade_writes_the_state_and_a_review_row(store: Store) -> None:
    card = store.reviews.next_card(RELATIONSHIPS_DECK)
    assert card is not None
    answer = store.reviews.answer(card.key, GOOD, duration_ms=4200)
    rows = list(store.db.query("SELECT card_key, rating, duration_ms, state FROM review_log"))
    assert rows == [{"card_key": card.key, "rating": GOOD, "duration_ms": 4200, "state": NEW}]
    assert answer.review_id > 0
    assert store.reviews.card(card.key).memory.reps == 1


def test_undo_is_exact_several_steps_back(store: Store, clock: FakeClock) -> None:
    def snapshot() -> list[dict[str, object]]:
        return list(store.db.query("SELECT * FROM card_state ORDER BY card_key"))

    states = [snapshot()]
    answers = []
    for rating in (GOOD, AGAIN, EASY, HARD):
        card = store.reviews.next_card(RELATIONSHIPS_DECK)
        assert card is not None
        answers.append(store.reviews.answer(card.key, rating))
        states.append(snapshot())
        clock.advance(minutes=3)
    assert store.reviews.review_count() == 4
    for step in range(4, 0, -1):
        store.reviews.undo(answers[step - 1].review_id)
        assert snapshot() == states[step - 1]
        assert store.reviews.review_count() == step - 1


def test_only_a_cards_latest_grade_can_be_undone(store: Store, clock: FakeClock) -> None:
    first = store.reviews.answer("drill/c000", GOOD)
    clock.advance(minutes=11)
    store.reviews.answer("drill/c000", GOOD)
    with pytest.raises(StoreError, match="latest"):
        store.reviews.undo(first.review_id)


def test_suspended_and_buried_cards_stay_out(store: Store, clock: FakeClock) -> None:
    store.reviews.save_settings(replace(store.reviews.settings(), new_per_day=100))
    store.reviews.suspend("drill/c000")
    store.reviews.bury("drill/c001")
    seen = set()
    while (card := store.reviews.next_card(RELATIONSHIPS_DECK)) is not None:
        seen.add(card.key)
        store.reviews.answer(card.key, EASY)
    assert "drill/c000" not in seen and "drill/c001" not in seen
    assert len(seen) == 28
    counts = store.reviews.card_counts()
    assert (counts["suspended"], counts["buried"]) == (1, 1)
    clock.now = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)  # tomorrow: the buried card is back
    card = store.reviews.next_card(RELATIONSHIPS_DECK)
    assert card is not None and card.key == "drill/c001"
    assert store.reviews.card_counts()["buried"] == 0


def test_the_queue_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    first = open_store(tmp_path / "data", "default", clock=clock)
    first.reviews.tz = LONDON
    first.question_sets.import_set(card_set(10))
    for _ in range(4):
        card = first.reviews.next_card(RELATIONSHIPS_DECK)
        assert card is not None
        first.reviews.answer(card.key, GOOD)
    counts = first.reviews.counts(RELATIONSHIPS_DECK)
    upcoming = first.reviews.next_card(RELATIONSHIPS_DECK)
    first.close()
    again = open_store(tmp_path / "data", "default", clock=clock)
    again.reviews.tz = LONDON
    assert again.reviews.counts(RELATIONSHIPS_DECK) == counts == replace(counts)
    resumed = again.reviews.next_card(RELATIONSHIPS_DECK)
    assert resumed is not None and upcoming is not None and resumed.key == upcoming.key
    assert counts.new == 6 and counts.learning == 4
    again.close()


def test_a_leech_is_tagged_once_and_suspended_if_chosen(store: Store, clock: FakeClock) -> None:
    store.reviews.save_settings(replace(store.reviews.settings(), leech_threshold=3,
                                        suspend_leeches=True))
    key = "drill/c005"
    graduate(store, clock, key)
    told = []
    for _ in range(3):
        clock.advance(days=3)
        told.append(store.reviews.answer(key, AGAIN).became_leech)
        clock.advance(minutes=11)
        store.reviews.answer(key, GOOD)
        if told[-1]:
            assert store.reviews.card(key).suspended
            store.reviews.suspend(key, False)
    assert told == [False, False, True]
    card = store.reviews.card(key)
    assert card.leech
    clock.advance(days=3)
    assert store.reviews.answer(key, AGAIN).became_leech is False  # told once


def test_reimporting_keeps_history_and_removing_a_set_leaves_the_decks(
        store: Store, clock: FakeClock) -> None:
    store.reviews.answer("drill/c000", GOOD)
    store.question_sets.import_set(card_set(30))  # the trainer re-imports: nothing lost
    assert store.reviews.card("drill/c000").memory.reps == 1
    store.question_sets.import_set(card_set(20))  # ten cards dropped from the file
    assert store.reviews.card_counts()["total"] == 20
    store.question_sets.remove("drill")
    assert store.reviews.card_counts()["total"] == 0
    assert store.reviews.review_count() == 1  # history stays
    store.question_sets.import_set(card_set(30))
    assert store.reviews.card("drill/c000").memory.reps == 1


# -- decks and records --------------------------------------------------------------------------
def test_decks_follow_the_report(store: Store) -> None:
    store.question_sets.import_set(card_set(4, "other", section="problems.2", tags=["x", "y"]))
    store.question_sets.import_set(card_set(2, "outside", section="", tags=[]))
    decks = [d.id for d in store.reviews.decks()]
    assert decks[:2] == [RELATIONSHIPS_DECK, REPORT_DECK]
    assert decks.index(section_deck_id("problems")) < decks.index(section_deck_id("problems.2"))
    assert decks.index(section_deck_id("problems.2")) < decks.index(
        section_deck_id("suggestions.5.1"))
    assert {"set:drill", "set:other", "set:outside", "tag:other:x", "tag:other:y"} <= set(decks)
    assert section_deck_id("reasons") not in decks  # no cards there
    counts = store.reviews.deck_counts()
    assert counts[RELATIONSHIPS_DECK].new == 20  # 30 cards, the daily limit of 20
    assert counts[section_deck_id("problems.2")].new == 4
    assert counts["tag:other:x"].new == 4
    assert counts[REPORT_DECK].new == 20
    assert counts["set:outside"].new == 2


def test_stats_count_cards_and_reviews(store: Store, clock: FakeClock) -> None:
    report = load_report()
    before = profile_summary(store, report)
    assert before["cards"] == {"total": 30, "new": 30, "learning": 0, "review": 0,
                               "relearning": 0, "suspended": 0, "buried": 0, "due_today": 0}
    for _ in range(5):
        card = store.reviews.next_card(RELATIONSHIPS_DECK)
        assert card is not None
        store.reviews.answer(card.key, GOOD)
    after = profile_summary(store, report)
    assert after["reviews"] == 5
    assert after["cards"]["new"] == 25 and after["cards"]["learning"] == 5
    assert after["cards"]["due_today"] == 5


def test_card_info_and_browse(store: Store, clock: FakeClock) -> None:
    graduate(store, clock, "drill/c003")
    info = store.reviews.info("drill/c003")
    assert [r.rating for r in info.reviews] == [GOOD, GOOD]
    assert info.retrievability is not None and 0.9 < info.retrievability <= 1.0
    rows = store.reviews.browse("set:drill", "front 3")
    assert [r.key for r in rows] == ["drill/c003"]
    assert rows[0].state == "review" and rows[0].due


def test_py_fsrs_is_not_loaded_by_the_store_or_the_queue(tmp_path: Path) -> None:
    # Grades and previews use core/fsrs_math.py: py-fsrs loads only for retrievability.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from studyapp.core.store import open_store\n"
        "from studyapp.core.stats import profile_summary\n"
        "from studyapp.core.report import load_report\n"
        f"s = open_store(Path({str(tmp_path)!r}), 'p')\n"
        "s.reviews.deck_counts(); profile_summary(s, load_report())\n"
        "assert 'fsrs' not in sys.modules, 'fsrs loaded early'\n"
        "s.question_sets.ensure_builtin()\n"
        "card = s.reviews.next_card('relationships')\n"
        "s.reviews.answer(card.key, 3)\n"
        "assert 'fsrs' not in sys.modules, 'fsrs loaded by a grade'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- the optimiser -----------------------------------------------------------------------------
def history_of(cards: list[CardHistory]) -> ReviewHistory:
    """The flat history of each card's days and grades."""
    return ReviewHistory(days=[day for days, _ratings in cards for day in days],
                         ratings=[rating for _days, ratings in cards for rating in ratings],
                         lengths=[len(days) for days, _ratings in cards])


def synthetic_history(cards: int, seed: int = 3) -> ReviewHistory:
    """Reviews of a learner whose memory follows FSRS with parameters unlike the defaults,
    card by card: the days and the grades."""
    import random

    rng = random.Random(seed)
    truth = Scheduler(replace(Scheduler().settings, parameters=(
        2.0, 4.0, 8.0, 20.0, 6.4, 0.83, 3.0, 0.01, 2.3, 0.2, 0.9, 1.5, 0.06, 0.26, 1.65,
        0.6, 1.9, 0.54, 0.09, 0.07, 0.15), learning_steps=(), relearning_steps=()))
    history: list[CardHistory] = []
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for number in range(cards):
        now = start + timedelta(days=rng.randrange(30))
        memory = Memory()
        days: list[int] = []
        ratings: list[int] = []
        history.append((days, ratings))
        for _ in range(8):
            recall = truth.retrievability(memory, now)
            if recall is None:
                rating = rng.choice([AGAIN, GOOD, GOOD, EASY])
            elif rng.random() < recall:
                rating = rng.choice([HARD, GOOD, GOOD, GOOD, EASY])
            else:
                rating = AGAIN
            days.append((now - start).days)
            ratings.append(rating)
            memory = truth.review(number, memory, rating, now).memory
            assert memory.due is not None
            now = memory.due
    return history_of(history)


@pytest.mark.skipif(not optimiser_available(), reason="fsrs-rs-python has no build here")
def test_the_optimiser_refuses_too_little_history() -> None:
    with pytest.raises(ValueError, match=r"\d+ more reviews are needed"):
        optimise(synthetic_history(10))


@pytest.mark.skipif(not optimiser_available(), reason="fsrs-rs-python has no build here")
def test_the_optimiser_improves_the_fit_on_a_generated_history() -> None:
    result = optimise(synthetic_history(300))
    assert result.new_fit.log_loss < result.old_fit.log_loss
    assert len(result.parameters) == 21
    # The fitted parameters expect a recall closer to what the learner had.
    actual = result.new_fit.actual_retention
    assert abs(result.new_fit.expected_retention - actual) < abs(
        result.old_fit.expected_retention - actual)
    fitted = Scheduler(replace(Scheduler().settings, parameters=result.parameters))
    assert fitted.review(1, Memory(), GOOD, datetime(2026, 1, 1, tzinfo=UTC)).memory.reps == 1


def test_optimised_parameters_are_applied_and_the_old_kept(store: Store) -> None:
    fitted = tuple(float(x) for x in range(21))
    store.reviews.apply_parameters(fitted)
    assert store.reviews.settings().parameters == fitted
    assert store.reviews.settings().previous_parameters is None
    store.reviews.restore_previous_parameters()
    assert store.reviews.settings().parameters is None
    stored = {r["key"]: json.loads(r["value"]) for r in
              store.db.query("SELECT key, value FROM review_settings")}
    assert stored["previous_parameters"] == list(fitted)


def test_counts_kept_up_to_date_equal_counts_computed_afresh(store: Store,
                                                             clock: FakeClock) -> None:
    """The service keeps the day's counts in step with its own writes; after any mix of
    grades, undos, suspensions and burials they equal a fresh count of the database."""
    import random

    from studyapp.core.store.reviews import ReviewsService

    store.question_sets.import_set(card_set(12, "other", section="problems.2", tags=["x"]))
    store.reviews.save_settings(replace(store.reviews.settings(), new_per_day=15))
    rng = random.Random(11)
    answers = []
    for step in range(150):
        roll = rng.random()
        deck = rng.choice([RELATIONSHIPS_DECK, REPORT_DECK, "set:other"])
        if roll < 0.65:
            card = store.reviews.next_card(deck)
            if card is not None:
                answers.append(store.reviews.answer(card.key, rng.choice([1, 2, 3, 3, 4])))
        elif roll < 0.75 and answers:
            answer = answers.pop()
            try:
                store.reviews.undo(answer.review_id)
            except StoreError:
                pass
        elif roll < 0.85:
            key = f"drill/c{rng.randrange(30):03}"
            store.reviews.suspend(key, rng.random() < 0.5)
        elif roll < 0.9:
            store.reviews.bury(f"other/c{rng.randrange(12):03}")
        else:
            clock.advance(hours=rng.choice([1, 5, 20]))
        fresh = ReviewsService(store.db, clock, LONDON)
        assert store.reviews.deck_counts() == fresh.deck_counts(), f"step {step}"
        assert store.reviews.counts(REPORT_DECK) == fresh.counts(REPORT_DECK)
    assert len(answers) > 30


def test_m004_upgrades_a_profile_with_cards_and_keeps_their_state(tmp_path: Path) -> None:
    """A profile made before m004 (cards imported, one card with a state row, a review)."""
    from sqlite_utils import Database

    from studyapp.core.migrations import migrations
    from studyapp.core.paths import profile_path

    path = profile_path(tmp_path, "old")
    path.parent.mkdir(parents=True)
    old = Database(path)
    migrations.apply(old, stop_before="m004_flashcards")
    old.execute("INSERT INTO question_sets (id, title, imported_at) VALUES ('s', 'S', 'then')")
    for number in range(3):
        old.execute("INSERT INTO cards (set_id, id, position, section_id, front, back, tags) "
                    "VALUES ('s', ?, ?, 'suggestions.5.2', 'f', 'b', '[\"t\"]')",
                    [f"c{number}", number])
    old.execute("INSERT INTO card_state (card_key, due, stability, difficulty, state, reps) "
                "VALUES ('s/c1', '2026-01-01T00:00:00+00:00', 3.0, 5.0, 2, 4)")
    old.execute("INSERT INTO card_state (card_key, due, state) VALUES ('gone/x', '', 2)")
    old.execute("INSERT INTO review_log (card_key, rating, reviewed_at) "
                "VALUES ('s/c1', 3, '2025-12-28T09:00:00+00:00')")
    old.conn.commit()
    old.close()
    store = open_store(tmp_path, "old", clock=FakeClock(datetime(2026, 1, 2, 9, tzinfo=UTC)))
    try:
        counts = store.reviews.card_counts()
        assert (counts["total"], counts["new"], counts["review"]) == (3, 2, 1)
        kept = store.reviews.card("s/c1").memory
        assert (kept.state, kept.reps, kept.stability) == (REVIEW, 4, 3.0)
        assert store.reviews.deck_counts()[RELATIONSHIPS_DECK].review == 1
        assert store.reviews.review_count() == 1
        retired = store.db.execute(
            "SELECT retired FROM card_state WHERE card_key = 'gone/x'").fetchone()[0]
        assert retired == 1  # history of a card no longer in any set stays, out of the decks
    finally:
        store.close()
