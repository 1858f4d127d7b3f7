"""CSV reading: the bytes of a CSV file as (row number, cells) for the row reader
(sheet_rows.py).

CSV text may be UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030 as Excel on
Chinese Windows saves it, or Big5 (``_text.decode_text``, the decoder of every text format);
other encodings are refused, not read garbled. The delimiter (comma, semicolon or tab) is
found from the header row, or given by Excel's ``sep=`` first line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from studyapp.core.messages import msg
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import Undecodable, decode_text, undecodable
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.row_items import MAX_CELL_CHARS
from studyapp.core.questionsets.sheet_rows import HEADER_SEARCH_ROWS, SheetReader
from studyapp.core.questionsets.vocabulary import FIELD_OF, name_key

__all__ = ["parse_csv", "parse_csv_text"]

_SEP_LINE = re.compile(r"sep=(.)\r?\n?")


def parse_csv(data: bytes, path: str) -> LoadResult:
    """Parse the bytes of a CSV file; every problem is reported, the good rows still load."""
    text = decode_text(data)
    if isinstance(text, Undecodable):
        return LoadResult(None, [problem(path, 0, undecodable(text, csv=True))])
    return parse_csv_text(text, path)


def parse_csv_text(text: str, path: str) -> LoadResult:
    """Parse a CSV file's text (decoded by ``decode_text``, as every text format)."""
    return SheetReader(path, "csv").read(_csv_rows(text, path))


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
                yield problem(path, row, msg("a cell is longer than {length:,} characters (an "
                                             "Excel cell holds at most {limit:,}); the rest of "
                                             "the file was not read",
                                             length=csv.field_size_limit(),
                                             limit=MAX_CELL_CHARS))
                return
            if "end of data" in message:
                yield problem(path, row, msg('a double quote (") opened in this row is never '
                                             "closed, so the rest of the file would be one "
                                             "cell; close the quote or remove it"))
                return
            yield problem(path, row, msg('a cell in this row has text after its closing double '
                                         'quote ("); put the whole cell in quotes and write a '
                                         'quote inside it as ""'))
            continue
        yield row, cells


def _sniff(text: str) -> str:
    """The delimiter that makes most known headers in the first rows; comma on a tie."""
    lines = text[:65536].splitlines()[:HEADER_SEARCH_ROWS]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        known = max((sum(1 for cell in line.split(delimiter) if name_key(cell.strip('"')) in
                         FIELD_OF) for line in lines), default=0)
        cells = max((line.count(delimiter) for line in lines), default=0)
        score = (known, cells)
        if score > best_score:
            best, best_score = delimiter, score
    return best
