"""The Quiz view: a start page of modes, one question at a time, feedback, exams with a
countdown and an answer card, results with a review, and the mistake notebook.

Keys (the contract in ARCHITECTURE.md): the list of modes opens with Practice on the four
relationships selected; Up/Down choose, Enter starts. In a question 1-9 pick an option
(toggle, for multiple answers), typing fills ``fill`` and ``numeric``; Enter submits, and
Enter again goes on after the feedback. Esc leaves (an exam in progress asks first, and keeps
its answers). In an exam PageUp/PageDown go to the previous/next question, Ctrl+G flags,
Ctrl+K shows the answer card, Ctrl+Return submits.

The view renders what ``studyapp.core.quiz`` hands it and sends the answers back; it runs no
SQL and scores nothing itself.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import (
    EXAM_COUNT,
    EXAM_MINUTES,
    PRACTICE_COUNT,
    QuizEngine,
    QuizItem,
    QuizResult,
    QuizSession,
    answer_text,
    correct_answer_text,
    evidence_quotes,
    scope_filter,
)
from studyapp.core.report import Report
from studyapp.core.scoring import DEFAULT_PASS_MARK, Grade, Policy
from studyapp.core.store import Store
from studyapp.ui.icons import icon
from studyapp.ui.quiz_answers import AnswerControl, PairButton, answer_control
from studyapp.ui.theme import Colours, reading_font, ui_font

TICK_MS = 250
SAVE_CLOCK_EVERY_S = 5.0
COLUMN_WIDTH = 820



def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _verdict_font(scale: float) -> QFont:
    """The UI font, larger and semi-bold: "Right", "Not right", "Passed"."""
    font = ui_font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _label(text: str = "", role: str | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


class ConfirmDialog(QDialog):
    """A yes/no question in the app's own words (buttons named for what they do)."""

    def __init__(self, parent: QWidget, title: str, text: str, yes: str, no: str,
                 default_yes: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        message = _label(text)
        message.setMinimumWidth(360)
        self.yes = QPushButton(yes)
        self.yes.setObjectName("ConfirmYes")
        self.no = QPushButton(no)
        self.no.setObjectName("ConfirmNo")
        buttons = QDialogButtonBox()
        buttons.addButton(self.yes, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.no, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        (self.yes if default_yes else self.no).setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(message)
        layout.addWidget(buttons)
        self.adjustSize()


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str,
            default_yes: bool) -> bool:
    dialog = ConfirmDialog(parent, title, text, yes, no, default_yes)
    (dialog.yes if default_yes else dialog.no).setFocus(Qt.FocusReason.OtherFocusReason)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.hide()
    dialog.deleteLater()
    parent.window().activateWindow()  # back to the window (a platform without a manager)
    return accepted


# -- the start page ---------------------------------------------------------------------------
MODE_KEYS = ["practice", "exam", "notebook", "challenge", "daily"]


class TileDelegate(QStyledItemDelegate):
    """A mode as a large tile: its icon, its name, and one muted line of what it does."""

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(320, 62)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        c = self.colours
        rect: QRect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(c.accent if selected else c.border))
        painter.setBrush(QColor(c.alternate if selected else c.base))
        painter.drawRoundedRect(rect, 8, 8)
        if selected:
            painter.fillRect(QRect(rect.left(), rect.top() + 8, 4, rect.height() - 16),
                             QColor(c.accent))
        icon_name = index.data(Qt.ItemDataRole.UserRole + 2) or "list-checks"
        icon(icon_name, c.accent if selected else c.muted).paint(
            painter, QRect(rect.left() + 16, rect.top() + (rect.height() - 24) // 2, 24, 24))
        left = rect.left() + 56
        width = rect.width() - 72
        title_font = QFont(option.font)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(QColor(c.text))
        painter.drawText(QRect(left, rect.top() + 7, width, 24),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         index.data(Qt.ItemDataRole.DisplayRole))
        painter.setFont(option.font)
        painter.setPen(QColor(c.muted))
        line = str(index.data(Qt.ItemDataRole.UserRole + 1) or "")
        metrics = painter.fontMetrics()
        painter.drawText(QRect(left, rect.top() + 31, width, 22),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
        painter.restore()


class ModeList(QListWidget):
    start_requested = Signal()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    start_requested = Signal(str)  # a mode key
    resume_requested = Signal()
    submit_interrupted_requested = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        heading = _label(self.tr("Quizzes"), "heading")
        intro = _label(self.tr("Check what you have understood. Every answer is traced to the "
                               "report's own words."), "muted")

        self.banner = QFrame()
        self.banner.setObjectName("ResumeBanner")
        self.banner.setStyleSheet(
            f"QFrame#ResumeBanner {{ background: {colours.alternate}; border: 2px solid "
            f"{colours.accent}; border-radius: 8px; }}")
        self.banner_text = _label()
        self.resume_button = QPushButton(icon("clock", colours.text), self.tr("Resume the exam"))
        self.resume_button.setObjectName("ResumeExamButton")
        self.resume_button.setToolTip(self.tr("Resume the exam where you left it (Ctrl+R)"))
        self.resume_button.clicked.connect(self.resume_requested)
        self.submit_button = QPushButton(self.tr("Submit it as it is"))
        self.submit_button.clicked.connect(self.submit_interrupted_requested)
        for button in (self.resume_button, self.submit_button):
            button.setAutoDefault(True)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 12, 16, 12)
        banner_layout.addWidget(icon_label("circle-alert", colours.accent, 24), 0,
                                Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.resume_button)
        banner_layout.addWidget(self.submit_button)
        self.banner.hide()

        self.modes = ModeList()
        self.modes.setObjectName("QuizModes")
        self.modes.setAccessibleName(self.tr("Quiz modes"))
        self.modes.setItemDelegate(TileDelegate(colours, self.modes))
        self.modes.setSpacing(2)
        self.modes.setStyleSheet("QListView#QuizModes { border: none; background: transparent; }"
                                 "QListView#QuizModes:focus { border: none; }")
        self.modes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        names = {
            "practice": (self.tr("Practice"), "list-checks"),
            "exam": (self.tr("Exam"), "clock"),
            "notebook": (self.tr("Mistake notebook"), "sticky-note"),
            "challenge": (self.tr("The four relationships challenge"), "flag"),
            "daily": (self.tr("Daily quiz"), "circle-check"),
        }
        for key in MODE_KEYS:
            title, icon_name = names[key]
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.UserRole + 2, icon_name)
            self.modes.addItem(item)
        self.modes.setFixedHeight(5 * 66 + 8)
        self.modes.start_requested.connect(self._start)
        self.modes.itemDoubleClicked.connect(lambda _item: self._start())
        self.modes.currentRowChanged.connect(lambda _row: self._show_options())

        self.scope = QComboBox()
        self.scope.setObjectName("QuizScope")
        self.scope.setAccessibleName(self.tr("Questions from"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(24)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh_lines())
        self.count = QSpinBox()
        self.count.setRange(1, 200)
        self.count.setValue(PRACTICE_COUNT)
        self.count.setAccessibleName(self.tr("Number of questions"))

        self.minutes = QSpinBox()
        self.minutes.setRange(1, 300)
        self.minutes.setValue(EXAM_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Time limit in minutes"))
        self.pass_mark = QSpinBox()
        self.pass_mark.setRange(1, 100)
        self.pass_mark.setValue(round(DEFAULT_PASS_MARK * 100))
        self.pass_mark.setSuffix(" %")
        self.pass_mark.setAccessibleName(self.tr("Pass mark"))
        self.policy = QComboBox()
        self.policy.setAccessibleName(self.tr("Scoring of multiple answers"))
        self.policy.addItem(self.tr("All or nothing"), "all_or_nothing")
        self.policy.addItem(self.tr("Partial credit, 0 for a wrong choice"), "partial")
        self.policy.addItem(self.tr("Moodle fractions"), "fractions")
        for field in (self.count, self.minutes, self.pass_mark):
            field.setMaximumWidth(140)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("StartQuizButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Questions from"), self.scope)
        self.form.addRow(self.tr("Questions"), self.count)
        self.form.addRow(self.tr("Time limit"), self.minutes)
        self.form.addRow(self.tr("Pass mark"), self.pass_mark)
        self.form.addRow(self.tr("Multiple answers"), self.policy)
        self.options_hint = _label("", "muted")

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.modes)
        left.addLayout(self.form)
        left.addWidget(self.options_hint)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        left.addLayout(start_row)
        left.addStretch(1)

        self.relationships = QFrame()
        self.relationships.setObjectName("RelationshipScores")
        self.relationships.setStyleSheet(
            f"QFrame#RelationshipScores {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; }}")
        self.relationships_layout = QVBoxLayout(self.relationships)
        self.relationships_layout.setContentsMargins(16, 12, 16, 12)
        self.relationships_layout.setSpacing(8)
        self.relationships.setMinimumWidth(240)
        self.relationships.setMaximumWidth(340)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.relationships)
        right.addStretch(1)
        columns.addLayout(right, 2)

        body = QWidget()
        body.setMaximumWidth(1080)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(32, 24, 32, 24)
        body_layout.setSpacing(12)
        body_layout.addWidget(heading)
        body_layout.addWidget(intro)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(body, 1, Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        resume = QShortcut(QKeySequence("Ctrl+R"), self)
        resume.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        resume.activated.connect(self._resume_shortcut)
        self.lines: dict[str, str] = {}
        self.scope_counts: dict[str, int] = {}
        self.modes.setCurrentRow(0)

    def _resume_shortcut(self) -> None:
        if self.banner.isVisible():
            self.resume_requested.emit()

    def mode(self) -> str:
        item = self.modes.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "practice"

    def _start(self) -> None:
        self.start_requested.emit(self.mode())

    def fill_scopes(self, report: Report, engine: QuizEngine) -> None:
        current = self.scope.currentData() or "relationships"
        stored = engine.store.quizzes.questions()

        def count(scope: str) -> int:
            keep = scope_filter(scope)
            return sum(1 for q in stored if keep(q))

        entries: list[tuple[str, str]] = [
            ("relationships", self.tr("The four relationships — III (5)")),
            ("report", self.tr("The whole report")),
        ]
        for section in report.sections:
            depth = len(section.ancestors())
            if depth <= 2:
                kind = "part" if depth == 0 else "section"
                entries.append((f"{kind}:{section.id}", "    " * depth + section.label))
        for info in engine.store.question_sets.list():
            entries.append((f"set:{info.id}", self.tr("Set: {0}").format(info.title)))
        tags: dict[str, int] = {}
        for q in stored:
            for tag in q.question.tags:
                tags[tag] = tags.get(tag, 0) + 1
        for tag in sorted(tags, key=lambda t: (-tags[t], t))[:12]:
            entries.append((f"tags:{tag}", self.tr("Tag: {0}").format(tag)))
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope_counts = {}
        for scope, text in entries:
            n = count(scope)
            self.scope_counts[scope] = n
            if n or scope in ("relationships", "report"):
                self.scope.addItem(f"{text}  ({n})", scope)
        index = self.scope.findData(current)
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def set_lines(self, lines: dict[str, str]) -> None:
        self.lines = lines
        self.refresh_lines()

    def refresh_lines(self) -> None:
        scope_text = self.scope.currentText().rsplit("  (", 1)[0].strip()
        for row in range(self.modes.count()):
            item = self.modes.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            line = self.lines.get(key, "")
            if key in ("practice", "exam"):
                line = line.format(scope=scope_text)
            item.setData(Qt.ItemDataRole.UserRole + 1, line)
        self._show_options()

    def _show_options(self) -> None:
        mode = self.mode()
        for widget, modes in ((self.scope, ("practice", "exam")),
                              (self.count, ("practice", "exam")),
                              (self.minutes, ("exam",)), (self.pass_mark, ("exam",)),
                              (self.policy, ("exam",))):
            self.form.setRowVisible(widget, mode in modes)
        if mode == "exam" and self.count.value() == PRACTICE_COUNT:
            self.count.setValue(EXAM_COUNT)
        elif mode == "practice" and self.count.value() == EXAM_COUNT:
            self.count.setValue(PRACTICE_COUNT)
        hints = {
            "practice": self.tr("Feedback after each answer. Enter starts."),
            "exam": self.tr("No feedback until you submit; the answer card shows what is left. "
                            "Every answer is saved as you give it."),
            "notebook": self.tr("Every question you answered wrong, by section. Enter opens it."),
            "challenge": self.tr("All types mixed, until the first wrong answer. Enter starts."),
            "daily": self.tr("Five questions a day: your mistakes first, then new ones."),
        }
        self.options_hint.setText(hints.get(mode, ""))
        self.start_button.setText(self.tr("Open") if mode == "notebook" else self.tr("Start"))

    def show_scores(self, best: int, scores: list[tuple[str, str, str]]) -> None:
        while self.relationships_layout.count():
            taken = self.relationships_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        title = _label(self.tr("The four relationships"))
        title.setStyleSheet("font-weight: 600;")
        self.relationships_layout.addWidget(title)
        self.relationships_layout.addWidget(_label(
            self.tr("Best challenge streak: {0}").format(best) if best else
            self.tr("No challenge yet: how many in a row can you answer?"), "muted"))
        for name, share, trend in scores:
            row = QVBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            label = _label(name)
            row.addWidget(label)
            row.addWidget(_label(f"{share}  {trend}".strip(), "muted"))
            holder = QWidget()
            holder.setLayout(row)
            self.relationships_layout.addWidget(holder)

    def show_interrupted(self, text: str | None) -> None:
        self.banner.setVisible(text is not None)
        self.banner_text.setText(text or "")

    def focus_modes(self) -> None:
        self.modes.setFocus(Qt.FocusReason.OtherFocusReason)


def centred(layout: QHBoxLayout, column: QWidget) -> None:
    """The column takes the width up to its maximum, centred (text wraps, never clips)."""
    column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout.addStretch(1)
    layout.addWidget(column, 100)
    layout.addStretch(1)


def icon_label(name: str, colour: str, size: int) -> QLabel:
    label = QLabel()
    label.setPixmap(icon(name, colour).pixmap(QSize(size, size)))
    label.setFixedSize(size, size)
    return label


# -- the feedback panel -----------------------------------------------------------------------
class FeedbackPanel(QFrame):
    read_in_context = Signal(str, list)  # section id, quotes

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPanel")
        self.colours = colours
        self.icon = QLabel()
        self.icon.setFixedSize(28, 28)
        self.verdict = QLabel()
        self.verdict.setObjectName("FeedbackVerdict")
        self.verdict.setFont(_verdict_font(1.3))
        self.correct = _label()
        self.correct.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = _label()
        self.explanation = _label()
        self.evidence = _label()
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.read_button = QPushButton(icon("book-open", colours.text), self.tr("Read in context"))
        self.read_button.setObjectName("ReadInContextButton")
        self.read_button.setToolTip(self.tr("Open the report at this passage (Ctrl+Shift+R)"))
        self.read_button.clicked.connect(self._read)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        for widget in (self.correct, self.notes, self.explanation, self.evidence):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.read_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._section: str | None = None
        self._quotes: list[str] = []
        self.hide()

    def show_grade(self, item: QuizItem, grade: Grade | None, response: Any,
                   report: Report) -> None:
        c = self.colours
        if grade is None:
            words, name, colour = self.tr("Not answered"), "circle-alert", c.muted
        elif grade.correct:
            words, name, colour = self.tr("Right"), "circle-check", c.success
        elif grade.partly:
            words, name, colour = (self.tr("Partly right: {0}% of the mark").format(
                round(grade.fraction * 100)), "circle-alert", c.accent)
        else:
            words, name, colour = self.tr("Not right"), "circle-x", c.accent
        self.icon.setPixmap(icon(name, colour).pixmap(QSize(28, 28)))
        self.verdict.setText(words)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.setStyleSheet(
            f"QFrame#FeedbackPanel {{ background: {c.alternate}; border: 1px solid {c.border};"
            f" border-left: 4px solid {colour}; border-radius: 8px; }}")
        self.correct.setText(self.tr("Correct answer: {0}").format(correct_answer_text(item)))
        notes = []
        if response is not None and grade is not None and not grade.correct:
            notes.append(self.tr("Your answer: {0}").format(answer_text(item, response)))
        if grade is not None and grade.note == "not a number":
            notes.append(self.tr("That is not a number StudyApp can read."))
        question = item.question
        if question.type in ("single", "multiple") and response is not None:
            chosen = [response] if question.type == "single" else list(response)
            for index in chosen:
                if 0 <= index < len(question.choices) and question.choices[index].feedback:
                    notes.append(question.choices[index].feedback)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.explanation.setText(question.explanation)
        self.explanation.setVisible(bool(question.explanation))
        self._quotes = evidence_quotes(question)
        self._section = question.section if question.section in report else None
        if self._quotes:
            where = report.get(self._section).label if self._section else ""
            quoted = "".join(
                f"<p style='margin: 4px 0 4px 0;'><i>“{_escape(q)}”</i></p>" for q in self._quotes)
            from_report = self.tr("From the report: {0}").format(where)
            source = (f"<p style='color: {c.muted}; margin: 0;'>"
                      f"{_escape(from_report)}</p>" if where else "")
            self.evidence.setText(source + quoted)
        self.evidence.setVisible(bool(self._quotes))
        self.read_button.setVisible(self._section is not None)
        self.show()

    def _read(self) -> None:
        if self._section is not None:
            self.read_in_context.emit(self._section, list(self._quotes))


def _escape(text: str) -> str:
    import html

    return html.escape(text)


# -- the answer card (题卡) --------------------------------------------------------------------
class AnswerCard(QFrame):
    """A grid of numbered squares: answered filled, flagged marked, current ringed."""

    jump = Signal(int)
    submit = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnswerCard")
        self.colours = colours
        self.setStyleSheet(
            f"QFrame#AnswerCard {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; }}")
        self.summary = _label()
        self.summary.setStyleSheet("font-weight: 600;")
        legend = _label(self.tr("Filled: answered · Empty: not answered · ⚑: flagged · Ringed: "
                                "current. Click a number, or move with the arrow keys and press "
                                "Enter."), "muted")
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.buttons: list[CardSquare] = []
        self.submit_button = QPushButton(self.tr("Submit the exam…"))
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addWidget(legend)
        layout.addLayout(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        layout.addLayout(row)
        self.columns = 10

    def show_session(self, session: QuizSession) -> None:
        c = self.colours
        count = len(session.items)
        while len(self.buttons) < count:
            number = len(self.buttons)
            button = CardSquare()
            button.setText(str(number + 1))
            button.setObjectName("CardSquare")
            button.setFixedSize(44, 40)
            button.clicked.connect(lambda _c=False, n=number: self.jump.emit(n))
            button.arrow.connect(lambda step, n=number: self._arrow(n, step))
            self.grid.addWidget(button, number // self.columns, number % self.columns)
            self.buttons.append(button)
        answered = flagged = 0
        for number, button in enumerate(self.buttons):
            button.setVisible(number < count)
            if number >= count:
                continue
            is_answered = session.answered(number)
            is_flagged = session.flagged(number)
            answered += is_answered
            flagged += is_flagged
            current = number == session.position
            button.setText(f"{'⚑' if is_flagged else ''}{number + 1}")
            state = [self.tr("answered") if is_answered else self.tr("not answered")]
            if is_flagged:
                state.append(self.tr("flagged"))
            if current:
                state.append(self.tr("current"))
            button.setAccessibleName(self.tr("Question {0}: {1}").format(number + 1,
                                                                   ", ".join(state)))
            button.setToolTip(", ".join(state))
            background = c.highlight if is_answered else c.base
            foreground = c.highlighted_text if is_answered else c.text
            border = f"3px solid {c.text}" if current else f"1px solid {c.border}"
            button.setStyleSheet(
                f"QToolButton {{ background: {background}; color: {foreground}; border: {border};"
                f" border-radius: 6px; font-weight: 600; }}"
                f"QToolButton:focus {{ border: 3px solid {c.accent}; }}")
        self.summary.setText(self.tr("{0} answered, {1} not answered, {2} flagged").format(
            answered, count - answered, flagged))

    def _arrow(self, number: int, step: int) -> None:
        target = number + step
        visible = [b for b in self.buttons if b.isVisible()]
        if 0 <= target < len(visible):
            visible[target].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_current(self, position: int) -> None:
        if 0 <= position < len(self.buttons):
            self.buttons[position].setFocus(Qt.FocusReason.OtherFocusReason)


class CardSquare(QToolButton):
    arrow = Signal(int)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -10,
                 Qt.Key.Key_Down: 10}
        if event.key() in steps:
            self.arrow.emit(steps[event.key()])
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


# -- one question -----------------------------------------------------------------------------
class QuestionPage(QWidget):
    """Shows the session's current question; practice-like modes give feedback after each
    answer, an exam saves answers and gives none until it is submitted."""

    finished = Signal()  # the session is over (result page next)
    left = Signal()  # back to the start page
    back_to_result = Signal()
    read_in_context = Signal(str, list)

    def __init__(self, report: Report, settings: QSettings, colours: Colours,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionPage")
        self.report = report
        self.settings = settings
        self.colours = colours
        self.session: QuizSession | None = None
        self.control: AnswerControl | None = None
        self.review = False
        self.state = "answering"  # or "feedback"
        self.shown_at: datetime | None = None
        self._last_clock_save = 0.0
        self.time_ran_out = False

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.counter = QLabel()
        self.counter.setObjectName("QuestionCounter")
        self.flag_button = QPushButton(icon("flag", colours.text, colours.accent), self.tr("Flag"))
        self.flag_button.setCheckable(True)
        self.flag_button.setToolTip(self.tr("Flag this question to come back to it (Ctrl+G)"))
        self.flag_button.clicked.connect(self.toggle_flag)
        self.countdown = QLabel()
        self.countdown.setObjectName("Countdown")
        self.countdown.setAccessibleName(self.tr("Time left"))
        self.clock_icon = icon_label("clock", colours.text, 18)
        self.card_button = QPushButton(icon("layout-grid", colours.text), self.tr("Answer card"))
        self.card_button.setObjectName("AnswerCardButton")
        self.card_button.setCheckable(True)
        self.card_button.setToolTip(self.tr("Show answered, unanswered and flagged questions "
                                            "(Ctrl+K)"))
        self.card_button.clicked.connect(self.toggle_card)
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setToolTip(self.tr("Submit the exam (Ctrl+Return)"))
        self.submit_button.clicked.connect(self.submit_exam)
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 8)
        top.setSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.flag_button)
        top.addWidget(self.clock_icon)
        top.addWidget(self.countdown)
        top.addWidget(self.card_button)
        top.addWidget(self.submit_button)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(4)

        self.card = AnswerCard(colours)
        self.card.jump.connect(self._jump)
        self.card.submit.connect(self.submit_exam)
        self.card.hide()
        self.crumb = _label("", "muted")
        self.prompt = _label()
        self.prompt.setObjectName("QuestionPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A bank's picture for the question (图片 column), copied into the profile on import.
        self.profile_database: Path | None = None
        self.picture = QLabel()
        self.picture.setObjectName("QuestionPicture")
        self.picture.hide()
        self.hint = _label("", "muted")
        self.answer_holder = QVBoxLayout()
        self.feedback = FeedbackPanel(colours)
        self.feedback.read_in_context.connect(self.read_in_context)
        self.message = _label("", "muted")
        self.message.setObjectName("QuestionMessage")

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 16, 24, 24)
        column_layout.setSpacing(12)
        column_layout.addWidget(self.card)
        column_layout.addWidget(self.crumb)
        column_layout.addWidget(self.prompt)
        column_layout.addWidget(self.picture)
        column_layout.addWidget(self.hint)
        column_layout.addLayout(self.answer_holder)
        column_layout.addWidget(self.message)
        column_layout.addWidget(self.feedback)
        column_layout.addStretch(1)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        centred(holder_layout, column)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(holder)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.column = column

        self.previous_button = QPushButton(icon("chevron-left", colours.text), self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous question (PageUp)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.leave_button = QPushButton(self.tr("Leave"))
        self.leave_button.setToolTip(self.tr("Leave this quiz (Esc)"))
        self.leave_button.clicked.connect(self.leave)
        self.primary = QPushButton()
        self.primary.setObjectName("QuizPrimaryButton")
        self.primary.setDefault(True)
        self.primary.clicked.connect(self.enter)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(24, 8, 24, 16)
        bottom.addWidget(self.previous_button)
        bottom.addStretch(1)
        bottom.addWidget(self.leave_button)
        bottom.addWidget(self.primary)
        for button in (self.previous_button, self.leave_button, self.primary, self.flag_button,
                       self.card_button, self.submit_button):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(bottom)

        def shortcut(keys: str, slot: Any) -> None:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        for key in ("Return", "Enter"):
            shortcut(key, self.enter)
        shortcut("Escape", self.leave)
        for number in range(1, 10):
            shortcut(str(number), lambda n=number: self.number(n))
        shortcut("PgDown", lambda: self.step(1))
        shortcut("PgUp", lambda: self.step(-1))
        shortcut("Ctrl+G", self.toggle_flag)
        shortcut("Ctrl+K", self.toggle_card)
        shortcut("Ctrl+Return", self.submit_exam)
        shortcut("Ctrl+Shift+R", self.feedback._read)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    # -- showing ---------------------------------------------------------------------------
    @property
    def exam(self) -> bool:
        return self.session is not None and self.session.mode == "exam" and not self.review

    def open(self, session: QuizSession, review: bool = False, at: int | None = None) -> None:
        self.session = session
        self.review = review
        self.time_ran_out = False
        titles = {"practice": self.tr("Practice"), "exam": self.tr("Exam"),
                  "mistakes": self.tr("Practising my mistakes"),
                  "challenge": self.tr("The four relationships challenge"),
                  "daily": self.tr("Daily quiz")}
        title = titles.get(session.mode, "")
        self.title.setText(self.tr("Review: {0}").format(title) if review else title)
        timed = session.timed and not review and not session.finished
        for widget in (self.flag_button, self.card_button, self.submit_button, self.countdown,
                       self.clock_icon):
            widget.setVisible(self.exam)
        self.countdown.setVisible(timed)
        self.clock_icon.setVisible(timed)
        self.previous_button.setVisible(self.exam or review)
        self.leave_button.setText(self.tr("Back to the result") if review else self.tr("Leave"))
        self.leave_button.setToolTip(self.tr("Back to the result (Esc)") if review
                                     else self.tr("Leave this quiz (Esc)"))
        self.card.hide()
        self.card_button.setChecked(False)
        if timed:
            session.start_clock()
            self.timer.start()
            self._last_clock_save = session.time_used()
            self.tick()
        self.show_question(session.position if at is None else at)

    def _show_picture(self, image: str) -> None:
        from studyapp.core.questionsets.pictures import picture_file

        found = (picture_file(self.profile_database, image)
                 if image and self.profile_database is not None else None)
        pixmap = QPixmap(str(found)) if found is not None else QPixmap()
        if not pixmap.isNull() and (pixmap.width() > 640 or pixmap.height() > 400):
            pixmap = pixmap.scaled(640, 400, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(self.tr("Picture for the question"))
        self.picture.setVisible(not pixmap.isNull())

    def show_question(self, index: int) -> None:
        session = self.session
        assert session is not None
        if not session.items:
            return
        index = max(0, min(index, len(session.items) - 1))
        if not self.review:
            session.go_to(index)
        self.index = index
        item = session.items[index]
        if self.control is not None:
            self.answer_holder.removeWidget(self.control)
            self.control.hide()
            self.control.deleteLater()
        zoom = int(str(self.settings.value("reader/zoom", 0)))
        font = reading_font(zoom)
        prompt_font = QFont(font)
        prompt_font.setPointSizeF(font.pointSizeF() * 1.2)
        self.prompt.setFont(prompt_font)
        self.prompt.setText(item.question.prompt)
        self._show_picture(item.question.image)
        section = item.question.section
        where = self.report.get(section).label if section and section in self.report else ""
        self.crumb.setText(" · ".join(p for p in (where, item.set_title) if p))
        self.control = answer_control(item, self.colours, font)
        self.control.changed.connect(self._changed)
        self.answer_holder.addWidget(self.control)
        self.counter.setText(self.tr("Question {0} of {1}").format(index + 1, len(session.items)))
        if session.mode == "challenge" and not self.review:
            self.counter.setText(self.tr("Question {0} · streak {1}").format(
                index + 1, sum(1 for g in session.given.values() if g.grade.correct)))
        self.progress.setRange(0, len(session.items))
        self.progress.setValue(index + (1 if self.review else 0))
        self.message.setText("")
        self.feedback.hide()
        given = session.response(index)
        if given is not None:
            self.control.set_response(given)
        if self.review or (session.gives_feedback and session.answered(index)):
            self.control.lock(show_solution=True)
            self.feedback.show_grade(item, session.grade(index), given, self.report)
            self.state = "feedback"
        else:
            self.state = "answering"
        self.hint.setText("" if self.state == "feedback" else self.control.hint())
        self.flag_button.setChecked(session.flagged(index))
        self.previous_button.setEnabled(index > 0)
        self._update_primary()
        if self.card.isVisible():
            self.card.show_session(session)
        self.shown_at = session.clock()
        self.scroller.verticalScrollBar().setValue(0)
        self._focus_answer()
        QTimer.singleShot(0, self._focus_answer)  # once the page is shown, when it was not

    def _focus_answer(self) -> None:
        if self.control is not None and self.isVisible():
            if self.state == "feedback":
                self.primary.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.control.focus_first()

    def _update_primary(self) -> None:
        session = self.session
        assert session is not None
        last = self.index >= len(session.items) - 1
        if self.review:
            self.primary.setText(self.tr("Back to the result") if last else self.tr("Next"))
        elif self.exam:
            self.primary.setText(self.tr("Save and submit…") if last else self.tr("Save and next"))
        elif self.state == "answering":
            self.primary.setText(self.tr("Answer"))
        else:
            over = last or session.ended
            self.primary.setText(self.tr("See the result") if over else self.tr("Next question"))

    def _changed(self) -> None:
        self.message.setText("")

    # -- keys and actions ------------------------------------------------------------------
    def number(self, number: int) -> None:
        if self.control is not None and self.state == "answering" and not self.review:
            self.control.number_pressed(number)

    def enter(self) -> None:
        session = self.session
        if session is None or self.control is None:
            return
        focus = QApplication.focusWidget()
        if (isinstance(focus, QAbstractButton) and focus is not self.primary
                and not isinstance(focus, PairButton) and self.isAncestorOf(focus)):
            focus.click()  # Enter on a focused button (a square of the answer card, Leave…)
            return
        if self.review:
            if self.index >= len(session.items) - 1:
                self.back_to_result.emit()
            else:
                self.show_question(self.index + 1)
            return
        if self.exam:
            self.save_current()
            if self.index >= len(session.items) - 1:
                self.submit_exam()
            else:
                self.show_question(self.index + 1)
            return
        if self.state == "answering":
            response = self.control.response()
            if response is None:
                self.message.setText(self.tr("Choose or type an answer first; Esc leaves."))
                return
            grade = session.answer(self.index, response, self._duration_ms())
            self.control.lock(show_solution=True)
            self.feedback.show_grade(session.items[self.index], grade, response, self.report)
            self.hint.setText("")
            self.state = "feedback"
            self._update_primary()
            self.primary.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, lambda: self.scroller.ensureWidgetVisible(self.feedback, 0, 0))
            return
        if session.ended or self.index >= len(session.items) - 1:
            self.finish()
        else:
            self.show_question(self.index + 1)

    def _duration_ms(self) -> int | None:
        if self.session is None or self.shown_at is None:
            return None
        return max(0, int((self.session.clock() - self.shown_at).total_seconds() * 1000))

    def save_current(self) -> None:
        """An exam keeps the answer on screen (or its clearing) before moving anywhere."""
        session = self.session
        if session is None or self.control is None or not self.exam or session.finished:
            return
        response = self.control.response()
        if response is None:
            session.clear(self.index)
        elif response != session.response(self.index):
            session.answer(self.index, response, self._duration_ms())

    def step(self, delta: int) -> None:
        if self.session is None or not (self.exam or self.review):
            return
        target = self.index + delta
        if 0 <= target < len(self.session.items):
            self.save_current()
            self.show_question(target)

    def _jump(self, index: int) -> None:
        self.save_current()
        self.show_question(index)

    def toggle_flag(self) -> None:
        if self.session is None or not self.exam:
            return
        self.flag_button.setChecked(self.session.toggle_flag(self.index))
        if self.card.isVisible():
            self.card.show_session(self.session)

    def toggle_card(self) -> None:
        if self.session is None or not self.exam:
            return
        self.save_current()
        visible = not self.card.isVisible()
        self.card.setVisible(visible)
        self.card_button.setChecked(visible)
        if visible:
            self.card.show_session(self.session)
            self.scroller.verticalScrollBar().setValue(0)
            self.card.focus_current(self.index)
        else:
            self._focus_answer()

    def submit_exam(self) -> None:
        session = self.session
        if session is None or not self.exam or session.finished:
            return
        self.save_current()
        left = len(session.unanswered())
        if left:
            text = (self.tr("1 question is not answered.") if left == 1 else
                    self.tr("{0} questions are not answered.").format(left))
            text += " " + self.tr("Submit the exam anyway? Unanswered questions score 0.")
        else:
            text = self.tr("Every question is answered. Submit the exam now?")
        if confirm(self, self.tr("Submit the exam"), text, self.tr("&Submit"),
                   self.tr("&Go back to the exam"), default_yes=not left):
            self.finish()
        else:
            self.window().activateWindow()
            self._focus_answer()

    def finish(self) -> None:
        if self.session is None:
            return
        self.timer.stop()
        self.session.finish()
        self.finished.emit()

    def leave(self) -> None:
        session = self.session
        if session is None:
            return
        if self.card.isVisible() and self.exam:
            self.toggle_card()
            return
        if self.review:
            self.back_to_result.emit()
            return
        if self.exam:
            if not confirm(self, self.tr("Leave the exam"),
                           self.tr("Leave the exam? Your answers and the time left are kept: "
                                   "resume it from the Quiz page."),
                           self.tr("&Leave"), self.tr("&Stay in the exam"), default_yes=False):
                self.window().activateWindow()
                self._focus_answer()
                return
            self.suspend()
            self.left.emit()
            return
        if session.given:
            self.finish()
        else:
            session.finish()  # nothing answered: nothing kept
            self.left.emit()

    def suspend(self) -> None:
        """Keeps an exam as it is (answers, flags, place, time used) for later."""
        if self.session is not None and self.exam and not self.session.finished:
            self.save_current()
            self.timer.stop()
            self.session.stop_clock()

    def tick(self) -> None:
        session = self.session
        if session is None or not session.timed or session.finished:
            self.timer.stop()
            return
        left = session.remaining() or 0.0
        self.countdown.setText(clock_text(left))
        urgent = left <= 60
        self.countdown.setStyleSheet(
            f"font-weight: 700; font-size: 13pt; color: "
            f"{self.colours.accent if urgent else self.colours.text};")
        self.countdown.setToolTip(self.tr("Time left"))
        used = session.time_used()
        if used - self._last_clock_save >= SAVE_CLOCK_EVERY_S:
            session.save_clock()
            self._last_clock_save = used
        if session.expired():
            self.save_current()
            self.time_ran_out = True
            self.finish()


# -- results ----------------------------------------------------------------------------------
class ResultPage(QWidget):
    review_requested = Signal(int)
    back = Signal()
    mistakes_requested = Signal()

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPage")
        self.report = report
        self.colours = colours
        self.icon = QLabel()
        self.icon.setFixedSize(40, 40)
        self.verdict = QLabel()
        self.verdict.setObjectName("ResultVerdict")
        self.verdict.setFont(_verdict_font(1.6))
        self.summary = _label()
        self.summary.setObjectName("ResultSummary")
        self.sections = QTableWidget(0, 3)
        self.sections.setObjectName("ResultSections")
        self.sections.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Right"),
                                                 self.tr("Score")])
        self.sections.verticalHeader().hide()
        self.sections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sections.setShowGrid(False)
        self.sections.setAlternatingRowColors(True)
        self.sections.setWordWrap(True)
        header = self.sections.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.questions = QListWidget()
        self.questions.setObjectName("ResultQuestions")
        self.questions.setWordWrap(True)
        self.questions.setAccessibleName(self.tr("Questions: Enter reviews one"))
        self.questions.itemActivated.connect(
            lambda item: self.review_requested.emit(self.questions.row(item)))
        self.review_button = QPushButton(self.tr("Review question by question"))
        self.review_button.setObjectName("ReviewButton")
        self.review_button.clicked.connect(lambda: self.review_requested.emit(0))
        self.mistakes_button = QPushButton(self.tr("Practise my mistakes"))
        self.mistakes_button.clicked.connect(self.mistakes_requested)
        self.back_button = QPushButton(self.tr("Back to quizzes"))
        self.back_button.clicked.connect(self.back)
        for button in (self.review_button, self.mistakes_button, self.back_button):
            button.setAutoDefault(True)  # Enter on the focused button, as in a dialog
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.verdict, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.mistakes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 24, 24, 16)
        column_layout.setSpacing(12)
        column_layout.addLayout(top)
        column_layout.addWidget(self.summary)
        self.sections_label = _label(self.tr("By section"))
        self.sections_label.setStyleSheet("font-weight: 600;")
        column_layout.addWidget(self.sections_label)
        column_layout.addWidget(self.sections)
        questions_label = _label(self.tr("Question by question (Enter or double-click to review)"))
        questions_label.setStyleSheet("font-weight: 600;")
        column_layout.addWidget(questions_label)
        column_layout.addWidget(self.questions, 1)
        column_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        centred(layout, column)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    def show_result(self, session: QuizSession, result: QuizResult, time_ran_out: bool,
                    best_before: int, mistakes: int) -> None:
        c = self.colours
        percent = round(result.percent)
        score = f"{result.score:g} / {result.max_score:g}"
        if session.mode == "exam":
            if result.passed:
                words, name, colour = self.tr("Passed"), "circle-check", c.success
            else:
                words, name, colour = self.tr("Not passed"), "circle-x", c.accent
            pass_mark = round((session.pass_mark or DEFAULT_PASS_MARK) * 100)
            lines = [self.tr("Score {0} ({1}%); the pass mark is {2}%.").format(score, percent,
                                                                           pass_mark),
                     self.tr("{0} of {1} questions right, {2} not answered.").format(
                         result.right, result.questions, result.questions - result.answered)]
            if time_ran_out:
                lines.insert(0, self.tr("Time ran out: the exam was submitted automatically."))
            lines.append(self.tr("Time used: {0}").format(clock_text(session.time_used())))
        elif session.mode == "challenge":
            name, colour = "flag", c.accent
            if result.streak > best_before:
                words = self.tr("New best streak: {0}").format(result.streak)
                name, colour = "circle-check", c.success
            else:
                words = self.tr("Streak: {0}").format(result.streak)
            lines = [self.tr("Your best streak is {0}.").format(max(best_before, result.streak))]
            if result.answered > result.right:
                lines.append(self.tr("The challenge ends at the first answer that is not right."))
        else:
            words, name, colour = self.tr("Done"), "circle-check", c.success
            lines = [self.tr("{0} of {1} answered right ({2}%).").format(result.right,
                                                                    result.answered, percent)]
        wrong = result.answered - result.right if session.mode != "exam" else (
            result.questions - result.right)
        if wrong and session.mode != "exam":
            lines.append(self.tr("Questions not answered right go to your mistake notebook "
                                 "({0} there now).").format(mistakes))
        self.icon.setPixmap(icon(name, colour).pixmap(QSize(40, 40)))
        self.verdict.setText(words)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.summary.setText("\n".join(lines))
        self.sections.setRowCount(0)
        for part in result.by_section:
            row = self.sections.rowCount()
            self.sections.insertRow(row)
            label = (self.report.get(part.section).label if part.section in self.report
                     else part.section or self.tr("Other material"))
            self.sections.setItem(row, 0, QTableWidgetItem(label))
            self.sections.setItem(row, 1, QTableWidgetItem(f"{part.right} / {part.questions}"))
            share = round(100 * part.score / part.max_score) if part.max_score else 0
            self.sections.setItem(row, 2, QTableWidgetItem(f"{share}%"))
        self.sections.resizeRowsToContents()
        rows = self.sections.rowCount()
        self.sections.setFixedHeight(min(6, rows) * 30 + self.sections.horizontalHeader()
                                     .height() + 6)
        self.questions.clear()
        shown = [i for i in range(len(session.items))
                 if session.mode == "exam" or session.answered(i)]
        self.shown = shown
        for index in shown:
            grade = session.grade(index)
            if grade is None:
                mark = self.tr("○ not answered")
            elif grade.correct:
                mark = self.tr("✓ right")
            elif grade.partly:
                mark = self.tr("◐ partly right")
            else:
                mark = self.tr("✗ not right")
            prompt = " ".join(session.items[index].question.prompt.split())
            self.questions.addItem(f"{index + 1}.  {mark} — {prompt}")
        self.mistakes_button.setVisible(mistakes > 0)
        self.review_button.setEnabled(bool(shown))
        self.questions.setCurrentRow(0)
        self.review_button.setFocus(Qt.FocusReason.OtherFocusReason)


