"""The built-in question sets: valid, and covering the report as the content targets demand."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import QUESTION_TYPES, Card, Question, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.resources import questions_dir

RELATIONSHIPS = ["suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4"]


def builtin_files() -> list[Path]:
    return sorted(Path(str(questions_dir())).glob("*.yaml"))


@pytest.fixture(scope="module")
def sets() -> list[QuestionSet]:
    loaded = []
    for path in builtin_files():
        result = load_file(path)
        assert result.ok, "\n".join(str(problem) for problem in result.problems)
        assert result.question_set is not None
        loaded.append(result.question_set)
    return loaded


@pytest.fixture(scope="module")
def questions(sets: list[QuestionSet]) -> list[Question]:
    return [question for question_set in sets for question in question_set.questions]


@pytest.fixture(scope="module")
def cards(sets: list[QuestionSet]) -> list[Card]:
    return [card for question_set in sets for card in question_set.cards]


def test_there_are_builtin_sets_with_distinct_ids(sets: list[QuestionSet]) -> None:
    assert builtin_files(), "no questions/*.yaml"
    ids = [question_set.id for question_set in sets]
    assert len(ids) == len(set(ids))


def test_at_least_150_questions_of_all_seven_types(questions: list[Question]) -> None:
    assert len(questions) >= 150
    assert {question.type for question in questions} == set(QUESTION_TYPES)


def test_every_leaf_section_has_at_least_4_questions(questions: list[Question]) -> None:
    per_section = Counter(question.section for question in questions)
    thin = {leaf.id: per_section[leaf.id] for leaf in load_report().leaves
            if per_section[leaf.id] < 4}
    assert thin == {}


def test_the_four_relationships_are_covered_well(questions: list[Question]) -> None:
    per_section = Counter(question.section for question in questions)
    assert sum(per_section[section] for section in RELATIONSHIPS) >= 40
    assert {section: per_section[section] for section in RELATIONSHIPS
            if per_section[section] < 8} == {}


def test_at_least_100_cards_and_3_per_leaf_section(cards: list[Card]) -> None:
    assert len(cards) >= 100
    per_section = Counter(card.section for card in cards)
    thin = {leaf.id: per_section[leaf.id] for leaf in load_report().leaves
            if per_section[leaf.id] < 3}
    assert thin == {}


def test_every_question_has_section_evidence_and_explanation(questions: list[Question]) -> None:
    lacking = [question.id for question in questions
               if not (question.section and question.evidence.strip()
                       and question.explanation.strip())]
    assert lacking == []


def test_every_card_has_section_and_evidence(cards: list[Card]) -> None:
    lacking = [card.id for card in cards if not (card.section and card.evidence.strip())]
    assert lacking == []
