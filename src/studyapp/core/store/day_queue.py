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

import json
import sqlite3
from bisect import bisect_left, insort
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from studyapp.core.scheduling import Memory

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
FIRST_ROWS = 64  # rows read per list at first; doubled when a list runs out

# A row of a list: its order, then the card's key, then buried_until (the order of a state
# list is due, rowid; of the new list position, grp, buried_until with NULL first, rowid,
# as the card_state_new index gives them). Keys are unique, so two rows never compare
# past the key.
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

    def next_key(self, now: str, learn_ahead: Callable[[], str], new_left: bool,
                 reviews_left: bool) -> str | None:
        """The card to show (as next_card's query picks it), None when there is none.
        ``learn_ahead`` gives the bound for learning cards due soon (asked last, so only
        when nothing is due now)."""
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
        return self._learning(learn_ahead(), now)

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


# A card's card_state row as a grade reads it before writing (its state, to go back to on
# an undo, and where the queue and the counts hold it).
STATE_COLUMNS = ("card_key", "due", "stability", "difficulty", "state", "step", "reps",
                 "lapses", "last_review", "fsrs_json", "suspended", "buried_until", "flag",
                 "leech", "retired", "grp", "position", "rowid")
# A card as the review screen shows it (card_state s joined with cards c): its state row,
# then the card.
CARD_COLUMNS = ", ".join(f"s.{column}" for column in STATE_COLUMNS) + (
    ", s.set_id, s.item_id, c.section_id, c.front, c.back, c.explanation, c.evidence, c.tags")
_FRONT = len(STATE_COLUMNS) + 3  # where the card's front is in a row of CARD_COLUMNS
# A row of CARD_COLUMNS parsed: the StudyCard's fields but tags (a tuple), buried_until, and
# the state row (the first columns as they are).
CardParts = tuple[str, str, str, str | None, str, str, str, str, tuple[str, ...], Memory,
                  int, int, int, str | None, tuple[Any, ...]]


def moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def memory_of(state: dict[str, Any]) -> Memory:
    """The scheduler's view of a card_state row (as a dict of its columns)."""
    return Memory(
        state=state["state"], step=state["step"], stability=state["stability"],
        difficulty=state["difficulty"], due=moment(state["due"]),
        last_review=moment(state["last_review"]), reps=state["reps"], lapses=state["lapses"],
    )


def card_parts(row: tuple[Any, ...]) -> CardParts:
    """A row of CARD_COLUMNS parsed."""
    (key, due, stability, difficulty, state, step, reps, lapses, last_review, _fsrs_json,
     suspended, buried_until, flag, leech, _retired, _grp, _position, _rowid, set_id, item_id,
     section_id, front, back, explanation, evidence, tags) = row
    memory = Memory(state=state, step=step, stability=stability, difficulty=difficulty,
                    due=moment(due), last_review=moment(last_review), reps=reps,
                    lapses=lapses)
    return (key, set_id, item_id, section_id, front, back, explanation, evidence,
            tuple(str(t) for t in json.loads(tags or "[]")), memory, flag, leech, suspended,
            buried_until, row[:len(STATE_COLUMNS)])


def read_queue(conn: sqlite3.Connection, members: list[int], end: str,
               parts: dict[str, CardParts]) -> DayQueue:
    """The queue of the deck of ``members`` (group numbers) for the day ending at ``end``;
    the cards its lists read go into ``parts`` (by key), parsed."""
    # The deck's groups as one list (SQLite makes it an index once per statement): four
    # statements, so no need for the temp table of every deck's members. The unary + keeps
    # the planner on the queue's order (driving the search from the groups' index instead
    # took 0.18 s on a 100,000-card profile).
    params = {"groups": json.dumps(members), "end": end}
    free = "s.suspended = 0 AND s.retired = 0 AND +s.grp IN (SELECT value FROM json_each(:groups))"

    def fetch(state: int, limit: int) -> list[Row]:
        if state == NEW:
            size, where = 7, "s.state = 0"
            order = ("s.position, s.grp, s.buried_until IS NOT NULL, "
                     "coalesce(s.buried_until, ''), s.rowid, s.card_key, s.buried_until")
            by = "s.position, s.grp, s.buried_until, s.rowid"
        else:
            size = 4
            where = f"s.state = {state} AND " + (
                "s.due < :end" if state == REVIEW else "s.due IS NOT NULL")
            order, by = "s.due, s.rowid, s.card_key, s.buried_until", "s.due, s.rowid"
        rows = []
        for row in conn.execute(
                f"SELECT {order}, {CARD_COLUMNS} FROM card_state s LEFT JOIN cards c "
                f"ON c.set_id = s.set_id AND c.id = s.item_id WHERE {where} AND {free} "
                f"ORDER BY {by} LIMIT :limit", {**params, "limit": limit}):
            rows.append(row[:size])
            if row[size + _FRONT] is not None:  # its cards row exists
                parts[row[size]] = card_parts(row[size:])
        return rows

    return DayQueue(set(members), end, fetch)
