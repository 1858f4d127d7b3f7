"""Property tests: no input makes the native parser raise, and dump/parse round-trips."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets.model import Card, Choice, NumericAnswer, Question, QuestionSet
from studyapp.core.questionsets.native import dump, parse

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

VALID = """\
format: studyapp-questions/1
id: fuzz
title: Fuzz
questions:
  - id: q1
    type: single
    section: suggestions.5.2
    prompt: Which?
    options: [a, {text: b, feedback: c}, d]
    answer: B
    evidence: Dare to charge and charge is not the same.
    tags: [x, y]
    difficulty: 3
  - {id: q2, type: multiple, prompt: p, options: [a, b, c], answer: AC}
  - {id: q3, type: truefalse, prompt: p, answer: false}
  - {id: q4, type: fill, prompt: "a ____ b", answer: [x, y]}
  - {id: q5, type: match, prompt: p, pairs: [{left: a, right: b}, {left: c, right: d}]}
  - {id: q6, type: order, prompt: p, items: [a, b, c]}
  - {id: q7, type: numeric, prompt: p, answer: 4, tolerance: 0.5}
  - {id: q8, type: numeric, prompt: p, range: [1, 2]}
cards:
  - {id: c1, section: intro, front: f, back: b, explanation: e, tags: [t]}
"""

YAML_BITS = st.sampled_from([
    "", " ", "\n", "\t", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ",
    "!x ", "'", '"', "#", "|", ">", "?", "---", "...", "%YAML 1.1", "~", "null", "yes", "1e400",
    ".nan", "0x", "<<: ", "\x00", "\ufeff", "\u2028", "中", "\\", "@", "`",
])


def assert_result(result: object) -> None:
    assert isinstance(result, LoadResult)
    for problem in result.problems:
        assert problem.line >= 0 and problem.message


@SETTINGS
@given(st.text())
def test_random_text_never_raises(text: str) -> None:
    assert_result(parse(text, "f.yaml"))


@SETTINGS
@given(st.lists(YAML_BITS | st.text(string.printable, max_size=5), max_size=40))
def test_yaml_like_noise_never_raises(bits: list[str]) -> None:
    assert_result(parse("".join(bits), "f.yaml"))


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(VALID)), st.integers(0, 8), YAML_BITS),
                min_size=1, max_size=6))
def test_mutated_valid_documents_never_raise(edits: list[tuple[int, int, str]]) -> None:
    text = VALID
    for position, cut, insert in edits:
        position = min(position, len(text))
        text = text[:position] + insert + text[position + cut:]
    assert_result(parse(text, "f.yaml"))


@SETTINGS
@given(st.lists(st.sampled_from(VALID.splitlines()), max_size=30))
def test_shuffled_lines_never_raise(lines: list[str]) -> None:
    assert_result(parse("\n".join(lines), "f.yaml"))


@SETTINGS
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "type", "prompt", "answer", "options", "pairs",
                                       "items", "range", "tags", "questions", "cards", "x"]),
                      children, max_size=5),
    max_leaves=20,
))
def test_wrongly_shaped_values_never_raise(value: object) -> None:
    import yaml

    for key in ("questions", "cards"):
        document = {"format": "studyapp-questions/1", "id": "s", "title": "T", key: value}
        assert_result(parse(yaml.safe_dump(document, allow_unicode=True), "f.yaml"))
        document[key] = [value]
        assert_result(parse(yaml.safe_dump(document, allow_unicode=True), "f.yaml"))


# Text the format keeps as written: no surrounding whitespace (it is stripped), no characters
# YAML cannot carry.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"),
    min_size=1, max_size=20,
).map(str.strip).filter(bool)
NUMBER = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.integers(-10**6, 10**6)


@st.composite
def questions(draw: st.DrawFn, index: int) -> Question:
    kind = draw(st.sampled_from(
        ["single", "multiple", "truefalse", "fill", "match", "order", "numeric"]))
    question = Question(id=f"q{index}", type=kind, prompt=draw(TEXT),
                        explanation=draw(st.just("") | TEXT), tags=draw(st.lists(TEXT, max_size=3)),
                        difficulty=draw(st.none() | st.integers(1, 5)))
    if kind in ("single", "multiple"):
        count = draw(st.integers(2, 8))
        right = draw(st.integers(0, count - 1))
        question.choices = [
            Choice(draw(TEXT), index == right or (kind == "multiple" and draw(st.booleans())),
                   draw(st.just("") | TEXT))
            for index in range(count)
        ]
    elif kind == "truefalse":
        question.truth = draw(st.booleans())
    elif kind == "fill":
        question.accepted = draw(st.lists(TEXT, min_size=1, max_size=3))
    elif kind == "match":
        question.pairs = draw(st.lists(st.tuples(TEXT, TEXT), min_size=2, max_size=4))
    elif kind == "order":
        question.sequence = draw(st.lists(TEXT, min_size=2, max_size=4))
    elif draw(st.booleans()):
        low, high = sorted([float(draw(NUMBER)), float(draw(NUMBER))])
        question.numeric = [NumericAnswer(low=low, high=high)]
    else:
        question.numeric = [NumericAnswer(value=float(draw(NUMBER)),
                                          tolerance=abs(float(draw(NUMBER))))]
    return question


@st.composite
def question_sets(draw: st.DrawFn) -> QuestionSet:
    count = draw(st.integers(0, 4))
    qs = QuestionSet(
        id=draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,10}", fullmatch=True)),
        title=draw(TEXT), version=draw(TEXT), description=draw(st.just("") | TEXT),
        language=draw(st.sampled_from(["en", "zh-CN", "de"])),
        questions=[draw(questions(index)) for index in range(count)],
        source="f.yaml", format="native",
    )
    qs.cards = [Card(id=f"c{index}", front=draw(TEXT), back=draw(TEXT),
                     evidence=draw(st.just("") | TEXT), tags=draw(st.lists(TEXT, max_size=2)))
                for index in range(draw(st.integers(0 if count else 1, 3)))]
    return qs


@SETTINGS
@given(question_sets())
def test_dump_then_parse_gives_the_set_back(question_set: QuestionSet) -> None:
    result = parse(dump(question_set), "f.yaml")
    assert result.problems == []
    assert result.question_set is not None
    for item in [*result.question_set.questions, *result.question_set.cards]:
        item.line = 0
    assert result.question_set == question_set
