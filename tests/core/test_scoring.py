"""docs/scoring.md, rule by rule (each test names the rule it checks)."""

from __future__ import annotations

import pytest

from studyapp.core.questionsets.model import Choice, NumericAnswer, Question
from studyapp.core.scoring import Policy, fold, parse_number, passed, score, weight_of


def single(*correct: bool, weights: list[float | None] | None = None) -> Question:
    weights = weights or [None] * len(correct)
    pairs = enumerate(zip(correct, weights, strict=True))
    return Question("q", "single", "P?",
                    choices=[Choice(f"option {i}", c, weight=w) for i, (c, w) in pairs])


def multiple(*correct: bool, weights: list[float | None] | None = None) -> Question:
    question = single(*correct, weights=weights)
    question.type = "multiple"
    return question


# -- marks and "right" ------------------------------------------------------------------------
def test_weight_is_points_when_given_else_one() -> None:
    question = single(True, False)
    assert weight_of(question) == 1
    question.points = 3  # type: ignore[attr-defined]  # the optional field of the banks slice
    assert weight_of(question) == 3
    grade = score(question, 0)
    assert grade.score == 3 and grade.correct


def test_unanswered_scores_zero_and_is_wrong() -> None:
    for question in (single(True, False), Question("f", "fill", "?", accepted=["x"])):
        grade = score(question, None)
        assert grade.fraction == 0 and not grade.correct and not grade.partly


def test_only_full_marks_is_right_and_between_is_partly() -> None:
    question = multiple(True, True, False)
    grade = score(question, [0], Policy(multiple="partial"))
    assert grade.fraction == 0.5 and grade.partly and not grade.correct


# -- single and truefalse ---------------------------------------------------------------------
def test_single_right_option_scores_one_other_zero() -> None:
    question = single(False, True, False)
    assert score(question, 1).fraction == 1
    assert score(question, 0).fraction == 0
    assert score(question, 7).fraction == 0  # an option that is not there


def test_single_with_moodle_weight_gives_max_of_zero_and_weight() -> None:
    question = single(True, False, False, weights=[1.0, 0.5, -0.5])
    assert score(question, 1).fraction == 0.5
    assert score(question, 2).fraction == 0


def test_truefalse_matches_truth() -> None:
    question = Question("t", "truefalse", "?", truth=False)
    assert score(question, False).correct
    assert not score(question, True).correct


# -- multiple: the three policies -------------------------------------------------------------
def test_multiple_all_or_nothing_is_the_default() -> None:
    question = multiple(True, False, True, False)
    assert score(question, [0, 2]).fraction == 1
    assert score(question, [2, 0]).fraction == 1
    assert score(question, [0]).fraction == 0
    assert score(question, [0, 1, 2]).fraction == 0
    assert score(question, []).fraction == 0


def test_multiple_partial_credit_per_correct_choice_and_zero_for_any_wrong() -> None:
    policy = Policy(multiple="partial")
    question = multiple(True, True, True, False)
    assert score(question, [0], policy).fraction == pytest.approx(1 / 3)
    assert score(question, [0, 1], policy).fraction == pytest.approx(2 / 3)
    assert score(question, [0, 1, 2], policy).fraction == 1
    assert score(question, [0, 1, 3], policy).fraction == 0
    assert score(question, [], policy).fraction == 0


def test_multiple_fractions_default_weights_are_plus_and_minus_one_over_k() -> None:
    policy = Policy(multiple="fractions")
    question = multiple(True, True, False, False)
    assert score(question, [0], policy).fraction == 0.5
    assert score(question, [0, 1], policy).fraction == 1
    assert score(question, [0, 2], policy).fraction == 0
    assert score(question, [0, 1, 2, 3], policy).fraction == 0  # ticking everything
    assert score(question, [2], policy).fraction == 0  # clamped, never negative


def test_multiple_fractions_use_the_sets_own_weights() -> None:
    policy = Policy(multiple="fractions")
    question = multiple(True, True, True, False, weights=[0.5, 0.3, 0.2, -1.0])
    assert score(question, [0, 1], policy).fraction == pytest.approx(0.8)
    assert score(question, [0, 1, 2], policy).fraction == pytest.approx(1)
    assert score(question, [0, 3], policy).fraction == 0


