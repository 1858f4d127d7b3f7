"""Row reading of a spreadsheet: finds the header row, learns what each column means, and
turns every row under it into a question or a card (row_items.py), collecting problems.

The CSV reader (csv_file.py) and the workbook reader (tabular.py) give it (row number, cells)
pairs; it knows nothing of either format. A row with a problem is reported and left out; the
other rows still load.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from studyapp.core.messages import N_, Message, msg, msg_n
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import file_stem, set_id_from_path
from studyapp.core.questionsets.errors import Problem, problem, warning
from studyapp.core.questionsets.limits import MAX_ITEMS, too_many_items_message
from studyapp.core.questionsets.model import Card, Question, QuestionSet
from studyapp.core.questionsets.row_items import InvalidRow, SheetRow
from studyapp.core.questionsets.vocabulary import FIELD_OF, HEADERS, LETTERS, MEANINGS, name_key

__all__ = ["HEADER_SEARCH_ROWS", "MAX_COLUMNS", "SheetReader"]

MAX_COLUMNS = 16_384  # what an Excel sheet holds
_SHEET_ROWS = 1_048_576  # likewise
_MAX_UNKNOWN_REPORTED = 50
# How far down the header row may be (rows above it are a title and skipped).
HEADER_SEARCH_ROWS = 10
_GROUP_FIELDS = ("bank", "subject", "topic", "field")
# Fields a row may fill without being a question (a numbered, unused template row).
_NOT_CONTENT = ("id", "type", "number", "points", *_GROUP_FIELDS)
_ALL_HEADER_NAMES = [name for names in HEADERS.values() for name in names]
_TOO_FAR_OPTION = re.compile(r"(?:选项|option|choice)?[i-z]")


@dataclass
class _Column:
    index: int  # 0-based
    header: str  # as written in the file


class SheetReader:
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

    def problem(self, row: int, message: Message, column: int | None = None) -> None:
        self.problems.append(problem(
            self.path, row, self._where(message), None if column is None else column + 1,
            column_name=None if column is None else self.headers.get(column)))

    def warn(self, row: int, message: Message, column: int | None = None) -> None:
        self.warnings.append(warning(
            self.path, row, self._where(message), None if column is None else column + 1,
            None if column is None else self.headers.get(column)))

    def _where(self, message: Message) -> Message:
        return msg("sheet '{sheet}': {problem}", sheet=self.sheet, problem=message) \
            if self.sheet else message

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
                self.problem(number, msg("the file has more than {limit:,} rows, more than a "
                                         "sheet holds (the rest was not read)",
                                         limit=_SHEET_ROWS))
                break
            if header_row and any(cell.strip() for cell in cells):
                # (Empty rows further down, e.g. formatting Excel keeps, do not count.)
                content_rows += 1
                if content_rows > MAX_ITEMS:
                    self.problem(number, too_many_items_message())
                    break
            if len(cells) > MAX_COLUMNS:
                self.problem(number, msg("this row has {count:,} cells; a sheet has at most "
                                         "{limit:,} columns (the rest of the row was not read)",
                                         count=len(cells), limit=MAX_COLUMNS), MAX_COLUMNS)
                cells = cells[:MAX_COLUMNS]
            if not header_row:
                if not any(cell.strip() for cell in cells):
                    continue
                waiting.append((number, cells))
                if self._looks_like_header(cells) or len(waiting) >= HEADER_SEARCH_ROWS:
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
                self.problem(0, msg("the file is empty; start from a template in "
                                    "questions/templates/"))
        if not questions and not cards:
            if header_row and not self.problems:
                self.problem(header_row, msg("there are no questions under the header row"))
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
        known = [key for key in map(name_key, cells[:200]) if key in FIELD_OF]
        return len(known) >= 2 and any(len(key) > 1 for key in known)

    def _header(self, waiting: list[tuple[int, list[str]]]) -> int:
        """Read the header among the first rows; its row number, or 0 when there is none."""
        found = next(((number, cells) for number, cells in waiting
                      if self._looks_like_header(cells)), None)
        if found is None:  # a header with typos: the first row naming a known column
            found = next(((number, cells) for number, cells in waiting
                          if any(name_key(cell) in FIELD_OF and len(name_key(cell)) > 1
                                 for cell in cells)), None)
        if found is None:
            number, cells = waiting[0]
            shown = ", ".join(cell.strip()[:20] for cell in cells[:6] if cell.strip())
            self.problem(number, msg("no header row found: the first row must name the columns, "
                                     "e.g. 题型, 题干, 选项A, 选项B, 答案 (or type, question, A, "
                                     "B, answer); this row has: {cells}", cells=shown[:200]))
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
            key = name_key(header)
            name = FIELD_OF.get(key)
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
                self.problem(number, msg("columns '{first}' and '{second}' both give the "
                                         "{meaning}; keep one of them",
                                         first=self.columns[name].header, second=header,
                                         meaning=_describe(name)), index)
                continue
            self.columns[name] = _Column(index, header)
            chinese += any("\u4e00" <= char <= "\u9fff" for char in header)
        if unknown > _MAX_UNKNOWN_REPORTED:
            self.warn(number, msg_n("... and {n:,} more column that means nothing to StudyApp is "
                                    "ignored",
                                    "... and {n:,} more columns that mean nothing to StudyApp "
                                    "are ignored", unknown - _MAX_UNKNOWN_REPORTED),
                      first_unreported)
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
                self.problem(number, msg("the header row has no {name} column ({meaning}); add "
                                         "it", name=self.name(name), meaning=_describe(name)))
        if "prompt" not in self.columns or "answer" not in self.columns:
            return 0
        self.header_found = True
        return number

    @staticmethod
    def _unknown_header(header: str, key: str) -> Message:
        if _TOO_FAR_OPTION.fullmatch(key):
            return msg("unknown column '{header}': a question has at most 8 options, 选项A to "
                       "选项H (A to H)", header=header)
        close = difflib.get_close_matches(header, _ALL_HEADER_NAMES, n=1, cutoff=0.5)
        if not close:
            close = difflib.get_close_matches(key, list(FIELD_OF), n=1, cutoff=0.6)
        if close:
            return msg("column '{header}' ignored: it means nothing to StudyApp (did you mean "
                       "'{close}'?); the columns StudyApp reads are listed in "
                       "docs/question-format.md", header=header, close=close[0])
        return msg("column '{header}' ignored: it means nothing to StudyApp; the columns "
                   "StudyApp reads are listed in docs/question-format.md", header=header)

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
        row = SheetRow(self, number, cells)
        content = [name for name, column in self.columns.items()
                   if name not in _NOT_CONTENT and row.raw(column.index)]
        extra = row.extra_cells()
        if not content and not extra:
            return  # an empty row, or a numbered but unused template row
        try:
            item = row.item()
        except InvalidRow:
            return
        if isinstance(item, Card):
            cards.append(item)
        else:
            questions.append(item)


def _describe(field_name: str) -> str | Message:
    if field_name.startswith("option "):
        return msg("option {letter}", letter=field_name[-1])
    if field_name in _DESCRIPTIONS:
        return msg(_DESCRIPTIONS[field_name])
    return field_name


_DESCRIPTIONS = {"prompt": N_("question text"), "answer": N_("correct answer"),
                 "id": N_("question id"), "type": N_("question type")}
