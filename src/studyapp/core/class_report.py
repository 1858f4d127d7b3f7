"""The class report: every learner's results file read back, checked and added up.

``studyapp class-report FILE-or-FOLDER... --out class.xlsx|class.csv|class.pdf`` and File →
Class report both call :func:`build_class_report`. A file is counted only when it is a whole,
unchanged StudyApp results file (its checksum line holds); any other file is named and
skipped with the reason, never counted silently. The same learner twice (two PCs, or an older
copy) counts once: the newest file by its ``exported_at``. The checksum catches damage and
casual edits, not a determined forger (the algorithm is public; docs/trainers.md).

The views: per learner, per section, per exam (score, pass), and the most-missed questions
with the wrong answer chosen most. Each is a :class:`View` (title, columns, rows) that the
writers here (CSV, XLSX) and the PDF printer (ui/printing.py) lay out as they are.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studyapp.core.messages import Message, msg
from studyapp.core.stats import CHECKSUM_PREFIX, EXPORT_COLUMNS, ChecksumError, verify_results_csv

MAX_FILE_BYTES = 50 * 1024 * 1024  # a learner's results are far smaller; larger is not one
MOST_MISSED = 30  # questions listed in the most-missed view
_INDEX = {name: i for i, name in enumerate(EXPORT_COLUMNS)}


@dataclass
class Skipped:
    path: Path
    reason: Message

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Attempt:
    id: str
    mode: str
    exam: str
    finished: str
    score: float | None
    max_score: float | None
    passed: bool | None


@dataclass
class Answer:
    attempt: str
    question: str
    prompt: str
    section: str
    correct: bool
    answer: str


@dataclass
class LearnerFile:
    """One results file that passed every check."""

    path: Path
    profile: str
    name: str
    unit: str
    exported_at: str
    read: set[str] = field(default_factory=set)
    attempts: dict[str, Attempt] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)

    @property
    def learner(self) -> str:
        return self.name or self.profile

    @property
    def key(self) -> tuple[str, str]:
        """Who the file is about: the display name (else the profile) within the unit."""
        who = self.name.strip() or f"profile:{self.profile}"
        return who.casefold(), self.unit.strip().casefold()

    def counted_answers(self) -> list[Answer]:
        """Answers of finished attempts (an exam still open on the learner's PC waits)."""
        finished = {a.id for a in self.attempts.values() if a.finished}
        return [a for a in self.answers if a.attempt in finished]


@dataclass
class View:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]


@dataclass
class ClassReport:
    learners: list[LearnerFile]
    skipped: list[Skipped]
    views: list[View]
    files_read: int


# -- reading the files -----------------------------------------------------------------------
def results_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the ``.csv`` files in the folders named (not their subfolders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir()
                            if p.suffix.lower() == ".csv" and p.is_file()
                            and not p.name.startswith("."))  # our own temporary files
        else:
            found.append(path)
    return found


