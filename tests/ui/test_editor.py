"""The question editor driven by keyboard alone: a question of every type and a card typed in,
the preview (the Quiz view's own question page) showing each as the learner sees it, the
saved file accepted by `studyapp validate` and practised in a real quiz; undo and redo on the
editor's stack even from inside a field; evidence picked from the report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from studyapp.app import main
from studyapp.core import editing
from studyapp.core.importing import apply_plan, load_files, plan_import
from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import QUESTION_TYPES
from studyapp.core.quiz import QuizEngine
from studyapp.core.report import Report
from studyapp.core.resources import questions_dir
from studyapp.core.store import Store
from studyapp.ui.editor_window import EditorWindow
from studyapp.ui.quiz_answers import ChoiceAnswer, MatchAnswer, OrderAnswer, TextAnswer
from studyapp.ui.quiz_question import QuestionPage
from studyapp.ui.theme import LIGHT

# The offscreen platform's note when a window's size hints change (the form per item type).
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CONTROLS = {"single": ChoiceAnswer, "multiple": ChoiceAnswer, "truefalse": ChoiceAnswer,
            "fill": TextAnswer, "numeric": TextAnswer, "match": MatchAnswer,
            "order": OrderAnswer}


@pytest.fixture
def open_editor(qtbot: QtBot, tmp_path: Path, report: Report) -> Iterator[object]:
    windows: list[EditorWindow] = []

    def make(draft: editing.Draft, store: Store | None = None) -> EditorWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(draft, report, settings, LIGHT, store)
        window.ask_on_close = False
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.stack.setClean()  # nothing to ask on closing
        window.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    widget = focused()
    assert isinstance(widget, (QLineEdit, QPlainTextEdit)), widget
    qtbot.keyClicks(widget, text)


def tab_and_type(qtbot: QtBot, *texts: str) -> None:
    """Tab to the next field and type, for each text ("" only tabs, "<space>" presses Space)."""
    for text in texts:
        press(qtbot, Qt.Key.Key_Tab)
        if text == "<space>":
            press(qtbot, Qt.Key.Key_Space)
        elif text:
            type_text(qtbot, text)


# What the keyboard types after the prompt, per type: Tab goes radio/tick, option, feedback.
ANSWERS: dict[str, tuple[str, ...]] = {
    "single": ("", "wrong", "", "<space>", "right", "", "", "other", "", "", "more"),
    "multiple": ("<space>", "first right", "", "<space>", "second right", "", "", "not this",
                 "", "", "nor this"),
    "truefalse": (),  # True is chosen already
    "fill": ("practice",),
    "match": ("one", "1", "two", "2"),
    "order": ("first", "second"),
    "numeric": (),
}


def test_a_question_of_every_type_and_a_card_typed_by_keyboard(
        qtbot: QtBot, open_editor, tmp_path: Path, store: Store,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    draft = editing.new_draft("Typed by keyboard")
    draft.path = tmp_path / "typed-by-keyboard.yaml"
    window = open_editor(draft)
    for number, kind in enumerate(QUESTION_TYPES, start=1):
        press(qtbot, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert focused() is window.item_form.prompt  # a new question opens on its prompt
        prompt = f"A {kind} question typed by keyboard?"
        type_text(qtbot, prompt)
        tab_and_type(qtbot, *ANSWERS[kind])
        if kind == "order":
            press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a third item
            type_text(qtbot, "third")
        if kind == "numeric":
            press(qtbot, Qt.Key.Key_Tab)
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            type_text(qtbot, "4")
        window.run_checks()
        # The learner's view: the Quiz view's question page shows it, with its type's control.
        page = window.preview.page
        assert page.prompt.text() == prompt
        assert isinstance(page.control, CONTROLS[kind])
        # No problem; a quality warning (a typed question has no explanation) is fine here.
        assert [f for f in window.findings.for_item("questions", number - 1)
                if not f.problem.is_warning] == [], kind
    press(qtbot, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Front of a typed card")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Its back")
    window.run_checks()
    assert window.preview.card.front.text() == "Front of a typed card"
    assert window.findings.ok, [str(f.problem) for f in window.findings.problems]

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert main(["validate", str(draft.path)]) == 0, capsys.readouterr().err
    saved = load_file(draft.path).question_set
    assert saved is not None
    assert [q.type for q in saved.questions] == list(QUESTION_TYPES)
    single = saved.questions[0]
    assert [c.text for c in single.choices if c.correct] == ["right"]
    assert saved.questions[5].sequence == ["first", "second", "third"]
    assert saved.questions[6].numeric[0].value == 4

    # Imported, the set is practised in a real quiz on the Quiz view's page.
    apply_plan(plan_import(load_files([draft.path]), store), store)
    session = QuizEngine(store).start("practice", f"set:{saved.id}", count=None, seed=1)
    page = QuestionPage(window.report, window.preview.page.settings, LIGHT)
    qtbot.addWidget(page)
    page.show()
    page.open(session)
    shown = set()
    for index in range(len(session.items)):
        page.show_question(index)
        shown.add(page.prompt.text())
    assert shown == {q.prompt for q in saved.questions}
    session.finish()


def test_undo_and_redo_go_to_the_editors_stack_even_from_a_field(
        qtbot: QtBot, open_editor) -> None:  # type: ignore[no-untyped-def]
    window = open_editor(editing.new_draft("Undo"))
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # a truefalse question
    type_text(qtbot, "Typed words")
    assert window.draft.question_set.questions[0].prompt == "Typed words"
    assert window.stack.count() == 2  # the new question, and the typing as one step
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the prompt field
    assert window.draft.question_set.questions[0].prompt == ""
    assert window.item_form.prompt.toPlainText() == ""
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.draft.question_set.questions == []
    press(qtbot, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.draft.question_set.questions[0].prompt == "Typed words"
    assert window.item_form.prompt.toPlainText() == "Typed words"
    # Moving and deleting are steps too.
    press(qtbot, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Card")
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.draft.question_set.cards == []
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.front for c in window.draft.question_set.cards] == ["Card"]


def test_evidence_is_picked_from_the_report_and_passes_the_word_for_word_check(
        qtbot: QtBot, open_editor) -> None:  # type: ignore[no-untyped-def]
    window = open_editor(editing.new_draft("Evidence"))
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Daring to charge and charging are the same.")
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # to the report pane
    pane = window.report_pane
    pane.section.setCurrentIndex(pane.section.findData("suggestions.5.2"))
    assert pane.select_passage("Dare to charge and charge is not the same.")
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    question = window.draft.question_set.questions[0]
    assert question.section == "suggestions.5.2"
    assert question.evidence == "Dare to charge and charge is not the same."
    window.run_checks()
    assert window.findings.ok
    # A quote changed by hand is caught, with the message `studyapp validate` gives.
    window.item_form.evidence.setFocus()
    press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, " Really.")
    window.run_checks()
    [finding] = window.findings.problems
    assert "evidence not found in section suggestions.5.2" in finding.problem.message
    assert "evidence not found" in window.item_form.problems.text()


def test_a_builtin_set_is_read_only_until_duplicated(
        qtbot: QtBot, open_editor) -> None:  # type: ignore[no-untyped-def]
    window = open_editor(editing.open_file(Path(str(questions_dir())) / "glossary.yaml"))
    assert window.draft.read_only and not window.save_action.isEnabled()
    press(qtbot, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.draft.question_set.cards == editing.open_file(
        Path(str(questions_dir())) / "glossary.yaml").question_set.cards
    press(qtbot, Qt.Key.Key_D,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.draft.read_only and window.save_action.isEnabled()
    assert window.draft.question_set.id == "glossary-copy"
    window.run_checks()
    assert window.findings.ok


def type_question(qtbot: QtBot, window: EditorWindow, number: int, kind: str) -> str:
    """Ctrl+number, the prompt, then Tab through the answer fields typing them."""
    press(qtbot, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.item_form.prompt  # a new question opens on its prompt
    prompt = f"A {kind} question typed by keyboard?"
    type_text(qtbot, prompt)
    tab_and_type(qtbot, *ANSWERS[kind])
    if kind == "order":
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a third item
        type_text(qtbot, "third")
    if kind == "numeric":
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "4")
    return prompt


@pytest.mark.parametrize("kind", list(CONTROLS))
def test_each_type_typed_by_keyboard_shows_in_the_learners_view_and_validates(
        kind: str, qtbot: QtBot, open_editor, tmp_path: Path,  # type: ignore[no-untyped-def]
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    draft = editing.new_draft(f"Typed {kind}")
    draft.path = tmp_path / f"typed-{kind}.yaml"
    window = open_editor(draft)
    prompt = type_question(qtbot, window, QUESTION_TYPES.index(kind) + 1, kind)
    press(qtbot, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # and a card
    type_text(qtbot, "Front of a typed card")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Its back")
    window.run_checks()
    assert window.findings.ok, [str(f.problem) for f in window.findings.problems]
    assert window.preview.card.front.text() == "Front of a typed card"
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # back to the list
    press(qtbot, Qt.Key.Key_Up)  # the question above the card's heading
    press(qtbot, Qt.Key.Key_Up)
    window.run_checks()
    page = window.preview.page  # the Quiz view's own page, as the learner sees it
    assert page.prompt.text() == prompt
    assert isinstance(page.control, CONTROLS[kind])

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert main(["validate", str(draft.path)]) == 0, capsys.readouterr().err
    saved = load_file(draft.path).question_set
    assert saved is not None and [q.type for q in saved.questions] == [kind]
    if kind == "single":
        assert [c.text for c in saved.questions[0].choices if c.correct] == ["right"]
    if kind == "order":
        assert saved.questions[0].sequence == ["first", "second", "third"]
    if kind == "numeric":
        assert saved.questions[0].numeric[0].value == 4
    # Imported, it is practised in a real quiz on the Quiz view's page.
    apply_plan(plan_import(load_files([draft.path]), store), store)
    session = QuizEngine(store).start("practice", f"set:{saved.id}", count=None, seed=1)
    learner = QuestionPage(window.report, window.preview.page.settings, LIGHT)
    qtbot.addWidget(learner)
    learner.show()
    learner.open(session)
    assert learner.prompt.text() == prompt
    assert isinstance(learner.control, CONTROLS[kind])
    session.finish()


def test_file_new_question_set_opens_the_editor_from_the_main_window(
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    window = make_window()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Week 2 quiz", True))
    assert window.new_set_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.edit_set_action.shortcut().toString() == "Ctrl+Shift+O"
    window.new_set_action.trigger()
    [editor] = window.editors
    qtbot.addWidget(editor)
    editor.ask_on_close = False
    assert editor.draft.question_set.id == "week-2-quiz" and editor.isVisible()
    assert editor.import_action.isVisible()  # the profile is there to import into
    editor.close()
