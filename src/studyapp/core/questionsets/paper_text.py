"""How the lines of a question paper are recognised (paper.py reads them): question numbers,
options, answers, explanations and section headings, with full-width punctuation folded to
half-width first, so that ``Ａ．`` is ``A.``.
"""

from __future__ import annotations

import re

from studyapp.core.questionsets._text import split_lines
from studyapp.core.questionsets.vocabulary import TYPE_OF, UNSUPPORTED_KIND_OF, name_key

__all__ = ["ANSWER", "ANSWER_INLINE", "EXPLANATION", "EXPLANATION_INLINE", "HEADING_PREFIX",
           "OPTION", "OPTION_ANYWHERE", "QUESTION", "fold", "looks_like_paper", "parse_heading",
           "split_options"]

_LOOK_LINES = 3000

# Full-width ASCII as half-width, and the ideographic space as a space; one character for one,
# so positions in the folded line are positions in the line as written.
_FOLD = str.maketrans({**{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
                       "\u3000": " ", "\u00a0": " "})

_NUMERAL = "一二三四五六七八九十百"
QUESTION = re.compile(
    r"\s*(?:第\s*(\d{1,6})\s*题\s*[.、:]?|(\d{1,6})\s*(?:[.、](?!\d)|\))|\(\s*(\d{1,6})\s*\))\s*")
OPTION = re.compile(r"\s*(?:\(([A-Ha-h])\)|([A-H])\s*[.、:)])\s*")
OPTION_ANYWHERE = re.compile(r"(?<![A-Za-z0-9_])(?:\(([A-H])\)|([A-H])\s*[.、:)])\s*")
ANSWER = re.compile(r"\s*(?:【\s*(?:正确|参考|标准)?答案\s*】|(?:正确|参考|标准)?答案\s*[:：]"
                     r"|(?i:correct\s+answer|answer)\s*:)\s*")
ANSWER_INLINE = re.compile(r"【\s*(?:正确|参考|标准)?答案\s*】|(?:正确|参考|标准)?答案\s*[:：]"
                            r"|(?i:correct\s+answer|answer)\s*:")
EXPLANATION = re.compile(r"\s*(?:【\s*(?:答案)?(?:解析|分析|详解)\s*】|(?:答案)?(?:解析|分析|详解)"
                          r"\s*[:：]|(?i:explanation)\s*:)\s*")
EXPLANATION_INLINE = re.compile(r"【\s*(?:答案)?(?:解析|分析|详解)\s*】|(?:答案)?解析\s*[:：]")
HEADING_PREFIX = re.compile(
    rf"\s*(?:[{_NUMERAL}]{{1,4}}\s*[、.]|第\s*[{_NUMERAL}\d]{{1,4}}\s*(?:部分|大题|节|题型)"
    r"\s*[、.:]?|(?i:part|section)\s*\d{1,3}\s*[.:]?|[\[(]\s*[" + _NUMERAL + r"]{1,4}\s*[\])])\s*")
_HEADING_NAME = re.compile(r"([^\s(\[:,;，；。]{1,20}?(?:题|选择|choice|blanks?|false)?)"
                           r"(?=$|[\s(\[:,;，；。])", re.IGNORECASE)
_HEADING_WHOLE = re.compile(r"([^(\[:,;，；。]{1,40})(?:$|[(\[:,;，；。])")
_EXTRA_HEADINGS = {
    "单项选择题": "single", "多项选择题": "multiple", "不定项选择题": "multiple",
    "判断正误": "truefalse", "判断正误题": "truefalse",
    "填空": "fill", "填空题": "fill", "选择题": "choice", "singlechoice": "single",
    "multiplechoice": "multiple", "trueorfalse": "truefalse", "truefalse": "truefalse",
    "fillintheblank": "fill", "fillintheblanks": "fill", "fillin": "fill",
}
_HEADING_KINDS = {**{key: kind for key, kind in TYPE_OF.items() if kind != "card"},
                  **{name_key(name): kind for name, kind in _EXTRA_HEADINGS.items()}}

_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0]")
_HEADING_CHARS = 80  # a heading is short: "二、多项选择题（每题3分，共30分）"


