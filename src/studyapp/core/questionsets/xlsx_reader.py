"""The cells of an .xlsx workbook as text, read from its XML in one streaming pass per part.

openpyxl (used before) built an object per cell and row: a million empty rows took 17 s, one
cell at XFD1048576 padded a million rows, and its ``ZipFile.read`` inflated a part in one
call whatever size the part declared. Here every part is inflated in blocks by
``zipguard.iter_member`` (counting the bytes really inflated) and parsed incrementally with
lxml, each row dropped once read; rows without a value are skipped without building
anything. Values are given as openpyxl's read-only, data-only mode gave them, as text: the
cached result of a formula, shared and inline strings, TRUE/FALSE, numbers (integral ones
without ".0"), dates in date formats as ISO text.

Untrusted XML: no entity is resolved, nothing is fetched, no huge-tree mode. A part that is
not well formed raises ``etree.XMLSyntaxError``; a part too large or damaged ``ZipRefused``.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from lxml import etree

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets.zipguard import ZipRefused, iter_member

__all__ = ["MAX_SHARED_STRINGS", "MAX_SPREAD_CELLS", "Workbook", "open_workbook"]

# Different texts of a workbook: a sheet of MAX_ITEMS questions with a dozen columns has at
# most about 120,000.
MAX_SHARED_STRINGS = 200_000
# Cells a sheet's rows span in all, empty ones between values included: a value at XFD in
# every row would otherwise make each row 16,384 cells long.
MAX_SPREAD_CELLS = 20_000_000
_SHEET_ROWS = 1_048_576
_MAX_COLUMNS = 16_384

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ROW, _CELL, _VALUE, _INLINE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v", f"{_MAIN}is"
_INTEGER = re.compile(r"-?\d{1,30}")
_REFERENCE = re.compile(r"([A-Z]{1,3})(\d{0,7})$")
# Number formats that show a date (openpyxl's BUILTIN_FORMATS that are dates).
_DATE_FORMAT_IDS = frozenset((*range(14, 23), 45, 46, 47))
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_LETTERS = re.compile(r"[dmyhs]", re.IGNORECASE)


class SheetTooLarge(Exception):
    """The sheet's cells are spread further than MAX_SPREAD_CELLS; ``row`` where it was seen."""

    def __init__(self, row: int, message: Message) -> None:
        super().__init__(message.render())
        self.row = row
        self.message = message




def _elements(blocks: Iterable[bytes], tags: tuple[str, ...]) -> Iterator[Any]:
    """The elements with one of ``tags`` of the XML in ``blocks``, each complete when given
    and cleared after (with what came before it), so memory holds one at a time."""
    parser = etree.XMLPullParser(events=("end",), tag=tags, resolve_entities=False,
                                 no_network=True, huge_tree=False, remove_comments=True,
                                 remove_pis=True)

    def ready() -> Iterator[Any]:
        for _event, element in parser.read_events():
            yield element
            element.clear()
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]

    for block in blocks:
        parser.feed(block)
        yield from ready()
    parser.close()
    yield from ready()


# A row with no cell, or only empty cells (<c r="A3" s="1"/>): formatting Excel keeps, a
# million of them in a hostile file. Dropped from the bytes before lxml builds them.
_EMPTY_ROW = re.compile(rb"<(?:\w{1,32}:)?row\b[^<>]*/>|<(?:\w{1,32}:)?row\b[^<>/]*>"
                        rb"(?:\s|<(?:\w{1,32}:)?c\b[^<>]*/>)*</(?:\w{1,32}:)?row>")
_ROW_START = re.compile(rb"<(?:\w{1,32}:)?row\b")


