"""Question papers as trainers type them in Word or a text editor (format ``paper``).

A paper is a numbered list of questions, each followed by its options and its answer::

    一、单选题（每题2分）
    1. 实践是认识的（ ）。
    A. 来源  B. 目的  C. 结果  D. 方法
    答案：A
    解析：实践是认识的来源。

- **Questions** start with their number: ``1.`` ``1、`` ``1．`` ``1)`` ``（1）`` or ``第1题``.
  Lines that follow (before the options) continue the prompt. ``（2分）`` at the end of the
  prompt gives the question's points.
- **Options** ``A.`` ``A、`` ``A．`` ``A)`` ``(A)`` ``A:``, each on its own line or several on
  one line (``A.来源 B.目的``), lettered A, B, C... in order.
- **Answers** ``答案：A`` ``答案:A`` ``【答案】A`` ``正确答案：AB`` ``参考答案：`` or ``Answer:``,
  on their own line or at the end of the last option line; for true/false 对/错, 正确/错误,
  √/×, T/F; for blanks the text, several blanks as ``(答案1)(答案2)`` or ``答案1|答案2``.
- **Explanations** ``解析：...`` or ``【解析】...``, which may run over the following lines.
- **An answer key** at the end: a line ``参考答案`` (``【参考答案】``, ``答案与解析``,
  ``Answer key``) then ``1.A 2.C``, ``1-5 ABCDA``, ``6. 实践 解析：...``, under the paper's
  headings repeated (``一、1.A 2.B``) when the numbering starts again under each heading.
- Optional ``【分值】2``, ``【难度】3``, ``【知识点】a、b`` (tags) and ``【章节】suggestions.5.2``
  (a report section id) lines after the answer.
- **Section headings** such as ``一、单选题`` ``二、多选题（每题3分）`` ``三、判断题``
  ``四、填空题`` or ``选择题`` set the type (and the points) of the questions under them;
  without a heading the type follows from the options and the answer.
- Lines before the first question or heading: the first one is the set's title.

Full-width and half-width punctuation are alike everywhere (``Ａ．`` is ``A.``). Every
mistake is a :class:`Problem` at its line (for ``.docx``, the paragraph number); a question
with a problem is left out and the others still load. Nothing here raises for bad input.

``.docx`` files are read with python-docx (imported only when one is loaded), paragraph by
paragraph, after the zip container has been checked by :mod:`zipguard`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import file_stem, set_id_from_path, split_lines
from studyapp.core.questionsets.errors import Problem, warning
from studyapp.core.questionsets.limits import MAX_ITEMS, MAX_PARAGRAPHS, too_many_items
from studyapp.core.questionsets.model import Choice, Question, QuestionSet, QuestionType
from studyapp.core.questionsets.tabular import (
    _DIFFICULTY_WORDS,
    _NOT_IN_SPREADSHEETS,
    _TAG_SEPARATORS,
    _TRUTH,
    _TYPE_OF,
    _key,
    _letters,
    _truth_key,
    fill_answers,
)

__all__ = ["MAX_LINES", "looks_like_paper", "parse", "parse_docx"]

MAX_LINES = MAX_PARAGRAPHS
MAX_LINE_CHARS = 32_767
LETTERS = "ABCDEFGH"
_LOOK_LINES = 3000

# Full-width ASCII as half-width, and the ideographic space as a space; one character for one,
# so positions in the folded line are positions in the line as written.
_FOLD = str.maketrans({**{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
                       "\u3000": " ", "\u00a0": " "})

_NUMERAL = "一二三四五六七八九十百"
_QUESTION = re.compile(
    r"\s*(?:第\s*(\d{1,6})\s*题\s*[.、:]?|(\d{1,6})\s*(?:[.、](?!\d)|\))|\(\s*(\d{1,6})\s*\))\s*")
_OPTION = re.compile(r"\s*(?:\(([A-Ha-h])\)|([A-H])\s*[.、:)])\s*")
_OPTION_ANYWHERE = re.compile(r"(?<![A-Za-z0-9_])(?:\(([A-H])\)|([A-H])\s*[.、:)])\s*")
_ANSWER = re.compile(r"\s*(?:【\s*(?:正确|参考|标准)?答案\s*】|(?:正确|参考|标准)?答案\s*[:：]"
                     r"|(?i:correct\s+answer|answer)\s*:)\s*")
_ANSWER_INLINE = re.compile(r"【\s*(?:正确|参考|标准)?答案\s*】|(?:正确|参考|标准)?答案\s*[:：]"
                            r"|(?i:correct\s+answer|answer)\s*:")
_EXPLANATION = re.compile(r"\s*(?:【\s*(?:答案)?(?:解析|分析|详解)\s*】|(?:答案)?(?:解析|分析|详解)"
                          r"\s*[:：]|(?i:explanation)\s*:)\s*")
_EXPLANATION_INLINE = re.compile(r"【\s*(?:答案)?(?:解析|分析|详解)\s*】|(?:答案)?解析\s*[:：]")
_META = re.compile(r"\s*(?:【\s*([^】]{1,12}?)\s*】|(分值|分数|难度|难易程度|知识点|考点|标签|章节|"
                   r"(?i:points|difficulty|tags|section))\s*[:：])\s*")
_META_FIELDS = {"分值": "points", "分数": "points", "points": "points", "难度": "difficulty",
                "难易程度": "difficulty", "difficulty": "difficulty", "知识点": "tags",
                "考点": "tags", "标签": "tags", "tags": "tags", "章节": "section",
                "section": "section"}
_HEADING_PREFIX = re.compile(
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
_HEADING_KINDS = {**{key: kind for key, kind in _TYPE_OF.items() if kind != "card"},
                  **{_key(name): kind for name, kind in _EXTRA_HEADINGS.items()}}
_EACH_POINTS = re.compile(r"每\s*(?:小)?题\s*(\d+(?:\.\d+)?)\s*分"
                          r"|(?i:(\d+(?:\.\d+)?)\s*points?\s+each|each\s+(\d+(?:\.\d+)?)\s*points?)")
_PROMPT_POINTS = re.compile(r"\s*[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)]\s*$")
_ANSWER_IN_PROMPT = re.compile(r"[(]\s*([A-H]{1,8}|√|×)\s*[)]")
_UNDERSCORES = re.compile(r"_{2,}")
_KIND_WORDS = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "fill": "填空题",
               "choice": "选择题"}


_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0]")
_HEADING_CHARS = 80  # a heading is short: "二、多项选择题（每题3分，共30分）"


def _fold(text: str) -> str:
    return text.translate(_FOLD) if _WIDE.search(text) else text


@dataclass
class _Section:
    line: int
    title: str
    kind: str | None  # single, multiple, truefalse, fill, choice; None: not supported
    ordinal: int
    points: float | None = None


@dataclass
class _Open:
    """The question being read."""

    line: int
    number: str
    section: _Section | None
    prompt: list[str]
    options: list[tuple[str, str, int]] = field(default_factory=list)  # letter, text, line
    answer: str | None = None
    answer_line: int = 0
    explanation: list[str] = field(default_factory=list)
    points: float | None = None
    difficulty: int | None = None
    tags: list[str] = field(default_factory=list)
    section_id: str | None = None  # 【章节】: a report section id
    key_answer: tuple[str, int] | None = None  # from the answer key: (answer, its line)
    stage: str = "prompt"  # prompt, options, answer, explanation
    broken: bool = False


def looks_like_paper(text: str) -> bool:
    """True when, among the first lines, a numbered question is followed by an answer line
    (答案：, 【答案】, Answer:) or a section heading such as 一、单选题 sets a type."""
    numbered = answered = heading = False
    for count, raw in enumerate(split_lines(text[:400_000])):
        if count >= _LOOK_LINES:
            break
        line = _fold(raw)[:2000]
        if (start := _QUESTION.match(line)) is not None and line[start.end():].strip():
            numbered = True
        elif _ANSWER.match(line) or _ANSWER_INLINE.search(line):
            answered = answered or numbered
        elif _heading(line) is not None:
            heading = True
        if numbered and (answered or heading):
            return True
    return False


def _heading(line: str) -> tuple[str, str | None] | None:
    """(title, kind) when the (folded) line is a section heading; kind None: unsupported."""
    if len(line) > _HEADING_CHARS:
        return None
    prefix = _HEADING_PREFIX.match(line)
    rest = line[prefix.end():] if prefix else line.strip()
    # The whole name before a parenthesis or colon ("True or false (1 point each)") ...
    whole = _HEADING_WHOLE.match(rest)
    if whole is not None and whole.group(1).strip():
        key = _key(whole.group(1))
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
    key = _key(match.group(1))
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
    if prefix is not None and (key in _NOT_IN_SPREADSHEETS or key.endswith("题")
                               or _key(rest).rstrip("题") in _NOT_IN_SPREADSHEETS):
        return line.strip(), None
    return None


def parse(text: str, path: str) -> LoadResult:
    """Parse a paper's text; every mistake is a Problem at its line, good questions still load."""
    return _Reader(path).read(list(enumerate(split_lines(text), start=1)))


