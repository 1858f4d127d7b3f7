"""Flashcard reviews: the decks, the day's queue, grading, undo, and the card's own state.

Every card has a ``card_state`` row (new cards too: triggers keep it in step with the
``cards`` table, see migration m004). The queue is read from that table's indexes once a
day per deck and kept in memory (day_queue.py), moved by this service's own writes and
read again after anyone else's; it survives a restart by construction. Every grade
writes the card's new state and its review-log row (with the state before it, for an
exact undo) in one transaction.

Times are stored in UTC; the learner's day starts at ``day_starts_at`` local time, in the
time zone ``tz`` (None: the computer's own).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from itertools import repeat
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.collector import collector_paused
from studyapp.core.decks import RELATIONSHIPS_DECK, CardGroup, Deck
from studyapp.core.messages import msg
from studyapp.core.report import Report
from studyapp.core.scheduling import (
    LEARN_AHEAD,
    MAX_OPTIMISER_ITEMS,
    MIN_REVIEWS_TO_OPTIMISE,
    NEW,
    REVIEW,
    STATE_NAMES,
    Memory,
    OptimiseResult,
    Outcome,
    ReviewHistory,
    ReviewSettings,
    Scheduler,
    card_number,
    optimise,
)
from studyapp.core.store.checks import StoreError
from studyapp.core.store.day_queue import CARD_COLUMNS as _CARD_COLUMNS
from studyapp.core.store.day_queue import (
    STATE_COLUMNS,
    CardParts,
    DayQueue,
    card_parts,
    memory_of,
    read_queue,
)
from studyapp.core.store.deck_list import DeckList
from studyapp.core.store.review_history import review_history
from studyapp.core.store.service import Service
from studyapp.core.store.wal_watch import ChangeMark
from studyapp.core.studyday import StudyDay

# The scheduling columns of card_state: what a grade changes and an undo puts back.
_MEMORY_COLUMNS = ("due", "stability", "difficulty", "state", "step", "reps", "lapses",
                   "last_review", "fsrs_json", "suspended", "buried_until", "flag", "leech")
_FREE = "suspended = 0 AND retired = 0 AND (buried_until IS NULL OR buried_until <= :now)"
# A deck's cards: a lookup per row in this connection's temp table of deck members (the
# queue index gives rows in order, so a queue query stops at the deck's first card).
_IN_DECK = ("EXISTS (SELECT 1 FROM temp.deck_members m WHERE m.deck = :deck "
            "AND m.grp = {table}grp)")
_AVAILABLE = f"{_FREE} AND {_IN_DECK.format(table='card_state.')}"
_ZEROS = repeat(0)  # the default of dict.get in map(counts.get, groups, _ZEROS)


@dataclass(frozen=True)
class DeckCounts:
    """What is left today: new cards (within the daily limit), learning, reviews due."""

    new: int = 0
    learning: int = 0
    review: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass
class StudyCard:
    key: str
    set_id: str
    item_id: str
    section_id: str | None
    front: str
    back: str
    explanation: str
    evidence: str
    tags: list[str]
    memory: Memory
    flag: int = 0
    leech: bool = False
    suspended: bool = False
    buried: bool = False
    previews: dict[int, Outcome] = field(default_factory=dict)
    shown_at: datetime | None = None


@dataclass(frozen=True)
class Answer:
    review_id: int
    card_key: str
    rating: int
    outcome: Outcome
    became_leech: bool  # this grade made the card a leech (say so once)
    suspended: bool  # ... and suspended it, as the learner chose


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    rating: int
    reviewed_at: str
    duration_ms: int | None
    state: int | None  # the card's state when it was graded


@dataclass(frozen=True)
class CardInfo:
    card: StudyCard
    reviews: list[ReviewRecord]
    retrievability: float | None
    total_ms: int


@dataclass(frozen=True)
class BrowseRow:
    key: str
    front: str
    back: str
    state: str  # new, learning, review, relearning
    due: str  # ISO UTC; "" for new cards
    suspended: bool
    buried: bool
    flag: int
    leech: bool


class ReviewsService(Service):
    def __init__(self, db: Database, clock: Clock, tz: tzinfo | None = None,
                 report: Report | None = None) -> None:
        self.db = db
        self.clock = clock
        # The profile's study day (the store hands this one object to progress and quizzes);
        # its start hour is read from this service's settings, the one place it is set.
        self.days = StudyDay(clock, tz, starts_at=self._day_start)
        self._report = report
        self._deck_list = DeckList(db, self._report_or_load)
        self._mark = ChangeMark()  # who wrote to the profile since it last looked
        self._decks_checked = False  # the decks' fingerprint was read since the mark moved
        self._queues: dict[str, DayQueue] = {}  # deck id -> its queue today (with counts)
        # The cards at the head of the queues, read with them and parsed (so the next card
        # needs no look-up of its own); a card the service writes leaves it.
        self._card_parts: dict[str, CardParts] = {}
        self._bounds: tuple[datetime, datetime, Any] | None = None  # today's, and the rules
        # The day's counts (and queues), kept up to date by this service's own writes and
        # computed afresh when the day, the sets or the settings change, or anyone else
        # wrote (_check_outside).
        self._counts_key: tuple[str | None, str] | None = None  # (fingerprint, day's end)
        # (new, learning, review) available today: each a dict group -> cards.
        self._per_group: tuple[dict[int, int], ...] = ({}, {}, {})
        self._deck_totals: dict[str, list[int]] | None = None  # their sums per deck
        self._done: dict[int, int] = {}  # reviews today by the state graded: 0 new, 2 review
        self._day_text: tuple[str, str] = ("", "")
        self._scheduler: Scheduler | None = None
        self._settings: ReviewSettings | None = None

    # -- settings ------------------------------------------------------------------------
    def settings(self) -> ReviewSettings:
        if self._settings is None:
            data = {row["key"]: json.loads(row["value"])
                    for row in self.db.query("SELECT key, value FROM review_settings")}
            self._settings = ReviewSettings.from_dict(data)
        return self._settings

    def _day_start(self) -> int:
        return (self._settings or self.settings()).day_starts_at

    def save_settings(self, settings: ReviewSettings) -> None:
        problems = settings.problems()
        if problems:
            raise StoreError(" ".join(problems))
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO review_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v)) for k, v in settings.to_dict().items()],
            )
        self._settings = settings
        self._scheduler = None
        self._counts_key = None

    def scheduler(self) -> Scheduler:
        if self._scheduler is None:
            self._scheduler = Scheduler(self.settings())
        return self._scheduler

    @property
    def tz(self) -> tzinfo | None:
        """The learner's time zone (None: the computer's), shared by every service."""
        return self.days.tz

    @tz.setter
    def tz(self, tz: tzinfo | None) -> None:
        self.days.tz = tz
        self._counts_key = None

    def day(self, now: datetime | None = None) -> tuple[datetime, datetime]:
        """The UTC bounds of the learner's day now."""
        return self.days.bounds(now)

    # -- decks ---------------------------------------------------------------------------
    def _check_outside(self) -> None:
        """Drops what another writer may have made stale: after another connection's
        commit (cards graded elsewhere) or a write on this one that was not this service's
        (an import), the counts and queues are computed again and the decks' fingerprint
        is read again."""
        if self._mark.moved(self.db.conn):
            self._counts_key = None
            self._decks_checked = False

    def release(self) -> None:
        """Lets go of the shared memory it watches (before the connection closes)."""
        self._mark.watch.close()

    def _wrote(self) -> None:
        """After this service's own write (its caches already moved with it)."""
        self._mark.wrote(self.db.conn)

    def _deck_data(self, counted: tuple[dict[int, int], ...] = ()
                   ) -> tuple[list[Deck], list[CardGroup]]:
        self._check_outside()
        if not self._decks_checked:
            self._deck_list.refresh(counted)
            self._decks_checked = True
        return self._deck_list.decks, self._deck_list.groups

    def _member_ids(self) -> dict[str, list[int]]:
        self._deck_data()
        return self._deck_list.members()

    def _report_or_load(self) -> Report:
        if self._report is None:
            from studyapp.core.report import load_report

            self._report = load_report()
        return self._report

    def decks(self) -> list[Deck]:
        return self._deck_data()[0]

    def deck(self, deck_id: str) -> Deck:
        for deck in self.decks():
            if deck.id == deck_id:
                return deck
        if deck_id == RELATIONSHIPS_DECK:
            return self.decks()[0]
        raise StoreError(msg("There is no deck '{id}' in this profile.", id=deck_id).render())

    def _deck_param(self, deck_id: str) -> str:
        """The deck's id for the queries' ``:deck`` (its members are in the temp table)."""
        members = self._member_ids()
        if deck_id not in members:
            raise StoreError(msg("There is no deck '{id}' in this profile.", id=deck_id).render())
        self._deck_list.make_members_table()
        return deck_id

    def _fresh_counts(self, now: datetime) -> tuple[datetime, datetime]:
        """Brings the day's cached counts up to date; returns the day's bounds."""
        self._check_outside()
        rules = self.days.rules()
        bounds = self._bounds
        if (self._decks_checked and bounds is not None and self._counts_key is not None
                and bounds[2] == rules and self._counts_key[0] == self._deck_list.fingerprint
                and bounds[0] <= now < bounds[1]):
            return bounds[0], bounds[1]  # the same day, nothing changed
        start, end = self.day(now)
        self._bounds = (start, end, rules)
        counts = None
        if self._counts_key is None or self._counts_key[1] != iso(end):
            # Counted before the deck list is checked: the groups counted are in use.
            counts = self._group_counts(now, end)
        self._deck_data(counts or ())
        key = (self._deck_list.fingerprint, iso(end))
        if key != self._counts_key:
            self._per_group = counts if counts is not None else self._group_counts(now, end)
            self._deck_totals = None
            self._done = dict(self.db.execute(
                "SELECT state, count(*) FROM review_log WHERE reviewed_at >= ? "
                "AND state IN (0, 2) GROUP BY state", [iso(start)]).fetchall())
            self._day_text = (iso(start), iso(end))
            self._counts_key = key
            self._queues = {}
            self._card_parts = {}
        return start, end

    def _left_today(self) -> tuple[int, int]:
        """(new, reviews) the daily limits still allow (after _fresh_counts)."""
        settings = self._settings or self.settings()
        return (max(0, settings.new_per_day - self._done.get(NEW, 0)),
                max(0, settings.reviews_per_day - self._done.get(REVIEW, 0)))

    def new_left_today(self) -> int:
        """How many new cards the daily limit still allows today."""
        self._fresh_counts(self.clock())
        return self._left_today()[0]

    def _group_counts(self, now: datetime, day_end: datetime) -> tuple[dict[int, int], ...]:
        """Per card group: (new, learning, review) cards available today (before the
        limits), each as a dict group -> cards."""
        params = {"now": iso(now), "end": iso(day_end)}
        # Each kind's cards as one list of their groups, counted here: SQLite's GROUP BY
        # would sort the rows first (21,800 due reviews on a 100k-card profile), which
        # takes longer than reading them all and counting them by hash.
        new, learning, relearning, review = (Counter(json.loads(self.db.execute(
            f"SELECT json_group_array(grp) FROM card_state WHERE {condition} AND {_FREE}",
            params).fetchone()[0])) for condition in (
                "state = 0 AND due = ''", "state = 1 AND due < :end",
                "state = 3 AND due < :end", "state = 2 AND due < :end"))
        learning.update(relearning)  # adds: relearning counts as learning
        return new, learning, review

    def _count_change(self, before: dict[str, Any], after: dict[str, Any], now: str) -> None:
        """Moves a card (graded, undone, suspended...) in the counts and queues kept."""
        self._wrote()
        if self._counts_key is None:
            return
        for queue in self._queues.values():
            queue.change(before, after)
        self._card_parts.pop(before["card_key"], None)
        end = self._day_text[1]
        for row, delta in ((before, -1), (after, 1)):
            if row["retired"] or row["suspended"] or row["grp"] is None or (
                    row["buried_until"] and row["buried_until"] > now):
                continue
            state = row["state"]
            kind = 0 if state == NEW else None
            if state != NEW and row["due"] and row["due"] < end:
                kind = 2 if state == REVIEW else 1
            if kind is not None:
                counts = self._per_group[kind]
                counts[row["grp"]] = counts.get(row["grp"], 0) + delta
                if self._deck_totals is not None:
                    for deck_id in self._deck_list.decks_of(row["grp"]):
                        self._deck_totals[deck_id][kind] += delta

    def _count_review(self, reviewed_at: str, state: int, delta: int) -> None:
        start, end = self._day_text
        if self._counts_key is not None and start <= reviewed_at < end:
            self._done[state] = self._done.get(state, 0) + delta

    def deck_counts(self) -> dict[str, DeckCounts]:
        """New / learning / due for every deck in the list, the daily limits applied."""
        self._fresh_counts(self.clock())
        decks, _groups = self._deck_data()
        new_left, reviews_left = self._left_today()
        totals = self._deck_totals
        if totals is None:  # summed per part of the groups' decks, then per deck
            totals = self._deck_totals = {deck.id: [0, 0, 0] for deck in decks}
            for part, groups in self._deck_list.parts:
                sums = [sum(map(counts.get, groups, _ZEROS)) for counts in self._per_group]
                for deck_id in part:
                    total = totals[deck_id]
                    total[0] += sums[0]
                    total[1] += sums[1]
                    total[2] += sums[2]
        return {deck_id: DeckCounts(min(new, new_left), learning, min(review, reviews_left))
                for deck_id, (new, learning, review) in totals.items()}

    def counts(self, deck_id: str) -> DeckCounts:
        """What is left today in one deck."""
        self._fresh_counts(self.clock())
        members = self._member_ids()
        if deck_id not in members:
            raise StoreError(msg("There is no deck '{id}' in this profile.", id=deck_id).render())
        groups = members[deck_id]
        new, learning, review = (sum(map(counts.get, groups, _ZEROS))
                                 for counts in self._per_group)
        new_left, reviews_left = self._left_today()
        return DeckCounts(min(new, new_left), learning, min(review, reviews_left))

    # -- the queue -----------------------------------------------------------------------
    def next_card(self, deck_id: str, ahead: bool = False) -> StudyCard | None:
        """The next card to study in the deck now, with its four previews; None when the
        day's work there is done. ``ahead``: study cards due after today (the schedule
        takes the early review into account)."""
        now = self.clock()
        _start, end = self._fresh_counts(now)
        if not ahead:
            now_text = iso(now)
            new_left, reviews_left = self._left_today()
            key = self._day_queue(deck_id, end).next_key(
                now_text, lambda: iso(now + LEARN_AHEAD), new_left > 0, reviews_left > 0)
            if key is None:
                return None
            cached = self._card_parts.get(key)
            card = self.card(key) if cached is None else _card_from(cached, now_text)
            # The service's own attributes, not its guarded methods: one call less each.
            card.previews = (self._scheduler or self.scheduler()).preview(
                card_number(key), card.memory, now)
            card.shown_at = now
            return card
        params: dict[str, Any] = {
            "now": iso(now), "end": iso(end), "deck": self._deck_param(deck_id),
            "ahead": iso(now + LEARN_AHEAD),
        }
        new_left, reviews_left = self._left_today()
        # Studying ahead: the day's queue (DayQueue, which gives the same cards in the same
        # order), then any card due later. Each choice is one or more (state, condition,
        # order) queries; the earliest due of them wins (equal ones by rowid, as the day
        # queue has them). One state per query, so that the queue index yields the order.
        by_due = "due, rowid"
        learning_now = [(1, "due <= :now", by_due), (3, "due <= :now", by_due)]
        choices = [learning_now]
        if reviews_left:
            choices.append([(2, "due < :end", by_due)])
        if new_left:
            choices.append([(0, "1", "position")])
        choices.append([(1, "due <= :ahead", by_due), (3, "due <= :ahead", by_due)])
        choices.append([(1, "1", by_due), (2, "1", by_due), (3, "1", by_due)])
        # One statement for all of them (a LIMIT 1 index search each); the first choice
        # with a card wins.
        parts = [
            f"SELECT * FROM (SELECT {number} AS choice, due, card_key FROM card_state "
            f"WHERE state = {state} AND {condition} AND {_AVAILABLE} ORDER BY {order} LIMIT 1)"
            for number, choice in enumerate(choices) for state, condition, order in choice]
        found = self.db.execute(" UNION ALL ".join(parts), params).fetchall()
        if not found:
            return None
        first = min(row[0] for row in found)
        return self.show(min(row[1:] for row in found if row[0] == first)[1], now)

    def _day_queue(self, deck_id: str, end: datetime) -> DayQueue:
        """The deck's queue today (after _fresh_counts, which drops it when stale)."""
        queue = self._queues.get(deck_id)
        if queue is None:
            members = self._member_ids().get(deck_id)
            if members is None:
                raise StoreError(
                    msg("There is no deck '{id}' in this profile.", id=deck_id).render())
            queue = read_queue(self.db.conn, members, iso(end), self._card_parts)
            self._queues[deck_id] = queue
        return queue

    def show(self, card_key: str, now: datetime | None = None) -> StudyCard:
        """The card as the review screen shows it: with the four grades' outcomes."""
        now = now or self.clock()
        card = self.card(card_key)
        card.previews = self.scheduler().preview(card_number(card.key), card.memory, now)
        card.shown_at = now
        return card

    def next_due(self, deck_id: str) -> datetime | None:
        """When the deck's next scheduled card falls due (for the "all done" state)."""
        row = self.db.execute(
            f"SELECT min(due) FROM card_state WHERE state IN (1, 2, 3) AND {_AVAILABLE}",
            {"now": iso(self.clock()), "deck": self._deck_param(deck_id)}).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def card(self, card_key: str) -> StudyCard:
        row = self.db.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM card_state s JOIN cards c "
            "ON c.set_id = s.set_id AND c.id = s.item_id WHERE s.card_key = ?",
            [card_key]).fetchone()
        if row is None:
            raise StoreError(msg("There is no card '{id}' in this profile.", id=card_key).render())
        return self._study_card(row)

    def _study_card(self, row: tuple[Any, ...]) -> StudyCard:
        """A card from a row of _CARD_COLUMNS (plain tuple: cheaper than a dict per card)."""
        return _card_from(card_parts(row), iso(self.clock()))

    def cram_cards(self, deck_id: str, limit: int = 200, seed: int | None = None
                   ) -> list[StudyCard]:
        """Cards of the deck to drill without touching the schedule (suspended ones left
        out), in a shuffled order."""
        rows = self.db.execute(
            f"SELECT {_CARD_COLUMNS} FROM card_state s JOIN cards c ON c.set_id = s.set_id "
            f"AND c.id = s.item_id WHERE s.suspended = 0 AND s.retired = 0 "
            f"AND {_IN_DECK.format(table='s.')} ORDER BY s.position",
            {"deck": self._deck_param(deck_id)}).fetchall()
        cards = [self._study_card(row) for row in rows]
        random.Random(seed).shuffle(cards)
        return cards[:limit]

    # -- grading -------------------------------------------------------------------------
    def answer(self, card_key: str, rating: int, duration_ms: int | None = None) -> Answer:
        """Grades the card now: its new state and the review-log row in one transaction."""
        now = self.clock()
        now_text = iso(now)
        settings = self.settings()
        self._check_outside()
        # The card's row as the queue read it, memory parsed (the service's own writes drop
        # it, anyone else's every cached card), else as it is now.
        cached = self._card_parts.get(card_key) if self._counts_key is not None else None
        with self.db.atomic():
            before = (self._state_row(card_key) if cached is None
                      else dict(zip(STATE_COLUMNS, cached[-1], strict=True)))
            memory = memory_of(before) if cached is None else cached[9]
            outcome = self.scheduler().review(card_number(card_key), memory, rating, now)
            after = outcome.memory
            due_text = iso(outcome.due)
            became_leech = (after.lapses > memory.lapses and not before["leech"]
                            and after.lapses >= settings.leech_threshold)
            suspend = bool(before["suspended"]) or (became_leech and settings.suspend_leeches)
            self.db.conn.execute(
                "UPDATE card_state SET due = ?, stability = ?, difficulty = ?, state = ?, "
                "step = ?, reps = ?, lapses = ?, last_review = ?, leech = ?, suspended = ? "
                "WHERE rowid = ? AND card_key = ?",  # by rowid: no look-up of the key
                [due_text, after.stability, after.difficulty, after.state, after.step,
                 after.reps, after.lapses, now_text, int(bool(before["leech"]) or became_leech),
                 int(suspend), before["rowid"], card_key])
            review_id = int(self.db.conn.execute(
                "INSERT INTO review_log (card_key, rating, reviewed_at, duration_ms, state, "
                "before_json) VALUES (?, ?, ?, ?, ?, ?)",
                [card_key, rating, now_text, duration_ms, memory.state,
                 json.dumps({c: before[c] for c in _MEMORY_COLUMNS})]).lastrowid or 0)
            held = self._mark.watch.header(self.db.conn)  # the write lock held: ours next
        self._mark.watch.own_commit(self.db.conn, held)
        self._count_change(before, {**before, "state": after.state, "due": due_text,
                                    "suspended": int(suspend)}, now_text)
        self._count_review(now_text, memory.state, 1)
        return Answer(review_id, card_key, rating, outcome, became_leech,
                      became_leech and settings.suspend_leeches)

    def _state_row(self, card_key: str) -> dict[str, Any]:
        row = self.db.conn.execute(
            f"SELECT {', '.join(STATE_COLUMNS)} FROM card_state WHERE card_key = ?",
            [card_key]).fetchone()
        if row is None:
            raise StoreError(msg("There is no card '{id}' in this profile.", id=card_key).render())
        return dict(zip(STATE_COLUMNS, row, strict=True))

    def undo(self, review_id: int) -> str:
        """Takes back a grade: the card's state before it comes back exactly and the review
        leaves the log. Only a card's latest grade can be taken back. Returns the card."""
        self._check_outside()
        with self.db.atomic():
            row = self.db.execute(
                "SELECT card_key, before_json, reviewed_at, state FROM review_log WHERE id = ?",
                [review_id]).fetchone()
            if row is None or row[1] is None:
                raise StoreError(msg("That grade cannot be undone.").render())
            card_key, before_json, reviewed_at, graded_state = row
            latest = self.db.execute("SELECT max(id) FROM review_log WHERE card_key = ?",
                                     [card_key]).fetchone()[0]
            if latest != review_id:
                raise StoreError(msg("Only the latest grade of a card can be undone.").render())
            before = json.loads(before_json)
            current = self._state_row(card_key)
            self.db.execute(
                f"UPDATE card_state SET {', '.join(f'{c} = ?' for c in _MEMORY_COLUMNS)} "
                "WHERE card_key = ?", [*(before[c] for c in _MEMORY_COLUMNS), card_key])
            self.db.execute("DELETE FROM review_log WHERE id = ?", [review_id])
        self._count_change(current, {**current, **before}, iso(self.clock()))
        if graded_state is not None:
            self._count_review(reviewed_at, graded_state, -1)
        return str(card_key)

    # -- the card's own marks -------------------------------------------------------------
    def _set(self, card_key: str, column: str, value: Any) -> None:
        self._check_outside()
        with self.db.atomic():
            before = self._state_row(card_key)
            self.db.execute(f"UPDATE card_state SET {column} = ? WHERE card_key = ?",
                            [value, card_key])
        self._count_change(before, {**before, column: value}, iso(self.clock()))

    def suspend(self, card_key: str, suspended: bool = True) -> None:
        """A suspended card stays out of every queue until it is unsuspended."""
        self._set(card_key, "suspended", int(suspended))

    def bury(self, card_key: str) -> None:
        """Out of the queue until the learner's next day starts."""
        self._set(card_key, "buried_until", iso(self.day()[1]))

    def unbury(self, card_key: str) -> None:
        self._set(card_key, "buried_until", None)

    def set_flag(self, card_key: str, flag: int) -> None:
        self._set(card_key, "flag", int(flag))

    def info(self, card_key: str) -> CardInfo:
        card = self.card(card_key)
        reviews = [
            ReviewRecord(row["id"], row["rating"], row["reviewed_at"], row["duration_ms"],
                         row["state"])
            for row in self.db.query(
                "SELECT id, rating, reviewed_at, duration_ms, state FROM review_log "
                "WHERE card_key = ? ORDER BY id", [card_key])
        ]
        return CardInfo(card, reviews,
                        self.scheduler().retrievability(card.memory, self.clock()),
                        sum(r.duration_ms or 0 for r in reviews))

    def browse(self, deck_id: str, text: str = "", limit: int = 5000) -> list[BrowseRow]:
        """The deck's cards with their state and due date; ``text`` filters front and back."""
        now = iso(self.clock())
        pattern = f"%{text.strip()}%"
        rows = self.db.query(
            "SELECT s.card_key, c.front, c.back, s.state, s.due, s.suspended, s.buried_until, "
            "s.flag, s.leech FROM card_state s JOIN cards c ON c.set_id = s.set_id "
            "AND c.id = s.item_id WHERE s.retired = 0 "
            f"AND {_IN_DECK.format(table='s.')} "
            "AND (c.front LIKE :pattern OR c.back LIKE :pattern) "
            "ORDER BY s.position, s.card_key LIMIT :limit",
            {"deck": self._deck_param(deck_id), "pattern": pattern, "limit": limit})
        return [
            BrowseRow(row["card_key"], row["front"], row["back"], STATE_NAMES[row["state"]],
                      row["due"] if row["state"] else "", bool(row["suspended"]),
                      bool(row["buried_until"] and row["buried_until"] > now), row["flag"],
                      bool(row["leech"]))
            for row in rows
        ]

    # -- records -------------------------------------------------------------------------
    def card_counts(self) -> dict[str, int]:
        """The ``cards`` object of ``studyapp stats --json``: every active card counted once,
        as suspended, else buried, else by its state; ``due_today``: learning and review
        cards due before the learner's day ends (not suspended or buried)."""
        now = self.clock()
        _start, end = self.day(now)
        row = self.db.execute(
            "SELECT count(*), "
            "coalesce(sum(suspended = 1), 0), "
            "coalesce(sum(suspended = 0 AND buried), 0), "
            "coalesce(sum(free AND state = 0), 0), coalesce(sum(free AND state = 1), 0), "
            "coalesce(sum(free AND state = 2), 0), coalesce(sum(free AND state = 3), 0), "
            "coalesce(sum(free AND state IN (1, 2, 3) AND due < :end), 0) "
            "FROM (SELECT state, due, suspended, "
            "  (buried_until IS NOT NULL AND buried_until > :now) AS buried, "
            "  (suspended = 0 AND (buried_until IS NULL OR buried_until <= :now)) AS free "
            "  FROM card_state WHERE retired = 0)",
            {"now": iso(now), "end": iso(end)}).fetchone()
        keys = ["total", "suspended", "buried", "new", "learning", "review", "relearning",
                "due_today"]
        return dict(zip(keys, (int(v) for v in row), strict=True))

    def review_count(self, at_most: int | None = None) -> int:
        """Rows in the review log; with ``at_most``, counting stops there (a big log takes a
        while to count)."""
        if at_most is None:
            return int(self.db.execute("SELECT count(*) FROM review_log").fetchone()[0])
        return int(self.db.execute("SELECT count(*) FROM (SELECT 1 FROM review_log LIMIT ?)",
                                   [at_most]).fetchone()[0])

    # -- optimising ----------------------------------------------------------------------
    def history(self, max_items: int | None = None) -> ReviewHistory:
        """The optimiser's graded reviews, card by card (store.review_history)."""
        return review_history(self.db, self.days, max_items)

    def optimise(self) -> OptimiseResult:
        """Fits the schedule to the learner's history; nothing changes until ``apply``.
        Raises OptimiserUnavailable or ValueError (too little history, says how much)."""
        total = self.review_count(at_most=MIN_REVIEWS_TO_OPTIMISE)
        if total < MIN_REVIEWS_TO_OPTIMISE:
            raise ValueError(
                f"{MIN_REVIEWS_TO_OPTIMISE - total} more reviews are needed before your "
                f"schedule can be fitted to your own history ({MIN_REVIEWS_TO_OPTIMISE} in all).")
        with collector_paused():  # its many objects all live until the fit is done
            return optimise(self.history(MAX_OPTIMISER_ITEMS), self.settings().parameters)

    def apply_parameters(self, parameters: tuple[float, ...] | None) -> None:
        """Uses ``parameters`` (None: FSRS's defaults) and keeps the current set to go back
        to."""
        from dataclasses import replace

        current = self.settings()
        self.save_settings(replace(current, parameters=parameters,
                                   previous_parameters=current.parameters))

    def restore_previous_parameters(self) -> None:
        from dataclasses import replace

        current = self.settings()
        self.save_settings(replace(current, parameters=current.previous_parameters,
                                   previous_parameters=current.parameters))


# A card's row, parsed: its fields for StudyCard but tags (a tuple) and buried_until.
def _card_from(parts: CardParts, now: str) -> StudyCard:
    """The StudyCard of parsed parts (``now``: ISO UTC, for whether it is buried)."""
    (key, set_id, item_id, section_id, front, back, explanation, evidence, tags, memory,
     flag, leech, suspended, buried_until, _state) = parts
    return StudyCard(key, set_id, item_id, section_id, front, back, explanation, evidence,
                     list(tags), memory, flag, bool(leech), bool(suspended),
                     bool(buried_until and buried_until > now))  # by position: cheaper


__all__ = ["Answer", "BrowseRow", "CardInfo", "DeckCounts", "ReviewRecord", "ReviewsService",
           "StudyCard"]
