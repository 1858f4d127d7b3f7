"""Word-style question papers (.txt and .docx): every layout trainers type, every mistake at
its line, hostile .docx files refused, and the template paper."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.questionsets import LoadResult, detect_format, load_file
from studyapp.core.questionsets.paper import looks_like_paper, parse, parse_docx
from studyapp.core.store import open_store

TEMPLATES = Path(__file__).parents[3] / "questions" / "templates"
MOODLE = Path(__file__).parents[2] / "fixtures" / "moodle"

# Every type, full-width and half-width punctuation mixed as trainers type them.
PAPER = """创新能力测试卷
姓名：________  班级：________

一、单选题（每题2分，共4分）
1. 实践是认识的（ ）。
A. 来源  B. 目的  C. 结果  D. 方法
答案：A
解析：实践是认识的来源，
也是认识的目的。
2、下列哪项正确（3分）
A、学习
B、空谈
【答案】A
二、多选题
1．创新能力包括哪些？
Ａ．学习　Ｂ．实践　Ｃ．守旧　Ｄ．调研
正确答案：ABD
【解析】守旧不是。
（2）选出两项
(A) 甲
(B) 乙
(C) 丙
答案: A C
三、判断题
第1题 实践出真知。（ ）
答案：√
2. 空谈可以兴邦。
答案：错误
3) 调查研究是基本功。
A. 正确
B. 错误
答案：A
四、填空题（每小题1分）
1. ____是____的源头。
答案：(实践)(认识)
2. 调查研究是（　　）。
答案：基本功|基本方法
3. 创新要（ ）和（ ）。
答案：（解放思想）（实事求是）
五、选择题
1. 选两个 A.一 B.二 C.三 答案：AB
2. 选一个
A)一
B)二
答案:B
【难度】3
【知识点】数数、选择
"""


def loaded(text: str, path: str = "paper.txt") -> LoadResult:
    result = parse(text, path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.question_set is not None
    return result


def problems(result: LoadResult) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in result.problems]


def test_a_paper_of_every_type_with_both_punctuations_imports(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    assert detect_format(path) == "paper"
    result = load_file(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert [w.message for w in result.warnings] == [
        "line 2 is before the first question and not read (the first line, '创新能力测试卷', "
        "is the title)"]
    qs = result.question_set
    assert qs is not None and qs.title == "创新能力测试卷" and qs.format == "paper"
    by_id = {q.id: q for q in qs.questions}
    assert list(by_id) == ["s1-q1", "s1-q2", "s2-q1", "s2-q2", "s3-q1", "s3-q2", "s3-q3",
                           "s4-q1", "s4-q2", "s4-q3", "s5-q1", "s5-q2"]
    first = by_id["s1-q1"]
    assert (first.type, first.prompt, first.points) == ("single", "实践是认识的（ ）。", 2)
    assert [(c.text, c.correct) for c in first.choices] == [
        ("来源", True), ("目的", False), ("结果", False), ("方法", False)]
    assert first.explanation == "实践是认识的来源，\n也是认识的目的。"
    assert (by_id["s1-q2"].prompt, by_id["s1-q2"].points) == ("下列哪项正确", 3)
    many = by_id["s2-q1"]
    assert many.type == "multiple" and [c.correct for c in many.choices] == [
        True, True, False, True]
    assert [c.text for c in many.choices] == ["学习", "实践", "守旧", "调研"]
    assert many.explanation == "守旧不是。"
    assert [c.correct for c in by_id["s2-q2"].choices] == [True, False, True]
    assert [by_id[f"s3-q{n}"].truth for n in (1, 2, 3)] == [True, False, True]
    assert all(by_id[f"s3-q{n}"].type == "truefalse" for n in (1, 2, 3))
    assert by_id["s4-q1"].blanks == [["实践"], ["认识"]]
    assert by_id["s4-q1"].points == 1
    assert by_id["s4-q2"].accepted == ["基本功", "基本方法"]
    assert by_id["s4-q3"].blanks == [["解放思想"], ["实事求是"]]
    assert by_id["s5-q1"].type == "multiple"
    assert by_id["s5-q1"].prompt == "选两个"
    last = by_id["s5-q2"]
    assert (last.type, last.difficulty, last.tags) == ("single", 3, ["数数", "选择"])
    # ... and it survives the store.
    store = open_store(tmp_path / "data", "default")
    try:
        store.question_sets.import_sets([(qs, "x")])
        stored = store.question_sets.get(qs.id)
    finally:
        store.close()
    assert [(q.id, q.type, q.points) for q in stored.questions] == [
        (q.id, q.type, q.points) for q in qs.questions]
    assert stored.questions[7].blanks == [["实践"], ["认识"]]


def test_numbers_unique_across_the_paper_give_plain_ids() -> None:
    result = loaded("1. One?\nA. a\nB. b\nAnswer: B\n\n2. Two is even.\nAnswer: T\n"
                    "3. The source is ____.\nAnswer: practice\n")
    qs = result.question_set
    assert qs is not None
    assert [(q.id, q.type) for q in qs.questions] == [
        ("q1", "single"), ("q2", "truefalse"), ("q3", "fill")]


def test_an_english_paper_with_part_headings() -> None:
    qs = loaded("Week 3 quiz\n\nPart 1: Single choice (2 points each)\n1. Which one?\n"
                "A) one\nB) two\nAnswer: B\n\nPart 2: True or false\n1. The sky is blue.\n"
                "Answer: T\n\nSection 3. Fill in the blanks\n1. Innovation comes from ____.\n"
                "Answer: practice\nExplanation: the report says so.\n").question_set
    assert qs is not None and qs.title == "Week 3 quiz"
    assert [(q.id, q.type, q.points) for q in qs.questions] == [
        ("s1-q1", "single", 2), ("s2-q1", "truefalse", None), ("s3-q1", "fill", None)]
    assert qs.questions[2].explanation == "the report says so."


def test_a_line_that_only_looks_like_a_heading_is_text() -> None:
    qs = loaded("1. Say whether\nchoice\nA. yes\nB. no\n答案：A\n").question_set
    assert qs is not None and qs.questions[0].prompt == "Say whether choice"


def test_an_answer_written_in_the_prompts_parentheses() -> None:
    qs = loaded("1. 实践是认识的（ A ）。\nA. 来源\nB. 目的\n").question_set
    assert qs is not None
    question = qs.questions[0]
    assert question.prompt == "实践是认识的（ ）。"
    assert [c.correct for c in question.choices] == [True, False]


BAD = """A. 没有题目的选项
B. 另一个
答案：A
一、单选题
1. 没有答案
A. 甲
B. 乙
2. 答案不存在
A. 甲
B. 乙
答案：E
3. 单选多答
A. 甲
B. 乙
答案：AB
4. 选项乱序
A. 甲
C. 乙
答案：A
5. 只有一个选项
A. 甲
答案：A
6. 两个答案
A. 甲
B. 乙
答案：A
答案：B
这一行不属于任何题
二、判断题
1. 不对错
答案：也许
2. 有选项的判断
A. 也许
B. 不知道
答案：A
三、简答题
1. 什么是创新？
答案：略
四、填空题
1. ____是源头
答案：
2. 填空却有选项
A. 甲
B. 乙
答案：甲
五、单选题
1. 好的题目
A. 甲
B. 乙
答案：B
【分值】很多
"""


def test_a_paper_with_mistakes_gets_every_mistake_with_its_line() -> None:
    result = parse(BAD, "bad.txt")
    assert problems(result) == [
        (1, "option 'A. 没有题目的选项' has no question before it; number the question (e.g. "
            "'1. ...') and put its options before its 答案 line"),
        (3, "答案 'A' has no question before it; number the question (e.g. '1. ...') above its "
            "options"),
        (5, "question 1 has no answer; add a line 答案：B after its options"),
        (11, "答案 'E' of question 2 names E, which is no option; it has options A-B"),
        (15, "question 3 is a 单选题 and has one answer, but 答案 'AB' names 2 options; put it "
             "under a 多选题 heading or give one letter"),
        (18, "option C of question 4 comes where option B should be; letter the options A, B, "
             "C... in order"),
        (20, "question 5 needs at least 2 options (A. ... B. ...); it has 1"),
        (27, "question 6 has a second answer line (the first is on line 26); keep one"),
        (28, "'这一行不属于任何题' after the answer of question 6 belongs to no question; number "
             "it if it is a question (e.g. '1. ...'), or start it with 解析： if it explains the "
             "answer"),
        (31, "答案 '也许' of question 1 is not true or false; write 对 or 错 (also 正确/错误, "
             "√/×, T/F)"),
        (33, "question 2 is a 判断题 and has no options (or only 正确/错误); remove the options"),
        (36, "'三、简答题': StudyApp cannot mark these questions automatically (open, matching "
             "or ordering questions); the questions under this heading are left out. Papers "
             "hold 单选题, 多选题, 选择题, 判断题 and 填空题; put other types in a YAML file"),
        (41, "the 答案 of question 1 is empty; write it, e.g. 答案：实践"),
        (43, "question 2 is a 填空题 and has no options; remove them, or put it under a 单选题 "
             "heading"),
        (51, "分值 '很多' must be a number above 0 and at most 1000, e.g. 2 or 0.5"),
    ], problems(result)
    assert result.question_set is None or all(
        q.id != "s5-q1" for q in result.question_set.questions)


def test_a_paper_with_mistakes_imports_nothing_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from studyapp.app import main

    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "import", "--format", "paper",
                 str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5: question 1 has no answer" in err
    assert "nothing was imported" in err


@pytest.mark.parametrize(("text", "expected"), [
    ("", "the paper is empty; start from questions/templates/question-paper-template.txt"),
    ("just some words\nand more\n", "no questions found: number each question (1. 2. ...), "
                                    "put its options on lines A. B. ... and its answer on a "
                                    "line 答案：A"),
])
def test_empty_papers(text: str, expected: str) -> None:
    result = parse(text, "p.txt")
    assert result.question_set is None
    assert [p.message for p in result.problems] == [expected]


def test_instructions_under_a_heading_are_one_warning() -> None:
    result = loaded("一、单选题\n说明：每题只有一个正确答案。\n请用铅笔作答。\n1. Q?\nA. a\nB. b\n"
                    "答案：A\n")
    assert [(w.line, w.message) for w in result.warnings] == [
        (2, "'说明：每题只有一个正确答案。' under the heading '一、单选题' is not read (it is no "
            "question)")]


def test_txt_detection_keeps_aiken_and_gift() -> None:
    for name, kind in (("aiken-questions.txt", "aiken"), ("gift-examples.gift", "gift")):
        text = (MOODLE / name).read_text(encoding="utf-8")
        assert detect_format("x.txt", text) == kind
    assert detect_format("x.txt", "1. Q?\nA. a\nB. b\n答案：A\n") == "paper"
    assert detect_format("x.txt", "1. Q? {=a ~b}\n答案：A\n") == "gift"
    assert detect_format("x.docx") == "paper"
    assert not looks_like_paper("Some prose.\nMore prose.\n")


# --------------------------------------------------------------------------- the answer key


def test_an_answer_key_at_the_end_under_the_same_headings() -> None:
    qs = loaded("期末测试\n一、单选题\n1. 实践是认识的（ ）。\nA. 来源 B. 目的\n2. 哪个对？\n"
                "A. 甲 B. 乙 C. 丙\n二、判断题\n1. 实践出真知。\n2. 空谈兴邦。\n三、填空题\n"
                "1. ____是源头。\n\n参考答案\n一、1.A 2.C\n二、1-2 √×\n三、1. 实践\n"
                "解析：实践是源头。\n").question_set
    assert qs is not None
    assert [(q.id, q.type) for q in qs.questions] == [
        ("s1-q1", "single"), ("s1-q2", "single"), ("s2-q1", "truefalse"),
        ("s2-q2", "truefalse"), ("s3-q1", "fill")]
    assert [c.correct for c in qs.questions[1].choices] == [False, False, True]
    assert [qs.questions[2].truth, qs.questions[3].truth] == [True, False]
    assert (qs.questions[4].accepted, qs.questions[4].explanation) == (["实践"], "实践是源头。")


def test_an_answer_key_by_number_with_ranges() -> None:
    qs = loaded("1. Q1?\nA. a B. b\n2. Q2?\nA. a B. b C. c\n3. 实践出真知。\n4. ____是源头。\n"
                "5. 多选\nA. 甲 B. 乙 C. 丙\n【参考答案】\n1～3：AC√ 4. 实践 5.AB\n").question_set
    assert qs is not None
    assert [q.type for q in qs.questions] == ["single", "single", "truefalse", "fill",
                                             "multiple"]
    assert [c.correct for c in qs.questions[4].choices] == [True, True, False]


def test_mistakes_in_an_answer_key_are_reported_at_their_line() -> None:
    result = parse("1. Q1?\nA. a B. b\n2. Q2?\nA. a B. b\n答案：A\n3. Q3?\nA. a B. b\n"
                   "参考答案：1-2 A 3.B\n4.A\n这不是答案\n2. B\n", "k.txt")
    assert problems(result) == [
        (1, "question 1 has no answer; add a line 答案：B after its options"),
        (8, "answer key '1-2 A': 1-2 needs 2 answers, one letter or √/× each; it has 1"),
        (9, "the answer key gives an answer to question 4, but the paper has no question 4"),
        (10, "'这不是答案' in the answer key is no answer; write e.g. 1.A 2.B, or 1-5 ABCDA"),
        (11, "the answer key gives question 2 the answer 'B', but line 5 gives 'A'; keep one"),
    ]
    restarted = parse("一、单选题\n1. Q?\nA. a B. b\n二、单选题\n1. R?\nA. a B. b\n参考答案\n"
                      "1.A\n", "k.txt")
    assert (8, "the question numbers start again under each heading, so the answer key needs "
               "the headings too (一、 二、 ...) before its answers") in problems(restarted)


# --------------------------------------------------------------------------- .docx


def make_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_paper_imports_with_paragraph_numbers(tmp_path: Path) -> None:
    path = tmp_path / "paper.docx"
    path.write_bytes(make_docx(PAPER.splitlines()))
    result = load_file(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.question_set is not None
    assert len(result.question_set.questions) == 12
    assert result.question_set.format == "paper"
    bad = tmp_path / "bad.docx"
    bad.write_bytes(make_docx(BAD.splitlines()))
    assert [p.line for p in load_file(bad).problems] == [line for line, _ in
                                                         problems(parse(BAD, "x"))]


def test_docx_soft_line_breaks_are_lines() -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("1. Q?")
    paragraph.add_run().add_break()
    paragraph.add_run("A. a")
    document.add_paragraph("B. b\n答案：B")
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse_docx(buffer.getvalue(), "p.docx")
    assert result.problems == []
    assert result.question_set is not None
    assert [c.correct for c in result.question_set.questions[0].choices] == [False, True]


def test_word_automatic_numbering_counts_as_typed() -> None:
    """Questions, options and headings numbered by Word's lists (not typed) are read too."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    formats = {"90": ("chineseCounting", "%1、"), "91": ("decimal", "%1."),
               "92": ("upperLetter", "%1.")}
    for list_id, (kind, text) in formats.items():
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="{kind}"/><w:lvlText w:val="{text}"/>'
            "</w:lvl></w:abstractNum>"))
    instances = {"heading": "90", "question": "91", "options 1": "92", "options 2": "92"}
    for number, (_, abstract) in enumerate(instances.items(), start=90):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}">'
                                   f'<w:abstractNumId w:val="{abstract}"/></w:num>'))

    def numbered(text: str, list_id: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/>'
            "</w:numPr>"))

    numbered("单选题", 90)
    numbered("Which one?", 91)
    numbered("one", 92)
    numbered("two", 92)
    document.add_paragraph("答案：B")
    numbered("判断题", 90)
    numbered("It is true.", 91)
    document.add_paragraph("答案：对")
    numbered("多选题", 90)
    numbered("Which ones?", 91)
    numbered("one", 93)  # a new list: its letters start again at A
    numbered("two", 93)
    numbered("three", 93)
    document.add_paragraph("答案：AC")
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse_docx(buffer.getvalue(), "numbered.docx")
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.question_set is not None
    assert [(q.id, q.type, q.prompt) for q in result.question_set.questions] == [
        ("q1", "single", "Which one?"), ("q2", "truefalse", "It is true."),
        ("q3", "multiple", "Which ones?")]
    assert [c.correct for c in result.question_set.questions[2].choices] == [True, False, True]


