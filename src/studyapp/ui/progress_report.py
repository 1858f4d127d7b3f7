"""File → Export progress report: the dashboard on paper (PDF, A4) for the learner's trainer.

A QTextDocument lays the report out and paginates it; QPdfWriter prints it and embeds the
fonts it uses, a CJK face (Noto Sans CJK / Microsoft YaHei) where one is installed, so
Chinese names and titles print. Charts are drawn into images first (ui/charts.py paints
them, in the light theme, at twice the pixels for print).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studyapp.ui.formatting import day_text
from studyapp.ui.theme import LIGHT, UI_FAMILIES, Colours

if TYPE_CHECKING:
    from studyapp.core.report import Report
    from studyapp.core.store import Store
    from studyapp.core.store.progress import Dashboard

STYLE = (
    "table { border-collapse: collapse; border-color: #B8B2AA; border-style: solid; } "
    "th { background-color: #F4F2EF; text-align: left; font-weight: 600; } "
    "h1 { color: #B22222; } h2 { margin-top: 18px; }"
)
CHART_WIDTH = 500  # points: the A4 text width with 15 mm margins is about 510
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "Noto Serif CJK SC",
    "WenQuanYi Micro Hei",
    "SimSun",
]


def report_font() -> QFont:
    """The UI faces with a CJK face that is installed after them, for Chinese text."""
    font = QFont()
    installed = set(QFontDatabase.families())
    cjk = [family for family in CJK_FAMILIES if family in installed]
    font.setFamilies([family for family in UI_FAMILIES if family not in CJK_FAMILIES] + cjk)
    font.setPointSizeF(9.5)
    return font


def cjk_family() -> str | None:
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def _header(columns: list[tuple[str, int]]) -> str:
    """A table's opening and its header row; columns are (title, width in percent)."""
    cells = "".join(f"<th width='{width}%'>{html.escape(title)}</th>" for title, width in columns)
    return f"<table width='100%' cellspacing='0' cellpadding='4' border='1'><tr>{cells}</tr>"


