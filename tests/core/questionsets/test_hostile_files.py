"""Hostile files are refused or read quickly, with a problem line and never a traceback.

Each file is built here at a size the old code took minutes (or gigabytes) for; the new code
reads it in milliseconds. `finishes` turns a regression into a failure rather than a hang,
with a bound far above the expected time so that a slow machine never makes it flaky;
benchmarks/hostile_files.py times the same files at full size.
"""

from __future__ import annotations

import io
import random
import threading
import zipfile
from collections.abc import Callable
from typing import TypeVar

import pytest

from studyapp.core.questionsets import LoadResult, gift, tabular, xlsx_reader
from studyapp.core.questionsets.tabular import parse_csv, parse_xlsx

T = TypeVar("T")


def finishes(work: Callable[[], T], seconds: float = 60.0) -> T:
    """The result of ``work()``; fails (instead of hanging the suite) when it runs away."""
    box: list[T] = []
    thread = threading.Thread(target=lambda: box.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still running after {seconds} s: linear time was lost"
    return box[0]


def messages(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


# --------------------------------------------------------------------------- xlsx


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "答案"])
    sheet.append(["判断", "S.", "对"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_sheet(change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            archive.writestr(info.filename, data)
    return out.getvalue()


def test_a_run_of_unclosed_merge_cells_is_scanned_in_linear_time() -> None:
    # 5 KB of these took 20 s with the backtracking regex, 60 KB would take hours.
    data = _with_sheet(lambda xml: xml.replace(b"</worksheet>",
                                               b"<mergeCells>" + b"<mergeCell " * 6000))
    merges = finishes(lambda: tabular._merged_ranges(data, "xl/worksheets/sheet1.xml"))
    assert merges.fill_down == {} and merges.heading_rows == set()
    result = finishes(lambda: parse_xlsx(data, "bank.xlsx"))
    assert result.question_set is None and len(result.problems) == 1


def test_merged_ranges_are_still_read() -> None:
    refs = b'<mergeCells count="2"><mergeCell ref="A2:A4"/><x:mergeCell ref="B1:D1"/>'
    data = _with_sheet(lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + refs
                                               + b"</mergeCells>"))
    merges = tabular._merged_ranges(data, "xl/worksheets/sheet1.xml")
    assert merges.fill_down == {3: [(0, 2)], 4: [(0, 2)]}
    assert merges.heading_rows == {1}


def test_too_many_merged_ranges_are_refused() -> None:
    count = tabular.MAX_SHEET_ELEMENTS + 1
    refs = b"".join(b'<mergeCell ref="A%d:A%d"/>' % (2 * n + 3, 2 * n + 4) for n in range(count))
    data = _with_sheet(lambda xml: xml.replace(b"</sheetData>", b"</sheetData><mergeCells>"
                                               + refs + b"</mergeCells>"))
    [message] = messages(finishes(lambda: parse_xlsx(data, "bank.xlsx")))
    assert message.startswith("bank.xlsx:0: the sheet holds more than 30,000 merged ranges")


def _wide_row(cells: int, rng: random.Random | None = None) -> bytes:
    if rng is None:
        body = b'<c t="n"><v>1</v></c>' * cells
    else:  # random values do not compress: the inflation ratio does not give it away
        body = b"".join(b'<c t="n"><v>%d</v></c>' % rng.randrange(10**9) for _ in range(cells))
    return _with_sheet(lambda xml: xml.replace(b"</sheetData>",
                                               b'<row r="3">' + body + b"</row></sheetData>"))


def test_a_row_of_two_million_cells_is_refused_before_it_is_built() -> None:
    # 226 KB took 18 s and 1.9 GB in openpyxl.
    data = _wide_row(2_000_000)
    assert len(data) < 300_000
    [message] = messages(finishes(lambda: parse_xlsx(data, "bank.xlsx")))
    assert message.startswith("bank.xlsx:0: the part 'xl/worksheets/sheet1.xml' inflates")


def test_a_row_wider_than_a_sheet_is_refused_even_when_it_compresses_badly() -> None:
    data = _wide_row(tabular.MAX_COLUMNS + 10, random.Random(1))
    [message] = messages(finishes(lambda: parse_xlsx(data, "bank.xlsx")))
    assert message == ("bank.xlsx:3: this row has more than 16,384 cells, more than a sheet "
                       "holds; the workbook was not read")


def test_too_many_cells_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_CELLS", 1000)
    rows = b"".join(b'<row r="%d">' % (n + 3) + b"<c><v>1</v></c>" * 10 + b"</row>"
                    for n in range(200))
    data = _with_sheet(lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>"))
    [message] = messages(parse_xlsx(data, "bank.xlsx"))
    assert "the sheet has more than 1,000 cells" in message


def test_too_many_shared_strings_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_SHARED_STRINGS", 100)
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info))
        if "xl/sharedStrings.xml" not in source.namelist():
            strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(500))
            archive.writestr("xl/sharedStrings.xml", b'<sst xmlns="x">' + strings + b"</sst>")
    [message] = messages(parse_xlsx(out.getvalue(), "bank.xlsx"))
    assert "more than 100 different texts" in message


