"""Costs grow as they should: the same operations on a profile ten times as big.

Two profiles from benchmarks.cards' generator: 10,000 cards with about 100,000 reviews, and
100,000 cards with about 1,000,000 (the big profile of benchmarks/vs_anki.py; both cached
under ~/.cache/studyapp-bench and copied for each run). Both are open at once and the rounds
alternate between them; each value is the big profile's median over the small one's:

scaling_next_card   ``store.reviews.next_card(deck)`` of "The whole report", the card after
                    the last one answered                                         <= 1.5 (flat)
scaling_answer      ``store.reviews.answer(...)``: schedule, write, commit        <= 1.5 (flat)
scaling_counts      ``store.reviews.deck_counts()`` counted afresh (first of a day)
                    <= 10.0 (at most linear in the cards)
scaling_dashboard   the Progress view's numbers (``store.progress.dashboard``) computed
                    afresh                                                        <= 10.0
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import cards
from benchmarks.common import Result, median, studyapp_cache

ROUNDS = 15
SIZES = ((10_000, 100_000), (100_000, 1_000_000))  # (cards, reviews): small, big
GROWTH = SIZES[1][0] / SIZES[0][0]
TARGETS = {"scaling_next_card": 1.5, "scaling_answer": 1.5, "scaling_counts": GROWTH,
           "scaling_dashboard": GROWTH}


def _cached(size: tuple[int, int]) -> Path:
    """The data folder of a profile of ``size`` in the cache (as vs_anki names it)."""
    folder = studyapp_cache(*size)
    if not (folder / "done").exists():
        saved = cards.CARDS, cards.REVIEWS
        cards.CARDS, cards.REVIEWS = size
        try:
            cards.make_profile(folder)
        finally:
            cards.CARDS, cards.REVIEWS = saved
        (folder / "done").write_text("")
    return folder


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


_RESULTS: dict[str, Result] = {}


def _measure_all() -> None:
    from studyapp.core.clock import FakeClock
    from studyapp.core.decks import REPORT_DECK
    from studyapp.core.report import load_report
    from studyapp.core.store import open_store

    report = load_report()
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in TARGETS}
    with tempfile.TemporaryDirectory() as folder:
        sides = []
        for number, size in enumerate(SIZES):
            data = Path(folder) / str(number)
            shutil.copytree(_cached(size), data)
            clock = FakeClock(cards.NOW)
            store = open_store(data, "bench", clock=clock)
            store.reviews.tz = None
            store.reviews.next_card(REPORT_DECK)  # fsrs and the decks load, as in the app
            sides.append((store, clock))
        # The copies' hundreds of MiB are written out first: an fsync (every answer has one)
        # would otherwise wait on them, and time the disk rather than the profile's size.
        os.sync()
        try:
            ratings = random.Random(7)
            for _ in range(ROUNDS):
                rating = ratings.choice((1, 3, 3, 3, 4))
                for side, (store, clock) in enumerate(sides):
                    start = time.perf_counter()
                    card = store.reviews.next_card(REPORT_DECK)
                    middle = time.perf_counter()
                    assert card is not None
                    clock.advance(seconds=6)
                    store.reviews.answer(card.key, rating, 6000)
                    end = time.perf_counter()
                    times["scaling_next_card"][side].append(middle - start)
                    times["scaling_answer"][side].append(end - middle)
                    store.reviews._counts_key = None  # as on the first call of a day
                    times["scaling_counts"][side].append(_timed(store.reviews.deck_counts))
                    store.progress._cached = None  # as after a change
                    times["scaling_dashboard"][side].append(
                        _timed(lambda s=store: s.progress.dashboard(report)))
                    # A recount drops the day's queues too (core/store/day_queue.py); in a
                    # session the learner's next card comes from the queue the last one
                    # left, so it is built again here, outside the clocks.
                    store.reviews.next_card(REPORT_DECK)
        finally:
            for store, _clock in sides:
                store.close()
    for name, (small, big) in times.items():
        small_median, big_median = median(small), median(big)
        ratio = big_median / small_median
        _RESULTS[name] = Result(
            name, round(ratio, 3), "x 10k cards", f"<= {TARGETS[name]:g}",
            ratio <= TARGETS[name],
            f"100k cards {big_median * 1000:.3f} ms, 10k cards {small_median * 1000:.3f} ms; "
            f"{ROUNDS} rounds")


def _get(name: str) -> Result:
    if name not in _RESULTS:
        _measure_all()
    return _RESULTS[name]


def next_card() -> Result:
    return _get("scaling_next_card")


def answer() -> Result:
    return _get("scaling_answer")


def counts() -> Result:
    return _get("scaling_counts")


def dashboard() -> Result:
    return _get("scaling_dashboard")


if __name__ == "__main__":
    for target_name in TARGETS:
        print(_get(target_name))