# -- the notebook -----------------------------------------------------------------------------
class NotebookPage(QWidget):
    practise = Signal()
    back = Signal()

    def __init__(self, report: Report, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        heading = _label(self.tr("Mistake notebook"), "heading")
        self.summary = _label("", "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("NotebookTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Wrong"), self.tr("Last wrong")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty = _label(self.tr("No mistakes yet. Questions you answer wrong are kept here "
                                    "until you answer them right in two later sessions."), "empty")
        self.practise_button = QPushButton(self.tr("Practise my mistakes"))
        self.practise_button.setObjectName("PractiseMistakesButton")
        self.practise_button.setDefault(True)
        self.practise_button.clicked.connect(self.practise)
        back = QPushButton(self.tr("Back to quizzes"))
        back.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.practise_button)
        buttons.addStretch(1)
        buttons.addWidget(back)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH + 120)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 24, 24, 16)
        column_layout.setSpacing(12)
        column_layout.addWidget(heading)
        column_layout.addWidget(self.summary)
        column_layout.addWidget(self.tree, 1)
        column_layout.addWidget(self.empty)
        column_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column, 1)
        for keys, slot in (("Escape", self.back), ("Return", self.practise),
                           ("Enter", self.practise)):
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

    def show_entries(self, engine: QuizEngine) -> None:
        self.tree.clear()
        groups = engine.notebook_by_section()
        total = sum(len(entries) for _, entries in groups)
        for section, entries in groups:
            label = (self.report.get(section).label if section in self.report
                     else section or self.tr("Other material"))
            top = QTreeWidgetItem([f"{label}  ({len(entries)})", "", ""])
            font = top.font(0)
            font.setWeight(QFont.Weight.DemiBold)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the section's whole name
            for entry in entries:
                prompt = " ".join(entry.question.question.prompt.split()) if entry.question \
                    else entry.key
                times = self.tr("{0}×").format(entry.wrong)
                child = QTreeWidgetItem([prompt, times, local_time(entry.last_wrong)])
                child.setToolTip(0, prompt)
                child.setToolTip(1, self.tr("answered wrong {0} times; right in {1} later sessions "
                                            "(it leaves at 2)").format(entry.wrong,
                                                                  entry.right_since))
                top.addChild(child)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("{0} questions wait here, grouped by section. A question leaves after you "
                    "answer it right in two later sessions.").format(total) if total else "")
        self.tree.setVisible(bool(total))
        self.empty.setVisible(not total)
        self.practise_button.setEnabled(bool(total))
        (self.tree if total else self.practise_button).setFocus(
            Qt.FocusReason.OtherFocusReason)