def read_results_file(path: Path) -> LearnerFile:
    """The learner's results in ``path``; ChecksumError (the reason, in words) when the file
    is not a whole, unchanged StudyApp results file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChecksumError(str(msg("too large to be a results file")))
        data = path.read_bytes()
    except OSError as error:
        raise ChecksumError(str(msg("cannot be read ({why})", why=error.strerror or error))
                            ) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ChecksumError(str(msg("damaged: not UTF-8 text"))) from error
    first = text.split("\n", 1)[0].rstrip("\r")
    header = first.split(",")
    if header[:3] != EXPORT_COLUMNS[:3]:
        raise ChecksumError(str(msg("not a StudyApp results file (its first line is not the "
                                    "results header)")))
    if not text.rstrip("\r\n").rpartition("\n")[2].startswith(CHECKSUM_PREFIX):
        raise ChecksumError(str(msg("damaged: cut short or changed (the checksum line at the "
                                    "end is missing)")))
    try:
        verify_results_csv(data, path.name)
    except ChecksumError as error:
        raise ChecksumError(str(msg("edited or damaged after StudyApp wrote it (the checksum "
                                    "does not match)"))) from error
    if header != EXPORT_COLUMNS:
        raise ChecksumError(str(msg("written by an older StudyApp (no exam and answer "
                                    "columns): write the results again with this version")))
    return _parse(path, text)


def _parse(path: Path, text: str) -> LearnerFile:
    body = text.rstrip("\r\n").rpartition("\n")[0]
    rows = list(csv.reader(io.StringIO(body)))[1:]
    width = len(EXPORT_COLUMNS)
    if not rows or any(len(row) != width for row in rows):
        raise ChecksumError(str(msg("damaged: a row does not have the {n} columns of the "
                                    "header", n=width)))
    c = _INDEX
    first = rows[0]
    learner = LearnerFile(path, first[c["profile"]], first[c["name"]], first[c["unit"]],
                          max(row[c["exported_at"]] for row in rows))
    for row in rows:
        kind = row[c["kind"]]
        if kind == "section":
            if row[c["read_at"]]:
                learner.read.add(row[c["item"]])
        elif kind.startswith("quiz:"):
            learner.attempts[row[c["attempt"]]] = Attempt(
                row[c["attempt"]], kind[5:], row[c["exam"]], row[c["finished"]],
                _number(row[c["score"]]), _number(row[c["max_score"]]),
                None if not row[c["passed"]] else row[c["passed"]] == "yes")
        elif kind == "answer":
            learner.answers.append(Answer(
                row[c["attempt"]], row[c["item"]], row[c["title"]], row[c["section"]],
                row[c["passed"]] == "yes", row[c["answer"]]))
    return learner


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


# -- adding up -------------------------------------------------------------------------------
def build_class_report(paths: Iterable[Path], section_titles: dict[str, str] | None = None
                       ) -> ClassReport:
    """Reads every results file under ``paths`` and makes the report's views."""
    files = results_files(paths)
    newest: dict[tuple[str, str], LearnerFile] = {}
    skipped: list[Skipped] = []
    for path in files:
        try:
            learner = read_results_file(path)
        except ChecksumError as error:
            skipped.append(Skipped(path, msg("{why}", why=str(error))))
            continue
        kept = newest.get(learner.key)
        if kept is None:
            newest[learner.key] = learner
            continue
        older, newer = sorted((kept, learner), key=lambda f: (f.exported_at, str(f.path)))
        newest[learner.key] = newer
        if older.exported_at == newer.exported_at:
            reason = msg("a copy of {learner}'s results (the one in {newer} is counted)",
                         learner=older.learner, newer=newer.path.name)
        else:
            reason = msg("an older results file of {learner} (the newer one, {newer}, is "
                         "counted)", learner=older.learner, newer=newer.path.name)
        skipped.append(Skipped(older.path, reason))
    learners = sorted(newest.values(), key=lambda f: (f.unit, f.learner, f.profile))
    titles = section_titles or {}
    views = [_learners_view(learners), _sections_view(learners, titles),
             _exams_view(learners), _missed_view(learners),
             View("skipped", str(msg("Files skipped")),
                  [str(msg("File")), str(msg("Reason"))],
                  [[str(s.path), str(s.reason)] for s in skipped])]
    return ClassReport(learners, skipped, views, len(files))


