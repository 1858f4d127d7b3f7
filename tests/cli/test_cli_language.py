"""The command line in Chinese (--lang zh_CN, STUDYAPP_LANG) and English: the same problems
with their file and line, in the language chosen; English output unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core.messages import use_catalogue

BROKEN = """\
format: studyapp-questions/1
id: broken
title: Broken
questions:
  - id: q1
    type: single
    section: suggestions.5.2
    prompt: Which is right?
    options: [A, B]
    answer: 3
"""
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_afterwards() -> object:
    yield None
    use_catalogue(None)  # the CLI chose a language for the process; the next test starts anew


def validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    bank = tmp_path / "bank.yaml"
    bank.write_text(BROKEN, encoding="utf-8")
    assert main([*args, "validate", str(bank)]) == 1
    return capsys.readouterr().err.splitlines()


def test_validate_in_chinese_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = validate(tmp_path, capsys)
    chinese = validate(tmp_path, capsys, "--lang", "zh_CN")
    assert len(chinese) == len(english) >= 2
    for line_en, line_zh in zip(english[:-1], chinese[:-1], strict=True):
        where = re.match(r"^(.*bank\.yaml:\d+):", line_en)
        assert where is not None, line_en
        assert line_zh.startswith(where.group(1))  # the same file and line
    assert chinese[-1] == "发现 1 个问题；请修改后重新检查。"
    assert english[-1] == "1 problem(s) found; fix them and validate again."  # as before
    assert not any(CJK.search(line) for line in english)


def test_the_environment_chooses_chinese_and_the_option_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYAPP_LANG", "zh_CN")
    assert CJK.search(validate(tmp_path, capsys)[-1])
    assert not CJK.search(validate(tmp_path, capsys, "--lang", "en")[-1])


def test_help_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：studyapp")
    assert "检查题库文件；不写入任何内容" in out and "显示此帮助信息并退出" in out
    assert "show" not in out


def test_a_usage_error_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "zh_CN", "validate"])
    assert exit_info.value.code == 2
    assert "缺少以下必需参数：FILE" in capsys.readouterr().err
