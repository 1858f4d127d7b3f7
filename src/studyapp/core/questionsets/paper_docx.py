"""The lines of a Word (.docx) paper, read straight from its XML in one streaming pass.

A paper is read as python-docx would give it (``paragraph.text`` of every paragraph of the
body, with Word's automatic list numbers in front, which are not in the text) but without
building python-docx's objects: asking python-docx for each paragraph's style looked the
default style up every time, about 1 ms a paragraph (50,000 paragraphs: 49 s). Here the
styles and list definitions are read once into dictionaries, and ``word/document.xml`` is
parsed incrementally with lxml as its bytes are inflated (zipguard.iter_member counts the
bytes really inflated, never trusting the size a part declares), each paragraph dropped once
read, so time and memory grow with the paper and stop at MAX_PARAGRAPHS.

Untrusted XML: no entity is resolved, nothing is fetched, no huge-tree mode.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from studyapp.core.questionsets.limits import MAX_PARAGRAPHS
from studyapp.core.questionsets.zipguard import iter_member, read_member

__all__ = ["DOCUMENT", "docx_lines", "formatted"]

DOCUMENT = "word/document.xml"
_STYLES_BYTES = 16 * 1024 * 1024  # styles.xml and numbering.xml, as inflated

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY = f"{_W}body"
_P = f"{_W}p"
_R = f"{_W}r"
_HYPERLINK = f"{_W}hyperlink"
_TBL = f"{_W}tbl"
_VAL = f"{_W}val"
# What python-docx's Run.text makes of each element in a run.
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BR = f"{_W}br"
_T = f"{_W}t"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def docx_lines(archive: zipfile.ZipFile) -> tuple[list[tuple[int, str]], bool]:
    """(paragraph number, line) for every line of the body's paragraphs, and whether the
    document has tables (whose text is not read).

    A paragraph's soft line breaks start new lines with the same number. Raises
    :class:`ZipRefused` for a part too large or damaged and ``etree.XMLSyntaxError`` for XML
    that is not well formed.
    """
    parts = _related_parts(archive)
    numbers = _ListNumbers(_xml(archive, parts.get("numbering")),
                           _xml(archive, parts.get("styles")))
    lines: list[tuple[int, str]] = []
    number = 0
    has_tables = False
    for element in _body_children(archive):
        if element.tag == _TBL:
            has_tables = True
            continue
        if element.tag != _P:
            continue
        number += 1
        if number > MAX_PARAGRAPHS:
            lines.append((number, ""))  # the reader says the paper is too long
            break
        text = numbers.label(element) + _paragraph_text(element)
        for piece in text.replace("\r", "\n").split("\n"):
            lines.append((number, piece))
    return lines, has_tables


def _related_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """The document's styles and numbering parts by kind ("styles", "numbering")."""
    found = {"styles": "word/styles.xml", "numbering": "word/numbering.xml"}
    try:
        rels = read_member(archive, "word/_rels/document.xml.rels", _STYLES_BYTES)
    except KeyError:
        return found
    root = etree.fromstring(rels, _parser())
    for relation in root.iter(_RELATIONSHIPS):
        kind = (relation.get("Type") or "").rsplit("/", 1)[-1]
        target = relation.get("Target") or ""
        if kind in found and target and relation.get("TargetMode") != "External":
            found[kind] = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
    return found


def _xml(archive: zipfile.ZipFile, name: str | None) -> Any:
    """The parsed part ``name``, or None when the document has none."""
    if not name or name not in archive.NameToInfo:
        return None
    return etree.fromstring(read_member(archive, name, _STYLES_BYTES), _parser())


def _body_children(archive: zipfile.ZipFile) -> Iterator[Any]:
    """The body's child elements (paragraphs, tables ...), each complete, in order; each is
    cleared once the caller has moved on, so memory holds one of them at a time."""
    parser = etree.XMLPullParser(events=("end",), resolve_entities=False, no_network=True,
                                 huge_tree=False, remove_comments=True, remove_pis=True)
    for block in iter_member(archive, DOCUMENT):
        parser.feed(block)
        yield from _finished_children(parser)
    parser.close()
    yield from _finished_children(parser)


def _finished_children(parser: Any) -> Iterator[Any]:
    for _event, element in parser.read_events():
        parent = element.getparent()
        if parent is None or parent.tag != _BODY:
            continue
        yield element
        element.clear()
        while element.getprevious() is not None:  # what came before is done with too
            del parent[0]


