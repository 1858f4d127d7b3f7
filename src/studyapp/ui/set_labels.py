"""How question sets, their items and their problems read in the window: format and
question-type names, report sections by their own numbering, where a problem is in words
("row 3, column 答案"), a question or card in full, what a set carries beyond its
questions. Shared by the import dialog and the sets dialog."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from studyapp.core.questionsets.errors import Problem
from studyapp.core.questionsets.model import Card, Question, QuestionSet
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, plural

# Module-level text is translated under the context "import" with the bare name
# ``translate`` (pyside6-lupdate recognises it; ``_translate`` it does not).
translate = QCoreApplication.translate

# Shown through format_label() and type_label(); QT_TRANSLATE_NOOP marks them for lupdate.
FORMAT_LABELS = {
    "native": QT_TRANSLATE_NOOP("import", "StudyApp YAML"),
    "csv": QT_TRANSLATE_NOOP("import", "CSV spreadsheet"),
    "xlsx": QT_TRANSLATE_NOOP("import", "Excel workbook"),
    "gift": QT_TRANSLATE_NOOP("import", "GIFT (Moodle)"),
    "aiken": QT_TRANSLATE_NOOP("import", "Aiken"),
    "paper": QT_TRANSLATE_NOOP("import", "Question paper (text or Word)"),
    "txt": QT_TRANSLATE_NOOP("import", "Text (Aiken, GIFT or a question paper)"),
}
TYPE_LABELS = {
    "single": QT_TRANSLATE_NOOP("import", "Single choice"),
    "multiple": QT_TRANSLATE_NOOP("import", "Multiple choice"),
    "truefalse": QT_TRANSLATE_NOOP("import", "True/false"),
    "fill": QT_TRANSLATE_NOOP("import", "Fill in the blank"),
    "match": QT_TRANSLATE_NOOP("import", "Matching"),
    "order": QT_TRANSLATE_NOOP("import", "Ordering"),
    "numeric": QT_TRANSLATE_NOOP("import", "Numeric"),
}
NO_SECTION = QT_TRANSLATE_NOOP("import", "Not tied to a report section")


def format_label(kind: str | None) -> str:
    """A format's name as shown ("CSV spreadsheet"); an unknown one as it is, or "–"."""
    if kind in FORMAT_LABELS:
        return translate("import", FORMAT_LABELS[kind])
    return kind or "–"


def type_label(kind: str) -> str:
    """A question type's name as shown ("Single choice"); an unknown one as it is."""
    return translate("import", TYPE_LABELS[kind]) if kind in TYPE_LABELS else kind


def section_label(section_id: str | None, with_id: bool = False) -> str:
    """The report's own number and title for a section id ("" or None: no section).

    ``with_id`` appends ``"\x1f" + id``, which :func:`counts_table` shows muted after the label.
    """
    if not section_id:
        return translate("import", NO_SECTION)
    from studyapp.core.report import load_report

    report = load_report()
    if section_id in report:
        label = report.get(section_id).label
        return f"{label}\x1f{section_id}" if with_id else label
    if with_id:
        return section_id + "\x1f" + translate("import", "(not a report section)")
    return section_id


def section_order(section_ids: Iterable[str | None]) -> list[str | None]:
    """Report order; unknown ids after, then items without a section."""
    from studyapp.core.report import load_report

    order = {sid: i for i, sid in enumerate(load_report().section_ids)}
    return sorted(
        section_ids,
        key=lambda s: (0, order[s], "") if s in order else (1 if s else 2, 0, s or ""),
    )


def types_text(by_type: dict[str, int]) -> str:
    """'Single choice 5 · True/false 3' in the order of the question types."""
    parts = [f"{type_label(t)} {by_type[t]}" for t in TYPE_LABELS if by_type.get(t)]
    parts += [f"{t} {n}" for t, n in by_type.items() if t not in TYPE_LABELS and n]
    return " · ".join(parts)


SPREADSHEET_SUFFIXES = (".csv", ".xlsx")


def where_in_words(problem: Problem) -> str:
    """Where a problem is, as a trainer says it: "row 3, column 答案", "line 9", "whole file"."""
    if not problem.line:
        return QCoreApplication.translate("import", "whole file")
    if Path(problem.path).suffix.lower() not in SPREADSHEET_SUFFIXES:
        return QCoreApplication.translate("import", "line {0}").format(problem.line)
    if problem.column is None:
        return QCoreApplication.translate("import", "row {0}").format(problem.line)
    name = problem.column_name or _column_letter(problem.column)
    return QCoreApplication.translate("import", "row {row}, column {column}").format(
        row=problem.line, column=name)