def zip_bomb() -> bytes:
    """A .docx whose document.xml declares and inflates to 300 MB of zeros (300 KB packed)."""
    real = make_docx(["1. Q?", "A. a", "B. b", "答案：A"])
    source = zipfile.ZipFile(io.BytesIO(real))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with target.open("word/document.xml", "w", force_zip64=True) as member:
                    block = b"\0" * (1 << 20)
                    for _ in range(300):
                        member.write(block)
            else:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def test_a_zip_bomb_docx_is_refused_with_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb())
    assert path.stat().st_size < 2_000_000
    start = time.perf_counter()
    result = load_file(path)
    assert time.perf_counter() - start < 5
    assert result.question_set is None
    ((line, message),) = problems(result)
    assert line == 0 and message.startswith("this Word file was not opened: the part "
                                            "'word/document.xml' inflates to 300 MB")


@pytest.mark.parametrize(("data", "start"), [
    (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "this is an old Word 97-2003 (.doc) file"),
    (b"1. Q?\nA. a\n", "this is not a Word .docx document"),
    (b"PK\x03\x04garbage", "this Word file was not opened: the file is damaged"),
])
def test_other_files_named_docx_are_one_problem(tmp_path: Path, data: bytes, start: str) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    result = load_file(path)
    assert result.question_set is None
    assert [p.message[:len(start)] for p in result.problems] == [start]


