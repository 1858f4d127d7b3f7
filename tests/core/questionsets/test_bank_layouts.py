"""Spreadsheets laid out like other question-bank systems' templates and exports.

Every column whose meaning is clear is used (序号, 分值, 题库名称, 科目名称, 课题, 领域,
知识标签, 整体解析, 选项A解析, 图片), the others are ignored with one warning each, and
what was read survives the store."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.questionsets import LoadResult, load_file
from studyapp.core.questionsets.tabular import fill_answers, parse_csv
from studyapp.core.store import open_store

# Like an online exam system's export: number, points, overall and per-option explanations,
# grouping columns, and columns StudyApp has no use for (年级, 学期).
EXAM_SYSTEM = (
    "序号,题型,题干,选项A,选项B,选项C,选项D,正确答案,分值,整体解析,选项A解析,选项B解析,"
    "选项C解析,选项D解析,课题,领域,年级,学期,图片URL,知识标签\n"
    "2,多选题,创新能力包括哪些?,学习,实践,守旧,调研,A B D,4,三者都是。,对,对,守旧不是,对,"
    "创新能力,领导力,高一,上学期,,学习;实践\n"
    "1,单选题,哪一项是源头?,实践,空谈,,,A,2,实践是源头。,是的,不对,,,创新能力,领导力,高一,"
    "上学期,https://example.com/q1.png,实践\n"
    "3,判断题,实践出真知。,,,,,√,1,,,,,,创新能力,领导力,高一,上学期,,\n"
    "4,填空题,____是____的源头。,,,,,(实践)(认识),2.5,,,,,,创新能力,领导力,高一,上学期,,\n"
    "5,选择题,选出正确的两项,甲,乙,丙,,\"A,C\",2,,,,,,创新能力,领导力,高一,上学期,,\n"
    "6,不定项,选出正确的,甲,乙,丙,,B,2,,,,,,创新能力,领导力,高一,上学期,,\n"
    "7,判断题,空谈可以兴邦。,,,,,错误,1,,,,,,创新能力,领导力,高一,上学期,,\n"
)

# Like a bank-management template: the bank and subject name the set.
BANK_TEMPLATE = (
    "题库名称,科目名称,题号,题目类型,题目内容,A,B,C,D,答案,分数,解析,难易程度,出题人\n"
    "干部培训题库,创新能力,1,单选,哪个对?,甲,乙,丙,丁,C,2分,丙对。,易,王老师\n"
    "干部培训题库,创新能力,2,判断,这是对的。,,,,,对,1,,中等,王老师\n"
    "干部培训题库,创新能力,3,填空,调查研究是____。,,,,,基本功|基本方法,3,,难,王老师\n"
)

# An English export.
ENGLISH = (
    "No.,Question Type,Question,Option A,Option B,Option C,Correct Answer,Points,Explanation,"
    "Option A Feedback,Option B Feedback,Topic,Grade,Image\n"
    "1,single,Which one?,one,two,three,B,5,Two it is.,Not one.,Yes.,Counting,7,pic.png\n"
    "2,truefalse,Sky is blue.,,,,T,1,,,,Counting,7,missing.png\n"
)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def warnings_of(result: LoadResult) -> list[tuple[int, int | None, str]]:
    return [(w.line, w.column, w.message) for w in result.warnings]


def test_an_exam_system_export_imports_with_warnings_only(tmp_path: Path) -> None:
    result = load_file(write(tmp_path, "exam.csv", EXAM_SYSTEM))
    assert result.problems == []
    assert result.ok
    assert warnings_of(result) == [
        (1, 17, "column '年级' ignored: it means nothing to StudyApp; the columns StudyApp "
                "reads are listed in docs/question-format.md"),
        (1, 18, "column '学期' ignored: it means nothing to StudyApp; the columns StudyApp "
                "reads are listed in docs/question-format.md"),
        (3, 19, "图片URL 'https://example.com/q1.png' is a web address; StudyApp never "
                "downloads anything, so the question is imported without its picture (save "
                "the picture next to the file and write its file name instead)"),
    ]
    assert all(str(w).startswith(f"{tmp_path / 'exam.csv'}:") and ": warning: " in str(w)
               for w in result.warnings)
    qs = result.question_set
    assert qs is not None
    # 序号 orders the questions and seeds their ids.
    assert [q.id for q in qs.questions] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [q.type for q in qs.questions] == [
        "single", "multiple", "truefalse", "fill", "multiple", "multiple", "truefalse"]
    first, second, third, fourth = qs.questions[:4]
    assert [q.points for q in qs.questions] == [2, 4, 1, 2.5, 2, 2, 1]
    assert first.tags == ["创新能力", "领导力", "实践"]
    assert second.tags == ["创新能力", "领导力", "学习", "实践"]
    assert second.explanation == "三者都是。"
    assert [(c.correct, c.feedback) for c in second.choices] == [
        (True, "对"), (True, "对"), (False, "守旧不是"), (True, "对")]
    assert [c.feedback for c in first.choices] == ["是的", "不对"]
    assert first.image == ""  # a URL is never kept, never fetched
    assert third.truth is True and qs.questions[6].truth is False
    assert fourth.blanks == [["实践"], ["认识"]]
    assert qs.title == "exam"  # no single bank or subject name: the file names the set
    assert dict(result.columns)["分值"] == "points"
    assert dict(result.columns)["年级"] == "ignored"
    assert dict(result.columns)["选项A解析"] == "option A feedback"
    assert [header for header, _ in result.columns][:3] == ["序号", "题型", "题干"]


def test_points_tags_notes_and_pictures_survive_the_store(tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(PNG)
    path = write(tmp_path, "english.csv", ENGLISH)
    result = load_file(path)
    assert result.problems == [], result.problems
    assert [(line, message.split(";")[0]) for line, _, message in warnings_of(result)] == [
        (1, "column 'Grade' ignored: it means nothing to StudyApp"),
        (3, "Image 'missing.png': no such picture file next to the question file"),
    ]
    exam = load_file(write(tmp_path, "exam.csv", EXAM_SYSTEM))
    assert result.question_set is not None and exam.question_set is not None
    store = open_store(tmp_path / "data", "default")
    try:
        store.question_sets.import_sets([(result.question_set, "x"), (exam.question_set, "y")])
        english = store.question_sets.get(result.question_set.id)
        stored = store.question_sets.get(exam.question_set.id)
    finally:
        store.close()
    one = english.questions[0]
    assert (one.points, one.tags, one.explanation) == (5, ["Counting"], "Two it is.")
    assert [c.feedback for c in one.choices] == ["Not one.", "Yes.", ""]
    assert one.image == "pictures/" + hashlib.sha256(PNG).hexdigest()[:32] + ".png"
    assert english.questions[1].image == ""
    assert [q.points for q in stored.questions] == [2, 4, 1, 2.5, 2, 2, 1]
    assert stored.questions[1].tags == ["创新能力", "领导力", "学习", "实践"]
    assert [c.feedback for c in stored.questions[1].choices] == ["对", "对", "守旧不是", "对"]
    assert stored.questions[3].blanks == [["实践"], ["认识"]]


def test_a_bank_template_names_the_set_and_reads_points_with_units(tmp_path: Path) -> None:
    result = load_file(write(tmp_path, "bank.csv", BANK_TEMPLATE))
    assert result.problems == []
    assert [w.message.split(":")[0] for w in result.warnings] == ["column '出题人' ignored"]
    qs = result.question_set
    assert qs is not None
    assert qs.title == "干部培训题库"
    assert [q.id for q in qs.questions] == ["1", "2", "3"]
    assert [q.points for q in qs.questions] == [2, 1, 3]
    assert qs.questions[0].tags == ["干部培训题库", "创新能力"]
    assert [q.difficulty for q in qs.questions] == [1, 3, 5]
    # One blank with two accepted answers (the prompt has one ____).
    assert (qs.questions[2].accepted, qs.questions[2].blanks) == (["基本功", "基本方法"], [])


def test_the_same_layout_as_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in BANK_TEMPLATE.splitlines():
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row.split(",")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "bank.xlsx"
    path.write_bytes(buffer.getvalue())
    result = load_file(path)
    assert result.problems == []
    assert result.question_set is not None
    assert [q.points for q in result.question_set.questions] == [2, 1, 3]
    assert result.question_set.title == "干部培训题库"


@pytest.mark.parametrize(("row", "expected"), [
    ("1,单选,Q?,a,b,A,0", (2, 7, "分值 '0' must be a number above 0 and at most 1000, e.g. 2 or "
                               "0.5 (the question's weight in an exam score)")),
    ("1,单选,Q?,a,b,A,很多", (2, 7, "分值 '很多' must be a number above 0 and at most 1000, e.g. "
                                "2 or 0.5 (the question's weight in an exam score)")),
    ("1,单选,Q?,a,b,X,1", (2, 6, "答案 'X' names no option; this question has options A-B")),
    ("1,选择题,Q?,a,b,AC,1", (2, 6, "答案 'AC' names C, which is no option; this question has "
                                 "options A-B")),
])
def test_values_that_cannot_be_understood_are_precise_problems(
        row: str, expected: tuple[int, int, str]) -> None:
    result = parse_csv(f"序号,题型,题干,选项A,选项B,答案,分值\n{row}\n".encode(), "b.csv")
    assert [(p.line, p.column, p.message) for p in result.problems] == [expected]


def test_a_note_for_an_option_that_is_not_there_is_a_problem() -> None:
    result = parse_csv("题型,题干,选项A,选项B,答案,选项C解析\n单选,Q?,a,b,A,note\n".encode(),
                       "b.csv")
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, 6, "选项C解析 has text but 选项C is empty; a note belongs to an option")]


def test_numbers_that_are_codes_are_the_ids_and_keep_the_file_order() -> None:
    result = parse_csv("题号,题型,题干,答案\nT-2,判断,S.,对\n1,判断,T.,错\n第3题,判断,U.,对\n"
                       .encode(), "b.csv")
    assert result.problems == [] and result.warnings == []
    assert result.question_set is not None
    assert [q.id for q in result.question_set.questions] == ["T-2", "1", "3"]


def test_duplicate_numbers_are_duplicate_ids(tmp_path: Path) -> None:
    text = "序号,题型,题干,答案\n1,判断,S.,对\n1,判断,T.,错\n"
    result = load_file(write(tmp_path, "b.csv", text))
    assert [p.message.split(":")[0] for p in result.problems] == ["id '1' is used twice"]


@pytest.mark.parametrize(("answer", "prompt", "expected"), [
    ("(实践)(认识)", "____和____", (["实践；认识"], [["实践"], ["认识"]])),
    ("（实践）（认识）", "（ ）和（ ）", (["实践；认识"], [["实践"], ["认识"]])),
    ("(实践|practice)(认识)", "x", (["实践；认识"], [["实践", "practice"], ["认识"]])),
    ("实践|认识", "____和____", (["实践；认识"], [["实践"], ["认识"]])),
    ("实践|practice", "____是源头", (["实践", "practice"], [])),
    ("(实践)", "____", (["实践"], [])),
    ("()(x)", "____", ([], [])),
])
def test_fill_answer_notations(answer: str, prompt: str, expected: Any) -> None:
    assert fill_answers(answer, prompt) == expected


def test_validate_prints_warnings_apart_and_exits_0(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from studyapp.app import main

    path = write(tmp_path, "exam.csv", EXAM_SYSTEM)
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: ok, 7 questions, 0 cards, 3 warnings\n"
    assert err.splitlines() == [
        f"{path}:1:17: warning: column '年级' ignored: it means nothing to StudyApp; the "
        "columns StudyApp reads are listed in docs/question-format.md",
        f"{path}:1:18: warning: column '学期' ignored: it means nothing to StudyApp; the "
        "columns StudyApp reads are listed in docs/question-format.md",
        f"{path}:3:19: warning: 图片URL 'https://example.com/q1.png' is a web address; "
        "StudyApp never downloads anything, so the question is imported without its picture "
        "(save the picture next to the file and write its file name instead)",
    ]
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "7 added" in out and err.count(": warning: ") == 3


def test_problems_come_before_warnings_on_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from studyapp.app import main

    path = write(tmp_path, "b.csv", "题型,题干,答案,年级\n单选,Q?,,高一\n")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [": warning: " in line for line in err] == [False, False, True, False]
    assert err[-1] == "2 problem(s) found; fix them and validate again."


@pytest.mark.parametrize("header", [
    "题目类型,题目标题,选项1,选项2,选项3,正确选项,试题分数,分类,答题解析",
    "试题题型,试题题干,A选项,B选项,C选项,答案选项,每题分值,题目分类,试题分析",
    "Question Type,Question Text,Option 1,Option 2,Option 3,Correct Answers,Score,Category,"
    "Explanation",
])
def test_other_systems_header_names(header: str) -> None:
    result = parse_csv(f"{header}\n多选题,Which?,a,b,c,AC,3,创新,Because.\n".encode(), "b.csv")
    assert result.problems == [] and result.warnings == []
    assert result.question_set is not None
    (question,) = result.question_set.questions
    assert [c.correct for c in question.choices] == [True, False, True]
    assert (question.points, question.tags, question.explanation) == (3, ["创新"], "Because.")


def test_a_workbook_with_a_sheet_per_type(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes.append(["请按模板填写，每个工作表一种题型。"])
    sheets = {
        "单选题": [["序号", "题干", "选项A", "选项B", "答案", "分值"],
                 [1, "Which?", "a", "b", "B", 2], [2, "Other?", "a", "b", "A", 2]],
        "多选题": [["序号", "题干", "选项A", "选项B", "选项C", "答案", "分值"],
                 [1, "Which ones?", "a", "b", "c", "AC", 3]],
        "判断": [["序号", "题干", "答案", "年级"], [1, "True?", "对", "高一"],
               [2, "False?", "也许", ""]],
    }
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "bank.xlsx"
    path.write_bytes(buffer.getvalue())
    result = load_file(path)
    assert [str(p) for p in result.problems] == [
        f"{path}:3:3: sheet '判断': 答案 '也许' is not true or false; for a 判断 question "
        "write 正确 or 错误 (also 对/错, √/×, T/F, true/false, 是/否, yes/no)"]
    assert [(w.line, w.message.split(":")[0] + ":" + w.message.split(":")[1])
            for w in result.warnings] == [
        (0, "sheet '说明' is not read: it has no header row of question columns"),
        (1, "sheet '判断': column '年级' ignored")]
    assert result.question_set is not None
    assert [(q.id, q.type, q.points) for q in result.question_set.questions] == [
        ("2-1", "single", 2), ("2-2", "single", 2), ("3-1", "multiple", 3),
        ("4-1", "truefalse", None)]


def test_a_workbook_with_too_many_sheets_is_one_problem() -> None:
    from openpyxl import Workbook

    from studyapp.core.questionsets.tabular import parse_xlsx

    workbook = Workbook()
    workbook.active.title = "单选题"
    for number in range(60):
        workbook.create_sheet(f"Sheet{number}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_xlsx(buffer.getvalue(), "many.xlsx")
    assert result.question_set is None
    assert [p.message for p in result.problems] == [
        "the workbook has 61 sheets; a bank read sheet by sheet may have at most 50 (split it "
        "into files)"]


def test_pictures_are_copied_into_the_profile_on_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from studyapp.app import main
    from studyapp.core.paths import profile_path
    from studyapp.core.questionsets.pictures import picture_file

    bank = tmp_path / "bank"
    (bank / "img").mkdir(parents=True)
    (bank / "img" / "q1.PNG").write_bytes(PNG)
    path = write(bank, "bank.csv", "题型,题干,答案,图片\n判断,看图。,对,img/q1.PNG\n"
                                   "判断,无图。,错,\n")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(path)]) == 0
    capsys.readouterr()
    database = profile_path(data, "default")
    store = open_store(data, "default")
    try:
        stored = store.question_sets.get("bank")
    finally:
        store.close()
    with_picture, without = stored.questions
    assert without.image == ""
    found = picture_file(database, with_picture.image)
    assert found is not None and found.read_bytes() == PNG
    assert found.parent == database.with_name("default.pictures")
    # The bank moved elsewhere: its questions are unchanged (the picture is named by its
    # content, not its place), and the profile keeps its copy when the bank's is gone.
    moved = tmp_path / "elsewhere"
    bank.rename(moved)
    with open(moved / "bank.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")  # other bytes, the same questions
    assert main(["--data-dir", str(data), "import", str(moved / "bank.csv")]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out
    (moved / "img" / "q1.PNG").unlink()
    assert picture_file(database, with_picture.image) == found
    assert picture_file(database, "pictures/../../etc/passwd") is None
    assert picture_file(database, "/etc/passwd") is None
