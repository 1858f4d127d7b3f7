"""The Quiz view driven as a learner would, by keyboard alone (the contract's keys), with an
injected clock for the exam's countdown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Choice, NumericAnswer, Question, QuestionSet
from studyapp.core.quiz import QuizEngine, QuizSession
from studyapp.core.report import Report, load_report
from studyapp.core.stats import profile_summary
from studyapp.core.store import Store, open_store
from studyapp.ui.main_window import MainWindow
from studyapp.ui.quiz_answers import ChoiceAnswer, MatchAnswer, OrderAnswer, TextAnswer
from studyapp.ui.quiz_view import QuizView
from studyapp.ui.widgets import ConfirmDialog

EVIDENCE = "The fundamental purpose of improving the innovative ability"


def every_type(set_id: str = "ui-set") -> QuestionSet:
    """One question of each of the seven types, all on the four relationships."""
    return QuestionSet(set_id, "UI test set", questions=[
        Question("single", "single", "Which one is right?", section="suggestions.5.1",
                 choices=[Choice("right answer", True, feedback="Yes, that one."),
                          Choice("wrong answer"), Choice("another wrong answer")],
                 explanation="Because the report says so.", evidence=EVIDENCE),
        Question("multiple", "multiple", "Which two are right?", section="suggestions.5.2",
                 choices=[Choice("first right", True), Choice("second right", True),
                          Choice("not this"), Choice("nor this")]),
        Question("truefalse", "truefalse", "Is this true?", section="suggestions.5.3",
                 truth=True),
        Question("fill", "fill", "Fill in: ____", section="suggestions.5.4",
                 accepted=["opinions"]),
        Question("numeric", "numeric", "How many relationships?", section="suggestions.5.1",
                 numeric=[NumericAnswer(value=4)]),
        Question("match", "match", "Match them.", section="suggestions.5.2",
                 pairs=[("one", "1"), ("two", "2"), ("three", "3")]),
        Question("order", "order", "Put in order.", section="suggestions.5.3",
                 sequence=["first", "second", "third"]),
    ])


def singles(count: int, set_id: str = "exam-set") -> QuestionSet:
    return QuestionSet(set_id, "Exam set", questions=[
        Question(f"q{n}", "single", f"Exam question {n}?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong"), Choice("also wrong")])
        for n in range(count)])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


WindowFactory = Callable[[], MainWindow]
ShowWindow = Callable[..., MainWindow]  # the show_window fixture (tests/ui/conftest.py)


@pytest.fixture
def make_window(show_window: ShowWindow, isolated_data_dir: Path,
                clock: FakeClock) -> Iterator[WindowFactory]:
    opened: list[tuple[MainWindow, Store]] = []
    report = load_report()

    def make() -> MainWindow:
        store = open_store(isolated_data_dir, "learner", clock=clock)
        if not store.question_sets.list():
            store.question_sets.import_set(every_type())
            store.question_sets.import_set(singles(6))
        window = show_window(isolated_data_dir, store, report, active=False)
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


def quiz_of(window: MainWindow) -> QuizView:
    view = window.quiz_view
    assert isinstance(view, QuizView)
    return view


def focused() -> object:
    return QApplication.focusWidget()


def key(qtbot: QtBot, name: Qt.Key | str, modifier: Qt.KeyboardModifier =
        Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has focus (after a dialog, once the window is active again)."""
    QApplication.processEvents()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().isVisible(), timeout=2000)
    target = QApplication.focusWidget()
    assert target is not None, "nothing has focus"
    qtbot.keyClick(target, name, modifier)


def answer_right(qtbot: QtBot, view: QuizView) -> None:
    """Gives the right answer with the keyboard alone, whatever the type."""
    page = view.question
    control = page.control
    item = control.item  # type: ignore[union-attr]
    question = item.question
    if isinstance(control, ChoiceAnswer):
        if question.type == "truefalse":
            numbers = [1 if question.truth else 2]
        else:
            numbers = [n for n, (i, _) in enumerate(item.options(), start=1)
                       if question.choices[i].correct]
        for number in numbers:
            key(qtbot, str(number))
    elif isinstance(control, TextAnswer):
        qtbot.keyClicks(QApplication.focusWidget(),
                        question.accepted[0] if question.type == "fill" else "4")
    elif isinstance(control, MatchAnswer):
        for left in range(len(question.pairs)):
            column = next(c for c, (i, _) in enumerate(item.rights()) if i == left)
            key(qtbot, str(column + 1))
    elif isinstance(control, OrderAnswer):
        for target in range(len(question.sequence)):
            row = next(r for r in range(control.list.count())
                       if control.list.item(r).data(Qt.ItemDataRole.UserRole) == target)
            key(qtbot, str(row + 1))  # selects that item
            for _ in range(row - target):
                key(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)


