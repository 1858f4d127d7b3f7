"""Trainer text is shown as written: a title that looks like HTML is never rendered.

A set title ``<img src="file:///dev/zero">`` made the import dialog read /dev/zero until it
aborted, because labels guessed rich text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.questionsets import load_file
from studyapp.core.store import Store
from studyapp.ui.import_dialog import ImportDialog
from studyapp.ui.sets_dialog import QuestionSetsDialog

TITLE = '<img src="file:///dev/zero">'
DESCRIPTION = "<b>bold</b> <a href='file:///etc/passwd'>link</a>"
HOSTILE = f"""\
format: studyapp-questions/1
id: hostile-set
title: '{TITLE}'
description: "{DESCRIPTION}"
questions:
  - id: q1
    type: truefalse
    prompt: "<img src='file:///dev/zero'> is an image?"
    answer: false
"""


def unsafe_labels(widget: QWidget) -> list[str]:
    """Labels that show markup from the file without being plain text."""
    return [label.text() for label in widget.findChildren(QLabel)
            if ("<img" in label.text() or "<b>bold" in label.text())
            and label.textFormat() != Qt.TextFormat.PlainText]


def test_the_import_preview_shows_a_hostile_title_literally(qtbot: QtBot, store: Store,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    dialog = ImportDialog(store, [path])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=10_000)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert TITLE in texts and DESCRIPTION in texts
    assert unsafe_labels(dialog) == []
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=10_000)
    assert TITLE in [label.text() for label in dialog.findChildren(QLabel)]
    assert unsafe_labels(dialog) == []


def test_the_sets_dialog_shows_a_hostile_title_literally(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    question_set = load_file(path).question_set
    assert question_set is not None
    store.question_sets.import_set(question_set, sha256="x")
    dialog = QuestionSetsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("hostile-set")
    assert dialog.details_title.text() == TITLE
    assert dialog.details_title.textFormat() == Qt.TextFormat.PlainText
    assert unsafe_labels(dialog) == []
    item = dialog.list.currentItem()
    assert item is not None and "&lt;img" in item.toolTip(0) and "<img" not in item.toolTip(0)

    shown: list[tuple[str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    [(text, text_format)] = shown
    assert TITLE in text and text_format == Qt.TextFormat.PlainText
