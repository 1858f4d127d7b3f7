"""The direct FSRS arithmetic gives exactly what py-fsrs' review_card gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
import fsrs.scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.fsrs_math import FsrsMath
from studyapp.core.scheduling import _DEFAULT_PARAMETERS

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def test_default_parameters_are_py_fsrs_own() -> None:
    assert _DEFAULT_PARAMETERS == tuple(fsrs.scheduler.DEFAULT_PARAMETERS)


@settings(max_examples=400, deadline=None)
@given(
    state=st.sampled_from([1, 2, 3]),
    step=st.integers(0, 3),
    stability=st.one_of(st.none(), st.floats(0.001, 400)),
    difficulty=st.floats(1, 10),
    seconds_ago=st.one_of(st.none(), st.integers(0, 400 * 86400)),
    rating=st.sampled_from([1, 2, 3, 4]),
    learning=st.sampled_from([(), (1,), (1, 10), (1, 10, 60)]),
    relearning=st.sampled_from([(), (10,), (10, 30)]),
    retention=st.floats(0.7, 0.99),
    custom=st.booleans(),
)
def test_review_matches_py_fsrs(state: int, step: int, stability: float | None,
                                difficulty: float, seconds_ago: int | None, rating: int,
                                learning: tuple[int, ...], relearning: tuple[int, ...],
                                retention: float, custom: bool) -> None:
    if state != 1 and stability is None:
        stability = 3.0
    parameters = list(_DEFAULT_PARAMETERS)
    if custom:
        parameters[8], parameters[20] = 1.5, 0.3
    last = NOW - timedelta(seconds=seconds_ago) if seconds_ago is not None else None
    steps = tuple(timedelta(minutes=m) for m in learning)
    re_steps = tuple(timedelta(minutes=m) for m in relearning)
    reference = fsrs.Scheduler(parameters=parameters, desired_retention=retention,
                               learning_steps=steps, relearning_steps=re_steps,
                               enable_fuzzing=False)
    card = fsrs.Card(card_id=1, state=fsrs.State(state), step=None if state == 2 else step,
                     stability=stability, difficulty=None if stability is None else difficulty,
                     due=NOW, last_review=last)
    expected, _log = reference.review_card(card, fsrs.Rating(rating), NOW)
    math = FsrsMath(tuple(parameters), retention, steps, re_steps, 36500)
    memory = (state, None if state == 2 else step, stability,
              None if stability is None else difficulty, last)
    got = math.review(*memory, rating, NOW)
    assert math.review_all(*memory, NOW)[rating - 1] == got  # the four at once: the same
    assert (got.state, got.step, got.stability, got.difficulty, NOW + got.interval) == (
        int(expected.state), expected.step, expected.stability, expected.difficulty,
        expected.due)


def test_previews_are_the_named_tuples_their_constructors_make() -> None:
    """Outcomes are made with tuple.__new__ (a hot path): they are of the same types,
    equal, hash and print as the ones the constructors make, and stay immutable."""
    import pytest

    from studyapp.core.scheduling import Memory, Outcome, Scheduler

    memory = Memory(state=2, step=None, stability=12.5, difficulty=6.0,
                    due=NOW, last_review=NOW - timedelta(days=13), reps=4, lapses=1)
    for rating, outcome in Scheduler().preview(77, memory, NOW).items():
        rebuilt = Outcome(outcome.rating, Memory(**outcome.memory._asdict()),
                          outcome.interval)
        assert type(outcome) is Outcome and type(outcome.memory) is Memory
        assert type(outcome.memory.lapses) is int and type(outcome.memory.reps) is int
        assert outcome == rebuilt and hash(outcome) == hash(rebuilt)
        assert repr(outcome) == repr(rebuilt) and outcome.rating == rating
        assert outcome.memory.lapses == (2 if rating == 1 else 1)
        with pytest.raises(AttributeError):
            outcome.memory.reps = 0  # type: ignore[misc]


def test_the_fuzz_draw_is_splitmix64_of_the_card_and_its_review_count() -> None:
    """The draw is SplitMix64's output for the seed (number << 20) ^ reps, 53 bits of it:
    SplitMix64 seeded 0 gives 0xE220A8397B1DCDAF first (its published sequence); the
    draws are the same on every call and spread evenly; the fuzzed days are the draw's
    place in the fuzz range."""
    from studyapp.core.scheduling import Scheduler, _fuzz_range, fuzz_draw

    assert fuzz_draw(0, 0) == (0xE220A8397B1DCDAF >> 11) / 2**53
    draws = [fuzz_draw(number, reps) for number in range(0, 40_000, 7) for reps in range(4)]
    assert all(0.0 <= draw < 1.0 for draw in draws)
    assert draws == [fuzz_draw(number, reps)
                     for number in range(0, 40_000, 7) for reps in range(4)]
    deciles = [0] * 10
    for draw in draws:
        deciles[int(draw * 10)] += 1
    assert all(abs(count / len(draws) - 0.1) < 0.01 for count in deciles), deciles
    assert len(set(draws)) == len(draws)
    scheduler = Scheduler()
    low, high = _fuzz_range(300, 36500)
    assert high - low > 20
    for number in (0, 1, 77, 2**31 + 5, 4_000_000_000):
        for reps in (0, 3, 40):
            assert scheduler._fuzzed_days(number, reps, 300) == int(
                fuzz_draw(number, reps) * (high - low + 1) + low)


@settings(max_examples=300, deadline=None)
@given(
    state=st.sampled_from([0, 1, 2, 3]),
    step=st.integers(0, 2),
    stability=st.floats(0.001, 3000),
    difficulty=st.floats(1, 10),
    seconds_ago=st.one_of(st.none(), st.integers(0, 900 * 86400)),
    reps=st.integers(0, 60),
    lapses=st.integers(0, 9),
    number=st.integers(0, 2**32 - 1),
    maximum=st.sampled_from([36500, 365, 3]),
)
def test_the_four_previews_are_the_four_grades(state: int, step: int, stability: float,
                                               difficulty: float, seconds_ago: int | None,
                                               reps: int, lapses: int, number: int,
                                               maximum: int) -> None:
    """preview (the four in one loop) gives, for each grade, exactly what review gives
    (the grade's own path): memory, due and interval, fuzz included."""
    import dataclasses

    from studyapp.core.scheduling import Memory, ReviewSettings, Scheduler

    scheduler = Scheduler(dataclasses.replace(ReviewSettings(), maximum_interval=maximum))
    last = NOW - timedelta(seconds=seconds_ago) if seconds_ago is not None else None
    memory = Memory() if state == 0 else Memory(
        state=state, step=None if state == 2 else step, stability=stability,
        difficulty=difficulty, due=NOW, last_review=last, reps=reps, lapses=lapses)
    previews = scheduler.preview(number, memory, NOW)
    assert list(previews) == [1, 2, 3, 4]
    for rating, outcome in previews.items():
        graded = scheduler.review(number, memory, rating, NOW)
        assert outcome == graded and repr(outcome) == repr(graded)
        assert outcome.due == graded.due and outcome.interval == graded.interval
