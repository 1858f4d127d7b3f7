"""A paper exam: what File → Print exam… and ``studyapp paper`` print (ui/printing.py draws).

Two variants, A and B, hold the same questions in another order with the options in another
order (the exam's seed, and the seed + 1), so neighbours in a room cannot copy. Each variant
has its questions, an answer sheet, and an answer key with the explanations (printed on pages
of their own, for the trainer). This module decides what is printed, in which order and with
which letters; it draws nothing. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studyapp.core.exams import ExamDefinition, draw_exam
from studyapp.core.messages import msg, msg_n
from studyapp.core.quiz import QuizItem, correct_answer_text
from studyapp.core.store.quizzes import StoredQuestion

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class PaperQuestion:
    number: int
    type: str
    prompt: str
    options: list[str] = field(default_factory=list)  # lettered A, B, ... as printed
    lefts: list[str] = field(default_factory=list)  # match: numbered 1, 2, ...
    rights: list[str] = field(default_factory=list)  # match: lettered, shuffled
    items: list[str] = field(default_factory=list)  # order: lettered, shuffled
    answer: str = ""  # the key: letters, True/False, or the accepted words
    explanation: str = ""
    section: str = ""
    key: str = ""


@dataclass
class PaperVariant:
    name: str  # "A" or "B"
    seed: int
    questions: list[PaperQuestion]


@dataclass
class PaperExam:
    title: str
    facts: list[str]  # time allowed, pass mark, number of questions...
    variants: list[PaperVariant]


def paper_question(number: int, item: QuizItem) -> PaperQuestion:
    q = item.question
    paper = PaperQuestion(number, q.type, q.prompt, explanation=q.explanation,
                          section=q.section or "", key=item.key)
    if q.type in ("single", "multiple"):
        paper.options = [text for _, text in item.options()]
        letters = {index: LETTERS[n] for n, index in enumerate(item.order)}
        paper.answer = ", ".join(letters[i] for i, choice in enumerate(q.choices)
                                 if choice.correct)
    elif q.type == "truefalse":
        paper.answer = str(msg("True")) if q.truth else str(msg("False"))
    elif q.type == "match":
        paper.lefts = item.lefts()
        paper.rights = [text for _, text in item.rights()]
        position = {index: LETTERS[n] for n, index in enumerate(item.order)}
        paper.answer = "  ".join(f"{n + 1}–{position[n]}" for n in range(len(q.pairs)))
    elif q.type == "order":
        paper.items = [text for _, text in item.start_sequence()]
        position = {index: LETTERS[n] for n, index in enumerate(item.order)}
        paper.answer = " ".join(position[n] for n in range(len(q.sequence)))
    else:
        paper.answer = correct_answer_text(item)
    return paper


def paper_exam(exam: ExamDefinition, questions: list[StoredQuestion]) -> PaperExam:
    """Variants A and B of ``exam`` drawn from ``questions`` (the profile's)."""
    variants = []
    first = draw_exam(exam, questions)
    keys = [item.key for item in first]
    for offset, name in enumerate(("A", "B")):
        # B: the same questions as A (drawn with the exam's seed), in its own order.
        items = first if offset == 0 else draw_exam(exam, questions, seed=exam.seed + 1)
        variants.append(PaperVariant(name, exam.seed + offset,
                                     [paper_question(n, item)
                                      for n, item in enumerate(items, start=1)]))
    facts = [str(msg_n("{n} question", "{n} questions", len(keys)))]
    if exam.time_limit_minutes:
        facts.append(str(msg("Time allowed: {minutes} minutes",
                             minutes=exam.time_limit_minutes)))
    facts.append(str(msg("Pass mark: {percent}%", percent=round(exam.pass_mark * 100))))
    facts.append(str(msg("Exam: {id}", id=exam.id)))
    return PaperExam(exam.title, facts, variants)


__all__ = ["LETTERS", "PaperExam", "PaperQuestion", "PaperVariant", "paper_exam",
           "paper_question"]
