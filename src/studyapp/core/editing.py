"""The question editor's document: one question set being written, its checks, its saving.

The editor works on a :class:`Draft` (a :class:`QuestionSet` plus where it came from and
where it is saved) through small reversible edits (:class:`Edit`): the window wraps each in
a QUndoCommand, so undo and redo are the same functions run backwards.

One rule for checking: :func:`check` writes the draft exactly as Save would (native YAML,
``native.dump``), reads that text back with the native reader and the common checks, and
plans its import as ``studyapp validate --quality`` does (``importing.plan_import`` against
an empty profile). The editor's problems and warnings are therefore those ``studyapp validate
--quality`` prints for the saved file (the quality warnings come once the set has no
problem), at the same lines and in the same words except one: a field is named as the form
labels it (``FORM_FIELD_NAMES``: "the question is empty", where the file's problem says
"prompt is empty"). Each is placed on the question or card whose lines it names.

Ids are stable: opening and saving keeps every item's id and the set's id, so a re-import
keeps the learners' history of every unchanged item. A new item gets the next free id in
the style of the set ("rel-009" after "rel-008"); a built-in set is read-only and
:func:`duplicate` makes a copy under a new set id to edit.
"""

from __future__ import annotations

import copy
import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from studyapp.core.messages import N_
from studyapp.core.questionsets.errors import Problem
from studyapp.core.questionsets.model import (
    QUESTION_TYPES,
    Card,
    Choice,
    NumericAnswer,
    Question,
    QuestionSet,
    QuestionType,
)

__all__ = ["Draft", "Edit", "Finding", "Findings", "ItemKind", "apply", "blank_card",
           "blank_question", "check", "duplicate", "is_builtin", "new_draft", "next_id",
           "open_file", "open_set", "revert", "save", "set_id_for"]

ItemKind = Literal["questions", "cards"]
UNTITLED = "untitled.yaml"


@dataclass
class Draft:
    """A set in the editor. ``path`` is where Save writes (None: not saved yet); a built-in
    set is ``read_only`` (duplicate it to edit)."""

    question_set: QuestionSet
    path: Path | None = None
    read_only: bool = False
    load_problems: list[Problem] = field(default_factory=list)

    def items(self, kind: ItemKind) -> list[Any]:
        """The set's list of questions or of cards (the list itself: edits change it)."""
        return self.question_set.questions if kind == "questions" else self.question_set.cards

    def ids(self) -> set[str]:
        return ({q.id for q in self.question_set.questions}
                | {c.id for c in self.question_set.cards})

    @property
    def check_path(self) -> str:
        """The name problems are reported under (the file Save writes)."""
        return str(self.path) if self.path is not None else UNTITLED


# -- opening ----------------------------------------------------------------------------------
def new_draft(title: str, set_id: str | None = None) -> Draft:
    """An empty set of the trainer's own."""
    return Draft(QuestionSet(id=set_id or set_id_for(title), title=title, format="native"))


def set_id_for(title: str) -> str:
    """A set id made from a title ("Week 1 quiz" -> "week-1-quiz"), as file names make them."""
    from studyapp.core.questionsets._text import set_id_from_path

    return set_id_from_path(title.replace("/", "-").replace("\\", "-") or "my-questions")


def is_builtin(set_id: str) -> bool:
    from studyapp.core.importing import builtin_sets

    return set_id in builtin_sets()


def open_file(path: str | Path) -> Draft:
    """A trainer's file of any importable format, to edit and save as native YAML.

    Items the reader could not make sense of are not in the draft; ``load_problems`` says
    which (the editor shows them). A file with no readable set raises ValueError with them.
    """
    from studyapp.core.questionsets import load_file
    from studyapp.core.resources import questions_dir

    path = Path(path)
    result = load_file(path)
    if result.question_set is None:
        raise ValueError("; ".join(str(problem) for problem in result.problems))
    question_set = result.question_set
    shipped = path.resolve().parent == Path(str(questions_dir())).resolve()
    native = question_set.format == "native" and path.suffix.lower() in (".yaml", ".yml")
    return Draft(question_set, path if native and not shipped else None,
                 read_only=shipped or is_builtin(question_set.id),
                 load_problems=list(result.problems))


