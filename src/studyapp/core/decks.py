"""Decks follow the report: the four relationships first, the whole report, each part and
section with cards, then each trainer's set and its tags.

A deck is a rule over card groups (a card's set, section and tags); the store keeps each
card's group, so a deck's queue and counts are queries over a few group numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from studyapp.core.messages import msg
from studyapp.core.report import Report, Section

RELATIONSHIPS_SECTION = "suggestions.5"
RELATIONSHIPS_DECK = "relationships"
REPORT_DECK = "report"


class CardGroup(NamedTuple):  # a tuple: a profile makes thousands of them at once
    id: int
    set_id: str
    section_id: str  # "" for cards about other material
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Deck:
    id: str  # "relationships", "report", "section:<id>", "set:<id>", "tag:<set id>:<tag>"
    title: str
    kind: str  # relationships, report, section, set, tag
    depth: int = 0  # indentation in the list
    section_id: str = ""
    set_id: str = ""
    tag: str = ""

    def matches(self, group: CardGroup) -> bool:
        if self.kind in ("relationships", "section"):
            section = self.section_id
            return group.section_id == section or group.section_id.startswith(section + ".")
        if self.kind == "report":
            return bool(group.section_id)
        if self.kind == "set":
            return group.set_id == self.set_id
        if self.kind == "tag":
            return group.set_id == self.set_id and self.tag in group.tags
        return False


def section_deck_id(section_id: str) -> str:
    return f"section:{section_id}"


def build_decks(report: Report, groups: Sequence[CardGroup],
                set_titles: dict[str, str]) -> list[Deck]:
    """The deck list in the order the learner sees it (set_titles: id -> title, in order)."""
    # Groups share a few tens of sections and a few hundred (set, tags) pairs.
    in_report = {section_id for section_id in {g.section_id for g in groups}
                 if section_id in report}
    # The two fixed decks' names in the language in use (core/messages.py).
    decks = [Deck(RELATIONSHIPS_DECK, str(msg("The four relationships")), "relationships",
                  section_id=RELATIONSHIPS_SECTION)]
    if in_report:
        decks.append(Deck(REPORT_DECK, str(msg("The whole report")), "report"))
    with_cards: set[str] = set()  # sections with cards in them or below them
    for section_id in in_report:
        node: Section | None = report.get(section_id)
        while node is not None and node.id not in with_cards:
            with_cards.add(node.id)
            node = node.parent
    for section in report.sections:
        if section.id in with_cards:
            decks.append(Deck(section_deck_id(section.id), section.label, "section",
                              depth=1 + section.depth, section_id=section.id))
    tags_of: dict[str, set[str]] = {}  # set id -> the tags of its cards
    for set_id, tags in {(g.set_id, g.tags) for g in groups}:
        tags_of.setdefault(set_id, set()).update(tags)
    for set_id, title in set_titles.items():
        if set_id not in tags_of:
            continue
        decks.append(Deck(f"set:{set_id}", title, "set", set_id=set_id))
        for tag in sorted(tags_of[set_id]):
            decks.append(Deck(f"tag:{set_id}:{tag}", f"#{tag}", "tag", depth=1,
                              set_id=set_id, tag=tag))
    return decks


def groups_of(deck: Deck, groups: Iterable[CardGroup]) -> list[int]:
    return [g.id for g in groups if deck.matches(g)]


# A group's decks come in two parts: those its section puts it in (the whole report, its
# section and the sections above it, the four relationships) and those its set and tags
# put it in. Groups share these parts (a profile has thousands of groups but tens of
# sections and a few hundred set-and-tags pairs), so counts are summed per part first.
DeckPart = tuple[tuple[str, ...], list[int]]  # (deck ids, the group numbers in them)


def deck_parts(decks: Sequence[Deck], groups: Iterable[CardGroup]) -> list[DeckPart]:
    """Every part of the groups' decks with its groups' numbers; parts in no deck are left
    out. A deck's groups are those of the parts naming it."""
    in_section: dict[str, list[int]] = {}  # section id -> its groups
    in_set: dict[tuple[str, tuple[str, ...]], list[int]] = {}  # (set, tags) -> its groups
    for group in groups:
        in_section.setdefault(group.section_id, []).append(group.id)
        in_set.setdefault((group.set_id, group.tags), []).append(group.id)
    by_section: dict[str, list[str]] = {}  # section id -> decks of it (relationships too)
    by_set: dict[str, list[str]] = {}
    by_tag: dict[tuple[str, str], list[str]] = {}
    whole_report: list[str] = []
    for deck in decks:
        if deck.kind in ("relationships", "section"):
            by_section.setdefault(deck.section_id, []).append(deck.id)
        elif deck.kind == "report":
            whole_report.append(deck.id)
        elif deck.kind == "set":
            by_set.setdefault(deck.set_id, []).append(deck.id)
        elif deck.kind == "tag":
            by_tag.setdefault((deck.set_id, deck.tag), []).append(deck.id)
    found: dict[tuple[str, ...], list[int]] = {}
    for section_id, numbers in in_section.items():
        if not section_id:
            continue
        in_decks = list(whole_report)
        # A section deck holds its section and every section below it: the group's
        # section and each of its dotted ancestors.
        names = section_id.split(".")
        for end in range(1, len(names) + 1):
            in_decks += by_section.get(".".join(names[:end]), ())
        found.setdefault(tuple(in_decks), []).extend(numbers)
    for (set_id, tags), numbers in in_set.items():
        in_decks = list(by_set.get(set_id, ()))
        for tag in dict.fromkeys(tags):
            in_decks += by_tag.get((set_id, tag), ())
        if in_decks:
            found.setdefault(tuple(in_decks), []).extend(numbers)
    return list(found.items())


def deck_members(decks: Sequence[Deck], parts: Iterable[DeckPart]) -> dict[str, list[int]]:
    """deck id -> its group numbers (in order), from ``deck_parts``: the same answer as
    ``groups_of`` for every deck (of groups in number order)."""
    members: dict[str, list[int]] = {deck.id: [] for deck in decks}
    for part, numbers in parts:
        for deck_id in part:
            members[deck_id] += numbers
    for numbers in members.values():
        numbers.sort()
    return members
