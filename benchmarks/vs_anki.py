"""StudyApp against Anki on the same history (needs ``pip install -e ".[bench]"``).

Both sides are built from benchmarks.cards' generator (100,000 cards, about 1,000,000
reviews; the Anki side in benchmarks/anki_side.py) and cached under
~/.cache/studyapp-bench (StudyApp's per schema, the Anki copy per day, as Anki reads the
real clock); each run works on fresh copies. Rounds alternate the two sides, each side
first in every other round; each value is StudyApp's median over Anki's median, and the
targets are ratios:

anki_next_card     the next card to show, with its four grades' outcomes     <= 1.0
anki_answer        grade: schedule, write, commit (synchronous=FULL both)    <= 1.2
anki_first_counts  deck counts, first call in a new process                   <= 1.0
anki_open          open the profile / collection in a new process             <= 1.0
anki_optimise      FSRS optimiser, seconds per training item                  <= 1.0
anki_warm_counts   deck counts again (the list after a review)                <= 0.2
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import cards
from benchmarks.common import CACHE, Result, median, skipped, studyapp_cache

ROUNDS = 15
OPTIMISER_ROUNDS = 3
TARGETS = {"anki_next_card": 1.0, "anki_answer": 1.2, "anki_first_counts": 1.0,
           "anki_open": 1.0, "anki_optimise": 1.0, "anki_warm_counts": 0.2}
ROOT = Path(__file__).resolve().parents[1]

_STUDYAPP_PROBE = r"""
import json, sys, time
from studyapp.core.clock import FakeClock
from studyapp.core.store import open_store
import studyapp.core.store.reviews  # loaded with the flashcards; imported before the clock, as
                                    # the Anki side imports its Collection before its clock
