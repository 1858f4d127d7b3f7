"""The translation hook: a studyapp_<locale>.qm in resources/i18n is installed at start-up
and the interface shows its words; without one nothing is installed and English stays."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from studyapp.core.store import Store
from studyapp.ui import translations
from studyapp.ui.sets_dialog import QuestionSetsDialog

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QuestionSetsDialog</name>
    <message><source>Question sets</source><translation>题集</translation></message>
    <message><source>Close</source><translation>关闭</translation></message>
</context>
<context>
    <name>import</name>
    <message><source>Single choice</source><translation>单选题</translation></message>
</context>
</TS>
"""


def _lrelease() -> list[str]:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return [str(beside)]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "lrelease"]


@pytest.fixture
def installed() -> Iterator[list[QTranslator]]:
    """The translators the test installed, removed again afterwards."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_a_shipped_translation_is_installed(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    installed: list[QTranslator],
) -> None:
    folder = tmp_path / "i18n"
    folder.mkdir()
    (tmp_path / "studyapp_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run([*_lrelease(), str(tmp_path / "studyapp_zh_CN.ts"), "-qm",
                    str(folder / "studyapp_zh_CN.qm")], capture_output=True, timeout=60,
                   check=True)
    monkeypatch.setattr(translations, "i18n_folder", lambda: folder)
    app = QApplication.instance()
    assert app is not None

    installed += translations.install_translators(app, QLocale("zh_CN"))

    assert len(installed) >= 1  # ours, and Qt's own when PySide6 ships it
    dialog = QuestionSetsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "题集"
    assert dialog.close_button.text() == "关闭"
    assert QCoreApplication.translate("import", "Single choice") == "单选题"


def test_no_file_for_the_locale_installs_nothing(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    installed: list[QTranslator],
) -> None:
    monkeypatch.setattr(translations, "i18n_folder", lambda: tmp_path)
    app = QApplication.instance()
    assert app is not None

    installed += translations.install_translators(app, QLocale("zh_CN"))

    assert installed == []
    dialog = QuestionSetsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Question sets"


def test_the_folder_is_resources_i18n(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, ...]] = []

    def fake_resource(*parts: str) -> Path:
        asked.append(parts)
        return tmp_path / "i18n"

    monkeypatch.setattr(translations, "resource", fake_resource)
    assert translations.i18n_folder() is None  # no folder: the app ships no translation
    (tmp_path / "i18n").mkdir()
    assert translations.i18n_folder() == tmp_path / "i18n"
    assert asked == [("i18n",), ("i18n",)]



def test_qt_file_dialog_has_no_english_label_in_chinese(qtbot: QtBot, chinese: str,
                                                        tmp_path: Path) -> None:
    """Qt's own file dialog (the one StudyApp shows where the system has none): its labels
    and a folder's type come out in Chinese, the words qtbase_zh_CN.qm lacks from our QT_GAPS."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    labels = [re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel)]
    assert [text for text in labels if text] and not [
        text for text in labels if re.search("[A-Za-z]", text)], labels
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model, root = view.model(), view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) > 0)
    assert model.index(0, 2, root).data() == "文件夹"


def _mnemonic_clashes(menu_bar: QMenuBar) -> list[str]:
    """Entries of one menu sharing an Alt letter (the letter then only highlights, so
    Alt+F, P no longer prints): 'menu: letter: entry, entry'."""
    clashes = []
    menus = [action.menu() for action in menu_bar.actions()]
    while menus:
        menu = menus.pop()
        if not isinstance(menu, QMenu):
            continue
        menu.aboutToShow.emit()  # menus filled when opened (File → Profile)
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            found = re.search(r"&([^&\s])", action.text())
            if found:
                letters.setdefault(found.group(1).lower(), []).append(action.text())
            menus.append(action.menu())
        clashes += [f"{menu.title()}: {letter}: {', '.join(texts)}"
                    for letter, texts in letters.items() if len(texts) > 1]
    return clashes


@pytest.fixture(params=["en", "zh_CN"])
def menu_language(request: pytest.FixtureRequest) -> str:
    """Each menu test runs in English and in Chinese (the Chinese fixture only when asked)."""
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return str(request.param)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen, the editor's form
def test_menus_give_each_entry_its_own_letter(
        qtbot: QtBot, menu_language: str, isolated_data_dir: Path, store: Store,
        show_window: Callable[..., QMainWindow]) -> None:
    from studyapp.core import editing
    from studyapp.core.report import load_report
    from studyapp.ui.editor_window import EditorWindow
    from studyapp.ui.theme import LIGHT

    report = load_report()
    window = show_window(isolated_data_dir, store, report)
    assert _mnemonic_clashes(window.menuBar()) == []
    editor = EditorWindow(editing.new_draft("Class 7"), report,
                          QSettings(str(isolated_data_dir / "editor.ini"),
                                    QSettings.Format.IniFormat), LIGHT, store)
    editor.ask_on_close = False
    qtbot.addWidget(editor)
    assert _mnemonic_clashes(editor.menuBar()) == []