class ResumeOffer(QWidget):
    """After a crash: the exam that was cut short, offered back with the time that was left."""

    resume = Signal()
    later = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picture = icon_label("clock", colours.accent, 48)
        heading = _label(self.tr("Resume your exam?"), "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = _label()
        self.text.setObjectName("ResumeOfferText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.resume_button = QPushButton(self.tr("Resume the exam"))
        self.resume_button.setObjectName("ResumeOfferButton")
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self.resume)
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.clicked.connect(self.later)
        for button in (self.resume_button, self.later_button):
            button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(560)
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(12)
        column_layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column_layout.addWidget(heading)
        column_layout.addWidget(self.text)
        column_layout.addSpacing(8)
        column_layout.addLayout(buttons)
        row = QHBoxLayout()
        centred(row, column)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        for keys, slot in (("Escape", self.later),):
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)


# -- the view ---------------------------------------------------------------------------------
class QuizView(QWidget):
    read_in_context = Signal(str, list)  # section id, quotes
    status_message = Signal(str)

    def __init__(self, store: Store, report: Report, settings: QSettings, colours: Colours,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuizView")
        self.store = store
        self.report = report
        self.engine = QuizEngine(store)
        self.colours = colours
        self.session: QuizSession | None = None
        self._offered = False
        self.start = StartPage(colours)
        self.start.start_requested.connect(self.start_mode)
        self.start.resume_requested.connect(self.resume_interrupted)
        self.start.submit_interrupted_requested.connect(self.submit_interrupted)
        self.question = QuestionPage(report, settings, colours)
        self.question.profile_database = store.path  # where the sets' pictures are kept
        self.question.finished.connect(self.show_result)
        self.question.left.connect(self.show_start)
        self.question.back_to_result.connect(self._back_to_result)
        self.question.read_in_context.connect(self.read_in_context)
        self.result = ResultPage(report, colours)
        self.result.review_requested.connect(self.review)
        self.result.back.connect(self.show_start)
        self.result.mistakes_requested.connect(lambda: self.start_mode("mistakes"))
        self.notebook = NotebookPage(report, colours)
        self.notebook.practise.connect(lambda: self.start_mode("mistakes"))
        self.notebook.back.connect(self.show_start)
        self.offer = ResumeOffer(colours)
        self.offer.resume.connect(self.resume_interrupted)
        self.offer.later.connect(self.show_start)
        self.empty = _label(self.tr("There are no questions here yet. Import a question set with "
                                    "File → Import question set (Ctrl+O)."), "empty")
        self.pages = QStackedWidget()
        for page in (self.start, self.question, self.result, self.notebook, self.offer):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # The start page's counts are worked out when the view is first shown, not while
        # the window opens (start-up shows only the first view).
        self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def mark_changed(self) -> None:
        """The question sets changed: the start page is brought up to date when seen."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # -- the start page ----------------------------------------------------------------
    def refresh(self) -> None:
        """Brings the start page's counts, streaks and the resume offer up to date."""
        self._stale = False
        self.start.fill_scopes(self.report, self.engine)
        mistakes = self.engine.mistake_count()
        daily = self.engine.daily_status()
        best = self.engine.best_streak()
        count = self.start.scope_counts.get("relationships", 0)
        lines = {
            "practice": self.tr("Feedback after each answer · {scope}"),
            "exam": self.tr("Timed, scored against a pass mark · {scope}"),
            "notebook": (self.tr("{0} questions to practise again").format(mistakes) if mistakes
                         else self.tr("Empty: questions you get wrong are kept here")),
            "challenge": (self.tr("{0} questions until the first wrong answer · best streak {1}")
                          .format(count, best)),
            "daily": (self.tr("Done today · streak {0} days").format(daily.streak)
                      if daily.done_today else
                      self.tr("Five questions · streak {0} days").format(daily.streak)),
        }
        self.start.set_lines(lines)
        names = [self.tr("First: innovation and pragmatism"),
                 self.tr("Second: boldness and charge"),
                 self.tr("Third: comprehensive innovation and reservation"),
                 self.tr("Fourth: innovation and practice")]
        scores = []
        for name, score in zip(names, self.engine.relationship_scores(), strict=True):
            if score.share is None:
                scores.append((name, self.tr("not tried yet"), ""))
                continue
            trend = score.trend
            if trend is None:
                words = ""
            elif trend > 0.001:
                words = self.tr("↑ up {0} points").format(round(trend * 100))
            elif trend < -0.001:
                words = self.tr("↓ down {0} points").format(round(-trend * 100))
            else:
                words = self.tr("→ steady")
            scores.append((name, self.tr("{0}% right of the last {1}").format(
                round(score.share * 100), min(score.answers, 10)), words))
        self.start.show_scores(best, scores)
        interrupted = self.engine.interrupted_exam()
        self.start.show_interrupted(self._interrupted_text() if interrupted else None)

    def _interrupted_text(self) -> str:
        record = self.engine.interrupted_exam()
        if record is None:
            return ""
        answered = len(self.store.quizzes.answers(record.id))
        left = max(0.0, (record.time_limit_s or 0) - record.time_used_s)
        return self.tr("An exam started {0} was not submitted: {1} of {2} questions answered, "
                       "{3} left.").format(local_time(record.started_at), answered,
                                      len(record.plan), clock_text(left))

    def entered(self) -> None:
        """The learner came to the Quiz view (Ctrl+3): focus where they can go on."""
        if self._stale:
            self.refresh()
        page = self.pages.currentWidget()
        if page is self.start:
            if not self._offered and self.engine.interrupted_exam() is not None:
                self._offered = True
                self.offer.text.setText(self._interrupted_text())
                self.pages.setCurrentWidget(self.offer)
                self.offer.resume_button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.start.focus_modes()
        elif page is self.question:
            self.question._focus_answer()
        elif page is self.offer:
            self.offer.resume_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_start(self) -> None:
        self.session = None
        self.refresh()
        self.pages.setCurrentWidget(self.start)
        self.window().activateWindow()
        self.start.focus_modes()

    # -- starting --------------------------------------------------------------------------
    def start_mode(self, mode: str) -> None:
        if mode == "notebook":
            self.notebook.show_entries(self.engine)
            self.pages.setCurrentWidget(self.notebook)
            return
        if mode == "exam" and self.engine.interrupted_exam() is not None:
            if confirm(self, self.tr("Exam"),
                       self.tr("An exam is waiting to be finished. Resume it, or submit it as it "
                               "is and start a new one?"),
                       self.tr("&Resume it"), self.tr("&Submit it and start a new one"),
                       default_yes=True):
                self.resume_interrupted()
                return
            self.submit_interrupted()
        if mode == "daily" and self.engine.daily_status().done_today:
            self.status_message.emit(self.tr("Today's daily quiz is done; the next one is ready "
                                             "tomorrow."))
            return
        scope = str(self.start.scope.currentData() or "relationships")
        count = self.start.count.value()
        kwargs: dict[str, Any] = {}
        if mode == "exam":
            kwargs = {"time_limit_s": self.start.minutes.value() * 60.0,
                      "pass_mark": self.start.pass_mark.value() / 100,
                      "policy": Policy(multiple=self.start.policy.currentData())}
        if mode in ("practice", "exam"):
            session = self.engine.start(mode, scope, count=count, **kwargs)  # type: ignore
        else:
            session = self.engine.start(mode)  # type: ignore[arg-type]
        if not session.items:
            session.finish()
            self.status_message.emit(self.tr("There are no questions for this quiz yet."))
            self.show_start()
            return
        self.open(session)

    def open(self, session: QuizSession, review: bool = False, at: int | None = None) -> None:
        self.session = session
        self._best_before = self.engine.best_streak()
        self.pages.setCurrentWidget(self.question)
        self.question.open(session, review=review, at=at)

    def resume_interrupted(self) -> None:
        record = self.engine.interrupted_exam()
        if record is None:
            self.show_start()
            return
        session = self.engine.resume(record.id)
        self.open(session)
        self.status_message.emit(self.tr("Exam resumed with {0} answers and {1} left.").format(
            len(session.given), clock_text(session.remaining() or 0)))

    def submit_interrupted(self) -> None:
        record = self.engine.interrupted_exam()
        if record is None:
            return
        session = self.engine.resume(record.id)
        session.finish()
        self.session = session
        self._best_before = 0
        self.question.session = session
        self.question.time_ran_out = False
        self.show_result()

    # -- the end ---------------------------------------------------------------------------
    def show_result(self) -> None:
        session = self.question.session
        if session is None or session.result is None:
            self.show_start()
            return
        self.session = session
        self.result.show_result(session, session.result, self.question.time_ran_out,
                                getattr(self, "_best_before", 0), self.engine.mistake_count())
        self.pages.setCurrentWidget(self.result)
        self.window().activateWindow()  # after the submit question's message box
        self.result.review_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def review(self, row: int) -> None:
        if self.session is None:
            return
        shown = getattr(self.result, "shown", [])
        index = shown[row] if 0 <= row < len(shown) else 0
        self.pages.setCurrentWidget(self.question)
        self.question.open(self.session, review=True, at=index)

    def _back_to_result(self) -> None:
        self.pages.setCurrentWidget(self.result)
        self.result.questions.setCurrentRow(
            max(0, getattr(self.result, "shown", []).index(self.question.index))
            if self.question.index in getattr(self.result, "shown", []) else 0)
        self.result.questions.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_state(self) -> None:
        """Before the window closes: an exam in progress keeps its answers and time left;
        any other quiz is finished with what was answered (nothing is lost either way)."""
        session = self.question.session
        if session is not None and session.mode != "exam" and not session.finished:
            session.finish()
        self.question.suspend()


__all__ = ["QuizView"]