def parse_docx(data: bytes, path: str) -> LoadResult:
    """Parse a Word .docx paper, paragraph by paragraph (the line of a problem is the number
    of its paragraph, counting empty ones); a damaged or hostile file is one problem."""
    from lxml import etree

    from studyapp.core.questionsets.paper_docx import DOCUMENT, docx_lines
    from studyapp.core.questionsets.zipguard import ZipLimits, ZipRefused, open_zip

    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            message = ("this is an old Word 97-2003 (.doc) file or an encrypted document; open "
                       "it in Word and save it as 'Word Document (*.docx)' without a password")
        else:
            message = ("this is not a Word .docx document; open it in Word and save it as "
                       "'Word Document (*.docx)', or save the paper as a .txt file")
        return LoadResult(None, [Problem(path, 0, message)])
    try:
        archive = open_zip(data, ZipLimits(member_bytes=64 * 1024 * 1024,
                                           total_bytes=128 * 1024 * 1024))
    except ZipRefused as refused:
        return LoadResult(None, [Problem(path, 0, f"this Word file was not opened: {refused}")])
    try:
        with archive:
            if DOCUMENT not in archive.NameToInfo:
                return LoadResult(None, [Problem(path, 0, _DAMAGED_DOCX)])
            lines, has_tables = docx_lines(archive)
    except ZipRefused as refused:
        if refused.damaged:
            return LoadResult(None, [Problem(path, 0, _DAMAGED_DOCX)])
        return LoadResult(None, [Problem(path, 0, f"this Word file was not opened: {refused}")])
    except (etree.XMLSyntaxError, ValueError):  # not well-formed XML: a damaged file
        return LoadResult(None, [Problem(path, 0, _DAMAGED_DOCX)])
    if has_tables:
        lines.append((0, "\x00tables"))
    return _Reader(path).read(lines)


