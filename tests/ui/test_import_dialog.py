"""The import dialog, driven as a trainer would: files in, preview, problems, import."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.questionsets import load_file
from studyapp.core.store import Store, StoreError
from studyapp.ui import import_dialog
from studyapp.ui.import_dialog import ImportDialog, choose_and_import

GOOD = """\
format: studyapp-questions/1
id: relationships-drill
title: The four relationships 四个关系
description: Questions on part III (5) of the report.
questions:
  - id: rel-001
    type: single
    section: suggestions.5.2
    prompt: According to the report, daring to charge is based on what?
    options:
      - Rushing into battle before the plan is ready
      - Understanding the situation, mastering the law and in-depth research
      - Setting the tone early to show resolve
    answer: B
  - id: rel-002
    type: truefalse
    section: suggestions.5.2
    prompt: The report says that daring to charge and charging are the same thing.
    answer: false
  - id: rel-003
    type: fill
    section: suggestions.5.4
    prompt: Innovation originates from ____.
    answer: [practice]
  - id: rel-004
    type: truefalse
    prompt: 创新源于实践。
    answer: true
cards:
  - id: card-001
    section: suggestions.5.2
    front: Is daring to charge the same as charging?
    back: No. Daring to charge rests on research; charging rushes in without it.
"""

BAD = """\
format: studyapp-questions/1
id: broken-set
title: A set with mistakes
questions:
  - id: q1
    type: single
    prompt: Pick one
    options: [a, b, c]
    answer: E
  - id: q2
    type: truefalse
    prompt: True?
    anwser: true
  - id: q3
    type: fill
    section: suggestions.9
    prompt: Innovation originates from ____.
    answer: x
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def open_dialog(qtbot: QtBot, store: Store, paths: list[Path]) -> ImportDialog:
    """The dialog on screen, once its worker has read the files."""
    dialog = ImportDialog(store, paths)
    qtbot.addWidget(dialog)
    assert dialog.is_loading()  # the busy page shows while the worker reads
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def visible_text(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def test_valid_file_previews_then_imports(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    dialog = open_dialog(qtbot, store, [path])

    text = visible_text(dialog)
    assert "The four relationships 四个关系" in text
    assert "Set id: relationships-drill" in text
    assert "StudyApp YAML" in text
    assert "New set" in text
    assert "Single choice 1 · True/false 2 · Fill in the blank 1" in text
    assert "Second Correctly handle the relationship between boldness and charge" in text
    assert "Not tied to a report section" in text
    assert not dialog.problems_box.isVisible()
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.hasFocus()  # Enter imports
    assert store.question_sets.list() == []  # nothing written before Import
    assert gc.isenabled()  # paused only while the worker parses

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [["relationships-drill"]]

    [info] = store.question_sets.list()
    assert (info.id, info.title) == ("relationships-drill", "The four relationships 四个关系")
    assert (info.question_count, info.card_count) == (4, 1)
    assert info.by_type == {"single": 1, "truefalse": 2, "fill": 1}
    assert info.by_section == {"suggestions.5.2": 3, "suggestions.5.4": 1, "": 1}
    assert info.sha256  # kept so that an unchanged re-import is recognised
    summary = visible_text(dialog)
    assert "<b>5</b> added · <b>0</b> updated · <b>0</b> unchanged · <b>0</b> retired" in summary
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_every_problem_is_listed_and_nothing_is_imported(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, "broken.yaml", BAD)
    expected = load_file(path).problems
    assert len(expected) >= 4
    dialog = open_dialog(qtbot, store, [path])

    view = dialog.problems_view
    assert dialog.problems_box.isVisible()
    assert view.topLevelItemCount() == len(expected)
    for row, problem in enumerate(expected):
        item = view.topLevelItem(row)
        assert item is not None
        assert (item.text(0), item.text(1), item.text(2)) == (
            "broken.yaml", f"line {problem.line}", problem.message
        )
    lines = [view.topLevelItem(row).text(1) for row in range(view.topLevelItemCount())]
    assert {"line 9", "line 13", "line 14"} <= set(lines)
    assert dialog.problems_title.text() == f"Problems ({len(expected)})"
    assert dialog.message.text() == (
        f"Fix these {len(expected)} problems in broken.yaml and try again; "
        "nothing has been imported."
    )
    assert not dialog.import_button.isEnabled()

    # Enter does not import while there are problems; the store is untouched.
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    dialog.import_files()
    assert dialog.isVisible()
    assert store.question_sets.list() == []

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "\n".join(str(p) for p in expected)


def test_one_bad_file_blocks_all_files(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    good = write(tmp_path, "four.yaml", GOOD)
    bad = write(tmp_path, "broken.yaml", BAD)
    dialog = open_dialog(qtbot, store, [good, bad])
    assert len(dialog.previews) == 2
    assert dialog.previews[0].ok and not dialog.previews[1].ok
    assert "in broken.yaml and try again; nothing has been imported." in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    assert store.question_sets.list() == []


def test_two_files_with_the_same_set_id_are_a_problem(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    first = write(tmp_path, "a.yaml", GOOD)
    second = write(tmp_path, "b.yaml", GOOD.replace("title: The four", "title: Other four"))
    dialog = open_dialog(qtbot, store, [first, second])
    [problem] = dialog.problems
    assert problem.path == str(second)
    assert f"also used by {first}" in problem.message
    assert not dialog.import_button.isEnabled()


def test_reimport_shows_an_update_with_item_changes(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    first = load_file(path)
    assert first.question_set is not None
    store.question_sets.import_set(first.question_set, sha256="an older file")
    changed = (
        GOOD.replace("Innovation originates from ____.", "All innovation originates from ____.")
        .replace("  - id: rel-004\n    type: truefalse\n", "  - id: rel-005\n    type: truefalse\n")
    )
    path.write_text(changed, encoding="utf-8")
    dialog = open_dialog(qtbot, store, [path])

    status = dialog.findChild(QLabel, "importFileStatus")
    assert status is not None
    assert "<b>Updates</b> the set “The four relationships 四个关系”" in status.text()
    assert "1 new, 1 changed, 1 removed, 3 unchanged" in status.text()

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter imports when allowed
    assert "<b>1</b> added · <b>1</b> updated · <b>3</b> unchanged · <b>1</b> retired" in (
        visible_text(dialog)
    )
    [info] = store.question_sets.list()
    assert info.question_count == 4


def test_the_same_file_again_changes_nothing(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    dialog = open_dialog(qtbot, store, [path])
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_files()
    again = open_dialog(qtbot, store, [path])
    status = again.findChild(QLabel, "importFileStatus")
    assert status is not None and "Already imported" in status.text()


def test_store_error_is_a_message_not_a_crash(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    dialog = open_dialog(qtbot, store, [path])

    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("the disk is full")

    from studyapp.core.store.question_sets import QuestionSetsService

    monkeypatch.setattr(QuestionSetsService, "import_set", refuse)
    with qtbot.assertNotEmitted(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "could not be imported: the disk is full" in dialog.message.text()
    assert "Nothing has been imported" in dialog.message.text()
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    monkeypatch.undo()
    assert store.question_sets.list() == []


def test_escape_cancels(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, store, [write(tmp_path, "four.yaml", GOOD)])
    with qtbot.waitSignal(dialog.rejected, timeout=2_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert store.question_sets.list() == []


def test_empty_state_says_what_to_do(qtbot: QtBot, store: Store) -> None:
    dialog = ImportDialog(store, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.empty_label
    assert "Choose Add files…" in dialog.empty_label.text()
    assert not dialog.import_button.isEnabled()


def test_add_files_reads_the_chosen_files(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(path)], import_dialog.FILE_FILTER))
    dialog = ImportDialog(store, [])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.paths == [path]
    assert dialog.import_button.isEnabled()


def test_choose_and_import(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    asked: list[str] = []

    def pick(parent: object, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(path)], filters

    def run(dialog: ImportDialog) -> int:  # instead of a modal exec(): the user clicks Import
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    monkeypatch.setattr(ImportDialog, "exec", run)
    assert choose_and_import(store, None) == ["relationships-drill"]
    for extension in ("*.yaml", "*.yml", "*.csv", "*.xlsx", "*.gift", "*.txt"):
        assert extension in asked[0]
    assert [info.id for info in store.question_sets.list()] == ["relationships-drill"]


def test_choose_and_import_cancelled(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([], ""))
    assert choose_and_import(store, None) == []
    assert store.question_sets.list() == []


def test_an_unreadable_file_is_a_problem(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, store, [tmp_path / "missing.yaml"])
    [problem] = dialog.problems
    assert problem.message == "file not found"
    assert dialog.problems_view.topLevelItem(0).text(1) == "whole file"
    assert not dialog.import_button.isEnabled()


def test_a_failed_import_keeps_what_the_window_wrote_meanwhile(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import has a connection and a transaction of its own: reading time the window
    writes while it runs is not rolled back with it."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    from studyapp.core.store import open_store
    from studyapp.core.store.question_sets import QuestionSetsService

    dialog = open_dialog(qtbot, store, [write(tmp_path, "four.yaml", GOOD)])
    inside, failed = threading.Event(), threading.Event()
    original = QuestionSetsService.import_set

    def failing(self: QuestionSetsService, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]  # rows written, not committed
        inside.set()
        time.sleep(0.3)  # the window writes meanwhile
        failed.set()
        raise StoreError("the disk is full")

    monkeypatch.setattr(QuestionSetsService, "import_set", failing)
    during: list[bool] = []

    def reader_tick() -> None:  # what the reader does every few seconds, on the GUI thread
        if inside.is_set() and not during:
            during.append(not failed.is_set())
            store.sections.add_seconds("intro", 42)  # waits for the import's lock

    timer = QTimer(dialog)
    timer.setInterval(5)
    timer.timeout.connect(reader_tick)
    timer.start()
    with qtbot.assertNotEmitted(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert during == [True]  # the write was made while the import's transaction was open
    assert "could not be imported: the disk is full" in dialog.message.text()
    fresh = open_store(store.path.parent.parent, store.profile)
    try:
        assert fresh.sections.progress("intro").seconds == 42
        assert fresh.question_sets.list() == []
    finally:
        fresh.close()


def test_the_preview_refuses_a_built_in_set_id(qtbot: QtBot, store: Store,
                                               tmp_path: Path) -> None:
    path = write(tmp_path, "four.yaml", GOOD.replace("id: relationships-drill",
                                                     "id: four-relationships", 1))
    dialog = open_dialog(qtbot, store, [path])
    [problem] = dialog.problems
    assert "is the id of a set built into StudyApp" in problem.message
    assert not dialog.import_button.isEnabled()


def test_a_returning_item_is_previewed_as_it_is_imported(qtbot: QtBot, store: Store,
                                                         tmp_path: Path) -> None:
    path = write(tmp_path, "four.yaml", GOOD)
    first = load_file(path).question_set
    assert first is not None
    store.question_sets.import_set(first, sha256="v1")
    without = load_file(write(tmp_path, "four.yaml",
                              GOOD.replace("  - id: rel-004\n    type: truefalse\n    prompt: "
                                           "创新源于实践。\n    answer: true\n", ""))).question_set
    assert without is not None and len(without.questions) == 3
    store.question_sets.import_set(without, sha256="v2")  # rel-004 retired
    write(tmp_path, "four.yaml", GOOD)  # and back
    dialog = open_dialog(qtbot, store, [path])
    status = dialog.findChild(QLabel, "importFileStatus")
    assert status is not None and "0 new, 1 changed, 0 removed, 4 unchanged" in status.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_files()
    assert "<b>0</b> added · <b>1</b> updated · <b>4</b> unchanged · <b>0</b> retired" in (
        visible_text(dialog))


def test_spreadsheet_problems_name_row_and_column_in_words(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("题型,题干,选项A,选项B,答案\n单选,Q?,a,b,E\n判断,S.,,,也许\n",
                    encoding="utf-8")
    dialog = open_dialog(qtbot, store, [path])
    view = dialog.problems_view
    wheres = [view.topLevelItem(row).text(1) for row in range(view.topLevelItemCount())]
    assert wheres == ["row 2, column 答案", "row 3, column 答案"]
    assert view.headerItem().text(1) == "Where"
    # Copy keeps the command line's PATH:LINE:COL: message lines.
    assert dialog.problems_text().splitlines()[0].startswith(f"{path}:2:5: ")


def _select_row(qtbot: QtBot, view: QWidget, row: int) -> None:
    from PySide6.QtWidgets import QTreeWidget

    assert isinstance(view, QTreeWidget)
    view.setFocus()
    while view.indexOfTopLevelItem(view.currentItem()) != row:
        key = Qt.Key.Key_Down if view.indexOfTopLevelItem(view.currentItem()) < row else (
            Qt.Key.Key_Up)
        qtbot.keyClick(view, key)


def test_the_preview_shows_every_question_in_full(qtbot: QtBot, store: Store,
                                                  tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, store, [write(tmp_path, "four.yaml", GOOD)])
    browser = dialog.items
    assert browser.isVisible()
    assert dialog.items_title.text() == "Questions and cards (5)"
    rows = [browser.list.topLevelItem(row) for row in range(browser.list.topLevelItemCount())]
    assert [(r.text(0)[:30], r.text(1)) for r in rows if r is not None] == [
        ("According to the report, darin", "Single choice"),
        ("The report says that daring to", "True/false"),
        ("Innovation originates from ___", "Fill in the blank"),
        ("创新源于实践。", "True/false"),
        ("Is daring to charge the same a", "Card"),
    ]
    detail = browser.detail.text()  # the first question is selected
    assert "According to the report, daring to charge is based on what?" in detail
    assert "B. Understanding the situation, mastering the law and in-depth research  ✓" in (
        detail)
    assert "Answer: B" in detail and "A. Rushing into battle" in detail
    _select_row(qtbot, browser.list, 2)
    assert "Accepted answers: practice" in browser.detail.text()
    _select_row(qtbot, browser.list, 4)
    detail = browser.detail.text()
    assert "Front\nIs daring to charge the same as charging?" in detail
    assert "Back\nNo. Daring to charge rests on research" in detail
    assert browser.detail.textFormat() == Qt.TextFormat.PlainText


def test_messages_use_the_apps_line_icons(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QStyle

    from studyapp.ui.icons import icon

    dialog = open_dialog(qtbot, store, [write(tmp_path, "broken.yaml", BAD)])
    shown = dialog.message_icon.pixmap()
    size = shown.width()
    stock = dialog.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    line = icon("circle-alert", dialog.message_icon.palette().color(
        dialog.message_icon.palette().ColorRole.Link).name())
    assert shown.toImage() == line.pixmap(size, size).toImage()
    assert shown.toImage() != stock.pixmap(size, size).toImage()


def test_a_bank_with_unknown_columns_imports_with_its_warnings_shown_apart(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    bank = write(tmp_path, "bank.csv", (
        "题号,题型,题干,选项A,选项B,答案,分值,年级,解析\n"
        "1,单选题,创新源于什么？,实践,书本,A,2,高一,新办法从工作中来\n"
    ))
    dialog = open_dialog(qtbot, store, [bank])
    assert dialog.problems == []
    assert [w.message for w in dialog.warnings] and all(
        "年级" in w.message for w in dialog.warnings)
    assert dialog.warnings_box.isVisible()
    assert dialog.warnings_view.topLevelItemCount() == len(dialog.warnings)
    columns = dialog.findChild(QLabel, "importColumns")
    assert columns is not None and "分值" in columns.text() and "年级" in columns.text()
    assert dialog.import_button.isEnabled()  # warnings never block the import
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(s.id == "bank" for s in store.question_sets.list()),
                    timeout=10_000)
