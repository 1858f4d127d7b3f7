"""One deck's queue for the learner's day, kept in memory between cards.

The queue query (reviews.py's ``next_card`` with ``ahead``) asks, per state, for the free
card that comes first in its index order. Asking that of SQLite for every card cost more
than showing the card; here each state's list is read once (the first rows of the same
ordered query), and the service's own writes move the cards they change (``change``).
Anything else that changes cards (an import, another process, the next day) makes the
service drop the queue and read it again.

A list holds the first rows of its query; ``complete`` says there are no more. A card
that would sort after the last row of an incomplete list is left out (the rows before it
are still the query's first rows), and a list whose free rows run out is read again.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from functools import partial
from typing import Any

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
FIRST_ROWS = 64  # rows read per list at first; doubled when a list runs out

# A row of a list: its order, then the card's key, then buried_until (the order of a state
# list is due, rowid; of the new list position, grp, buried_until with NULL first, rowid,
# as the card_state_state and card_state_new indexes give them). Keys are unique, so two
# rows never compare past the key.
Row = tuple[Any, ...]


def row_of(state_row: dict[str, Any]) -> Row:
    """The list row of a card_state row (with its rowid, position and card_key)."""
    buried = state_row["buried_until"]
    if state_row["state"] == NEW:
        return (state_row["position"], state_row["grp"], buried is not None, buried or "",
                state_row["rowid"], state_row["card_key"], buried)
    return (state_row["due"], state_row["rowid"], state_row["card_key"], buried)


class _List:
    def __init__(self, fetch: Callable[[int], list[Row]]) -> None:
        self._fetch = fetch
        self._limit = FIRST_ROWS
        self.rows = fetch(self._limit)
        self.complete = len(self.rows) < self._limit

    def first_free(self, now: str) -> Row | None:
        """The first row not buried at ``now``; None when there is none."""
        while True:
            for row in self.rows:
                if row[-1] is None or row[-1] <= now:
                    return row
            if self.complete:
                return None
            self._limit *= 2
            self.rows = self._fetch(self._limit)
            self.complete = len(self.rows) < self._limit

    def remove(self, row: Row) -> None:
        at = bisect_left(self.rows, row)
        if at < len(self.rows) and self.rows[at][-2] == row[-2]:
            del self.rows[at]

    def add(self, row: Row) -> None:
        if self.complete or (self.rows and row < self.rows[-1]):
            insort(self.rows, row)


class DayQueue:
    """The day's queue of one deck: ``members`` its groups, ``end`` the day's end (ISO UTC);
    ``fetch(state, limit)`` reads the first rows of a state's list (reviews: due before
    ``end``) for the deck's free cards (not suspended, not retired)."""

    def __init__(self, members: set[int], end: str,
                 fetch: Callable[[int, int], list[Row]]) -> None:
        self.members = members
        self.end = end
        self._lists = {state: _List(partial(fetch, state))
                       for state in (NEW, LEARNING, REVIEW, RELEARNING)}

    def next_key(self, now: str, learn_ahead: str, new_left: bool, reviews_left: bool
                 ) -> str | None:
        """The card to show (as next_card's query picks it), None when there is none."""
        learning = self._learning(now)
        if learning is not None:
            return learning
        if reviews_left:
            row = self._lists[REVIEW].first_free(now)
            if row is not None:
                return str(row[-2])
        if new_left:
            row = self._lists[NEW].first_free(now)
            if row is not None:
                return str(row[-2])
        return self._learning(learn_ahead, now)

    def _learning(self, bound: str, now: str | None = None) -> str | None:
        """The learning or relearning card due first by ``bound``: each state's first
        row, then the earlier due (the lower key on a tie)."""
        best: tuple[str, str] | None = None
        for state in (LEARNING, RELEARNING):
            row = self._lists[state].first_free(now or bound)
            if row is not None and row[0] <= bound and (best is None or (row[0], row[2]) < best):
                best = (row[0], row[2])
        return best[1] if best else None

    def change(self, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Moves a card the service wrote (card_state rows before and after, with rowid,
        position, card_key, grp, retired)."""
        for state_row, add in ((before, False), (after, True)):
            if (state_row["grp"] not in self.members or state_row["suspended"]
                    or state_row["retired"]):
                continue
            state = state_row["state"]
            if state != NEW and not state_row["due"] or (
                    state == REVIEW and not state_row["due"] < self.end):
                continue  # (learning rows without a due date are never picked)
            target = self._lists.get(state)
            if target is None:
                continue
            row = row_of(state_row)
            if add:
                target.add(row)
            else:
                target.remove(row)
