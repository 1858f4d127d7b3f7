"""The trainer's workbench in the window: an exam made with File → New exam…, imported in
another profile (dropped on the window), taken under Quiz by keyboard, written to the results
folder and counted by the class report with its exam id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core.class_report import build_class_report
from studyapp.core.clock import FakeClock
from studyapp.core.exams import read_exam
from studyapp.core.questionsets.model import Choice, Question, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.store import Store, open_store
from studyapp.ui.exam_dialog import ExamDialog
from studyapp.ui.main_window import MainWindow
from studyapp.ui.widgets import ConfirmDialog

ShowWindow = Callable[..., MainWindow]


def class_set() -> QuestionSet:
    """The trainer's set, which every learner imports before the exam."""
    return QuestionSet("class7", "第七期 Class 7", questions=[
        Question(f"q{n}", "single", f"Question {n}: which is right?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong"), Choice("also wrong")])
        for n in range(8)] + [
        Question(f"t{n}", "truefalse", f"Statement {n}.", section="suggestions.5.2", truth=True)
        for n in range(4)])


def open_profile(data: Path, name: str, clock: FakeClock) -> Store:
    store = open_store(data, name, clock=clock)
    store.question_sets.import_set(class_set())
    return store


def fill_exam_dialog(qtbot: QtBot, target: Path, done: list[str]) -> None:
    """Types the exam into File → New exam… as a trainer would, then saves it to ``target``."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, ExamDialog):
        QTimer.singleShot(20, lambda: fill_exam_dialog(qtbot, target, done))
        return
    qtbot.keyClicks(dialog.exam_id, "class7-final")
    dialog.title.insert("结业考试 Final")  # Chinese comes from the input method, not keys
    dialog.scope.setCurrentIndex(dialog.scope.findData("set:class7"))
    dialog.how.setCurrentIndex(dialog.how.findData("per_type"))
    dialog.set_count("single", 3)
    dialog.set_count("truefalse", 2)
    dialog.minutes.setValue(15)
    dialog.attempts.setValue(2)
    dialog.add_here.setChecked(False)
    done.append("filled")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on dialogs
def test_an_exam_made_in_the_app_is_imported_in_another_profile_taken_and_reported(
        qtbot: QtBot, show_window: ShowWindow, isolated_data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()
    report = load_report()
    exam_file = tmp_path / "handout" / "class7-final.studyexam"
    exam_file.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(exam_file), ""))

    # The trainer makes the exam.
    trainer = open_profile(isolated_data_dir, "trainer", clock)
    window = show_window(isolated_data_dir, trainer, report, active=False)
    done: list[str] = []
    QTimer.singleShot(0, lambda: fill_exam_dialog(qtbot, exam_file, done))
    window.new_exam_action.trigger()
    assert done and exam_file.exists()
    exam = read_exam(exam_file)
    assert (exam.id, exam.title, exam.per_type) == ("class7-final", "结业考试 Final",
                                                    {"single": 3, "truefalse": 2})
    assert exam.attempts == 2 and exam.time_limit_minutes == 15 and exam.deadline is not None
    assert trainer.exams.all() == []  # not ticked: only the file was written
    window.close()
    trainer.close()

    # A learner drops it on the window.
    learner = open_profile(isolated_data_dir, "learner", clock)
    learner.progress.set_profile_details("李娜", "组织部")
    window = show_window(isolated_data_dir, learner, report)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(exam_file))])
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert [e.id for e in learner.exams.all()] == ["class7-final"]

    # It is under Quiz with its deadline; Enter on it starts it.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.quiz_view
    panel = view.assigned
    qtbot.waitUntil(panel.isVisible)
    line = panel.list.item(0).text()
    assert "结业考试 Final" in line and "due " in line and "2 of 2 attempts left" in line
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    session = view.session
    assert session is not None and session.mode == "exam" and len(session.items) == 5
    assert view.pages.currentWidget() is view.question

    def submit() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConfirmDialog):
            QTimer.singleShot(20, submit)
            return
        qtbot.keyClick(box.yes, Qt.Key.Key_Space)

    QTimer.singleShot(0, submit)  # Enter on the last answer asks to submit: Space on Yes
    # Every answer right, by keyboard: the number of the right option, Enter.
    for _ in range(5):
        item = view.question.control.item  # type: ignore[union-attr]
        if item.question.type == "truefalse":
            number = 1
        else:
            number = next(n for n, (i, _) in enumerate(item.options(), start=1)
                          if item.question.choices[i].correct)
        qtbot.keyClick(QApplication.focusWidget(), str(number))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.result)
    assert session.finished and session.result is not None and session.result.passed
    assert learner.exams.attempts("class7-final")[0].passed is True

    # File → Write results now, to the results folder (an office share, say).
    share = tmp_path / "share"
    share.mkdir()
    window.settings.setValue("results/folder", str(share))
    window.write_results_action.trigger()
    written = list(share.glob("*.csv"))
    assert len(written) == 1 and "learner@" in written[0].name
    assert str(written[0]) in window.statusBar().currentMessage()
    view.show_start()
    assert "1 of 2 attempts left" in panel.list.item(0).text()
    assert "best 100% (passed)" in panel.list.item(0).text()

    # The trainer's class report counts the learner, the exam passed.
    class_report = build_class_report([share])
    assert [f.learner for f in class_report.learners] == ["李娜"] and not class_report.skipped
    exams = next(v for v in class_report.views if v.key == "exams")
    assert exams.rows == [["class7-final", "李娜", "组织部", 1, "100%", "yes"]]
    window.close()
    learner.close()


def test_an_unreachable_results_folder_is_told_once_and_written_at_a_later_close(
        qtbot: QtBot, show_window: ShowWindow, isolated_data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "usb"  # not plugged in
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a, **k: told.append(text))
    report = load_report()
    for _ in range(2):
        store = open_profile(isolated_data_dir, "learner", FakeClock())
        window = show_window(isolated_data_dir, store, report, active=False)
        window.settings.setValue("results/folder", str(stick))
        window.close()
        store.close()
    assert len(told) == 1 and str(stick) in told[0]
    stick.mkdir()
    store = open_store(isolated_data_dir, "learner")
    window = show_window(isolated_data_dir, store, report, active=False)
    window.close()
    store.close()
    assert len(list(stick.glob("studyapp-results-learner@*.csv"))) == 1
    assert len(told) == 1


def test_the_exam_dialog_names_what_is_wrong_and_writes_nothing(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append("asked") or ("", ""))
    dialog = ExamDialog(store, load_report())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.exam_id, "has spaces")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    problems = dialog.findChild(QLabel, "ExamProblems")
    assert problems is not None
    assert "'id' must be" in problems.text() and "'title' is missing" in problems.text() or \
        "'title' is empty" in problems.text()
    assert asked == [] and dialog.saved_to is None
