"""Spreadsheet import: CSV (``parse_csv``) and Excel .xlsx (``parse_xlsx``), one question per row.

The header row names the columns, in Chinese as common question-bank templates write them
(题型, 题干, 选项A..选项H, 答案, 解析, 章节, 难度, 编号, 标签, 原文) or in English (type,
question, A..H, answer, explanation, section, difficulty, id, tags, evidence); case, spaces
and full-width letters do not matter. Rows above the header (a title) are skipped, and so are
empty rows. Each row is a question of type 单选/多选/判断/填空 (single, multiple, truefalse,
fill) or a flashcard (卡片, card: 题干 is the front, 答案 the back).

Problems carry the spreadsheet's row number as their line (the header is usually row 1; a
CSV cell spanning several lines is still one row) and the column where one is known, and
name the column by its header as written in the file. A row with a problem is reported and
left out; the other rows still load. Nothing here raises for bad input.

CSV text may be UTF-8 (with or without BOM), GBK/GB18030 as Excel on Chinese Windows
saves it, or Big5; other encodings are refused, not read garbled. The delimiter (comma,
semicolon or tab) is found from the header row. ``.xlsx`` files are read with openpyxl
(imported only when one is loaded) from the sheet named 题库 or questions, else the first
sheet; cached formula results are used, never the formulas. The zip container and the sheet
are checked before openpyxl builds anything (``zipguard``; cells, shared strings, merged
ranges), so a small file that would inflate to gigabytes is refused with a problem.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import (
    Undecodable,
    decode_text,
    file_stem,
    set_id_from_path,
    undecodable_message,
)
from studyapp.core.questionsets.errors import Problem, warning
from studyapp.core.questionsets.limits import MAX_ITEMS, too_many_items
from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet, QuestionType
from studyapp.core.questionsets.zipguard import ZipRefused, iter_member, open_zip

if TYPE_CHECKING:
    from studyapp.core.questionsets.xlsx_reader import Workbook

__all__ = ["HEADERS", "MAX_CELL_CHARS", "MAX_COLUMNS", "MEANINGS", "TYPE_NAMES",
           "fill_answers", "local_image", "parse_csv", "parse_csv_text", "parse_xlsx"]

LETTERS = "ABCDEFGH"
MAX_CELL_CHARS = 32767  # what an Excel cell holds
MAX_COLUMNS = 16_384  # what an Excel sheet holds
_SHEET_ROWS = 1_048_576  # likewise
_MAX_UNKNOWN_REPORTED = 50
# How far down the header row may be (rows above it are a title and skipped).
_HEADER_SEARCH_ROWS = 10

# field -> accepted header names; the first Chinese and the first English one are used
# when a message has to name a column the file does not have.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "试题编号", "题目编号", "id", "question id"),
    "number": ("序号", "题号", "题目序号", "no", "number", "question number", "#"),
    "type": ("题型", "类型", "题目类型", "试题类型", "题型名称", "试题题型", "type",
             "question type", "kind"),
    "prompt": ("题干", "题目", "题目内容", "试题内容", "问题", "题目标题", "试题题干", "题目描述",
               "question", "prompt", "stem", "question text", "question stem", "front", "正面"),
    # 选项A, A, A选项, 选项1 (the first option), option A, choice A, option 1
    **{f"option {letter}": (f"选项{letter}", letter, f"{letter}选项", f"选项{index + 1}",
                            f"option {letter}", f"choice {letter}", f"option {index + 1}")
       for index, letter in enumerate(LETTERS)},
    "answer": ("答案", "正确答案", "参考答案", "标准答案", "正确选项", "答案选项", "answer",
               "correct answer", "correct answers", "right answer", "key", "back", "背面"),
    "explanation": ("解析", "答案解析", "试题解析", "整体解析", "题目解析", "试题分析", "答题解析",
                    "explanation", "analysis"),
    "section": ("章节", "所属章节", "section"),
    "difficulty": ("难度", "难易程度", "难易度", "difficulty"),
    "tags": ("标签", "知识点", "知识标签", "知识点标签", "关键词", "考点", "tags", "tag",
             "knowledge tag", "knowledge point", "keywords"),
    "evidence": ("原文", "原文依据", "依据", "evidence"),
    "points": ("分值", "分数", "题目分值", "试题分值", "试题分数", "题目分数", "每题分值", "points",
               "score", "marks"),
    # Columns that group questions: each one's value becomes a tag; 题库名称 (else 科目名称)
    # names the set when every row gives the same one.
    "bank": ("题库名称", "题库", "所属题库", "bank", "question bank", "bank name"),
    "subject": ("科目名称", "科目", "课程", "课程名称", "所属课程", "subject", "course"),
    "topic": ("课题", "主题", "分类", "题目分类", "topic", "category"),
    "field": ("领域", "专业领域", "专业", "field", "domain"),
    **{f"feedback {letter}": (f"选项{letter}解析", f"{letter}解析", f"选项{letter}说明",
                              f"option {letter} feedback", f"feedback {letter}",
                              f"{letter} feedback", f"option {letter} explanation")
       for letter in LETTERS},
    "image": ("图片", "图片URL", "图片地址", "图片路径", "题目图片", "插图", "image", "picture",
              "image url", "image path", "img"),
}
_GROUP_FIELDS = ("bank", "subject", "topic", "field")
# Fields a row may fill without being a question (a numbered, unused template row).
_NOT_CONTENT = ("id", "type", "number", "points", *_GROUP_FIELDS)
# How the import preview says what a column was understood as.
MEANINGS = {"id": "id", "number": "number (order and id)", "type": "type",
            "prompt": "question", "answer": "answer", "explanation": "explanation",
            "section": "section", "difficulty": "difficulty", "tags": "tags",
            "evidence": "evidence", "points": "points", "bank": "tag (and set title)",
            "subject": "tag (and set title)", "topic": "tag", "field": "tag", "image": "image",
            **{f"option {letter}": f"option {letter}" for letter in LETTERS},
            **{f"feedback {letter}": f"option {letter} feedback" for letter in LETTERS}}
_IGNORED_IN_HEADER = re.compile(r"[\s_\-.:：*()（）\[\]【】]+")


def _key(text: str) -> str:
    """A header or type name as compared: NFKC, case-folded, without spaces or punctuation."""
    return _IGNORED_IN_HEADER.sub("", unicodedata.normalize("NFKC", text).casefold())


_FIELD_OF = {_key(name): name_field for name_field, names in HEADERS.items() for name in names}
_ALL_HEADER_NAMES = [name for names in HEADERS.values() for name in names]
_TOO_FAR_OPTION = re.compile(r"(?:选项|option|choice)?[i-z]")

TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "single": ("单选", "单选题", "单项选择", "单项选择题", "单择", "single", "single choice",
               "singlechoice"),
    "multiple": ("多选", "多选题", "多项选择", "多项选择题", "不定项", "不定项选择",
                 "不定项选择题", "multiple", "multiple choice", "multi"),
    "truefalse": ("判断", "判断题", "是非", "是非题", "对错题", "truefalse", "true/false",
                  "true false", "tf"),
    "fill": ("填空", "填空题", "fill", "fill in", "fill-in", "blank"),
    "card": ("卡片", "闪卡", "记忆卡", "card", "flashcard"),
    # single or multiple, decided by how many letters the answer names
    "choice": ("选择", "选择题", "choice"),
}
_TYPE_OF = {_key(name): kind for kind, names in TYPE_NAMES.items() for name in names}
_UNSUPPORTED_TYPES = {
    **dict.fromkeys(("简答", "简答题", "问答", "问答题", "论述", "论述题", "essay"), "essay"),
    **dict.fromkeys(("连线", "连线题", "匹配", "匹配题", "match", "matching"), "match"),
    **dict.fromkeys(("排序", "排序题", "order", "ordering"), "order"),
    **dict.fromkeys(("数值", "数值题", "计算", "计算题", "numeric", "numerical"), "numeric"),
}
_QUESTION_TYPE: dict[str, QuestionType] = {
    "single": "single", "multiple": "multiple", "truefalse": "truefalse", "fill": "fill"}
_NOT_IN_SPREADSHEETS = {_key(name): kind for name, kind in _UNSUPPORTED_TYPES.items()}
_TYPE_HINT = ("use 单选, 多选, 判断 or 填空 (or single, multiple, truefalse, fill), "
              "or 卡片 (card) for a flashcard")

_TRUE = ("正确", "对", "√", "✓", "✔", "t", "true", "是", "yes", "y", "1", "真", "right")
_FALSE = ("错误", "错", "×", "✗", "✘", "x", "f", "false", "否", "no", "n", "0", "假", "wrong")
_TRUTH = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_TRUTH_HINT = "write 正确 or 错误 (also 对/错, √/×, T/F, true/false, 是/否, yes/no)"

_DIFFICULTY_WORDS = {
    "容易": 1, "简单": 1, "易": 1, "easy": 1, "较易": 2, "中": 3, "中等": 3, "一般": 3,
    "medium": 3, "较难": 4, "难": 5, "困难": 5, "hard": 5,
}
_LETTER_SEPARATORS = re.compile(r"[\s,、;/|]+")
_FILL_SEPARATORS = re.compile(r"[|;；｜]")
_TAG_SEPARATORS = re.compile(r"[,，、;；|｜\n]")
_SEP_LINE = re.compile(r"sep=(.)\r?\n?")


# --------------------------------------------------------------------------- CSV


def parse_csv(data: bytes, path: str) -> LoadResult:
    """Parse the bytes of a CSV file; every problem is reported, the good rows still load."""
    text = decode_text(data)
    if isinstance(text, Undecodable):
        return LoadResult(None, [Problem(path, 0, undecodable_message(text, csv=True))])
    return parse_csv_text(text, path)


def parse_csv_text(text: str, path: str) -> LoadResult:
    """Parse a CSV file's text (decoded by ``decode_text``, as every text format)."""
    return _Reader(path, "csv").read(_csv_rows(text, path))


