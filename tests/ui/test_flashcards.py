"""The Cards view driven from the keyboard, as the contract says, and what it stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.clock import FakeClock
from studyapp.core.questionsets.model import Card, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.card_labels import interval_label
from studyapp.ui.flashcards import FlashcardsView
from studyapp.ui.main_window import MainWindow

EVIDENCE = "First, correctly handle the relationship between innovation and pragmatism."
WindowFactory = Callable[..., tuple[MainWindow, Store]]
ShowWindow = Callable[..., MainWindow]  # the show_window fixture (tests/ui/conftest.py)


def drill_set(count: int) -> QuestionSet:
    return QuestionSet(id="drill", title="Drill", cards=[
        Card(id=f"c{i}", front=f"Question {i}?", back=f"Answer {i}.", section="suggestions.5.1",
             evidence=EVIDENCE, tags=["rel"])
        for i in range(count)
    ])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def make_window(show_window: ShowWindow, isolated_data_dir: Path,
                clock: FakeClock) -> Iterator[WindowFactory]:
    opened: list[tuple[MainWindow, Store]] = []

    def make(cards: int = 5) -> tuple[MainWindow, Store]:
        store = open_store(isolated_data_dir, "learner", clock=clock)
        store.reviews.tz = ZoneInfo("Europe/London")
        if cards:
            store.question_sets.import_set(drill_set(cards))
        window = show_window(isolated_data_dir, store, load_report())
        opened.append((window, store))
        return window, store

    yield make
    for window, store in opened:
        window.close()
        store.close()


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """A key as the learner types it: to whatever has the focus."""
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget), "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def open_cards(qtbot: QtBot, window: MainWindow) -> FlashcardsView:
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "cards"
    view = window.cards_view
    assert isinstance(view, FlashcardsView)
    qtbot.waitUntil(lambda: view.decks.hasFocus())
    return view


def test_a_whole_session_by_keyboard_alone(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(5)
    view = open_cards(qtbot, window)
    assert view.decks.current_deck() == "relationships"
    assert view.decks.currentItem().text(1) == "5"  # five new cards
    press(qtbot, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.review
    seen = []
    while view.stack.currentWidget() is view.review and len(seen) < 20:
        assert view.card is not None
        seen.append((view.card.key, view.card.memory.state))
        assert not view.review.face.back.isVisibleTo(view.review)
        press(qtbot, Qt.Key.Key_Space)
        assert view.review.face.back.isVisibleTo(view.review)
        expected = "Good\n10m" if view.card.memory.state == 0 else "Good\n2d"
        assert view.review.grades[3].text().startswith(expected)
        press(qtbot, Qt.Key.Key_3)
    # Five new cards, then (the clock standing still, nothing else left) the same five from
    # their 10-minute learning step, shown early rather than waited for.
    assert [state for _key, state in seen] == [0] * 5 + [1] * 5
    assert [key for key, _ in seen[5:]] == [key for key, _ in seen[:5]]
    assert view.stack.currentWidget() is view.done
    assert view.done.heading.text() == "All done for today"
    assert "5 cards" in view.done.summary.text() and "10 reviews" in view.done.summary.text()
    assert "The next card is due" in view.done.next_due.text()
    rows = list(store.db.query("SELECT card_key, rating, state FROM review_log ORDER BY id"))
    assert rows == [{"card_key": key, "rating": 3, "state": state} for key, state in seen]
    press(qtbot, Qt.Key.Key_Escape)
    assert view.stack.currentWidget() is view._deck_holder
    item = view.decks.currentItem()
    assert (item.text(1), item.text(2), item.text(3)) == ("0", "0", "0")
    assert store.reviews.card_counts()["review"] == 5


def test_ctrl_z_undoes_grades_and_shows_the_card_again(qtbot: QtBot,
                                                       make_window: WindowFactory) -> None:
    window, store = make_window(5)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    first = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_1)  # Again
    second = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_4)  # Easy
    assert store.reviews.review_count() == 2
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.reviews.review_count() == 1
    assert view.card is not None and view.card.key == second and not view.revealed
    assert store.reviews.card(second).memory.state == 0
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.reviews.review_count() == 0
    assert view.card is not None and view.card.key == first


def test_digits_do_nothing_before_the_answer_is_shown(qtbot: QtBot,
                                                      make_window: WindowFactory) -> None:
    window, store = make_window(3)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_3)
    assert store.reviews.review_count() == 0
    press(qtbot, Qt.Key.Key_Return)  # Enter shows the answer too
    assert view.revealed
    press(qtbot, Qt.Key.Key_Escape)
    assert view.stack.currentWidget() is view._deck_holder
    assert store.reviews.review_count() == 0


def test_read_in_context_and_back_to_the_same_card(qtbot: QtBot,
                                                   make_window: WindowFactory) -> None:
    window, _store = make_window(3)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Space)
    card = view.card.key if view.card else ""
    qtbot.mouseClick(view.review.face.context_button, Qt.MouseButton.LeftButton)
    assert window.current_view() == "read"
    assert window.reader.section is not None and window.reader.section.id == "suggestions.5.1"
    selections = window.reader.text.extraSelections()
    assert len(selections) == 1
    # The heading shows the sentence without its punctuation ("First Correctly handle ...").
    assert selections[0].cursor.selectedText().lower().startswith("first correctly handle")
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "cards"
    assert view.stack.currentWidget() is view.review
    assert view.card is not None and view.card.key == card and view.revealed
    qtbot.waitUntil(view.review.face.hasFocus)
    press(qtbot, Qt.Key.Key_3)
    assert view.card is None or view.card.key != card


def test_practise_this_section_opens_its_deck(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, _store = make_window(3)
    window.reader.open_section("suggestions.5.1")
    window.reader.actions_by_name["practise"].trigger()
    assert window.current_view() == "cards"
    assert window.cards_view.decks.current_deck() == "section:suggestions.5.1"
    press(qtbot, Qt.Key.Key_Return)
    assert window.cards_view.stack.currentWidget() is window.cards_view.review


def test_a_deck_without_cards_says_what_to_do(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, _store = make_window(0)
    view = open_cards(qtbot, window)
    assert view.decks.current_deck() == "relationships"
    press(qtbot, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.done
    assert view.done.heading.text() == "No cards in this deck"
    assert "Import" in view.done.summary.text()


def test_cram_leaves_the_schedule_alone(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(3)
    view = open_cards(qtbot, window)
    qtbot.mouseClick(view.cram_button, Qt.MouseButton.LeftButton)
    assert view.cramming
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_3)
    assert view.done.heading.text() == "Cram finished"
    assert store.reviews.review_count() == 0
    assert store.reviews.card_counts()["new"] == 3


def test_suspend_and_bury_from_the_keyboard(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(3)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    first = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_S)
    second = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_B)
    assert store.reviews.card(first).suspended
    assert store.reviews.card(second).buried
    counts = store.reviews.card_counts()
    assert (counts["suspended"], counts["buried"], counts["new"]) == (1, 1, 1)


@pytest.mark.parametrize(("minutes", "label"), [
    (1, "1m"), (10, "10m"), (90, "2h"), (4 * 1440, "4d"), (36 * 1440, "1.2mo"),
    (400 * 1440, "1.1y"),
])
def test_interval_labels(minutes: int, label: str) -> None:
    from datetime import timedelta

    assert interval_label(timedelta(minutes=minutes)) == label


def test_schedule_settings_and_too_little_history_to_optimise(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    from studyapp.core.scheduling import optimiser_available
    from studyapp.ui.schedule_dialog import ScheduleDialog

    window, store = make_window(3)
    dialog = ScheduleDialog(store, window)
    qtbot.addWidget(dialog)
    if optimiser_available():
        qtbot.mouseClick(dialog.optimise_button, Qt.MouseButton.LeftButton)
        assert "400 more reviews are needed" in dialog.optimise_text.text()
        assert dialog.use_button.isHidden()
    else:
        assert "Not available on this computer" in dialog.optimise_text.text()
    dialog.new_per_day.setValue(7)
    dialog.learning_steps.setText("2, 15 60")
    dialog._save()
    settings = store.reviews.settings()
    assert (settings.new_per_day, settings.learning_steps) == (7, (2, 15, 60))


def test_the_cards_menu_lists_the_review_shortcuts(make_window: WindowFactory) -> None:
    window, _store = make_window(1)
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.all_actions()}
    assert shortcuts["Undo the last action"] == "Ctrl+Z"
    assert shortcuts["Bury until tomorrow"] == "B"


def test_card_info_and_browse_show_the_stored_state(qtbot: QtBot, make_window: WindowFactory,
                                                    clock: FakeClock) -> None:
    from PySide6.QtWidgets import QLabel

    from studyapp.ui.card_dialogs import BrowseDialog, CardInfoDialog

    window, store = make_window(12)
    store.reviews.answer("drill/c3", 3)
    clock.advance(minutes=11)
    store.reviews.answer("drill/c3", 3)
    info = CardInfoDialog(store, "drill/c3", window)
    qtbot.addWidget(info)
    texts = [label.text() for label in info.findChildren(QLabel)]
    assert "review" in texts and "2" in texts
    assert info.findChild(QTableWidget, "CardReviews").rowCount() == 2
    browse = BrowseDialog(store, "set:drill", "Drill", window)
    qtbot.addWidget(browse)
    assert browse.table.rowCount() == 12
    qtbot.keyClicks(browse.search, "Question 3")
    assert browse.table.rowCount() == 1
    assert browse.table.item(0, 1).text() == "review"
    browse.table.selectRow(0)
    qtbot.mouseClick(browse.suspend_button, Qt.MouseButton.LeftButton)
    assert store.reviews.card("drill/c3").suspended
    assert "suspended" in browse.table.item(0, 3).text()


def test_space_on_a_shown_answer_grades_good(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(2)
    open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Space)
    rows = list(store.db.query("SELECT rating FROM review_log"))
    assert rows == [{"rating": 3}]


@pytest.mark.parametrize(("letter", "said", "undone"), [
    (Qt.Key.Key_B, "Buried until tomorrow. Ctrl+Z to undo.", "Bury undone"),
    (Qt.Key.Key_S, "Suspended: the card stays out of reviews until you unsuspend it in Browse. "
                   "Ctrl+Z to undo.", "Suspension undone"),
])
def test_bury_and_suspend_say_so_and_ctrl_z_brings_the_card_back(
        qtbot: QtBot, make_window: WindowFactory, letter: Qt.Key, said: str,
        undone: str) -> None:
    window, store = make_window(3)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    first = view.card.key if view.card else ""
    press(qtbot, letter)
    assert view.card is not None and view.card.key != first
    assert view.review.did.isVisible() and view.review.did.text() == said
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.card is not None and view.card.key == first and not view.revealed
    card = store.reviews.card(first)
    assert not card.buried and not card.suspended
    assert view.review.did.text().startswith(undone)
    assert store.reviews.counts("set:drill").new == 3


def test_flag_says_so_and_ctrl_z_takes_it_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(2)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    key = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_F)
    assert store.reviews.card(key).flag == 1
    assert view.review.did.text() == "Flagged. Ctrl+Z to undo."
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.reviews.card(key).flag == 0
    assert view.card is not None and view.card.key == key and view.card.flag == 0


def test_burying_the_last_card_can_be_undone_from_the_done_page(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window, store = make_window(1)
    view = open_cards(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    key = view.card.key if view.card else ""
    press(qtbot, Qt.Key.Key_B)
    assert view.stack.currentWidget() is view.done
    assert view.done.did.text() == "Buried until tomorrow. Ctrl+Z to undo."
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.stack.currentWidget() is view.review
    assert view.card is not None and view.card.key == key and not store.reviews.card(key).buried


def test_tab_leaves_the_browse_table_in_one_step(qtbot: QtBot, make_window: WindowFactory) -> None:
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.card_dialogs import BrowseDialog

    window, store = make_window(5)
    browse = BrowseDialog(store, "set:drill", "Drill", window)
    qtbot.addWidget(browse)
    with qtbot.waitExposed(browse):
        browse.show()
    browse.activateWindow()
    qtbot.waitUntil(browse.isActiveWindow)
    browse.search.setFocus()
    qtbot.keyClick(browse.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is browse.table
    qtbot.keyClick(browse.table, Qt.Key.Key_Tab)  # the rows are read with Up/Down, not Tab
    assert QApplication.focusWidget() is browse.suspend_button
    browse.close()
