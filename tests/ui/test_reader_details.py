"""The reader's finishing details, each driven as a learner drives it (issue 6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QInputMethodEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox, QStyle
from pytestqt.qtbot import QtBot

from studyapp.core.report import Report
from studyapp.ui.launch import WindowSession
from studyapp.ui.main_window import MainWindow
from studyapp.ui.theme import DARK, LIGHT, ThemeChoice, apply_theme

WindowFactory = Callable[[], MainWindow]
ReadFor = Callable[[MainWindow, int], None]  # the read_for fixture (tests/ui/conftest.py)






def text_fits(window: MainWindow) -> bool:
    """Every line of the section is inside the visible text area (nothing cut at the edge)."""
    text = window.reader.text
    document = text.document()
    right = text.viewport().width()
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = document.documentLayout().blockBoundingRect(block).left()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if origin + line.x() + line.naturalTextWidth() > right + 1:
                return False
        block = block.next()
    return True


def test_after_an_appearance_switch_the_text_fits_and_the_buttons_keep_their_words(
        qtbot: QtBot, isolated_data_dir: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = WindowSession(app, isolated_data_dir, "learner")
    first = session.open_window()  # replaced (and deleted) by the switch below
    assert session.open_profile()
    first.resize(1280, 800)
    first.reader.open_section("problems")
    dark = next(a for a in first.theme_actions.actions() if a.data() == "dark")
    dark.trigger()
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    qtbot.waitExposed(second)
    assert second.colours is DARK
    qtbot.wait(100)  # the new window settles (the bug stayed until the section changed)
    assert second.reader.centre.width() >= 560  # wide enough for the buttons' words
    assert text_fits(second)
    assert second.reader.previous_button.text() == "Previous"
    assert second.reader.next_button.text() == "Next"
    # Narrow the window, then widen it: the text wraps to it each time.
    second.resize(960, 600)
    qtbot.waitUntil(lambda: text_fits(second))
    second.close()
    session.close()
    apply_theme(app, ThemeChoice.LIGHT)  # the next tests' windows are light


def test_the_placeholder_shows_its_whole_sentence(qtbot: QtBot,
                                                  make_window: WindowFactory) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "progress"
    view = window.views["progress"]
    label = next(w for w in view.findChildren(QLabel) if w.wordWrap())
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.height() >= label.heightForWidth(label.width())
    assert label.heightForWidth(label.width()) >= 2 * label.fontMetrics().height()


def test_parts_count_the_sections_listed_under_them(qtbot: QtBot,
                                                    make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    tree = reader.contents.tree
    assert tree.item_for("problems").text(1) == "0/3"
    assert tree.item_for("problems").childCount() == 3
    reader.open_section("problems")  # the part's own introduction is a page: a tick
    qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
    assert not tree.item_for("problems").icon(1).isNull()
    assert tree.item_for("problems").text(1) == "0/3"
    assert reader.contents.progress_label.text() == "1 of 28 sections read"


def test_a_page_of_only_links_is_never_marked_read(qtbot: QtBot,
                                                   clocked_window: WindowFactory,
                                                   read_for: ReadFor) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 0.1
    reader.open_section("suggestions.5")
    assert reader.read_button.isHidden()
    qtbot.keyClick(reader.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    read_for(window, 3)
    assert "suggestions.5" not in window.store.sections.read_ids()
    assert reader.contents.tree.item_for("suggestions.5").icon(1).isNull()
    assert reader.contents.tree.item_for("suggestions.5").text(1) == "0/4"
    reader.open_section("suggestions.5.1")
    assert reader.read_button.isVisible()


def test_saving_a_note_keeps_the_focus_in_the_notes(qtbot: QtBot,
                                                    make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.1")
    qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = reader.notes_panel.notes.editor
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "Responsibility first")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = reader.notes_panel.notes
    assert notes.list.count() == 1
    focused = QApplication.focusWidget()
    assert focused is notes.list
    assert notes.list.currentRow() == 0
    # Esc in the editor goes back to the text.
    qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is reader.text


def test_a_chinese_note_shows_its_whole_text_and_its_time(qtbot: QtBot,
                                                          make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("intro")
    assert window.store is not None
    chinese = ("这一段讲的是创新能力的提高需要长期的学习和实践，领导干部要不断丰富知识结构，"
               "提高开拓创新的思维能力和工作方法。")
    window.store.notes.add("intro", chinese)
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    notes = reader.notes_panel.notes
    notes.refresh()
    qtbot.waitUntil(lambda: notes.list.isVisible())
    item = notes.list.item(0)
    rect = notes.list.visualItemRect(item)
    metrics = QFontMetrics(notes.list.font())
    width = notes.list.viewport().width() - 16
    needed = metrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap),
                                  chinese).height() + metrics.height()
    assert rect.height() >= needed  # the text's lines and the stamp's line
    assert notes.list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not notes.list.horizontalScrollBar().isVisible()


def test_plain_n_with_nothing_selected_does_not_open_the_editor(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.2")
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_N)
    assert reader.notes_panel.notes.editor_box.isHidden()
    assert "Select a passage" in window.statusBar().currentMessage()


def test_typing_in_search_does_not_mark_the_section_read(qtbot: QtBot,
                                                         clocked_window: WindowFactory,
                                                         read_for: ReadFor) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 2.0
    reader.open_section("reasons.3")
    reader.text.verticalScrollBar().setValue(reader.text.verticalScrollBar().maximum())
    qtbot.keyClick(reader.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.contents.search_field.hasFocus()
    for letter in "innovation":
        qtbot.keyClicks(reader.contents.search_field, letter)
        read_for(window, 1)
    assert "reasons.3" not in window.store.sections.read_ids()
    reader.text.setFocus()  # back to the text: the dwell time now runs
    read_for(window, 2)
    assert "reasons.3" in window.store.sections.read_ids()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on dialogs
def test_a_dialog_over_the_text_does_not_mark_the_section_read(
        qtbot: QtBot, clocked_window: WindowFactory, read_for: ReadFor) -> None:
    window = clocked_window()
    reader = window.reader
    reader.dwell_for = lambda section: 2.0
    reader.open_section("reasons.3")
    reader.text.verticalScrollBar().setValue(reader.text.verticalScrollBar().maximum())
    box = QMessageBox(QMessageBox.Icon.Information, "Dialog", "Covering the text", parent=window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    read_for(window, 4)
    assert "reasons.3" not in window.store.sections.read_ids()
    box.done(0)


def test_right_and_left_in_the_contents_step_through_sections(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("problems.2")
    tree = reader.contents.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert reader.section is not None and reader.section.id == "problems.3"
    assert tree.currentItem() is tree.item_for("problems.3")
    assert tree.hasFocus()  # the learner stays in the contents
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert reader.section.id == "problems.1"


def test_tab_follows_the_layout_contents_text_notes(qtbot: QtBot,
                                                    make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.2")
    qtbot.mouseClick(reader.notes_button, Qt.MouseButton.LeftButton)
    reader.contents.search_field.setFocus()
    order = []
    for _ in range(8):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    expected = [reader.contents.search_field, reader.contents.tree, reader.text,
                reader.previous_button, reader.read_button, reader.notes_button,
                reader.next_button]
    assert order[:7] == expected
    assert reader.notes_panel.isAncestorOf(order[7])


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_tick_stands_out_on_the_selected_row(colours: object) -> None:
    from studyapp.ui.icons import icon

    assert colours in (LIGHT, DARK)
    tick = icon("check", colours.success, None, colours.highlighted_text)  # type: ignore
    image = tick.pixmap(QSize(32, 32), QIcon.Mode.Selected).toImage()
    painted = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
               if image.pixelColor(x, y).alpha() == 255}
    assert painted and painted <= {QColor(colours.highlighted_text).name()}  # type: ignore


def test_the_expand_arrow_is_not_drawn_on_the_selection(make_window: WindowFactory) -> None:
    window = make_window()
    tree = window.reader.contents.tree
    hint = tree.style().styleHint(QStyle.StyleHint.SH_ItemView_ShowDecorationSelected,
                                  None, tree)
    assert hint == 0  # the arrow stays on the row's background, where it can be seen


def test_search_results_in_reading_order_with_numbers(qtbot: QtBot,
                                                      make_window: WindowFactory,
                                                      report: Report) -> None:
    window = make_window()
    contents = window.reader.contents
    contents.search_field.setFocus()
    qtbot.keyClicks(contents.search_field, "innovation")
    hits = [contents.results.item(i).data(Qt.ItemDataRole.UserRole + 1)
            for i in range(contents.results.count())]
    assert len(hits) > 5
    order = [(report.sections.index(report.get(h.section_id)), h.paragraph) for h in hits]
    assert order == sorted(order)
    places = [contents.results.item(i).toolTip() for i in range(contents.results.count())]
    assert any(place.startswith("Third › (1) › 1, Innovative training concept")
               for place in places)


def test_a_hit_in_a_heading_is_highlighted(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    field = reader.contents.search_field
    field.setFocus()
    qtbot.keyClicks(field, "pioneering innovating")
    hit_item = next(reader.contents.results.item(i)
                    for i in range(reader.contents.results.count())
                    if reader.contents.results.item(i).data(
                        Qt.ItemDataRole.UserRole + 1).section_id == "suggestions.3")
    reader.contents.results.setCurrentItem(hit_item)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reader.section is not None and reader.section.id == "suggestions.3"
    heading = next(b for b in _blocks(reader.text.document())
                   if b.text() == reader.section.label)
    in_heading = [s for s in reader.text.extraSelections()
                  if heading.contains(s.cursor.selectionStart())]
    assert in_heading


def _blocks(document: QTextDocument) -> list:  # type: ignore[type-arg]
    blocks, block = [], document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def test_the_breadcrumb_is_never_cut(make_window: WindowFactory, report: Report) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("suggestions.1.1")
    first = reader.text.document().begin().text()
    assert first == " › ".join(a.label for a in report.get("suggestions.1.1").ancestors())
    assert "…" not in first


def test_the_focus_frame_is_even(qtbot: QtBot, make_window: WindowFactory) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, ThemeChoice.LIGHT)
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.2")
    reader.text.setFocus()
    qtbot.waitUntil(reader.text.hasFocus)
    image = reader.text.grab().toImage()
    accent = QColor(LIGHT.accent).name()
    width, height = image.width(), image.height()
    # The frame's top and bottom edges run the whole width, not only beside the column.
    for y in (0, height - 1):
        row = {image.pixelColor(x, y).name() for x in range(12, width - 12)}
        assert row == {accent}, (y, row)
    for x in (0, width - 1):
        column = {image.pixelColor(x, y).name() for y in range(12, height - 12)}
        assert column == {accent}, (x, column)


def test_opening_many_sections_keeps_one_text_document(qtbot: QtBot,
                                                       make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.text.setFocus()
    for _ in range(3):
        for _ in range(len(window.report.sections)):
            qtbot.keyClick(reader.text, Qt.Key.Key_Right)
        for _ in range(len(window.report.sections)):
            qtbot.keyClick(reader.text, Qt.Key.Key_Left)
    QApplication.processEvents()
    documents = reader.text.findChildren(QTextDocument)
    assert len(documents) == 1
    assert reader.text.document() is documents[0]


def test_notes_list_wraps_instead_of_scrolling_sideways(make_window: WindowFactory) -> None:
    window = make_window()
    notes = window.reader.notes_panel.notes.list
    assert isinstance(notes, QListWidget)
    assert notes.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_note_being_typed_is_kept_when_the_learner_moves_on_and_comes_back(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons.1")
    qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    notes = reader.notes_panel.notes
    qtbot.waitUntil(notes.editor.hasFocus)
    qtbot.keyClicks(notes.editor, "Responsibility comes first")
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Right)
    assert reader.section is not None and reader.section.id == "reasons.2"
    assert notes.editor_box.isHidden()
    qtbot.keyClick(reader.text, Qt.Key.Key_Left)
    assert reader.section.id == "reasons.1"
    assert notes.editor.isVisible()
    assert notes.editor.toPlainText() == "Responsibility comes first"
    assert "draft" in reader.notes_button.text()
    # Saved, the draft goes.
    notes.editor.setFocus()
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store is not None
    assert [n.text for n in window.store.notes.for_section("reasons.1")] == [
        "Responsibility comes first"]
    assert window.store.notes.drafts() == []


def test_a_note_being_typed_survives_closing_the_window(qtbot: QtBot,
                                                        make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("suggestions.5.2")
    qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(reader.notes_panel.notes.editor.hasFocus)
    # Chinese comes from an input method, which commits the text it composed.
    commit = QInputMethodEvent()
    commit.setCommitString("民主与集中")
    QApplication.sendEvent(reader.notes_panel.notes.editor, commit)
    store = window.store
    assert store is not None
    window.close()  # as the learner closes it, before the draft's own timer has run
    store.close()
    window = make_window()
    reader = window.reader
    assert reader.section is not None and reader.section.id == "suggestions.5.2"
    assert reader.notes_panel.notes.editor.toPlainText() == "民主与集中"
    # Esc throws it away for good.
    reader.notes_panel.notes.editor.setFocus()
    qtbot.keyClick(reader.notes_panel.notes.editor, Qt.Key.Key_Escape)
    assert window.store is not None and window.store.notes.drafts() == []


def test_a_draft_is_written_a_moment_after_typing(qtbot: QtBot,
                                                  make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("intro")
    qtbot.keyClick(reader.text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(reader.notes_panel.notes.editor.hasFocus)
    qtbot.keyClicks(reader.notes_panel.notes.editor, "kept even after a power cut")
    assert window.store is not None
    qtbot.waitUntil(lambda: window.store is not None
                    and window.store.notes.draft("intro") is not None, timeout=3000)


def test_plus_and_minus_still_collapse_and_expand_a_part(qtbot: QtBot,
                                                         make_window: WindowFactory) -> None:
    window = make_window()
    reader = window.reader
    reader.open_section("reasons")
    tree = reader.contents.tree
    tree.setFocus()
    item = tree.item_for("reasons")
    assert item.isExpanded()
    qtbot.keyClick(tree, Qt.Key.Key_Minus)
    assert not item.isExpanded()
    qtbot.keyClick(tree, Qt.Key.Key_Plus)
    assert item.isExpanded()
    assert reader.section is not None and reader.section.id == "reasons"