def _column_letter(column: int) -> str:
    """Letters of a 1-based column number (1 -> "A", 28 -> "AB")."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = "ABCDEFGH"


def _text_of(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(part) for part in value)
    return str(value or "")


def item_details(item: Question | Card) -> str:
    """Plain text showing a question (prompt, options, key) or a card (front, back) in full,
    so that a trainer can check what a file loads."""
    lines: list[str] = []
    if isinstance(item, Card):
        lines += [translate("import", "Card {0}").format(item.id), "",
                  translate("import", "Front"), item.front, "",
                  translate("import", "Back"), item.back]
    else:
        lines += [f"{type_label(item.type)} · {item.id}", "", item.prompt, ""]
        if item.type in ("single", "multiple"):
            for index, choice in enumerate(item.choices):
                letter = _LETTERS[index] if index < len(_LETTERS) else str(index + 1)
                mark = "  ✓" if choice.correct else ""
                lines.append(f"{letter}. {choice.text}{mark}")
            key = "".join(_LETTERS[i] if i < len(_LETTERS) else str(i + 1)
                          for i, choice in enumerate(item.choices) if choice.correct)
            lines += ["", translate("import", "Answer: {0}").format(key or "–")]
        elif item.type == "truefalse":
            truth = {True: translate("import", "true"),
                     False: translate("import", "false")}.get(item.truth, "–")  # type: ignore[arg-type]
            lines.append(translate("import", "Answer: {0}").format(truth))
        elif item.type == "fill":
            lines.append(translate("import", "Accepted answers: {0}").format(
                " | ".join(item.accepted)))
        elif item.type == "match":
            lines.append(translate("import", "Pairs:"))
            lines += [f"{left}  →  {right}" for left, right in item.pairs]
        elif item.type == "order":
            lines.append(translate("import", "In this order:"))
            lines += [f"{n}. {entry}" for n, entry in enumerate(item.sequence, start=1)]
        elif item.type == "numeric":
            answers = []
            for answer in item.numeric:
                if answer.low is not None and answer.high is not None:
                    answers.append(f"{answer.low:g} – {answer.high:g}")
                elif answer.value is not None:
                    answers.append(f"{answer.value:g}" + (f" ± {answer.tolerance:g}"
                                                          if answer.tolerance else ""))
            either = translate("import", " or ").join(answers)
            lines.append(translate("import", "Answer: {0}").format(either or "–"))
    if item.explanation:
        lines += ["", translate("import", "Explanation"), item.explanation]
    facts = []
    if item.section:
        where = section_label(item.section).replace("\x1f", " ")
        facts.append(translate("import", "Section: {0}").format(where))
    evidence = _text_of(item.evidence)
    if evidence:
        facts.append(translate("import", "Evidence: “{0}”").format(evidence))
    if item.tags:
        facts.append(translate("import", "Tags: {0}").format(", ".join(item.tags)))
    if isinstance(item, Question) and item.difficulty is not None:
        facts.append(translate("import", "Difficulty: {0} of 5").format(item.difficulty))
    if item.line:
        facts.append(translate("import", "Line {0} of the file").format(item.line))
    if facts:
        lines += ["", *facts]
    return "\n".join(lines).strip()


def extras_summary(question_set: QuestionSet) -> list[tuple[str, str]]:
    """(name, text) lines on what a set carries beyond its questions: points, tags, notes on
    options, pictures, several blanks. Empty for a set that has none of them."""
    questions = question_set.questions
    lines: list[tuple[str, str]] = []
    points = [q.points for q in questions if q.points is not None]
    if points:
        low, high = min(points), max(points)
        each = (f"{_number(low)}" if low == high else
                translate("import", "{low} to {high}").format(low=_number(low),
                                                              high=_number(high)))
        text = translate("import", "{total} in all, {each} a question").format(
            total=_number(sum(points)), each=each)
        if len(points) < len(questions):
            text += translate("import", " ({count} without points)").format(
                count=len(questions) - len(points))
        lines.append((translate("import", "Points"), text))
    tags: dict[str, int] = {}
    for item_tags in [*(q.tags for q in questions), *(c.tags for c in question_set.cards)]:
        for tag in item_tags:
            tags[tag] = tags.get(tag, 0) + 1
    if tags:
        ranked = sorted(tags.items(), key=lambda pair: -pair[1])
        shown = " · ".join(f"{tag} ({count})" for tag, count in ranked[:8])
        if len(ranked) > 8:
            shown += translate("import", " · {count} more").format(count=len(ranked) - 8)
        lines.append((translate("import", "Tags"), shown))
    noted = sum(1 for q in questions if any(c.feedback for c in q.choices))
    if noted:
        lines.append((translate("import", "Option notes"),
                      translate("import", "in {count} of the questions").format(count=noted)))
    one, many = translate("import", "question"), translate("import", "questions")
    pictures = sum(1 for q in questions if q.image)
    if pictures:
        lines.append((translate("import", "Pictures"), plural(pictures, one, many)))
    blanks = sum(1 for q in questions if q.blanks)
    if blanks:
        lines.append((translate("import", "Several blanks"), plural(blanks, one, many)))
    return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


