"""The GIFT and Aiken parsers never raise, stay consistent on any input, and stay fast."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.questionsets import LoadResult, aiken, gift
from studyapp.core.questionsets.errors import Problem

MOODLE = Path(__file__).parents[2] / "fixtures" / "moodle"
FIXTURES = {
    name: (MOODLE / name).read_text(encoding="utf-8")
    for name in ("gift-examples.gift", "gift-fixture-with-essay.gift",
                 "aiken-questions.txt", "aiken-errors.txt")
}
PARSERS: dict[str, Callable[[str, str], LoadResult]] = {"gift": gift.parse, "aiken": aiken.parse}
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Characters that mean something to either format, mixed with any character at all.
SYNTAX = list("{}~=#:%->\\[]/$.()\n\n\n \t\rABTF") + ["ANSWER: ", "A) ", "::", "//", "->",
                                                        "####", "$CATEGORY: ", "[html]", "<b>"]
syntax_text = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=5), max_size=60).map("".join)


def check(result: LoadResult, text: str, path: str) -> None:
    """What every parse result must satisfy, whatever the input."""
    assert isinstance(result, LoadResult)
    last_line = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert 0 <= problem.line <= last_line
        assert problem.message
    if result.question_set is None:
        assert result.problems, "no set and no problem says why"
        return
    questions = result.question_set.questions
    assert questions
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", result.question_set.id)
    assert len({q.id for q in questions}) == len(questions)
    # A question either loads or is reported, never both.
    assert not {q.line for q in questions} & {p.line for p in result.problems}
    for question in questions:
        assert 1 <= question.line <= last_line
        if question.type == "single":
            assert sum(c.correct for c in question.choices) == 1
            assert len(question.choices) >= 2
        elif question.type == "multiple":
            assert any(c.correct for c in question.choices)
        elif question.type == "fill":
            assert question.accepted and all(question.accepted)
        elif question.type == "match":
            assert len(question.pairs) >= 2
        elif question.type == "numeric":
            assert question.numeric
        else:
            assert question.type == "truefalse" and question.truth is not None


@FUZZ
@given(text=st.text(max_size=400))
def test_any_text(text: str) -> None:
    for name, parser in PARSERS.items():
        check(parser(text, f"random.{name}"), text, f"random.{name}")
    gift.looks_like_gift(text)
    aiken.looks_like_aiken(text)


@FUZZ
@given(text=syntax_text)
def test_text_made_of_syntax(text: str) -> None:
    for name, parser in PARSERS.items():
        check(parser(text, f"syntax.{name}"), text, f"syntax.{name}")


@st.composite
def mutated_fixture(draw: st.DrawFn) -> str:
    """A Moodle fixture with a few characters or lines deleted, inserted or duplicated."""
    text = draw(st.sampled_from(sorted(FIXTURES.values())))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "line"]))
        if action == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 20)):]
        elif action == "insert":
            text = text[:where] + draw(st.sampled_from(SYNTAX)) + text[where:]
        else:
            lines = text.split("\n")
            index = where % len(lines)
            lines.insert(index, lines[draw(st.integers(0, len(lines) - 1))])
            text = "\n".join(lines)
    return text


@FUZZ
@given(text=mutated_fixture())
def test_mutated_fixtures(text: str) -> None:
    for name, parser in PARSERS.items():
        check(parser(text, f"mutated.{name}"), text, f"mutated.{name}")


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(
    lambda word: word.strip() or "x")


@FUZZ
@given(prompt=words, options=st.lists(words, min_size=2, max_size=8, unique=True),
       data=st.data())
def test_generated_multiple_choice_reads_back_in_both_formats(prompt: str, options: list[str],
                                                              data: st.DataObject) -> None:
    right = data.draw(st.integers(0, len(options) - 1))
    answers = " ".join(("=" if index == right else "~") + option
                       for index, option in enumerate(options))
    gift_text = f"::{prompt}::{prompt}?{{{answers}}}"
    letters = "ABCDEFGH"
    aiken_text = "\n".join([f"{prompt}?", *(f"{letters[i]}) {o}" for i, o in enumerate(options)),
                            f"ANSWER: {letters[right]}"])
    for parser, text in ((gift.parse, gift_text), (aiken.parse, aiken_text)):
        result = parser(text, "generated")
        assert result.problems == []
        assert result.question_set is not None
        [question] = result.question_set.questions
        assert question.type == "single"
        assert question.prompt == f"{prompt}?"
        assert [c.text for c in question.choices] == options
        assert [c.correct for c in question.choices] == [i == right for i in range(len(options))]


PATHOLOGICAL = {
    "10,000 nested braces": "{" * 10_000 + "}" * 10_000,
    "nested braces in a question": "Q? " + "{" * 10_000 + "=a" + "}" * 10_000,
    "1 MB line": "x" * 1_000_000,
    "1 MB line of braces and tildes": "Q{" + "~a" * 500_000 + "}",
    "1 MB of unclosed html": "[html]" + "<a" * 500_000 + "{T}",
    "1 MB of '<'": "[html]" + "<" * 1_000_000 + "{T}",
    "1 MB number": "Q{#" + "9" * 1_000_000 + "}",
    "1 MB of colons": "::" + ":" * 1_000_000,
    "1 MB of backslashes": "\\" * 1_000_000,
    "1 MB of percent signs": "Q{~%" + "1" * 1_000_000 + "%a ~b}",
    "a million newlines": "\n" * 1_000_000,
    "chained names": "\n\n".join(f"::q{3 * i + 4}::Q{{T}}" for i in range(20_000)),
    "200,000 options": "Q?\n" + "A) x\n" * 200_000,
    "200,000 orphan answers": "ANSWER: A\n" * 200_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes_quickly(name: str) -> None:
    text = PATHOLOGICAL[name]
    for parser, detector in ((gift.parse, gift.looks_like_gift),
                             (aiken.parse, aiken.looks_like_aiken)):
        started = time.perf_counter()
        result = parser(text, "big.txt")
        detector(text)
        elapsed = time.perf_counter() - started
        # Linear parsers do each of these in well under a second; a quadratic step would
        # take minutes. The margin allows for a busy machine.
        assert elapsed < 5, f"{parser.__module__} took {elapsed:.1f}s"
        check(result, text, "big.txt")
