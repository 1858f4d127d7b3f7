"""CSV and Excel import: headers in Chinese and English, every type and answer notation,
encodings, problems with their spreadsheet row, hostile input, and the templates."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.app import main
from studyapp.core.questionsets import LoadResult, load_file
from studyapp.core.questionsets.errors import Problem
from studyapp.core.questionsets.model import Card, Question
from studyapp.core.questionsets.tabular import TYPE_NAMES, parse_csv, parse_xlsx

TEMPLATES = Path(__file__).parents[3] / "questions" / "templates"
ZH_HEADER = "编号,题型,题干,选项A,选项B,选项C,选项D,答案,解析,章节,难度,标签"
EN_HEADER = "id,type,question,A,B,C,D,answer,explanation,section,difficulty,tags"


def parse(text: str, encoding: str = "utf-8", path: str = "bank.csv") -> LoadResult:
    return parse_csv(text.encode(encoding), path)


def loaded(text: str, encoding: str = "utf-8") -> list[Question]:
    result = parse(text, encoding)
    assert result.problems == [], result.problems
    assert result.question_set is not None
    return result.question_set.questions


def only(text: str) -> Question:
    (question,) = loaded(text)
    return question


def problems(result: LoadResult) -> list[tuple[int, int | None, str]]:
    return [(p.line, p.column, p.message) for p in result.problems]


def problems_of(text: str) -> list[tuple[int, int | None, str]]:
    return problems(parse(text))


def make_xlsx(rows: list[list[Any]], title: str = "Sheet1",
              merges: tuple[str, ...] = ()) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def patch_sheet(data: bytes, old: str, new: str) -> bytes:
    """The workbook with text in its first sheet's XML replaced (for cached formula values)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes an empty value as <v /> or, when lxml is present, <v></v>.
                content = content.replace(b"<v></v>", b"<v />")
                assert old.encode() in content, content[:2000]
                content = content.replace(old.encode(), new.encode())
            target.writestr(info.filename, content)
    return out.getvalue()


# --------------------------------------------------------------------------- headers and types


def test_chinese_headers_every_type_and_every_column() -> None:
    result = parse(f"""{ZH_HEADER},原文
q1,单选,Which one?,one,two,three,four,B,Because.,suggestions.5.2,2,"relationships,charge",Dare
q2,多选,Which ones?,one,two,three,,A、C,,,,,
q3,判断,Daring to charge and charging are the same.,,,,,错误,,,,,
q4,填空,Innovation originates from ____.,,,,,practice|实践,,,,,
q5,卡片,Front text,,,,,Back text,More.,suggestions.5,,cards,
""")
    assert result.problems == []
    assert result.question_set is not None
    single, multiple, truefalse, fill = result.question_set.questions
    assert (single.id, single.type, single.prompt, single.line) == ("q1", "single", "Which one?", 2)
    assert [c.text for c in single.choices] == ["one", "two", "three", "four"]
    assert [c.correct for c in single.choices] == [False, True, False, False]
    assert (single.explanation, single.section, single.difficulty, single.tags, single.evidence
            ) == ("Because.", "suggestions.5.2", 2, ["relationships", "charge"], "Dare")
    assert [c.correct for c in multiple.choices] == [True, False, True]
    assert (truefalse.type, truefalse.truth) == ("truefalse", False)
    assert (fill.type, fill.accepted) == ("fill", ["practice", "实践"])
    (card,) = result.question_set.cards
    assert isinstance(card, Card)
    assert (card.id, card.front, card.back, card.explanation, card.section, card.line) == (
        "q5", "Front text", "Back text", "More.", "suggestions.5", 6)
    assert result.question_set.format == "csv"


def test_english_headers_any_case_and_spacing() -> None:
    question = only(" ID ,Type, QUESTION ,Option A,option b,Choice C,Correct Answer,"
                    "Explanation,Section,Difficulty,Tags\n"
                    "x-1,Single,What?,one,two,three,c,why,suggestions.5.4,5,a;b\n")
    assert (question.id, question.type, question.prompt, question.explanation) == (
        "x-1", "single", "What?", "why")
    assert [c.correct for c in question.choices] == [False, False, True]
    assert (question.section, question.difficulty, question.tags) == (
        "suggestions.5.4", 5, ["a", "b"])


@pytest.mark.parametrize("header", [
    "题型,题目,选项A,选项B,正确答案", "题型,题干,选项 A,选项 B,参考答案",
    "type,prompt,A,B,answer", "TYPE,Question,Ａ,Ｂ,Answer", "题型*,题干*,选项A,选项B,答案*",
])
def test_header_aliases(header: str) -> None:
    assert only(f"{header}\n单选,Which?,one,two,A\n").choices[0].correct