def _csv_rows(text: str, path: str) -> Iterator[tuple[int, list[str]] | Problem]:
    """(row number, cells) per record, or a Problem where the CSV cannot be read."""
    sep = _SEP_LINE.match(text)
    if sep is not None:  # Excel's "sep=;" first line names the delimiter and is not a row
        delimiter = sep.group(1)
        text = text[sep.end():]
    else:
        delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            message = str(error)
            if "field limit" in message:
                yield Problem(path, row, f"a cell is longer than {csv.field_size_limit():,} "
                                         f"characters (an Excel cell holds at most "
                                         f"{MAX_CELL_CHARS:,}); the rest of the file was not "
                                         "read")
                return
            if "end of data" in message:
                yield Problem(path, row, 'a double quote (") opened in this row is never '
                                         "closed, so the rest of the file would be one cell; "
                                         "close the quote or remove it")
                return
            yield Problem(path, row, 'a cell in this row has text after its closing double '
                                     'quote ("); put the whole cell in quotes and write a '
                                     'quote inside it as ""')
            continue
        yield row, cells


def _sniff(text: str) -> str:
    """The delimiter that makes most known headers in the first rows; comma on a tie."""
    lines = text[:65536].splitlines()[:_HEADER_SEARCH_ROWS]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        known = max((sum(1 for cell in line.split(delimiter) if _key(cell.strip('"')) in
                         _FIELD_OF) for line in lines), default=0)
        cells = max((line.count(delimiter) for line in lines), default=0)
        score = (known, cells)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --------------------------------------------------------------------------- XLSX


def parse_xlsx(data: bytes, path: str) -> LoadResult:
    """Parse the bytes of an .xlsx workbook; a damaged file is one problem, never a traceback.

    Only the failures of reading the archive and its XML (zipguard, lxml) mean a damaged or
    refused file; an error of the row reader is raised as it is, not hidden as "damaged".
    """
    from lxml import etree

    from studyapp.core.questionsets.xlsx_reader import SheetTooLarge, open_workbook

    if not data.startswith(b"PK"):
        return LoadResult(None, [Problem(path, 0, _not_xlsx(data))])
    try:
        with open_zip(data) as archive:
            workbook = open_workbook(archive)
            return _read_workbook(workbook, data, path)
    except ZipRefused as refused:
        return LoadResult(None, [Problem(path, 0, _DAMAGED if refused.damaged else f"{refused}")])
    except (_SheetTooLarge, SheetTooLarge) as refused:
        return LoadResult(None, [Problem(path, refused.row, refused.message)])
    except etree.XMLSyntaxError:
        return LoadResult(None, [Problem(path, 0, _DAMAGED)])


_DAMAGED = ("this Excel file cannot be read: it is damaged or not really an .xlsx workbook; "
            "open it in Excel and save it again as 'Excel Workbook (*.xlsx)'")


