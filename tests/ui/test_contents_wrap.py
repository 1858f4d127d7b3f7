"""The contents' long titles wrap to the column it is shown at, hidden at first or not."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.report import Report
from studyapp.ui.contents import ContentsTree
from studyapp.ui.theme import LIGHT


def heights_fit(tree: ContentsTree, report: Report) -> bool:
    column = tree.columnWidth(0)
    hints = [tree.item_for(s.id).sizeHint(0) for s in report.sections]
    return all(hint.isValid() and hint.width() < column for hint in hints)


def test_titles_wrap_to_the_column_shown(qtbot: QtBot, report: Report) -> None:
    tree = ContentsTree(report, LIGHT)
    qtbot.addWidget(tree)
    assert not tree.item_for(report.sections[0].id).sizeHint(0).isValid()  # hidden: not yet
    tree.resize(220, 600)
    tree.show()
    qtbot.waitExposed(tree)
    assert heights_fit(tree, report)
    tall = max(tree.item_for(s.id).sizeHint(0).height() for s in report.sections)
    short = min(tree.item_for(s.id).sizeHint(0).height() for s in report.sections)
    assert tall > short  # some titles take two lines or more at this width
    tree.resize(500, 600)
    qtbot.waitUntil(lambda: heights_fit(tree, report))


def test_a_tree_shown_later_at_the_same_width_wraps(qtbot: QtBot, report: Report) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    tree = ContentsTree(report, LIGHT, holder)
    tree.resize(220, 600)
    tree.hide()
    holder.show()
    qtbot.waitExposed(holder)
    assert not tree.item_for(report.sections[0].id).sizeHint(0).isValid()
    tree.show()  # no resize event: its size did not change while hidden
    assert heights_fit(tree, report)
