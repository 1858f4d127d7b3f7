"""The Anki side of benchmarks/vs_anki.py: the same generated history in an Anki collection.

Needs the `anki` package (``pip install -e ".[bench]"``), never the app. The cards, their
states and their review histories come from benchmarks.cards' generator (same seed, same
order), moved from its fixed NOW to the real clock (Anki reads the system time): a card
due N days after NOW is due N days after today here. FSRS is on; limits, steps, retention
and the day's start are the app's defaults (20 new, 200 reviews, 1m 10m, 10m, 90%, 04:00).
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import cards as generator

DAY = 86400


def _keys() -> list[str]:
    """The card keys in big_profile()'s order (the store's card_key order)."""
    per_set = generator.CARDS // 4
    return sorted(f"bench-{n}/c{i}" for n in range(4) for i in range(per_set))


def build(path: Path) -> None:
    """Makes the collection at ``path`` (a new file)."""
    from anki.collection import AddNoteRequest, Collection

    path.parent.mkdir(parents=True, exist_ok=True)
    col = Collection(str(path))
    col.set_config("rollover", 4)
    col.set_config("fsrs", True)
    conf = col.decks.config_dict_for_deck_id(1)
    conf["new"]["perDay"] = 20
    conf["rev"]["perDay"] = 200
    conf["new"]["delays"] = [1.0, 10.0]
    conf["lapse"]["delays"] = [10.0]
    conf["desiredRetention"] = 0.9
    col.decks.update_config(conf)
    model = col.models.by_name("Basic")
    assert model is not None
    sets = {s.id: s for s in generator._sets()}
    decks: dict[str, int] = {}
    requests = []
    for key in _keys():
        set_id, item_id = key.split("/")
        card = sets[set_id].cards[int(item_id[1:])]
        deck_name = f"Benchmark::{sets[set_id].title}::{card.section}"
        if deck_name not in decks:
            decks[deck_name] = int(col.decks.id(deck_name) or 0)
        note = col.new_note(model)
        note["Front"], note["Back"] = card.front, card.back
        note.tags = list(card.tags)
        requests.append(AddNoteRequest(note=note, deck_id=decks[deck_name]))
    col.add_notes(requests)
    # Study the whole collection's parent deck, as the app studies "The whole report".
    col.decks.select(col.decks.id("Benchmark"))
    today = col.sched.today
    col.close()
    _write_history(path, today)


def _write_history(path: Path, today: int) -> None:
    """Card states and the review log, written straight into the collection's tables."""
    rng = random.Random(2026)
    keys = _keys()
    shuffled = list(keys)
    rng.shuffle(shuffled)
    states, logs = generator._histories(shuffled, rng)
    shift = time.time() - generator.NOW.timestamp()
    now = time.time()
    conn = sqlite3.connect(path)
    ids = [row[0] for row in conn.execute("SELECT id FROM cards ORDER BY nid")]
    card_id = dict(zip(keys, ids, strict=True))
    updates = []
    for due, stability, difficulty, state, _step, reps, lapses, _last, suspended, key in states:
        due_at = datetime.fromisoformat(due).timestamp() + shift
        if state == 2:
            kind, queue, due_value = 2, 2, today + int((due_at - now) // DAY)
            interval = max(1, round(stability))
        else:
            kind, queue, due_value, interval = state, 1, int(due_at), 0
        updates.append((kind, -1 if suspended else queue, due_value, interval, reps, lapses,
                        json.dumps({"s": stability, "d": difficulty, "dr": 0.9}),
                        card_id[key]))
    seen: set[str] = set()
    used: set[int] = set()
    rows = []
    for key, rating, reviewed_at, duration, _state, _before in logs:
        moment = int((datetime.fromisoformat(reviewed_at).timestamp() + shift) * 1000)
        while moment in used:
            moment += 1
        used.add(moment)
        rows.append((moment, card_id[key], rating, duration, 1 if key in seen else 0))
        seen.add(key)
    with conn:
        conn.executemany("UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, reps = ?, "
                         "lapses = ?, data = ? WHERE id = ?", updates)
        conn.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, "
                         "type) VALUES (?, ?, 0, ?, 0, 0, 0, ?, ?)", rows)
    conn.close()


def next_card(col: Any) -> Any:
    """The reviewer's next card with its four next states (Anki computes them with it)."""
    return col.sched.get_queued_cards(fetch_limit=1).cards[0]


def answer(col: Any, queued: Any, rating: int) -> None:
    from anki.cards import Card
    from anki.scheduler_pb2 import CardAnswer

    card = Card(col, backend_card=queued.card)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(
        card=card, states=queued.states, rating=CardAnswer.Rating.ValueType(rating - 1)))


def deck_counts(col: Any) -> Any:
    return col.sched.deck_due_tree()


def optimise(col: Any) -> int:
    """Fits FSRS to the whole collection's history; returns the training items used.

    Inside this clock (Anki 26.09, rslib/src/scheduler/fsrs/params.rs compute_params):
    the revlog read in card order, the items built and sorted, fsrs-rs' training with each
    item's card id (per-card batches: a card's reviews run through once for all of its
    items) for 8 epochs, then the current and the fitted parameters each evaluated on all
    items. StudyApp's side trains the same way (card ids, 8 epochs); trained per item (no
    card ids, fsrs-rs' 5 epochs) it took about three times as long on the same items
    (0.50 s against 0.17 s for the benchmark's 199,214)."""
    response = col._backend.compute_fsrs_params(
        search="", current_params=[], ignore_revlogs_before_ms=0, num_of_relearning_steps=1,
        health_check=False)
    return int(response.fsrs_items)