def test_set_id_and_title_come_from_the_file_name() -> None:
    result = parse_csv(f"{ZH_HEADER}\n,判断,Yes?,,,,,对,,,,\n".encode(), "sets/Week 1 Quiz.csv")
    assert result.question_set is not None
    assert (result.question_set.id, result.question_set.title) == ("week-1-quiz", "Week 1 Quiz")
    # Without an id column cell, the id is the row, stable across re-imports.
    assert result.question_set.questions[0].id == "row-2"


@pytest.mark.parametrize(("kind", "name"), [
    (kind, name) for kind, names in TYPE_NAMES.items() for name in names])
def test_every_type_name(kind: str, name: str) -> None:
    answers = {"single": "A", "multiple": "AB", "truefalse": "T", "fill": "x", "card": "back",
               "choice": "A"}
    options = ",one,two" if kind in ("single", "multiple", "choice") else ",,"
    result = parse(f"type,question,A,B,answer\n{name},Prompt{options},{answers[kind]}\n")
    assert result.problems == []
    assert result.question_set is not None
    if kind == "card":
        assert result.question_set.cards[0].back == "back"
    elif kind == "choice":  # 选择题: single or multiple by its answer
        assert result.question_set.questions[0].type == "single"
    else:
        assert result.question_set.questions[0].type == kind


def test_an_empty_type_with_options_is_single_or_multiple_by_the_answer() -> None:
    first, second = loaded("题型,题干,选项A,选项B,答案\n,One?,a,b,B\n,Two?,a,b,\"A,B\"\n")
    assert (first.type, second.type) == ("single", "multiple")


@pytest.mark.parametrize("answer", ["AC", '"A,C"', "A、C", "A，C", "A C", "a c", "ＡＣ", "A;C",
                                    "A；C", '" A, C "', "CA", "A/C", "ACA"])
def test_multiple_answer_notations(answer: str) -> None:
    question = only(f"题型,题干,选项A,选项B,选项C,答案\n多选,Which?,a,b,c,{answer}\n")
    assert [c.correct for c in question.choices] == [True, False, True]


@pytest.mark.parametrize("answer", ["B", "b", "Ｂ", " B ", "(B)", "B."])
def test_single_answer_notations(answer: str) -> None:
    question = only(f'题型,题干,选项A,选项B,答案\n单选,Which?,a,b,"{answer}"\n')
    assert [c.correct for c in question.choices] == [False, True]


@pytest.mark.parametrize(("answer", "truth"), [
    ("正确", True), ("错误", False), ("对", True), ("错", False), ("√", True), ("×", False),
    ("✓", True), ("✗", False), ("T", True), ("F", False), ("t", True), ("f", False),
    ("true", True), ("FALSE", False), ("是", True), ("否", False), ("yes", True), ("No", False),
    ("Ｔ", True), ("对。", True),
])
def test_true_false_notations(answer: str, truth: bool) -> None:
    assert only(f"题型,题干,答案\n判断,Statement.,{answer}\n").truth is truth


def test_true_false_with_options_written_as_right_and_wrong() -> None:
    question = only("题型,题干,选项A,选项B,答案\n判断,Statement.,正确,错误,B\n")
    assert question.truth is False


@pytest.mark.parametrize("answer", ["practice|实践", "practice；实践", "practice;实践",
                                    "practice | 实践 |", "practice｜实践"])
def test_fill_answers_separated(answer: str) -> None:
    assert only(f"题型,题干,答案\n填空,____ is the source.,{answer}\n").accepted == [
        "practice", "实践"]


@pytest.mark.parametrize(("written", "level"), [("3", 3), ("3.0", 3), ("１", 1), ("易", 1),
                                                ("中等", 3), ("难", 5), ("★★★☆☆", 3),
                                                ("hard", 5)])
def test_difficulty_notations(written: str, level: int) -> None:
    assert only(f"题型,题干,答案,难度\n判断,S.,对,{written}\n").difficulty == level


# --------------------------------------------------------------------------- encodings


