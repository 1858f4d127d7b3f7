"""The checks common to every format, made on the model."""

from __future__ import annotations

from typing import Any

import pytest

from studyapp.core.questionsets import check_set
from studyapp.core.questionsets.model import Card, Choice, NumericAnswer, Question, QuestionSet
from studyapp.core.report import load_report

PATH = "set.csv"
EVIDENCE = "Dare to charge and charge is not the same."


def one(question: Question | None = None, card: Card | None = None) -> list[str]:
    qs = QuestionSet(id="s", title="T")
    if question is not None:
        qs.questions.append(question)
    if card is not None:
        qs.cards.append(card)
    return [str(problem) for problem in check_set(qs, PATH)]


def single(*correct: bool, line: int = 3, **extra: Any) -> Question:
    return Question(id="q", type="single", prompt="p", line=line,
                    choices=[Choice(f"o{i}", flag) for i, flag in enumerate(correct)],
                    **extra)


def test_a_good_question_and_card_have_no_problems() -> None:
    assert one(single(False, True, section="suggestions.5.2", evidence=EVIDENCE),
               Card(id="c", front="f", back="b", section="suggestions.5.2",
                    evidence=EVIDENCE)) == []


def test_duplicate_ids_name_both_lines_across_questions_and_cards() -> None:
    qs = QuestionSet(id="s", title="T", questions=[single(True, False, line=4)],
                     cards=[Card(id="q", front="f", back="b", line=9)])
    assert [str(p) for p in check_set(qs, PATH)] == [
        "set.csv:9: id 'q' is used twice: by the question on line 4 and by the card on line 9; "
        "ids must be unique in a set"
    ]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (Question(id="q", type="truefalse", prompt="  ", truth=True, line=3),
         "set.csv:3: question 'q': the prompt is empty"),
        (Question(id=" ", type="truefalse", prompt="p", truth=True, line=3),
         "set.csv:3: a question has no id"),
        (single(True, True), "set.csv:3: question 'q': a single question needs exactly one "
                             "correct option; this one has 2"),
        (single(False, False), "this one has 0"),
        (Question(id="q", type="multiple", prompt="p", choices=[Choice("a"), Choice("b")],
                  line=3),
         "set.csv:3: question 'q': a multiple question needs at least one correct option"),
        (single(True), "set.csv:3: question 'q': a question needs 2 to 8 options; this one has 1"),
        (single(True, *[False] * 8), "this one has 9"),
        (Question(id="q", type="single", prompt="p", choices=[Choice("a", True), Choice(" ")],
                  line=3), "set.csv:3: question 'q': option B is empty"),
        (Question(id="q", type="truefalse", prompt="p", line=3),
         "a truefalse question needs the answer true or false"),
        (Question(id="q", type="fill", prompt="p", accepted=[" "], line=3),
         "set.csv:3: question 'q': a fill question needs at least one accepted answer"),
        (Question(id="q", type="match", prompt="p", pairs=[("a", "b")], line=3),
         "a match question needs at least 2 pairs, this one has 1"),
        (Question(id="q", type="match", prompt="p", pairs=[("a", "b"), ("A ", "c")], line=3),
         "set.csv:3: question 'q': the left side 'A ' appears in two pairs"),
        (Question(id="q", type="match", prompt="p", pairs=[("a", "b"), ("c", "")], line=3),
         "a pair has an empty side"),
        (Question(id="q", type="order", prompt="p", sequence=["a"], line=3),
         "an order question needs at least 2 items, this one has 1"),
        (Question(id="q", type="numeric", prompt="p", line=3),
         "a numeric question needs an answer or a range"),
        (Question(id="q", type="numeric", prompt="p", numeric=[NumericAnswer()], line=3),
         "a numeric answer needs a value or a range"),
        (Question(id="q", type="numeric", prompt="p", numeric=[NumericAnswer(low=5, high=4)],
                  line=3), "the range is reversed: low 5 is above high 4"),
        (Question(id="q", type="numeric", prompt="p",
                  numeric=[NumericAnswer(value=1, tolerance=-1)], line=3),
         "the tolerance must not be negative"),
        (Question(id="q", type="numeric", prompt="p",
                  numeric=[NumericAnswer(value=float("nan"))], line=3), "numbers must be finite"),
        (single(True, False, difficulty=0),
         "set.csv:3: question 'q': difficulty must be from 1 (easy) to 5 (hard), not 0"),
        (single(True, False, difficulty=6), "not 6"),
    ],
)
def test_question_problems(question: Question, message: str) -> None:
    found = one(question)
    assert len(found) == 1, found
    assert message in found[0]


def test_empty_card_sides() -> None:
    assert one(card=Card(id="c", front=" ", back="", line=7)) == [
        "set.csv:7: card 'c': the front is empty",
        "set.csv:7: card 'c': the back is empty",
    ]


def test_unknown_section_suggests_the_closest_and_lists_valid_ids() -> None:
    [message] = one(single(True, False, section="suggestion.5.2"))
    assert message.startswith(
        "set.csv:3: question 'q': 'suggestion.5.2' is not a report section "
        "(did you mean 'suggestions.5.2'?)")
    assert "intro" in message and "problems.1" in message


def test_evidence_must_be_word_for_word_from_its_section() -> None:
    assert one(card=Card(id="c", front="f", back="b", section="suggestions.5.2", line=2,
                         evidence="Dare to charge and charge are the same.")) == [
        "set.csv:2: card 'c': evidence not found in section suggestions.5.2; it must be copied "
        "word for word from that section"
    ]
    # From another section: still not found.
    assert one(card=Card(id="c", front="f", back="b", section="suggestions.5.1",
                         evidence=EVIDENCE))


def test_evidence_ignores_differences_in_whitespace_only() -> None:
    spaced = "Dare to charge\n  and   charge\tis not the same."
    assert one(card=Card(id="c", front="f", back="b", section="suggestions.5.2",
                         evidence=spaced)) == []
    assert one(card=Card(id="c", front="f", back="b", section="suggestions.5.2",
                         evidence=EVIDENCE.lower()))


def test_evidence_may_quote_the_heading_and_span_paragraphs() -> None:
    report = load_report()
    section = next(s for s in report.leaves if len(s.paragraphs) >= 2)
    spanning = section.paragraphs[0][-30:] + "\n\n" + section.paragraphs[1][:30]
    assert one(card=Card(id="c", front="f", back="b", section=section.id,
                         evidence=spanning)) == []


def test_evidence_without_a_section() -> None:
    assert one(card=Card(id="c", front="f", back="b", evidence=EVIDENCE, line=4)) == [
        "set.csv:4: card 'c': evidence needs a section; add 'section:' with the id of the "
        "section it is quoted from"
    ]


def test_every_section_of_the_report_is_accepted() -> None:
    report = load_report()
    qs = QuestionSet(id="s", title="T", cards=[
        Card(id=section.id, front="f", back="b", section=section.id,
             evidence=(section.paragraphs or [section.heading])[0][:40])
        for section in report.sections
    ])
    assert check_set(qs, PATH) == []
