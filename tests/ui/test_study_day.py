"""One study day: at 01:00, with the day starting at 04:00, the Progress view, the Cards
view and the daily quiz all still say it is yesterday (core/studyday.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
from studyapp.core.quiz import QuizEngine
from studyapp.core.report import load_report
from studyapp.core.scheduling import GOOD
from studyapp.core.store import Store, open_store
from studyapp.ui.main_window import MainWindow

LONDON = ZoneInfo("Europe/London")  # GMT in March: local time is UTC


def study_set() -> QuestionSet:
    return QuestionSet("day", "Day set", questions=[
        Question(f"q{n}", "single", f"Question {n}?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong")]) for n in range(6)
    ], cards=[Card(id=f"c{n}", front=f"Front {n}", back=f"Back {n}",
                   section="suggestions.5.1") for n in range(3)])


@pytest.fixture
def late_evening(isolated_data_dir: Path) -> Iterator[tuple[Store, FakeClock]]:
    """A learner who studied at 22:00 (a card and the daily quiz); the clock then moves on
    to 01:00 the next calendar day, three hours before the next study day starts."""
    clock = FakeClock(datetime(2026, 3, 2, 22, 0, tzinfo=UTC))
    store = open_store(isolated_data_dir, "late", clock=clock)
    store.reviews.tz = LONDON
    store.reviews.save_settings(replace(store.reviews.settings(), new_per_day=1,
                                        day_starts_at=4))
    store.question_sets.import_set(study_set())
    card = store.reviews.next_card("set:day")
    assert card is not None
    store.reviews.answer(card.key, GOOD, 4000)
    engine = QuizEngine(store)
    daily = engine.start("daily")
    for index in range(len(daily.items)):
        daily.answer(index, next(i for i, c in enumerate(daily.items[index].question.choices)
                                 if c.correct))
    daily.finish()
    clock.now = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # 01:00 on the 3rd, in London
    yield store, clock
    store.close()


def test_at_one_in_the_night_every_view_says_it_is_still_yesterday(
        qtbot: QtBot, show_window, isolated_data_dir: Path,
        late_evening: tuple[Store, FakeClock]) -> None:
    store, _clock = late_evening
    window: MainWindow = show_window(isolated_data_dir, store, load_report())

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    cards = window.cards()
    qtbot.waitUntil(lambda: cards.decks.has_deck("set:day"))
    cards.decks.select("set:day")
    item = cards.decks.currentItem()
    assert item is not None and item.text(1) == "0"  # today's one new card is learnt

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    quiz = window.quiz_view
    qtbot.waitUntil(lambda: quiz.start.modes.count() == 5)
    line = quiz.start.modes.item(4).data(Qt.ItemDataRole.UserRole + 1)
    assert line.startswith("Done today"), line

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "progress"
    board = window.dashboard
    qtbot.waitUntil(lambda: board.figure_streak.value.text() != "–")
    assert board.figure_streak.value.text() == "1 day"
    assert "Study today" not in board.figure_streak.detail.text()  # studied "today"


def test_on_the_first_day_quiz_page_and_progress_give_the_same_trend(
        qtbot: QtBot, show_window, isolated_data_dir: Path) -> None:
    """Eleven answers on the fourth relationship, the first wrong: too few for a trend on
    both pages (core/trend.py), not "↑ up 100 points" on one and "not enough" on the other."""
    from PySide6.QtWidgets import QLabel

    clock = FakeClock()
    store = open_store(isolated_data_dir, "first", clock=clock)
    store.question_sets.import_set(QuestionSet("fourth", "Fourth", questions=[
        Question(f"q{n}", "single", f"Fourth {n}?", section="suggestions.5.4",
                 choices=[Choice("right", True), Choice("wrong")]) for n in range(11)]))
    engine = QuizEngine(store)
    session = engine.start("practice", "section:suggestions.5.4", count=11, seed=3)
    for index, item in enumerate(session.items):
        assert item.question.choices[0].correct
        session.answer(index, 1 if index == 0 else 0)  # the first wrong, then ten right
        clock.advance(minutes=1)
    session.finish()
    window: MainWindow = show_window(isolated_data_dir, store, load_report())
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        quiz = window.quiz_view
        qtbot.waitUntil(lambda: any("Fourth:" in label.text()
                                    for label in quiz.start.findChildren(QLabel)))
        texts = [label.text() for label in quiz.start.findChildren(QLabel)]
        fourth = texts[texts.index("Fourth: innovation and practice") + 1]
        assert "not enough answers yet" in fourth and "↑" not in fourth, fourth

        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        board = window.dashboard
        grid = board.relationships_grid
        qtbot.waitUntil(lambda: grid.rowCount() > 4 and grid.itemAtPosition(4, 3) is not None)
        trend_label = grid.itemAtPosition(4, 3).widget()
        assert isinstance(trend_label, QLabel)
        assert trend_label.text() == "not enough answers yet"
    finally:
        window.close()
        store.close()