def replace_document(data: bytes, xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename,
                            xml if info.filename == "word/document.xml" else content)
    return out.getvalue()


def test_entity_expansion_in_a_docx_goes_nowhere() -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">' + laughs + "]>"
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>1. &l9;</w:t></w:r></w:p></w:body></w:document>")
    start = time.perf_counter()
    result = parse_docx(replace_document(make_docx(["x"]), xml.encode()), "lol.docx")
    assert time.perf_counter() - start < 5
    assert result.question_set is None and len(result.problems) == 1
    assert len(result.problems[0].message) < 300


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_docx_never_raises(data: st.DataObject) -> None:
    original = make_docx(["1. Q?", "A. a", "B. b", "答案：A"])
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        mutated[data.draw(st.integers(0, len(mutated) - 1))] = data.draw(st.integers(0, 255))
    result = parse_docx(bytes(mutated), "m.docx")
    assert isinstance(result, LoadResult)
    assert result.question_set is not None or result.problems


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert [p.message.split(":")[0] for p in parse_docx(out.getvalue(), "x.docx").problems] == [
        "this Word file cannot be read"]
    damaged = make_docx(["1. Q?"]).replace(b"word/document.xml", b"word/documenX.xml")
    assert parse_docx(damaged, "x.docx").question_set is None


