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

``.docx`` files are streamed paragraph by paragraph (paper_docx.py) after the zip container
has been checked by :mod:`zipguard`. How a line is recognised is in paper_text.py, the answer
key at the end of a paper in paper_key.py; this module reads the lines and builds the
questions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from studyapp.core.messages import Message, msg, msg_n
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import file_stem, set_id_from_path, shorten, split_lines
from studyapp.core.questionsets.errors import Problem, problem, warning
from studyapp.core.questionsets.limits import MAX_ITEMS, MAX_PARAGRAPHS, too_many_items
from studyapp.core.questionsets.model import Choice, Question, QuestionSet, QuestionType
from studyapp.core.questionsets.paper_key import KEY_START, AnswerKey, compact_answer
from studyapp.core.questionsets.paper_text import (
    ANSWER,
    ANSWER_INLINE,
    EXPLANATION,
    EXPLANATION_INLINE,
    OPTION,
    OPTION_ANYWHERE,
    QUESTION,
    fold,
    looks_like_paper,
    parse_heading,
    split_options,
)
from studyapp.core.questionsets.vocabulary import (
    DIFFICULTY_WORDS,
    TAG_SEPARATORS,
    TRUTH,
    fill_answers,
    option_letters,
    truth_key,
)

__all__ = ["MAX_LINES", "looks_like_paper", "parse", "parse_docx"]

MAX_LINES = MAX_PARAGRAPHS
MAX_LINE_CHARS = 32_767
LETTERS = "ABCDEFGH"

_META = re.compile(r"\s*(?:【\s*([^】]{1,12}?)\s*】|(分值|分数|难度|难易程度|知识点|考点|标签|章节|"
                   r"(?i:points|difficulty|tags|section))\s*[:：])\s*")
_META_FIELDS = {"分值": "points", "分数": "points", "points": "points", "难度": "difficulty",
                "难易程度": "difficulty", "difficulty": "difficulty", "知识点": "tags",
                "考点": "tags", "标签": "tags", "tags": "tags", "章节": "section",
                "section": "section"}
_EACH_POINTS = re.compile(r"每\s*(?:小)?题\s*(\d+(?:\.\d+)?)\s*分"
                          r"|(?i:(\d+(?:\.\d+)?)\s*points?\s+each|each\s+(\d+(?:\.\d+)?)\s*points?)")
_PROMPT_POINTS = re.compile(r"\s*[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)]\s*$")
_ANSWER_IN_PROMPT = re.compile(r"[(]\s*([A-H]{1,8}|√|×)\s*[)]")
_UNDERSCORES = re.compile(r"_{2,}")
_KIND_WORDS = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "fill": "填空题",
               "choice": "选择题"}


class _Stage(Enum):
    """Where in a question the reader is: the line that follows continues this part."""

    PROMPT = "prompt"
    OPTIONS = "options"
    ANSWER = "answer"  # after the answer (and after an explanation a blank line ended)
    EXPLANATION = "explanation"


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
    stage: _Stage = _Stage.PROMPT
    broken: bool = False

def parse(text: str, path: str) -> LoadResult:
    """Parse a paper's text; every mistake is a Problem at its line, good questions still load."""
    return PaperReader(path).read(list(enumerate(split_lines(text), start=1)))