def open_set(question_set: QuestionSet) -> Draft:
    """A set from the learner's profile (store.question_sets.get); it saves to a new file."""
    return Draft(question_set, read_only=question_set.builtin or is_builtin(question_set.id))


def duplicate(draft: Draft, taken: set[str] | None = None) -> Draft:
    """A copy to edit, under a new set id ("four-relationships-copy"); item ids are kept (a
    set's items are keyed by set and item id, so the copy starts its own history)."""
    source = draft.question_set
    taken = (taken or set()) | {source.id}
    base = f"{source.id}-copy"
    new_id, number = base, 2
    while new_id in taken or is_builtin(new_id):
        new_id, number = f"{base}-{number}", number + 1
    copied = copy.deepcopy(source)
    copied.id = new_id
    copied.title = f"{source.title} (copy)"
    copied.builtin = False
    copied.source = ""
    copied.format = "native"
    return Draft(copied)


# -- new items --------------------------------------------------------------------------------
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def next_id(taken: set[str], like: list[str], default_prefix: str) -> str:
    """The next free id in the style of ``like`` (the ids of the same kind, in order):
    "rel-009" after "rel-008"; ``default_prefix`` + "001" when there is no style to follow."""
    prefix, width, number = default_prefix, 3, 0
    for item_id in reversed(like):
        found = _NUMBERED.match(item_id)
        if found:
            prefix, width = found.group(1), len(found.group(2))
            break
    for item_id in like:
        found = _NUMBERED.match(item_id)
        if found and found.group(1) == prefix:
            number = max(number, int(found.group(2)))
    while True:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in taken:
            return candidate


def blank_question(draft: Draft, kind: QuestionType, section: str | None = None) -> Question:
    """A new question of ``kind`` with the next free id and the empty parts its type needs
    (four options, two pairs, ...): the checks then say what is left to fill in."""
    if kind not in QUESTION_TYPES:
        raise ValueError(f"unknown question type '{kind}'")
    question = Question(
        id=next_id(draft.ids(), [q.id for q in draft.question_set.questions], "q-"),
        type=kind, prompt="", section=section)
    if kind in ("single", "multiple"):
        question.choices = [Choice("") for _ in range(4)]
    elif kind == "truefalse":
        question.truth = True
    elif kind == "fill":
        question.accepted = [""]
    elif kind == "match":
        question.pairs = [("", ""), ("", "")]
    elif kind == "order":
        question.sequence = ["", ""]
    else:
        question.numeric = [NumericAnswer(value=0.0)]
    return question


def blank_card(draft: Draft, section: str | None = None) -> Card:
    return Card(id=next_id(draft.ids(), [c.id for c in draft.question_set.cards], "card-"),
                front="", back="", section=section)


