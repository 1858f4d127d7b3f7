"""Paper for trainers: the paper exam (File → Print exam…, ``studyapp paper``) and the class
report's PDF (File → Class report, ``studyapp class-report --out class.pdf``).

Core decides what is printed (core/paper.py, core/class_report.py); this module lays it out
as HTML in a QTextDocument and prints it to A4 with QPdfWriter, as the progress report does
(ui/progress_report.py: its CJK-capable font, 15 mm margins, written beside the target and
then moved into place). Needs a QGuiApplication (the command line makes an offscreen one).
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from studyapp.ui.progress_report import report_font, write_pdf

if TYPE_CHECKING:
    from studyapp.core.class_report import ClassReport
    from studyapp.core.paper import PaperExam, PaperQuestion, PaperVariant

translate = QCoreApplication.translate
e = html.escape
BREAK = "<div style='page-break-before: always'></div>"
STYLE = (
    "h1 { font-size: 16pt; margin-bottom: 4px; } h2 { font-size: 12pt; margin-top: 14px; } "
    "table { border-collapse: collapse; border-color: #8A847C; border-style: solid; } "
    "th { background-color: #EEEBE7; text-align: left; font-weight: 600; } "
    "p.q { margin-top: 10px; margin-bottom: 2px; } p.o { margin: 0px 0px 0px 18px; } "
    ".muted { color: #55504A; }"
)


def ensure_gui_application() -> None:
    """Printing needs a QGuiApplication; the command line has none: an offscreen one."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication.setApplicationName("StudyApp")
        # Kept for the process's life: Qt's application object must outlive every document.
        _keep.append(QGuiApplication([]))


_keep: list[object] = []


def _document(body: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(report_font())
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(body)
    return document


def _save(body: str, target: Path, title: str) -> None:
    """Prints ``body`` to ``target`` (A4), written beside it first: never half a file."""
    ensure_gui_application()
    document = _document(body)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".pdf")
    os.close(handle)
    try:
        write_pdf(document, Path(temporary), title)
        if Path(temporary).stat().st_size == 0:
            raise OSError("nothing was written")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- the paper exam --------------------------------------------------------------------------
# Translations are looked up outside the f-strings: pyside6-lupdate does not see a
# translate() call written inside one, and the text would stay English.
def _candidate_line() -> str:
    name, unit = translate("PaperExam", "Name:"), translate("PaperExam", "Unit:")
    return ("<table width='100%' cellpadding='6'><tr>"
            f"<td width='50%'>{e(name)} ______________________</td>"
            f"<td width='50%'>{e(unit)} ______________________</td>"
            "</tr></table>")


def _question_html(q: PaperQuestion) -> str:
    parts = [f"<p class='q'><b>{q.number}.</b> {e(q.prompt)}"]
    hints = {
        "multiple": translate("PaperExam", "(choose all that apply)"),
        "truefalse": translate("PaperExam", "(true or false)"),
        "order": translate("PaperExam", "(write the letters in the right order)"),
        "match": translate("PaperExam", "(write the letter that matches each number)"),
    }
    if q.type in hints:
        parts.append(f" <span class='muted'>{e(hints[q.type])}</span>")
    parts.append("</p>")
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if q.type in ("single", "multiple"):
        parts += [f"<p class='o'>{letters[n]}. {e(text)}</p>" for n, text in enumerate(q.options)]
    elif q.type == "order":
        parts += [f"<p class='o'>{letters[n]}. {e(text)}</p>" for n, text in enumerate(q.items)]
    elif q.type == "match":
        rows = "".join(
            f"<tr><td width='50%'>{n + 1}. {e(left)}</td><td width='50%'>"
            f"{letters[n]}. {e(q.rights[n]) if n < len(q.rights) else ''}</td></tr>"
            for n, left in enumerate(q.lefts))
        parts.append(f"<table width='100%' cellpadding='2' style='margin-left: 18px'>{rows}"
                     "</table>")
    elif q.type in ("fill", "numeric"):
        answer = translate("PaperExam", "Answer:")
        parts.append(f"<p class='o'>{e(answer)} ________________________________</p>")
    return "".join(parts)


