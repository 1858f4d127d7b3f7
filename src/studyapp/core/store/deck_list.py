"""The profile's deck list and the card groups each deck holds, for the reviews service.

Built from the question sets' card groups and the report, and built again only when the
sets' fingerprint changes (an import, a removal). The service asks ``refresh`` only after
something wrote to the profile (its connection's mark moved), so a card shown or a grade
reads nothing here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from sqlite_utils import Database

from studyapp.core.decks import CardGroup, Deck, DeckPart, build_decks, deck_members, deck_parts
from studyapp.core.report import Report


class DeckList:
    def __init__(self, db: Database, report: Callable[[], Report]) -> None:
        self.db = db
        self._report = report
        self.fingerprint: str | None = None  # of the sets the list was built from
        self.decks: list[Deck] = []
        self.groups: list[CardGroup] = []
        self.parts: list[DeckPart] = []  # the groups by the decks they are in
        self._decks_of: dict[int, tuple[str, ...]] | None = None  # group -> its decks
        self._members: dict[str, list[int]] | None = None  # deck id -> its group numbers
        self._members_table = False  # temp.deck_members made for these decks

    def refresh(self, counted: Iterable[Iterable[int]] = ()) -> None:
        """Builds the list again when the question sets changed. ``counted``: groups known
        to have cards that are not retired (those the day's counts found), which the list
        then need not look up."""
        fingerprint = str(self.db.execute(
            "SELECT (SELECT group_concat(id || ':' || sha256 || ':' || imported_at, ',') "
            "FROM question_sets), (SELECT max(id) FROM card_groups)").fetchone())
        if fingerprint == self.fingerprint:
            return
        rows = self.db.execute(
            "SELECT id, set_id, section_id, tags FROM card_groups ORDER BY id").fetchall()
        known = set().union(*counted)
        unknown = [row[0] for row in rows if row[0] not in known]
        if unknown:  # the groups in use among them, by the index card_state_group
            in_use = known.union(number for (number,) in self.db.execute(
                "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM card_state s "
                "WHERE s.grp = value AND s.retired = 0)", [json.dumps(unknown)]))
            rows = [row for row in rows if row[0] in in_use]
        # A profile has thousands of groups but a few tens of tag lists: each parsed once.
        parsed: dict[str, tuple[str, ...]] = {}
        groups = []
        for number, set_id, section_id, text in rows:
            tags = parsed.get(text)
            if tags is None:
                tags = parsed[text] = tuple(map(str, json.loads(text or "[]")))
            groups.append(CardGroup(number, set_id, section_id, tags))
        self.groups = groups
        titles = dict(self.db.execute(
            "SELECT id, title FROM question_sets ORDER BY builtin DESC, title").fetchall())
        self.decks = build_decks(self._report(), self.groups, titles)
        self.parts = deck_parts(self.decks, self.groups)
        self._decks_of = None
        self.fingerprint = fingerprint
        self._members = None
        self._members_table = False

    def decks_of(self, group: int) -> tuple[str, ...]:
        """The ids of the decks holding the group (mapped when first asked, by a grade:
        the first counts need only the parts)."""
        if self._decks_of is None:
            self._decks_of = {}
            for part, numbers in self.parts:
                for number in numbers:
                    self._decks_of[number] = self._decks_of.get(number, ()) + part
        return self._decks_of.get(group, ())

    def members(self) -> dict[str, list[int]]:
        """deck id -> its group numbers (made when first asked: counts need only the
        groups' decks)."""
        if self._members is None:
            self._members = deck_members(self.decks, self.parts)
        return self._members

    def make_members_table(self) -> None:
        """temp.deck_members (deck, grp) for the queries that filter by deck in SQL."""
        if self._members_table:
            return
        # Made by CREATE ... AS SELECT, which changes no rows as SQLite counts them:
        # the Progress view's cache, keyed on the connection's total_changes, stays valid.
        self.db.execute("DROP TABLE IF EXISTS temp.deck_members")
        self.db.execute(
            "CREATE TEMP TABLE deck_members AS SELECT "
            "CAST(json_extract(value, '$[0]') AS TEXT) AS deck, "  # typed columns: the
            "CAST(json_extract(value, '$[1]') AS INTEGER) AS grp "  # index serves both
            "FROM json_each(?)",
            [json.dumps([(deck, grp) for deck, groups in self.members().items()
                         for grp in groups])])
        self.db.execute("CREATE UNIQUE INDEX temp.deck_members_key ON deck_members (deck, grp)")
        self._members_table = True
