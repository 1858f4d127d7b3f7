"""Help > About and the README say what this version does, feature by feature, alike."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import MainWindow
from studyapp.ui.theme import LIGHT, ThemeChoice
from studyapp.ui.window_menus import ABOUT_FEATURES

README = Path(__file__).parents[2] / "README.md"


def test_about_lists_each_feature_as_readme_does(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.ui.launch import settings_for

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about",
                        lambda _parent, _title, text: shown.append(text))
    window = MainWindow(settings_for(tmp_path), tmp_path, LIGHT, ThemeChoice.LIGHT, "p")
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(help_menu, QWidget)
    next(a for a in help_menu.actions() if "About" in a.text()).trigger()
    assert len(shown) == 1
    readme = README.read_text(encoding="utf-8")
    for line in ABOUT_FEATURES:
        assert html.escape(line) in shown[0]
        name, _, status = line.partition(":")
        found = re.search(rf"^- \*\*{re.escape(name)}\*\*:(.*)$", readme, re.MULTILINE)
        assert found, f"README has no line for {name}"
        assert ("not in this version" in found.group(1)) == ("not in this version" in status)
    assert "drill" not in shown[0]  # nothing promised that is not there
