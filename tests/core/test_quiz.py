"""The quiz engine: scopes and the seeded draw, sessions, exam resume with the time that was
left, the mistake notebook's entry and exit rule, the challenge and the daily quiz
(docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Choice, NumericAnswer, Question, QuestionSet
from studyapp.core.quiz import (
    QuizEngine,
    QuizItem,
    answer_text,
    correct_answer_text,
    evidence_quotes,
    notebook_entries,
)
from studyapp.core.scoring import Policy
from studyapp.core.store import Store, open_store
from studyapp.core.store.quizzes import HistoryAnswer

SECTIONS = ["suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4",
            "problems.1", "reasons.2"]


def make_set(set_id: str = "test-set", per_section: int = 4) -> QuestionSet:
    questions = []
    for section in SECTIONS:
        for n in range(per_section):
            questions.append(Question(
                f"{section}-{n}", "single", f"Question {n} on {section}?", section=section,
                choices=[Choice("right", True), Choice("wrong 1"), Choice("wrong 2"),
                         Choice("wrong 3")],
                tags=["odd" if n % 2 else "even"], evidence="First quote\nSecond quote"))
    return QuestionSet(set_id, "Test set", questions=questions)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(tmp_path, "tester", clock=clock)
    opened.question_sets.import_set(make_set())
    yield opened
    opened.close()


@pytest.fixture
def engine(store: Store) -> QuizEngine:
    return QuizEngine(store)


def right(item: QuizItem) -> object:
    return next(i for i, c in enumerate(item.question.choices) if c.correct)


def wrong(item: QuizItem) -> object:
    return next(i for i, c in enumerate(item.question.choices) if not c.correct)


# -- scopes and the draw ----------------------------------------------------------------------
@pytest.mark.parametrize(("scope", "count"), [
    ("report", 24), ("relationships", 16), ("section:suggestions.5.2", 4), ("part:problems", 4),
    ("section:suggestions", 16), ("set:test-set", 24), ("set:other", 0), ("tags:odd", 12),
    ("tags:odd,even", 24),
])
def test_scopes_select_their_questions(engine: QuizEngine, scope: str, count: int) -> None:
    assert engine.count(scope) == count


def test_the_same_seed_draws_the_same_quiz_and_another_seed_another(engine: QuizEngine) -> None:
    first = engine.start("practice", "report", count=10, seed=7)
    again = engine.start("practice", "report", count=10, seed=7)
    other = engine.start("practice", "report", count=10, seed=8)
    assert [i.plan() for i in first.items] == [i.plan() for i in again.items]
    assert [i.plan() for i in first.items] != [i.plan() for i in other.items]
    assert len({i.key for i in first.items}) == 10


def test_practice_draws_ten_and_exam_twenty_by_default(engine: QuizEngine) -> None:
    assert len(engine.start("practice", "report", seed=1).items) == 10
    exam = engine.start("exam", "report", seed=1)
    assert len(exam.items) == 20
    assert exam.time_limit_s == 20 * 60 and exam.pass_mark == 0.6


def test_options_are_shuffled_unless_the_question_opts_out(store: Store,
                                                           engine: QuizEngine) -> None:
    keep = make_set("keep", per_section=4)
    for question in keep.questions:
        question.shuffle = False
    store.question_sets.import_set(keep)
    shuffled = engine.start("practice", "set:test-set", count=None, seed=3).items
    assert any(item.order != [0, 1, 2, 3] for item in shuffled)
    # the right answer is not always the first option on screen
    assert {item.order.index(0) for item in shuffled} != {0}
    kept = engine.start("practice", "set:keep", count=None, seed=3).items
    assert all(item.order == [0, 1, 2, 3] for item in kept)


def test_order_questions_never_start_solved() -> None:
    from studyapp.core.quiz import draw
    from studyapp.core.store.quizzes import StoredQuestion

    question = Question("o", "order", "?", sequence=["a", "b"], shuffle=False)
    for seed in range(20):
        item = draw([StoredQuestion("s/o", "s", question)], None, seed)[0]
        assert item.order == [1, 0]


# -- sessions and records ---------------------------------------------------------------------
def test_answers_are_saved_as_given_and_stats_count_them(store: Store,
                                                          engine: QuizEngine) -> None:
    from studyapp.core.quiz import stats_summary

    session = engine.start("practice", "relationships", count=3, seed=5)
    assert stats_summary(store)["in_progress"] == 1
    session.answer(0, right(session.items[0]), duration_ms=1200)
    session.answer(1, wrong(session.items[1]))
    saved = store.quizzes.answers(session.attempt_id)
    assert [(a.question_key, a.correct, a.score, a.max_score) for a in saved] == [
        (session.items[0].key, True, 1.0, 1.0), (session.items[1].key, False, 0.0, 1.0)]
    assert saved[0].duration_ms == 1200
    result = session.finish()
    assert (result.score, result.max_score, result.passed) == (1, 2, None)
    assert stats_summary(store) == {"attempts": 1, "finished": 1, "in_progress": 0,
                                    "answers": 2, "correct": 1, "mistakes": 1}
    attempt = store.quizzes.attempts()[0]
    assert (attempt.mode, attempt.scope, attempt.score, attempt.max_score) == (
        "practice", "relationships", 1, 2)


def test_a_practice_left_before_any_answer_leaves_no_attempt(store: Store,
                                                            engine: QuizEngine) -> None:
    engine.start("practice", "report", seed=1).finish()
    assert store.quizzes.attempts() == []


def test_exam_scores_every_drawn_question_and_passes_against_the_pass_mark(
        engine: QuizEngine) -> None:
    exam = engine.start("exam", "report", count=5, seed=2, pass_mark=0.6)
    for index in range(3):
        exam.answer(index, right(exam.items[index]))
    result = exam.finish()
    assert (result.score, result.max_score, result.passed) == (3, 5, True)
    assert sum(s.questions for s in result.by_section) == 5
    assert sum(s.right for s in result.by_section) == 3
    exam = engine.start("exam", "report", count=5, seed=2, pass_mark=0.8)
    for index in range(3):
        exam.answer(index, right(exam.items[index]))
    assert exam.finish().passed is False


def test_exam_answers_can_change_and_only_the_last_one_counts(store: Store,
                                                              engine: QuizEngine) -> None:
    exam = engine.start("exam", "report", count=2, seed=2)
    exam.answer(0, wrong(exam.items[0]))
    exam.answer(0, right(exam.items[0]))
    assert len(store.quizzes.answers(exam.attempt_id)) == 1
    exam.clear(0)
    assert store.quizzes.answers(exam.attempt_id) == []


def test_exam_policy_is_kept_with_the_attempt(store: Store, engine: QuizEngine) -> None:
    store.question_sets.import_set(QuestionSet("multi", "Multi", questions=[
        Question("m", "multiple", "?", choices=[Choice("a", True), Choice("b", True),
                                               Choice("c")])]))
    exam = engine.start("exam", "set:multi", seed=1, policy=Policy(multiple="partial"))
    exam.answer(0, [0])
    resumed = engine.resume(exam.attempt_id)
    assert resumed.policy.multiple == "partial"
    assert resumed.grade(0) is not None and resumed.grade(0).fraction == 0.5  # type: ignore


def test_exam_resumes_with_its_answers_flags_place_and_the_time_that_was_left(
        store: Store, clock: FakeClock) -> None:
    engine = QuizEngine(store)
    exam = engine.start("exam", "report", count=10, seed=4, time_limit_s=600)
    exam.start_clock()
    clock.advance(seconds=100)
    for index in range(3):
        exam.answer(index, right(exam.items[index]))
    exam.toggle_flag(5)
    exam.go_to(6)
    clock.advance(seconds=20)
    exam.save_clock()  # the view's periodic save; then the power goes
    plan = [item.plan() for item in exam.items]
    clock.advance(hours=5)  # time while the PC was off does not count

    interrupted = engine.interrupted_exam()
    assert interrupted is not None and interrupted.id == exam.attempt_id
    resumed = engine.resume(exam.attempt_id)
    assert [item.plan() for item in resumed.items] == plan
    assert [resumed.answered(i) for i in range(4)] == [True, True, True, False]
    assert resumed.flagged(5) and resumed.position == 6
    assert resumed.remaining() == pytest.approx(480)
    resumed.start_clock()
    clock.advance(seconds=30)
    assert resumed.remaining() == pytest.approx(450)
    clock.advance(seconds=500)
    assert resumed.expired() and resumed.remaining() == 0
    result = resumed.finish()
    assert result.score == 3 and result.max_score == 10
    assert engine.interrupted_exam() is None


def test_stopping_the_clock_keeps_the_time_used(store: Store, clock: FakeClock) -> None:
    engine = QuizEngine(store)
    exam = engine.start("exam", "report", count=2, seed=4, time_limit_s=60)
    exam.start_clock()
    clock.advance(seconds=15)
    exam.stop_clock()
    clock.advance(seconds=100)
    assert exam.remaining() == pytest.approx(45)
    assert engine.resume(exam.attempt_id).remaining() == pytest.approx(45)


# -- the notebook -----------------------------------------------------------------------------
def history(*answers: tuple[int, bool]) -> list[HistoryAnswer]:
    return [HistoryAnswer(attempt, "practice", "s/q", ok, f"2026-01-{n + 1:02d}T09:00:00+00:00")
            for n, (attempt, ok) in enumerate(answers)]


def test_a_wrong_answer_puts_a_question_in_the_notebook() -> None:
    assert notebook_entries(history((1, True))) == {}
    entry = notebook_entries(history((1, True), (2, False)))["s/q"]
    assert entry.wrong == 1 and entry.last_wrong.startswith("2026-01-02")


def test_it_leaves_after_right_answers_in_two_later_sessions() -> None:
    assert "s/q" in notebook_entries(history((1, False), (2, True)))
    assert "s/q" not in notebook_entries(history((1, False), (2, True), (3, True)))


def test_right_answers_in_the_same_session_or_one_later_session_are_not_enough() -> None:
    assert "s/q" in notebook_entries(history((1, False), (1, True), (2, True)))
    assert "s/q" in notebook_entries(history((1, False), (2, True), (2, True)))


def test_a_new_wrong_answer_starts_the_count_again() -> None:
    entries = notebook_entries(history((1, False), (2, True), (3, False), (4, True)))
    assert entries["s/q"].wrong == 2 and entries["s/q"].right_since == 1
    assert "s/q" not in notebook_entries(
        history((1, False), (2, True), (3, False), (4, True), (5, True)))


def test_unsubmitted_exams_do_not_count_for_the_notebook(engine: QuizEngine) -> None:
    exam = engine.start("exam", "report", count=2, seed=1)
    exam.answer(0, wrong(exam.items[0]))
    assert engine.notebook() == {}
    exam.finish()
    assert list(engine.notebook()) == [exam.items[0].key]


def test_notebook_groups_by_section_and_practising_mistakes_draws_them(
        engine: QuizEngine) -> None:
    session = engine.start("practice", "report", count=6, seed=9)
    for index in range(6):
        session.answer(index, wrong(session.items[index]) if index < 3
                       else right(session.items[index]))
    session.finish()
    wrong_keys = {item.key for item in session.items[:3]}
    assert set(engine.notebook()) == wrong_keys
    groups = engine.notebook_by_section()
    assert sorted(e.key for _, entries in groups for e in entries) == sorted(wrong_keys)
    assert [s for s, _ in groups] == sorted(s for s, _ in groups)
    mistakes = engine.start("mistakes", seed=1)
    assert {item.key for item in mistakes.items} == wrong_keys
    for index, item in enumerate(mistakes.items):
        mistakes.answer(index, right(item))
    mistakes.finish()
    assert set(engine.notebook()) == wrong_keys  # one later session is not enough
    again = engine.start("mistakes", seed=2)
    for index, item in enumerate(again.items):
        again.answer(index, right(item))
    again.finish()
    assert engine.notebook() == {}


# -- the challenge ----------------------------------------------------------------------------
def test_challenge_mixes_the_four_relationships_and_ends_at_the_first_wrong_answer(
        engine: QuizEngine) -> None:
    challenge = engine.start("challenge", seed=3)
    assert challenge.scope == "relationships" and len(challenge.items) == 16
    assert {i.question.section for i in challenge.items} == set(SECTIONS[:4])
    for index in range(4):
        challenge.answer(index, right(challenge.items[index]))
        assert not challenge.ended
    challenge.answer(4, wrong(challenge.items[4]))
    assert challenge.ended
    assert challenge.finish().streak == 4
    assert engine.best_streak() == 4
    shorter = engine.start("challenge", seed=4)
    shorter.answer(0, wrong(shorter.items[0]))
    shorter.finish()
    assert engine.best_streak() == 4


def test_each_relationship_has_a_score_over_the_last_ten_answers_with_a_trend(
        store: Store, engine: QuizEngine) -> None:
    first = engine.start("practice", "section:suggestions.5.1", count=None, seed=1)
    for index, item in enumerate(first.items):
        first.answer(index, wrong(item))
    first.finish()
    for seed in range(2, 5):
        later = engine.start("practice", "section:suggestions.5.1", count=None, seed=seed)
        for index, item in enumerate(later.items):
            later.answer(index, right(item))
        later.finish()
    scores = {s.section: s for s in engine.relationship_scores()}
    assert scores["suggestions.5.1"].answers == 16
    assert scores["suggestions.5.1"].share == 1.0
    assert scores["suggestions.5.1"].previous == pytest.approx(2 / 6)  # 4 wrong, then 2 right
    assert scores["suggestions.5.1"].trend == pytest.approx(2 / 3)
    assert scores["suggestions.5.2"].share is None and scores["suggestions.5.2"].trend is None


# -- the daily quiz ---------------------------------------------------------------------------
def test_daily_quiz_takes_mistakes_first_then_unseen_questions(
        engine: QuizEngine, clock: FakeClock) -> None:
    practice = engine.start("practice", "report", count=4, seed=1)
    for index, item in enumerate(practice.items):
        practice.answer(index, wrong(item) if index < 2 else right(item))
    practice.finish()
    daily = engine.start("daily", seed=5)
    keys = [item.key for item in daily.items]
    assert len(keys) == 5
    assert set(keys[:2]) == {practice.items[0].key, practice.items[1].key}
    seen = {item.key for item in practice.items}
    assert not set(keys[2:]) & seen


def test_daily_quiz_once_a_day_with_a_streak(engine: QuizEngine, clock: FakeClock) -> None:
    assert engine.daily_status().streak == 0
    for _day in range(3):
        daily = engine.start("daily", seed=1)
        daily.answer(0, right(daily.items[0]))
        daily.finish()
        assert engine.daily_status().done_today
        clock.advance(days=1)
    status = engine.daily_status()
    assert not status.done_today and status.streak == 3  # yesterday still counts
    clock.advance(days=1)
    assert engine.daily_status().streak == 0


# -- texts ------------------------------------------------------------------------------------
def test_answer_texts_use_the_numbers_on_screen() -> None:
    question = Question("q", "multiple", "?", choices=[
        Choice("alpha", True), Choice("beta"), Choice("gamma", True)])
    item = QuizItem("s/q", question, order=[2, 1, 0])
    assert correct_answer_text(item) == "1. gamma; 3. alpha"
    assert answer_text(item, [1]) == "2. beta"
    numeric = QuizItem("s/n", Question("n", "numeric", "?", numeric=[
        NumericAnswer(value=5, tolerance=0.5), NumericAnswer(low=1, high=2)]))
    assert correct_answer_text(numeric) == "5 (± 0.5) or 1 to 2"
    match = QuizItem("s/m", Question("m", "match", "?", pairs=[("a", "1"), ("b", "2")]),
                     order=[1, 0])
    assert answer_text(match, [1, None]) == "a → 2; b → —"


def test_evidence_may_be_several_quotes() -> None:
    assert evidence_quotes(Question("q", "fill", "?", evidence="One.\n  Two. \n")) == [
        "One.", "Two."]


def test_the_results_export_has_a_row_per_attempt_with_its_score_and_time(
        store: Store, clock: FakeClock) -> None:
    from studyapp.core.report import load_report
    from studyapp.core.stats import EXPORT_COLUMNS, results_rows

    engine = QuizEngine(store)
    exam = engine.start("exam", "report", count=2, seed=1, time_limit_s=600)
    exam.start_clock()
    clock.advance(seconds=42)
    exam.answer(0, right(exam.items[0]))
    exam.finish()
    practice = engine.start("practice", "report", count=2, seed=1)
    practice.answer(0, wrong(practice.items[0]), duration_ms=7000)
    practice.finish()
    rows = [dict(zip(EXPORT_COLUMNS, row, strict=True))
            for row in results_rows(store, load_report()) if row[1].startswith("quiz:")]
    assert [(r["kind"], r["seconds"], r["score"], r["max_score"], r["passed"]) for r in rows] == [
        ("quiz:exam", 42, 1, 2, "no"), ("quiz:practice", 7, 0, 1, "")]


def test_a_matching_or_ordering_left_unfinished_is_found_before_grading(
        tmp_path: Path, clock: FakeClock) -> None:
    from studyapp.core.quiz import Unfinished

    store = open_store(tmp_path, "tester", clock=clock)
    try:
        store.question_sets.import_set(QuestionSet("mo", "Match and order", questions=[
            Question("m", "match", "Match.", pairs=[("a", "1"), ("b", "2"), ("c", "3"),
                                                    ("d", "4")]),
            Question("o", "order", "Order.", sequence=["x", "y", "z"])]))
        session = QuizEngine(store).start("practice", "set:mo", count=None, seed=2)
        match = next(i for i, item in enumerate(session.items) if item.question.type == "match")
        order = 1 - match
        assert session.unfinished(match, [0, None, 2, None]) == Unfinished(2, 4)
        assert session.unfinished(match, [0, 1]) == Unfinished(2, 4)  # rows not sent at all
        assert session.unfinished(match, [3, 2, 1, 0]) is None  # all paired, if wrongly
        shown = list(session.items[order].order)
        assert session.unfinished(order, shown) == Unfinished(3, 3)
        assert session.unfinished(order, shown[1:] + shown[:1]) is None
        assert not session.given  # asking grades nothing
    finally:
        store.close()


def test_a_quiz_with_no_question_is_not_started_and_leaves_no_record(
        store: Store, engine: QuizEngine) -> None:
    from studyapp.core.quiz import stats_summary

    for mode in ("practice", "exam"):
        assert engine.start_or_empty(mode, "set:other") is None  # type: ignore[arg-type]
    assert engine.start_or_empty("mistakes") is None  # the notebook is empty
    assert stats_summary(store)["attempts"] == 0
    started = engine.start_or_empty("practice", "relationships", count=2)
    assert started is not None and len(started.items) == 2


def test_the_streak_and_the_exam_waiting_to_be_resumed_are_told_by_core(
        store: Store, engine: QuizEngine, clock: FakeClock) -> None:
    challenge = engine.start("challenge", seed=4)
    challenge.answer(0, right(challenge.items[0]))
    challenge.answer(1, right(challenge.items[1]))
    assert challenge.streak == 2
    challenge.answer(2, wrong(challenge.items[2]))
    assert challenge.streak == 2 and challenge.finish().streak == 2

    assert engine.interrupted_summary() is None
    exam = engine.start("exam", "relationships", count=4, seed=3, time_limit_s=300)
    exam.start_clock()
    clock.advance(seconds=50)
    exam.answer(0, right(exam.items[0]))
    exam.stop_clock()
    waiting = engine.interrupted_summary()
    assert waiting is not None and waiting.record.id == exam.attempt_id
    assert (waiting.answered, waiting.questions, waiting.left_s) == (1, 4, 250.0)


def test_the_scopes_offered_are_those_with_questions_with_their_counts(store: Store) -> None:
    from studyapp.core.quiz_scopes import MAX_TAGS, scope_choices
    from studyapp.core.report import load_report

    store.question_sets.import_set(QuestionSet("tagged", "Tagged", questions=[
        Question(f"t{n}", "truefalse", f"T{n}?", section="problems.1", truth=True,
                 tags=[f"tag{n:02d}"] + (["common"] if n % 2 else []))
        for n in range(MAX_TAGS + 3)]))
    choices = {c.scope: c for c in scope_choices(load_report(), store)}
    scopes = list(choices)
    assert scopes[:2] == ["relationships", "report"]
    assert choices["relationships"].count == 16 and choices["report"].count == 24 + 15
    assert choices["part:problems"].count == 4 + 15 and choices["part:problems"].depth == 0
    assert choices["section:problems.1"].count == 4 + 15
    assert choices["section:suggestions.5.1"].depth == 2
    assert "section:suggestions.1.1" not in choices  # no question there: not offered
    assert choices["set:tagged"].value == "Tagged" and choices["set:tagged"].count == 15
    tags = [s for s in scopes if s.startswith("tags:")]
    assert len(tags) == MAX_TAGS
    assert tags[:3] == ["tags:even", "tags:odd", "tags:common"]  # the most used first
    assert choices["tags:common"].count == 7