# -- edits ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    """One reversible change. ``op``: "insert" ``after`` at ``index``; "remove" ``before``
    from ``index``; "replace" ``before`` by ``after`` at ``index``; "move" the item at
    ``index`` to ``to``; "info" the set's title/description/language/version/id (``before``
    and ``after`` are dicts of them)."""

    op: Literal["insert", "remove", "replace", "move", "info"]
    kind: ItemKind = "questions"
    index: int = 0
    before: object = None
    after: object = None
    to: int = 0


INFO_FIELDS = ("id", "title", "version", "description", "language")


def set_info(question_set: QuestionSet) -> dict[str, str]:
    return {name: str(getattr(question_set, name)) for name in INFO_FIELDS}


def apply(draft: Draft, edit: Edit) -> None:
    """Makes the change (the items are copied in, so later edits never alias an Edit)."""
    _run(draft, edit, forwards=True)


def revert(draft: Draft, edit: Edit) -> None:
    """Undoes :func:`apply` of the same edit."""
    _run(draft, edit, forwards=False)


def _run(draft: Draft, edit: Edit, forwards: bool) -> None:
    if draft.read_only:
        raise PermissionError("a built-in set is read-only; duplicate it to edit")
    items: list[Question | Card] = draft.items(edit.kind)
    op = edit.op
    if op == "info":
        values = edit.after if forwards else edit.before
        assert isinstance(values, dict)
        for name, value in values.items():
            setattr(draft.question_set, name, value)
    elif op == "move":
        start, end = (edit.index, edit.to) if forwards else (edit.to, edit.index)
        items.insert(end, items.pop(start))
    elif op == "replace":
        items[edit.index] = copy.deepcopy(edit.after if forwards else edit.before)  # type: ignore[call-overload]
    elif (op == "insert") == forwards:
        item = edit.after if op == "insert" else edit.before
        items.insert(edit.index, copy.deepcopy(item))  # type: ignore[arg-type]
    else:
        del items[edit.index]


# -- checking ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """A problem or warning of ``studyapp validate`` on the saved file, placed on an item
    (``kind`` None: the set itself)."""

    problem: Problem
    kind: ItemKind | None = None
    index: int = -1

    @property
    def is_warning(self) -> bool:
        return self.problem.is_warning


@dataclass
class Findings:
    problems: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    text: str = ""  # the YAML that Save writes

    @property
    def ok(self) -> bool:
        return not self.problems

    def for_item(self, kind: ItemKind, index: int) -> list[Finding]:
        return [f for f in self.problems + self.warnings if f.kind == kind and f.index == index]


# The form's names for the keys of the file (ui/editor_form.py labels them so): a problem in
# the editor names the field the trainer sees ("the question is empty", 题目为空), not the
# key Save writes ("prompt is empty").
FORM_FIELD_NAMES = {
    "prompt": N_("the question"), "front": N_("the card's front"),
    "back": N_("the card's back"), "options": N_("the options"), "answer": N_("the answer"),
    "pairs": N_("the pairs"), "items": N_("the items"),
    "explanation": N_("the explanation shown after answering"),
    "evidence": N_("the evidence quotes"), "section": N_("the section"), "tags": N_("the tags"),
    "difficulty": N_("the difficulty"), "points": N_("the points"), "id": N_("the id"),
    "title": N_("the title"), "description": N_("the description"),
}


def check(draft: Draft, quality: bool = True) -> Findings:
    """What ``studyapp validate --quality`` (or without ``quality``, plain ``validate``) says
    about the file Save would write (see the module)."""
    from studyapp.core.importing import LoadedFile, plan_import
    from studyapp.core.questionsets import load_text
    from studyapp.core.questionsets.native import dump
    from studyapp.core.questionsets.native_schema import FIELD_NAMES

    path = draft.check_path
    try:
        text = dump(draft.question_set)
    except ValueError as error:
        return Findings([Finding(Problem(path, 0, str(error)))])
    named = FIELD_NAMES.set(FORM_FIELD_NAMES)
    try:
        result = load_text(text, path, "native")
    finally:
        FIELD_NAMES.reset(named)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    plan = plan_import([LoadedFile(path, result, digest)], None, quality=quality)
    starts = _item_lines(text)
    lines = [line for line, _, _ in starts]

    def place(problem: Problem) -> Finding:
        at = bisect_right(lines, problem.line) - 1
        if problem.line <= 0 or at < 0:
            return Finding(problem)
        _, kind, index = starts[at]
        return Finding(problem, kind, index)

    return Findings([place(p) for p in plan.problems], [place(w) for w in plan.warnings], text)


def _item_lines(text: str) -> list[tuple[int, ItemKind, int]]:
    """(first line, kind, index) of each item in ``dump``'s output, where every item of the
    top-level ``questions:`` and ``cards:`` lists starts with "- " in the first column."""
    starts: list[tuple[int, ItemKind, int]] = []
    kind: ItemKind | None = None
    count = {"questions": 0, "cards": 0}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("questions:"):
            kind = "questions"
        elif line.startswith("cards:"):
            kind = "cards"
        elif line[:1] not in ("", " ", "-"):
            kind = None
        elif kind is not None and line.startswith("- "):
            starts.append((number, kind, count[kind]))
            count[kind] += 1
    return starts


# -- saving -----------------------------------------------------------------------------------
def save(draft: Draft, path: str | Path) -> str:
    """Writes the draft as native YAML (atomically: a cut leaves the old file or the new one)
    and makes ``path`` the draft's file. Returns the text written."""
    from studyapp.core.files import write_text_atomically
    from studyapp.core.questionsets.native import dump

    if draft.read_only:
        raise PermissionError("a built-in set is read-only; duplicate it to edit")
    text = dump(draft.question_set)
    target = Path(path)
    write_text_atomically(target, text)
    draft.path = target
    draft.question_set.format = "native"
    draft.question_set.source = str(target)
    return text