SAMPLE = (f"{ZH_HEADER}\n"
          "q1,单选,领导干部创新能力的根本目的是什么？,创业,发展,口号,照搬,B,解析,,3,创新\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_encodings_are_detected(encoding: str) -> None:
    question = only_from(SAMPLE.encode(encoding))
    assert question.prompt == "领导干部创新能力的根本目的是什么？"
    assert question.tags == ["创新"]


def only_from(data: bytes) -> Question:
    result = parse_csv(data, "bank.csv")
    assert result.problems == [] and result.question_set is not None
    (question,) = result.question_set.questions
    return question


def test_gb18030_only_characters() -> None:
    text = "题型,题干,答案\n填空,“𠀀” and € ____,𠀀\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert only_from(text.encode("gb18030")).accepted == ["𠀀"]


def test_utf16_with_bom_is_read_too() -> None:
    assert only_from("题型\t题干\t答案\n判断\tS.\t对\n".encode("utf-16")).truth is True


def test_load_file_reads_a_gbk_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "题库.csv"
    path.write_bytes(SAMPLE.encode("gbk"))
    result = load_file(path)
    assert result.ok, result.problems
    assert result.question_set is not None
    assert result.question_set.id == "题库"
    assert result.question_set.title == "题库"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters_are_sniffed(delimiter: str) -> None:
    text = f"题型{delimiter}题干{delimiter}选项A{delimiter}选项B{delimiter}答案\n" \
           f"多选{delimiter}\"One, two?\"{delimiter}a{delimiter}b{delimiter}A,B\n"
    question = only(text)
    assert question.prompt == "One, two?"
    assert all(c.correct for c in question.choices)


def test_excel_sep_line_names_the_delimiter() -> None:
    result = parse("sep=;\n题型;题干;答案\n判断;S.;X?\n")
    assert problems(result)[0][0] == 2  # the sep= line is not a row in Excel


# --------------------------------------------------------------------------- rows


def test_multi_line_cells_keep_spreadsheet_row_numbers() -> None:
    result = parse('题型,题干,选项A,选项B,答案,解析\n'
                   '单选,"First line\nsecond line\r\nthird line",a,b,A,"why\n\nbecause"\n'
                   '单选,Bad,a,b,E,\n'
                   '判断,"Also\nlong",,,对,\n'
                   '判断,,,,对,\n')
    assert result.question_set is not None
    first, third = result.question_set.questions
    assert first.prompt == "First line\nsecond line\nthird line"
    assert first.explanation == "why\n\nbecause"
    assert (first.line, third.line) == (2, 4)
    assert [(line, column) for line, column, _ in problems(result)] == [(3, 5), (5, 2)]


def test_empty_rows_numbered_template_rows_and_a_title_row_are_skipped() -> None:
    result = parse("2024 年第一季度题库,,,\n"
                   ",,,\n"
                   "编号,题型,题干,答案\n"
                   "1,判断,S.,对\n"
                   ",,,\n"
                   "2,,,\n"
                   "3,判断,T.,错\n"
                   "4,判断,,错\n")
    assert result.question_set is not None
    assert [(q.id, q.line) for q in result.question_set.questions] == [("1", 4), ("3", 7)]
    assert problems(result) == [(8, 3, "题干 is empty; write the question")]


def test_a_broken_row_is_left_out_and_the_others_load() -> None:
    result = parse(f"{ZH_HEADER}\n,单选,A?,a,b,,,C,,,,\n,判断,B?,,,,,对,,,,\n")
    assert result.question_set is not None
    assert [q.id for q in result.question_set.questions] == ["row-3"]
    assert problems(result) == [(2, 8, "答案 'C' names no option; this question has options A-B")]


def test_ids_duplicated_in_the_file_are_reported_by_load_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("编号,题型,题干,答案\nq1,判断,S.,对\nq1,判断,T.,错\n", encoding="utf-8")
    assert [(p.line, "twice" in p.message) for p in load_file(path).problems] == [(3, True)]


# --------------------------------------------------------------------------- mistakes


@pytest.mark.parametrize(("rows", "expected"), [
    ("单选题目,Q?,a,b,,A", (2, 1, "题型 '单选题目' is not a question type; use 单选, 多选, 判断 "
                             "or 填空 (or single, multiple, truefalse, fill), or 卡片 (card) "
                             "for a flashcard")),
    ("排序,Q?,a,b,,A", (2, 1, "题型 '排序': order questions cannot be written in a spreadsheet; "
                         "put them in a YAML file (see docs/question-format.md), or use 单选, "
                         "多选, 判断 or 填空 (or single, multiple, truefalse, fill), or 卡片 "
                         "(card) for a flashcard")),
    ("简答,Q?,,,,x", (2, 1, "题型 '简答': open questions cannot be marked automatically; use "
                       "单选, 多选, 判断 or 填空 (or single, multiple, truefalse, fill), or 卡片 "
                       "(card) for a flashcard")),
    (",Q?,,,,x", (2, 1, "题型 is empty; use 单选, 多选, 判断 or 填空 (or single, multiple, "
                   "truefalse, fill), or 卡片 (card) for a flashcard")),
    ("单选,,a,b,,A", (2, 2, "题干 is empty; write the question")),
    ("单选,Q?,a,b,,", (2, 6, "答案 is empty; give the letter of the correct option, e.g. B")),
    ("单选,Q?,a,b,c,E", (2, 6, "答案 'E' names no option; this question has options A-C")),
    ("多选,Q?,a,b,c,ACEG", (2, 6, "答案 'ACEG' names E, G, which are no options; this "
                              "question has options A-C")),
    ("单选,Q?,a,b,c,AC", (2, 6, "a 单选 question has one answer, but 答案 'AC' names 2 "
                            "options; make it 多选 or give one letter")),
    ("单选,Q?,a,b,c,A和C", (2, 6, "答案 'A和C' is not option letters; write e.g. B, or AC or "
                             "A,C for several")),
    ("单选,Q?,a,,c,A", (2, 4, "选项B is empty but 选项C is not; fill the options from A on "
                          "without gaps")),
    ("单选,Q?,a,,,A", (2, 4, "a 单选 question needs at least 2 options (选项A, 选项B, ...); "
                         "this one has 1")),
    ("判断,Q?,,,,maybe", (2, 6, "答案 'maybe' is not true or false; for a 判断 question write "
                             "正确 or 错误 (also 对/错, √/×, T/F, true/false, 是/否, yes/no)")),
    ("判断,Q?,,,,", (2, 6, "答案 is empty; write 正确 or 错误 (also 对/错, √/×, T/F, "
                      "true/false, 是/否, yes/no)")),
    ("判断,Q?,yes,maybe,,A", (2, 3, "a 判断 question has no options; leave 选项A-选项B empty")),
    ("填空,Q ____?,a,b,,x", (2, 3, "a 填空 question has no options; leave 选项A-选项B empty")),
    ("填空,Q ____?,,,,|；", (2, 6, "答案 is empty; write the accepted answer (several "
                                "separated by | or ；)")),
    ("卡片,Front,,,,", (2, 6, "答案 is empty; write the back of the card")),
    ("卡片,,a,,,Back", (2, 2, "题干 is empty; write the front of the card")),
])
def test_each_mistake_is_reported_with_its_row_and_column(
        rows: str, expected: tuple[int, int, str]) -> None:
    result = parse(f"题型,题干,选项A,选项B,选项C,答案\n{rows}\n")
    assert expected in problems(result), problems(result)
    assert result.question_set is None


def test_every_problem_of_a_row_is_reported() -> None:
    assert problems_of("题型,题干,选项A,选项B,答案,难度\n单选,,a,,X,9\n") == [
        (2, 2, "题干 is empty; write the question"),
        (2, 4, "a 单选 question needs at least 2 options (选项A, 选项B, ...); this one has 1"),
        (2, 5, "答案 'X' names no option; this question has only option A"),
        (2, 6, "难度 '9' must be a number from 1 (easy) to 5 (hard)"),
    ]


def test_english_files_get_english_column_names() -> None:
    assert problems_of("type,question,A,B,C,D,answer\nsingle,Q?,a,b,c,d,E\n") == [
        (2, 7, "answer 'E' names no option; this question has options A-D")]
    assert problems_of("Type,Question,Answer\nmultiple,Q?,A\n")[0][2] == (
        "a multiple question needs at least 2 options (A, B, ...); this one has 0")


def test_header_problems() -> None:
    result = parse("题型,题干,答按,选项I,题目\n判断,S.,对,,\n")
    assert problems(result) == [
        (1, None, "the header row has no 答案 column (correct answer); add it"),
        (1, 4, "unknown column '选项I': a question has at most 8 options, 选项A to 选项H (A to H)"),
        (1, 5, "columns '题干' and '题目' both give the question text; keep one of them"),
    ]
    # A column StudyApp has no use for is ignored with a warning, never a problem.
    assert [(w.line, w.column, w.message) for w in result.warnings] == [
        (1, 3, "column '答按' ignored: it means nothing to StudyApp (did you mean '答案'?); the "
               "columns StudyApp reads are listed in docs/question-format.md")]
    english = parse("type,question,anwser\ntf,S.,T\n")
    assert any("did you mean 'answer'?" in w.message for w in english.warnings)


def test_a_file_without_a_header_row() -> None:
    result = parse("单选,Which?,a,b,A\n判断,S.,,,对\n")
    assert result.question_set is None
    ((line, column, message),) = problems(result)
    assert (line, column) == (1, None)
    assert message.startswith("no header row found: the first row must name the columns")


@pytest.mark.parametrize(("text", "message"), [
    (b"", "the file is empty; start from a template in questions/templates/"),
    (b"\n\n,,,\n", "the file is empty; start from a template in questions/templates/"),
    ("题型,题干,答案\n".encode(), "there are no questions under the header row"),
])
def test_empty_files(text: bytes, message: str) -> None:
    result = parse_csv(text, "bank.csv")
    assert result.question_set is None
    assert [p.message for p in result.problems] == [message]


def test_too_many_cells_and_cells_without_header() -> None:
    result = parse("题型,题干,,答案\n判断,One,,对\n判断,Two, three,x,对,extra\n"
                   "判断,Three,,对,,,\n")
    assert problems(result) == [
        (3, 3, "column C has text but no header in the header row; name the column or move "
               "the text"),
        (3, 5, "this row has 6 cells but the header has 4 columns; a cell that contains a "
               "comma must be in double quotes"),
    ]
    assert result.question_set is not None
    assert [q.line for q in result.question_set.questions] == [2, 4]  # trailing commas: fine


def test_quote_problems() -> None:
    assert problems_of('题型,题干,答案\n判断,"S" then,对\n判断,T.,对\n') == [
        (2, None, 'a cell in this row has text after its closing double quote ("); put the '
                  'whole cell in quotes and write a quote inside it as ""')]
    assert problems_of('题型,题干,答案\n判断,S.,对\n判断,"never closed,对\n判断,T.,对\n') == [
        (3, None, 'a double quote (") opened in this row is never closed, so the rest of the '
                  "file would be one cell; close the quote or remove it")]


def test_an_id_must_be_on_one_line() -> None:
    assert problems_of('编号,题型,题干,答案\n"a\nb",判断,S.,对\n') == [
        (2, 1, "编号 must be on one line")]


def test_section_and_evidence_are_checked_against_the_report(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("题型,题干,答案,章节,原文\n判断,S.,对,suggestions.5.9,\n"
                    "判断,T.,对,suggestions.5.2,Not in the report.\n", encoding="utf-8")
    assert [(p.line, "section" in p.message) for p in load_file(path).problems] == [
        (2, True), (3, True)]


# --------------------------------------------------------------------------- hostile input


def test_formula_and_html_text_is_kept_as_plain_text() -> None:
    injection = "=cmd|' /C calc'!A0"
    first, second = loaded(f'题型,题干,选项A,选项B,答案,解析\n'
                           f'单选,"{injection}",+SUM(1),@x,A,-2+3\n'
                           f'填空,<script>alert(1)</script> ____,,,<b>x</b>,<img src=x>\n')
    assert first.prompt == injection
    assert [c.text for c in first.choices] == ["+SUM(1)", "@x"]
    assert first.explanation == "-2+3"
    assert second.prompt == "<script>alert(1)</script> ____"
    assert (second.accepted, second.explanation) == (["<b>x</b>"], "<img src=x>")


def test_huge_cells_are_problems_not_crashes() -> None:
    big = "x" * 40_000
    assert problems_of(f"题型,题干,答案\n判断,{big},对\n判断,S.,对\n") == [
        (2, 2, "题干 has 40,000 characters; a cell may hold at most 32,767")]
    result = parse(f"题型,题干,答案\n判断,S.,对\n判断,{'y' * 200_000},对\n判断,T.,对\n")
    assert [(line, message.split(" (")[0]) for line, _, message in problems(result)] == [
        (3, "a cell is longer than 131,072 characters")]


def test_absurdly_wide_rows_and_headers_stay_fast() -> None:
    start = time.perf_counter()
    result = parse_csv(b"a," * 2_000_000, "wide.csv")
    assert [p.column for p in result.problems] == [None, 16_385]
    header = ",".join(["题型", "题干", "答案"] + [f"x{n}" for n in range(5000)])
    result = parse(f"{header}\n判断,S.,对\n")
    assert result.problems == [] and len(result.warnings) == 51
    assert result.warnings[-1].message == ("... and 4,950 more columns that mean nothing to "
                                           "StudyApp are ignored")
    assert time.perf_counter() - start < 5


def test_row_limits() -> None:
    # Empty rows (formatting Excel keeps) do not count; rows of questions do.
    data = "题型,题干,答案\n判断,S.,对\n".encode() + b"\n" * 200_000 + "判断,T.,对\n".encode()
    assert parse_csv(data, "long.csv").problems == []
    data = "题型,题干,答案\n".encode() + "判断,S.,对\n".encode() * 10_001
    assert [(p.line, p.message.split(";")[0]) for p in parse_csv(data, "long.csv").problems] == [
        (10_002, "the file has more than 10,000 questions")]
    assert [p.line for p in parse_csv(b"\n" * 1_100_000, "blank.csv").problems] == [1_048_577]


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02binary\xff\xfe\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"PK\x03\x04junk",
    bytes(range(256)) * 4, b"\x81\x30" * 100,
])
def test_binary_junk_csv_is_one_problem(data: bytes) -> None:
    result = parse_csv(data, "junk.csv")
    assert result.question_set is None
    assert len(result.problems) == 1