def _not_xlsx(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return ("this is an old Excel 97-2003 (.xls) file or an encrypted workbook; open it in "
                "Excel and save it as 'Excel Workbook (*.xlsx)' without a password")
    head = data[:4096]
    if head and isinstance(decode_text(head), str):
        return ("this is a text file, not an Excel workbook; if it is a CSV file, name it "
                "with .csv (or use --format csv)")
    return _DAMAGED


def _read_workbook(workbook: Workbook, data: bytes, path: str) -> LoadResult:
    sheets = workbook.sheets
    if not sheets:
        return LoadResult(None, [Problem(path, 0, "the workbook has no worksheet")])
    chosen = next((sheet for sheet in sheets
                   if _key(sheet[0]) in (_key("题库"), "questions")), None)
    typed = [(sheet, _sheet_kind(sheet[0])) for sheet in sheets]
    if chosen is None and any(kind for _, kind in typed):
        return _read_typed_sheets(workbook, data, path, typed)
    title, part = chosen or sheets[0]
    merges = _merged_ranges(data, part)
    return _Reader(path, "xlsx").read(_xlsx_rows(workbook.rows(part, merges.fill_down.keys()),
                                                 merges))


_MAX_SHEETS = 50


def _sheet_kind(title: str) -> str | None:
    """The type a sheet's name gives its rows (a sheet named 单选题 or 判断), else None."""
    key = _key(title)
    return _TYPE_OF.get(key) or _TYPE_OF.get(key.removesuffix("题"))


def _read_typed_sheets(workbook: Workbook, data: bytes, path: str,
                       typed: list[tuple[tuple[str, str], str | None]]) -> LoadResult:
    """A workbook with a sheet per type (单选题, 多选题, 判断题 ...): every sheet is read, the
    name of a typed one giving the type of rows whose 题型 is empty; a sheet without a header
    row of question columns (说明) is left out with a warning.
    Ids made from 序号 or the row start with the sheet's number ("2-5": sheet 2, 序号 5)."""
    results: list[LoadResult] = []
    skipped: list[str] = []
    if len(typed) > _MAX_SHEETS:
        return LoadResult(None, [Problem(path, 0, f"the workbook has {len(typed):,} sheets; a "
                                                  f"bank read sheet by sheet may have at most "
                                                  f"{_MAX_SHEETS} (split it into files)")])
    items = 0
    for position, (sheet, kind) in enumerate(typed, start=1):
        if items > MAX_ITEMS:
            return LoadResult(None, [too_many_items(path, 0)])
        title, part = sheet
        try:
            merges = _merged_ranges(data, part)
        except _SheetTooLarge as refused:
            return LoadResult(None, [Problem(path, refused.row,
                                             f"sheet '{title}': {refused.message}")])
        reader = _Reader(path, "xlsx", sheet=title, sheet_kind=kind, id_prefix=f"{position}-")
        result = reader.read(_xlsx_rows(workbook.rows(part, merges.fill_down.keys()), merges))
        if kind is None and not reader.header_found and result.question_set is None:
            skipped.append(title)  # notes for the trainer (说明), not questions
            continue
        results.append(result)
        if result.question_set is not None:
            items += len(result.question_set.questions) + len(result.question_set.cards)
    problems = [problem for result in results for problem in result.problems]
    warnings = [warning(path, 0, f"sheet '{title}' is not read: it has no header row of "
                                 "question columns") for title in skipped]
    warnings += [found for result in results for found in result.warnings]
    columns = list(dict.fromkeys(pair for result in results for pair in result.columns))
    sets = [result.question_set for result in results if result.question_set is not None]
    if not sets:
        return LoadResult(None, problems or [Problem(path, 0, "no sheet has questions")],
                          warnings, columns)
    merged = sets[0]
    for other in sets[1:]:
        merged.questions += other.questions
        merged.cards += other.cards
    stem = file_stem(path)
    merged.title = next((found.title for found in sets if found.title != stem), stem)
    return LoadResult(merged, problems, warnings, columns)


# What a sheet may hold before its rows are read: a sheet of MAX_ITEMS questions with a
# dozen columns has about 120,000 cells; fifty columns 500,000.
MAX_CELLS = 500_000
class _SheetTooLarge(Exception):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.message = message


def _xlsx_rows(rows: Iterable[tuple[int, list[str]]], merges: _Merges
               ) -> Iterator[tuple[int, list[str]]]:
    for number, cells in rows:
        for column, top in merges.fill_down.get(number, ()):
            while len(cells) <= column:
                cells.append("")
            cells[column] = merges.values.get((top, column), "")
        if number in merges.heading_rows:
            if sum(1 for cell in cells if cell.strip()) <= 1:
                continue  # a title or chapter line merged across the sheet
        for column in merges.tops.get(number, ()):
            if column < len(cells):
                merges.values[(number, column)] = cells[column]
        yield number, cells


@dataclass
class _Merges:
    """Merged cells of the sheet: a value merged down a column applies to every row it
    covers (题型 written once for a block of questions); a row that is one merged title is
    skipped."""

    fill_down: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # row -> (col, top)
    tops: dict[int, list[int]] = field(default_factory=dict)  # top row -> columns to remember
    values: dict[tuple[int, int], str] = field(default_factory=dict)
    heading_rows: set[int] = field(default_factory=set)


# Tags are found with [^<>]*, which stops at the next tag: a run of unclosed "<mergeCell "
# costs linear time (a lazy [^>]*? before a literal backtracked to the end at each one).
_SHEET_MARK = re.compile(rb"<(/?)(?:\w{1,32}:)?(row|mergeCell|sheetData)\b([^<>]*)")
_CELL_TAG = re.compile(rb"<(?:\w{1,32}:)?c\b")
_MERGE_REF = re.compile(rb'\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
_MAX_FILLED = 200_000
_MAX_TAG = 1 << 20  # a tag longer than this is no tag of a real sheet
# Elements outside the cells (merged ranges, hyperlinks, validations, formatting...): openpyxl
# builds an object for each, about 60 µs apiece; a sheet of questions has a few hundred.
MAX_SHEET_ELEMENTS = 30_000


def _merged_ranges(data: bytes, sheet_path: str | None) -> _Merges:
    """The merged ranges, read from the sheet's XML before its rows are.

    The XML is streamed once in blocks (within the zip guard's limits), which also counts
    cells and other elements: more than ``MAX_COLUMNS`` cells in a row, ``MAX_CELLS`` in all
    or ``MAX_SHEET_ELEMENTS`` outside the cells raises _SheetTooLarge before openpyxl builds
    them. (Too many rows are cut while reading, at ``MAX_ITEMS``.)
    """
    merges = _Merges()
    if not sheet_path:
        return merges
    with open_zip(data) as archive:
        name = sheet_path.lstrip("/")
        if name not in archive.NameToInfo:
            return merges
        scan = _SheetScan(merges)
        tail = b""
        for block in iter_member(archive, name):
            buffer = tail + block
            cut = buffer.rfind(b"<")
            if cut < 0 or len(buffer) - cut > _MAX_TAG:
                cut = len(buffer)
            scan.feed(buffer, cut)
            tail = buffer[cut:]
        scan.feed(tail, len(tail))
    return merges


class _SheetScan:
    """Counts what a sheet's XML holds and collects its merged ranges, block by block."""

    def __init__(self, merges: _Merges) -> None:
        self.merges = merges
        self.filled = 0
        self.rows = 0
        self.cells = 0
        self.row_cells = 0
        self.elements = 0
        self.in_data = False

    def feed(self, buffer: bytes, end: int) -> None:
        position = 0
        for match in _SHEET_MARK.finditer(buffer, 0, end):
            self._between(buffer, position, match.start())
            position = match.end()
            closing, tag = match.group(1), match.group(2)
            if tag == b"sheetData":
                self.in_data = not closing and not match.group(3).rstrip().endswith(b"/")
            elif closing:
                continue
            elif tag == b"row":
                self.rows += 1
                self.row_cells = 0
            else:
                self._count_elements(1)
                self._merge(match.group(3))
        self._between(buffer, position, end)

    def _between(self, buffer: bytes, start: int, end: int) -> None:
        if start >= end:
            return
        if not self.in_data:
            self._count_elements(buffer.count(b"<", start, end) - buffer.count(b"</", start, end))
            return
        cells = len(_CELL_TAG.findall(buffer, start, end))
        self.cells += cells
        self.row_cells += cells
        if self.row_cells > MAX_COLUMNS:
            raise _SheetTooLarge(self.rows, f"this row has more than {MAX_COLUMNS:,} cells, more "
                                            "than a sheet holds; the workbook was not read")
        if self.cells > MAX_CELLS:
            raise _SheetTooLarge(self.rows, f"the sheet has more than {MAX_CELLS:,} cells; split "
                                            "it into smaller files")

    def _count_elements(self, count: int) -> None:
        self.elements += count
        if self.elements > MAX_SHEET_ELEMENTS:
            raise _SheetTooLarge(0, f"the sheet holds more than {MAX_SHEET_ELEMENTS:,} merged "
                                    "ranges, links or formatting rules; no sheet of questions "
                                    "needs that many (copy the questions into a new workbook)")

    def _merge(self, attributes: bytes) -> None:
        ref = _MERGE_REF.search(attributes)
        if ref is None:
            return
        merges = self.merges
        first_col, first_row, last_col, last_row = ref.groups()
        left, right = _column_index(first_col), _column_index(last_col)
        top, bottom = int(first_row), int(last_row)
        if right > left:
            merges.heading_rows.add(top)
        if right == left and bottom > top and self.filled < _MAX_FILLED:
            merges.tops.setdefault(top, []).append(left)
            for row in range(top + 1, min(bottom, top + _MAX_FILLED - self.filled) + 1):
                merges.fill_down.setdefault(row, []).append((left, top))
                self.filled += 1


def _column_index(letters: bytes) -> int:
    """0-based index of a column named by letters (b"A" -> 0, b"AB" -> 27)."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def _column_letter(index: int) -> str:
    """Letters of a 0-based column index (0 -> "A", 27 -> "AB")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --------------------------------------------------------------------------- rows


@dataclass
class _Column:
    index: int  # 0-based
    header: str  # as written in the file


class _Invalid(Exception):
    """Ends the reading of one row after its problems have been recorded."""


class _Reader:
    """Turns (row number, cells) into questions and cards, collecting problems."""

    def __init__(self, path: str, kind: str, sheet: str = "", sheet_kind: str | None = None,
                 id_prefix: str = "") -> None:
        self.path = path
        self.kind = kind
        # A workbook with a sheet per type: the sheet named in messages, its type for rows
        # whose 题型 is empty, and a prefix for the ids made from 序号 or the row.
        self.sheet = sheet
        self.sheet_kind = sheet_kind
        self.id_prefix = id_prefix
        self.header_found = False
        self.problems: list[Problem] = []
        self.columns: dict[str, _Column] = {}
        self.width = 0
        self.unnamed: set[int] = set()  # header cells left empty
        self.headers: dict[int, str] = {}  # 0-based column -> its header as written
        self.chinese = True
        self.warnings: list[Problem] = []
        self.meanings: list[tuple[str, str]] = []  # (header, what it was understood as)
        self.numbers: dict[int, float | None] = {}  # row -> its 序号 as a number
        self.group_values: dict[str, set[str]] = {}  # 题库名称 etc. -> the values given
        self.groups: list[str] = []  # the grouping columns the file has
        self.noted: list[str] = []  # the letters that have a 选项X解析 column

    def problem(self, row: int, message: str, column: int | None = None) -> None:
        self.problems.append(Problem(
            self.path, row, self._where(message), None if column is None else column + 1,
            column_name=None if column is None else self.headers.get(column)))

    def warn(self, row: int, message: str, column: int | None = None) -> None:
        self.warnings.append(warning(
            self.path, row, self._where(message), None if column is None else column + 1,
            None if column is None else self.headers.get(column)))

    def _where(self, message: str) -> str:
        return f"sheet '{self.sheet}': {message}" if self.sheet else message

    def read(self, rows: Iterable[tuple[int, list[str]] | Problem]) -> LoadResult:
        questions: list[Question] = []
        cards: list[Card] = []
        waiting: list[tuple[int, list[str]]] = []  # rows before the header is found
        header_row = 0
        content_rows = 0  # rows under the header with something in them
        for item in rows:
            if isinstance(item, Problem):
                self.problems.append(item)
                continue
            number, cells = item
            if number > _SHEET_ROWS:
                self.problem(number, f"the file has more than {_SHEET_ROWS:,} rows, more than "
                                     "a sheet holds (the rest was not read)")
                break
            if header_row and any(cell.strip() for cell in cells):
                # (Empty rows further down, e.g. formatting Excel keeps, do not count.)
                content_rows += 1
                if content_rows > MAX_ITEMS:
                    self.problem(number, too_many_items(self.path, number).message)
                    break
            if len(cells) > MAX_COLUMNS:
                self.problem(number, f"this row has {len(cells):,} cells; a sheet has at most "
                                     f"{MAX_COLUMNS:,} columns (the rest of the row was not "
                                     "read)", MAX_COLUMNS)
                cells = cells[:MAX_COLUMNS]
            if not header_row:
                if not any(cell.strip() for cell in cells):
                    continue
                waiting.append((number, cells))
                if self._looks_like_header(cells) or len(waiting) >= _HEADER_SEARCH_ROWS:
                    header_row = self._header(waiting)
                    if not header_row:
                        return self.result(None)
                    for later_number, later_cells in waiting:
                        if later_number > header_row:
                            self._add(later_number, later_cells, questions, cards)
                continue
            self._add(number, cells, questions, cards)
        if not header_row:
            if waiting:
                header_row = self._header(waiting)
                if header_row:
                    for later_number, later_cells in waiting:
                        if later_number > header_row:
                            self._add(later_number, later_cells, questions, cards)
            elif not self.problems:
                self.problem(0, "the file is empty; start from a template in "
                                "questions/templates/")
        if not questions and not cards:
            if header_row and not self.problems:
                self.problem(header_row, "there are no questions under the header row")
            return self.result(None)
        question_set = QuestionSet(
            id=set_id_from_path(self.path),
            title=self._title(questions, cards) or file_stem(self.path),
            questions=self._ordered(questions),
            cards=self._ordered(cards),
            source=self.path,
            format=self.kind,
        )
        return self.result(question_set)

    def result(self, question_set: QuestionSet | None) -> LoadResult:
        # In row order, and within a row from left to right.
        self.problems.sort(key=lambda problem: (problem.line, problem.column or 0))
        self.warnings.sort(key=lambda problem: (problem.line, problem.column or 0))
        return LoadResult(question_set, self.problems, self.warnings, self.meanings)

    def _title(self, questions: list[Question], cards: list[Card]) -> str:
        """题库名称 (else 科目名称) when every row that fills it gives the same one."""
        for name in ("bank", "subject"):
            values = self.group_values.get(name)
            if values is not None and len(values) == 1:
                return next(iter(values))
        return ""

    def _ordered(self, items: list[Any]) -> list[Any]:
        """Sorted by 序号 when every item has one that is a number (the file's order on a tie;
        codes such as T-001 keep the file's order)."""
        numbers = [self.numbers.get(item.line) for item in items]
        if not items or "number" not in self.columns or any(n is None for n in numbers):
            return items
        order = sorted(range(len(items)), key=lambda index: (numbers[index], index))
        return [items[index] for index in order]

    # ----------------------------------------------------------------- header

    @staticmethod
    def _looks_like_header(cells: list[str]) -> bool:
        """Two known column names, not all of them option letters (a data row has those)."""
        known = [key for key in map(_key, cells[:200]) if key in _FIELD_OF]
        return len(known) >= 2 and any(len(key) > 1 for key in known)

    def _header(self, waiting: list[tuple[int, list[str]]]) -> int:
        """Read the header among the first rows; its row number, or 0 when there is none."""
        found = next(((number, cells) for number, cells in waiting
                      if self._looks_like_header(cells)), None)
        if found is None:  # a header with typos: the first row naming a known column
            found = next(((number, cells) for number, cells in waiting
                          if any(_key(cell) in _FIELD_OF and len(_key(cell)) > 1
                                 for cell in cells)), None)
        if found is None:
            number, cells = waiting[0]
            shown = ", ".join(cell.strip()[:20] for cell in cells[:6] if cell.strip())
            self.problem(number, "no header row found: the first row must name the columns, "
                                 "e.g. 题型, 题干, 选项A, 选项B, 答案 (or type, question, A, B, "
                                 f"answer); this row has: {shown[:200]}")
            return 0
        number, cells = found
        self.width = len(cells)
        while self.width and not cells[self.width - 1].strip():
            self.width -= 1
        self.headers = {index: " ".join(cell.split())[:40]
                        for index, cell in enumerate(cells[:self.width]) if cell.strip()}
        chinese = unknown = first_unreported = 0
        for index, cell in enumerate(cells[:self.width]):
            header = " ".join(cell.split())
            if not header:
                self.unnamed.add(index)
                continue
            key = _key(header)
            name = _FIELD_OF.get(key)
            if name is None:
                unknown += 1
                if _TOO_FAR_OPTION.fullmatch(key):
                    self.problem(number, self._unknown_header(header, key), index)
                elif unknown <= _MAX_UNKNOWN_REPORTED:
                    self.warn(number, self._unknown_header(header, key), index)
                    self.meanings.append((header, "ignored"))
                elif unknown == _MAX_UNKNOWN_REPORTED + 1:
                    first_unreported = index
                continue
            if name in self.columns:
                self.problem(number, f"columns '{self.columns[name].header}' and '{header}' "
                                     f"both give the {_describe(name)}; keep one of them",
                             index)
                continue
            self.columns[name] = _Column(index, header)
            chinese += any("\u4e00" <= char <= "\u9fff" for char in header)
        if unknown > _MAX_UNKNOWN_REPORTED:
            self.warn(number, f"... and {unknown - _MAX_UNKNOWN_REPORTED:,} more columns that "
                              "mean nothing to StudyApp are ignored", first_unreported)
            self.meanings.append((f"{unknown - _MAX_UNKNOWN_REPORTED:,} more", "ignored"))
        for name, column in sorted(self.columns.items(), key=lambda item: item[1].index):
            self.meanings.append((column.header, MEANINGS.get(name, name)))
        # Read on every row: only the columns the file has.
        self.groups = [name for name in _GROUP_FIELDS if name in self.columns]
        self.noted = [letter for letter in LETTERS if f"feedback {letter}" in self.columns]
        self.meanings.sort(key=lambda pair: next(
            (index for index, cell in enumerate(cells) if " ".join(cell.split()) == pair[0]),
            len(cells)))
        self.chinese = chinese * 2 >= len(self.columns)
        for name in ("prompt", "answer"):
            if name not in self.columns:
                self.problem(number, f"the header row has no {self.name(name)} column "
                                     f"({_describe(name)}); add it")
        if "prompt" not in self.columns or "answer" not in self.columns:
            return 0
        self.header_found = True
        return number

    @staticmethod
    def _unknown_header(header: str, key: str) -> str:
        if _TOO_FAR_OPTION.fullmatch(key):
            return (f"unknown column '{header}': a question has at most 8 options, "
                    "选项A to 选项H (A to H)")
        close = difflib.get_close_matches(header, _ALL_HEADER_NAMES, n=1, cutoff=0.5)
        if not close:
            close = difflib.get_close_matches(key, list(_FIELD_OF), n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return (f"column '{header}' ignored: it means nothing to StudyApp{hint}; the columns "
                "StudyApp reads are listed in docs/question-format.md")

    def name(self, field_name: str) -> str:
        """The column's header as written in the file, or its usual name when it is missing."""
        column = self.columns.get(field_name)
        if column is not None:
            return column.header
        names = HEADERS[field_name]
        if self.chinese:
            return names[0]
        return next(name for name in names if name.isascii())

    # ----------------------------------------------------------------- rows

    def _add(self, number: int, cells: list[str], questions: list[Question],
             cards: list[Card]) -> None:
        row = _Row(self, number, cells)
        content = [name for name, column in self.columns.items()
                   if name not in _NOT_CONTENT and row.raw(column.index)]
        extra = row.extra_cells()
        if not content and not extra:
            return  # an empty row, or a numbered but unused template row
        try:
            item = row.item()
        except _Invalid:
            return
        if isinstance(item, Card):
            cards.append(item)
        else:
            questions.append(item)


class _Row:
    def __init__(self, reader: _Reader, number: int, cells: list[str]) -> None:
        self.reader = reader
        self.number = number
        self.cells = cells
        self.failed = False
        self.picture_source = ""

    def raw(self, index: int) -> str:
        return self.cells[index].strip() if index < len(self.cells) else ""

    def get(self, name: str) -> str:
        column = self.reader.columns.get(name)
        if column is None:
            return ""
        text = self.raw(column.index)
        if len(text) > MAX_CELL_CHARS:
            self.fail(f"{self.reader.name(name)} has {len(text):,} characters; a cell may hold "
                      f"at most {MAX_CELL_CHARS:,}", name)
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def fail(self, message: str, name: str | None = None, index: int | None = None) -> None:
        if index is None and name is not None and name in self.reader.columns:
            index = self.reader.columns[name].index
        self.reader.problem(self.number, message, index)
        self.failed = True

    def extra_cells(self) -> bool:
        """Report text in columns without a header; True when there was some."""
        reader = self.reader
        found = False
        for index in sorted(reader.unnamed):
            if self.raw(index):
                self.fail(f"column {_column_letter(index)} has text but no header in the "
                          "header row; name the column or move the text", index=index)
                found = True
        beyond = next((index for index in range(reader.width, len(self.cells))
                       if self.cells[index].strip()), None)
        if beyond is not None:
            last = max(index for index in range(len(self.cells)) if self.cells[index].strip())
            if reader.kind == "csv":
                message = (f"this row has {last + 1} cells but the header has {reader.width} "
                           "columns; a cell that contains a comma must be in double quotes")
            else:
                message = (f"column {_column_letter(beyond)} has text but no header in the "
                           "header row; name the column or move the text")
            self.fail(message, index=beyond)
            found = True
        return found

    def item(self) -> Question | Card:
        reader = self.reader
        item_id = self.item_id()
        kind = self.kind()
        prompt = self.get("prompt")
        options = self.options()
        answer = self.get("answer")
        explanation = self.get("explanation")
        section = self.get("section") or None
        evidence = self.get("evidence")
        tags = [tag.strip() for tag in _TAG_SEPARATORS.split(self.get("tags")) if tag.strip()]
        grouped = self.group_tags()
        tags = grouped + [tag for tag in tags if tag not in grouped]
        difficulty = self.difficulty()
        points = self.points()
        image = self.image()
        if section is not None and "\n" in section:
            self.fail(f"{reader.name('section')} must be one section id on one line, e.g. "
                      "suggestions.5.2", "section")
        if kind is None:
            raise _Invalid
        if not prompt:
            what = "the front of the card" if kind == "card" else "the question"
            self.fail(f"{reader.name('prompt')} is empty; write {what}", "prompt")
        if kind == "card":
            if options:
                self.no_options("card", options)
            if not answer:
                self.fail(f"{reader.name('answer')} is empty; write the back of the card",
                          "answer")
            if self.failed:
                raise _Invalid
            return Card(id=item_id, front=prompt, back=answer, section=section,
                        explanation=explanation, evidence=evidence, tags=tags, line=self.number)
        if kind == "choice":  # 选择题: single or multiple by its answer
            letters = _letters(answer)
            kind = "multiple" if letters is not None and len(letters) > 1 else "single"
        question = Question(id=item_id, type=_QUESTION_TYPE[kind], prompt=prompt, section=section,
                            explanation=explanation, evidence=evidence, tags=tags,
                            difficulty=difficulty, points=points, image=image,
                            image_source=self.picture_source if image else "",
                            line=self.number)
        if kind in ("single", "multiple"):
            self.choices(question, options, answer)
            self.feedback(question, options)
        elif kind == "truefalse":
            question.truth = self.truth(options, answer)
        else:
            if options:
                self.no_options(f"{self.type_word()} question", options)
            question.accepted, question.blanks = fill_answers(answer, prompt)
            if not question.accepted:
                self.fail(f"{reader.name('answer')} is empty; write the accepted answer "
                          "(several separated by | or ；)", "answer")
        if kind not in ("single", "multiple"):
            self.stray_feedback()
        if self.failed:
            raise _Invalid
        return question

    def group_tags(self) -> list[str]:
        """The values of 题库名称, 科目名称, 课题 and 领域 as tags (remembered for the title)."""
        found: list[str] = []
        for name in self.reader.groups:
            value = " ".join(self.get(name).split())
            if value:
                self.reader.group_values.setdefault(name, set()).add(value)
                if value not in found:
                    found.append(value)
        return found

    def points(self) -> float | None:
        text = self.get("points")
        if not text:
            return None
        key = unicodedata.normalize("NFKC", text).strip().rstrip("分").strip()
        try:
            value = float(key)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not 0 < value <= 1000:
            self.fail(f"{self.reader.name('points')} '{_short(text)}' must be a number above 0 "
                      "and at most 1000, e.g. 2 or 0.5 (the question's weight in an exam score)",
                      "points")
            return None
        return value

    def image(self) -> str:
        """A picture next to the bank: its reference by content (pictures.py), its path kept for
        the import to copy; a web address is never fetched (a warning)."""
        text = self.get("image")
        if not text:
            return ""
        name = self.reader.name("image")
        column = self.reader.columns["image"].index
        if _URL.match(text):
            self.reader.warn(self.number, f"{name} '{_short(text)}' is a web address; StudyApp "
                                          "never downloads anything, so the question is "
                                          "imported without its picture (save the picture "
                                          "next to the file and write its file name instead)",
                             column)
            return ""
        found = local_image(self.reader.path, text)
        if found is None:
            self.reader.warn(self.number, f"{name} '{_short(text)}': no such picture file next "
                                          "to the question file; the question is imported "
                                          "without it", column)
            return ""
        from pathlib import Path

        from studyapp.core.questionsets.pictures import MAX_PICTURE_BYTES, reference
        from studyapp.core.user_files import UnreadableFile

        try:
            named = reference(Path(found))
        except UnreadableFile:
            megabytes = MAX_PICTURE_BYTES // (1024 * 1024)
            self.reader.warn(self.number, f"{name} '{_short(text)}' cannot be read or is larger "
                                          f"than {megabytes} MB; the question is imported "
                                          "without it", column)
            return ""
        self.picture_source = found
        return named

    def feedback(self, question: Question, options: list[tuple[str, str]]) -> None:
        """选项A解析 ... become each option's feedback."""
        have = {letter: index for index, (letter, _) in enumerate(options)}
        for letter in self.reader.noted:
            name = f"feedback {letter}"
            text = self.get(name)
            if not text:
                continue
            if letter not in have:
                self.fail(f"{self.reader.name(name)} has text but "
                          f"{self.reader.name(f'option {letter}')} is empty; a note belongs "
                          "to an option", name)
            elif question.choices:
                question.choices[have[letter]].feedback = text

    def stray_feedback(self) -> None:
        """Per-option notes on a question without options are kept nowhere: say so."""
        for letter in self.reader.noted:
            name = f"feedback {letter}"
            if self.get(name):
                self.reader.warn(self.number, f"{self.reader.name(name)} ignored: a "
                                              f"{self.type_word()} question has no options",
                                 self.reader.columns[name].index)

    def item_id(self) -> str:
        item_id = self.get("id")
        if "\n" in item_id:
            self.fail(f"{self.reader.name('id')} must be on one line", "id")
        number = " ".join(self.get("number").split())
        if number:
            # 序号/题号 seeds the id as written ("12", "第12题" -> "12"; "T-001" stays), as
            # before they ordered the questions, so progress kept by those ids stays.
            value = _number(number)
            self.reader.numbers[self.number] = value
            if not item_id:
                return self.reader.id_prefix + (number if value is None else _number_text(value))
        return item_id or f"{self.reader.id_prefix}row-{self.number}"

    def type_word(self) -> str:
        """The type as the trainer wrote it, for messages."""
        written = self.get("type")
        if written:
            return written
        if self.reader.sheet_kind is not None:
            return self.reader.sheet  # the sheet named by its type: 判断题
        return "题" if self.reader.chinese else "question"

    def kind(self) -> str | None:
        written = self.get("type")
        name = self.reader.name("type")
        if not written and self.reader.sheet_kind is not None:
            return self.reader.sheet_kind  # the sheet's name says the type
        if not written:
            if any(self.raw(self.reader.columns[f"option {letter}"].index)
                   for letter in LETTERS if f"option {letter}" in self.reader.columns):
                letters = _letters(self.get("answer"))
                return "multiple" if letters is not None and len(letters) > 1 else "single"
            self.fail(f"{name} is empty; {_TYPE_HINT}", "type")
            return None
        key = _key(written)
        kind = _TYPE_OF.get(key)
        if kind is not None:
            return kind
        unsupported = _NOT_IN_SPREADSHEETS.get(key)
        if unsupported == "essay":
            self.fail(f"{name} '{written}': open questions cannot be marked automatically; "
                      f"{_TYPE_HINT}", "type")
        elif unsupported is not None:
            self.fail(f"{name} '{written}': {unsupported} questions cannot be written in a "
                      "spreadsheet; put them in a YAML file (see docs/question-format.md), or "
                      f"{_TYPE_HINT}", "type")
        else:
            self.fail(f"{name} '{written}' is not a question type; {_TYPE_HINT}", "type")
        return None

    def options(self) -> list[tuple[str, str]]:
        """(letter, text) of the filled options, checked to run from A without a gap."""
        reader = self.reader
        filled: list[tuple[str, str]] = []
        gap: str | None = None
        reported = False
        for letter in LETTERS:
            name = f"option {letter}"
            text = self.get(name) if name in reader.columns else ""
            if not text:
                gap = gap or letter
                continue
            if gap is not None and not reported:  # one gap problem per row is enough
                gap_name = f"option {gap}"
                self.fail(f"{reader.name(gap_name)} is empty but {reader.name(name)} is not; "
                          "fill the options from A on without gaps",
                          gap_name if gap_name in reader.columns else name)
                reported = True
            filled.append((letter, text))
        return filled

    def no_options(self, kind_word: str, options: list[tuple[str, str]]) -> None:
        first, last = options[0][0], options[-1][0]
        names = self.reader.name(f"option {first}")
        if last != first:
            names += f"-{self.reader.name(f'option {last}')}"
        self.fail(f"a {kind_word} has no options; leave {names} empty",
                  f"option {first}")

    def choices(self, question: Question, options: list[tuple[str, str]], answer: str) -> None:
        reader = self.reader
        name = reader.name("answer")
        kind_word = self.type_word()
        if len(options) < 2:
            wanted = f"option {LETTERS[len(options)]}"
            self.fail(f"a {kind_word} question needs at least 2 options "
                      f"({reader.name('option A')}, {reader.name('option B')}, ...); this one "
                      f"has {len(options)}", wanted if wanted in reader.columns else "option A")
        if not answer:
            example = "B" if question.type == "single" else "AC"
            self.fail(f"{name} is empty; give the letter of the correct option, e.g. {example}",
                      "answer")
            return
        letters = _letters(answer)
        if letters is None:
            self.fail(f"{name} '{_short(answer)}' is not option letters; write e.g. B, or AC "
                      "or A,C for several", "answer")
            return
        if not letters:
            self.fail(f"{name} is empty; give the letter of the correct option", "answer")
            return
        have = "".join(letter for letter, _ in options)
        missing = [letter for letter in letters if letter not in have]
        if missing:
            where = (f"this question has options A-{have[-1]}" if len(have) > 1 else
                     "this question has only option A" if have else
                     "this question has no options")
            if "".join(missing) == answer.strip().upper() and len(missing) == 1:
                self.fail(f"{name} '{answer.strip()}' names no option; {where}", "answer")
            else:
                self.fail(f"{name} '{_short(answer)}' names {', '.join(missing)}, which "
                          f"{'is no option' if len(missing) == 1 else 'are no options'}; "
                          f"{where}", "answer")
            return
        if question.type == "single" and len(letters) > 1:
            multiple = "多选" if reader.chinese else "multiple"
            self.fail(f"a {kind_word} question has one answer, but {name} '{_short(answer)}' "
                      f"names {len(letters)} options; make it {multiple} or give one letter",
                      "answer")
            return
        question.choices = [Choice(text=text, correct=letter in letters)
                            for letter, text in options]

    def truth(self, options: list[tuple[str, str]], answer: str) -> bool | None:
        reader = self.reader
        name = reader.name("answer")
        option_truths = {letter: _TRUTH.get(_truth_key(text)) for letter, text in options}
        if options and None in option_truths.values():
            self.no_options(f"{self.type_word()} question", options)
            return None
        if not answer:
            self.fail(f"{name} is empty; {_TRUTH_HINT}", "answer")
            return None
        key = _truth_key(answer)
        value = _TRUTH.get(key)
        if value is None and key.upper() in option_truths:
            value = option_truths[key.upper()]  # 选项A 正确, 选项B 错误, 答案 A
        if value is None:
            self.fail(f"{name} '{_short(answer)}' is not true or false; for a "
                      f"{self.type_word()} question {_TRUTH_HINT}", "answer")
        return value

    def difficulty(self) -> int | None:
        text = self.get("difficulty")
        if not text:
            return None
        key = unicodedata.normalize("NFKC", text).casefold().strip()
        value: int | None = _DIFFICULTY_WORDS.get(key)
        if value is None and key and set(key) <= {"★", "☆"}:
            value = key.count("★")
        if value is None:
            try:
                number = float(key)
            except ValueError:
                number = math.nan
            if number.is_integer():
                value = int(number)
        if value is None or not 1 <= value <= 5:
            self.fail(f"{self.reader.name('difficulty')} '{_short(text)}' must be a number from "
                      "1 (easy) to 5 (hard)", "difficulty")
            return None
        return value


_URL = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*://|//|www\.|data:)", re.IGNORECASE)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")
_NUMBERED = re.compile(r"第?\s*(\d+(?:\.\d+)?)\s*[题.、]?")


def local_image(source: str, written: str) -> str | None:
    """The absolute path of a picture ``written`` relative to the file ``source`` (or
    absolute), when it is an image file that exists; else None. Nothing is read."""
    from pathlib import Path

    name = written.strip().strip('"').replace("\\", "/")
    if not name or "\x00" in name or len(name) > 1000:
        return None
    candidate = Path(name).expanduser()
    if not candidate.is_absolute():
        candidate = Path(source).resolve().parent / candidate
    try:
        # (Whether it is a regular file is checked when it is read: pictures.reference.)
        if candidate.suffix.lower() in _IMAGE_SUFFIXES and candidate.exists():
            return str(candidate.resolve())
    except (OSError, ValueError):
        return None
    return None


def _number(text: str) -> float | None:
    """A question number as written ("12", "12.", "第12题", "１２") as a number, else None."""
    match = _NUMBERED.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return float(match.group(1)) if match is not None else None


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


_BLANK = re.compile(r"_{2,}|＿{2,}|[（(][ \t\u3000]*[)）]")
_IN_PARENTHESES = re.compile(r"\s*[（(]([^()（）]*)[)）]")


def fill_answers(answer: str, prompt: str) -> tuple[list[str], list[list[str]]]:
    """(accepted, blanks) of a fill answer.

    ``(答案1)(答案2)`` (or full-width parentheses) gives one blank per pair, and so does
    ``答案1|答案2`` when the prompt has that many blanks (``____``, ``（ ）``); otherwise the
    pieces separated by ``|`` or ``；`` are the accepted answers of one blank. With several
    blanks ``accepted`` holds their first answers joined by "；" and ``blanks`` each one's
    answers (alternatives inside parentheses separated by ``|`` or ``/``).
    """
    text = answer.strip()
    groups: list[str] | None = None
    if text[:1] in "(（":
        pieces = []
        position = 0
        while position < len(text):
            match = _IN_PARENTHESES.match(text, position)
            if match is None:
                break
            pieces.append(match.group(1))
            position = match.end()
        if pieces and not text[position:].strip() and len(pieces) > 1:
            groups = pieces
    if groups is not None:
        blanks = [[alt.strip() for alt in re.split(r"[|｜/／]", group) if alt.strip()]
                  for group in groups]
        if all(blanks):
            return ["；".join(blank[0] for blank in blanks)], blanks
        return [], []
    single = _IN_PARENTHESES.fullmatch(text)
    if single is not None:
        text = single.group(1)
    pieces = [piece.strip() for piece in _FILL_SEPARATORS.split(text) if piece.strip()]
    if len(pieces) > 1 and len(_BLANK.findall(prompt)) == len(pieces):
        return ["；".join(pieces)], [[piece] for piece in pieces]
    return pieces, []


def _describe(field_name: str) -> str:
    if field_name.startswith("option "):
        return f"option {field_name[-1]}"
    return {"prompt": "question text", "answer": "correct answer", "id": "question id",
            "type": "question type"}.get(field_name, field_name)


def _letters(answer: str) -> str | None:
    """The option letters an answer names ("A、C" -> "AC"), None when it is not letters."""
    text = unicodedata.normalize("NFKC", answer).upper().strip().strip("()[]【】.。")
    text = _LETTER_SEPARATORS.sub("", text)
    if not text.isascii() or not text.isalpha():
        return None if text else ""
    return "".join(dict.fromkeys(text))


def _truth_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip().rstrip("。.!！")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:37] + "..."
