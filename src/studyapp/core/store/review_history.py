"""The review log as the FSRS optimiser reads it (ReviewsService.history)."""

from __future__ import annotations

import json
import random
from bisect import bisect_right
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import iso
from studyapp.core.scheduling import CardHistory
from studyapp.core.studyday import StudyDay


def review_history(db: Database, days: StudyDay, max_items: int | None = None
                   ) -> list[CardHistory]:
    """Graded reviews card by card (ordered by card key), each card's as its learner's
    days and grades in the order they happened (for the optimiser). With ``max_items``:
    the reviews of cards drawn at random (seeded) until they give about that many
    training items (one per review after a card's first)."""
    # Two subqueries: SQLite reads a lone min() or max() off the index, both together
    # in one SELECT scan the whole table.
    bounds = db.execute(
        "SELECT (SELECT min(reviewed_at) FROM review_log), "
        "(SELECT max(reviewed_at) FROM review_log)").fetchone()
    if not bounds or bounds[0] is None:
        return []
    # The learner's day starts over the whole span, as stored text (ISO UTC sorts).
    first = datetime.fromisoformat(bounds[0]).astimezone(UTC)
    last = datetime.fromisoformat(bounds[1]).astimezone(UTC)
    start, end = days.bounds(first)
    starts = [iso(start)]
    while end <= last:
        starts.append(iso(end))
        end = days.bounds(end)[1]
    # The covering index (card_key, reviewed_at, rating) gives the rows in this order.
    query = ("SELECT card_key, rating, reviewed_at FROM review_log "
             "ORDER BY card_key, reviewed_at")
    params: list[Any] = []
    if max_items is not None:
        # A card's review count is its reps (kept with every grade and undo).
        counts = db.execute(
            "SELECT card_key, reps FROM card_state WHERE reps > 0 ORDER BY card_key"
        ).fetchall()
        if sum(n - 1 for _key, n in counts) > max_items:
            random.Random(2023).shuffle(counts)
            chosen, total = [], 0
            for key, n in counts:
                if total >= max_items:
                    break
                chosen.append(key)
                total += n - 1
            query = ("SELECT card_key, rating, reviewed_at FROM review_log WHERE card_key "
                     "IN (SELECT value FROM json_each(?)) ORDER BY card_key, reviewed_at")
            params = [json.dumps(chosen)]
    # One pass over plain rows (a million take about a second): a card's lists are
    # filled until its key changes.
    cards: list[CardHistory] = []
    previous = None
    card_days: list[int] = []
    ratings: list[int] = []
    for card_key, rating, reviewed_at in db.execute(query, params):
        if card_key != previous:
            previous = card_key
            card_days, ratings = [], []
            cards.append((card_days, ratings))
        card_days.append(bisect_right(starts, reviewed_at))
        ratings.append(rating)
    return cards