def test_importing_the_parser_does_not_import_python_docx() -> None:
    import subprocess

    code = ("import sys; import studyapp.core.questionsets.paper; "
            "print('docx' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert output.strip() == "False"


# --------------------------------------------------------------------------- the template


def test_the_template_papers_import_cleanly() -> None:
    for name in ("question-paper-template.txt", "question-paper-template.docx"):
        result = load_file(TEMPLATES / name)
        assert result.problems == [], [str(p) for p in result.problems]
        assert result.warnings == []
        assert result.question_set is not None
        types = {q.type for q in result.question_set.questions}
        assert types == {"single", "multiple", "truefalse", "fill"}


def test_the_template_script_reproduces_the_docx_paper() -> None:
    sys.path.insert(0, str(TEMPLATES.parents[1] / "scripts"))
    try:
        import make_templates
    finally:
        sys.path.pop(0)
    assert make_templates.docx_bytes(make_templates.paper_lines()) == (
        TEMPLATES / "question-paper-template.docx").read_bytes()


def test_the_example_in_the_documentation_imports() -> None:
    doc = (TEMPLATES.parents[1] / "docs" / "question-format.md").read_text(encoding="utf-8")
    start = doc.index("```\n创新能力测试卷") + 4
    result = parse(doc[start:doc.index("```", start)], "example.txt")
    assert result.problems == [] and result.warnings == []
    assert result.question_set is not None
    assert [q.type for q in result.question_set.questions] == [
        "single", "single", "multiple", "truefalse", "truefalse", "fill", "fill", "multiple"]


# --------------------------------------------------------------------------- fuzz

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYNTAX = ["1. ", "2、", "（3）", "第4题 ", "A. ", "B、", "C．", "D)", "(A) ", "答案：", "【答案】",
          "正确答案:", "解析：", "【解析】", "一、单选题", "二、多选题（每题2分）", "三、判断题",
          "四、填空题", "五、简答题", "选择题", "（ ）", "____", "(x)(y)", "|", "√", "×", "对",
          "错", "AB", "A C", "【分值】", "2分", "【难度】", "【知识点】", "\n", "\n", "\n", " ",
          "\u3000", "Ａ．", "ANSWER: ", "{", "}", "::", "\t", "\r\n", "参考答案", "【参考答案】",
          "1-5 ", "1～3：", "ABCDA", "一、", "二、1.A 2.B", "√×√"]
paper_text = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=4), max_size=80).map("".join)


