"""The import preview shows warnings apart from problems, and how each spreadsheet column was
understood; warnings never block the import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame
from pytestqt.qtbot import QtBot

from studyapp.core.store import Store
from studyapp.ui.import_dialog import ImportDialog

BANK = ("序号,题型,题干,选项A,选项B,正确答案,分值,选项A解析,年级,图片URL,课题,解析\n"
        "2,单选题,哪一项是源头?,实践,空谈,A,2,是的,高一,https://example.com/a.png,创新,"
        "新办法从工作中来\n"
        "1,判断题,实践出真知。,,,√,1,,高一,,创新,做了才知道对不对\n")
BIASED = Path(__file__).parents[1] / "fixtures" / "quality" / "biased.yaml"
PAPER_WITH_MISTAKES = "一、单选题\n1. Q?\nA. a\nB. b\n答案：E\n"


def open_dialog(qtbot: QtBot, store: Store, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(store, paths)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_warnings_are_listed_apart_and_do_not_block_the_import(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text(BANK, encoding="utf-8-sig")
    dialog = open_dialog(qtbot, store, [path])
    assert not dialog.problems_box.isVisible()
    assert dialog.warnings_box.isVisible()
    assert dialog.warnings_title.text() == "Warnings (2)"
    rows = [(dialog.warnings_view.topLevelItem(i).text(1),
             dialog.warnings_view.topLevelItem(i).text(2))
            for i in range(dialog.warnings_view.topLevelItemCount())]
    assert [line for line, _ in rows] == ["row 1, column 年级", "row 2, column 图片URL"]
    # Points, tags and notes on options show in the preview.
    [card] = dialog.findChildren(QFrame, "importFileCard")
    extras = {name: label.text() for name, label in card.extras.items()}
    assert all(label.isVisible() for label in card.extras.values())
    assert extras == {"Points": "3 in all, 1 to 2 a question", "Tags": "创新 (2)",
                      "Option notes": "in 1 of the questions"}
    assert rows[0][1].startswith("column '年级' ignored")
    assert "web address" in rows[1][1] and "never downloads" in rows[1][1]
    card_columns = dialog.findChild(type(dialog.message), "importColumns")
    assert card_columns is not None and card_columns.isVisible()
    columns = card_columns.text()
    for understood in ("序号 → number (order and id)", "分值 → points",
                       "选项A解析 → option A feedback", "年级 → ignored", "图片URL → image"):
        assert understood in columns
    assert "<span" in columns.split("年级 → ignored")[0]  # ignored columns shown muted
    assert "the warnings below do not stop the import" in dialog.message.text()
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [set_id] = imported.args[0]
    stored = store.question_sets.get(set_id)
    assert [(q.id, q.points) for q in stored.questions] == [("1", 1), ("2", 2)]
    assert stored.questions[1].choices[0].feedback == "是的"


def test_question_quality_warnings_are_listed_with_their_lines_and_do_not_block(
        qtbot: QtBot, store: Store) -> None:
    dialog = open_dialog(qtbot, store, [BIASED])
    assert not dialog.problems_box.isVisible()
    assert dialog.warnings_title.text() == "Warnings (22)"
    rows = [dialog.warnings_view.topLevelItem(i).text(2)
            for i in range(dialog.warnings_view.topLevelItemCount())]
    assert any(row.startswith("question 'two-pairs': a match of 2 pairs") for row in rows)
    assert dialog.import_button.isEnabled()


def test_a_paper_with_a_mistake_blocks_the_import(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(PAPER_WITH_MISTAKES, encoding="utf-8")
    dialog = open_dialog(qtbot, store, [path])
    assert dialog.problems_box.isVisible() and not dialog.warnings_box.isVisible()
    item = dialog.problems_view.topLevelItem(0)
    assert (item.text(1), item.text(2)) == (
        "line 5", "答案 'E' of question 1 names E, which is no option; it has options A-B")
    assert not dialog.import_button.isEnabled()
    assert store.question_sets.list() == []


def test_columns_and_places_are_in_chinese(qtbot: QtBot, store: Store, tmp_path: Path,
                                          chinese: str) -> None:
    """What each column was understood as follows the window's language (core gives English
    names; the preview translates them)."""
    path = tmp_path / "bank.csv"
    path.write_text(BANK, encoding="utf-8-sig")
    dialog = open_dialog(qtbot, store, [path])
    label = dialog.findChild(type(dialog.message), "importColumns")
    assert label is not None
    columns = label.text()
    for understood in ("序号 → 序号（顺序和 ID）", "分值 → 分值", "选项A解析 → 选项 A 的反馈",
                       "年级 → 已忽略", "图片URL → 图片"):
        assert understood in columns
    assert "points" not in columns and "feedback" not in columns
    wheres = [dialog.warnings_view.topLevelItem(i).text(1)
              for i in range(dialog.warnings_view.topLevelItemCount())]
    assert wheres == ["第 1 行，“年级”列", "第 2 行，“图片URL”列"]


def test_every_column_meaning_core_gives_has_a_chinese_name(chinese: str) -> None:
    """A meaning added to core's vocabulary must be added to the preview's table too."""
    from studyapp.core.questionsets.vocabulary import MEANINGS
    from studyapp.ui.import_preview import meaning_text

    english = sorted({meaning for meaning in [*MEANINGS.values(), "ignored"]
                      if meaning_text(meaning) == meaning})
    assert english == []
