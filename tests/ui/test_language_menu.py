"""View → Language: the learner switches the window between 中文 and English at once (the
window is rebuilt, no restart), the choice is kept, and the menu is greyed out with the reason
when IT locked the language or this run was told one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyapp.core.language import ENGLISH, SETTINGS_KEY, LanguageChoice
from studyapp.core.messages import msg
from studyapp.ui.launch import WindowSession, settings_for
from studyapp.ui.translations import current_language, use_language


@pytest.fixture
def session(qtbot: QtBot, isolated_data_dir: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowSession]:
    monkeypatch.delenv("STUDYAPP_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened = WindowSession(app, isolated_data_dir, "learner")
    yield opened
    if opened.window is not None:
        opened.window.close()
    opened.close()
    use_language(app, LanguageChoice(ENGLISH, "option"))


def test_choosing_chinese_rebuilds_the_window_in_chinese(
    qtbot: QtBot, session: WindowSession, isolated_data_dir: Path
) -> None:
    first = session.open_window()
    qtbot.addWidget(first)
    assert session.open_profile()
    chinese = next(a for a in first.language_actions.actions() if a.data() == "zh_CN")
    assert chinese.isEnabled() and chinese.text() == "中文"
    chinese.trigger()
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert [a.text() for a in second.menuBar().actions()][0] == "文件(&F)"
    assert second.statusBar().currentMessage() == "界面已切换为中文，无需重启。"
    assert str(msg("The whole report")) == "整篇报告"  # core's messages switched too
    assert settings_for(isolated_data_dir).value(SETTINGS_KEY) == "zh_CN"
    assert current_language() == LanguageChoice("zh_CN", "user")


def test_a_language_it_locked_cannot_be_changed(
    qtbot: QtBot, session: WindowSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "studyapp-site.ini"
    site.write_text("[locked]\nlanguage = zh_CN\n", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_SITE_SETTINGS", str(site))
    window = session.open_window()
    qtbot.addWidget(window)
    actions = window.language_actions.actions()
    assert not any(action.isEnabled() for action in actions)
    assert actions[0].toolTip() == "本机的界面语言由单位统一设置。"
