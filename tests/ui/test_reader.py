"""The reader driven as a learner drives it: contents, keys, search, notes, restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core.clock import FakeClock
from studyapp.core.report import Report
from studyapp.ui.launch import settings_for
from studyapp.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
ReadFor = Callable[[MainWindow, int], None]  # the read_for fixture (tests/ui/conftest.py)






def restart(window: MainWindow, make: WindowFactory) -> MainWindow:
    store = window.store
    assert store is not None
    window.close()
    store.close()
    return make()


def click_section(qtbot: QtBot, window: MainWindow, section_id: str) -> None:
    tree = window.reader.contents.tree
    item = tree.item_for(section_id)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_first_run_opens_the_introduction_with_a_welcome(make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    assert reader.section is not None and reader.section.id == "intro"
    assert reader.welcome.isVisible()
    assert "Welcome" in reader.welcome.text()
    assert window.current_view() == "read"
    assert reader.contents.progress_label.text() == "0 of 28 sections read"
    reader.go_next()
    assert not reader.welcome.isVisible()


def test_open_a_section_from_the_contents(qtbot: QtBot, make_window: WindowFactory,
                                          report: Report) -> None:
    window = make_window()
    click_section(qtbot, window, "suggestions.5.2")
    reader = window.reader
    assert reader.section is not None and reader.section.id == "suggestions.5.2"
    text = reader.text.toPlainText()
    assert report.get("suggestions.5.2").label in text
    assert "Dare to charge and charge is not the same" in text
    assert window.store.sections.last_opened() == "suggestions.5.2"


def test_the_section_opened_is_on_disk_at_once_for_the_next_start(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    # A power cut right after opening a section: the next start's early text shows it.
    window = make_window()
    click_section(qtbot, window, "suggestions.5.2")
    path = window.settings.fileName()
    assert "suggestions.5.2" in Path(path).read_text(encoding="utf-8")
    click_section(qtbot, window, "intro")
    assert "suggestions.5.2" not in Path(path).read_text(encoding="utf-8")


def test_every_word_of_a_section_is_shown(make_window: WindowFactory, report: Report) -> None:
    window = make_window()
    for section in report.sections:
        window.reader.open_section(section.id)
        shown = " ".join(window.reader.text.toPlainText().split())
        for paragraph in section.body_paragraphs():
            assert " ".join(paragraph.split()) in shown, section.id


def test_next_and_previous_with_keys_and_buttons(qtbot: QtBot,
                                                 make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Right)
    assert reader.section is not None and reader.section.id == "problems"
    qtbot.keyClick(reader.text, Qt.Key.Key_Right)
    assert reader.section.id == "problems.1"
    qtbot.keyClick(reader.text, Qt.Key.Key_Left)
    assert reader.section.id == "problems"
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert reader.section.id == "problems.1"
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    assert reader.section.id == "intro"
    assert not reader.previous_button.isEnabled()


def test_alt_left_and_alt_right_change_section_from_the_text(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    """The Go menu's Alt+Left/Alt+Right (listed by F1) reach the window though the text has
    the focus: the text claims plain Left/Right only."""
    window = make_window()
    reader = window.reader
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.section is not None and reader.section.id == "problems"
    qtbot.keyClick(reader.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.section.id == "problems.1"
    qtbot.keyClick(reader.text, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.section.id == "problems"


def test_page_down_scrolls_then_moves_on_at_the_end(qtbot: QtBot,
                                                    make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.set_zoom(12)  # big type: the section is taller than the window
    reader.open_section("suggestions.3")
    bar = reader.text.verticalScrollBar()
    assert bar.maximum() > 0
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and reader.section is not None
    assert reader.section.id == "suggestions.3"
    for _ in range(50):
        if reader.section.id != "suggestions.3":
            break
        qtbot.keyClick(reader.text, Qt.Key.Key_PageDown)
    assert reader.section.id == "suggestions.4"


def test_mark_as_read_ticks_the_contents_and_counts_the_part(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("problems.1")
    qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
    assert "problems.1" in window.store.sections.read_ids()
    assert reader.contents.tree.item_for("problems").text(1) == "1/3"
    assert reader.contents.progress_label.text() == "1 of 28 sections read"
    assert window.reading_label.text() == "1/28 sections read"
    qtbot.keyClick(reader.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "problems.1" not in window.store.sections.read_ids()
    assert reader.contents.tree.item_for("problems").text(1) == "0/3"


def test_reaching_the_end_and_staying_marks_read(qtbot: QtBot, clocked_window: WindowFactory,
                                                 read_for: ReadFor) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 3.0
    reader.open_section("suggestions.3")
    read_for(window, 4)  # long enough, but the end is not reached yet
    assert not reader.text.at_end()
    assert "suggestions.3" not in window.store.sections.read_ids()
    reader.text.verticalScrollBar().setValue(reader.text.verticalScrollBar().maximum())
    read_for(window, 1)
    assert "suggestions.3" in window.store.sections.read_ids()
    assert reader.read_button.isChecked()


def test_a_section_left_quickly_is_not_marked_read(qtbot: QtBot,
                                                   clocked_window: WindowFactory,
                                                   read_for: ReadFor,
                                                   reading_clock: FakeClock) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 60.0
    reader.open_section("reasons.3")
    reader.text.verticalScrollBar().setValue(reader.text.verticalScrollBar().maximum())
    read_for(window, 3)
    reading_clock.advance(hours=1)  # a machine asleep is not reading: one tick counts 1 s
    read_for(window, 1)
    reader.go_next()
    assert "reasons.3" not in window.store.sections.read_ids()


def test_search_and_open_a_hit(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = reader.contents.search_field
    assert field.hasFocus()
    qtbot.keyClicks(field, "rushing into batt")
    results = reader.contents.results
    assert results.count() >= 1
    assert "Found in" in reader.contents.results_status.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reader.section is not None
    assert reader.section.id == "suggestions.5.2"
    assert "rushing into battle" in reader.text.toPlainText().lower()
    assert reader.text.hit_count() >= 3  # each word of the query is marked
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert reader.contents.stack.currentIndex() == 0


def test_search_with_no_hit_says_so(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    field = window.reader.contents.search_field
    field.setFocus()
    qtbot.keyClicks(field, "zzyzx")
    assert window.reader.contents.results.count() == 0
    assert "No paragraph holds" in window.reader.contents.results_status.text()


def test_add_edit_and_delete_a_note(qtbot: QtBot, make_window: WindowFactory,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("suggestions.5.1")
    assert reader.notes_panel.isHidden()  # the text has the room until notes are asked for
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    notes = reader.notes_panel.notes
    qtbot.waitUntil(lambda: notes.add_button.isVisible() and notes.add_button.width() > 20)
    assert notes.empty.isVisible()
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    assert notes.editor.hasFocus()
    qtbot.keyClicks(notes.editor, "Pragmatism means grasping the reality")
    qtbot.mouseClick(notes.save_button, Qt.MouseButton.LeftButton)
    saved = window.store.notes.for_section("suggestions.5.1")
    assert [n.text for n in saved] == ["Pragmatism means grasping the reality"]
    assert notes.list.count() == 1 and notes.list.isVisible()
    assert reader.notes_button.text() == "Notes (1)"

    notes.list.setCurrentRow(0)
    qtbot.mouseClick(notes.edit_button, Qt.MouseButton.LeftButton)
    notes.editor.selectAll()
    qtbot.keyClicks(notes.editor, "Edited")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in window.store.notes.for_section("suggestions.5.1")] == ["Edited"]

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    notes.list.setCurrentRow(0)
    qtbot.mouseClick(notes.delete_button, Qt.MouseButton.LeftButton)
    assert window.store.notes.for_section("suggestions.5.1") == []
    assert notes.empty.isVisible()


def test_n_notes_the_selected_passage(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("suggestions.5.4")
    cursor = reader.text.textCursor()
    paragraph_block = reader.text.document().findBlockByNumber(2)
    cursor.setPosition(paragraph_block.position())
    cursor.setPosition(paragraph_block.position() + 20, cursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_N)
    editor = reader.notes_panel.notes.editor
    assert editor.isVisible()
    assert editor.toPlainText().startswith("“" + paragraph_block.text()[:20].strip())


def test_bookmark_listed_renamed_and_opened(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.2")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    marks = window.store.bookmarks.all()
    assert [m.section_id for m in marks] == ["reasons.2"]
    tab = reader.notes_panel.bookmarks
    assert tab.list.count() == 1
    tab.list.item(0).setText("Quality of cadres")
    assert window.store.bookmarks.all()[0].label == "Quality of cadres"
    reader.open_section("intro")
    tab.list.setCurrentRow(0)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert reader.section is not None and reader.section.id == "reasons.2"


def test_zoom_keys_change_the_text_size_and_it_is_kept(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    before = window.reader.text.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text.document().defaultFont().pointSizeF() == before + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom == 1
    window = restart(window, make_window)
    assert window.reader.zoom == 1
    assert window.reader.text.document().defaultFont().pointSizeF() == before + 1


def test_read_three_sections_quit_and_resume(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    for section_id in ("intro", "problems", "problems.1"):
        click_section(qtbot, window, section_id)
        qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
    reader.set_zoom(10)
    click_section(qtbot, window, "suggestions.3")
    bar = reader.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = reader.text.position()
    assert 0.3 < position < 0.7

    window = restart(window, make_window)
    reader = window.reader
    assert reader.section is not None and reader.section.id == "suggestions.3"
    assert not reader.welcome.isVisible()
    qtbot.waitUntil(lambda: abs(reader.text.position() - position) < 0.02, timeout=3000)
    tree = reader.contents.tree
    for section_id in ("intro", "problems", "problems.1"):
        assert not tree.item_for(section_id).icon(1).isNull()
        spoken = tree.item_for(section_id).data(1, Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.split(",")[0] == "read"
    assert tree.item_for("problems.2").data(1, Qt.ItemDataRole.AccessibleTextRole) == "not read"
    assert reader.contents.progress_label.text() == "3 of 28 sections read"


def test_time_spent_is_recorded(clocked_window: WindowFactory, read_for: ReadFor) -> None:
    window = clocked_window()
    window.reader.open_section("reasons.1")
    read_for(window, 3)
    window.reader.open_section("reasons.2")
    assert window.store.sections.progress("reasons.1").seconds == 3


def test_window_remembers_view_and_panels(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.reader.notes_panel.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.reader.notes_panel.isHidden()
    assert window.reader.notes_button.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "quiz"
    window = restart(window, make_window)
    assert window.current_view() == "quiz"
    assert not window.reader.notes_panel.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "read"


def test_shortcuts_list_is_made_from_the_actions(make_window: WindowFactory,
                                                 qtbot: QtBot) -> None:
    from studyapp.ui.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    dialog = ShortcutsDialog(window.all_actions(), window)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
              for row in range(dialog.table.rowCount())}
    assert listed["Search the report"] == "Ctrl+F"
    assert listed["Mark section as read"] == "Ctrl+M"
    assert "Ctrl+=" in listed["Zoom in"]
    assert listed["Import question set"] == "Ctrl+O"


def test_settings_are_an_ini_file_in_the_data_dir(isolated_data_dir: Path) -> None:
    settings = settings_for(isolated_data_dir)
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()).parent == isolated_data_dir


def test_choosing_dark_rebuilds_the_window_in_place(qtbot: QtBot,
                                                    isolated_data_dir: Path,
                                                    report: Report) -> None:
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.launch import WindowSession
    from studyapp.ui.theme import DARK

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = WindowSession(app, isolated_data_dir, "learner")
    first = session.open_window()
    qtbot.addWidget(first)
    assert session.open_profile()
    first.reader.open_section("reasons.4")
    dark = next(a for a in first.theme_actions.actions() if a.data() == "dark")
    dark.trigger()
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.colours is DARK
    assert second.reader.section is not None and second.reader.section.id == "reasons.4"
    assert app.palette().base().color().name().upper() == DARK.base.upper()
    second.close()
    session.close()


def test_dropping_a_question_file_opens_the_import_preview(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from studyapp.ui import import_dialog

    source = tmp_path / "class-7.yaml"
    source.write_text(
        "format: studyapp-questions/1\nid: class-7\ntitle: Class 7\nquestions:\n"
        "  - id: q1\n    type: truefalse\n    prompt: Innovation comes from practice.\n"
        "    answer: true\n", encoding="utf-8")
    window = make_window()
    assert window.quiz_view.start.scope.findData("set:class-7") < 0

    def import_at_once(dialog: import_dialog.ImportDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.is_loading() and bool(dialog.previews))
        assert [Path(p).name for p in dialog.paths] == ["class-7.yaml"]
        assert dialog.problems == []
        dialog.import_files()
        return 1

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", import_at_once)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source)), QUrl.fromLocalFile(str(tmp_path / "x.png"))])
    enter = QDragEnterEvent(QPoint(400, 300), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)  # Qt delivers drag events only during a real drag
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert "class-7" in [s.id for s in window.store.question_sets.list()]
    assert window.statusBar().currentMessage() == "Imported 1 question set."
    window.show_view("quiz")  # the Quiz view knows the new set
    assert window.quiz_view.start.scope.findData("set:class-7") >= 0


def test_export_results_for_a_trainer(qtbot: QtBot, make_window: WindowFactory,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.reader.open_section("reasons.4")
    qtbot.mouseClick(window.reader.read_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "class 7 results"  # no extension typed: .csv is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "CSV for Excel (*.csv)"))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = target.with_name("class 7 results.csv")
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("profile,kind,item")
    assert any(line.startswith("learner,section,reasons.4,") for line in lines)
    assert str(written) in window.statusBar().currentMessage()


def test_exporting_results_onto_a_profile_is_refused_and_the_profile_kept(
        qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window()
    assert window.store is not None
    profile = window.store.path.with_suffix(".csv")  # inside the profiles folder
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(profile), "CSV for Excel (*.csv)"))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(warnings) == 1 and "profile" in warnings[0].lower()
    assert not profile.exists()
    assert window.store.path.read_bytes().startswith(b"SQLite format 3")


def test_switching_to_a_new_profile_keeps_each_learners_progress(
    qtbot: QtBot, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shiboken6
    from PySide6.QtWidgets import QApplication, QInputDialog

    from studyapp.ui.launch import WindowSession

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = WindowSession(app, isolated_data_dir, "default")
    first = session.open_window()
    qtbot.addWidget(first)
    assert session.open_profile()
    first.reader.open_section("problems.3")
    first.reader.toggle_read()

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("王芳", True))
    first.new_profile()
    second = session.window
    # The first window is gone: closed, and deleted once events ran (the close waited for
    # the first profile's backup in an event loop of its own).
    assert second is not None and second is not first
    assert not shiboken6.isValid(first) or not first.isVisible()
    qtbot.addWidget(second)
    assert session.store is not None and session.store.profile == "王芳"
    assert second.profile_label.text() == "Profile: 王芳"
    assert second.reader.section is not None and second.reader.section.id == "intro"
    assert session.store.sections.read_ids() == set()

    second._fill_profiles_menu()
    names = [a.text() for a in second.profiles_menu.actions() if a.isCheckable()]
    assert names == sorted(["default", "王芳"])
    next(a for a in second.profiles_menu.actions() if a.text() == "default").trigger()
    third = session.window
    assert third is not None
    qtbot.addWidget(third)
    assert third.reader.section is not None and third.reader.section.id == "problems.3"
    assert session.store is not None and session.store.sections.read_ids() == {"problems.3"}
    third.close()
    session.close()


def test_a_profile_name_that_cannot_be_used_is_explained(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = make_window()
    warnings: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("../x", True))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    requested: list[str] = []
    window.profile_requested.connect(requested.append)
    window.new_profile()
    assert requested == []
    assert "cannot be used as a profile name" in warnings[0]


def test_tab_reaches_every_part_of_the_reader(qtbot: QtBot, make_window: WindowFactory) -> None:
    from PySide6.QtWidgets import QApplication

    window = make_window()
    reader = window.reader
    reader.open_section("reasons.2")  # previous and next both enabled
    reader.text.setFocus()
    reached = set()
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.add(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    for widget in (reader.contents.search_field, reader.contents.tree, reader.text,
                   reader.previous_button, reader.read_button, reader.notes_button,
                   reader.next_button):
        assert widget in reached, widget.objectName() or widget


def test_marking_unread_by_hand_sticks(qtbot: QtBot, clocked_window: WindowFactory,
                                       read_for: ReadFor) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 1.0
    reader.open_section("reasons.3")
    reader.text.verticalScrollBar().setValue(reader.text.verticalScrollBar().maximum())
    read_for(window, 1)
    assert "reasons.3" in window.store.sections.read_ids()
    qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
    assert "reasons.3" not in window.store.sections.read_ids()
    read_for(window, 3)  # still at the end, long past the dwell time
    assert "reasons.3" not in window.store.sections.read_ids()
    assert not reader.read_button.isChecked()


def test_study_views_are_built_when_first_opened(qtbot: QtBot,
                                                 make_window: WindowFactory) -> None:
    """Start-up builds the reader only: the learner waits for nothing else."""
    window = make_window()
    assert window.current_view() == "read"
    assert (window.cards_view, window._quiz_view, window._dashboard) == (None, None, None)

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window._quiz_view is not None and window._quiz_view.isVisible()
    assert window.current_view() == "quiz"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window._dashboard is not None and window._dashboard.isVisible()
    quiz = window._quiz_view
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window._quiz_view is quiz  # built once
