"""One spreadsheet row as a question or a card: its type, options, answer, feedback, id,
difficulty, points, tags and picture, each checked with a problem naming the row and the
column by its header as written in the file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

from studyapp.core.messages import Message, msg, msg_n
from studyapp.core.questionsets._text import shorten
from studyapp.core.questionsets.model import Card, Choice, Question, QuestionType
from studyapp.core.questionsets.vocabulary import (
    DIFFICULTY_WORDS,
    LETTERS,
    TAG_SEPARATORS,
    TRUTH,
    TYPE_OF,
    UNSUPPORTED_KIND_OF,
    fill_answers,
    name_key,
    option_letters,
    truth_key,
)

if TYPE_CHECKING:
    from studyapp.core.questionsets.sheet_rows import SheetReader

__all__ = ["MAX_CELL_CHARS", "InvalidRow", "SheetRow", "local_image"]

MAX_CELL_CHARS = 32767  # what an Excel cell holds
_QUESTION_TYPE: dict[str, QuestionType] = {
    "single": "single", "multiple": "multiple", "truefalse": "truefalse", "fill": "fill"}


def _type_hint() -> Message:
    return msg("use 单选, 多选, 判断 or 填空 (or single, multiple, truefalse, fill), or 卡片 "
               "(card) for a flashcard")


def _truth_hint() -> Message:
    return msg("write 正确 or 错误 (also 对/错, √/×, T/F, true/false, 是/否, yes/no)")


class InvalidRow(Exception):
    """Ends the reading of one row after its problems have been recorded."""


class SheetRow:
    def __init__(self, reader: SheetReader, number: int, cells: list[str]) -> None:
        self.reader = reader
        self.number = number
        self.cells = cells
        self.failed = False
        self.picture_source = ""

    def raw(self, index: int) -> str:
        return self.cells[index].strip() if index < len(self.cells) else ""

    def get(self, name: str) -> str:
        column = self.reader.columns.get(name)
        if column is None:
            return ""
        text = self.raw(column.index)
        if len(text) > MAX_CELL_CHARS:
            self.fail(msg("{field} has {length:,} characters; a cell may hold at most {limit:,}",
                          field=self.reader.name(name), length=len(text), limit=MAX_CELL_CHARS),
                      name)
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def fail(self, message: Message, name: str | None = None, index: int | None = None) -> None:
        if index is None and name is not None and name in self.reader.columns:
            index = self.reader.columns[name].index
        self.reader.problem(self.number, message, index)
        self.failed = True

    def extra_cells(self) -> bool:
        """Report text in columns without a header; True when there was some."""
        reader = self.reader
        found = False
        for index in sorted(reader.unnamed):
            if self.raw(index):
                self.fail(msg("column {column} has text but no header in the header row; name "
                              "the column or move the text", column=_column_letter(index)),
                          index=index)
                found = True
        beyond = next((index for index in range(reader.width, len(self.cells))
                       if self.cells[index].strip()), None)
        if beyond is not None:
            last = max(index for index in range(len(self.cells)) if self.cells[index].strip())
            if reader.kind == "csv":
                message = msg("this row has {cells} cells but the header has {columns} columns; a "
                              "cell that contains a comma must be in double quotes",
                              cells=last + 1, columns=reader.width)
            else:
                message = msg("column {column} has text but no header in the header row; name "
                              "the column or move the text", column=_column_letter(beyond))
            self.fail(message, index=beyond)
            found = True
        return found

    def item(self) -> Question | Card:
        reader = self.reader
        item_id = self.item_id()
        kind = self.kind()
        prompt = self.get("prompt")
        options = self.options()
        answer = self.get("answer")
        explanation = self.get("explanation")
        section = self.get("section") or None
        evidence = self.get("evidence")
        tags = [tag.strip() for tag in TAG_SEPARATORS.split(self.get("tags")) if tag.strip()]
        grouped = self.group_tags()
        tags = grouped + [tag for tag in tags if tag not in grouped]
        difficulty = self.difficulty()
        points = self.points()
        shuffle = self.shuffle()
        image = self.image()
        if section is not None and "\n" in section:
            self.fail(msg("{field} must be one section id on one line, e.g. suggestions.5.2",
                          field=reader.name("section")), "section")
        if kind is None:
            raise InvalidRow
        if not prompt:
            self.fail(msg("{field} is empty; write the front of the card",
                          field=reader.name("prompt")) if kind == "card" else
                      msg("{field} is empty; write the question", field=reader.name("prompt")),
                      "prompt")
        if kind == "card":
            if options:
                self.no_options(msg("card"), options)
            if not answer:
                self.fail(msg("{field} is empty; write the back of the card",
                              field=reader.name("answer")), "answer")
            if self.failed:
                raise InvalidRow
            return Card(id=item_id, front=prompt, back=answer, section=section,
                        explanation=explanation, evidence=evidence, tags=tags, line=self.number)
        if kind == "choice":  # 选择题: single or multiple by its answer
            letters = option_letters(answer)
            kind = "multiple" if letters is not None and len(letters) > 1 else "single"
        question = Question(id=item_id, type=_QUESTION_TYPE[kind], prompt=prompt, section=section,
                            explanation=explanation, evidence=evidence, tags=tags,
                            difficulty=difficulty, points=points, image=image,
                            image_source=self.picture_source if image else "",
                            shuffle=shuffle, line=self.number)
        if kind in ("single", "multiple"):
            self.choices(question, options, answer)
            self.feedback(question, options)
        elif kind == "truefalse":
            question.truth = self.truth(options, answer)
        else:
            if options:
                self.no_options(self.type_question(), options)
            question.accepted, question.blanks = fill_answers(answer, prompt)
            if not question.accepted:
                self.fail(msg("{field} is empty; write the accepted answer (several separated by "
                              "| or ；)", field=reader.name("answer")), "answer")
        if kind not in ("single", "multiple"):
            self.stray_feedback()
        if self.failed:
            raise InvalidRow
        return question

    def group_tags(self) -> list[str]:
        """The values of 题库名称, 科目名称, 课题 and 领域 as tags (remembered for the title)."""
        found: list[str] = []
        for name in self.reader.groups:
            value = " ".join(self.get(name).split())
            if value:
                self.reader.group_values.setdefault(name, set()).add(value)
                if value not in found:
                    found.append(value)
        return found

    def points(self) -> float | None:
        text = self.get("points")
        if not text:
            return None
        key = unicodedata.normalize("NFKC", text).strip().rstrip("分").strip()
        try:
            value = float(key)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not 0 < value <= 1000:
            self.fail(msg("{field} '{value}' must be a number above 0 and at most 1000, e.g. 2 or "
                          "0.5 (the question's weight in an exam score)",
                          field=self.reader.name("points"), value=shorten(text)), "points")
            return None
        return value

    def shuffle(self) -> bool:
        """选项乱序: 否 keeps the options in their written order; empty shuffles them."""
        text = self.get("shuffle")
        if not text:
            return True
        value = TRUTH.get(truth_key(text))
        if value is None:
            self.fail(msg("{field} '{value}' must be 是 or 否 (yes or no); 否 keeps the options "
                          "in their written order", field=self.reader.name("shuffle"),
                          value=shorten(text)), "shuffle")
            return True
        return value

    def image(self) -> str:
        """A picture next to the bank: its reference by content (pictures.py), its path kept for
        the import to copy; a web address is never fetched (a warning)."""
        text = self.get("image")
        if not text:
            return ""
        name = self.reader.name("image")
        column = self.reader.columns["image"].index
        if _URL.match(text):
            self.reader.warn(self.number, msg(
                "{field} '{value}' is a web address; StudyApp never downloads anything, so the "
                "question is imported without its picture (save the picture next to the file "
                "and write its file name instead)", field=name, value=shorten(text)), column)
            return ""
        found = local_image(self.reader.path, text)
        if found is None:
            self.reader.warn(self.number, msg(
                "{field} '{value}': no such picture file next to the question file; the "
                "question is imported without it", field=name, value=shorten(text)), column)
            return ""
        from pathlib import Path

        from studyapp.core.questionsets.pictures import MAX_PICTURE_BYTES, reference
        from studyapp.core.user_files import UnreadableFile

        try:
            named = reference(Path(found))
        except UnreadableFile:
            megabytes = MAX_PICTURE_BYTES // (1024 * 1024)
            self.reader.warn(self.number, msg(
                "{field} '{value}' cannot be read or is larger than {megabytes} MB; the question "
                "is imported without it", field=name, value=shorten(text), megabytes=megabytes),
                column)
            return ""
        self.picture_source = found
        return named

    def feedback(self, question: Question, options: list[tuple[str, str]]) -> None:
        """选项A解析 ... become each option's feedback."""
        have = {letter: index for index, (letter, _) in enumerate(options)}
        for letter in self.reader.noted:
            name = f"feedback {letter}"
            text = self.get(name)
            if not text:
                continue
            if letter not in have:
                self.fail(msg("{field} has text but {option} is empty; a note belongs to an "
                              "option", field=self.reader.name(name),
                              option=self.reader.name(f"option {letter}")), name)
            elif question.choices:
                question.choices[have[letter]].feedback = text

    def stray_feedback(self) -> None:
        """Per-option notes on a question without options are kept nowhere: say so."""
        for letter in self.reader.noted:
            name = f"feedback {letter}"
            if self.get(name):
                self.reader.warn(self.number, msg("{field} ignored: a {type} question has no "
                                                  "options", field=self.reader.name(name),
                                                  type=self.type_word()),
                                 self.reader.columns[name].index)

    def item_id(self) -> str:
        item_id = self.get("id")
        if "\n" in item_id:
            self.fail(msg("{field} must be on one line", field=self.reader.name("id")), "id")
        number = " ".join(self.get("number").split())
        if number:
            # 序号/题号 seeds the id as written ("12", "第12题" -> "12"; "T-001" stays), as
            # before they ordered the questions, so progress kept by those ids stays.
            value = _number(number)
            self.reader.numbers[self.number] = value
            if not item_id:
                return self.reader.id_prefix + (number if value is None else _number_text(value))
        return item_id or f"{self.reader.id_prefix}row-{self.number}"

    def type_word(self) -> str:
        """The type as the trainer wrote it, for messages."""
        written = self.get("type")
        if written:
            return written
        if self.reader.sheet_kind is not None:
            return self.reader.sheet  # the sheet named by its type: 判断题
        return "题" if self.reader.chinese else "question"

    def type_question(self) -> Message:
        """"a single question": the type as written, then the word question."""
        return msg("{type} question", type=self.type_word())

    def kind(self) -> str | None:
        written = self.get("type")
        name = self.reader.name("type")
        if not written and self.reader.sheet_kind is not None:
            return self.reader.sheet_kind  # the sheet's name says the type
        if not written:
            if any(self.raw(self.reader.columns[f"option {letter}"].index)
                   for letter in LETTERS if f"option {letter}" in self.reader.columns):
                letters = option_letters(self.get("answer"))
                return "multiple" if letters is not None and len(letters) > 1 else "single"
            self.fail(msg("{field} is empty; {hint}", field=name, hint=_type_hint()), "type")
            return None
        key = name_key(written)
        kind = TYPE_OF.get(key)
        if kind is not None:
            return kind
        unsupported = UNSUPPORTED_KIND_OF.get(key)
        if unsupported == "essay":
            self.fail(msg("{field} '{value}': open questions cannot be marked automatically; "
                          "{hint}", field=name, value=written, hint=_type_hint()), "type")
        elif unsupported is not None:
            self.fail(msg("{field} '{value}': {kind} questions cannot be written in a "
                          "spreadsheet; put them in a YAML file (see docs/question-format.md), "
                          "or {hint}", field=name, value=written, kind=unsupported,
                          hint=_type_hint()), "type")
        else:
            self.fail(msg("{field} '{value}' is not a question type; {hint}", field=name,
                          value=written, hint=_type_hint()), "type")
        return None

    def options(self) -> list[tuple[str, str]]:
        """(letter, text) of the filled options, checked to run from A without a gap."""
        reader = self.reader
        filled: list[tuple[str, str]] = []
        gap: str | None = None
        reported = False
        for letter in LETTERS:
            name = f"option {letter}"
            text = self.get(name) if name in reader.columns else ""
            if not text:
                gap = gap or letter
                continue
            if gap is not None and not reported:  # one gap problem per row is enough
                gap_name = f"option {gap}"
                self.fail(msg("{empty} is empty but {filled} is not; fill the options from A on "
                              "without gaps", empty=reader.name(gap_name),
                              filled=reader.name(name)),
                          gap_name if gap_name in reader.columns else name)
                reported = True
            filled.append((letter, text))
        return filled

    def no_options(self, what: Message, options: list[tuple[str, str]]) -> None:
        first, last = options[0][0], options[-1][0]
        names = self.reader.name(f"option {first}")
        if last != first:
            names += f"-{self.reader.name(f'option {last}')}"
        self.fail(msg("a {what} has no options; leave {names} empty", what=what, names=names),
                  f"option {first}")

    def choices(self, question: Question, options: list[tuple[str, str]], answer: str) -> None:
        reader = self.reader
        name = reader.name("answer")
        kind_word = self.type_word()
        if len(options) < 2:
            wanted = f"option {LETTERS[len(options)]}"
            self.fail(msg("a {type} question needs at least 2 options ({a}, {b}, ...); this one "
                          "has {count}", type=kind_word, a=reader.name("option A"),
                          b=reader.name("option B"), count=len(options)),
                      wanted if wanted in reader.columns else "option A")
        if not answer:
            example = "B" if question.type == "single" else "AC"
            self.fail(msg("{field} is empty; give the letter of the correct option, e.g. "
                          "{example}", field=name, example=example), "answer")
            return
        letters = option_letters(answer)
        if letters is None:
            self.fail(msg("{field} '{value}' is not option letters; write e.g. B, or AC or A,C "
                          "for several", field=name, value=shorten(answer)), "answer")
            return
        if not letters:
            self.fail(msg("{field} is empty; give the letter of the correct option", field=name),
                      "answer")
            return
        have = "".join(letter for letter, _ in options)
        missing = [letter for letter in letters if letter not in have]
        if missing:
            where = (msg("this question has options A-{last}", last=have[-1]) if len(have) > 1
                     else msg("this question has only option A") if have else
                     msg("this question has no options"))
            if "".join(missing) == answer.strip().upper() and len(missing) == 1:
                self.fail(msg("{field} '{value}' names no option; {where}", field=name,
                              value=answer.strip(), where=where), "answer")
            else:
                self.fail(msg_n("{field} '{value}' names {letters}, which is no option; {where}",
                                "{field} '{value}' names {letters}, which are no options; "
                                "{where}", len(missing), field=name, value=shorten(answer),
                                letters=", ".join(missing), where=where), "answer")
            return
        if question.type == "single" and len(letters) > 1:
            multiple = "多选" if reader.chinese else "multiple"
            self.fail(msg("a {type} question has one answer, but {field} '{value}' names "
                          "{count} options; make it {multiple} or give one letter",
                          type=kind_word, field=name, value=shorten(answer), count=len(letters),
                          multiple=multiple), "answer")
            return
        question.choices = [Choice(text=text, correct=letter in letters)
                            for letter, text in options]

    def truth(self, options: list[tuple[str, str]], answer: str) -> bool | None:
        reader = self.reader
        name = reader.name("answer")
        option_truths = {letter: TRUTH.get(truth_key(text)) for letter, text in options}
        if options and None in option_truths.values():
            self.no_options(self.type_question(), options)
            return None
        if not answer:
            self.fail(msg("{field} is empty; {hint}", field=name, hint=_truth_hint()), "answer")
            return None
        key = truth_key(answer)
        value = TRUTH.get(key)
        if value is None and key.upper() in option_truths:
            value = option_truths[key.upper()]  # 选项A 正确, 选项B 错误, 答案 A
        if value is None:
            self.fail(msg("{field} '{value}' is not true or false; for a {type} question {hint}",
                          field=name, value=shorten(answer), type=self.type_word(),
                          hint=_truth_hint()), "answer")
        return value

    def difficulty(self) -> int | None:
        text = self.get("difficulty")
        if not text:
            return None
        key = unicodedata.normalize("NFKC", text).casefold().strip()
        value: int | None = DIFFICULTY_WORDS.get(key)
        if value is None and key and set(key) <= {"★", "☆"}:
            value = key.count("★")
        if value is None:
            try:
                number = float(key)
            except ValueError:
                number = math.nan
            if number.is_integer():
                value = int(number)
        if value is None or not 1 <= value <= 5:
            self.fail(msg("{field} '{value}' must be a number from 1 (easy) to 5 (hard)",
                          field=self.reader.name("difficulty"), value=shorten(text)),
                      "difficulty")
            return None
        return value


_URL = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*://|//|www\.|data:)", re.IGNORECASE)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")
_NUMBERED = re.compile(r"第?\s*(\d+(?:\.\d+)?)\s*[题.、]?")


def local_image(source: str, written: str) -> str | None:
    """The absolute path of a picture ``written`` relative to the file ``source`` (or
    absolute), when it is an image file that exists; else None. Nothing is read."""
    from pathlib import Path

    name = written.strip().strip('"').replace("\\", "/")
    if not name or "\x00" in name or len(name) > 1000:
        return None
    candidate = Path(name).expanduser()
    if not candidate.is_absolute():
        candidate = Path(source).resolve().parent / candidate
    try:
        # (Whether it is a regular file is checked when it is read: pictures.reference.)
        if candidate.suffix.lower() in _IMAGE_SUFFIXES and candidate.exists():
            return str(candidate.resolve())
    except (OSError, ValueError):
        return None
    return None


def _number(text: str) -> float | None:
    """A question number as written ("12", "12.", "第12题", "１２") as a number, else None."""
    match = _NUMBERED.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return float(match.group(1)) if match is not None else None


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _column_letter(index: int) -> str:
    """Letters of a 0-based column index (0 -> "A", 27 -> "AB")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