def build_document(
    store: Store, report: Report, board: Dashboard, chart_images: dict[str, QImage]
) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(report_font())
    document.setDefaultStyleSheet(STYLE)
    e = html.escape
    name = board.display_name or store.profile
    parts = [
        "<h1>" + e(QCoreApplication.translate("ProgressReport", "Study progress")) + "</h1>",
        f"<p><b>{e(name)}</b>"
        + (f" · {e(board.unit)}" if board.unit else "")
        + "<br>"
        + e(
            QCoreApplication.translate("ProgressReport", "Report: {title}").format(
                title=report.title
            )
        )
        + "<br>"
        + e(
            QCoreApplication.translate("ProgressReport", "As of {day}").format(
                day=day_text(board.today)
            )
        )
        + "</p>",
        "<h2>" + e(QCoreApplication.translate("ProgressReport", "Summary")) + "</h2>",
        "<table width='100%' cellspacing='0' cellpadding='4' border='1'>",
    ]
    s = board.summary
    goal_unit = (
        QCoreApplication.translate("ProgressReport", "minutes")
        if board.goal.kind == "minutes"
        else QCoreApplication.translate("ProgressReport", "reviews")
    )
    rows = [
        (
            QCoreApplication.translate("ProgressReport", "Report read"),
            f"{s.percent_read}% ({s.sections_read} / {s.sections_total})",
        ),
        (QCoreApplication.translate("ProgressReport", "Cards due today"), str(s.cards_due_today)),
        (
            QCoreApplication.translate("ProgressReport", "Cards learned"),
            f"{s.cards_learned} / {s.cards_total}",
        ),
        (QCoreApplication.translate("ProgressReport", "Card reviews"), str(s.reviews)),
        (QCoreApplication.translate("ProgressReport", "True retention"), _pct(s.retention)),
        (QCoreApplication.translate("ProgressReport", "Quiz answers"), str(s.answers)),
        (QCoreApplication.translate("ProgressReport", "Quiz accuracy"), _pct(s.accuracy)),
        (
            QCoreApplication.translate("ProgressReport", "Streak"),
            QCoreApplication.translate("ProgressReport", "{n} days (longest {m})").format(
                n=board.streak.current, m=board.streak.longest
            ),
        ),
        (
            QCoreApplication.translate("ProgressReport", "Daily goal"),
            f"{round(board.goal.today)} / {board.goal.target} {goal_unit}",
        ),
    ]
    parts += [f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows]
    parts.append("</table>")
    if chart_images:
        parts.append("<h2>" + e(QCoreApplication.translate("ProgressReport", "Charts")) + "</h2>")
        for key, image in chart_images.items():
            url = f"chart://{key}.png"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            height = round(CHART_WIDTH * image.height() / max(1, image.width()))
            parts.append(f"<p><img src='{url}' width='{CHART_WIDTH}' height='{height}'></p>")
    parts.append(
        "<h2>" + e(QCoreApplication.translate("ProgressReport", "The four relationships")) + "</h2>"
    )
    parts.append(
        _header(
            [
                (QCoreApplication.translate("ProgressReport", "Relationship"), 49),
                (QCoreApplication.translate("ProgressReport", "Mastery"), 17),
                (QCoreApplication.translate("ProgressReport", "Last 14 days"), 17),
                (QCoreApplication.translate("ProgressReport", "Trend (points)"), 17),
            ]
        )
    )
    for r in board.relationships:
        trend = "–" if r.trend is None else f"{round(r.trend * 100):+d}"
        parts.append(
            f"<tr><td>{e(r.title)}</td><td>{_pct(r.score)}</td>"
            f"<td>{_pct(r.recent)}</td><td>{trend}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<h2>"
        + e(QCoreApplication.translate("ProgressReport", "Mastery by section, weakest first"))
        + "</h2>"
    )
    parts.append(
        _header(
            [
                (QCoreApplication.translate("ProgressReport", "Section"), 49),
                (QCoreApplication.translate("ProgressReport", "Read"), 9),
                (QCoreApplication.translate("ProgressReport", "Cards"), 13),
                (QCoreApplication.translate("ProgressReport", "Quiz"), 13),
                (QCoreApplication.translate("ProgressReport", "Mastery"), 16),
            ]
        )
    )
    for m in board.mastery:
        parts.append(
            f"<tr><td>{e(m.title)}</td><td>{'✓' if m.read else '–'}</td>"
            f"<td>{_pct(m.retention)}</td><td>{_pct(m.accuracy)}</td>"
            f"<td>{_pct(m.score)}</td></tr>"
        )
    parts.append("</table>")
    document.setHtml("".join(parts))
    return document


def write_pdf(document: QTextDocument, target: Path, title: str) -> None:
    """Prints ``document`` to ``target`` on A4 with 15 mm margins, paginated."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("StudyApp")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    # The document lays out at the page's size in points; the writer scales it to 300 dpi.
    rect = writer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)


def chart_images(store: Store, report: Report, board: Dashboard) -> dict[str, QImage]:
    """The dashboard's charts drawn in the light theme, for paper."""
    from studyapp.ui.dashboard import DashboardView

    view = DashboardView(store, report, LIGHT)
    view.refresh()
    # 600 px shown 500 pt wide: the charts' 12-pixel labels print at 10 pt, beside the
    # report's 9.5 pt body.
    images = {key: chart.image(QSize(600, 290)) for key, chart in view.chart_widgets.items()}
    view.deleteLater()
    return images


def export_progress_report(
    store: Store, report: Report, colours: Colours, parent: QWidget
) -> Path | None:
    suggested = Path.home() / f"studyapp-progress-{store.profile}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ProgressReport", "Export progress report"),
        str(suggested),
        QCoreApplication.translate("ProgressReport", "PDF (*.pdf)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        save_progress_report(store, report, target)
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ProgressReport", "Export progress report"),
            QCoreApplication.translate(
                "ProgressReport",
                "The report could not be written to {path} ({why}). Choose another folder and "
                "try again.",
            ).format(path=target, why=error.strerror or error),
        )
        return None
    return target


def save_progress_report(store: Store, report: Report, target: Path) -> None:
    """Writes the PDF beside ``target`` first, then moves it into place (never half a file)."""
    import os
    import tempfile

    board = store.progress.dashboard(report)
    document = build_document(store, report, board, chart_images(store, report, board))
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".pdf"
    )
    os.close(handle)
    try:
        write_pdf(
            document,
            Path(temporary),
            QCoreApplication.translate("ProgressReport", "Study progress"),
        )
        if Path(temporary).stat().st_size == 0:
            raise OSError("nothing was written")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
