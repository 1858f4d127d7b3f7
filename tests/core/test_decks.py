"""Deck membership: the one-pass mapping gives what each deck's own rule gives."""

from __future__ import annotations

from studyapp.core.decks import (
    CardGroup,
    build_decks,
    deck_members,
    decks_of_groups,
    groups_of,
)
from studyapp.core.report import load_report


def test_deck_members_match_each_decks_rule() -> None:
    report = load_report()
    sections = [s for s in ("intro", "problems.1", "suggestions.5", "suggestions.5.2",
                            "suggestions.1.1", "", "not-in-report")]
    groups = [
        CardGroup(number, f"set-{number % 3}", sections[number % len(sections)],
                  tuple(t for t in ("a", "b", "a") if (number + len(t)) % 2))
        for number in range(60)
    ]
    decks = build_decks(report, groups, {"set-0": "Zero", "set-1": "One", "set-2": "Two"})
    assert {d.kind for d in decks} == {"relationships", "report", "section", "set", "tag"}
    members = deck_members(decks, decks_of_groups(decks, groups))
    assert members == {deck.id: groups_of(deck, groups) for deck in decks}
    assert members["relationships"]  # the four relationships' sections are counted