def _paragraph_text(paragraph: Any) -> str:
    """What python-docx's ``Paragraph.text`` gives: the runs and hyperlinks' runs."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag == _R:
            _run_text(child, parts)
        elif child.tag == _HYPERLINK:
            for run in child:
                if run.tag == _R:
                    _run_text(run, parts)
    return "".join(parts)


def _run_text(run: Any, parts: list[str]) -> None:
    for element in run:
        tag = element.tag
        if tag == _T:
            parts.append(element.text or "")
        elif tag == _BR:
            if element.get(f"{_W}type", "textWrapping") == "textWrapping":
                parts.append("\n")
        else:
            found = _RUN_TEXT.get(tag)
            if found is not None:
                parts.append(found)


# --------------------------------------------------------------------------- list numbers

_CHINESE_DIGITS = "零一二三四五六七八九"
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese_number(value: int) -> str:
    if not 0 < value < 100:
        return str(value)
    tens, ones = divmod(value, 10)
    if not tens:
        return _CHINESE_DIGITS[ones]
    return ((_CHINESE_DIGITS[tens] if tens > 1 else "") + "十"
            + (_CHINESE_DIGITS[ones] if ones else ""))


def _letters_number(value: int, upper: bool) -> str:
    # Word's letter numbering: A..Z, then AA, BB ...
    if value < 1:
        return str(value)
    letter = chr(ord("A" if upper else "a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = ""
    for amount, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while value >= amount:
            out += digits
            value -= amount
    return out


def formatted(value: int, kind: str) -> str:
    """The number ``value`` as Word writes it in a list of format ``kind`` (w:numFmt)."""
    if kind in ("upperLetter", "lowerLetter"):
        return _letters_number(value, kind == "upperLetter")
    if kind in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if kind == "upperRoman" else roman.lower()
    if kind in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                "ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return _chinese_number(value)
    if kind == "ideographTraditional" and 0 < value <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[value - 1]
    if kind == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    if kind == "decimalFullWidth":
        return str(value).translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
    return str(value)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


_NumberProperties = tuple[str | None, int | None]  # (w:numId, w:ilvl) of a w:numPr


def _number_properties(properties: Any) -> _NumberProperties | None:
    """(numId, ilvl) of the w:numPr in a w:pPr, or None when it has none."""
    if properties is None:
        return None
    numbered = properties.find(f"{_W}numPr")
    if numbered is None:
        return None
    list_id, level = numbered.find(f"{_W}numId"), numbered.find(f"{_W}ilvl")
    return (list_id.get(_VAL) if list_id is not None else None,
            _int(level.get(_VAL), 0) if level is not None else None)


class _ListNumbers:
    """The labels Word draws for numbered paragraphs ("1." "A、" "一、"), counted per list and
    level as Word counts them; a paragraph's numbering comes from its own properties or from
    its style and the styles it is based on. Bullets get no label."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbers: dict[str, _NumberProperties | None] = {}
        self.default_style: str | None = None
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None and self.levels:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for definition in root.iter(f"{_W}abstractNum"):
            levels = {}
            for level in definition.iter(f"{_W}lvl"):
                start, kind, text = (level.find(f"{_W}start"), level.find(f"{_W}numFmt"),
                                     level.find(f"{_W}lvlText"))
                levels[_int(level.get(f"{_W}ilvl"), 0)] = (
                    _int(start.get(_VAL) if start is not None else None, 1),
                    (kind.get(_VAL) if kind is not None else None) or "decimal",
                    (text.get(_VAL) if text is not None else None) or "")
            abstract[definition.get(f"{_W}abstractNumId") or ""] = levels
        for instance in root.iter(f"{_W}num"):
            reference = instance.find(f"{_W}abstractNumId")
            if reference is not None:
                self.levels[instance.get(f"{_W}numId") or ""] = abstract.get(
                    reference.get(_VAL) or "", {})

    def _read_styles(self, root: Any) -> None:
        own: dict[str, _NumberProperties | None] = {}
        based_on: dict[str, str] = {}
        for style in root.iter(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph":
                continue
            style_id = style.get(f"{_W}styleId") or ""
            own[style_id] = _number_properties(style.find(f"{_W}pPr"))
            base = style.find(f"{_W}basedOn")
            if base is not None and base.get(_VAL):
                based_on[style_id] = base.get(_VAL)
            if style.get(f"{_W}default") in ("1", "true", "on") and self.default_style is None:
                self.default_style = style_id
        for style_id in own:  # each style's numbering through its bases, found once
            seen = set()
            current: str | None = style_id
            found = None
            while current is not None and current not in seen and current in own:
                seen.add(current)
                found = own[current]
                if found is not None:
                    break
                current = based_on.get(current)
            self.style_numbers[style_id] = found

    def label(self, paragraph: Any) -> str:
        if not self.levels:
            return ""
        properties = paragraph.find(f"{_W}pPr")
        numbered = _number_properties(properties)
        if numbered is None:
            style = properties.find(f"{_W}pStyle") if properties is not None else None
            style_id = style.get(_VAL) if style is not None else None
            if style_id not in self.style_numbers:
                style_id = self.default_style  # as python-docx: an unknown style is the default
            numbered = self.style_numbers.get(style_id or "")
        if numbered is None or numbered[0] is None or numbered[0] == "0":
            return ""  # no numbering, or numbering switched off for this paragraph
        list_id, depth = numbered[0], numbered[1] or 0
        levels = self.levels.get(list_id)
        if not levels or depth not in levels:
            return ""
        counts = self.counters.setdefault(list_id, {})
        start, kind, text = levels[depth]
        counts[depth] = counts.get(depth, start - 1) + 1
        for deeper in [key for key in counts if key > depth]:
            del counts[deeper]  # a higher level moving on restarts the ones below it
        if kind in ("bullet", "none") or not text:
            return ""

        def value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            if level not in levels:
                return ""
            return formatted(counts.get(level, levels[level][0]), levels[level][1])

        return _LEVEL_PLACEHOLDER.sub(value, text)[:20] + " "