def check(result: LoadResult, text: str) -> None:
    assert isinstance(result, LoadResult)
    last_line = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for problem in [*result.problems, *result.warnings]:
        assert 0 <= problem.line <= last_line and problem.message
    if result.question_set is None:
        assert result.problems
        return
    questions = result.question_set.questions
    assert questions
    for question in questions:
        assert 1 <= question.line <= last_line and question.prompt
        if question.type == "single":
            assert sum(c.correct for c in question.choices) == 1 and len(question.choices) >= 2
        elif question.type == "multiple":
            assert any(c.correct for c in question.choices) and len(question.choices) >= 2
        elif question.type == "fill":
            assert question.accepted and all(question.accepted)
        else:
            assert question.type == "truefalse" and question.truth is not None


@FUZZ
@given(text=st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    check(parse(text, "p.txt"), text)
    looks_like_paper(text)


@FUZZ
@given(text=paper_text)
def test_text_made_of_paper_syntax_never_raises(text: str) -> None:
    check(parse(text, "p.txt"), text)


@FUZZ
@given(data=st.data())
def test_mutated_papers_never_raise(data: st.DataObject) -> None:
    lines = PAPER.splitlines()
    for _ in range(data.draw(st.integers(1, 6))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "duplicate", "cut", "insert"]))
        if action == "drop" and len(lines) > 1:
            lines.pop(index)
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][:data.draw(st.integers(0, len(lines[index])))]
        else:
            lines.insert(index, data.draw(st.sampled_from(SYNTAX)))
    text = "\n".join(lines)
    check(parse(text, "p.txt"), text)


