"""The question editor's side panes: the report to pick evidence from, and the problems.

Evidence is picked, not typed: the report pane shows a section's text as the report has it;
selecting a passage and pressing Ctrl+E (or "Use as evidence") hands the passage to the
window, which adds it to the item's evidence and sets the item's section. Being the report's
own words, it passes the word-for-word check; the check still runs on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.editing import Finding, Findings
from studyapp.core.questionsets.checks import normalise_space
from studyapp.core.report import Report
from studyapp.ui.theme import reading_font
from studyapp.ui.widgets import text_label


class ReportPane(QWidget):
    """A section of the report, selectable, with "Use as evidence"."""

    quote_picked = Signal(str, str)  # section id, the passage (whitespace normalised)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorReportPane")
        self.report = report
        self.section = QComboBox()
        self.section.setAccessibleName(self.tr("Report section"))
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(16)
        for section_id in report.section_ids:
            section = report.get(section_id)
            self.section.addItem(f"{'  ' * section.depth}{section.label}", section_id)
        self.section.currentIndexChanged.connect(self._show)
        self.text = QTextBrowser()
        self.text.setObjectName("EditorReportText")
        self.text.setFont(reading_font(-1))
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Section text: select a passage to quote"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.use_button = QPushButton(self.tr("&Use as evidence"))
        self.use_button.setToolTip(self.tr("Add the selected passage to the evidence of the "
                                           "question or card (Ctrl+E)"))
        self.use_button.clicked.connect(self.use_selection)
        self.hint = text_label(self.tr("Select a passage (Shift and the arrow keys, or the "
                                       "mouse), then Ctrl+E."), "muted")
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.section)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self._show()

    def show_section(self, section_id: str | None) -> None:
        if section_id and section_id in self.report:
            index = self.section.findData(section_id)
            if index != self.section.currentIndex():
                self.section.setCurrentIndex(index)

    def current_section(self) -> str:
        return str(self.section.currentData())

    def _show(self) -> None:
        blocks = self.report.get(self.current_section()).source_blocks()
        self.text.setPlainText("\n\n".join(blocks))

    def select_passage(self, passage: str) -> bool:
        """Selects ``passage`` in the text (for tests and for showing a quote); True if found."""
        found = self.text.find(passage)
        return bool(found)

    def use_selection(self) -> None:
        # A selection over paragraphs carries U+2029 between them; the check normalises
        # whitespace, so the passage is kept as one line of words.
        passage = normalise_space(self.text.textCursor().selectedText().replace("\u2029", " "))
        if passage:
            self.quote_picked.emit(self.current_section(), passage)


class ProblemsPane(QWidget):
    """Every problem and warning of the set, as `studyapp validate` gives them; Enter or a
    double click goes to the item."""

    go_to = Signal(str, int)  # kind ("" for the set), index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorProblemsPane")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("EditorProblemsList")
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Problems and warnings"))
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_findings(self, findings: Findings, place: dict[tuple[str, int], str]) -> None:
        """``place`` names each item ("Question 3") for the lines of the list."""
        self.list.clear()
        problems, warnings = len(findings.problems), len(findings.warnings)
        if not problems and not warnings:
            self.summary.setText(self.tr("No problems: `studyapp validate` accepts this set."))
        else:
            self.summary.setText(self.tr("{problems} problem(s) and {warnings} warning(s), as "
                                         "`studyapp validate` reports them for the saved file.")
                                 .format(problems=problems, warnings=warnings))
        for finding in findings.problems + findings.warnings:
            self.list.addItem(self._line(finding, place))

    def _line(self, finding: Finding, place: dict[tuple[str, int], str]) -> QListWidgetItem:
        where = (place.get((finding.kind, finding.index), "") if finding.kind
                 else self.tr("The set"))
        text = (self.tr("{where}: warning: {message}") if finding.is_warning
                else self.tr("{where}: {message}")).format(where=where,
                                                           message=finding.problem.message)
        line = QListWidgetItem(text)
        line.setData(Qt.ItemDataRole.UserRole, (finding.kind or "", finding.index))
        return line

    def _activated(self, line: QListWidgetItem) -> None:
        kind, index = line.data(Qt.ItemDataRole.UserRole)
        self.go_to.emit(kind, index)