_DAMAGED_DOCX = ("this Word file cannot be read: it is damaged or not really a .docx "
                 "document; open it in Word and save it again as 'Word Document (*.docx)'")


class _TooMany(Exception):
    """The paper has more than MAX_ITEMS questions: it is not read further."""


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.questions: list[Question] = []
        self.parsed: list[tuple[_Open, Question]] = []
        self.pending: list[_Open] = []  # questions read, built once the whole paper is read
        self.key = _AnswerKey()
        self.in_key = False  # reading the answer key at the end of the paper
        self.headings: list[_Section] = []
        self.section: _Section | None = None
        self.sections = 0
        self.current: _Open | None = None
        self.title = ""
        self.preamble: list[int] = []
        self.orphans_until = -1  # after a reported stray option run: skip its siblings
        self.started = False  # a heading or a question was read
        self.under_heading: list[int] = []  # lines between a heading and its first question
        self.started_questions = 0

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(warning(self.path, line, message))

    # ----------------------------------------------------------------- lines

    def read(self, lines: list[tuple[int, str]]) -> LoadResult:
        last = 0
        for number, raw in lines:
            if number == 0 and raw == "\x00tables":
                self.warn(0, "the document has tables; text in tables is not read (type the "
                             "questions as paragraphs)")
                continue
            if number > MAX_LINES:
                self.problem(number, f"the paper has more than {MAX_LINES:,} lines; split it "
                                     "into smaller papers (the rest was not read)")
                break
            last = number
            if len(raw) > MAX_LINE_CHARS:
                self.problem(number, f"this line has {len(raw):,} characters, more than "
                                     f"{MAX_LINE_CHARS:,}; split it")
                if self.current is not None:
                    self.current.broken = True
                continue
            if self.in_key:
                self.key.line(self, number, raw)
                continue
            try:
                self.line(number, raw)
            except _TooMany:
                return LoadResult(None, [too_many_items(self.path, number)])
        self.finish()
        self.build_all()
        if len(self.preamble) > 1:
            first, end = self.preamble[1], self.preamble[-1]
            where = f"line {first} is" if first == end else f"lines {first}-{end} are"
            self.warn(first, f"{where} before the first question and not read (the first line, "
                             f"'{_short(self.title)}', is the title)")
        if not self.questions:
            if not self.problems:
                self.problem(last if last else 0,
                             "no questions found: number each question (1. 2. ...), put its "
                             "options on lines A. B. ... and its answer on a line 答案：A"
                             if any(text.strip() for _, text in lines) else
                             "the paper is empty; start from questions/templates/"
                             "question-paper-template.txt")
            return self.result(None)
        self.assign_ids()
        question_set = QuestionSet(
            id=set_id_from_path(self.path),
            title=self.title or file_stem(self.path),
            questions=self.questions,
            source=self.path,
            format="paper",
        )
        return self.result(question_set)

    def result(self, question_set: QuestionSet | None) -> LoadResult:
        self.problems.sort(key=lambda problem: problem.line)
        self.warnings.sort(key=lambda problem: problem.line)
        return LoadResult(question_set, self.problems, self.warnings)

    def line(self, number: int, raw: str) -> None:
        text = raw.replace("\t", " ").strip()
        if not text:
            if self.current is not None and self.current.stage == "explanation":
                self.current.stage = "answer"  # a blank line ends the explanation
            return
        folded = _fold(text)
        # An answer or explanation at the end of a question or option line: split it off.
        explains = _EXPLANATION.match(folded) is not None
        for pattern, starts in ((_ANSWER_INLINE, explains or _ANSWER.match(folded) is not None),
                                (_EXPLANATION_INLINE, explains)):
            found = None if starts else pattern.search(folded, 1)
            if found is not None:
                self.line(number, text[:found.start()])
                self.line(number, text[found.start():])
                return
        key = _KEY_START.match(folded)
        if key is not None and self.started:
            self.finish()
            self.in_key = True
            rest = text[key.end():].strip()
            if rest:
                self.key.line(self, number, rest)
            return
        heading = _heading(folded)
        if heading is not None and not _OPTION.match(folded):
            self.finish()
            self.started = True
            self.heading(number, text, heading[1], folded)
            return
        question = _QUESTION.match(folded)
        if question is not None and folded[question.end():].strip():
            self.finish()
            self.started = True
            self.under_heading = []
            self.start(number, question, text)
            return
        answer = _ANSWER.match(folded)
        if answer is not None:
            self.answer(number, text[answer.end():].strip())
            return
        explanation = _EXPLANATION.match(folded)
        if explanation is not None:
            self.explanation(number, text[explanation.end():].strip())
            return
        meta = _META.match(folded)
        if meta is not None:
            self.meta(number, meta, text[meta.end():].strip())
            return
        option = _OPTION.match(folded)
        if option is not None:
            self.options(number, text, folded)
            return
        self.text(number, text)

    def heading(self, number: int, text: str, kind: str | None, folded: str) -> None:
        self.sections += 1
        self.under_heading = []
        each = _EACH_POINTS.search(folded)
        self.section = _Section(number, text, kind, self.sections,
                                float(next(g for g in each.groups() if g)) if each else None)
        self.headings.append(self.section)
        if kind is None:
            self.problem(number, f"'{_short(text)}': StudyApp cannot mark these questions "
                                 "automatically (open, matching or ordering questions); the "
                                 "questions under this heading are left out. Papers hold "
                                 "单选题, 多选题, 选择题, 判断题 and 填空题; put other types in a "
                                 "YAML file")

    def start(self, number: int, match: re.Match[str], text: str) -> None:
        written = next(group for group in match.groups() if group)
        prompt = text[match.end():].strip()
        self.current = _Open(number, str(int(written)), self.section, [prompt])
        self.started_questions += 1
        if self.started_questions > MAX_ITEMS:
            raise _TooMany(number)
        # Options on the question's own line: "1. 选出两项 A.甲 B.乙 C.丙".
        folded = _fold(prompt)
        for found in _OPTION_ANYWHERE.finditer(folded):
            start = found.start()
            if found.group(2) != "A" or start == 0 or not folded[start - 1].isspace():
                continue
            options = _split_options(prompt[found.start():], folded[found.start():])
            if len(options) >= 2:
                self.current.prompt = [prompt[:found.start()].strip()]
                self.options(number, prompt[found.start():], folded[found.start():])
            break

    def text(self, number: int, text: str) -> None:
        current = self.current
        if current is None:
            if not self.started:
                if not self.title:
                    self.title = text
                self.preamble.append(number)
                return
            if self.section is not None and self.section.kind is None:
                return
            # (No question is open only between a heading and its first question.)
            if self.section is not None:
                if not self.under_heading:  # instructions under a heading: said once
                    self.warn(number, f"'{_short(text)}' under the heading "
                                      f"'{_short(self.section.title)}' is not read (it is no "
                                      "question)")
                self.under_heading.append(number)
                return
            self.problem(number, f"'{_short(text)}' belongs to no question; number it if it "
                                 "is a question (e.g. '1. ...')")
            return
        if current.stage == "prompt":
            current.prompt.append(text)
        elif current.stage == "explanation":
            current.explanation.append(text)
        elif current.stage == "options" and current.options:
            letter, option, line = current.options[-1]
            current.options[-1] = (letter, f"{option} {text}", line)
        else:
            current.broken = True
            self.problem(number, f"'{_short(text)}' after the answer of question "
                                 f"{current.number} belongs to no question; number it if it "
                                 "is a question (e.g. '1. ...'), or start it with 解析： if it "
                                 "explains the answer")

    def options(self, number: int, text: str, folded: str) -> None:
        current = self.current
        if current is None or current.stage in ("answer", "explanation"):
            if self.section is not None and self.section.kind is None and current is None:
                return
            if number > self.orphans_until:
                what = ("comes after the answer of question " + current.number
                        if current is not None else "has no question before it")
                self.problem(number, f"option '{_short(text)}' {what}; number the question "
                                     "(e.g. '1. ...') and put its options before its 答案 line")
            self.orphans_until = number + 1
            if current is not None:
                current.broken = True
            return
        current.stage = "options"
        for letter, option in _split_options(text, folded):
            expected = LETTERS[len(current.options)] if len(current.options) < len(LETTERS) \
                else None
            if expected is None:
                self.problem(number, f"question {current.number} has more than 8 options; a "
                                     "question has options A to H")
                current.broken = True
                return
            if letter != expected:
                self.problem(number, f"option {letter} of question {current.number} comes where "
                                     f"option {expected} should be; letter the options A, B, "
                                     "C... in order")
                current.broken = True
                letter = expected
            if not option:
                self.problem(number, f"option {letter} of question {current.number} is empty")
                current.broken = True
            current.options.append((letter, option, number))

    def answer(self, number: int, text: str) -> None:
        current = self.current
        if current is None:
            if self.section is not None and self.section.kind is None:
                return
            self.problem(number, f"答案 '{_short(text)}' has no question before it; number the "
                                 "question (e.g. '1. ...') above its options")
            return
        if current.answer is not None:
            self.problem(number, f"question {current.number} has a second answer line (the "
                                 f"first is on line {current.answer_line}); keep one")
            current.broken = True
            return
        current.answer = text
        current.answer_line = number
        current.stage = "answer"

    def explanation(self, number: int, text: str) -> None:
        current = self.current
        if current is None:
            if self.section is not None and self.section.kind is None:
                return
            self.problem(number, "解析 has no question before it; put it after the question's "
                                 "答案 line")
            return
        if text:
            current.explanation.append(text)
        current.stage = "explanation"

    def meta(self, number: int, match: re.Match[str], text: str) -> None:
        label = match.group(1) or match.group(2)
        name = _META_FIELDS.get(label.casefold()) or _META_FIELDS.get(label)
        current = self.current
        if name is None:
            if current is None and not self.questions and self.section is None:
                self.text(number, match.group(0) + text)
            else:
                self.warn(number, f"【{label}】 ignored: it means nothing to StudyApp")
            return
        if current is None:
            if self.section is None or self.section.kind is not None:
                self.problem(number, f"{label} has no question before it")
            return
        folded = unicodedata.normalize("NFKC", text).strip()
        if name == "points":
            value = _points(folded)
            if value is None:
                self.problem(number, f"{label} '{_short(text)}' must be a number above 0 and at "
                                     "most 1000, e.g. 2 or 0.5")
                current.broken = True
            current.points = value
        elif name == "difficulty":
            level = _difficulty(folded)
            if level is None:
                self.problem(number, f"{label} '{_short(text)}' must be a number from 1 (easy) "
                                     "to 5 (hard)")
                current.broken = True
            current.difficulty = level
        elif name == "section":
            current.section_id = text.strip() or None
        else:
            current.tags += [tag.strip() for tag in _TAG_SEPARATORS.split(text) if tag.strip()]
        if current.stage == "explanation":
            current.stage = "answer"

    # ----------------------------------------------------------------- questions

    def finish(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        if current.section is not None and current.section.kind is None:
            return  # under a heading of a type that is not supported (already reported)
        self.pending.append(current)

    def build_all(self) -> None:
        """Every question read, once the answer key (if any) is known."""
        self.key.apply(self)
        for item in self.pending:
            question = self.build(item)
            if question is not None and not item.broken:
                self.questions.append(question)
                self.parsed.append((item, question))

    def build(self, item: _Open) -> Question | None:
        prompt = " ".join(part for part in item.prompt if part).strip()
        points = item.points
        found_points = _PROMPT_POINTS.search(_fold(prompt))
        if found_points is not None:
            points = points if points is not None else float(found_points.group(1))
            prompt = prompt[:found_points.start()].rstrip()
        if points is None and item.section is not None:
            points = item.section.points
        label = f"question {item.number}"
        answer = item.answer
        if item.key_answer is not None:
            if answer is None:
                answer, item.answer_line = item.key_answer
            elif _compact(answer) != _compact(item.key_answer[0]):
                self.problem(item.key_answer[1], f"the answer key gives question {item.number} "
                                                 f"the answer '{_short(item.key_answer[0])}', "
                                                 f"but line {item.answer_line} gives "
                                                 f"'{_short(answer)}'; keep one")
                return None
        section_kind = item.section.kind if item.section is not None else None
        if answer is None:
            inline = _ANSWER_IN_PROMPT.search(_fold(prompt))
            if inline is not None and (item.options or inline.group(1) in "√×"):
                answer = inline.group(1)
                prompt = prompt[:inline.start()] + "（ ）" + prompt[inline.end():]
        if answer is None or not answer.strip():
            example = {"truefalse": "答案：对", "fill": "答案：实践"}.get(
                section_kind or ("single" if item.options else "fill"), "答案：B")
            if item.answer_line:
                self.problem(item.answer_line, f"the 答案 of {label} is empty; write it, e.g. "
                                               f"{example}")
            else:
                self.problem(item.line, f"{label} has no answer; add a line {example} after "
                                        f"{'its options' if item.options else 'it'}")
            return None
        if not prompt:
            self.problem(item.line, f"{label} has no text after its number")
            return None
        answer = answer.strip()
        kind = section_kind or self.guess(item, answer, prompt)
        question = Question(id="", type="single", prompt=prompt, points=points,
                            explanation="\n".join(item.explanation), tags=item.tags,
                            difficulty=item.difficulty, section=item.section_id,
                            line=item.line)
        where = item.answer_line or item.line
        heading_word = _KIND_WORDS.get(section_kind or "", "")
        if kind in ("single", "multiple", "choice"):
            return self.choices(item, question, kind, answer, where, heading_word)
        if kind == "truefalse":
            truth = _TRUTH.get(_truth_key(answer))
            if truth is None and item.options:
                letter = (_letters(answer) or "")[:2]
                texts = {option[0]: _TRUTH.get(_truth_key(option[1])) for option in item.options}
                if len(letter) == 1 and None not in texts.values():
                    truth = texts.get(letter)
                elif None in texts.values():
                    self.problem(item.options[0][2], f"{label} is a 判断题 and has no options "
                                                     "(or only 正确/错误); remove the options")
                    return None
            if truth is None:
                self.problem(where, f"答案 '{_short(answer)}' of {label} is not true or false; "
                                    "write 对 or 错 (also 正确/错误, √/×, T/F)")
                return None
            question.type = "truefalse"
            question.truth = truth
            return question
        if item.options:
            self.problem(item.options[0][2], f"{label} is a 填空题 and has no options; remove "
                                             "them, or put it under a 单选题 heading")
            return None
        question.type = "fill"
        question.accepted, question.blanks = fill_answers(answer, prompt)
        if not question.accepted:
            self.problem(where, f"答案 of {label} is empty; write the text of the blank")
            return None
        return question

    @staticmethod
    def guess(item: _Open, answer: str, prompt: str) -> str:
        """The type of a question under no heading: by its options and its answer."""
        key = _truth_key(answer)
        truth_word = _TRUTH.get(key) is not None and key not in ("1", "0", "y", "n", "x")
        if item.options:
            return "truefalse" if _letters(answer) is None and truth_word else "choice"
        return "truefalse" if truth_word and not _UNDERSCORES.search(prompt) else "fill"

    def choices(self, item: _Open, question: Question, kind: str, answer: str, where: int,
                heading_word: str) -> Question | None:
        label = f"question {item.number}"
        if len(item.options) < 2:
            self.problem(item.line, f"{label} needs at least 2 options (A. ... B. ...); it has "
                                    f"{len(item.options)}")
            return None
        letters = _letters(answer)
        have = "".join(option[0] for option in item.options)
        if not letters:
            self.problem(where, f"答案 '{_short(answer)}' of {label} is not option letters; "
                                "write e.g. B, or AC for several")
            return None
        missing = [letter for letter in letters if letter not in have]
        if missing:
            self.problem(where, f"答案 '{_short(answer)}' of {label} names "
                                f"{', '.join(missing)}, which "
                                f"{'is no option' if len(missing) == 1 else 'are no options'}; "
                                f"it has options A-{have[-1]}")
            return None
        if kind == "choice":
            kind = "multiple" if len(letters) > 1 else "single"
        if kind == "single" and len(letters) > 1:
            self.problem(where, f"{label} is a {heading_word or '单选题'} and has one answer, but "
                                f"答案 '{_short(answer)}' names {len(letters)} options; put it "
                                "under a 多选题 heading or give one letter")
            return None
        question_type: QuestionType = "multiple" if kind == "multiple" else "single"
        question.type = question_type
        question.choices = [Choice(text=text, correct=letter in letters)
                            for letter, text, _ in item.options]
        return question

    def assign_ids(self) -> None:
        """q<number> when the numbers are unique in the paper; s<section>-q<number> when the
        numbering starts again under each heading."""
        numbers = [item.number for item, _ in self.parsed]
        unique = len(set(numbers)) == len(numbers)
        for item, question in self.parsed:
            if unique or item.section is None:
                question.id = f"q{item.number}"
            else:
                question.id = f"s{item.section.ordinal}-q{item.number}"


# The answer key at the end of a paper: a line 参考答案 (答案与解析, 【参考答案】, Answer key),
# then answers by number ("1.A 2.B 3.AC", "1-5 ABCDA", "1. 对 解析：..."), under the same
# headings as the questions when the numbering starts again under each.
_KEY_NAME = r"(?:参考答案|标准答案|答案)\s*(?:[与及和]\s*解析)?|答案解析"
_KEY_START = re.compile(
    r"\s*(?:答案|(?:[【\[]\s*)?(?:" + _KEY_NAME + r")\s*[】\]]?)\s*$"  # a line of its own
    r"|\s*[【\[]?\s*(?:参考答案|标准答案)\s*(?:[与及和]\s*解析)?\s*[】\]]?\s*:?\s*"
    r"(?=$|\d{1,6}\s*(?:[-~～—–]|[.、:)]|[A-H√×]))"  # 参考答案：1.A 2.B
    r"|\s*(?i:answer\s+key|answers)\s*:?\s*$")
_KEY_ITEM = re.compile(r"(?<![\d.])(\d{1,6})\s*(?:[-~～—–]\s*(\d{1,6})\s*)?"
                       r"(?:[.、:)]|(?=[A-H√×]))\s*")
_KEY_RUN = re.compile(r"[A-H√×✓✗对错]+")


def _compact(answer: str) -> str:
    return re.sub(r"[\s,、;；/|.。]+", "", _fold(answer)).upper()


@dataclass
class _KeyEntry:
    line: int
    section: int | None  # the ordinal of the heading it is under in the key, if any
    number: str
    answer: str
    explanation: list[str] = field(default_factory=list)


class _AnswerKey:
    def __init__(self) -> None:
        self.entries: list[_KeyEntry] = []
        self.section: int | None = None
        self.headings = 0

    def line(self, reader: _Reader, number: int, raw: str) -> None:
        text = raw.replace("\t", " ").strip()
        if not text:
            return
        folded = _fold(text)
        heading = _heading(folded)
        bare = _HEADING_PREFIX.match(folded)
        if heading is not None or (bare is not None and not folded[bare.end():].strip()):
            self.headings += 1
            self.section = self.headings
            return
        if bare is not None and heading is None:
            rest = folded[bare.end():]
            if _KEY_ITEM.match(rest):  # "一、1.A 2.B" under a numeral alone
                self.headings += 1
                self.section = self.headings
                text, folded = text[bare.end():], rest
        explanation = _EXPLANATION.match(folded)
        if explanation is not None:
            if self.entries:
                self.entries[-1].explanation.append(text[explanation.end():].strip())
            else:
                reader.problem(number, "解析 in the answer key has no answer before it")
            return
        items = list(_KEY_ITEM.finditer(folded))
        if not items or items[0].start() != 0:
            if self.entries and self.entries[-1].explanation:
                self.entries[-1].explanation.append(text)  # the explanation goes on
                return
            reader.problem(number, f"'{_short(text)}' in the answer key is no answer; write "
                                   "e.g. 1.A 2.B, or 1-5 ABCDA")
            return
        for index, item in enumerate(items):
            end = items[index + 1].start() if index + 1 < len(items) else len(text)
            value = text[item.end():end].strip()
            inline = _EXPLANATION_INLINE.search(_fold(value))
            explanation_text = ""
            if inline is not None:
                value, explanation_text = value[:inline.start()].strip(), value[inline.end():]
            first, last = int(item.group(1)), item.group(2)
            if last is None:
                entry = _KeyEntry(number, self.section, str(first), value.strip("，,;；"))
                if explanation_text.strip():
                    entry.explanation.append(explanation_text.strip())
                self.entries.append(entry)
                continue
            run = "".join(_KEY_RUN.findall(_fold(value).upper()))
            count = int(last) - first + 1
            if count < 1 or len(run) != count:
                reader.problem(number, f"answer key '{_short(item.group(0) + value)}': "
                                       f"{first}-{last} needs {max(count, 0)} answers, one "
                                       f"letter or √/× each; it has {len(run)}")
                continue
            for offset, answer in enumerate(run):
                self.entries.append(_KeyEntry(number, self.section, str(first + offset), answer))

    def apply(self, reader: _Reader) -> None:
        """Gives each question its answer from the key (and reports the entries that fit
        no question)."""
        if not self.entries:
            return
        numbers = [item.number for item in reader.pending]
        unique = len(set(numbers)) == len(numbers)
        by_number = {item.number: item for item in reader.pending}
        by_section = {(item.section.ordinal if item.section else None, item.number): item
                      for item in reader.pending}
        for entry in self.entries:
            if unique:
                target = by_number.get(entry.number)
            elif entry.section is not None:
                # The key's k-th heading is the paper's k-th heading.
                if entry.section <= len(reader.headings):
                    section = reader.headings[entry.section - 1]
                    if section.kind is None:
                        continue  # a type that is not supported (already reported)
                    target = by_section.get((section.ordinal, entry.number))
                else:
                    target = None
            else:
                reader.problem(entry.line, "the question numbers start again under each "
                                           "heading, so the answer key needs the headings too "
                                           "(一、 二、 ...) before its answers")
                return
            if target is None:
                reader.problem(entry.line, f"the answer key gives an answer to question "
                                           f"{entry.number}, but the paper has no question "
                                           f"{entry.number}"
                                           f"{' under that heading' if not unique else ''}")
                continue
            if target.key_answer is not None:
                reader.problem(entry.line, f"the answer key gives question {entry.number} a "
                                           f"second answer (the first is on line "
                                           f"{target.key_answer[1]}); keep one")
                target.broken = True
                continue
            target.key_answer = (entry.answer, entry.line)
            if entry.explanation and not target.explanation:
                target.explanation = list(entry.explanation)


def _split_options(text: str, folded: str) -> list[tuple[str, str]]:
    """The (letter, text) of the options on one line: ``A.来源 B.目的`` gives two."""
    first = _OPTION.match(folded)
    if first is None:
        return []
    letter = (first.group(1) or first.group(2)).upper()
    marks: list[tuple[str, int, int]] = [(letter, 0, first.end())]
    if "A" <= letter < "H":
        expected = chr(ord(letter) + 1)
        for found in _OPTION_ANYWHERE.finditer(folded, first.end()):
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


def _points(text: str) -> float | None:
    try:
        value = float(text.rstrip("分").strip())
    except ValueError:
        return None
    return value if 0 < value <= 1000 else None


def _difficulty(text: str) -> int | None:
    key = text.casefold().strip()
    level = _DIFFICULTY_WORDS.get(key)
    if level is None and key and set(key) <= {"★", "☆"}:
        level = key.count("★")
    if level is None and key.isdigit():
        level = int(key)
    return level if level is not None and 1 <= level <= 5 else None


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:37] + "..."