# -- match and order --------------------------------------------------------------------------
def match_question() -> Question:
    return Question("m", "match", "?", pairs=[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")])


def test_match_partial_credit_per_pair_by_default() -> None:
    question = match_question()
    assert score(question, [0, 1, 2, 3]).fraction == 1
    assert score(question, [0, 1, 3, 2]).fraction == 0.5
    assert score(question, [0, None, None, None]).fraction == 0.25  # unpaired items are wrong


def test_match_all_or_nothing() -> None:
    policy = Policy(pairs="all_or_nothing")
    question = match_question()
    assert score(question, [0, 1, 2, 3], policy).fraction == 1
    assert score(question, [0, 1, 3, 2], policy).fraction == 0


def test_match_items_with_equal_text_count_as_each_other() -> None:
    question = Question("m", "match", "?", pairs=[("a", "yes"), ("b", "yes"), ("c", "no")])
    assert score(question, [1, 0, 2]).fraction == 1


def test_order_partial_credit_per_position_and_all_or_nothing() -> None:
    question = Question("o", "order", "?", sequence=["w", "x", "y", "z"])
    assert score(question, [0, 1, 2, 3]).fraction == 1
    assert score(question, [0, 1, 3, 2]).fraction == 0.5
    assert score(question, [3, 2, 1, 0]).fraction == 0
    assert score(question, [0, 1, 3, 2], Policy(pairs="all_or_nothing")).fraction == 0


# -- fill -------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", [
    "opinions", "Opinions", "  OPINIONS  ", "opinions.", "“opinions”", "ｏｐｉｎｉｏｎｓ",
    "opinion", "(opinion)",
])
def test_fill_folds_case_width_spaces_and_punctuation_and_takes_every_alternative(
        typed: str) -> None:
    question = Question("f", "fill", "?", accepted=["opinions", "opinion"])
    assert score(question, typed).correct


@pytest.mark.parametrize("typed", ["", "  ", "...", "opinons", "opin ions"])
def test_fill_rejects_other_text_and_empty_answers(typed: str) -> None:
    question = Question("f", "fill", "?", accepted=["opinions"])
    assert not score(question, typed).correct


def test_fill_inner_spaces_collapse_and_chinese_punctuation_trims() -> None:
    question = Question("f", "fill", "?", accepted=["实事求是"])
    assert score(question, "实事求是。").correct
    assert score(question, "　实事求是　").correct  # ideographic spaces
    question = Question("f", "fill", "?", accepted=["seek truth"])
    assert score(question, "seek   truth").correct


def test_fold_is_what_the_doc_says() -> None:
    assert fold("ＡＢＣ１２，") == "abc12"
    assert fold("  Hello,  World!  ") == "hello, world"


# -- numeric ----------------------------------------------------------------------------------
def test_numeric_tolerance_and_range() -> None:
    question = Question("n", "numeric", "?", numeric=[NumericAnswer(value=5, tolerance=0.5)])
    assert score(question, "5.5").correct and score(question, "4.5").correct
    assert not score(question, "5.6").correct
    ranged = Question("n", "numeric", "?", numeric=[NumericAnswer(low=1921, high=1949)])
    assert score(ranged, "1921").correct and score(ranged, "1949").correct
    assert not score(ranged, "1950").correct


def test_numeric_any_accepted_answer() -> None:
    question = Question("n", "numeric", "?",
                        numeric=[NumericAnswer(value=4), NumericAnswer(value=5)])
    assert score(question, "5").correct and score(question, "4").correct


@pytest.mark.parametrize(("typed", "number"), [
    ("3.5", 3.5), (" -2 ", -2.0), ("1e3", 1000.0), ("1,000", 1000.0), ("12,345.6", 12345.6),
    ("3,5", 3.5), ("１２", 12.0), ("− 4", -4.0),
])
def test_numeric_reads_decimal_numbers(typed: str, number: float) -> None:
    assert parse_number(typed) == pytest.approx(number)


@pytest.mark.parametrize("typed", ["", "five", "1.2.3", "nan", "inf", "1,2,3"])
def test_numeric_text_that_is_not_a_number_scores_zero_and_says_so(typed: str) -> None:
    question = Question("n", "numeric", "?", numeric=[NumericAnswer(value=5)])
    grade = score(question, typed)
    assert grade.fraction == 0 and grade.note == "not a number"


# -- pass mark --------------------------------------------------------------------------------
def test_pass_mark_is_a_share_of_the_maximum() -> None:
    assert passed(6, 10)
    assert not passed(5.9, 10)
    assert passed(8, 10, 0.8) and not passed(7.99, 10, 0.8)
    assert not passed(0, 0)


def test_policy_round_trips_and_unknown_values_fall_back_to_defaults() -> None:
    policy = Policy(multiple="fractions", pairs="all_or_nothing")
    assert Policy.from_json(policy.to_json()) == policy
    assert Policy.from_json({"multiple": "bogus"}) == Policy()
    assert Policy.from_json(None) == Policy()