from benchmarks.cards import NOW
from pathlib import Path
start = time.perf_counter()
store = open_store(Path(sys.argv[1]), "bench", clock=FakeClock(NOW))
opened = time.perf_counter()
store.reviews.tz = None
store.reviews.deck_counts()
counted = time.perf_counter()
store.close()
print(json.dumps({"open": opened - start, "counts": counted - opened}))
"""
_ANKI_PROBE = r"""
import json, sys, time
from anki.collection import Collection
start = time.perf_counter()
col = Collection(sys.argv[1])
opened = time.perf_counter()
col.sched.deck_due_tree()
counted = time.perf_counter()
col.close()
print(json.dumps({"open": opened - start, "counts": counted - opened}))
"""


def _cached() -> tuple[Path, Path]:
    """(StudyApp data folder, Anki collection) in the cache, built when missing."""
    from benchmarks import anki_side

    size = f"{cards.CARDS}-{cards.REVIEWS}"
    studyapp = studyapp_cache(cards.CARDS, cards.REVIEWS)
    if not (studyapp / "done").exists():
        cards.make_profile(studyapp)
        (studyapp / "done").write_text("")
    anki = CACHE / f"anki-{size}-{dt.date.today().isoformat()}" / "collection.anki2"
    if not anki.with_name("done").exists():
        for stale in CACHE.glob(f"anki-{size}-*"):  # other days' copies
            shutil.rmtree(stale, ignore_errors=True)
        anki_side.build(anki)
        anki.with_name("done").write_text("")
    return studyapp, anki


def _probe(code: str, target: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    out = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                         text=True, check=True, env=env, cwd=ROOT)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


_RESULTS: dict[str, Result] = {}


def _measure_all() -> None:
    try:
        import anki.collection  # noqa: F401
    except ImportError:
        for name, target in TARGETS.items():
            _RESULTS[name] = skipped(name, "x Anki", f"<= {target}",
                                     'pip install -e ".[bench]" (the anki package)')
        return
    cached_studyapp, cached_anki = _cached()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data = work / "studyapp"
        shutil.copytree(cached_studyapp, data)
        anki_path = work / "anki" / "collection.anki2"
        shutil.copytree(cached_anki.parent, anki_path.parent)
        times: dict[str, tuple[list[float], list[float]]] = {
            name: ([], []) for name in TARGETS}
        for _ in range(ROUNDS):  # new processes: open and the first counts
            ours, theirs = _probe(_STUDYAPP_PROBE, data), _probe(_ANKI_PROBE, anki_path)
            for key, name in (("open", "anki_open"), ("counts", "anki_first_counts")):
                times[name][0].append(ours[key])
                times[name][1].append(theirs[key])
        _in_process(data, anki_path, times)
    for name, (ours_list, theirs_list) in times.items():
        ours_median, theirs_median = median(ours_list), median(theirs_list)
        ratio = ours_median / theirs_median
        _RESULTS[name] = Result(
            name, round(ratio, 3), "x Anki", f"<= {TARGETS[name]}", ratio <= TARGETS[name],
            f"StudyApp {_format(ours_median, name)}, Anki {_format(theirs_median, name)}; "
            f"{len(ours_list)} rounds")


def _format(seconds: float, name: str) -> str:
    if name == "anki_optimise":
        return f"{seconds * 1e6:.2f} us/item"
    return f"{seconds * 1000:.3f} ms"


def _in_process(data: Path, anki_path: Path,
                times: dict[str, tuple[list[float], list[float]]]) -> None:
    from anki.collection import Collection

    from benchmarks import anki_side
    from studyapp.core.clock import FakeClock
    from studyapp.core.decks import REPORT_DECK
    from studyapp.core.store import open_store

    clock = FakeClock(cards.NOW)
    store = open_store(data, "bench", clock=clock)
    store.reviews.tz = None
    col = Collection(str(anki_path))
    try:
        store.reviews.deck_counts()
        anki_side.deck_counts(col)
        store.reviews.next_card(REPORT_DECK)  # fsrs loads at the first card, as in the app
        ratings = random.Random(7)

        def study_ours(rating: int) -> tuple[float, float]:
            start = time.perf_counter()
            card = store.reviews.next_card(REPORT_DECK)
            middle = time.perf_counter()
            assert card is not None
            clock.advance(seconds=6)
            store.reviews.answer(card.key, rating, 6000)
            return middle - start, time.perf_counter() - middle

        def study_anki(rating: int) -> tuple[float, float]:
            start = time.perf_counter()
            queued = anki_side.next_card(col)
            middle = time.perf_counter()
            anki_side.answer(col, queued, rating)
            return middle - start, time.perf_counter() - middle

        def counts_ours() -> float:
            start = time.perf_counter()
            store.reviews.deck_counts()
            return time.perf_counter() - start

        def counts_anki() -> float:
            start = time.perf_counter()
            anki_side.deck_counts(col)
            return time.perf_counter() - start

        for round_number in range(ROUNDS):
            rating = ratings.choice((1, 3, 3, 3, 4))
            # Each side goes first in every other round: the first to commit after the
            # counts pays for what the disk queued meanwhile, and the first to run meets
            # the other's caches.
            if round_number % 2 == 0:
                ours, theirs = study_ours(rating), study_anki(rating)
                ours_counts, theirs_counts = counts_ours(), counts_anki()
            else:
                theirs, ours = study_anki(rating), study_ours(rating)
                theirs_counts, ours_counts = counts_anki(), counts_ours()
            for index, name in enumerate(("anki_next_card", "anki_answer")):
                times[name][0].append(ours[index])
                times[name][1].append(theirs[index])
            times["anki_warm_counts"][0].append(ours_counts)
            times["anki_warm_counts"][1].append(theirs_counts)
        for _ in range(OPTIMISER_ROUNDS):
            start = time.perf_counter()
            items = store.reviews.optimise().items
            middle = time.perf_counter()
            anki_items = anki_side.optimise(col)
            end = time.perf_counter()
            times["anki_optimise"][0].append((middle - start) / items)
            times["anki_optimise"][1].append((end - middle) / anki_items)
    finally:
        col.close()
        store.close()


def _get(name: str) -> Result:
    if name not in _RESULTS:
        _measure_all()
    return _RESULTS[name]


def next_card() -> Result:
    return _get("anki_next_card")


def answer() -> Result:
    return _get("anki_answer")


def first_counts() -> Result:
    return _get("anki_first_counts")


def open_profile() -> Result:
    return _get("anki_open")


def optimise() -> Result:
    return _get("anki_optimise")


def warm_counts() -> Result:
    return _get("anki_warm_counts")


if __name__ == "__main__":
    # python -m benchmarks.vs_anki [--small]: all six, --small on 2,000 cards for a quick look
    if "--small" in sys.argv:
        cards.CARDS, cards.REVIEWS = 2000, 20_000
    for target_name in TARGETS:
        print(_get(target_name))
