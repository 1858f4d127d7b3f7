"""Exam definitions: the ``.studyexam`` file a trainer hands out (docs/trainers.md).

A small YAML file says which questions an exam draws (a quiz scope, and how many of each
type or from each section), how long it lasts, its pass mark, how many attempts a learner
has, when the right answers are shown, the shuffle seed (every learner gets the same draw)
and the deadline. This module reads one (every problem with its file and line), writes one
(the dialog of File → New exam… and ``dump_exam``), and draws its questions; the quiz engine
(``core/quiz.py``) runs the attempt. No Qt.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml

from studyapp.core.clock import Clock
from studyapp.core.messages import Message, msg, msg_n
from studyapp.core.questionsets.errors import Problem, ProblemsFound
from studyapp.core.questionsets.errors import problem as problem_at
from studyapp.core.questionsets.model import QUESTION_TYPES
from studyapp.core.quiz import QuizItem, QuizSession, draw, in_section, scope_filter
from studyapp.core.scoring import Policy
from studyapp.core.store import Store
from studyapp.core.store.quizzes import StoredQuestion

EXTENSION = ".studyexam"
FORMAT = "studyapp-exam/1"
MAX_BYTES = 64 * 1024  # an exam definition is a few lines; anything larger is not one
AnswersShown = Literal["after_submit", "after_deadline", "never"]
ANSWERS_SHOWN: tuple[AnswersShown, ...] = ("after_submit", "after_deadline", "never")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SCOPE_KINDS = ("report", "relationships", "section", "part", "set", "tags")
_KEYS = ("format", "id", "title", "scope", "questions", "time_limit", "pass_mark", "attempts",
         "answers_shown", "seed", "deadline", "description")


@dataclass
class ExamDefinition:
    """One exam as its file describes it. ``per_type`` / ``per_section`` are the counts to
    draw (at most one of them is set; with neither, ``count`` questions from the scope)."""

    id: str
    title: str
    scope: str = "report"
    count: int | None = 20
    per_type: dict[str, int] = field(default_factory=dict)
    per_section: dict[str, int] = field(default_factory=dict)
    time_limit_minutes: int | None = 30
    pass_mark: float = 0.6  # a share, 0..1 (the file says percent)
    attempts: int | None = None  # None: as many as the learner likes
    answers_shown: AnswersShown = "after_submit"
    seed: int = 1
    deadline: datetime | None = None  # aware; the file's local time
    description: str = ""

    @property
    def total(self) -> int:
        if self.per_type:
            return sum(self.per_type.values())
        if self.per_section:
            return sum(self.per_section.values())
        return self.count or 0

    def past_deadline(self, now: datetime) -> bool:
        return self.deadline is not None and now >= self.deadline

    def answers_visible(self, now: datetime) -> bool:
        """May the learner see the right answers of a submitted attempt now?"""
        if self.answers_shown == "never":
            return False
        if self.answers_shown == "after_deadline":
            return self.past_deadline(now)
        return True


# -- reading ---------------------------------------------------------------------------------
def read_exam(path: Path) -> ExamDefinition:
    """The exam in ``path``; ProblemsFound (each problem with file and line) when it has any."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ProblemsFound([problem_at(name, 0, msg("cannot be read ({reason})",
                                                     reason=error.strerror or str(error)))]
                            ) from error
    if len(data) > MAX_BYTES:
        raise ProblemsFound([problem_at(name, 0, msg(
            "is {size} bytes; an exam definition is at most {limit} bytes", size=len(data),
            limit=MAX_BYTES))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProblemsFound([problem_at(name, 0, msg("is not UTF-8 text ({reason})",
                                                     reason=error.reason))]) from error
    return parse_exam(text, name)


def parse_exam(text: str, path: str = "exam.studyexam",
               section_ids: set[str] | None = None) -> ExamDefinition:
    """The exam written in ``text``; raises ProblemsFound listing every problem found.

    ``section_ids``: the report's section ids (read from the report when not given)."""
    problems: list[Problem] = []

    def problem(line: int, message: Message) -> None:
        problems.append(problem_at(path, line, message))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ProblemsFound([problem_at(path, mark.line + 1 if mark else 0,
                                        msg("is not valid YAML: {error}",
                                            error=error.problem or str(error)))]) from error
    except yaml.YAMLError as error:
        raise ProblemsFound([problem_at(path, 0, msg("is not valid YAML: {error}",
                                                     error=str(error)))]) from error
    if not isinstance(root, yaml.MappingNode):
        raise ProblemsFound([problem_at(path, 1, msg("an exam definition is a mapping of fields "
                                                     "(id: ..., title: ..., questions: ...)"))])
    fields: dict[str, tuple[int, yaml.Node]] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        line = key_node.start_mark.line + 1
        if key not in _KEYS:
            problem(line, msg("unknown field '{key}' (the fields are: {fields})", key=key,
                              fields=", ".join(_KEYS)))
        elif key in fields:
            problem(line, msg("'{key}' appears twice (first on line {line})", key=key,
                              line=fields[key][0]))
        else:
            fields[key] = (line, value_node)

    def scalar(key: str) -> tuple[int, Any]:
        line, node = fields[key]
        if not isinstance(node, yaml.ScalarNode):
            problem(line, msg("'{key}' must be a single value", key=key))
            return line, None
        return line, yaml.safe_load(yaml.serialize(node)) if node.value != "" else None

    def integer(key: str, low: int, high: int) -> int | None:
        line, value = scalar(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problem(line, msg("'{key}' must be a whole number from {low} to {high}, not {value!r}",
                              key=key, low=low, high=high, value=value))
            return None
        return value

    exam = ExamDefinition(id="", title="")
    if "format" in fields:
        line, value = scalar("format")
        if value != FORMAT:
            problem(line, msg("'format' must be {format!r} (this StudyApp reads that version), "
                              "not {value!r}", format=FORMAT, value=value))
    for key in ("id", "title"):
        if key not in fields:
            problem(root.start_mark.line + 1, msg("'{key}' is missing", key=key))
            continue
        line, value = scalar(key)
        value = "" if value is None else str(value).strip()
        if key == "id" and not _ID.match(value):
            problem(line, msg("'id' must be 1 to 64 letters, digits, '.', '_' or '-' (starting "
                              "with a letter or digit), not {value!r}", value=value))
        elif not value:
            problem(line, msg("'{key}' is empty", key=key))
        setattr(exam, key, value)
    if "description" in fields:
        exam.description = str(scalar("description")[1] or "")
    if section_ids is None:
        from studyapp.core.report import load_report

        section_ids = set(load_report().section_ids)
    if "scope" in fields:
        line, value = scalar("scope")
        exam.scope = str(value or "").strip()
        kind, _, rest = exam.scope.partition(":")
        if kind not in _SCOPE_KINDS or (kind in ("section", "part", "set", "tags") and not rest):
            problem(line, msg("'scope' must be report, relationships, section:ID, part:ID, "
                              "set:ID or tags:a,b, not {value!r}", value=exam.scope))
        elif kind in ("section", "part") and rest not in section_ids:
            problem(line, msg("'scope' names the section {section!r}, which the report does not "
                              "have", section=rest))
    if "questions" in fields:
        _read_questions(exam, *fields["questions"], section_ids, problem)
    if "time_limit" in fields:
        exam.time_limit_minutes = integer("time_limit", 1, 600)
    if "pass_mark" in fields:
        percent = integer("pass_mark", 1, 100)
        exam.pass_mark = (percent if percent is not None else 60) / 100
    if "attempts" in fields:
        exam.attempts = integer("attempts", 1, 100)
    if "answers_shown" in fields:
        line, value = scalar("answers_shown")
        if value not in ANSWERS_SHOWN:
            problem(line, msg("'answers_shown' must be one of {choices}, not {value!r}",
                              choices=", ".join(ANSWERS_SHOWN), value=value))
        else:
            exam.answers_shown = value
    if "seed" in fields:
        exam.seed = integer("seed", 0, 2**31 - 1) or 0
    if "deadline" in fields:
        line, value = scalar("deadline")
        exam.deadline = _deadline(value)
        if value is not None and exam.deadline is None:
            problem(line, msg("'deadline' must be a date or a date and time such as 2026-12-20 "
                              "or 2026-12-20 18:00, not {value!r}", value=value))
    if problems:
        raise ProblemsFound(sorted(problems))
    return exam


def _read_questions(exam: ExamDefinition, line: int, node: yaml.Node, section_ids: set[str],
                    problem: Callable[[int, Message], None]) -> None:
    if isinstance(node, yaml.ScalarNode):
        value = yaml.safe_load(yaml.serialize(node))
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 500:
            problem(line, msg("'questions' must be a number from 1 to 500, or per_type: or "
                              "per_section: counts, not {value!r}", value=value))
        else:
            exam.count = value
        return
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        problem(line, msg("'questions' must be a number, or one of per_type: or per_section: "
                          "with a count for each type or section"))
        return
    key_node, counts_node = node.value[0]
    kind = key_node.value
    if kind not in ("per_type", "per_section") or not isinstance(counts_node, yaml.MappingNode):
        problem(key_node.start_mark.line + 1, msg("under 'questions' write per_type: or "
                                                  "per_section:, each with counts"))
        return
    counts: dict[str, int] = {}
    for name_node, count_node in counts_node.value:
        name = str(name_node.value)
        at = name_node.start_mark.line + 1
        count = yaml.safe_load(yaml.serialize(count_node)) \
            if isinstance(count_node, yaml.ScalarNode) else None
        if kind == "per_type" and name not in QUESTION_TYPES:
            problem(at, msg("{name!r} is not a question type ({types})", name=name,
                            types=", ".join(QUESTION_TYPES)))
        elif kind == "per_section" and name not in section_ids:
            problem(at, msg("{name!r} is not a section of the report", name=name))
        elif isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 500:
            problem(at, msg("the count for {name!r} must be a number from 1 to 500", name=name))
        else:
            counts[name] = count
    exam.count = None
    if kind == "per_type":
        exam.per_type = counts
    else:
        exam.per_section = counts


def _deadline(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(23, 59, 59))
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        if len(value.strip()) <= 10:  # a date alone: the end of that day
            moment = datetime.combine(moment.date(), time(23, 59, 59))
    else:
        return None
    return moment.astimezone() if moment.tzinfo is None else moment


# -- writing ---------------------------------------------------------------------------------
def dump_exam(exam: ExamDefinition) -> str:
    """The exam as a ``.studyexam`` file (commented, so a trainer can read and edit it)."""
    def q(value: str) -> str:
        return yaml.safe_dump(value, allow_unicode=True, default_style='"').strip()

    lines = [
        "# StudyApp exam definition (docs/trainers.md). Learners import it with File → Import.",
        f"format: {FORMAT}",
        f"id: {q(exam.id)}",
        f"title: {q(exam.title)}",
    ]
    if exam.description:
        lines.append(f"description: {q(exam.description)}")
    lines.append(f"scope: {q(exam.scope)}    # report, relationships, section:ID, part:ID, "
                 "set:ID, tags:a,b")
    if exam.per_type or exam.per_section:
        kind, counts = (("per_type", exam.per_type) if exam.per_type
                        else ("per_section", exam.per_section))
        lines += ["questions:", f"  {kind}:"]
        lines += [f"    {q(name)}: {count}" for name, count in counts.items()]
    else:
        lines.append(f"questions: {exam.count or 20}")
    if exam.time_limit_minutes is not None:
        lines.append(f"time_limit: {exam.time_limit_minutes}    # minutes")
    lines.append(f"pass_mark: {round(exam.pass_mark * 100)}    # percent")
    if exam.attempts is not None:
        lines.append(f"attempts: {exam.attempts}")
    lines.append(f"answers_shown: {exam.answers_shown}    # after_submit, after_deadline, never")
    lines.append(f"seed: {exam.seed}")
    if exam.deadline is not None:
        spec = "seconds" if exam.deadline.second else "minutes"
        lines.append(f"deadline: {q(exam.deadline.isoformat(timespec=spec))}")
    return "\n".join(lines) + "\n"


def write_exam(exam: ExamDefinition, path: Path) -> None:
    from studyapp.core.files import write_text_atomically

    write_text_atomically(path, dump_exam(exam))


# -- drawing ---------------------------------------------------------------------------------
@dataclass
class Shortfall:
    """The profile holds fewer questions than the exam asks for (``what``: a type, a section
    id, or "" for the scope as a whole)."""

    what: str
    wanted: int
    available: int


def candidates_for(exam: ExamDefinition, questions: list[StoredQuestion]) -> list[StoredQuestion]:
    keep = scope_filter(exam.scope)
    return [q for q in questions if keep(q) and not q.retired]


def shortfalls(exam: ExamDefinition, questions: list[StoredQuestion]) -> list[Shortfall]:
    """What the exam asks for that ``questions`` (the profile's) cannot give."""
    pool = candidates_for(exam, questions)
    missing = []
    if exam.per_type:
        for kind, wanted in exam.per_type.items():
            have = sum(1 for q in pool if q.question.type == kind)
            if have < wanted:
                missing.append(Shortfall(kind, wanted, have))
    elif exam.per_section:
        for section, wanted in exam.per_section.items():
            have = sum(1 for q in pool if in_section(q.question.section, section))
            if have < wanted:
                missing.append(Shortfall(section, wanted, have))
    elif len(pool) < (exam.count or 0):
        missing.append(Shortfall("", exam.count or 0, len(pool)))
    return missing


def draw_exam(exam: ExamDefinition, questions: list[StoredQuestion],
              seed: int | None = None) -> list[QuizItem]:
    """The exam's questions with their option order: the same for every learner with the
    same questions (the exam's seed), another order for another ``seed`` (paper variant B).
    Fewer than asked when the profile has fewer (see :func:`shortfalls`)."""
    rng = random.Random(exam.seed)
    pool = candidates_for(exam, questions)
    chosen: list[StoredQuestion] = []
    taken: set[str] = set()
    if exam.per_type or exam.per_section:
        groups = exam.per_type or exam.per_section
        for name, wanted in groups.items():
            if exam.per_type:
                fits = [q for q in pool if q.question.type == name and q.key not in taken]
            else:
                fits = [q for q in pool if in_section(q.question.section, name)
                        and q.key not in taken]
            rng.shuffle(fits)
            chosen += fits[:wanted]
            taken.update(q.key for q in fits[:wanted])
    else:
        rng.shuffle(pool)
        chosen = pool[:exam.count or 0]
    return draw(chosen, None, exam.seed if seed is None else seed)


# -- a learner's exams -------------------------------------------------------------------------
@dataclass
class AssignedExam:
    """An imported exam as the Quiz view lists it: how many attempts are used and left, the
    best result, and whether it can be started now (``blocked``: why not)."""

    exam: ExamDefinition
    attempts_used: int
    best_score: float | None  # a share, 0..1
    passed: bool
    blocked: Message | None

    @property
    def attempts_left(self) -> int | None:
        if self.exam.attempts is None:
            return None
        return max(0, self.exam.attempts - self.attempts_used)


def import_exam(store: Store, path: Path) -> tuple[ExamDefinition, bool]:
    """Reads ``path`` and keeps the exam in the profile (the same id again replaces it);
    ProblemsFound (nothing written) when the file has problems. True: the exam was new."""
    exam = read_exam(path)
    text = path.read_bytes().decode("utf-8-sig")
    return exam, store.exams.save(exam.id, exam.title, text, str(path))


def assigned_exams(store: Store, now: datetime) -> list[AssignedExam]:
    """The profile's exams, those with the nearest deadline first."""
    found = []
    questions = store.quizzes.questions()
    for stored in store.exams.all():
        try:
            exam = parse_exam(stored.definition, stored.source or stored.id)
        except ProblemsFound:
            continue  # read when imported; a report change could only retire a section
        attempts = [a for a in store.exams.attempts(exam.id) if a.finished_at is not None]
        shares = [a.score / a.max_score for a in attempts
                  if a.score is not None and a.max_score]
        blocked: Message | None = None
        if exam.past_deadline(now):
            blocked = msg("The deadline has passed.")
        elif exam.attempts is not None and len(attempts) >= exam.attempts:
            blocked = msg_n("You have used your {n} attempt.", "You have used your {n} attempts.",
                            exam.attempts)
        elif shortfalls(exam, questions):
            blocked = msg("This profile lacks some of the exam's questions: import the exam's "
                          "question set first.")
        found.append(AssignedExam(exam, len(attempts), max(shares, default=None),
                                  any(a.passed for a in attempts), blocked))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(found, key=lambda a: (a.exam.deadline or far, a.exam.title))


def start_exam(store: Store, clock: Clock, exam: ExamDefinition) -> QuizSession:
    """A new attempt at ``exam``, run by the quiz engine; its record carries the exam id."""
    items = draw_exam(exam, store.quizzes.questions())
    attempt_id = store.exams.start_attempt(
        exam.id, exam.scope, exam.seed, [item.plan() for item in items],
        exam.time_limit_minutes * 60.0 if exam.time_limit_minutes else None,
        Policy().to_json(), exam.pass_mark)
    record = store.quizzes.attempt(attempt_id)
    assert record is not None
    return QuizSession(store, clock, record, items)


def answers_visible(store: Store, attempt_id: int, now: datetime) -> bool:
    """May the learner review the right answers of this attempt now? (Any attempt not of an
    exam, or of an exam no longer in the profile: yes.)"""
    exam_id = store.exams.exam_of_attempts().get(attempt_id)
    stored = store.exams.get(exam_id) if exam_id else None
    if stored is None:
        return True
    try:
        return parse_exam(stored.definition, stored.source).answers_visible(now)
    except ProblemsFound:
        return True


def exam_from_dict(data: dict[str, Any]) -> ExamDefinition:
    """An exam from the dialog's values (checked by writing and parsing it back)."""
    exam = ExamDefinition(**data)
    parsed = parse_exam(dump_exam(exam), f"{exam.id or 'exam'}{EXTENSION}")
    parsed.time_limit_minutes = exam.time_limit_minutes  # None (untimed) is left out of files
    return parsed


def deadline_in(days: int, now: datetime) -> datetime:
    """The end of the day ``days`` after ``now`` (local time): the dialog's default."""
    day = (now.astimezone() + timedelta(days=days)).date()
    return datetime.combine(day, time(23, 59)).astimezone()


__all__ = [
    "ANSWERS_SHOWN", "AssignedExam", "EXTENSION", "ExamDefinition", "Shortfall",
    "answers_visible", "assigned_exams", "candidates_for", "deadline_in", "draw_exam",
    "dump_exam", "exam_from_dict", "import_exam", "parse_exam", "read_exam", "shortfalls",
    "start_exam", "write_exam",
]