def test_an_xlsx_inflating_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.questionsets import zipguard

    monkeypatch.setattr(zipguard, "DEFAULT_LIMITS", zipguard.ZipLimits(member_bytes=10_000))
    monkeypatch.setattr(tabular, "open_zip",
                        lambda data: zipguard.open_zip(data, zipguard.DEFAULT_LIMITS))
    [message] = messages(parse_xlsx(_wide_row(1000), "bank.xlsx"))
    assert "inflates to" in message and "more than the 0 MB allowed" in message


def test_a_normal_workbook_still_loads() -> None:
    result = parse_xlsx(_workbook(), "bank.xlsx")
    assert result.problems == [] and result.question_set is not None


# --------------------------------------------------------------------------- GIFT


@pytest.mark.parametrize("unit", ["<b> </b> ", "<p>\n", "< a", "<script>x", "<br>  \n  "])
def test_gift_html_with_many_tags_is_linear(unit: str) -> None:
    # 800 KB of "<b> </b> " took 22 s and grew four-fold per doubling.
    # One question may hold MAX_ITEM_CHARS characters: that much is read, more refused.
    text = "::q1:: [html]" + unit * (120_000 // len(unit)) + " {=a ~b}\n"
    result = finishes(lambda: gift.parse(text, "x.gift"))
    assert result.question_set is not None
    longer = "::q1:: [html]" + unit * (800_000 // len(unit)) + " {=a ~b}\n"
    [problem] = finishes(lambda: gift.parse(longer, "x.gift")).problems
    assert "longer than 131,068 characters" in problem.message


@pytest.mark.parametrize("text", [
    "  One \n  two\n\n\n\n three  ", "a \n \n   b", " x \t\ny", " \n \n ", "\xa0x\xa0 \n",
    "one\n\n\ntwo \n\n", ""])
def test_gift_html_tidying_is_unchanged_by_the_linear_rewrite(text: str) -> None:
    import re

    def before(text: str) -> str:  # the quadratic version
        text = re.sub(r" *\n *", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()

    assert gift._tidy_lines(text) == before(text)


# --------------------------------------------------------------------------- encodings

SIMPLIFIED = ("题型,题干,选项A,选项B,答案\n"
              "单选,领导干部提高创新能力的关键是什么？,加强学习与实践,扩大规模,A\n"
              "判断,创新需要理论与实践相结合。,,,正确\n"
              "单选,“四个关系”中首先要处理好的是哪一个？,继承与创新,速度与质量,A\n")
TRADITIONAL = ("type,question,A,B,answer\n"  # (column names are read in simplified or English)
               "single,領導幹部提高創新能力的關鍵是什麼？,加強學習與實踐,擴大規模,A\n"
               "truefalse,創新需要理論與實踐相結合，這是我們學習的重點。,,,true\n")
JAPANESE = ("type,question,A,B,answer\n"
            "single,次のうち正しいものはどれですか。,東京は日本の首都です,大阪は日本の首都です,A\n"
            "truefalse,富士山は日本で一番高い山です。,,,true\n")
FRENCH = ("type,question,A,B,answer\n"
          "single,Réussir les épreuves demande quelle qualité ?,Persévérance,Hâte,A\n"
          "truefalse,L'élève étudie chaque soirée.,,,true\n")


@pytest.mark.parametrize(("text", "encoding"), [
    (JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"), (FRENCH, "cp1252"), (FRENCH, "latin-1"),
    (TRADITIONAL.replace("我們", "私たちの"), "shift_jis"),
])
def test_a_csv_in_another_encoding_is_refused_not_stored_garbled(text: str,
                                                                  encoding: str) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = parse_csv(data, "bank.csv")
    assert result.question_set is None
    [message] = messages(result)
    assert "this file is not in a Chinese or Unicode encoding; save it as UTF-8" in message


def test_the_same_refusal_for_yaml_and_gift_files(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from studyapp.core.questionsets import load_file

    folder = Path(str(tmp_path))
    path = folder / "set.gift"
    path.write_bytes("::q:: 東京は日本の首都ですか。 {T}\n".encode("shift_jis") * 5)
    [message] = messages(load_file(path))
    assert message == (f"{path}:0: this file is not in a Chinese or Unicode encoding; save it "
                       "as UTF-8")


@pytest.mark.parametrize(("text", "encoding"), [
    (SIMPLIFIED, "gbk"), (SIMPLIFIED, "gb18030"), (SIMPLIFIED, "gb2312"), (TRADITIONAL, "gbk"),
    (TRADITIONAL, "big5"), (TRADITIONAL, "cp950"), (SIMPLIFIED, "utf-8"),
])
def test_chinese_encodings_still_load(text: str, encoding: str) -> None:
    result = parse_csv(text.encode(encoding), "bank.csv")
    assert result.problems == [] and result.question_set is not None
    assert result.question_set.questions[0].prompt == text.splitlines()[1].split(",")[1]


def test_a_long_genuine_gbk_file_with_some_rare_characters_loads() -> None:
    rare = "𠀀龘鱻"  # GB18030-only and rare hanzi, a few in a long file
    text = SIMPLIFIED + "".join(f"判断,第{n}题：创新是发展的第一动力。,,,正确\n"
                                for n in range(200))
    text += f"判断,罕见字{rare}。,,,正确\n"
    result = parse_csv(text.encode("gb18030"), "bank.csv")
    assert result.problems == [] and result.question_set is not None


# --------------------------------------------------------------------------- ids


def _csv(tmp_path: object, rows: list[str]) -> LoadResult:
    from pathlib import Path

    from studyapp.core.questionsets import load_file

    path = Path(str(tmp_path)) / "bank.csv"
    path.write_text("编号,题型,题干,答案\n" + "".join(f"{row}\n" for row in rows),
                    encoding="utf-8")
    return load_file(path)


def test_ids_differing_only_in_normal_form_are_the_same_id(tmp_path: object) -> None:
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    result = _csv(tmp_path, [f"{nfc},判断,S.,对", f"{nfd},判断,T.,错"])
    assert any("is used twice" in message and ":3:" in message for message in messages(result))


def test_ids_are_stored_in_normal_form_c(tmp_path: object) -> None:
    result = _csv(tmp_path, ["cafe\u0301,判断,S.,对"])
    assert result.ok and result.question_set is not None
    assert result.question_set.questions[0].id == "caf\u00e9"


@pytest.mark.parametrize("invisible", ["\u202e", "\u200b", "\u200d", "\ufeff", "\u2066", "\x1b",
                                       "\x07"])
def test_invisible_characters_in_ids_are_refused_and_escaped(tmp_path: object,
                                                             invisible: str) -> None:
    result = _csv(tmp_path, [f"q{invisible}1,判断,S.,对", "q1,判断,T.,错"])
    assert not result.ok
    found = [message for message in messages(result) if "invisible character" in message]
    assert len(found) == 1 and f"U+{ord(invisible):04X}" in found[0]
    for message in messages(result):
        assert message.isprintable(), repr(message)


def test_control_characters_in_cells_are_escaped_in_problem_lines(tmp_path: object) -> None:
    result = _csv(tmp_path, ["q1,\x1b[2J\x1b]0;owned\x07,S.,对"])
    [message] = [m for m in messages(result) if "not a question type" in m]
    assert message.isprintable()
    assert "\\x1b[2J\\x1b]0;owned\\x07" in message


def test_native_ids_are_checked_the_same_way(tmp_path: object) -> None:
    from pathlib import Path

    from studyapp.core.questionsets import load_file

    path = Path(str(tmp_path)) / "set.yaml"
    path.write_text(
        "format: studyapp-questions/1\nid: demo\ntitle: Demo\nquestions:\n"
        "  - {id: \"caf\\u00e9\", type: truefalse, prompt: S., answer: true}\n"
        "  - {id: \"cafe\\u0301\", type: truefalse, prompt: T., answer: false}\n"
        "  - {id: \"q\\u202e2\", type: truefalse, prompt: U., answer: false}\n", encoding="utf-8")
    result = load_file(path)
    text = "\n".join(messages(result))
    assert "is used twice" in text and "U+202E RIGHT-TO-LEFT OVERRIDE" in text
    assert text.isprintable() or all(line.isprintable() for line in text.splitlines())