def answer_wrong(qtbot: QtBot, view: QuizView) -> None:
    control = view.question.control
    assert isinstance(control, ChoiceAnswer)
    item = control.item
    number = next(n for n, (i, _) in enumerate(item.options(), start=1)
                  if not item.question.choices[i].correct)
    key(qtbot, str(number))


def choose_scope(qtbot: QtBot, window: MainWindow, scope: str) -> None:
    """Opens the Quiz view (Ctrl+3) and picks where the questions come from."""
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    combo = quiz_of(window).start.scope
    index = combo.findData(scope)
    assert index >= 0, scope
    combo.setCurrentIndex(index)


def start_from_modes(qtbot: QtBot, window: MainWindow, downs: int = 0) -> QuizView:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    for _ in range(downs):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    qtbot.waitUntil(lambda: focused() is not None and view.question.isAncestorOf(focused()))
    return view


def open_session(qtbot: QtBot, window: MainWindow, session: QuizSession) -> None:
    """Shows the Quiz view (Ctrl+3) with a session built by the test (e.g. reordered)."""
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    view.open(session)
    qtbot.waitUntil(lambda: focused() is not None
                    and view.question.isAncestorOf(focused()))  # type: ignore[arg-type]


def answer_dialog(qtbot: QtBot, yes: bool) -> list[str]:
    """Answers the next question the app asks as a learner would (Space on a button)."""
    texts: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConfirmDialog):
            QTimer.singleShot(20, press)
            return
        texts.append(" ".join(label.text() for label in box.findChildren(QLabel)))
        target = box.yes if yes else box.no
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Space)

    QTimer.singleShot(0, press)
    return texts


