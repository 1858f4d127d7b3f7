"""The Quiz view's start page: the modes as large tiles with what each one does and what
is waiting, the options of the chosen mode, the four relationships' scores, the banner of
an exam that was not submitted; and the offer to resume it after a crash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import EXAM_COUNT, EXAM_MINUTES, PRACTICE_COUNT, QuizEngine
from studyapp.core.quiz_scopes import ScopeChoice, scope_choices
from studyapp.core.report import Report
from studyapp.core.scoring import DEFAULT_PASS_MARK
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import centred, icon_label, text_label

# -- the start page ---------------------------------------------------------------------------
MODE_KEYS = ["practice", "exam", "notebook", "challenge", "daily"]


class TileDelegate(QStyledItemDelegate):
    """A mode as a large tile: its icon, its name, and one muted line of what it does."""

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours

    def sizeHint(self, option: QStyleOptionViewItem,
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

    def keyPressEvent(self, event: Any) -> None:
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
        heading = text_label(self.tr("Quizzes"), "heading")
        intro = text_label(self.tr("Check what you have understood. Every answer is traced to "
                                   "the report's own words."), "muted")

        self.banner = QFrame()
        self.banner.setObjectName("ResumeBanner")
        self.banner.setStyleSheet(
            f"QFrame#ResumeBanner {{ background: {colours.alternate}; border: 2px solid "
            f"{colours.accent}; border-radius: 8px; }}")
        self.banner_text = text_label()
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
            # "Enter starts" holds in the number boxes too (a spin box keeps Enter to itself).
            for keys in ("Return", "Enter"):
                enter = QShortcut(QKeySequence(keys), field)
                enter.setContext(Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(lambda box=field: self._start_from(box))
        for choice in (self.scope, self.policy):  # a closed combo box passes Enter on unused
            for keys in ("Return", "Enter"):
                enter = QShortcut(QKeySequence(keys), choice)
                enter.setContext(Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(self._start)
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
        self.options_hint = text_label("", "muted")

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
        self.extras = QVBoxLayout()  # the assigned exams (ui/exam_panel.py), added by the view
        body_layout.addLayout(self.extras)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing
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

    def _start_from(self, box: QAbstractSpinBox) -> None:
        box.interpretText()  # the number typed so far counts
        self._start()

    def fill_scopes(self, report: Report, engine: QuizEngine) -> None:
        """The scopes core offers (scope_choices), named, each with its question count."""
        current = self.scope.currentData() or "relationships"
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope_counts = {}
        for choice in scope_choices(report, engine.store):
            self.scope_counts[choice.scope] = choice.count
            self.scope.addItem(f"{self._scope_name(report, choice)}  ({choice.count})",
                               choice.scope)
        index = self.scope.findData(current)
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def _scope_name(self, report: Report, choice: ScopeChoice) -> str:
        if choice.kind == "relationships":
            return self.tr("The four relationships — III (5)")
        if choice.kind == "report":
            return self.tr("The whole report")
        if choice.kind == "set":
            return self.tr("Set: {0}").format(choice.value)
        if choice.kind == "tags":
            return self.tr("Tag: {0}").format(choice.value)
        return "    " * choice.depth + report.get(choice.value).label

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
        title = text_label(self.tr("The four relationships"))
        title.setStyleSheet("font-weight: 600;")
        self.relationships_layout.addWidget(title)
        self.relationships_layout.addWidget(text_label(
            self.tr("Best challenge streak: {0}").format(best) if best else
            self.tr("No challenge yet: how many in a row can you answer?"), "muted"))
        for name, share, trend in scores:
            row = QVBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            label = text_label(name)
            row.addWidget(label)
            row.addWidget(text_label(f"{share}  {trend}".strip(), "muted"))
            holder = QWidget()
            holder.setLayout(row)
            self.relationships_layout.addWidget(holder)

    def show_interrupted(self, text: str | None) -> None:
        self.banner.setVisible(text is not None)
        self.banner_text.setText(text or "")

    def focus_modes(self) -> None:
        self.modes.setFocus(Qt.FocusReason.OtherFocusReason)


class ResumeOffer(QWidget):
    """After a crash: the exam that was cut short, offered back with the time that was left."""

    resume = Signal()
    later = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picture = icon_label("clock", colours.accent, 48)
        heading = text_label(self.tr("Resume your exam?"), "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = text_label()
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