def fold(text: str) -> str:
    """Full-width ASCII and wide spaces as half-width (``Ａ．`` -> ``A.``), length kept."""
    return text.translate(_FOLD) if _WIDE.search(text) else text


def looks_like_paper(text: str) -> bool:
    """True when, among the first lines, a numbered question is followed by an answer line
    (答案：, 【答案】, Answer:) or a section heading such as 一、单选题 sets a type."""
    numbered = answered = heading = False
    for count, raw in enumerate(split_lines(text[:400_000])):
        if count >= _LOOK_LINES:
            break
        line = fold(raw)[:2000]
        if (start := QUESTION.match(line)) is not None and line[start.end():].strip():
            numbered = True
        elif ANSWER.match(line) or ANSWER_INLINE.search(line):
            answered = answered or numbered
        elif parse_heading(line) is not None:
            heading = True
        if numbered and (answered or heading):
            return True
    return False


def parse_heading(line: str) -> tuple[str, str | None] | None:
    """(title, kind) when the (folded) line is a section heading; kind None: unsupported."""
    if len(line) > _HEADING_CHARS:
        return None
    prefix = HEADING_PREFIX.match(line)
    rest = line[prefix.end():] if prefix else line.strip()
    # The whole name before a parenthesis or colon ("True or false (1 point each)") ...
    whole = _HEADING_WHOLE.match(rest)
    if whole is not None and whole.group(1).strip():
        key = name_key(whole.group(1))
        kind = _HEADING_KINDS.get(key)
        # Without "一、" or "Part 1:", an English heading has two words at least
        # ("Multiple choice"): a line "choice" continues a question.
        if kind is not None and (prefix is not None or not key.isascii()
                                 or " " in whole.group(1).strip()):
            return line.strip(), kind
    # ... else its first word ("Single choice questions", "单选题 共10题" is no heading).
    match = _HEADING_NAME.match(rest)
    if match is None:
        return None
    key = name_key(match.group(1))
    kind = _HEADING_KINDS.get(key)
    if kind is None and key.endswith("题"):
        kind = _HEADING_KINDS.get(key[:-1])
    if kind is not None:
        tail = rest[match.end():].strip()
        if prefix is None and tail and not tail.startswith(("(", "[", ":")):
            return None  # a sentence that starts with a type word, not a heading
        if prefix is None and key.isascii():
            return None  # "tf" or "fill" alone is too little to be a heading
        return line.strip(), kind
    if prefix is not None and (key in UNSUPPORTED_KIND_OF or key.endswith("题")
                               or name_key(rest).rstrip("题") in UNSUPPORTED_KIND_OF):
        return line.strip(), None
    return None


def split_options(text: str, folded: str) -> list[tuple[str, str]]:
    """The (letter, text) of the options on one line: ``A.来源 B.目的`` gives two."""
    first = OPTION.match(folded)
    if first is None:
        return []
    letter = (first.group(1) or first.group(2)).upper()
    marks: list[tuple[str, int, int]] = [(letter, 0, first.end())]
    if "A" <= letter < "H":
        expected = chr(ord(letter) + 1)
        for found in OPTION_ANYWHERE.finditer(folded, first.end()):
            if (found.group(1) or found.group(2)) != expected or found.start() < marks[-1][2]:
                continue
            marks.append((expected, found.start(), found.end()))
            if expected == "H":
                break
            expected = chr(ord(expected) + 1)
    options = []
    for index, (mark, _, end) in enumerate(marks):
        stop = marks[index + 1][1] if index + 1 < len(marks) else len(text)
        options.append((mark, text[end:stop].strip()))
    return options
