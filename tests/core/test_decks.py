"""Deck membership: the one-pass mapping gives what each deck's own rule gives."""

from __future__ import annotations

from studyapp.core.decks import (
    CardGroup,
    build_decks,
    deck_members,
    deck_parts,
    groups_of,
)
from studyapp.core.report import load_report, walk

SECTIONS = ("intro", "problems.1", "suggestions.5", "suggestions.5.2", "suggestions.1.1", "",
            "not-in-report")


def _groups(sections: tuple[str, ...] = SECTIONS) -> list[CardGroup]:
    return [
        CardGroup(number, f"set-{number % 3}", sections[number % len(sections)],
                  tuple(t for t in ("a", "b", "a") if (number + len(t)) % 2))
        for number in range(60)
    ]


def test_deck_members_match_each_decks_rule() -> None:
    report = load_report()
    groups = _groups()
    decks = build_decks(report, groups, {"set-0": "Zero", "set-1": "One", "set-2": "Two"})
    assert {d.kind for d in decks} == {"relationships", "report", "section", "set", "tag"}
    members = deck_members(decks, deck_parts(decks, groups))
    assert members == {deck.id: groups_of(deck, groups) for deck in decks}
    assert members["relationships"]  # the four relationships' sections are counted


def test_the_parts_give_each_deck_its_groups_once() -> None:
    report = load_report()
    groups = _groups()
    decks = build_decks(report, groups, {"set-0": "Zero", "set-1": "One", "set-2": "Two"})
    from_parts: dict[str, list[int]] = {deck.id: [] for deck in decks}
    for part, numbers in deck_parts(decks, groups):
        for deck_id in part:
            from_parts[deck_id] += numbers
    assert {deck_id: sorted(numbers) for deck_id, numbers in from_parts.items()} == {
        deck.id: groups_of(deck, groups) for deck in decks}


def test_a_section_has_a_deck_when_it_or_a_section_below_it_has_cards() -> None:
    report = load_report()
    for sections in (SECTIONS, ("problems.1",), ("suggestions.5.2", "not-in-report"), ("",)):
        groups = _groups(sections)
        with_cards = {g.section_id for g in groups}
        expected = [section.id for section in report.sections
                    if {below.id for below in walk(section)} & with_cards]
        decks = build_decks(report, groups, {"set-1": "One", "set-0": "Zero", "unused": "-"})
        assert [d.section_id for d in decks if d.kind == "section"] == expected
        assert [d.id for d in decks if d.kind == "set"] == ["set:set-1", "set:set-0"]
        assert [d.id for d in decks if d.kind == "tag"] == [
            f"tag:{set_id}:{tag}" for set_id in ("set-1", "set-0")
            for tag in sorted({t for g in groups if g.set_id == set_id for t in g.tags})]