def test_ten_thousand_rows_parse_in_order() -> None:
    # How fast: benchmarks/imports.py and benchmarks/banks.py, not a timed unit test.
    kinds = [("单选", "B", "a,b,c,d"), ("多选", "A、C", "a,b,c,d"), ("判断", "正确", ",,,"),
             ("填空", "practice|实践", ",,,")]
    lines = [ZH_HEADER] + [
        f"q{n},{kinds[n % 4][0]},Question {n} about the report?,{kinds[n % 4][2]},"
        f"{kinds[n % 4][1]},Because.,suggestions.5.2,3,\"four relationships,charge\""
        for n in range(10_000)]
    data = "\n".join(lines).encode("utf-8-sig")
    result = parse_csv(data, "big.csv")
    assert result.problems == [] and result.question_set is not None
    assert len(result.question_set.questions) == 10_000
    assert result.question_set.questions[-1].line == 10_001


def test_importing_the_parser_does_not_import_openpyxl() -> None:
    code = ("import sys, studyapp.core.questionsets.tabular; "
            "sys.exit(1 if 'openpyxl' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --------------------------------------------------------------------------- xlsx

ZH_COLUMNS = ZH_HEADER.split(",")


def test_xlsx_chinese_template_filled_in(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ZH_COLUMNS,
        [1, "单选", "Which?", "one", "two", "three", None, "B", "Because.", "suggestions.5.2",
         3.0, "a、b"],
        [2.0, "多选", "Which ones?\nPick two.", "one", "two", "three", None, "A,C", None, None,
         None, None],
        [3, "判断", "S.", None, None, None, None, True, None, None, 2, None],
        [4, "判断", "T.", None, None, None, None, False, None, None, None, None],
        [5, "填空", "____ is the source.", None, None, None, None, "practice|实践", None, None,
         None, None],
        [6, "填空", "The year?", None, None, None, None, 2008, None, None, None, None],
    ]
    path = tmp_path / "bank.xlsx"
    path.write_bytes(make_xlsx(rows, title="题库"))
    result = load_file(path)
    assert result.problems == []
    assert result.question_set is not None
    assert result.question_set.format == "xlsx" and result.question_set.id == "bank"
    single, multiple, true, false, fill, year = result.question_set.questions
    assert (single.id, single.difficulty, single.tags, single.line) == ("1", 3, ["a", "b"], 2)
    assert [c.correct for c in single.choices] == [False, True, False]
    assert (multiple.id, multiple.prompt) == ("2", "Which ones?\nPick two.")
    assert [c.correct for c in multiple.choices] == [True, False, True]
    assert (true.truth, true.difficulty, false.truth) == (True, 2, False)
    assert fill.accepted == ["practice", "实践"]
    assert year.accepted == ["2008"]


def test_xlsx_problems_have_rows_and_columns() -> None:
    data = make_xlsx([ZH_COLUMNS, [None, "单选", "Q?", "a", "b", "c", "d", "E"],
                      [None, "判断", None, None, None, None, None, "对"]])
    assert problems(parse_xlsx(data, "bank.xlsx")) == [
        (2, 8, "答案 'E' names no option; this question has options A-D"),
        (3, 3, "题干 is empty; write the question"),
    ]


def test_xlsx_text_beyond_the_header_names_the_column() -> None:
    data = make_xlsx([["题型", "题干", "答案"], ["判断", "S.", "对", None, "stray"]])
    assert problems(parse_xlsx(data, "bank.xlsx")) == [
        (2, 5, "column E has text but no header in the header row; name the column or move "
               "the text")]


def test_xlsx_formulas_give_their_cached_values() -> None:
    data = make_xlsx([["题型", "题干", "选项A", "选项B", "答案"],
                      ["单选", "Q?", "=1+1", "two", '=UPPER("b")']])
    data = patch_sheet(data, '<c r="E2"><f>UPPER("b")</f><v /></c>',
                       '<c r="E2" t="str"><f>UPPER("b")</f><v>B</v></c>')
    data = patch_sheet(data, '<c r="C2"><f>1+1</f><v /></c>', '<c r="C2"><f>1+1</f><v>2</v></c>')
    question = only_of(parse_xlsx(data, "bank.xlsx"))
    assert [(c.text, c.correct) for c in question.choices] == [("2", False), ("two", True)]


def only_of(result: LoadResult) -> Question:
    assert result.problems == [], result.problems
    assert result.question_set is not None
    (question,) = result.question_set.questions
    return question


def test_xlsx_merged_cells_title_rows_and_empty_rows() -> None:
    rows: list[list[Any]] = [
        ["Question bank, spring 2024"],
        ["题型", "题干", "选项A", "选项B", "答案"],
        ["单选", "One?", "a", "b", "A"],
        [None, "Two?", "a", "b", "B"],
        ["Chapter 2"],
        [],
        ["判断", "Three.", None, None, "对"],
    ]
    data = make_xlsx(rows, merges=("A1:E1", "A3:A4", "A5:E5"))
    result = parse_xlsx(data, "bank.xlsx")
    assert result.problems == []
    assert result.question_set is not None
    assert [(q.line, q.type, q.prompt) for q in result.question_set.questions] == [
        (3, "single", "One?"), (4, "single", "Two?"), (7, "truefalse", "Three.")]


def test_xlsx_formatting_far_below_the_questions_is_no_problem() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["题型", "题干", "答案"])
    workbook.active.append(["判断", "S.", "对"])
    workbook.active.cell(row=150_000, column=2).style = "Good"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert only_of(parse_xlsx(buffer.getvalue(), "bank.xlsx")).truth is True