def _share(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _learners_view(learners: list[LearnerFile]) -> View:
    rows = []
    for f in learners:
        answers = f.counted_answers()
        right = sum(a.correct for a in answers)
        exams = _exam_results(f)
        rows.append([f.learner, f.unit, f.profile, len(f.read), len(answers), right,
                     _share(right, len(answers)), len(exams),
                     sum(1 for passed, _, _ in exams.values() if passed),
                     f.exported_at[:10]])
    return View("learners", str(msg("Learners")), [
        str(msg("Learner")), str(msg("Unit")), str(msg("Profile")), str(msg("Read")),
        str(msg("Answers")), str(msg("Right")), str(msg("Right %")), str(msg("Exams")),
        str(msg("Passed")), str(msg("Written"))], rows)


def _sections_view(learners: list[LearnerFile], titles: dict[str, str]) -> View:
    readers: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for f in learners:
        readers.update(f.read)
        for a in f.counted_answers():
            answers[a.section] += 1
            right[a.section] += a.correct
    ids = list(titles) + sorted((set(readers) | set(answers)) - set(titles))
    rows = [[sid or "–", titles.get(sid, ""), readers[sid], answers[sid], right[sid],
             _share(right[sid], answers[sid])]
            for sid in ids if readers[sid] or answers[sid]]
    return View("sections", str(msg("Sections")), [
        str(msg("Section")), str(msg("Title")), str(msg("Learners who read it")),
        str(msg("Answers")), str(msg("Right")), str(msg("Right %"))], rows)


def _exam_results(f: LearnerFile) -> dict[str, tuple[bool, float | None, int]]:
    """exam id -> (passed any attempt, best score share, finished attempts)."""
    found: dict[str, tuple[bool, float | None, int]] = {}
    for attempt in f.attempts.values():
        if not attempt.exam or not attempt.finished:
            continue
        passed, best, count = found.get(attempt.exam, (False, None, 0))
        share = (attempt.score / attempt.max_score
                 if attempt.score is not None and attempt.max_score else None)
        if share is not None and (best is None or share > best):
            best = share
        found[attempt.exam] = (passed or bool(attempt.passed), best, count + 1)
    return found


def _exams_view(learners: list[LearnerFile]) -> View:
    rows = []
    for f in learners:
        for exam, (passed, best, count) in sorted(_exam_results(f).items()):
            rows.append([exam, f.learner, f.unit, count,
                         "–" if best is None else f"{round(best * 100)}%",
                         str(msg("yes")) if passed else str(msg("no"))])
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    return View("exams", str(msg("Exams")), [
        str(msg("Exam")), str(msg("Learner")), str(msg("Unit")), str(msg("Attempts")),
        str(msg("Best score")), str(msg("Passed"))], rows)


def _missed_view(learners: list[LearnerFile]) -> View:
    asked: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    wrong_answers: dict[str, Counter[str]] = defaultdict(Counter)
    about: dict[str, Answer] = {}
    for f in learners:
        for a in f.counted_answers():
            asked[a.question] += 1
            about.setdefault(a.question, a)
            if not a.correct:
                wrong[a.question] += 1
                wrong_answers[a.question][a.answer or str(msg("(no answer)"))] += 1
    ranked = sorted(wrong, key=lambda k: (-wrong[k], -wrong[k] / asked[k], k))[:MOST_MISSED]
    rows = []
    for key in ranked:
        chosen, times = wrong_answers[key].most_common(1)[0]
        rows.append([key, about[key].prompt, about[key].section, asked[key], wrong[key],
                     _share(wrong[key], asked[key]), chosen, times])
    return View("missed", str(msg("Most-missed questions")), [
        str(msg("Question")), str(msg("Prompt")), str(msg("Section")), str(msg("Answered")),
        str(msg("Wrong")), str(msg("Wrong %")), str(msg("Wrong answer chosen most")),
        str(msg("Times"))], rows)


# -- writing ---------------------------------------------------------------------------------
def class_report_csv(report: ClassReport) -> str:
    """Every view as a block: a ``# Title`` line, its header, its rows, an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for view in report.views:
        writer.writerow([f"# {view.title}"])
        writer.writerow(view.columns)
        writer.writerows(view.rows)
        writer.writerow([])
    return buffer.getvalue()


def write_class_report_xlsx(report: ClassReport, target: Path) -> None:
    """One sheet per view (openpyxl), header bold and frozen; written atomically."""
    import os
    import tempfile

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for view in report.views:
        sheet = book.create_sheet(_sheet_title(view.title))
        sheet.append(view.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in view.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(view.columns, start=1):
            longest = max([len(str(column))] + [len(str(r[index - 1])) for r in view.rows[:200]])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(
                60, max(8, longest + 2))
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sheet_title(title: str) -> str:
    return "".join("_" if ch in "[]:*?/\\" else ch for ch in title)[:31]


def write_class_report(report: ClassReport, target: Path) -> None:
    """Writes the report as ``target``'s extension says: ``.xlsx`` or ``.csv`` (``.pdf`` is
    drawn by ui/printing.py, which needs Qt's painter). OSError when it cannot be written."""
    from studyapp.core.files import write_text_atomically

    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        write_class_report_xlsx(report, target)
    elif suffix == ".csv":
        write_text_atomically(target, class_report_csv(report), encoding="utf-8-sig")
    else:
        raise ValueError(f"no class report format for {suffix!r}")


__all__ = [
    "ClassReport", "LearnerFile", "Skipped", "View", "build_class_report", "class_report_csv",
    "read_results_file", "results_files", "write_class_report",
]
