"""Aiken import: Moodle's fixtures and rules, and one problem per broken question."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.questionsets import LoadResult, load_file
from studyapp.core.questionsets.aiken import looks_like_aiken, parse
from studyapp.core.questionsets.model import Question

MOODLE = Path(__file__).parents[2] / "fixtures" / "moodle"


def load(name: str) -> LoadResult:
    path = MOODLE / name
    return parse(path.read_text(encoding="utf-8"), str(path))


def questions_of(text: str) -> list[Question]:
    result = parse(text, "quiz.txt")
    assert result.problems == []
    assert result.question_set is not None
    return result.question_set.questions


def problems_of(text: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in parse(text, "quiz.txt").problems]


def test_moodle_questions_fixture() -> None:
    result = load("aiken-questions.txt")
    assert result.problems == []
    assert result.question_set is not None
    assert (result.question_set.id, result.question_set.title, result.question_set.format) == (
        "aiken-questions", "aiken-questions", "aiken")
    first, second = result.question_set.questions
    assert (first.id, first.line, first.type) == ("q1", 1, "single")
    assert first.prompt == "The Moodle project was started by:"
    assert [c.text for c in first.choices] == [
        "Petr Skoda", "Martin Dougiamas", "Eloy Lafuente", "Tim Hunt"]
    assert [c.correct for c in first.choices] == [False, True, False, False]
    # Plain text is kept as written: nothing here is HTML.
    assert second.prompt == ("Moodle's abilities include handling user input that includes "
                             '<html class="cool"> & images:')
    assert [c.correct for c in second.choices] == [True, False]
    assert second.line == 8


def test_moodle_errors_fixture_reports_three_broken_questions() -> None:
    result = load("aiken-errors.txt")
    # Moodle reports these as "at least 2 answers on line 3", "not started on line 5" and
    # "line 7" (one broken question), and "not completed before next question start on
    # line 18"; here each broken question is one problem at its first line.
    assert [(p.line, p.message) for p in result.problems] == [
        (1, "the question has only 1 option(s) before its ANSWER line (line 3); "
            "it needs at least 2"),
        (5, "option or ANSWER line without a question: each question starts with its text "
            "on a line of its own"),
        (14, "question not finished: it has no ANSWER: line before the next question starts "
             "on line 18"),
    ]
    assert result.question_set is not None
    good, second_good = result.question_set.questions
    assert (good.line, good.prompt) == (9, "A good question")
    assert [(c.text, c.correct) for c in good.choices] == [("Correct", True), ("Incorrect", False)]
    # "A)Incorrect (No space)": Moodle accepts an option without the space.
    assert (second_good.line, second_good.prompt) == (18, "A second good question")
    assert [(c.text, c.correct) for c in second_good.choices] == [
        ("Incorrect (No space)", False), ("Correct (No space)", True)]


def test_load_file_detects_aiken_in_a_txt_file() -> None:
    result = load_file(MOODLE / "aiken-questions.txt")
    assert result.ok, result.problems
    assert result.question_set is not None and result.question_set.format == "aiken"
    broken = load_file(MOODLE / "aiken-errors.txt")
    assert [p.line for p in broken.problems] == [1, 5, 14]


def test_dot_labels_and_answer_with_punctuation() -> None:
    [question] = questions_of("Which?\nA. one\nB. two\nC. three\nANSWER: C.\n")
    assert [c.correct for c in question.choices] == [False, False, True]


def test_question_text_over_several_lines() -> None:
    [question] = questions_of("First line of the text\nsecond line?\nA) yes\nB) no\nANSWER: B")
    assert question.prompt == "First line of the text\nsecond line?"
    assert question.line == 1


def test_blank_lines_and_one_character_lines_are_skipped_like_moodle() -> None:
    questions = questions_of("\n\nQ1\n\nA) a\nx\nB) b\n\nANSWER: A\n\n\nQ2\nA) a\nB) b\nANSWER: B")
    assert [(q.line, q.prompt) for q in questions] == [(3, "Q1"), (12, "Q2")]


def test_crlf_and_cr_line_endings() -> None:
    for newline in ("\r\n", "\r"):
        text = newline.join(["Q1", "A) a", "B) b", "ANSWER: A", "", "Q2", "A) a", "B) b",
                             "ANSWER: B"])
        assert [q.line for q in questions_of(text)] == [1, 6]


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("Q?\nA) a\nC) c\nANSWER: C", "option C on line 8 should be B"),
        ("Q?\nA) a\nB)\nANSWER: A", "option B on line 8 is empty"),
        ("Q?\nA) a\nB) b\nANSWER: C", "ANSWER: C on line 9 names no option"),
        ("Q?\nA) a\nB) b\nANSWER: b", "must be one option letter"),
        ("Q?\nA) a\nB) b\nANSWER:", "must be one option letter"),
        ("Q?\nA) a\nB) b\nANSWER: AB", "must be one option letter"),
        ("Q?\nA) a\nB) b\nAnswer: A", "must be written ANSWER: X, in capitals"),
        ("Q?\nA) a\nB) b\nANSWER : A", "must be written ANSWER: X, in capitals"),
        ("Q?\nNo options here\nANSWER: A", "only 0 option(s)"),
    ],
)
def test_each_broken_question_is_one_problem_and_the_rest_parses(broken: str,
                                                                  message: str) -> None:
    text = f"Good?\nA) yes\nB) no\nANSWER: A\n\n{broken}\n\nAlso good?\nA) yes\nB) no\nANSWER: B"
    result = parse(text, "quiz.txt")
    assert len(result.problems) == 1, result.problems
    [problem] = result.problems
    assert (problem.path, problem.line) == ("quiz.txt", 6)
    assert message in problem.message
    assert result.question_set is not None
    assert [q.prompt for q in result.question_set.questions] == ["Good?", "Also good?"]


def test_question_text_after_a_blank_line_starts_a_new_question() -> None:
    assert problems_of("Q1 text\n\nQ2\nA) a\nB) b\nANSWER: A") == [
        (1, "question not finished: it has no ANSWER: line before the next question starts "
            "on line 3")]


def test_unfinished_question_at_the_end_of_the_file() -> None:
    assert problems_of("Q1\nA) a\nB) b\nANSWER: A\n\nQ2\nA) a\nB) b\n") == [
        (6, "question not finished: the file ends before its ANSWER: line")]


def test_empty_input_is_one_problem_without_a_set() -> None:
    for text in ("", "\n \n", "x"):
        result = parse(text, "empty.txt")
        assert result.question_set is None
        assert [(p.line, p.message) for p in result.problems] == [
            (0, "no Aiken questions found in the file")]


def test_set_id_from_an_awkward_file_name() -> None:
    text = "Q?\nA) a\nB) b\nANSWER: A"
    result = parse(text, "/somewhere/My Quiz (v2).TXT")
    assert result.question_set is not None
    assert (result.question_set.id, result.question_set.title) == ("my-quiz-v2", "My Quiz (v2)")
    first = parse(text, "测验一.txt").question_set
    second = parse(text, "第二章 Ｑｕｉｚ（２）.txt").question_set
    assert first is not None and second is not None
    assert (first.id, second.id) == ("测验一", "第二章-quiz-2")  # readable, Chinese kept
    third = parse(text, "Тест один.txt").question_set
    fourth = parse(text, "Тест два.txt").question_set
    assert third is not None and fourth is not None
    # No usable character: a hash keeps the two sets apart.
    assert third.id.startswith("set-") and fourth.id.startswith("set-")
    assert third.id != fourth.id


def test_looks_like_aiken() -> None:
    for name in ("aiken-questions.txt", "aiken-errors.txt"):
        assert looks_like_aiken((MOODLE / name).read_text(encoding="utf-8"))
    for name in ("gift-examples.gift", "gift-fixture-with-essay.gift"):
        assert not looks_like_aiken((MOODLE / name).read_text(encoding="utf-8"))
    assert not looks_like_aiken("A) an option but no answer line")
    assert not looks_like_aiken("ANSWER: A but no option line")
