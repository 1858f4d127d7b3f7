"""The review log as the FSRS optimiser reads it (ReviewsService.history)."""

from __future__ import annotations

import json
import random
from bisect import bisect_left, bisect_right
from datetime import UTC, datetime
from itertools import accumulate, repeat
from operator import sub

from sqlite_utils import Database

from studyapp.core.clock import iso
from studyapp.core.scheduling import ReviewHistory
from studyapp.core.studyday import StudyDay

# Grades 1 to 4 only: fsrs-rs refuses any other (Anki's optimiser skips them too), and
# each card's grades come back as one string of digits.
_GRADED = "rating BETWEEN 1 AND 4"
_DIGITS = bytes.maketrans(b"1234", b"\x01\x02\x03\x04")


def review_history(db: Database, days: StudyDay, max_items: int | None = None
                   ) -> ReviewHistory:
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
        return ReviewHistory()
    # The learner's day starts over the whole span, as stored text (ISO UTC sorts).
    first = datetime.fromisoformat(bounds[0]).astimezone(UTC)
    last = datetime.fromisoformat(bounds[1]).astimezone(UTC)
    start, end = days.bounds(first)
    starts = [iso(start)]
    while end <= last:
        starts.append(iso(end))
        end = days.bounds(end)[1]
    where = _GRADED
    params: list[str] = []
    if max_items is not None:
        chosen = _drawn_cards(db, max_items)
        if chosen is not None:
            where = f"card_key IN (SELECT value FROM json_each(?)) AND {_GRADED}"
            params = [json.dumps(chosen)]
    # One row per card, its moments and its grades each as one text, in the covering
    # index's order (card_key, reviewed_at, rating): no sort, and few Python objects.
    rows = db.execute(
        "SELECT group_concat(reviewed_at), group_concat(rating, '') FROM review_log "
        f"WHERE {where} GROUP BY card_key", params).fetchall()
    if not rows:
        return ReviewHistory()
    moments, grades = zip(*rows, strict=True)
    return ReviewHistory(
        days=list(map(bisect_right, repeat(starts), ",".join(moments).split(","))),
        ratings="".join(grades).encode("ascii").translate(_DIGITS),
        lengths=list(map(len, grades)))


def _drawn_cards(db: Database, max_items: int) -> list[str] | None:
    """The cards whose reviews give about ``max_items`` items, drawn at random (seeded);
    None when all of them give no more than that. The draw: the cards in key order,
    shuffled by random.Random(2023), taken until their reviews after the first reach
    ``max_items`` (a card's review count is its reps, kept with every grade and undo)."""
    keys_json, reps_text = db.execute(
        "SELECT json_group_array(card_key), group_concat(reps) FROM "
        "(SELECT card_key, reps FROM card_state WHERE reps > 0 ORDER BY card_key)").fetchone()
    if reps_text is None:
        return None
    keys: list[str] = json.loads(keys_json)
    reps = list(map(int, reps_text.split(",")))
    if sum(reps) - len(reps) <= max_items:
        return None
    # Shuffling the positions moves them as shuffling the cards would (the same draws).
    order = list(range(len(reps)))
    random.Random(2023).shuffle(order)
    # Cards are taken while the items so far (reviews after each card's first) are
    # fewer than max_items.
    totals = list(map(sub, accumulate(map(reps.__getitem__, order)), range(1, len(order) + 1)))
    taken = bisect_left(totals, max_items) + (max_items > 0)
    return [keys[i] for i in order[:taken]]