def _without_empty_rows(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """``blocks`` of a sheet's XML without its empty rows. Rows do not nest, so every row that
    starts before the last row start of a buffer ends before it too: the rest is carried
    over to the next block."""
    tail = b""
    for block in blocks:
        buffer = tail + block
        last = max((found.start() for found in _ROW_START.finditer(
            buffer, max(0, len(buffer) - len(block) - 64))), default=0)
        cut = last if last > 0 else len(buffer)
        yield _EMPTY_ROW.sub(b"", buffer[:cut])
        tail = buffer[cut:]
    yield _EMPTY_ROW.sub(b"", tail)


def _whole(archive: zipfile.ZipFile, name: str) -> Any:
    """Part ``name`` parsed whole (a small one: the workbook, its relationships, styles)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for block in iter_member(archive, name):
        parser.feed(block)
    return parser.close()


def _rich_text(element: Any) -> str:
    """The text of a shared or inline string: its t, or its runs' t, without phonetics."""
    parts = []
    for child in element:
        tag = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts += [text.text or "" for text in child
                      if isinstance(text.tag, str) and text.tag.endswith("}t")]
    return "".join(parts)


@dataclass
class Workbook:
    """An opened workbook: its worksheets as (title, part name), and what reading their
    cells needs (shared strings, which styles show dates)."""

    archive: zipfile.ZipFile
    sheets: list[tuple[str, str]] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    date_styles: frozenset[int] = frozenset()
    epoch_1904: bool = False

    def close(self) -> None:
        self.archive.close()

    def rows(self, sheet: str, keep: Collection[int] = frozenset()
             ) -> Iterator[tuple[int, list[str]]]:
        """(row number, cell texts) of each row of part ``sheet`` with a value, and of the rows
        in ``keep`` (merged cells filled down into them) even when empty."""
        spread = 0
        number = 0
        blocks = iter_member(self.archive, sheet)
        if not keep:
            blocks = _without_empty_rows(blocks)
        for row in _elements(blocks, (_ROW,)):
            written = row.get("r")
            number = int(written) if written and written.isdigit() else number + 1
            if number > _SHEET_ROWS:
                yield number, []
                return
            cells: dict[int, str] = {}
            column = -1
            for cell in row:
                if cell.tag != _CELL:
                    continue
                column = _column_of(cell.get("r"), column + 1)
                text = self._text(cell)
                if text and column < _MAX_COLUMNS:
                    cells[column] = text
            if not cells and number not in keep:
                continue
            width = max(cells) + 1 if cells else 0
            spread += width
            if spread > MAX_SPREAD_CELLS:
                raise SheetTooLarge(number, msg(
                    "the sheet's cells are spread over more than {limit:,} cells; copy the "
                    "questions into a new workbook", limit=MAX_SPREAD_CELLS))
            values = [""] * width
            for index, text in cells.items():
                values[index] = text
            yield number, values

    def _text(self, cell: Any) -> str:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return _rich_text(inline) if inline is not None else ""
        value = cell.find(_VALUE)
        raw = value.text if value is not None else None
        if raw is None:
            return ""
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                return ""
        if kind == "b":
            return "TRUE" if raw.strip() in ("1", "true") else "FALSE"
        if kind in ("str", "e", "d"):
            return raw
        return self._number(raw, cell.get("s"))

    def _number(self, raw: str, style: str | None) -> str:
        if _INTEGER.fullmatch(raw) and not (style and style.isdigit()
                                            and int(style) in self.date_styles):
            return str(int(raw))
        try:
            number = float(raw)
        except ValueError:
            return raw
        if style is not None and style.isdigit() and int(style) in self.date_styles:
            moment = _excel_date(number, self.epoch_1904)
            if moment is not None:
                return moment.isoformat()
        if math.isfinite(number) and number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return repr(number)


def _column_of(reference: str | None, default: int) -> int:
    """0-based column of a cell reference ("B7" -> 1); ``default`` when there is none."""
    found = _REFERENCE.match(reference or "")
    if found is None:
        return default
    index = 0
    for letter in found.group(1):
        index = index * 26 + ord(letter) - 64
    return index - 1


def _excel_date(serial: float, epoch_1904: bool) -> datetime | None:
    if not math.isfinite(serial) or not 0 <= serial < 2_958_466:  # up to the year 9999
        return None
    if epoch_1904:
        return datetime(1904, 1, 1) + timedelta(days=serial)
    # Excel counts 29 February 1900, which never was: serials before it start a day later.
    return datetime(1899, 12, 31 if serial < 60 else 30) + timedelta(days=serial)


def open_workbook(archive: zipfile.ZipFile) -> Workbook:
    """The workbook in ``archive`` (checked by zipguard.open_zip), its sheets, shared strings
    and date styles read. Raises ZipRefused (damaged) when a required part is missing."""
    book = Workbook(archive)
    try:
        root = _whole(archive, "xl/workbook.xml")
    except KeyError as missing:
        raise ZipRefused(msg("the workbook part is missing"), damaged=True) from missing
    properties = root.find(f"{_MAIN}workbookPr")
    book.epoch_1904 = properties is not None and properties.get("date1904") in ("1", "true")
    targets = _worksheet_targets(archive)
    sheets = root.find(f"{_MAIN}sheets")
    for sheet in sheets if sheets is not None else ():
        target = targets.get(sheet.get(f"{_REL}id") or "")
        if target is not None and target in archive.NameToInfo:
            book.sheets.append((sheet.get("name") or "", target))
    book.strings = _shared_strings(archive)
    book.date_styles = _date_styles(archive)
    return book


def _worksheet_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """Relationship id -> part name of each worksheet (chart sheets are no worksheets)."""
    try:
        root = _whole(archive, "xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for relation in root.iter(_PACKAGE_REL):
        if not (relation.get("Type") or "").endswith("/worksheet"):
            continue
        target = relation.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[relation.get("Id") or ""] = name
    return targets


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    name = next((name for name in archive.NameToInfo
                 if name.lower().endswith("sharedstrings.xml")), None)
    if name is None:
        return []
    strings: list[str] = []
    for item in _elements(iter_member(archive, name), ("{*}si",)):
        strings.append(_rich_text(item))
        if len(strings) > MAX_SHARED_STRINGS:
            raise ZipRefused(msg("the workbook has more than {limit:,} different texts; no sheet "
                                 "of questions needs that many (split it into smaller files)",
                                 limit=MAX_SHARED_STRINGS))
    return strings


def _date_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """The indexes of the cell styles whose number format shows a date."""
    if "xl/styles.xml" not in archive.NameToInfo:
        return frozenset()
    root = _whole(archive, "xl/styles.xml")
    custom = {}
    for number_format in root.iter(f"{_MAIN}numFmt"):
        code = _NOT_DATE_PARTS.sub("", number_format.get("formatCode") or "")
        identifier = number_format.get("numFmtId") or ""
        if identifier.isdigit():
            custom[int(identifier)] = bool(_DATE_LETTERS.search(code))
    formats = root.find(f"{_MAIN}cellXfs")
    dates = set()
    for index, style in enumerate(formats if formats is not None else ()):
        identifier = style.get("numFmtId") or "0"
        if not identifier.isdigit():
            continue
        number = int(identifier)
        if custom.get(number, number in _DATE_FORMAT_IDS):
            dates.add(index)
    return frozenset(dates)
