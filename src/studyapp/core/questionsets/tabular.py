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

The parts: the words (vocabulary.py), CSV reading (csv_file.py), the workbook's XML
(xlsx_reader.py), the row reader (sheet_rows.py) and one row as an item (row_items.py).
This module reads a workbook: ``.xlsx`` files are read from the sheet named 题库 or
questions, else the first sheet, or every sheet when sheets are named by question type;
cached formula results are used, never the formulas. The zip container and the sheet are
checked before any row is built (``zipguard``; cells, merged ranges, other elements), so a
small file that would inflate to gigabytes is refused with a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import decode_text, file_stem
from studyapp.core.questionsets.csv_file import parse_csv, parse_csv_text
from studyapp.core.questionsets.errors import problem, warning
from studyapp.core.questionsets.limits import MAX_ITEMS, too_many_items
from studyapp.core.questionsets.row_items import MAX_CELL_CHARS, local_image
from studyapp.core.questionsets.sheet_rows import MAX_COLUMNS
from studyapp.core.questionsets.sheet_rows import SheetReader as _Reader
from studyapp.core.questionsets.vocabulary import (
    HEADERS,
    MEANINGS,
    TYPE_NAMES,
    TYPE_OF,
    fill_answers,
    name_key,
)
from studyapp.core.questionsets.zipguard import ZipRefused, iter_member, open_zip

if TYPE_CHECKING:
    from studyapp.core.questionsets.xlsx_reader import Workbook

# Read from here: the spreadsheet words, the row reader (as _Reader, the name the tests patch)
# and the CSV entry points, so that one module is the spreadsheet import.
__all__ = ["HEADERS", "MAX_CELL_CHARS", "MAX_COLUMNS", "MEANINGS", "TYPE_NAMES",
           "fill_answers", "local_image", "parse_csv", "parse_csv_text", "parse_xlsx"]


def parse_xlsx(data: bytes, path: str) -> LoadResult:
    """Parse the bytes of an .xlsx workbook; a damaged file is one problem, never a traceback.

    Only the failures of reading the archive and its XML (zipguard, lxml) mean a damaged or
    refused file; an error of the row reader is raised as it is, not hidden as "damaged".
    """
    from lxml import etree

    from studyapp.core.questionsets.xlsx_reader import SheetTooLarge, open_workbook

    if not data.startswith(b"PK"):
        return LoadResult(None, [problem(path, 0, _not_xlsx(data))])
    try:
        with open_zip(data) as archive:
            workbook = open_workbook(archive)
            return _read_workbook(workbook, data, path)
    except ZipRefused as refused:
        return LoadResult(None, [problem(path, 0, _damaged() if refused.damaged
                                         else refused.message)])
    except (_SheetTooLarge, SheetTooLarge) as refused:
        return LoadResult(None, [problem(path, refused.row, refused.message)])
    except etree.XMLSyntaxError:
        return LoadResult(None, [problem(path, 0, _damaged())])


def _damaged() -> Message:
    return msg("this Excel file cannot be read: it is damaged or not really an .xlsx workbook; "
               "open it in Excel and save it again as 'Excel Workbook (*.xlsx)'")


def _not_xlsx(data: bytes) -> Message:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return msg("this is an old Excel 97-2003 (.xls) file or an encrypted workbook; open it "
                   "in Excel and save it as 'Excel Workbook (*.xlsx)' without a password")
    head = data[:4096]
    if head and isinstance(decode_text(head), str):
        return msg("this is a text file, not an Excel workbook; if it is a CSV file, name it "
                   "with .csv (or use --format csv)")
    return _damaged()


def _read_workbook(workbook: Workbook, data: bytes, path: str) -> LoadResult:
    sheets = workbook.sheets
    if not sheets:
        return LoadResult(None, [problem(path, 0, msg("the workbook has no worksheet"))])
    chosen = next((sheet for sheet in sheets
                   if name_key(sheet[0]) in (name_key("题库"), "questions")), None)
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
    key = name_key(title)
    return TYPE_OF.get(key) or TYPE_OF.get(key.removesuffix("题"))


def _read_typed_sheets(workbook: Workbook, data: bytes, path: str,
                       typed: list[tuple[tuple[str, str], str | None]]) -> LoadResult:
    """A workbook with a sheet per type (单选题, 多选题, 判断题 ...): every sheet is read, the
    name of a typed one giving the type of rows whose 题型 is empty; a sheet without a header
    row of question columns (说明) is left out with a warning.
    Ids made from 序号 or the row start with the sheet's number ("2-5": sheet 2, 序号 5)."""
    results: list[LoadResult] = []
    skipped: list[str] = []
    if len(typed) > _MAX_SHEETS:
        return LoadResult(None, [problem(path, 0, msg(
            "the workbook has {count:,} sheets; a bank read sheet by sheet may have at most "
            "{limit} (split it into files)", count=len(typed), limit=_MAX_SHEETS))])
    items = 0
    for position, (sheet, kind) in enumerate(typed, start=1):
        if items > MAX_ITEMS:
            return LoadResult(None, [too_many_items(path, 0)])
        title, part = sheet
        try:
            merges = _merged_ranges(data, part)
        except _SheetTooLarge as refused:
            return LoadResult(None, [problem(path, refused.row, msg(
                "sheet '{sheet}': {problem}", sheet=title, problem=refused.message))])
        reader = _Reader(path, "xlsx", sheet=title, sheet_kind=kind, id_prefix=f"{position}-")
        result = reader.read(_xlsx_rows(workbook.rows(part, merges.fill_down.keys()), merges))
        if kind is None and not reader.header_found and result.question_set is None:
            skipped.append(title)  # notes for the trainer (说明), not questions
            continue
        results.append(result)
        if result.question_set is not None:
            items += len(result.question_set.questions) + len(result.question_set.cards)
    problems = [found for result in results for found in result.problems]
    warnings = [warning(path, 0, msg("sheet '{sheet}' is not read: it has no header row of "
                                     "question columns", sheet=title)) for title in skipped]
    warnings += [found for result in results for found in result.warnings]
    columns = list(dict.fromkeys(pair for result in results for pair in result.columns))
    sets = [result.question_set for result in results if result.question_set is not None]
    if not sets:
        return LoadResult(None, problems or [problem(path, 0, msg("no sheet has questions"))],
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
    def __init__(self, row: int, message: Message) -> None:
        super().__init__(message.english)
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
            raise _SheetTooLarge(self.rows, msg("this row has more than {limit:,} cells, more "
                                                "than a sheet holds; the workbook was not read",
                                                limit=MAX_COLUMNS))
        if self.cells > MAX_CELLS:
            raise _SheetTooLarge(self.rows, msg("the sheet has more than {limit:,} cells; split "
                                                "it into smaller files", limit=MAX_CELLS))

    def _count_elements(self, count: int) -> None:
        self.elements += count
        if self.elements > MAX_SHEET_ELEMENTS:
            raise _SheetTooLarge(0, msg("the sheet holds more than {limit:,} merged ranges, links "
                                        "or formatting rules; no sheet of questions needs that "
                                        "many (copy the questions into a new workbook)",
                                        limit=MAX_SHEET_ELEMENTS))

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