def _sheet_cell(q: PaperQuestion) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if q.type in ("single", "multiple"):
        return "&nbsp;&nbsp;".join(f"○&nbsp;{letters[n]}" for n in range(len(q.options)))
    if q.type == "truefalse":
        true, false = translate("PaperExam", "True"), translate("PaperExam", "False")
        return f"○&nbsp;{e(true)}&nbsp;&nbsp;&nbsp;○&nbsp;{e(false)}"
    return "&nbsp;"


def _variant_html(paper: PaperExam, variant: PaperVariant) -> str:
    title = translate("PaperExam", "{title} — variant {variant}").format(
        title=paper.title, variant=variant.name)
    mark = translate("PaperExam", "Mark your answers on the answer sheet.")
    parts = [f"<h1>{e(title)}</h1>",
             f"<p class='muted'>{e(' · '.join(paper.facts))}</p>", _candidate_line(),
             f"<p class='muted'>{e(mark)}</p>"]
    parts += [_question_html(q) for q in variant.questions]
    sheet_title = translate("PaperExam", "Answer sheet — {title}, variant {variant}").format(
        title=paper.title, variant=variant.name)
    number, answer = translate("PaperExam", "No."), translate("PaperExam", "Answer")
    parts += [BREAK, f"<h1>{e(sheet_title)}</h1>", _candidate_line(),
              "<table width='100%' cellspacing='0' cellpadding='7' border='1'>",
              f"<tr><th width='8%'>{e(number)}</th><th width='92%'>{e(answer)}</th></tr>"]
    parts += [f"<tr><td>{q.number}</td><td>{_sheet_cell(q)}</td></tr>"
              for q in variant.questions]
    parts.append("</table>")
    return "".join(parts)


def _key_html(paper: PaperExam, variant: PaperVariant) -> str:
    title = translate("PaperExam", "Answer key — {title}, variant {variant}").format(
        title=paper.title, variant=variant.name)
    rows = "".join(
        f"<tr><td>{q.number}</td><td>{e(q.answer)}</td><td>{e(q.explanation)}"
        f"{'<br>' if q.explanation else ''}<span class='muted'>{e(q.section)} · {e(q.key)}"
        "</span></td></tr>" for q in variant.questions)
    apart = translate("PaperExam", "For the trainer: keep these pages apart.")
    number, answer = translate("PaperExam", "No."), translate("PaperExam", "Answer")
    explanation = translate("PaperExam", "Explanation")
    return (f"<h1>{e(title)}</h1><p class='muted'>{e(apart)}</p>"
            "<table width='100%' cellspacing='0' cellpadding='5' border='1'>"
            f"<tr><th width='7%'>{e(number)}</th><th width='28%'>{e(answer)}</th>"
            f"<th width='65%'>{e(explanation)}</th></tr>{rows}</table>")


def paper_html(paper: PaperExam) -> str:
    """Variant A and its answer sheet, variant B and its sheet, then each variant's key:
    every part starts a page."""
    parts = [_variant_html(paper, variant) for variant in paper.variants]
    parts += [_key_html(paper, variant) for variant in paper.variants]
    return BREAK.join(parts)


def save_paper_exam(paper: PaperExam, target: Path) -> None:
    _save(paper_html(paper), target, paper.title)


# -- the class report ------------------------------------------------------------------------
def class_report_html(report: ClassReport, title: str) -> str:
    """One view a page (a long view goes on over the pages after it)."""
    pages = []
    summary = translate("ClassReport", "{files} files read, {learners} learners counted, "
                                       "{skipped} files skipped.").format(
        files=report.files_read, learners=len(report.learners), skipped=len(report.skipped))
    for number, view in enumerate(report.views):
        head = f"<h1>{e(title)}</h1><p class='muted'>{e(summary)}</p>" if number == 0 else ""
        cells = "".join(f"<th>{e(column)}</th>" for column in view.columns)
        rows = "".join("<tr>" + "".join(f"<td>{e(str(value))}</td>" for value in row) + "</tr>"
                       for row in view.rows)
        if not view.rows:
            none = translate("ClassReport", "None.")
            rows = f"<tr><td colspan='{len(view.columns)}'>{e(none)}</td></tr>"
        pages.append(f"{head}<h2>{e(view.title)}</h2>"
                     "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
                     f"style='font-size: 8pt'><tr>{cells}</tr>{rows}</table>")
    return BREAK.join(pages)


def save_class_report_pdf(report: ClassReport, target: Path) -> None:
    title = translate("ClassReport", "Class report")
    _save(class_report_html(report, title), target, title)
