"""Small text helpers shared by the importers of non-native formats (GIFT, Aiken, CSV, XLSX).

Those formats carry no set id, so the id comes from the file name and must be stable
across re-imports of the same file: progress is keyed by it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from enum import Enum
from functools import lru_cache
from pathlib import PurePath

from studyapp.core.messages import Message, msg

# Chinese characters (CJK ideographs, extension A, compatibility) are kept in set ids, as in
# the native format's schema (setId), so that 题库 第一章.csv gives the id 题库-第一章.
SET_ID_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSAFE_IN_SET_ID = re.compile(f"[^a-z0-9._{SET_ID_CJK}-]+")
_UNSAFE_IN_SLUG = re.compile(r"[^a-z0-9]+")


def file_stem(path: str) -> str:
    """The file name without its last extension ("sets/Week 1.gift" -> "Week 1")."""
    # PurePath splits on "/" and, on Windows, "\\" too; names from either OS work.
    return PurePath(path.replace("\\", "/")).stem


def set_id_from_path(path: str) -> str:
    """A set id from the file stem: NFKC, lowercased, runs of other characters -> '-'.

    Letters a-z, digits, '.', '_', '-' and Chinese characters are kept ("第一章 Quiz.csv" ->
    "第一章-quiz"). A stem with no usable character (e.g. only Cyrillic) gets "set-" plus a
    short hash of the stem, so that two such files do not replace each other on import.
    """
    stem = file_stem(path)
    candidate = _UNSAFE_IN_SET_ID.sub("-", unicodedata.normalize("NFKC", stem).lower())
    candidate = candidate.lstrip("._-").rstrip("-")
    if candidate:
        return candidate
    digest = hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"set-{digest}"


def legacy_set_id_from_path(path: str) -> str | None:
    """The id StudyApp before 0.2 made from this file name, when it differs from today's.

    Stems without ASCII letters or digits (e.g. 题库.csv) used to become "set-" plus a hash;
    the import plan keeps such a set's id when the profile already has it, so learners'
    progress stays with the set.
    """
    stem = file_stem(path)
    old = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).lstrip("._-").rstrip("-")
    if old:
        return None
    legacy = "set-" + hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return legacy if legacy != set_id_from_path(path) else None


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by '-'; "" when nothing usable is left."""
    return _UNSAFE_IN_SLUG.sub("-", text.lower()).strip("-")


def split_lines(text: str) -> list[str]:
    """Lines as a text editor numbers them: CRLF, CR and LF end a line, nothing else does.

    (``str.splitlines`` would also split on form feeds and Unicode separators, which would
    make the reported line numbers disagree with the trainer's editor.)
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def shorten(text: str) -> str:
    """A cell or line as a message quotes it: on one line, at most 40 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:37] + "..."


_NOT_IN_UTF16_TEXT = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufeff\ufffe\uffff]")


class Undecodable(Enum):
    """Why bytes are not text of a supported encoding (each format words its own message)."""

    NUL_BYTES = "nul"  # binary data (a NUL byte in 8-bit text, or in decoded UTF-16)
    BROKEN_UTF16 = "utf16"  # starts with a UTF-16 byte order mark, but is not UTF-16
    UNKNOWN_ENCODING = "encoding"  # neither UTF-8 nor GBK/GB18030 nor Big5


def decode_text(data: bytes) -> str | Undecodable:
    """The text of a question file's bytes, or why there is none; the one decoder of every
    text format (YAML, GIFT, Aiken, papers and CSV).

    UTF-16 with its byte order mark (Excel's "Unicode text"), UTF-8 with or without BOM,
    else GBK/GB18030 or Big5 when it reads as Chinese (:func:`decode_chinese`).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Undecodable.BROKEN_UTF16
        if "\x00" in text:
            return Undecodable.NUL_BYTES
        # Bytes that merely start like UTF-16 decode to anything: a text file has no byte
        # order marks past its start, no noncharacters and no control codes but line ends.
        return Undecodable.UNKNOWN_ENCODING if _NOT_IN_UTF16_TEXT.search(text) else text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        return Undecodable.NUL_BYTES
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        chinese = decode_chinese(data)
    return Undecodable.UNKNOWN_ENCODING if chinese is None else chinese


def undecodable(reason: Undecodable, csv: bool = False) -> Message:
    """What to tell the trainer; a CSV file is named in the words of Excel's Save As dialog."""
    if reason is Undecodable.NUL_BYTES:
        return (msg("this is not a CSV text file (it contains NUL bytes); in Excel use Save As "
                    "'CSV UTF-8', or import the .xlsx file itself") if csv else
                msg("this is not a text file (it contains NUL bytes); save it as text (UTF-8) "
                    "and try again"))
    if reason is Undecodable.BROKEN_UTF16:
        return msg("the file starts like UTF-16 text but is not; save it as {encoding}",
                   encoding="CSV UTF-8" if csv else "UTF-8")
    return (msg("this file is not in a Chinese or Unicode encoding; save it as UTF-8 (in Excel: "
                "Save As 'CSV UTF-8')") if csv else
            msg("this file is not in a Chinese or Unicode encoding; save it as UTF-8"))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def decode_chinese(data: bytes) -> str | None:
    """Text of bytes that are not UTF-8: GBK/GB18030, or Big5, when the text reads as such.

    GB18030 decodes nearly any bytes, so a Big5, Shift-JIS or cp1252 file would be stored as
    garbled characters. The decoded text is kept only when it is mostly common Chinese
    characters; else Big5 is tried the same way. None when neither reads as Chinese (say
    :func:`undecodable`).
    """
    for encoding in ("gb18030", "cp950"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if reads_as_chinese(text):
            return text
    return None


def reads_as_chinese(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` are mostly common Chinese ones.

    Common: the 6,763 hanzi of GB2312 and its punctuation, the 5,401 frequent hanzi of Big5
    (so Traditional text saved as GBK passes), CJK and full-width punctuation. Big5 read as
    GBK gives kana, Greek and rare hanzi for about half its characters, Shift-JIS nearly
    only rare hanzi, cp1252 accented letters rare hanzi; real Chinese text has at most a few
    per cent. Counted over the distinct characters, so linear in the text.
    """
    counts = Counter("".join(_NOT_ASCII.findall(text)))
    total = sum(counts.values())
    odd = sum(count for char, count in counts.items() if not _common_chinese(char))
    return odd <= max(3, total // 5)


@lru_cache(maxsize=65536)
def _common_chinese(char: str) -> bool:
    code = ord(char)
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x203B:
        return True  # CJK and full-width punctuation, dashes, quotes, ellipsis
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        pass
    else:
        if lead in (0xA1, 0xA3) or 0xB0 <= lead <= 0xF7:  # symbols, full-width, hanzi
            return True
    try:
        lead, trail = char.encode("big5")
    except (UnicodeEncodeError, ValueError):
        return False
    return 0xA4 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E)  # Big5's frequent hanzi
