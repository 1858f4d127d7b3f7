"""Write the spreadsheet templates for trainers into questions/templates/.

    .venv/bin/python scripts/make_templates.py

One list of example rows (questions of every spreadsheet type and a flashcard, on the four
relationships of part III (5) of the report) gives:

- question-template.xlsx: Chinese headers, sheet 题库 (with drop-down lists for 题型 and 难度)
  and a sheet 说明 explaining the columns;
- question-template.csv: the same rows, Chinese headers, UTF-8 with BOM so Excel opens it;
- question-template-en.csv: the same rows with English headers and type names;
- question-paper-template.docx: the question paper question-paper-template.txt (written by
  hand, committed) as a Word document, one paragraph per line.

The output is byte-for-byte the same on every run, so the committed files only change when
the rows do. Check them with ``studyapp validate questions/templates/*``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "questions" / "templates"

# field, Chinese header, English header
COLUMNS = [
    ("id", "编号", "id"),
    ("type", "题型", "type"),
    ("prompt", "题干", "question"),
    ("A", "选项A", "A"),
    ("B", "选项B", "B"),
    ("C", "选项C", "C"),
    ("D", "选项D", "D"),
    ("E", "选项E", "E"),
    ("F", "选项F", "F"),
    ("answer", "答案", "answer"),
    ("explanation", "解析", "explanation"),
    ("section", "章节", "section"),
    ("difficulty", "难度", "difficulty"),
    ("tags", "标签", "tags"),
    ("evidence", "原文", "evidence"),
]
ENGLISH_TYPES = {"单选": "single", "多选": "multiple", "判断": "truefalse", "填空": "fill",
                 "卡片": "card"}
ENGLISH_ANSWERS = {"A、C": "A,C", "正确": "true", "错误": "false"}

ROWS: list[dict[str, str]] = [
    {
        "id": "t-001", "type": "单选", "section": "suggestions.5.1", "difficulty": "2",
        "prompt": "According to the report, what is the fundamental purpose of improving the "
                  "innovative ability of leading bodies and cadres?",
        "A": "To produce new slogans",
        "B": "To start a business and promote development",
        "C": "To copy the experience of advanced regions",
        "D": "To avoid taking responsibility",
        "answer": "B",
        "explanation": "The first relationship, between innovation and pragmatism, begins with "
                       "this purpose.",
        "tags": "four relationships, pragmatism",
        "evidence": "The fundamental purpose of improving the innovative ability of leading "
                    "bodies and cadres is to start a business and promote development.",
    },
    {
        "id": "t-002", "type": "单选", "section": "suggestions.5.2", "difficulty": "2",
        "prompt": "According to the report, daring to charge is based on what?",
        "A": "Rushing into battle before the plan is ready",
        "B": "Setting the tone early to show resolve",
        "C": "Understanding the situation, mastering the law and in-depth research and analysis",
        "D": "Following what other units have done",
        "answer": "C",
        "explanation": "The report contrasts daring to charge with rushing into battle, which "
                       "is not accurate enough to grasp the actual situation.",
        "tags": "four relationships, charge",
        "evidence": "It is a kind of courage to dare to rush and do things, which is based on "
                    "understanding the situation, mastering the law and in-depth research and "
                    "analysis",
    },
    {
        "id": "t-003", "type": "多选", "section": "suggestions.5.4", "difficulty": "3",
        "prompt": "According to the report, what does practice do for innovation?",
        "A": "It promotes innovation",
        "B": "It replaces innovation",
        "C": "It tests innovation",
        "D": "It delays innovation",
        "answer": "A、C",
        "explanation": "Innovation originates from practice, which promotes and tests it.",
        "tags": "four relationships, practice",
        "evidence": "Innovation originates from practice, which promotes innovation and tests "
                    "innovation.",
    },
    {
        "id": "t-004", "type": "多选", "section": "suggestions.5.3", "difficulty": "4",
        "prompt": "Which attitudes to inheritance and innovation does the report call extreme "
                  "manifestations?",
        "A": "Innovating without inheriting, as if previous experience were completely "
             "outdated",
        "B": "Taking inheritance as the means and innovation as the purpose",
        "C": "Inheriting without innovation, completely copying old experience",
        "D": "Innovating in inheritance and developing in inheritance",
        "E": "Choosing reasonably which original experience to carry forward",
        "answer": "AC",
        "explanation": "Both one-sided attitudes are extreme manifestations.\n"
                       "The report asks to innovate in inheritance and develop in inheritance.",
        "tags": "four relationships, inheritance",
        "evidence": "We should take inheritance as the means and innovation as the purpose, "
                    "innovate in inheritance and develop in inheritance.",
    },
    {
        "id": "t-005", "type": "判断", "section": "suggestions.5.2", "difficulty": "1",
        "prompt": "The report says that daring to charge and charging are the same thing.",
        "answer": "错误",
        "explanation": "The report says they are not the same.",
        "tags": "four relationships, charge",
        "evidence": "Dare to charge and charge is not the same.",
    },
    {
        "id": "t-006", "type": "判断", "section": "suggestions.5.3", "difficulty": "2",
        "prompt": "According to the report, inheritance is not copying.",
        "answer": "正确",
        "explanation": "Inheritance is a reasonable choice to carry forward the original "
                       "experience.",
        "tags": "four relationships, inheritance",
        "evidence": "However, inheritance is not copying, but also a reasonable choice to "
                    "carry forward the original experience.",
    },
    {
        "id": "t-007", "type": "填空", "section": "suggestions.5.4", "difficulty": "1",
        "prompt": "Innovation originates from ____.",
        "answer": "practice|实践",
        "explanation": "The fourth relationship begins with this sentence.",
        "tags": "four relationships, practice",
        "evidence": "Innovation originates from practice",
    },
    {
        "id": "t-008", "type": "填空", "section": "suggestions.5.3", "difficulty": "2",
        "prompt": "Inheritance and ____ are very common contradictions.",
        "answer": "innovation|创新",
        "tags": "four relationships, inheritance",
        "evidence": "Inheritance and innovation are very common contradictions.",
    },
    {
        "id": "t-009", "type": "卡片", "section": "suggestions.5.2",
        "prompt": "Is daring to charge the same as charging?",
        "answer": "No. Daring to charge rests on understanding the situation and in-depth "
                  "research; charging rushes in without them.",
        "explanation": "The second relationship, between boldness and charge.",
        "tags": "four relationships, charge",
        "evidence": "Dare to charge and charge is not the same.",
    },
]

NOTES = [
    ("列 Column", "说明 Meaning"),
    ("编号 id", "可选。题目的唯一编号；留空时按行号生成 (row-7)。重新导入时按编号保留学习记录。"
                "Optional unique id; kept across re-imports."),
    ("题型 type", "单选、多选、判断、填空，或 卡片（记忆卡片：题干为正面，答案为背面）。"
                  "single, multiple, truefalse, fill, or card."),
    ("题干 question", "必填。题目内容；单元格内可以换行。Required; may span several lines."),
    ("选项A-选项H", "单选、多选题的选项，从 A 起连续填写，2 到 8 个。Options A-H, without gaps."),
    ("答案 answer", "单选：B；多选：AC、A,C、A、C 或 A C；判断：正确/错误（对/错、√/×、T/F、"
                    "true/false、是/否、yes/no）；填空：可接受的答案用 | 或 ； 分隔。"),
    ("解析 explanation", "可选。答题后显示。Optional; shown after answering."),
    ("章节 section", "可选。报告章节编号，如 suggestions.5.2（见 studyapp report --json）。"),
    ("难度 difficulty", "可选。1（易）到 5（难）。Optional, 1 (easy) to 5 (hard)."),
    ("标签 tags", "可选。用逗号或顿号分隔。Optional, separated by commas."),
    ("原文 evidence", "可选。从该章节逐字复制的原文，StudyApp 会核对。"
                      "Optional word-for-word quote from the section."),
    ("", "检查文件 Check the file: studyapp validate question-template.xlsx"),
]

# A fixed time for the workbook's properties and zip entries, so the file is reproducible.
FIXED_TIME = datetime(2024, 1, 1)


def chinese_rows() -> list[list[str]]:
    return [[header for _, header, _ in COLUMNS]] + [
        [row.get(name, "") for name, _, _ in COLUMNS] for row in ROWS]


def english_rows() -> list[list[str]]:
    rows = [[header for _, _, header in COLUMNS]]
    for row in ROWS:
        english = dict(row, type=ENGLISH_TYPES[row["type"]])
        english["answer"] = ENGLISH_ANSWERS.get(row["answer"], row["answer"])
        english["answer"] = english["answer"].replace("|实践", "").replace("|创新", "")
        rows.append([english.get(name, "") for name, _, _ in COLUMNS])
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    for row in rows:
        sheet.append([int(cell) if cell.isdigit() and name == "difficulty" else cell
                      for (name, _, _), cell in zip(COLUMNS, row, strict=True)])
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    widths = {"id": 8, "type": 8, "prompt": 48, "answer": 14, "explanation": 36,
              "section": 16, "difficulty": 6, "tags": 22, "evidence": 48}
    for index, (name, _, _) in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, 24)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    last = 1000
    type_column = sheet.cell(row=1, column=2).column_letter
    difficulty_column = sheet.cell(row=1, column=13).column_letter
    types = DataValidation(type="list", formula1='"单选,多选,判断,填空,卡片"', allow_blank=True)
    types.add(f"{type_column}2:{type_column}{last}")
    levels = DataValidation(type="whole", operator="between", formula1="1", formula2="5",
                            allow_blank=True)
    levels.add(f"{difficulty_column}2:{difficulty_column}{last}")
    sheet.add_data_validation(types)
    sheet.add_data_validation(levels)

    notes = workbook.create_sheet("说明")
    for note in NOTES:
        notes.append(list(note))
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 100
    for cell in notes[1]:
        cell.font = Font(bold=True)

    workbook.properties.creator = "StudyApp"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps on its entries and in its properties (openpyxl
    stamps the time of saving as the modified time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*",
                                 rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(),
                                 content)
            target.writestr(entry, content)
    return out.getvalue()


def paper_lines() -> list[str]:
    return (TEMPLATES / "question-paper-template.txt").read_text(encoding="utf-8").splitlines()


def docx_bytes(lines: list[str]) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph(line)
        if line and line[0] in "一二三四五六七八九十":  # section headings in bold
            for run in paragraph.runs:
                run.bold = True
    document.paragraphs[0].runs[0].font.size = Pt(16)
    document.core_properties.author = "StudyApp"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.last_modified_by = "StudyApp"
    document.core_properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def main() -> None:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    outputs = {
        "question-template.csv": csv_bytes(chinese_rows()),
        "question-template-en.csv": csv_bytes(english_rows()),
        "question-template.xlsx": xlsx_bytes(chinese_rows()),
        "question-paper-template.docx": docx_bytes(paper_lines()),
    }
    for name, data in outputs.items():
        (TEMPLATES / name).write_bytes(data)
        print(f"wrote {TEMPLATES / name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
