"""Quiz modes are a StrEnum (issue 14, "states and modes as enums"): a session read back from
the store carries the member, the store keeps the plain value, and a word that is no mode is
refused instead of starting an attempt nothing knows how to run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Choice, Question, QuestionSet
from studyapp.core.quiz import MODES, QuizEngine, QuizMode
from studyapp.core.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path, "tester", clock=FakeClock())
    opened.question_sets.import_set(QuestionSet("modes", "Modes", questions=[
        Question(f"q{n}", "single", f"Question {n}?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong")]) for n in range(6)]))
    yield opened
    opened.close()


@pytest.mark.parametrize("mode", list(QuizMode))
def test_a_session_started_or_resumed_has_its_mode_as_the_member(store: Store,
                                                                  mode: QuizMode) -> None:
    engine = QuizEngine(store)
    session = engine.start(mode.value)  # as a view gives it: the word
    assert session.mode is mode
    assert engine.resume(session.attempt_id).mode is mode
    stored = store.quizzes.attempt(session.attempt_id)
    assert stored is not None and type(stored.mode) is str and stored.mode == mode.value


def test_an_exam_left_unfinished_is_found_by_its_mode(store: Store) -> None:
    engine = QuizEngine(store)
    exam = engine.start(QuizMode.EXAM, "report", count=3)
    engine.start(QuizMode.PRACTICE, "report", count=3)
    interrupted = engine.interrupted_exam()
    assert interrupted is not None and interrupted.id == exam.attempt_id
    assert not exam.gives_feedback and engine.start(QuizMode.PRACTICE).gives_feedback


def test_a_word_that_is_no_mode_starts_nothing(store: Store) -> None:
    engine = QuizEngine(store)
    with pytest.raises(ValueError):
        engine.start("notebook")  # the start page's key for the notebook page, no quiz mode
    assert store.quizzes.unfinished("notebook") is None
    assert MODES == ("practice", "exam", "mistakes", "challenge", "daily")
