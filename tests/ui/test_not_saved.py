"""The store's error boundary where the learner looks: a write the store refuses (here a
full disk, as SQLite reports it) says "Not saved: …" in the view, keeps what the learner did
on screen to try again, and never reaches the crash dialog."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.flashcards import FlashcardsView
from studyapp.ui.main_window import MainWindow
from studyapp.ui.quiz_view import QuizView

ShowWindow = Callable[..., MainWindow]  # the show_window fixture (tests/ui/conftest.py)
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class FullDisk:
    """The profile's connection on a full disk: reads work, every write fails as SQLite
    fails it (``SQLITE_FULL``), so the services' own boundary translates the error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def _refuse(self, sql: str) -> None:
        if sql.lstrip().upper().startswith(WRITES):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
            raise error

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._refuse(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._refuse(sql)
        return self._conn.executemany(sql, *args)


@pytest.fixture
def crash_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any message box (the crash dialog among them) is recorded instead of shown."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **_k: shown.append(str(a[2])))
    return shown


@pytest.fixture
def profile(show_window: ShowWindow, isolated_data_dir: Path
            ) -> Iterator[tuple[MainWindow, Store]]:
    store = open_store(isolated_data_dir, "learner")
    store.question_sets.import_set(QuestionSet("disk", "Full disk", questions=[
        Question(f"q{n}", "single", f"Which one is right ({n})?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong")]) for n in range(2)
    ], cards=[
        Card(id=f"c{n}", front=f"Question {n}?", back=f"Answer {n}.",
             section="suggestions.5.1") for n in range(3)
    ]))
    window = show_window(isolated_data_dir, store, load_report())
    yield window, store
    window.close()
    store.close()


def press(qtbot: QtBot, key: Qt.Key | str) -> None:
    QApplication.processEvents()
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget), "nothing has the keyboard focus"
    qtbot.keyClick(target, key)


def test_a_quiz_answer_on_a_full_disk_says_not_saved_and_stays_on_screen(
        qtbot: QtBot, profile: tuple[MainWindow, Store], monkeypatch: pytest.MonkeyPatch,
        crash_boxes: list[str]) -> None:
    window, store = profile
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.quiz_view
    assert isinstance(view, QuizView)
    session = view.engine.start("practice", "set:disk", count=None, seed=1)
    view.open(session)
    page = view.question
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    with monkeypatch.context() as fault:
        fault.setattr(store.db, "conn", FullDisk(store.db.conn))
        press(qtbot, "1")
        press(qtbot, Qt.Key.Key_Return)
        assert page.message.isVisible()
        assert page.message.text().startswith("Not saved: The disk that holds")
        assert "is full" in page.message.text()
        # The answer stays as chosen, on the same question, still to be saved.
        assert view.pages.currentWidget() is page and page.state == "answering"
        assert page.control is not None and page.control.response() is not None
        assert not session.answered(0)
    press(qtbot, Qt.Key.Key_Return)  # room again: the same answer is saved
    qtbot.waitUntil(lambda: page.state == "feedback")
    assert session.answered(0) and len(store.quizzes.answers(session.attempt_id)) == 1
    assert crash_boxes == []


def test_a_card_grade_bury_suspend_and_flag_on_a_full_disk_say_not_saved(
        qtbot: QtBot, profile: tuple[MainWindow, Store], monkeypatch: pytest.MonkeyPatch,
        crash_boxes: list[str]) -> None:
    window, store = profile
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.cards_view
    assert isinstance(view, FlashcardsView)
    qtbot.waitUntil(lambda: view.decks.hasFocus())
    press(qtbot, Qt.Key.Key_Return)  # the deck: its first card
    assert view.card is not None
    key = view.card.key
    press(qtbot, Qt.Key.Key_Return)  # the answer
    assert view.revealed
    with monkeypatch.context() as fault:
        fault.setattr(store.db, "conn", FullDisk(store.db.conn))
        for letter in (Qt.Key.Key_3, Qt.Key.Key_F, Qt.Key.Key_B, Qt.Key.Key_S):
            view._say("")
            press(qtbot, letter)
            said = view.review.did
            assert said.isVisible() and said.text().startswith("Not saved: The disk"), letter
            # The same card, its answer still shown, nothing changed.
            assert view.card is not None and view.card.key == key and view.revealed
            assert view.stack.currentWidget() is view.review
    card = store.reviews.card(key)
    assert (card.flag, card.buried, card.suspended) == (0, False, False)
    assert store.reviews.review_count() == 0
    press(qtbot, Qt.Key.Key_3)  # room again: the grade is saved and the next card comes
    assert store.reviews.review_count() == 1 and view.card is not None and view.card.key != key
    assert crash_boxes == []


def test_a_note_and_a_read_mark_on_a_full_disk_say_not_saved_and_keep_the_text(
        qtbot: QtBot, profile: tuple[MainWindow, Store], monkeypatch: pytest.MonkeyPatch,
        crash_boxes: list[str]) -> None:
    window, store = profile
    reader = window.reader
    said: list[str] = []
    reader.status_message.connect(said.append)
    reader.open_section("suggestions.5.1")
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    notes = reader.notes_panel.notes
    qtbot.waitUntil(lambda: notes.add_button.isVisible() and notes.add_button.width() > 20)
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes.editor, "Typed on a full disk")
    with monkeypatch.context() as fault:
        fault.setattr(store.db, "conn", FullDisk(store.db.conn))
        qtbot.mouseClick(notes.save_button, Qt.MouseButton.LeftButton)
        assert notes.not_saved.isVisible()
        assert notes.not_saved.text().startswith("Not saved: The disk that holds")
        assert notes.editor_box.isVisible()  # the text stays, to save again
        assert notes.editor.toPlainText() == "Typed on a full disk"
        notes.keep_draft()  # the draft timer's write: said, not a crash
        was_read = reader.read_button.isChecked()
        qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
        assert reader.read_button.isChecked() == was_read  # what is stored
        assert said and said[-1].startswith("Not saved: The disk that holds")
    qtbot.mouseClick(notes.save_button, Qt.MouseButton.LeftButton)  # room again
    assert [n.text for n in store.notes.for_section("suggestions.5.1")] == [
        "Typed on a full disk"]
    assert not notes.not_saved.isVisible()
    assert crash_boxes == []


def test_suspending_in_browse_on_a_full_disk_says_not_saved(
        qtbot: QtBot, profile: tuple[MainWindow, Store], monkeypatch: pytest.MonkeyPatch,
        crash_boxes: list[str]) -> None:
    from studyapp.ui.card_dialogs import BrowseDialog

    window, store = profile
    dialog = BrowseDialog(store, "set:disk", "Full disk", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    with monkeypatch.context() as fault:
        fault.setattr(store.db, "conn", FullDisk(store.db.conn))
        qtbot.mouseClick(dialog.suspend_button, Qt.MouseButton.LeftButton)
    assert dialog.count.text().startswith("Not saved: The disk that holds")
    assert store.reviews.card_counts()["suspended"] == 0
    assert crash_boxes == []
    dialog.close()
