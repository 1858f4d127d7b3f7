"""core.record.Record behaves as the frozen dataclasses it replaces on start-up's path."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from studyapp.core.language import LanguageChoice
from studyapp.core.record import Record
from studyapp.core.site_settings import DailyGoal, SiteSettings, SiteValue


@dataclasses.dataclass(frozen=True)
class _Same:
    """The dataclass a Record stands for, to compare with."""

    value: object
    locked: bool = False
    source: Path | None = None


def test_fields_defaults_positional_and_keyword() -> None:
    setting = SiteValue("zh_CN", source=Path("/etc/xdg/studyapp-site.ini"))
    assert (setting.value, setting.locked, setting.source) == (
        "zh_CN", False, Path("/etc/xdg/studyapp-site.ini"))
    assert setting.is_set
    assert not SiteValue(None).is_set
    assert SiteSettings().portable == SiteValue(False)
    assert SiteSettings().problems == ()
    assert LanguageChoice("en", "user").code == "en"


def test_equality_hash_and_repr_as_a_frozen_dataclass() -> None:
    ours, theirs = SiteValue(3, True), _Same(3, True)
    assert repr(ours) == repr(theirs).replace("_Same", "SiteValue")
    assert ours == SiteValue(3, True) and hash(ours) == hash(SiteValue(3, True))
    assert ours != SiteValue(3) and ours != theirs
    assert hash(ours) == hash(theirs)  # both hash their fields' tuple
    assert len({DailyGoal("minutes", 20), DailyGoal("minutes", 20)}) == 1
    assert repr(DailyGoal("reviews", 50)) == "DailyGoal(kind='reviews', target=50)"


def test_frozen() -> None:
    goal = DailyGoal("minutes", 20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        goal.target = 30  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del goal.kind  # type: ignore[misc]


def test_wrong_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError, match="missing required argument: 'target'"):
        DailyGoal("minutes")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'goal'"):
        DailyGoal("minutes", 2, goal=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'kind'"):
        DailyGoal("minutes", 2, kind="reviews")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 2 arguments but 3 were given"):
        DailyGoal("minutes", 2, 3)  # type: ignore[call-arg]


def test_a_subclass_adds_its_own_fields() -> None:
    class Point(Record):
        x: int
        y: int = 0

    class Labelled(Point):
        label: str = ""

    assert repr(Labelled(1, 2, "a")).endswith("<locals>.Labelled(x=1, y=2, label='a')")
    assert Point(1) == Point(1, 0)


def test_messages_are_records_with_their_own_init() -> None:
    from studyapp.core.messages import Message, msg, msg_n

    assert msg("Row {row}", row=3) == Message("Row {row}", (("row", 3),))
    assert repr(msg_n("{n} card", "{n} cards", 2)) == (
        "Message(text='{n} card', values=(('n', 2),), plural='{n} cards', count=2)")
    assert len({msg("a"), msg("a")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        msg("a").text = "b"  # type: ignore[misc]