def test_large_and_pathological_papers_stay_fast() -> None:
    big = "\n".join(f"{n}. Question {n}?\nA. a B. b C. c D. d\n答案：{'ABCD'[n % 4]}"
                    for n in range(1, 10_001))
    start = time.process_time()  # CPU time: the machine may be shared
    result = parse(big, "big.txt")
    elapsed = time.process_time() - start
    assert result.problems == [] and result.question_set is not None
    assert len(result.question_set.questions) == 10_000
    for text in ("A. " * 20_000, "1. " + "A.B." * 10_000, "（" * 30_000, "答案：" * 10_000,
                 "一、" * 10_000 + "单选题", "\n".join(["A. x"] * 50_000)):
        parse(text, "x.txt")
        looks_like_paper(text)
    assert time.process_time() - start < 20, elapsed


def test_a_docx_part_that_inflates_past_what_it_declares_is_refused_in_bounded_memory(
        tmp_path: Path) -> None:
    """word/document.xml declares 1 KB and inflates to 80 MB: read in blocks, never at once."""
    import resource

    from benchmarks.hostile_files import lying_docx

    path = tmp_path / "bomb.docx"
    path.write_bytes(lying_docx(80 * 1024 * 1024))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = load_file(path)
    assert result.question_set is None and len(result.problems) == 1
    assert result.problems[0].message.startswith("this Word file")
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 60 * 1024  # not the 80 MB (python-docx's read() took 2 GB for 1 GB)


def test_list_numbers_come_from_the_paragraph_style_read_once(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for n in range(3):
        document.add_paragraph(f"Question {n}?", style="List Number")
        document.add_paragraph("A. yes")
        document.add_paragraph("B. no")
        document.add_paragraph("答案：A")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    result = load_file(path)
    assert result.ok, [str(p) for p in result.problems]
    assert result.question_set is not None
    assert [q.prompt for q in result.question_set.questions] == [
        "Question 0?", "Question 1?", "Question 2?"]
