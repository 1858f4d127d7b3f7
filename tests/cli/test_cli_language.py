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


# A broken bank in each format, and what `studyapp validate` said about it in English before
# the readers' messages were translated (the English must stay exactly this).
BANKS = {
    "bank.yaml": ("""\
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
  - id: q1
    typ: fill
    prompt: ""
  - id: q3
    type: numeric
    prompt: How many?
    answer: 4
    range: [1, 2]
cards:
  - id: c1
    front: Front
    back: ""
    section: nowhere
""", [
        "bank.yaml:10: question 'q1': answer must be text, not the number 3",
        "bank.yaml:11: question 'q1': missing 'type' (a question needs it)",
        "bank.yaml:11: id 'q1' is used twice: by the question on line 5 and by the question on "
        "line 11; ids must be unique in a set",
        "bank.yaml:12: question 'q1': unknown key 'typ' (did you mean 'type'?)",
        "bank.yaml:13: question 'q1': prompt is empty",
        "bank.yaml:14: question 'q3': a numeric question needs either 'answer' (with an optional "
        "'tolerance') or 'range: [low, high]', not both",
        "bank.yaml:22: card 'c1': back is empty",
        "7 problem(s) found; fix them and validate again.",
    ]),
    "bank.csv": ("""\
type,question,A,B,C,answer,grade
single,First?,yes,no,,C,3
multiple,Second?,yes,,,AB,
truefalse,Third?,,,,maybe,
essay,Fourth?,,,,x,
,Fifth?,,,,,
""", [
        "bank.csv:2:6: answer 'C' names no option; this question has options A-B",
        "bank.csv:3:4: a multiple question needs at least 2 options (A, B, ...); this one has 1",
        "bank.csv:3:6: answer 'AB' names B, which is no option; this question has only option A",
        "bank.csv:4:6: answer 'maybe' is not true or false; for a truefalse question write 正确 "
        "or 错误 (also 对/错, √/×, T/F, true/false, 是/否, yes/no)",
        "bank.csv:5:1: type 'essay': open questions cannot be marked automatically; use 单选, "
        "多选, 判断 or 填空 (or single, multiple, truefalse, fill), or 卡片 (card) for a flashcard",
        "bank.csv:6:1: type is empty; use 单选, 多选, 判断 or 填空 (or single, multiple, "
        "truefalse, fill), or 卡片 (card) for a flashcard",
        "bank.csv:1:7: warning: column 'grade' ignored: it means nothing to StudyApp; the "
        "columns StudyApp reads are listed in docs/question-format.md",
        "6 problem(s) found; fix them and validate again.",
    ]),
    "bank.gift": ("""\
::q1:: What? {=a =b ~c}

::q2:: How much? {#1,5}

::q3:: Open {

::q4:: Weights {~%60%a ~%60%b ~c}
""", [
        "bank.gift:1: 2 answers are marked fully right (=); a one-answer question needs exactly "
        "one (for several right answers use ~%50% weights instead of =)",
        "bank.gift:3: '1,5' is not a number (use a dot as the decimal separator)",
        "bank.gift:5: the answer block is not closed: '{' has no matching '}' before the next "
        "blank line (blank lines separate questions; write a literal brace as \\{ or \\})",
        "bank.gift:7: the positive answer weights add up to 120%; they must add up to 100%",
        "4 problem(s) found; fix them and validate again.",
    ]),
    "aiken.txt": ("""\
Which colour is the sky?
A) Blue
B) Green
ANSWER: E

One option only
A. yes
ANSWER: A

answer: B
""", [
        "aiken.txt:1: ANSWER: E on line 4 names no option; the options go from A to B",
        "aiken.txt:6: the question has only 1 option(s) before its ANSWER line (line 8); it "
        "needs at least 2",
        "aiken.txt:10: the answer line 10 must be written ANSWER: X, in capitals, as Aiken "
        "requires",
        "3 problem(s) found; fix them and validate again.",
    ]),
    "paper.txt": ("""\
一、单选题
1. 天空是什么颜色？
A. 蓝色
B. 绿色
答案：E
2. 没有答案的题
A. 甲
B. 乙
3. 只有一个选项
A. 甲
答案：A
""", [
        "paper.txt:5: 答案 'E' of question 1 names E, which is no option; it has options A-B",
        "paper.txt:6: question 2 has no answer; add a line 答案：B after its options",
        "paper.txt:9: question 3 needs at least 2 options (A. ... B. ...); it has 1",
        "3 problem(s) found; fix them and validate again.",
    ]),
}
WHERE = re.compile(r"^(.*?\.(?:yaml|csv|gift|txt):\d+(?::\d+)?): (.*)$")


@pytest.mark.parametrize("name", list(BANKS))
def test_every_problem_of_a_broken_bank_in_chinese_with_its_file_and_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text, english_before = BANKS[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative paths, as in the English lines above

    def run(*args: str) -> list[str]:
        assert main([*args, "validate", name]) == 1
        return capsys.readouterr().err.splitlines()

    english, chinese = run(), run("--lang", "zh_CN")
    assert english == english_before  # the English output is unchanged, byte for byte
    assert len(chinese) == len(english)
    for line_en, line_zh in zip(english[:-1], chinese[:-1], strict=True):
        where_en, where_zh = WHERE.match(line_en), WHERE.match(line_zh)
        assert where_en is not None and where_zh is not None, (line_en, line_zh)
        assert where_zh.group(1) == where_en.group(1)  # the same file, line (and column)
        message = where_zh.group(2)
        # Chinese words the bank itself does not contain: the message is translated.
        assert CJK.search(re.sub(r"“[^”]*”|'[^']*'|答案|单选|多选|判断|填空|卡片|正确|错误|"
                                 r"对/错|是/否", "", message)), line_zh
        assert message != where_en.group(2)
        if "warning:" in line_en:
            assert message.startswith("警告：")
    assert chinese[-1].startswith("发现 ") and chinese[-1].endswith("个问题；请修改后重新检查。")


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