def test_xlsx_reads_the_questions_sheet_when_there_is_one() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["This sheet only explains the columns"])
    sheet = workbook.create_sheet("Questions")
    sheet.append(["type", "question", "answer"])
    sheet.append(["truefalse", "S.", "true"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert only_of(parse_xlsx(buffer.getvalue(), "bank.xlsx")).truth is True


TEMPLATE_XLSX = (TEMPLATES / "question-template.xlsx").read_bytes()


@pytest.mark.parametrize(("data", "start"), [
    (b"", "this Excel file cannot be read"),
    (b"\x00\x01junk" * 50, "this Excel file cannot be read"),
    (b"PK\x03\x04" + b"\x00" * 200, "this Excel file cannot be read"),
    (TEMPLATE_XLSX[: len(TEMPLATE_XLSX) // 2], "this Excel file cannot be read"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "this is an old Excel 97-2003"),
    ("题型,题干,答案\n判断,S.,对\n".encode(), "this is a text file, not an Excel workbook"),
])
def test_corrupt_or_other_files_named_xlsx_are_one_problem(data: bytes, start: str) -> None:
    result = parse_xlsx(data, "bank.xlsx")
    assert result.question_set is None
    ((line, column, message),) = problems(result)
    assert (line, column) == (0, None) and message.startswith(start)


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    path = tmp_path / "fake.xlsx"
    path.write_bytes(buffer.getvalue())
    result = load_file(path)
    assert result.question_set is None and len(result.problems) == 1


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize("name", ["question-template.csv", "question-template-en.csv",
                                  "question-template.xlsx"])
def test_templates_import_cleanly(name: str) -> None:
    result = load_file(TEMPLATES / name)
    assert result.ok, result.problems
    assert result.question_set is not None
    kinds = {q.type for q in result.question_set.questions}
    assert kinds == {"single", "multiple", "truefalse", "fill"}
    assert result.question_set.cards


def test_csv_templates_have_a_bom_and_the_xlsx_has_the_same_rows() -> None:
    assert (TEMPLATES / "question-template.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (TEMPLATES / "question-template-en.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    from_csv = load_file(TEMPLATES / "question-template.csv").question_set
    from_xlsx = load_file(TEMPLATES / "question-template.xlsx").question_set
    assert from_csv is not None and from_xlsx is not None
    assert [q.body() for q in from_csv.questions] == [q.body() for q in from_xlsx.questions]
    assert [q.prompt for q in from_csv.questions] == [q.prompt for q in from_xlsx.questions]


def test_the_template_script_reproduces_the_committed_files() -> None:
    sys.path.insert(0, str(TEMPLATES.parents[1] / "scripts"))
    try:
        import make_templates
    finally:
        sys.path.pop(0)
    assert make_templates.csv_bytes(make_templates.chinese_rows()) == (
        TEMPLATES / "question-template.csv").read_bytes()
    assert make_templates.csv_bytes(make_templates.english_rows()) == (
        TEMPLATES / "question-template-en.csv").read_bytes()
    assert make_templates.xlsx_bytes(make_templates.chinese_rows()) == TEMPLATE_XLSX


# --------------------------------------------------------------------------- CLI


def test_cli_validate_prints_path_row_message_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(("题型,题干,选项A,选项B,选项C,选项D,答案\n"
                      "单选,OK?,a,b,c,d,A\n"
                      "单选,Bad?,a,b,c,d,E\n"
                      '判断,"Two\nlines",,,,,maybe\n'
                      "单选题目,Q?,a,b,,,A\n").encode("utf-8-sig"))
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = [line for line in err.splitlines() if line.startswith(str(path))]
    assert len(lines) == 3
    pattern = re.compile(re.escape(str(path)) + r":(\d+)(?::\d+)?: (.+)")
    found = [pattern.fullmatch(line) for line in lines]
    assert all(found), lines
    assert [(int(m.group(1)), m.group(2).split(" ")[0]) for m in found if m] == [
        (3, "答案"), (4, "答案"), (5, "题型")]
    assert "答案 'E' names no option; this question has options A-D" in err
    assert not isolated_data_dir.exists()


# --------------------------------------------------------------------------- properties

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEMPLATE_CSV = (TEMPLATES / "question-template.csv").read_bytes()


def check(result: LoadResult, path: str) -> None:
    """What every parse result must satisfy, whatever the input."""
    assert isinstance(result, LoadResult)
    for problem in result.problems:
        assert isinstance(problem, Problem) and problem.path == path
        assert problem.line >= 0 and problem.message
    if result.question_set is None:
        assert result.problems, "no set and no problem says why"
        return
    assert result.question_set.questions or result.question_set.cards
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", result.question_set.id)
    problem_rows = {p.line for p in result.problems}
    for question in result.question_set.questions:
        assert question.line >= 1 and question.line not in problem_rows
        assert question.prompt.strip() and question.id.strip()
        if question.type == "single":
            assert sum(c.correct for c in question.choices) == 1
            assert len(question.choices) >= 2
        elif question.type == "multiple":
            assert any(c.correct for c in question.choices) and len(question.choices) >= 2
        elif question.type == "fill":
            assert question.accepted and all(question.accepted)
        else:
            assert question.type == "truefalse" and question.truth is not None
    for card in result.question_set.cards:
        assert card.front.strip() and card.back.strip() and card.line not in problem_rows


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    pieces = [b",", b'"', b"\n", b"\r", b";", b"\t", b"\xef\xbb\xbf", "、".encode(),
              "题型".encode(), b"=cmd|' /C calc'!A0", b"\x00", b"\xff"]
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(pieces) | st.binary(max_size=4))
        if action == "insert":
            data[at:at] = piece
        elif action == "delete":
            data[at:at + draw(st.integers(1, 40))] = b""
        else:
            data[at:at + len(piece)] = piece
    return bytes(data)


@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_never_raise(data: bytes) -> None:
    check(parse_csv(data, "random.csv"), "random.csv")
    check(parse_xlsx(data, "random.xlsx"), "random.xlsx")


@FUZZ
@given(data=mutated(TEMPLATE_CSV))
def test_mutated_valid_csv_never_raises(data: bytes) -> None:
    check(parse_csv(data, "mutated.csv"), "mutated.csv")


@FUZZ
@given(text=st.lists(st.sampled_from([
    "题型", "题干", "答案", "选项A", "选项B", "单选", "多选", "判断", "填空", "卡片", "A", "AC",
    "对", "x", ",", ",", '"', "\n", "\r\n", "|", "；", " ", "=1+1", "<b>"]) | st.text(max_size=4),
    max_size=80).map("".join))
def test_text_made_of_spreadsheet_syntax_never_raises(text: str) -> None:
    data = ("题型,题干,选项A,选项B,答案\n" + text).encode("utf-8")
    check(parse_csv(data, "syntax.csv"), "syntax.csv")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated(TEMPLATE_XLSX))
def test_mutated_xlsx_never_raises(data: bytes) -> None:
    check(parse_xlsx(data, "mutated.xlsx"), "mutated.xlsx")


def test_a_bug_in_the_row_reader_is_no_damaged_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only openpyxl's own failures mean "damaged"; an error of ours is raised as it is."""
    from openpyxl import Workbook

    from studyapp.core.questionsets import tabular

    book = Workbook()
    book.active.append(["题型", "题干", "答案"])
    book.active.append(["判断", "S.", "对"])
    buffer = io.BytesIO()
    book.save(buffer)

    def broken(self: object, rows: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(tabular._Reader, "read", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        parse_xlsx(buffer.getvalue(), "bank.xlsx")


def test_a_workbook_openpyxl_cannot_read_is_damaged() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    [problem] = parse_xlsx(out.getvalue(), "bank.xlsx").problems
    assert "damaged" in problem.message


def test_xlsx_values_read_as_openpyxl_gave_them() -> None:
    """The streaming reader gives each value as text: numbers without ".0", TRUE/FALSE,
    dates in ISO form, inline strings; empty rows are skipped, row numbers kept."""
    import datetime

    from openpyxl import Workbook

    from studyapp.core.questionsets.xlsx_reader import open_workbook
    from studyapp.core.questionsets.zipguard import open_zip

    book = Workbook()
    sheet = book.active
    sheet.append(["a", 3, 2.5, True, datetime.datetime(2024, 5, 6, 7, 8)])
    sheet.append([])
    sheet.append([None, None, "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    with open_zip(buffer.getvalue()) as archive:
        workbook = open_workbook(archive)
        [(_title, part)] = workbook.sheets
        assert list(workbook.rows(part)) == [
            (1, ["a", "3", "2.5", "TRUE", "2024-05-06T07:08:00"]), (3, ["", "", "x"])]


def test_a_million_empty_rows_are_skipped_without_reading_them() -> None:
    from studyapp.core.questionsets.xlsx_reader import _without_empty_rows

    xml = (b"<sheetData>" + b'<row r="1"><c r="A1"><v>1</v></c></row>'
           + b"".join(b'<row r="%d"/><row r="%d"><c r="A%d" s="1"/></row>' % (n, n, n)
                      for n in range(2, 50_000)) + b'<row r="60000"><c><v>2</v></c></row>'
           + b"</sheetData>")
    blocks = [xml[start:start + 1000] for start in range(0, len(xml), 1000)]
    assert b"".join(_without_empty_rows(blocks)) == (
        b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="60000"><c><v>2</v></c></row></sheetData>')


def test_a_shuffle_column_keeps_the_written_order_only_where_it_says_no() -> None:
    # Options that refer to each other ("(first)", "(second)") must not be shuffled; the
    # question editor writes this column for them when it exports a set as a spreadsheet.
    header = "编号,题型,题干,选项A,选项B,答案,选项乱序"
    kept, shuffled, default = loaded(f"{header}\nq1,单选,Which?,First,Second,A,否\n"
                                     "q2,单选,Which?,First,Second,A,是\n"
                                     "q3,单选,Which?,First,Second,A,\n")
    assert (kept.shuffle, shuffled.shuffle, default.shuffle) == (False, True, True)
    [(line, _column, message)] = problems_of(f"{header}\nq1,单选,Which?,First,Second,A,maybe\n")
    assert line == 2 and "选项乱序" in message and "'maybe'" in message
