"""Values read from a native YAML set: mappings and lists that remember their lines.

Kept apart from the reader (native.py) so that the schema checks (native_schema.py) can
name them without importing the reader.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMAT_TAG", "LETTERS", "LinedMap", "LinedSeq"]

FORMAT_TAG = "studyapp-questions/1"
LETTERS = "ABCDEFGH"


class LinedMap(dict[Any, Any]):
    """A YAML mapping with the line of the mapping, of each key, and raw text of each scalar."""

    __slots__ = ("line", "key_lines", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}
        self.raw: dict[Any, str] = {}


class LinedSeq(list[Any]):
    __slots__ = ("line", "item_lines", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []
        self.raw: dict[Any, str] = {}
