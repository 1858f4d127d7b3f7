"""The review log as the FSRS optimiser reads it (ReviewsService.history)."""

from __future__ import annotations

import json
import random
import sqlite3
from bisect import bisect_left, bisect_right
from datetime import UTC, datetime
from itertools import accumulate, repeat
from operator import sub
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import iso
from studyapp.core.scheduling import ReviewHistory
from studyapp.core.studyday import StudyDay

# Grades 1 to 4 only: fsrs-rs refuses any other (Anki's optimiser skips them too), and
# each card's grades come back as one string of digits.
_GRADED = "rating BETWEEN 1 AND 4"
DAY = 86400  # seconds
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
    # The learner's day starts over the whole span, and where the last day ends.
    first = datetime.fromisoformat(bounds[0]).astimezone(UTC)
    last = datetime.fromisoformat(bounds[1]).astimezone(UTC)
    start, end = days.bounds(first)
    starts = [start]
    while end <= last:
        starts.append(end)
        end = days.bounds(end)[1]
    where = _GRADED
    params: list[Any] = []
    if max_items is not None:
        chosen = _drawn_cards(db, max_items)
        if chosen is not None:
            where = f"card_key IN (SELECT value FROM json_each(?)) AND {_GRADED}"
            params = [json.dumps(chosen)]
    # One row per card, its days and its grades each as one text, in the covering index's
    # order (card_key, reviewed_at, rating): no sort, and few Python objects.
    day, day_params = _day_number(starts, end)
    query = ("SELECT group_concat({}), group_concat(rating, '') FROM review_log "
             f"WHERE {where} GROUP BY card_key")
    rows = db.execute(query.format(day), day_params + params).fetchall()
    if not rows:
        return ReviewHistory()
    texts, grades = zip(*rows, strict=True)
    try:
        day_numbers = list(map(int, ",".join(texts).split(",")))
    except ValueError:  # a moment SQLite cannot read: each compared as text, as stored
        texts = next(zip(*db.execute(query.format("reviewed_at"), params), strict=True))
        day_numbers = list(map(bisect_right, repeat([iso(s) for s in starts]),
                               ",".join(texts).split(",")))
    return ReviewHistory(days=day_numbers,
                         ratings="".join(grades).encode("ascii").translate(_DIGITS),
                         lengths=list(map(len, grades)))


def _day_number(starts: list[datetime], end: datetime) -> tuple[str, list[Any]]:
    """SQL for the day number of a review_log row (how many of ``starts`` are at or before
    its moment; ``end``: where the last day ends), with its parameters; '?' for a moment
    SQLite cannot read. Days of 24 hours in a row are one stretch, counted by division;
    a day the clocks change is a stretch of its own; each stretch is found by comparing
    the stored text with its first day's start."""
    moment = ("unixepoch(reviewed_at)" if sqlite3.sqlite_version_info >= (3, 38)
              else "CAST(strftime('%s', reviewed_at) AS INTEGER)")
    seconds = [int(start.timestamp()) for start in starts] + [int(end.timestamp())]
    stretches: list[tuple[int, bool]] = []  # (first day, 24 hours long)
    for number in range(len(starts)):
        plain = seconds[number + 1] - seconds[number] == DAY
        if not (stretches and plain and stretches[-1][1]):
            stretches.append((number, plain))
    parts: list[str] = []
    params: list[Any] = []
    for index, (number, plain) in enumerate(stretches):
        if index + 1 < len(stretches):
            parts.append("WHEN reviewed_at < ? THEN")
            params.append(iso(starts[stretches[index + 1][0]]))
        else:
            parts.append("ELSE")
        if plain:
            parts.append(f"({moment} - ?) / {DAY} + ?")
            params += [seconds[number], number + 1]
        else:
            parts.append("?")
            params.append(number + 1)
    if len(stretches) == 1:  # no WHEN: the ELSE alone
        return f"ifnull({' '.join(parts[1:])}, '?')", params
    return f"ifnull(CASE {' '.join(parts)} END, '?')", params


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

