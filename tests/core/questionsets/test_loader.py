"""load_file: reading bytes safely, detecting the format, decoding, dispatching, checking."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from studyapp.core.questionsets import (
    FORMAT_NAMES,
    FORMATS,
    MAX_FILE_BYTES,
    LoadResult,
    detect_format,
    load_file,
    sha256_of,
)

NATIVE = """\
format: studyapp-questions/1
id: demo
title: Demo — 演示
questions:
  - id: q1
    type: truefalse
    prompt: 创新源于实践。
    answer: true
cards:
  - {id: c1, front: f, back: b}
"""

AIKEN = """\
What is 2 + 2?
A. 3
B. 4
ANSWER: B
"""

GIFT = """\
::g1:: Two plus two is four. {T}
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def messages(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_a_native_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yaml", NATIVE)
    result = load_file(path)
    assert result.ok, messages(result)
    assert result.question_set is not None
    assert result.question_set.title == "Demo — 演示"
    assert result.question_set.source == str(path)
    assert result.question_set.format == "native"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "demo.yml", NATIVE.encode(encoding))
    result = load_file(path)
    assert result.ok, messages(result)
    assert result.question_set is not None
    assert result.question_set.questions[0].prompt == "创新源于实践。"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert messages(load_file(missing)) == [f"{missing}:0: file not found"]
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    [message] = messages(load_file(folder))
    assert message.startswith(f"{folder}:0: cannot read")


def test_files_over_20_mb_are_refused_without_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    result = load_file(path)
    assert result.question_set is None
    assert messages(result) == [
        f"{path}:0: the file is larger than 20 MB; split it into smaller sets"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("junk.yaml", b"format: x\x00\x01\x02", "this is not a text file"),
        ("junk.csv", b"a,b\x00c", "this is not a text file"),
        ("junk.txt", bytes([0xFF, 0xFE, 0x80, 0x81]) * 4, "not in a Chinese or Unicode encoding"),
    ],
)
def test_binary_junk_is_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    result = load_file(write(tmp_path, name, content))
    assert result.question_set is None
    assert len(result.problems) == 1 and message in result.problems[0].message


def test_unknown_extension_names_the_supported_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.json", NATIVE)
    [message] = messages(load_file(path))
    assert message.startswith(f"{path}:0: unknown kind of file")
    for extension in (".yaml", ".yml", ".csv", ".xlsx", ".gift", ".txt"):
        assert extension in message


@pytest.mark.parametrize("name", ["native", "yaml", "YAML", "yml"])
def test_format_argument_overrides_the_extension(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, "demo.json", NATIVE)
    assert load_file(path, format=name).ok


def test_unknown_format_name_is_a_problem(tmp_path: Path) -> None:
    [message] = messages(load_file(write(tmp_path, "demo.yaml", NATIVE), format="word"))
    assert "unknown format 'word'" in message and "native" in message


def test_format_names() -> None:
    assert FORMATS == ("native", "csv", "xlsx", "gift", "aiken", "paper")
    assert set(FORMAT_NAMES) >= {*FORMATS, "yaml", "excel", "txt", "docx"}


def test_common_checks_run_after_parsing(tmp_path: Path) -> None:
    text = NATIVE + "  - {id: c2, front: f, back: b, section: reasons.1, evidence: not in it}\n"
    result = load_file(write(tmp_path, "demo.yaml", text))
    assert not result.ok
    assert [(p.line, p.message) for p in result.problems] == [
        (11, "card 'c2': evidence not found in section reasons.1; it must be copied word for "
             "word from that section")]


def test_problems_come_in_line_order(tmp_path: Path) -> None:
    text = NATIVE.replace("    answer: true\n", "    answer: true\n    anwser: 1\n") + (
        "  - {id: c1, front: f, back: b}\n")
    result = load_file(write(tmp_path, "demo.yaml", text))
    lines = [p.line for p in result.problems]
    assert len(lines) == 2 and lines == sorted(lines)


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format("a.YAML") == "native"
    assert detect_format("a.yml") == "native"
    assert detect_format("a.csv") == "csv"
    assert detect_format("a.xlsx") == "xlsx"
    assert detect_format("a.gift") == "gift"
    assert detect_format("a.doc") is None
    assert detect_format("a.txt", AIKEN) == "aiken"
    assert detect_format("a.txt", GIFT) == "gift"
    assert detect_format(write(tmp_path, "b.txt", AIKEN)) == "aiken"


def test_sha256_of(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yaml", NATIVE)
    assert sha256_of(path) == hashlib.sha256(NATIVE.encode()).hexdigest()


def test_txt_dispatches_to_aiken_or_gift(tmp_path: Path) -> None:
    aiken = load_file(write(tmp_path, "a.txt", AIKEN))
    assert aiken.ok, messages(aiken)
    assert aiken.question_set is not None and aiken.question_set.format == "aiken"
    gift = load_file(write(tmp_path, "g.txt", GIFT))
    assert gift.ok, messages(gift)
    assert gift.question_set is not None and gift.question_set.format == "gift"
    assert gift.question_set.questions[0].truth is True


def test_gift_and_aiken_by_extension_and_by_format(tmp_path: Path) -> None:
    assert load_file(write(tmp_path, "g.gift", GIFT)).ok
    forced = load_file(write(tmp_path, "a.dat", AIKEN), format="aiken")
    assert forced.question_set is not None and forced.question_set.format == "aiken"


def test_importing_the_loader_leaves_parsers_and_jsonschema_unloaded() -> None:
    import subprocess
    import sys

    script = (
        "import sys, studyapp.core.questionsets\n"
        "heavy = [m for m in ('yaml', 'jsonschema', 'openpyxl', 'PySide6') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_csv_loads_through_load_file_as_through_parse_csv(tmp_path: Path,
                                                                  encoding: str) -> None:
    from studyapp.core.questionsets.tabular import parse_csv

    text = "题型,题干,答案\n判断,创新源于实践。,对\n"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    data = bom + text.encode(encoding)
    path = write(tmp_path, "bank.csv", data)
    loaded = load_file(path)
    assert loaded.ok, messages(loaded)
    assert loaded.question_set is not None
    parsed = parse_csv(data, str(path))
    assert parsed.question_set is not None
    assert [q.prompt for q in loaded.question_set.questions] == [
        q.prompt for q in parsed.question_set.questions] == ["创新源于实践。"]


def test_every_text_format_reads_utf16(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yaml", NATIVE.encode("utf-16"))
    result = load_file(path)
    assert result.ok, messages(result)


def test_the_result_carries_the_hash_of_the_bytes_read(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yaml", NATIVE)
    assert load_file(path).sha256 == hashlib.sha256(NATIVE.encode()).hexdigest()
