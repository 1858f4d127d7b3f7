"""The answer key at the end of a paper (paper.py): a line 参考答案 (答案与解析, 【参考答案】,
Answer key), then answers by number ("1.A 2.B 3.AC", "1-5 ABCDA", "1. 对 解析：..."), under
the same headings as the questions when the numbering starts again under each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from studyapp.core.messages import msg
from studyapp.core.questionsets._text import shorten
from studyapp.core.questionsets.paper_text import (
    EXPLANATION,
    EXPLANATION_INLINE,
    HEADING_PREFIX,
    fold,
    parse_heading,
)

if TYPE_CHECKING:
    from studyapp.core.questionsets.paper import PaperReader

__all__ = ["KEY_START", "AnswerKey", "compact_answer"]

_KEY_NAME = r"(?:参考答案|标准答案|答案)\s*(?:[与及和]\s*解析)?|答案解析"
KEY_START = re.compile(
    r"\s*(?:答案|(?:[【\[]\s*)?(?:" + _KEY_NAME + r")\s*[】\]]?)\s*$"  # a line of its own
    r"|\s*[【\[]?\s*(?:参考答案|标准答案)\s*(?:[与及和]\s*解析)?\s*[】\]]?\s*:?\s*"
    r"(?=$|\d{1,6}\s*(?:[-~～—–]|[.、:)]|[A-H√×]))"  # 参考答案：1.A 2.B
    r"|\s*(?i:answer\s+key|answers)\s*:?\s*$")
_KEY_ITEM = re.compile(r"(?<![\d.])(\d{1,6})\s*(?:[-~～—–]\s*(\d{1,6})\s*)?"
                       r"(?:[.、:)]|(?=[A-H√×]))\s*")
_KEY_RUN = re.compile(r"[A-H√×✓✗对错]+")


def compact_answer(answer: str) -> str:
    return re.sub(r"[\s,、;；/|.。]+", "", fold(answer)).upper()


@dataclass
class _KeyEntry:
    line: int
    section: int | None  # the ordinal of the heading it is under in the key, if any
    number: str
    answer: str
    explanation: list[str] = field(default_factory=list)


class AnswerKey:
    def __init__(self) -> None:
        self.entries: list[_KeyEntry] = []
        self.section: int | None = None
        self.headings = 0

    def line(self, reader: PaperReader, number: int, raw: str) -> None:
        text = raw.replace("\t", " ").strip()
        if not text:
            return
        folded = fold(text)
        heading = parse_heading(folded)
        bare = HEADING_PREFIX.match(folded)
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
        explanation = EXPLANATION.match(folded)
        if explanation is not None:
            if self.entries:
                self.entries[-1].explanation.append(text[explanation.end():].strip())
            else:
                reader.problem(number, msg("解析 in the answer key has no answer before it"))
            return
        items = list(_KEY_ITEM.finditer(folded))
        if not items or items[0].start() != 0:
            if self.entries and self.entries[-1].explanation:
                self.entries[-1].explanation.append(text)  # the explanation goes on
                return
            reader.problem(number, msg("'{text}' in the answer key is no answer; write e.g. 1.A "
                                       "2.B, or 1-5 ABCDA", text=shorten(text)))
            return
        for index, item in enumerate(items):
            end = items[index + 1].start() if index + 1 < len(items) else len(text)
            value = text[item.end():end].strip()
            inline = EXPLANATION_INLINE.search(fold(value))
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
            run = "".join(_KEY_RUN.findall(fold(value).upper()))
            count = int(last) - first + 1
            if count < 1 or len(run) != count:
                reader.problem(number, msg("answer key '{entry}': {first}-{last} needs {count} "
                                           "answers, one letter or √/× each; it has {found}",
                                           entry=shorten(item.group(0) + value), first=first,
                                           last=last, count=max(count, 0), found=len(run)))
                continue
            for offset, answer in enumerate(run):
                self.entries.append(_KeyEntry(number, self.section, str(first + offset), answer))

    def apply(self, reader: PaperReader) -> None:
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
                reader.problem(entry.line, msg("the question numbers start again under each "
                                               "heading, so the answer key needs the headings "
                                               "too (一、 二、 ...) before its answers"))
                return
            if target is None:
                reader.problem(entry.line, msg(
                    "the answer key gives an answer to question {number}, but the paper has no "
                    "question {number}", number=entry.number) if unique else msg(
                    "the answer key gives an answer to question {number}, but the paper has no "
                    "question {number} under that heading", number=entry.number))
                continue
            if target.key_answer is not None:
                reader.problem(entry.line, msg("the answer key gives question {number} a second "
                                               "answer (the first is on line {line}); keep one",
                                               number=entry.number, line=target.key_answer[1]))
                target.broken = True
                continue
            target.key_answer = (entry.answer, entry.line)
            if entry.explanation and not target.explanation:
                target.explanation = list(entry.explanation)