# -- the start page ---------------------------------------------------------------------------
def test_the_modes_open_with_practice_on_the_four_relationships_selected(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    assert window.current_view() == "quiz"
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    assert view.start.mode() == "practice"
    assert view.start.scope.currentData() == "relationships"
    key(qtbot, Qt.Key.Key_Down)
    assert view.start.mode() == "exam"
    key(qtbot, Qt.Key.Key_Up)
    assert view.start.mode() == "practice"


# -- practice by keyboard alone ---------------------------------------------------------------
def test_a_practice_quiz_by_keyboard_alone_covers_all_seven_types(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    choose_scope(qtbot, window, "set:ui-set")
    view = start_from_modes(qtbot, window)
    session = view.session
    assert session is not None and len(session.items) == 7
    seen = set()
    for index in range(7):
        page = view.question
        assert page.index == index and page.state == "answering"
        seen.add(session.items[index].question.type)
        answer_right(qtbot, view)
        key(qtbot, Qt.Key.Key_Return)
        assert page.state == "feedback", (session.items[index].question.type,
                                          page.message.text(), page.control.response())
        assert page.feedback.isVisible()
        assert page.feedback.verdict.text() == "Right", session.items[index].question.type
        key(qtbot, Qt.Key.Key_Return)
    assert seen == {"single", "multiple", "truefalse", "fill", "numeric", "match", "order"}
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert view.result.verdict.text() == "Done"
    assert "7 of 7 answered right" in view.result.summary.text()
    summary = profile_summary(window.store, window.report)  # type: ignore[arg-type]
    assert summary["quiz"] == {"attempts": 1, "finished": 1, "in_progress": 0, "answers": 7,
                               "correct": 7, "mistakes": 0}


def test_feedback_says_wrong_in_words_with_the_answer_explanation_and_evidence(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    engine = view.engine
    session = engine.start("practice", "set:ui-set", count=None, seed=1)
    session.items.sort(key=lambda item: item.question.type != "single")
    open_session(qtbot, window, session)
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    panel = view.question.feedback
    qtbot.waitUntil(panel.isVisible)
    assert panel.verdict.text() == "Not right"
    assert "right answer" in panel.correct.text()
    assert "Because the report says so." in panel.explanation.text()
    assert EVIDENCE in panel.evidence.text()
    assert "Your answer" in panel.notes.text()
    # the wrong option says so in words, not only in colour
    control = view.question.control
    assert isinstance(control, ChoiceAnswer)
    assert any("not right" in t.verdict.text() for t in control.tiles)
    assert any("Correct answer" in t.verdict.text() for t in control.tiles)
    # Read in context: the reader at the passage, highlighted
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    assert window.current_view() == "read"
    assert window.reader.section is not None
    assert window.reader.section.id == "suggestions.5.1"
    assert window.reader.text.hit_count() >= 1
    assert engine.mistake_count() == 1


def test_multiple_answers_toggle_with_number_keys(qtbot: QtBot,
                                                   make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    session = view.engine.start("practice", "set:ui-set", count=None, seed=1)
    session.items.sort(key=lambda item: item.question.type != "multiple")
    open_session(qtbot, window, session)
    control = view.question.control
    assert isinstance(control, ChoiceAnswer) and control.multiple
    key(qtbot, "1")
    key(qtbot, "2")
    key(qtbot, "1")
    assert control.chosen == {1}
    assert control.tiles[1].checked and not control.tiles[0].checked


def test_enter_without_an_answer_asks_for_one(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = start_from_modes(qtbot, window)
    key(qtbot, Qt.Key.Key_Return)
    assert view.question.state == "answering"
    assert "first" in view.question.message.text()


def test_esc_leaves_a_practice_and_keeps_what_was_answered(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = start_from_modes(qtbot, window)
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert "1 of 1 answered right" in view.result.summary.text()
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.start)
    assert window.store is not None
    assert window.store.quizzes.summary(0)["answers"] == 1


def test_closing_the_window_finishes_a_practice_with_what_was_answered(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = start_from_modes(qtbot, window)
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    store = window.store
    assert store is not None
    window.close()
    assert store.quizzes.summary(0) == {"attempts": 1, "finished": 1, "in_progress": 0,
                                        "answers": 1, "correct": 1, "mistakes": 0}


# -- the exam ---------------------------------------------------------------------------------
def start_exam(qtbot: QtBot, window: MainWindow, count: int, minutes: int = 10) -> QuizView:
    view = quiz_of(window)
    choose_scope(qtbot, window, "set:exam-set")
    view.start.modes.setCurrentRow(1)
    view.start.count.setValue(count)
    view.start.minutes.setValue(minutes)
    view.start.modes.setCurrentRow(0)
    return start_from_modes(qtbot, window, downs=1)


def test_a_full_exam_by_keyboard_alone_with_answer_card_flag_and_review(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> None:
    window = make_window()
    view = start_exam(qtbot, window, count=4)
    session = view.session
    assert session is not None and session.mode == "exam" and len(session.items) == 4
    page = view.question
    assert page.countdown.isVisible() and page.countdown.text() == "10:00"
    # answer 1 right, skip 2 (flagged), 3 wrong
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    assert page.index == 1 and not page.feedback.isVisible()  # no feedback in an exam
    key(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert session.flagged(1)
    key(qtbot, Qt.Key.Key_PageDown)
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    assert page.index == 3
    # the answer card: answered, unanswered, flagged; jump to question 2
    key(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert page.card.isVisible()
    assert page.card.summary.text() == "2 answered, 2 not answered, 1 flagged"
    assert page.card.buttons[1].text() == "⚑2"
    key(qtbot, Qt.Key.Key_Left)
    key(qtbot, Qt.Key.Key_Left)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.index == 1)
    answer_right(qtbot, view)
    # submitting with a question left warns first; No keeps the exam going
    texts = answer_dialog(qtbot, yes=False)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(texts))
    assert "1 question is not answered" in texts[0]
    assert view.pages.currentWidget() is page and not session.finished
    texts = answer_dialog(qtbot, yes=True)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(texts))
    assert session.finished, (texts, QApplication.focusWidget())
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    result = view.result
    assert result.verdict.text() == "Not passed"  # 2 of 4 = 50% < 60%
    assert "Score 2 / 4 (50%)" in result.summary.text()
    assert result.sections.rowCount() == 1
    assert result.sections.item(0, 1).text() == "2 / 4"
    assert result.questions.count() == 4
    # the review, question by question
    key(qtbot, Qt.Key.Key_Return)  # the focused "Review question by question"
    qtbot.waitUntil(lambda: view.pages.currentWidget() is page and page.review)
    assert page.feedback.isVisible() and page.feedback.verdict.text() == "Right"
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    assert page.feedback.verdict.text() == "Not right"
    key(qtbot, Qt.Key.Key_Return)
    assert page.feedback.verdict.text() == "Not answered"
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)


def test_the_exam_submits_itself_when_time_runs_out(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> None:
    window = make_window()
    view = start_exam(qtbot, window, count=3, minutes=1)
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    clock.advance(seconds=30)
    qtbot.waitUntil(lambda: view.question.countdown.text() == "0:30")
    answer_right(qtbot, view)  # given but not yet saved with Enter: kept at time out
    clock.advance(seconds=31)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert "Time ran out" in view.result.summary.text()
    assert "Score 2 / 3" in view.result.summary.text()
    assert view.result.verdict.text() == "Passed"


def test_esc_in_an_exam_asks_first_and_keeps_its_answers(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> None:
    window = make_window()
    view = start_exam(qtbot, window, count=3)
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    texts = answer_dialog(qtbot, yes=False)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(texts))
    assert view.pages.currentWidget() is view.question
    answer_dialog(qtbot, yes=True)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.start)
    assert view.start.banner.isVisible()
    assert "1 of 3 questions answered" in view.start.banner_text.text()


def test_closing_the_window_mid_exam_and_resuming_it_with_the_time_left(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> None:
    window = make_window()
    view = start_exam(qtbot, window, count=5, minutes=10)
    session = view.session
    assert session is not None
    plan = [item.plan() for item in session.items]
    for _ in range(3):
        answer_right(qtbot, view)
        key(qtbot, Qt.Key.Key_Return)
    clock.advance(seconds=75)
    qtbot.waitUntil(lambda: view.question.countdown.text() == "8:45")
    store = window.store
    assert store is not None
    window.close()
    store.close()
    clock.advance(hours=2)  # the window was closed: the exam's clock did not run

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.offer)
    assert "3 of 5 questions answered, 8:45 left" in view.offer.text.text()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    resumed = view.session
    assert resumed is not None and [item.plan() for item in resumed.items] == plan
    assert [resumed.answered(i) for i in range(5)] == [True, True, True, False, False]
    assert view.question.index == 3
    assert view.question.countdown.text() == "8:45"


def test_a_crashed_exam_is_offered_back_with_its_answers(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock,
        isolated_data_dir: Path) -> None:
    # what a crash leaves: answers saved as given, the clock saved a few seconds before
    store = open_store(isolated_data_dir, "learner", clock=clock)
    store.question_sets.import_set(every_type())
    store.question_sets.import_set(singles(6))
    exam = QuizEngine(store).start("exam", "set:exam-set", count=4, seed=3, time_limit_s=300)
    exam.start_clock()
    for index in range(3):
        clock.advance(seconds=10)
        exam.answer(index, 0)
    store.close()  # no stop_clock, no finish: the power went
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.offer)
    assert "3 of 4 questions answered, 4:30 left" in view.offer.text.text()
    key(qtbot, Qt.Key.Key_Escape)  # not now: the start page keeps offering it
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.start)
    assert view.start.banner.isVisible()
    qtbot.mouseClick(view.start.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    assert view.session is not None and len(view.session.given) == 3


# -- notebook, challenge, daily ---------------------------------------------------------------
def test_the_notebook_lists_mistakes_by_section_and_practises_them(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    choose_scope(qtbot, window, "set:exam-set")
    view = start_from_modes(qtbot, window)
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert view.start.mode() == "notebook"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.notebook)
    tree = view.notebook.tree
    assert tree.topLevelItemCount() == 1
    assert tree.topLevelItem(0).childCount() == 1
    assert tree.topLevelItem(0).child(0).text(1) == "1×"
    key(qtbot, Qt.Key.Key_Return)  # Practise my mistakes
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    assert view.session is not None and view.session.mode == "mistakes"
    assert len(view.session.items) == 1


def test_the_challenge_ends_at_the_first_wrong_answer(qtbot: QtBot,
                                                      make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    view.engine.store.question_sets.remove("ui-set")  # single-choice questions only
    view.refresh()
    view = start_from_modes(qtbot, window, downs=3)
    session = view.session
    assert session is not None and session.mode == "challenge"
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    assert view.question.primary.text() == "See the result"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert view.result.verdict.text() == "New best streak: 1"
    key(qtbot, Qt.Key.Key_Escape)
    assert "best streak 1" in view.start.modes.item(3).data(Qt.ItemDataRole.UserRole + 1)


def test_the_daily_quiz_is_once_a_day(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = start_from_modes(qtbot, window, downs=4)
    session = view.session
    assert session is not None and session.mode == "daily" and len(session.items) == 5
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    key(qtbot, Qt.Key.Key_Escape)
    assert "Done today · streak 1 days" in view.start.modes.item(4).data(
        Qt.ItemDataRole.UserRole + 1)
    view.start.modes.setCurrentRow(4)
    key(qtbot, Qt.Key.Key_Return)
    assert view.pages.currentWidget() is view.start


def test_nothing_is_clipped_in_a_small_window(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.resize(960, 600)
    view = quiz_of(window)
    choose_scope(qtbot, window, "set:ui-set")
    view = start_from_modes(qtbot, window)
    page = view.question
    for _ in range(7):
        control = page.control
        assert control is not None
        # the column is never wider than the page: long text wraps instead of clipping
        assert page.column.width() <= page.scroller.viewport().width()
        answer_right(qtbot, view)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.state == "feedback")
        assert page.feedback.width() <= page.scroller.viewport().width()
        key(qtbot, Qt.Key.Key_Return)
        if view.pages.currentWidget() is not page:
            break


def _report() -> Report:
    return load_report()


def test_an_exam_choice_is_saved_when_picked_not_when_confirmed(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    """Press 1 without Enter: the choice is already in the profile (a power cut now loses
    nothing), and a fresh engine resuming the attempt sees it."""
    window = make_window()
    view = start_exam(qtbot, window, count=3)
    session = view.session
    assert session is not None
    key(qtbot, "1")
    assert window.store is not None
    resumed = QuizEngine(window.store).resume(session.attempt_id)  # what a restart reads
    assert resumed.answered(0) and resumed.response(0) == session.response(0)
    key(qtbot, "2")  # a changed mind is kept too
    again = QuizEngine(window.store).resume(session.attempt_id)
    assert again.response(0) == view.question.control.response()  # type: ignore[union-attr]


def test_done_is_not_green_when_nothing_was_right(qtbot: QtBot,
                                                  make_window: WindowFactory) -> None:
    window = make_window()
    choose_scope(qtbot, window, "set:exam-set")
    view = start_from_modes(qtbot, window)
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)  # feedback
    key(qtbot, Qt.Key.Key_Escape)  # leave: what was answered is kept and shown
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert view.result.verdict.text() == "Done"
    assert view.colours.success not in view.result.verdict.styleSheet()


def test_enter_in_the_questions_box_starts(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    view.start.count.setFocus()
    view.start.count.selectAll()
    qtbot.keyClicks(view.start.count, "3")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    assert view.session is not None and len(view.session.items) == 3


def test_a_numeric_answer_that_is_no_number_is_not_graded(qtbot: QtBot,
                                                          make_window: WindowFactory) -> None:
    window = make_window()
    store = window.store
    assert store is not None
    engine = QuizEngine(store)
    session = engine.start("practice", "set:ui-set", count=None, seed=1)
    numeric = next(i for i, item in enumerate(session.items)
                   if item.question.type == "numeric")
    session.items.insert(0, session.items.pop(numeric))
    open_session(qtbot, window, session)
    qtbot.keyClicks(QApplication.focusWidget(), "four")
    key(qtbot, Qt.Key.Key_Return)
    view = quiz_of(window)
    assert "is not a number" in view.question.message.text()
    assert view.question.message.isVisible()
    assert not session.answered(0) and engine.mistake_count() == 0


# -- the result page by keyboard --------------------------------------------------------------
def finish_a_practice(qtbot: QtBot, window: MainWindow, answers: int = 2) -> QuizView:
    """A practice on the exam set, ``answers`` questions answered wrong, left with Esc."""
    choose_scope(qtbot, window, "set:exam-set")
    view = start_from_modes(qtbot, window)
    for number in range(answers):
        answer_wrong(qtbot, view)
        key(qtbot, Qt.Key.Key_Return)  # feedback
        if number < answers - 1:
            key(qtbot, Qt.Key.Key_Return)  # the next question
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    return view


def test_the_result_page_focuses_its_main_control_and_tab_goes_in_reading_order(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = finish_a_practice(qtbot, window)
    result = view.result
    qtbot.waitUntil(lambda: focused() is result.review_button)
    # once round the page with Tab: every control, in reading order, the table left in one step
    seen: list[object] = []
    while len(seen) < 12:
        key(qtbot, Qt.Key.Key_Tab)
        current = focused()
        if current is result.review_button:
            break
        if result.isAncestorOf(current):  # type: ignore[arg-type]
            seen.append(current)
    assert seen == [result.mistakes_button, result.back_button, result.sections,
                    result.questions], seen
    # Shift+Tab leaves the table in one step too
    result.sections.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is result.questions
    key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is result.sections
    key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is not result.sections
    # Enter on the question list reviews that question
    result.questions.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question and view.question.review)



def test_r_reads_in_context_once_the_feedback_shows_as_in_cards(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    session = view.engine.start("practice", "set:ui-set", count=None, seed=1)
    order = {"fill": 0, "single": 1}
    session.items.sort(key=lambda item: order.get(item.question.type, 2))
    open_session(qtbot, window, session)
    key(qtbot, "r")  # an answer being typed: R is a letter of it
    assert window.current_view() == "quiz"
    assert view.question.control.response() == "r"  # type: ignore[union-attr]
    key(qtbot, Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), "opinions")
    key(qtbot, Qt.Key.Key_Return)  # feedback
    key(qtbot, Qt.Key.Key_Return)  # the single question, with evidence
    key(qtbot, Qt.Key.Key_R)  # before answering: nothing to read yet
    assert window.current_view() == "quiz"
    answer_wrong(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_R)
    assert window.current_view() == "read"
    assert window.reader.section is not None
    assert window.reader.section.id == "suggestions.5.1"
    assert window.reader.text.hit_count() >= 1


def test_a_matching_or_ordering_left_unfinished_asks_before_grading(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = quiz_of(window)
    session = view.engine.start("practice", "set:ui-set", count=None, seed=1)
    order = {"match": 0, "order": 1}
    session.items.sort(key=lambda item: order.get(item.question.type, 2))
    open_session(qtbot, window, session)
    page = view.question
    key(qtbot, "1")  # one row of three paired
    texts = answer_dialog(qtbot, yes=False)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(texts))
    assert "2 of 3 rows are not paired yet — answer anyway?" in texts[0]
    assert page.state == "answering" and not session.answered(0)  # back to finish it
    texts = answer_dialog(qtbot, yes=True)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(texts))
    qtbot.waitUntil(lambda: page.state == "feedback")
    assert session.answered(0) and not session.grade(0).correct  # type: ignore[union-attr]
    key(qtbot, Qt.Key.Key_Return)  # the ordering, not moved at all
    qtbot.waitUntil(lambda: page.index == 1)
    texts = answer_dialog(qtbot, yes=False)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(texts))
    assert "still in the order they were shown" in texts[0]
    assert page.state == "answering" and not session.answered(1)


def long_questions() -> QuestionSet:
    """Questions as long as the built-in ones (four options of a line or two, an explanation
    of three lines, evidence): at 960x600 the answer and its feedback overflow the page."""
    option = "Because the leading bodies and leading cadres answer alone for a whole unit {0}"
    explanation = ("A leader's plan does not stay on paper: it commits a whole unit or field of "
                   "work and the people who must carry it out. ") * 2
    return QuestionSet("long-set", "Long questions", questions=[
        Question(f"long-{kind}", kind, "Why does the report say that rushing without careful "
                 "study is a particular danger for leading bodies and leading cadres?",
                 section="suggestions.5.2", explanation=explanation, evidence=EVIDENCE,
                 choices=[Choice(option.format(n), n == 2) for n in range(4)] if kind == "single"
                 else [], pairs=[(option.format(n), str(n)) for n in range(4)]
                 if kind == "match" else [])
        for kind in ("single", "match")])


def test_the_question_stays_in_view_with_its_feedback_in_a_small_window(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.store is not None
    window.store.question_sets.import_set(long_questions())
    window.resize(960, 600)
    view = quiz_of(window)
    view.refresh()
    choose_scope(qtbot, window, "set:long-set")
    view = start_from_modes(qtbot, window)
    page = view.question
    viewport = page.scroller.viewport()

    def in_view(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + min(widget.height(), 24) <= viewport.height()

    for _ in range(2):
        answer_right(qtbot, view)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.state == "feedback")
        for _ in range(3):  # the page scrolls once the feedback is laid out
            QApplication.processEvents()
        assert in_view(page.prompt), page.prompt.mapTo(viewport, QPoint(0, 0)).y()
        control = page.control
        if isinstance(control, MatchAnswer):  # too tall for both: its rows say right or not
            assert in_view(control.row_labels[0])
        else:  # the verdict in words under the options
            assert in_view(page.feedback.verdict)
        key(qtbot, Qt.Key.Key_Return)


def test_an_exam_with_no_questions_says_so_and_records_nothing(
        qtbot: QtBot, show_window: ShowWindow, isolated_data_dir: Path) -> None:
    store = open_store(isolated_data_dir, "no-sets")  # not a question set in the profile
    window = show_window(isolated_data_dir, store, load_report())
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        view = quiz_of(window)
        qtbot.waitUntil(lambda: view.start.modes.hasFocus())
        key(qtbot, Qt.Key.Key_Down)  # Exam
        key(qtbot, Qt.Key.Key_Return)
        assert view.pages.currentWidget() is view.start
        assert "no questions for this quiz" in window.statusBar().currentMessage()
        assert store.quizzes.summary(0)["attempts"] == 0
    finally:
        window.close()  # before its store
        store.close()


def test_enter_in_the_scope_box_starts(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    choose_scope(qtbot, window, "set:exam-set")
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    view.start.scope.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.question)
    assert view.session is not None and view.session.scope == "set:exam-set"


HIDDEN_ANSWERS_EXAM = """format: studyapp-exam/1
id: closed
title: Closed-book exam
scope: set:exam-set
questions:
  per_section:
    suggestions.5.1: 2
time_limit: 10
pass_mark: 50
answers_shown: never
seed: 7
"""


def test_an_exam_that_keeps_its_answers_back_gives_no_review_from_the_result_page(
        qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> None:
    from studyapp.core.exams import parse_exam, start_exam

    window = make_window()
    store = window.store
    assert store is not None
    exam = parse_exam(HIDDEN_ANSWERS_EXAM, "closed.studyexam")
    store.exams.save(exam.id, exam.title, HIDDEN_ANSWERS_EXAM, "closed.studyexam")
    open_session(qtbot, window, start_exam(store, clock, exam))
    view = quiz_of(window)
    answer_right(qtbot, view)
    key(qtbot, Qt.Key.Key_Return)
    answer_right(qtbot, view)
    texts = answer_dialog(qtbot, yes=True)
    key(qtbot, Qt.Key.Key_Return)  # save and submit
    qtbot.waitUntil(lambda: bool(texts))
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    result = view.result
    assert not result.review_button.isEnabled()
    qtbot.waitUntil(lambda: focused() is result.back_button)  # the page's way on, not the rail
    result.questions.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # Enter on a question: no review of the answers kept back
    assert view.pages.currentWidget() is view.result


def test_tab_on_the_setup_page_stops_only_at_controls(qtbot: QtBot,
                                                      make_window: WindowFactory) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = quiz_of(window)
    qtbot.waitUntil(lambda: view.start.modes.hasFocus())
    stops = []
    for _ in range(12):
        key(qtbot, Qt.Key.Key_Tab)
        if focused() is view.start.modes:
            break
        stops.append(focused())
    start = view.start
    on_page = [w for w in stops if start.isAncestorOf(w)]  # type: ignore[arg-type]
    assert on_page == [start.scope, start.count, start.start_button], on_page
