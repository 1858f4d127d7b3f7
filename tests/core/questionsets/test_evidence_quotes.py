"""Evidence as a list of quotes: one per part of the answer, each checked word for word."""

from __future__ import annotations

import textwrap

from studyapp.core.questionsets import check_set
from studyapp.core.questionsets.model import Card, Question, QuestionSet, evidence_quotes
from studyapp.core.questionsets.native import dump, parse

PATH = "sets.yaml"
FIRST = "Dare to charge and charge is not the same."
SECOND = "Rushing into battle is generally not accurate enough to grasp the actual situation."


def document(evidence: str, card_evidence: str = f"evidence: {FIRST}") -> str:
    return textwrap.dedent("""\
        format: studyapp-questions/1
        id: s
        title: T
        questions:
          - id: q1
            type: multiple
            section: suggestions.5.2
            prompt: Which hold?
            options: [a, b, c]
            answer: [A, C]
        {evidence}
        cards:
          - id: c1
            section: suggestions.5.2
            front: f
            back: b
        {card_evidence}
        """).format(evidence=textwrap.indent(evidence, "    "),
                    card_evidence=textwrap.indent(card_evidence, "    "))


def all_problems(text: str) -> list[str]:
    result = parse(text, PATH)
    problems = list(result.problems)
    if result.question_set is not None:
        problems += check_set(result.question_set, PATH)
    return [str(problem) for problem in problems]


def test_evidence_quotes_splits_lines_and_drops_empty_ones() -> None:
    assert evidence_quotes("") == []
    assert evidence_quotes(FIRST) == [FIRST]
    assert evidence_quotes(f" {FIRST} \n\n{SECOND}\n") == [FIRST, SECOND]


def test_a_list_of_quotes_is_read_and_each_quote_checked() -> None:
    text = document(f"evidence:\n  - {FIRST}\n  - {SECOND}",
                    f"evidence: [{FIRST!r}, {SECOND!r}]")
    result = parse(text, PATH)
    assert result.problems == []
    assert result.question_set is not None
    question, card = result.question_set.questions[0], result.question_set.cards[0]
    assert question.evidence == f"{FIRST}\n{SECOND}"
    assert evidence_quotes(question.evidence) == [FIRST, SECOND]
    assert evidence_quotes(card.evidence) == [FIRST, SECOND]
    assert check_set(result.question_set, PATH) == []


def test_each_quote_must_be_word_for_word_and_the_message_says_which() -> None:
    text = document(f"evidence:\n  - {FIRST}\n  - Charging is the same as daring.")
    assert all_problems(text) == [
        "sets.yaml:5: question 'q1': evidence quote 2 not found in section suggestions.5.2; "
        "it must be copied word for word from that section"]


def test_a_single_quote_keeps_its_old_message_and_line_breaks_inside_it() -> None:
    wrong = document("evidence: Charging is the same as daring.")
    assert all_problems(wrong) == [
        "sets.yaml:5: question 'q1': evidence not found in section suggestions.5.2; "
        "it must be copied word for word from that section"]
    # A quote written over several lines (a literal block) is still one quote.
    spanning = document("evidence: |\n  Dare to charge and charge is not the same. It is a\n"
                        "  kind of courage to dare to rush and do things")
    result = parse(spanning, PATH)
    assert result.question_set is not None
    assert evidence_quotes(result.question_set.questions[0].evidence) == [
        "Dare to charge and charge is not the same. It is a kind of courage to dare to rush "
        "and do things"]
    assert all_problems(spanning) == []


def test_a_quote_in_a_list_that_runs_over_lines_is_refused_at_its_line() -> None:
    text = document(f"evidence:\n  - {FIRST}\n  - |\n    two\n    lines")
    assert all_problems(text) == [
        "sets.yaml:13: question 'q1': evidence quote 2 runs over several lines; write each "
        "quote as one line of the list"]


def test_evidence_that_is_neither_text_nor_a_list_of_texts_is_a_problem() -> None:
    for bad in ("evidence: {a: b}", "evidence: []", "evidence: [a, [b]]", "evidence: ['']"):
        assert all_problems(document(bad)) == [
            "sets.yaml:11: question 'q1': evidence must be a quote, or a list of quotes "
            "(one per part of the answer)"], bad


def test_unquoted_numbers_in_a_list_of_quotes_are_the_text_as_written() -> None:
    result = parse(document("evidence: [17th, 1.10]").replace("suggestions.5.2", "intro", 1),
                   PATH)
    assert result.question_set is not None
    assert evidence_quotes(result.question_set.questions[0].evidence) == ["17th", "1.10"]


def test_dump_writes_a_list_for_several_quotes_and_text_for_one() -> None:
    qs = QuestionSet(id="s", title="T", source=PATH, format="native", questions=[
        Question(id="q", type="truefalse", prompt="p", truth=True, section="suggestions.5.2",
                 evidence=f"{FIRST}\n{SECOND}")],
        cards=[Card(id="c", front="f", back="b", section="suggestions.5.2", evidence=FIRST)])
    text = dump(qs)
    assert f"evidence:\n  - {FIRST}\n  - {SECOND}\n" in text
    assert f"evidence: {FIRST}\n" in text
    again = parse(text, PATH).question_set
    assert again is not None
    assert again.questions[0].evidence == qs.questions[0].evidence
    assert again.cards[0].evidence == FIRST