def parse_docx(data: bytes, path: str) -> LoadResult:
    """Parse a Word .docx paper, paragraph by paragraph (the line of a problem is the number
    of its paragraph, counting empty ones); a damaged or hostile file is one problem."""
    from lxml import etree

    from studyapp.core.questionsets.paper_docx import DOCUMENT, docx_lines
    from studyapp.core.questionsets.zipguard import ZipLimits, ZipRefused, open_zip

    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            message = msg("this is an old Word 97-2003 (.doc) file or an encrypted document; "
                          "open it in Word and save it as 'Word Document (*.docx)' without a "
                          "password")
        else:
            message = msg("this is not a Word .docx document; open it in Word and save it as "
                          "'Word Document (*.docx)', or save the paper as a .txt file")
        return LoadResult(None, [problem(path, 0, message)])
    try:
        archive = open_zip(data, ZipLimits(member_bytes=64 * 1024 * 1024,
                                           total_bytes=128 * 1024 * 1024))
    except ZipRefused as refused:
        return LoadResult(None, [problem(path, 0, _not_opened(refused.message))])
    try:
        with archive:
            if DOCUMENT not in archive.NameToInfo:
                return LoadResult(None, [problem(path, 0, _damaged_docx())])
            lines, has_tables = docx_lines(archive)
    except ZipRefused as refused:
        if refused.damaged:
            return LoadResult(None, [problem(path, 0, _damaged_docx())])
        return LoadResult(None, [problem(path, 0, _not_opened(refused.message))])
    except (etree.XMLSyntaxError, ValueError):  # not well-formed XML: a damaged file
        return LoadResult(None, [problem(path, 0, _damaged_docx())])
    if has_tables:
        lines.append((0, "\x00tables"))
    return PaperReader(path).read(lines)


def _damaged_docx() -> Message:
    return msg("this Word file cannot be read: it is damaged or not really a .docx document; "
               "open it in Word and save it again as 'Word Document (*.docx)'")


def _not_opened(why: Message) -> Message:
    return msg("this Word file was not opened: {why}", why=why)


class _TooMany(Exception):
    """The paper has more than MAX_ITEMS questions: it is not read further."""


class PaperReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.questions: list[Question] = []
        self.parsed: list[tuple[_Open, Question]] = []
        self.pending: list[_Open] = []  # questions read, built once the whole paper is read
        self.key = AnswerKey()
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

    def problem(self, line: int, message: Message) -> None:
        self.problems.append(problem(self.path, line, message))

    def warn(self, line: int, message: Message) -> None:
        self.warnings.append(warning(self.path, line, message))

    # ----------------------------------------------------------------- lines

    def read(self, lines: list[tuple[int, str]]) -> LoadResult:
        last = 0
        for number, raw in lines:
            if number == 0 and raw == "\x00tables":
                self.warn(0, msg("the document has tables; text in tables is not read (type "
                                 "the questions as paragraphs)"))
                continue
            if number > MAX_LINES:
                self.problem(number, msg("the paper has more than {limit:,} lines; split it "
                                         "into smaller papers (the rest was not read)",
                                         limit=MAX_LINES))
                break
            last = number
            if len(raw) > MAX_LINE_CHARS:
                self.problem(number, msg("this line has {length:,} characters, more than "
                                         "{limit:,}; split it", length=len(raw),
                                         limit=MAX_LINE_CHARS))
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
            title = shorten(self.title)
            self.warn(first, msg("line {first} is before the first question and not read (the "
                                 "first line, '{title}', is the title)", first=first, title=title)
                      if first == end else
                      msg("lines {first}-{end} are before the first question and not read (the "
                          "first line, '{title}', is the title)", first=first, end=end,
                          title=title))
        if not self.questions:
            if not self.problems:
                self.problem(last if last else 0,
                             msg("no questions found: number each question (1. 2. ...), put its "
                                 "options on lines A. B. ... and its answer on a line 答案：A")
                             if any(text.strip() for _, text in lines) else
                             msg("the paper is empty; start from questions/templates/"
                                 "question-paper-template.txt"))
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
            if self.current is not None and self.current.stage == _Stage.EXPLANATION:
                self.current.stage = _Stage.ANSWER  # a blank line ends the explanation
            return
        folded = fold(text)
        # An answer or explanation at the end of a question or option line: split it off.
        explains = EXPLANATION.match(folded) is not None
        for pattern, starts in ((ANSWER_INLINE, explains or ANSWER.match(folded) is not None),
                                (EXPLANATION_INLINE, explains)):
            found = None if starts else pattern.search(folded, 1)
            if found is not None:
                self.line(number, text[:found.start()])
                self.line(number, text[found.start():])
                return
        key = KEY_START.match(folded)
        if key is not None and self.started:
            self.finish()
            self.in_key = True
            rest = text[key.end():].strip()
            if rest:
                self.key.line(self, number, rest)
            return
        heading = parse_heading(folded)
        if heading is not None and not OPTION.match(folded):
            self.finish()
            self.started = True
            self.heading(number, text, heading[1], folded)
            return
        question = QUESTION.match(folded)
        if question is not None and folded[question.end():].strip():
            self.finish()
            self.started = True
            self.under_heading = []
            self.start(number, question, text)
            return
        answer = ANSWER.match(folded)
        if answer is not None:
            self.answer(number, text[answer.end():].strip())
            return
        explanation = EXPLANATION.match(folded)
        if explanation is not None:
            self.explanation(number, text[explanation.end():].strip())
            return
        meta = _META.match(folded)
        if meta is not None:
            self.meta(number, meta, text[meta.end():].strip())
            return
        option = OPTION.match(folded)
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
            self.problem(number, msg("'{heading}': StudyApp cannot mark these questions "
                                     "automatically (open, matching or ordering questions); the "
                                     "questions under this heading are left out. Papers hold "
                                     "单选题, 多选题, 选择题, 判断题 and 填空题; put other types "
                                     "in a YAML file", heading=shorten(text)))

    def start(self, number: int, match: re.Match[str], text: str) -> None:
        written = next(group for group in match.groups() if group)
        prompt = text[match.end():].strip()
        self.current = _Open(number, str(int(written)), self.section, [prompt])
        self.started_questions += 1
        if self.started_questions > MAX_ITEMS:
            raise _TooMany(number)
        # Options on the question's own line: "1. 选出两项 A.甲 B.乙 C.丙".
        folded = fold(prompt)
        for found in OPTION_ANYWHERE.finditer(folded):
            start = found.start()
            if found.group(2) != "A" or start == 0 or not folded[start - 1].isspace():
                continue
            options = split_options(prompt[found.start():], folded[found.start():])
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
                    self.warn(number, msg("'{text}' under the heading '{heading}' is not read "
                                          "(it is no question)", text=shorten(text),
                                          heading=shorten(self.section.title)))
                self.under_heading.append(number)
                return
            self.problem(number, msg("'{text}' belongs to no question; number it if it is a "
                                     "question (e.g. '1. ...')", text=shorten(text)))
            return
        if current.stage == _Stage.PROMPT:
            current.prompt.append(text)
        elif current.stage == _Stage.EXPLANATION:
            current.explanation.append(text)
        elif current.stage == _Stage.OPTIONS and current.options:
            letter, option, line = current.options[-1]
            current.options[-1] = (letter, f"{option} {text}", line)
        else:
            current.broken = True
            self.problem(number, msg("'{text}' after the answer of question {number} belongs to "
                                     "no question; number it if it is a question (e.g. "
                                     "'1. ...'), or start it with 解析： if it explains the "
                                     "answer", text=shorten(text), number=current.number))

    def options(self, number: int, text: str, folded: str) -> None:
        current = self.current
        if current is None or current.stage in (_Stage.ANSWER, _Stage.EXPLANATION):
            if self.section is not None and self.section.kind is None and current is None:
                return
            if number > self.orphans_until:
                self.problem(number, msg(
                    "option '{text}' comes after the answer of question {number}; number the "
                    "question (e.g. '1. ...') and put its options before its 答案 line",
                    text=shorten(text), number=current.number) if current is not None else msg(
                    "option '{text}' has no question before it; number the question (e.g. "
                    "'1. ...') and put its options before its 答案 line", text=shorten(text)))
            self.orphans_until = number + 1
            if current is not None:
                current.broken = True
            return
        current.stage = _Stage.OPTIONS
        for letter, option in split_options(text, folded):
            expected = LETTERS[len(current.options)] if len(current.options) < len(LETTERS) \
                else None
            if expected is None:
                self.problem(number, msg("question {number} has more than 8 options; a question "
                                         "has options A to H", number=current.number))
                current.broken = True
                return
            if letter != expected:
                self.problem(number, msg("option {letter} of question {number} comes where "
                                         "option {expected} should be; letter the options A, "
                                         "B, C... in order", letter=letter,
                                         number=current.number, expected=expected))
                current.broken = True
                letter = expected
            if not option:
                self.problem(number, msg("option {letter} of question {number} is empty",
                                         letter=letter, number=current.number))
                current.broken = True
            current.options.append((letter, option, number))

    def answer(self, number: int, text: str) -> None:
        current = self.current
        if current is None:
            if self.section is not None and self.section.kind is None:
                return
            self.problem(number, msg("答案 '{text}' has no question before it; number the "
                                     "question (e.g. '1. ...') above its options",
                                     text=shorten(text)))
            return
        if current.answer is not None:
            self.problem(number, msg("question {number} has a second answer line (the first is "
                                     "on line {line}); keep one", number=current.number,
                                     line=current.answer_line))
            current.broken = True
            return
        current.answer = text
        current.answer_line = number
        current.stage = _Stage.ANSWER

    def explanation(self, number: int, text: str) -> None:
        current = self.current
        if current is None:
            if self.section is not None and self.section.kind is None:
                return
            self.problem(number, msg("解析 has no question before it; put it after the "
                                     "question's 答案 line"))
            return
        if text:
            current.explanation.append(text)
        current.stage = _Stage.EXPLANATION

    def meta(self, number: int, match: re.Match[str], text: str) -> None:
        label = match.group(1) or match.group(2)
        name = _META_FIELDS.get(label.casefold()) or _META_FIELDS.get(label)
        current = self.current
        if name is None:
            if current is None and not self.questions and self.section is None:
                self.text(number, match.group(0) + text)
            else:
                self.warn(number, msg("【{label}】 ignored: it means nothing to StudyApp",
                                      label=label))
            return
        if current is None:
            if self.section is None or self.section.kind is not None:
                self.problem(number, msg("{label} has no question before it", label=label))
            return
        folded = unicodedata.normalize("NFKC", text).strip()
        if name == "points":
            value = _points(folded)
            if value is None:
                self.problem(number, msg("{label} '{value}' must be a number above 0 and at most "
                                         "1000, e.g. 2 or 0.5", label=label,
                                         value=shorten(text)))
                current.broken = True
            current.points = value
        elif name == "difficulty":
            level = _difficulty(folded)
            if level is None:
                self.problem(number, msg("{label} '{value}' must be a number from 1 (easy) to 5 "
                                         "(hard)", label=label, value=shorten(text)))
                current.broken = True
            current.difficulty = level
        elif name == "section":
            current.section_id = text.strip() or None
        else:
            current.tags += [tag.strip() for tag in TAG_SEPARATORS.split(text) if tag.strip()]
        if current.stage == _Stage.EXPLANATION:
            current.stage = _Stage.ANSWER

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
        found_points = _PROMPT_POINTS.search(fold(prompt))
        if found_points is not None:
            points = points if points is not None else float(found_points.group(1))
            prompt = prompt[:found_points.start()].rstrip()
        if points is None and item.section is not None:
            points = item.section.points
        label = msg("question {number}", number=item.number)
        answer = item.answer
        if item.key_answer is not None:
            if answer is None:
                answer, item.answer_line = item.key_answer
            elif compact_answer(answer) != compact_answer(item.key_answer[0]):
                self.problem(item.key_answer[1], msg(
                    "the answer key gives question {number} the answer '{key}', but line {line} "
                    "gives '{answer}'; keep one", number=item.number,
                    key=shorten(item.key_answer[0]), line=item.answer_line,
                    answer=shorten(answer)))
                return None
        section_kind = item.section.kind if item.section is not None else None
        if answer is None:
            inline = _ANSWER_IN_PROMPT.search(fold(prompt))
            if inline is not None and (item.options or inline.group(1) in "√×"):
                answer = inline.group(1)
                prompt = prompt[:inline.start()] + "（ ）" + prompt[inline.end():]
        if answer is None or not answer.strip():
            example = {"truefalse": "答案：对", "fill": "答案：实践"}.get(
                section_kind or ("single" if item.options else "fill"), "答案：B")
            if item.answer_line:
                self.problem(item.answer_line, msg("the 答案 of {question} is empty; write it, "
                                                   "e.g. {example}", question=label,
                                                   example=example))
            elif item.options:
                self.problem(item.line, msg("{question} has no answer; add a line {example} "
                                            "after its options", question=label,
                                            example=example))
            else:
                self.problem(item.line, msg("{question} has no answer; add a line {example} "
                                            "after it", question=label, example=example))
            return None
        if not prompt:
            self.problem(item.line, msg("{question} has no text after its number",
                                        question=label))
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
            truth = TRUTH.get(truth_key(answer))
            if truth is None and item.options:
                letter = (option_letters(answer) or "")[:2]
                texts = {option[0]: TRUTH.get(truth_key(option[1])) for option in item.options}
                if len(letter) == 1 and None not in texts.values():
                    truth = texts.get(letter)
                elif None in texts.values():
                    self.problem(item.options[0][2], msg(
                        "{question} is a 判断题 and has no options (or only 正确/错误); remove "
                        "the options", question=label))
                    return None
            if truth is None:
                self.problem(where, msg("答案 '{answer}' of {question} is not true or false; "
                                        "write 对 or 错 (also 正确/错误, √/×, T/F)",
                                        answer=shorten(answer), question=label))
                return None
            question.type = "truefalse"
            question.truth = truth
            return question
        if item.options:
            self.problem(item.options[0][2], msg("{question} is a 填空题 and has no options; "
                                                 "remove them, or put it under a 单选题 heading",
                                                 question=label))
            return None
        question.type = "fill"
        question.accepted, question.blanks = fill_answers(answer, prompt)
        if not question.accepted:
            self.problem(where, msg("答案 of {question} is empty; write the text of the blank",
                                    question=label))
            return None
        return question

    @staticmethod
    def guess(item: _Open, answer: str, prompt: str) -> str:
        """The type of a question under no heading: by its options and its answer."""
        key = truth_key(answer)
        truth_word = TRUTH.get(key) is not None and key not in ("1", "0", "y", "n", "x")
        if item.options:
            return "truefalse" if option_letters(answer) is None and truth_word else "choice"
        return "truefalse" if truth_word and not _UNDERSCORES.search(prompt) else "fill"

    def choices(self, item: _Open, question: Question, kind: str, answer: str, where: int,
                heading_word: str) -> Question | None:
        label = msg("question {number}", number=item.number)
        if len(item.options) < 2:
            self.problem(item.line, msg("{question} needs at least 2 options (A. ... B. ...); it "
                                        "has {count}", question=label, count=len(item.options)))
            return None
        letters = option_letters(answer)
        have = "".join(option[0] for option in item.options)
        if not letters:
            self.problem(where, msg("答案 '{answer}' of {question} is not option letters; write "
                                    "e.g. B, or AC for several", answer=shorten(answer),
                                    question=label))
            return None
        missing = [letter for letter in letters if letter not in have]
        if missing:
            self.problem(where, msg_n("答案 '{answer}' of {question} names {letters}, which is "
                                      "no option; it has options A-{last}",
                                      "答案 '{answer}' of {question} names {letters}, which are "
                                      "no options; it has options A-{last}", len(missing),
                                      answer=shorten(answer), question=label,
                                      letters=", ".join(missing), last=have[-1]))
            return None
        if kind == "choice":
            kind = "multiple" if len(letters) > 1 else "single"
        if kind == "single" and len(letters) > 1:
            self.problem(where, msg("{question} is a {heading} and has one answer, but 答案 "
                                    "'{answer}' names {count} options; put it under a 多选题 "
                                    "heading or give one letter", question=label,
                                    heading=heading_word or "单选题", answer=shorten(answer),
                                    count=len(letters)))
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


def _points(text: str) -> float | None:
    try:
        value = float(text.rstrip("分").strip())
    except ValueError:
        return None
    return value if 0 < value <= 1000 else None


def _difficulty(text: str) -> int | None:
    key = text.casefold().strip()
    level = DIFFICULTY_WORDS.get(key)
    if level is None and key and set(key) <= {"★", "☆"}:
        level = key.count("★")
    if level is None and key.isdigit():
        level = int(key)
    return level if level is not None and 1 <= level <= 5 else None
