"""A bank's picture (图片 column) is shown with its question in the Quiz view, from the
profile's copy; a question without one shows none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from studyapp.core.importing import apply_plan, load_files, plan_import
from studyapp.core.report import load_report
from studyapp.core.store import open_store
from studyapp.ui.launch import settings_for
from studyapp.ui.main_window import MainWindow
from studyapp.ui.quiz_view import QuizView
from studyapp.ui.theme import LIGHT, ThemeChoice


def test_the_picture_shows_with_its_question(qtbot: QtBot, isolated_data_dir: Path,
                                             tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    picture = QImage(800, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor("#336699"))
    assert picture.save(str(bank / "chart.png"))
    (bank / "bank.csv").write_text("序号,题型,题干,答案,图片\n"
                                   "1,判断,看图：是蓝色吗？,对,chart.png\n"
                                   "2,判断,没有图。,错,\n", encoding="utf-8-sig")
    store = open_store(isolated_data_dir, "learner")
    plan = plan_import(load_files([str(bank / "bank.csv")]), store)
    assert plan.ok, [str(p) for s in plan.sets for p in s.problems]
    apply_plan(plan, store)
    (bank / "chart.png").unlink()  # the profile has its own copy

    window = MainWindow(settings_for(isolated_data_dir), isolated_data_dir, LIGHT,
                        ThemeChoice.SYSTEM, "learner")
    qtbot.addWidget(window)
    window.attach(store, load_report())
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        view = window.quiz_view
        assert isinstance(view, QuizView)
        session = view.engine.start("practice", "set:bank", count=None, seed=1)
        session.items.sort(key=lambda item: item.question.id)
        view.open(session)
        page = view.question
        qtbot.waitUntil(lambda: page.prompt.text() == "看图：是蓝色吗？")
        assert page.picture.isVisible()
        shown = page.picture.pixmap()
        assert (shown.width(), shown.height()) == (640, 160)  # scaled to fit, same shape
        page.show_question(1)
        assert page.prompt.text() == "没有图。"
        assert not page.picture.isVisible()
    finally:
        window.close()
        store.close()
