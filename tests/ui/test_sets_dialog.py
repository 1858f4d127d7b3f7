"""The question sets dialog: list, details, built-in protection, removal, export, import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
from studyapp.core.store import Store
from studyapp.ui import sets_dialog
from studyapp.ui.sets_dialog import BUILTIN_TOOLTIP, QuestionSetsDialog


def trainer_set() -> QuestionSet:
    return QuestionSet(
        id="four-relationships",
        title="The four relationships 四个关系",
        description="Questions on part III (5) of the report.",
        source="/home/trainer/four.yaml",
        format="native",
        questions=[
            Question(id="rel-001", type="single", section="suggestions.5.2",
                     prompt="Daring to charge is based on what?",
                     choices=[Choice("Rushing in"), Choice("In-depth research", correct=True)],
                     explanation="The report says so.", tags=["charge"], difficulty=2),
            Question(id="rel-002", type="truefalse", section="suggestions.5.2",
                     prompt="Daring to charge and charging are the same.", truth=False),
            Question(id="rel-003", type="fill", section="suggestions.5.4",
                     prompt="Innovation originates from ____.", accepted=["practice", "实践"]),
        ],
        cards=[Card(id="card-001", front="创新源于什么？", back="实践", section="suggestions.5.4")],
    )


def builtin_set() -> QuestionSet:
    return QuestionSet(
        id="report-cards", title="Report flashcards", builtin=True, source="report-cards.yaml",
        format="native", cards=[Card(id="c1", front="front", back="back", section="intro")],
    )


def open_dialog(qtbot: QtBot, store: Store) -> QuestionSetsDialog:
    dialog = QuestionSetsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: QuestionSetsDialog) -> list[list[str]]:
    out = []
    for row in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(row)
        assert item is not None
        out.append([item.text(column) for column in range(item.columnCount())])
    return out


@pytest.fixture
def filled(store: Store) -> Store:
    store.question_sets.import_set(builtin_set(), sha256="b")
    store.question_sets.import_set(trainer_set(), sha256="t")
    return store


def test_lists_sets_with_counts_and_details(qtbot: QtBot, filled: Store) -> None:
    dialog = open_dialog(qtbot, filled)
    assert rows(dialog) == [
        ["Report flashcards", "0", "1", "Built-in"],
        ["The four relationships 四个关系", "3", "1", "Imported"],
    ]
    dialog.select("four-relationships")
    details = dialog.details_text()
    assert "The four relationships 四个关系" in details
    assert "Questions on part III (5) of the report." in details
    assert "/home/trainer/four.yaml" in details
    assert "StudyApp YAML" in details
    assert "3  (Single choice 1 · True/false 1 · Fill in the blank 1)" in details
    assert "Second Correctly handle the relationship between boldness and charge" in details
    assert "Fourth Correctly handle the relationship between innovation and practice" in details
    assert re.search(r"\b20\d\d \d\d:\d\d$", dialog.facts["Imported"].text())  # "5 Dec 2026 09:26"


def test_builtin_sets_are_protected(qtbot: QtBot, filled: Store) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.select("report-cards")
    assert not dialog.remove_button.isEnabled()
    assert dialog.remove_button.toolTip() == BUILTIN_TOOLTIP
    assert "cannot be removed" in BUILTIN_TOOLTIP
    assert dialog.export_button.isEnabled()
    assert "Built-in" in dialog.details_text()
    # The Delete key on the list refuses too, and says why.
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert dialog.message.text() == BUILTIN_TOOLTIP
    assert len(filled.question_sets.list()) == 2

    dialog.select("four-relationships")
    assert dialog.remove_button.isEnabled()


def test_removes_a_trainer_set_after_confirmation(
    qtbot: QtBot, filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def exec_(box: QMessageBox) -> int:
            assert box.textFormat() == Qt.TextFormat.PlainText
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
            asked.append(box.text())
            return int(reply.value)
        return exec_

    dialog = open_dialog(qtbot, filled)
    dialog.select("four-relationships")

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.No))
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(filled.question_sets.list()) == 2

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.changed, timeout=2_000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "“The four relationships 四个关系”" in asked[-1]
    assert "history" in asked[-1] and "kept" in asked[-1]
    assert [info.id for info in filled.question_sets.list()] == ["report-cards"]
    assert rows(dialog) == [["Report flashcards", "0", "1", "Built-in"]]
    assert "Removed “The four relationships 四个关系”" in dialog.message.text()


def test_exports_a_set_that_loads_again(
    qtbot: QtBot, filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "exported"  # no extension: .yaml is added
    target.parent.mkdir()
    offered: list[str] = []

    def save(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    dialog = open_dialog(qtbot, filled)
    dialog.select("four-relationships")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    written = target.with_name("exported.yaml")
    assert offered[0].endswith("four-relationships.yaml")
    assert "Exported “The four relationships 四个关系”" in dialog.message.text()
    assert sorted(p.name for p in written.parent.iterdir()) == ["exported.yaml"]  # no temp left
    result = load_file(written)
    assert result.ok, result.problems
    assert result.question_set is not None
    original = filled.question_sets.get("four-relationships")
    again = result.question_set
    assert (again.id, again.title, again.description) == (
        original.id, original.title, original.description
    )
    strip = lambda items: [(i.id, {**vars(i), "line": 0}) for i in items]  # noqa: E731
    assert strip(again.questions) == strip(original.questions)
    assert strip(again.cards) == strip(original.cards)


def test_export_failure_is_a_message(
    qtbot: QtBot, filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no-such-folder" / "set.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    dialog = open_dialog(qtbot, filled)
    dialog.select("four-relationships")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "could not be saved" in dialog.message.text()
    assert not missing.exists()


def test_export_cancelled_writes_nothing(
    qtbot: QtBot, filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog = open_dialog(qtbot, filled)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.message_row.isVisible()


def test_empty_profile_says_what_to_do(qtbot: QtBot, store: Store) -> None:
    dialog = open_dialog(qtbot, store)
    assert dialog.pages.currentWidget() is dialog.empty_label
    assert "Choose Import…" in dialog.empty_label.text()
    assert not dialog.export_button.isEnabled()
    assert not dialog.remove_button.isEnabled()
    assert dialog.import_button.isEnabled()


def test_import_button_imports_and_refreshes(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_choose_and_import(target: Store, parent: object) -> list[str]:
        target.question_sets.import_set(trainer_set(), sha256="t")
        return ["four-relationships"]

    monkeypatch.setattr(sets_dialog.import_dialog, "choose_and_import", fake_choose_and_import)
    dialog = open_dialog(qtbot, store)
    with qtbot.waitSignal(dialog.changed, timeout=2_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.splitter
    assert dialog.selected_id() == "four-relationships"
    assert rows(dialog) == [["The four relationships 四个关系", "3", "1", "Imported"]]


def test_the_details_show_the_sets_questions_in_full(qtbot: QtBot, filled: Store) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.select("four-relationships")
    browser = dialog.items
    assert browser.isVisibleTo(dialog)
    assert browser.list.topLevelItemCount() == 4
    detail = browser.detail.text()
    assert detail.startswith("Single choice · rel-001\n\nDaring to charge is based on what?")
    assert "A. Rushing in\nB. In-depth research  ✓" in detail and "Answer: B" in detail
    assert "Explanation\nThe report says so." in detail and "Difficulty: 2 of 5" in detail
    browser.list.setFocus()
    qtbot.keyClick(browser.list, Qt.Key.Key_Down)
    assert "Answer: false" in browser.detail.text()
    qtbot.keyClick(browser.list, Qt.Key.Key_End)
    assert "Front\n创新源于什么？\n\nBack\n实践" in browser.detail.text()
