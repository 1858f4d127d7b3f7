"""core.messages: English by default, a catalogue's translation when one is active."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest

from studyapp.core.messages import Message, msg, msg_n, render, use_catalogue


class _Catalogue(gettext.NullTranslations):
    """A tiny stand-in for a compiled Chinese catalogue."""

    def gettext(self, message: str) -> str:
        return {"Row {row}: {problem}": "第 {row} 行：{problem}",
                "unknown type": "未知题型",
                "Broken {field}": "坏了 {missing}"}.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if singular == "{n} question":
            return "{n} 道题"
        return singular if n == 1 else plural


@pytest.fixture
def chinese() -> Iterator[None]:
    use_catalogue(_Catalogue())
    yield
    use_catalogue(None)


def test_english_by_default() -> None:
    message = msg("Row {row}: {problem}", row=3, problem=msg("unknown type"))
    assert str(message) == "Row 3: unknown type"
    assert render("plain") == "plain"


def test_plural_forms_in_english() -> None:
    assert str(msg_n("{n} question", "{n} questions", 1)) == "1 question"
    assert str(msg_n("{n} question", "{n} questions", 4)) == "4 questions"


def test_active_catalogue_translates_nested_values(chinese: None) -> None:
    message = msg("Row {row}: {problem}", row=3, problem=msg("unknown type"))
    assert str(message) == "第 3 行：未知题型"
    assert message.english == "Row 3: unknown type"
    assert render(msg_n("{n} question", "{n} questions", 5)) == "5 道题"


def test_a_broken_translation_falls_back_to_english(chinese: None) -> None:
    assert str(msg("Broken {field}", field="answer")) == "Broken answer"


def test_messages_compare_by_template_and_values() -> None:
    assert msg("a {x}", x=1) == msg("a {x}", x=1)
    assert msg("a {x}", x=1) != msg("a {x}", x=2)
    assert isinstance(msg("a"), Message)
