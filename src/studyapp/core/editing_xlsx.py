"""Export a question set as the trainers' spreadsheet template (questions/templates/
question-template.xlsx, made by scripts/make_templates.py): sheet 题库 with the template's
Chinese headers, one row per question or card, read back by the spreadsheet importer.

A spreadsheet holds single, multiple, truefalse and fill questions and cards; match, order
and numeric questions have no columns there and are left out (:func:`export_xlsx` returns
their ids so the editor can say so). The set's id is not a column: the importer makes it from
the file name, so :func:`default_name` names the file after the set id.
"""

from __future__ import annotations

import io
from pathlib import Path

from studyapp.core.questionsets.model import Card, Question, QuestionSet

__all__ = ["SPREADSHEET_TYPES", "default_name", "export_xlsx", "xlsx_bytes"]

SPREADSHEET_TYPES = ("single", "multiple", "truefalse", "fill")
_TYPE_WORDS = {"single": "单选", "multiple": "多选", "truefalse": "判断", "fill": "填空"}
LETTERS = "ABCDEFGH"
HEADERS = ["编号", "题型", "题干", *(f"选项{letter}" for letter in LETTERS), "答案", "解析",
           "章节", "难度", "标签", "原文", "分值"]
_WIDTHS = {"编号": 10, "题型": 8, "题干": 48, "答案": 14, "解析": 36, "章节": 16, "难度": 6,
           "标签": 22, "原文": 48, "分值": 6,
           "选项乱序": 8}


def default_name(question_set: QuestionSet) -> str:
    return f"{question_set.id}.xlsx"


def _headers(question_set: QuestionSet) -> list[str]:
    """The template's columns, 选项A解析.. (an option's feedback) when the set has any, and
    选项乱序 when a question keeps its options in their written order."""
    noted = any(choice.feedback for q in question_set.questions for choice in q.choices)
    fixed = any(not q.shuffle for q in question_set.questions if q.type in SPREADSHEET_TYPES)
    return (HEADERS + ([f"选项{letter}解析" for letter in LETTERS] if noted else [])
            + (["选项乱序"] if fixed else []))


def _row(item: Question | Card, headers: list[str]) -> list[object]:
    cells: dict[str, object] = {"编号": item.id, "解析": item.explanation,
                                "章节": item.section or "", "标签": "，".join(item.tags),
                                "原文": item.evidence}  # one quote a line, as read back
    if isinstance(item, Card):
        cells.update({"题型": "卡片", "题干": item.front, "答案": item.back})
    else:
        cells.update({"题型": _TYPE_WORDS[item.type], "题干": item.prompt,
                      "难度": item.difficulty if item.difficulty is not None else "",
                      "分值": item.points if item.points is not None else "",
                      "选项乱序": "" if item.shuffle else "否"})
        for letter, choice in zip(LETTERS, item.choices, strict=False):
            cells[f"选项{letter}"] = choice.text
            cells[f"选项{letter}解析"] = choice.feedback
        if item.type in ("single", "multiple"):
            cells["答案"] = "".join(letter for letter, choice in zip(LETTERS, item.choices,
                                                                   strict=False)
                                  if choice.correct)
        elif item.type == "truefalse":
            cells["答案"] = "正确" if item.truth else "错误"
        else:
            cells["答案"] = "|".join(item.accepted)
    return [cells.get(header, "") for header in headers]


def xlsx_bytes(question_set: QuestionSet) -> tuple[bytes, list[str]]:
    """The workbook, and the ids of the questions a spreadsheet cannot hold (left out)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    left_out = [q.id for q in question_set.questions if q.type not in SPREADSHEET_TYPES]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "题库"
    headers = _headers(question_set)
    sheet.append(headers)
    items: list[Question | Card] = [
        *(q for q in question_set.questions if q.type in SPREADSHEET_TYPES), *question_set.cards]
    for item in items:
        sheet.append(_row(item, headers))
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        sheet.column_dimensions[cell.column_letter].width = _WIDTHS.get(header, 24)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "StudyApp"
    workbook.properties.title = question_set.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), left_out


def export_xlsx(question_set: QuestionSet, path: str | Path) -> list[str]:
    """Writes the workbook atomically; returns the ids of the questions left out."""
    data, left_out = xlsx_bytes(question_set)
    _write_atomically(Path(path), data)
    return left_out


def _write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside ``path``, synced, then renamed over it (as core/files.py
    writes text): the old file or the whole new one, never half of one."""
    import os
    import tempfile

    from studyapp.core.files import check_not_database

    real = Path(os.path.realpath(path))
    check_not_database(real)
    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, real)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
