"""A question at the limits (a 32,767-character prompt, 8 options as long, a card as long)
is shown in boxes that scroll, laid out once, and still works by mouse and keyboard
(issue 15; benchmarks/long_question.py times it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.questionsets.limits import MAX_FIELD_CHARS
from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.store import open_store
from studyapp.ui.flashcards import FlashcardsView
from studyapp.ui.item_browser import ItemBrowser
from studyapp.ui.long_text import LongText
from studyapp.ui.main_window import MainWindow
from studyapp.ui.quiz_answers import ChoiceAnswer
from studyapp.ui.quiz_view import QuizView

ShowWindow = Callable[..., MainWindow]


def text(seed: int, length: int = MAX_FIELD_CHARS) -> str:
    words = ["innovation", "pragmatism", "reform", "steady", "progress", "the", "and"]
    out = " ".join(words[(seed + n * 3) % len(words)] for n in range(length // 5))
    return out[:length]


LONG_SET = QuestionSet("long", "Long", questions=[Question(
    "long", "single", text(1), section="suggestions.5.1",
    choices=[Choice(text(n + 2), n == 0) for n in range(8)],
    explanation=text(20), evidence=text(21))],
    cards=[Card(id="long", front=text(11), back=text(12), explanation=text(13),
                evidence=text(14), section="suggestions.5.1")])


def scrolls(box: LongText) -> bool:
    """Shown, holding its whole text, in a box that scrolls (far shorter than the text)."""
    return (box.isVisible() and len(box.text()) == MAX_FIELD_CHARS
            and box.verticalScrollBar().maximum() > 0)


def test_a_question_at_the_limits_scrolls_in_the_quiz_and_is_answered_by_a_click(
        qtbot: QtBot, show_window: ShowWindow, isolated_data_dir: Path) -> None:
    store = open_store(isolated_data_dir, "learner")
    store.question_sets.import_set(LONG_SET)
    window = show_window(isolated_data_dir, store, load_report())
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        view = window.quiz_view
        assert isinstance(view, QuizView)
        view.open(view.engine.start("practice", "set:long", count=None, seed=1))
        page = view.question
        qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
        assert scrolls(page.long_prompt) and not page.prompt.isVisible()
        control = page.control
        assert isinstance(control, ChoiceAnswer)
        qtbot.waitUntil(control.isVisible)  # a widget added to a shown layout shows next turn
        tiles = control.tiles
        assert all(scrolls(tile.long_text) and not tile.text.isVisible() for tile in tiles)
        assert page.long_prompt.height() < 400 and tiles[0].height() < 200
        # A click on an option's long text chooses it, as on a short one.
        box = tiles[2].long_text
        qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
        assert tiles[2].checked and control.response() is not None
        # The keys still go to the quiz: 1 chooses the first option.
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
        assert tiles[0].checked and not tiles[2].checked
        # Answered wrong: the right answer and the one given, in words, in boxes that scroll.
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        feedback = page.feedback
        qtbot.waitUntil(lambda: feedback.isVisible() and page.state == "feedback")
        for box in (feedback.long_correct, feedback.long_notes, feedback.long_explanation,
                    feedback.long_evidence):
            assert box.isVisible() and box.verticalScrollBar().maximum() > 0
        assert not feedback.explanation.isVisible() and not feedback.evidence.isVisible()
        assert feedback.long_correct.text().startswith("Correct answer: ")
        assert feedback.long_notes.text().startswith("Your answer: ")
        assert not feedback.correct.isVisible() and not feedback.notes.isVisible()
        # The results list the question by an excerpt (reviewing it shows it whole).
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
        row = view.result.questions.item(0).text()
        assert row.endswith("…") and len(row) < 400
    finally:
        window.close()
        store.close()


def test_a_card_at_the_limits_scrolls_front_and_back(
        qtbot: QtBot, show_window: ShowWindow, isolated_data_dir: Path) -> None:
    store = open_store(isolated_data_dir, "learner")
    store.question_sets.import_set(LONG_SET)
    window = show_window(isolated_data_dir, store, load_report())
    try:
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        view = window.cards_view
        assert isinstance(view, FlashcardsView)
        view.start("set:long")
        face = view.review.face
        assert scrolls(face.long_front) and not face.long_back.isVisible()
        qtbot.keyClick(face, Qt.Key.Key_Return)  # the answer
        assert view.revealed and scrolls(face.long_back) and not face.back.isVisible()
        assert scrolls(face.long_explanation) and not face.explanation.isVisible()
        assert face.long_evidence.isVisible() and not face.evidence.isVisible()
        # Card info names the card by an excerpt: no label holds the whole side.
        from PySide6.QtWidgets import QLabel

        from studyapp.ui.card_dialogs import CardInfoDialog

        assert view.card is not None
        info = CardInfoDialog(store, view.card.key, window)
        qtbot.addWidget(info)
        assert max(len(label.text()) for label in info.findChildren(QLabel)) < 400
    finally:
        window.close()
        store.close()


def test_the_import_preview_shows_an_item_at_the_limits_in_a_box_that_scrolls(
        qtbot: QtBot) -> None:
    holder = QWidget()  # a window of a fixed size, as the import dialog's splitter is
    qtbot.addWidget(holder)
    browser = ItemBrowser(parent=holder)
    QVBoxLayout(holder).addWidget(browser)
    holder.setFixedSize(900, 500)
    holder.show()
    qtbot.waitExposed(holder)
    browser.set_sets([LONG_SET])
    assert browser.long_detail.isVisible() and MAX_FIELD_CHARS * 9 < len(
        browser.long_detail.text())
    assert browser.long_detail.verticalScrollBar().maximum() > 0
    browser.list.setCurrentItem(browser.list.topLevelItem(1))  # the card: long too
    assert browser.long_detail.text().count(text(11)) == 1
