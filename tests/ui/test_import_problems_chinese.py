"""The import dialog in Chinese: a broken file's problems are listed in Chinese (core's
catalogue), each at its line; the same file in English keeps the English wording."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from studyapp.core.store import Store
from studyapp.ui.import_dialog import ImportDialog

CJK = re.compile(r"[\u4e00-\u9fff]")
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


def problem_rows(qtbot: QtBot, store: Store, path: Path) -> list[tuple[str, str]]:
    """(line, message) of each problem the dialog lists, once its worker has read the file."""
    dialog = ImportDialog(store, [path])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.problems_view
    return [(view.topLevelItem(row).text(1), view.topLevelItem(row).text(2))
            for row in range(view.topLevelItemCount())]


def test_the_problems_of_a_broken_file_are_chinese_in_a_chinese_window(
    qtbot: QtBot, store: Store, tmp_path: Path, chinese: str
) -> None:
    rows = problem_rows(qtbot, store, write(tmp_path, "broken.yaml", BAD))
    assert len(rows) >= 4
    for where, message in rows:
        assert re.search(r"\d", where), where  # the line is still named
        assert CJK.search(message), message
    assert any("“q1”" in message for _, message in rows)  # the item is named, in its quotes


def test_the_same_problems_stay_english_in_an_english_window(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    rows = problem_rows(qtbot, store, write(tmp_path, "broken.yaml", BAD))
    assert rows and not any(CJK.search(message) for _, message in rows)
    assert any(message.startswith("question 'q1': ") for _, message in rows)
