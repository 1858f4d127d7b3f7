"""The Progress view: where the learner stands and what to do next.

Summary figures on top, the year's heat map, charts two to a row, the four relationships and
the mastery table, weakest first. Every number comes from ``store.progress.dashboard()``
(aggregate SQL in the core); this view only lays them out. The view builds itself when first
shown (the charts module loads then) and rebuilds only when the dashboard object changes, so coming
back to it when nothing changed runs no query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.trend import Direction
from studyapp.ui.formatting import plural
from studyapp.ui.heatmap import HeatMap
from studyapp.ui.theme import Colours

if TYPE_CHECKING:
    from studyapp.core.report import Report
    from studyapp.core.store import Store
    from studyapp.core.store.progress import Dashboard

CHART_RANGES = (30, 90, 365)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def page_style(colours: Colours) -> str:
    """The page's one style sheet: a sheet of their own on each panel and title made Qt
    restyle each of them apart when the page is first shown."""
    return (f"QFrame#DashboardPanel {{ background: {colours.base}; "
            f"border: 1px solid {colours.border}; border-radius: 8px; }}"
            " QLabel#PanelTitle { font-weight: 600; font-size: 11pt; }"
            " QLabel#FigureTitle { font-size: 9pt; }"
            " QLabel#FigureValue { font-size: 20pt; font-weight: 600; }")


class Panel(QFrame):
    """A titled box on the dashboard (drawn by the page's style sheet, page_style)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPanel")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 16)
        self.layout_.setSpacing(8)
        self.title = QLabel(title)
        self.title.setObjectName("PanelTitle")
        self.layout_.addWidget(self.title)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.layout_.addWidget(widget, stretch)
        return widget


class Figure(Panel):
    """One summary figure: a big number, a line under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.title.setProperty("role", "muted")
        self.title.setObjectName("FigureTitle")
        self.value = QLabel("–")
        self.value.setObjectName("FigureValue")
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        self.add(self.value)
        self.add(self.detail)
        self.layout_.addStretch(1)  # figures line up at the top whatever is under them
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{self.title.text()}: {value}. {detail}")


class DashboardView(QWidget):
    practise_requested = Signal(str, str)  # "cards" or "quiz" (or "read"), section id

    def __init__(self, store: Store, report: Report, colours: Colours,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        self.colours = colours
        self.board: Dashboard | None = None
        self.charts: Any = None  # studyapp.ui.charts, imported on first show
        self.chart_days = CHART_RANGES[0]
        self.chart_widgets: dict[str, Any] = {}
        self.built = False
        self.setObjectName("DashboardView")
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        # The page fits the width (down to the window's 960-pixel minimum); only scrolls down.
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        from studyapp.ui import charts

        self.charts = charts
        self.built = True
        page = QWidget()
        page.setObjectName("DashboardPage")
        page.setStyleSheet(page_style(self.colours))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 24)
        layout.setSpacing(16)

        header = QHBoxLayout()
        self.heading = QLabel(self.tr("Your progress"))
        self.heading.setProperty("role", "heading")
        self.learner = QLabel()
        self.learner.setProperty("role", "muted")
        self.goal_button = QPushButton(self.tr("Daily goal…"))
        self.goal_button.clicked.connect(self.choose_goal)
        header.addWidget(self.heading)
        header.addSpacing(12)
        header.addWidget(self.learner, 1)
        header.addWidget(self.goal_button)
        layout.addLayout(header)

        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setProperty("role", "muted")
        layout.addWidget(self.empty_note)

        figures = QHBoxLayout()
        figures.setSpacing(12)
        self.figure_read = Figure(self.tr("Report read"))
        self.figure_cards = Figure(self.tr("Cards due today"))
        self.figure_quiz = Figure(self.tr("Quiz accuracy"))
        self.figure_streak = Figure(self.tr("Streak"))
        self.figure_goal = Figure(self.tr("Today's goal"))
        self.goal_bar = QProgressBar()
        self.goal_bar.setTextVisible(False)
        self.goal_bar.setRange(0, 100)
        self.figure_goal.layout_.insertWidget(2, self.goal_bar)
        for figure in (self.figure_read, self.figure_cards, self.figure_quiz,
                       self.figure_streak, self.figure_goal):
            figures.addWidget(figure, 1)
        layout.addLayout(figures)

        self.heat_panel = Panel(self.tr("Study per day, the last 12 months"))
        self.heat_map = HeatMap(self.colours)
        self.heat_text = QLabel()
        self.heat_hint = QLabel(self.tr(
            "Each square is a day; the deeper its colour, the longer you studied. Hover over "
            "a day, or focus the map and move with the arrow keys, to see its minutes, "
            "reviews and answers."))
        self.heat_hint.setWordWrap(True)
        self.heat_hint.setProperty("role", "muted")
        self.heat_text.setProperty("role", "muted")
        self.heat_map.day_changed.connect(self.heat_text.setText)
        self.heat_panel.add(self.heat_map)
        self.heat_panel.add(self.heat_text)
        self.heat_panel.add(self.heat_hint)
        layout.addWidget(self.heat_panel)

        self.charts_panel = Panel(self.tr("Over time"))
        ranges = QHBoxLayout()
        self.range_label = QLabel(self.tr("Show the last"))
        ranges.addWidget(self.range_label)
        self.range_buttons = QButtonGroup(self)
        for days in CHART_RANGES:
            button = QPushButton(self.tr("{n} days").format(n=days))
            button.setCheckable(True)
            button.setChecked(days == self.chart_days)
            button.clicked.connect(lambda _c=False, d=days: self.set_chart_days(d))
            self.range_buttons.addButton(button, days)
            ranges.addWidget(button)
        ranges.addStretch(1)
        self.charts_panel.layout_.addLayout(ranges)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        self.chart_grid.setColumnStretch(0, 1)
        self.chart_grid.setColumnStretch(1, 1)
        self.charts_panel.layout_.addLayout(self.chart_grid)
        self.chart_text = QLabel()  # the focused chart's numbers (its text alternative)
        self.chart_text.setWordWrap(True)
        self.chart_text.setProperty("role", "muted")
        self.chart_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.charts_panel.add(self.chart_text)
        self.charts_empty = QLabel()
        self.charts_empty.setWordWrap(True)
        self.charts_empty.setProperty("role", "muted")
        self.charts_panel.add(self.charts_empty)
        layout.addWidget(self.charts_panel)

        self.relationships_panel = Panel(self.tr("The four relationships"))
        self.relationships_hint = QLabel(self.tr(
            "Part III (5) of the report names four relationships to handle well. Review their "
            "cards or take the four-relationships quiz, and each gets its mastery and its "
            "trend over the last two weeks here."))
        self.relationships_hint.setWordWrap(True)
        self.relationships_hint.setProperty("role", "muted")
        self.relationships_panel.add(self.relationships_hint)
        self.relationships_grid = QGridLayout()
        self.relationships_grid.setHorizontalSpacing(16)
        self.relationships_panel.layout_.addLayout(self.relationships_grid)
        layout.addWidget(self.relationships_panel)

        self.mastery_panel = Panel(self.tr("Mastery by section, weakest first"))
        self.mastery_hint = QLabel(self.tr(
            "Each section combines reading (read or not), card retention (reviews of cards "
            "you had seen before, not graded Again) and quiz accuracy."))
        self.mastery_hint.setWordWrap(True)
        self.mastery_hint.setProperty("role", "muted")
        self.mastery_panel.add(self.mastery_hint)
        self.mastery_grid = QGridLayout()
        self.mastery_grid.setHorizontalSpacing(16)
        self.mastery_grid.setVerticalSpacing(6)
        self.mastery_panel.layout_.addLayout(self.mastery_grid)
        layout.addWidget(self.mastery_panel)
        layout.addStretch(1)
        self.page = page  # into the scroller once filled (refresh)

    # -- filling ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Shows the current numbers; does nothing (no query) when nothing changed."""
        board = self.store.progress.dashboard(self.report)
        if board is self.board:
            return
        first = not self.built
        if first:
            self._build()
        self.board = board
        self._fill_header(board)
        self._fill_figures(board)
        self.heat_hint.setVisible(board.empty)
        self.heat_map.set_days(board.today, {
            day: (a.minutes, a.reviews, a.answers) for day, a in board.days.items()})
        self._fill_charts(board)
        self._fill_relationships(board)
        self._fill_mastery(board)
        if first:
            # Filled off screen, its hundreds of widgets show with it at once (a widget
            # added to a shown page must be shown one by one, each laid out on its own).
            self.scroller.setWidget(self.page)

    def _fill_header(self, board: Dashboard) -> None:
        who = " · ".join(part for part in (board.display_name, board.unit) if part)
        self.learner.setText(who or self.tr("Profile: {name}").format(name=self.store.profile))
        self.empty_note.setVisible(board.empty)
        self.empty_note.setText(self.tr(
            "Nothing studied yet. Read a section (Ctrl+1), review flashcards (Ctrl+2) or take "
            "a quiz (Ctrl+3): each panel below fills in as you go, and the weakest sections "
            "rise to the top of the mastery table."))

    def _fill_figures(self, board: Dashboard) -> None:
        s = board.summary
        self.figure_read.show_figure(
            f"{s.percent_read}%",
            self.tr("{read} of {total} sections").format(read=s.sections_read,
                                                         total=s.sections_total))
        if s.cards_total:
            detail = self.tr("{learned} of {total} cards learned").format(
                learned=s.cards_learned, total=s.cards_total)
        else:
            detail = self.tr("Import a question set with cards to start (Ctrl+O)")
        self.figure_cards.show_figure(str(s.cards_due_today), detail)
        if s.answers:
            detail = self.tr("{correct} of {answers} right").format(
                correct=s.correct,
                answers=plural(s.answers, self.tr("answer"), self.tr("answers")))
        else:
            detail = self.tr("No answers yet: take a quiz to see it")
        self.figure_quiz.show_figure(percent(s.accuracy), detail)
        streak = board.streak
        self.figure_streak.show_figure(
            plural(streak.current, self.tr("day"), self.tr("days")),
            self.tr("Longest: {days}").format(
                days=plural(streak.longest, self.tr("day"), self.tr("days")))
            if streak.today or not streak.current else self.tr("Study today to keep it going"))
        goal = board.goal
        unit = self.tr("min") if goal.kind == "minutes" else self.tr("reviews")
        done = round(goal.today)
        detail = (self.tr("Done for today — well done") if goal.met else
                  self.tr("{left} {unit} to go").format(left=goal.target - done, unit=unit))
        if goal.locked:
            detail += self.tr(" (set for this PC by your organisation)")
        elif not goal.chosen:
            detail += self.tr(" (set your own goal with Daily goal…)")
        self.goal_button.setEnabled(not goal.locked)
        self.goal_button.setToolTip(
            self.tr("Your organisation sets the daily goal on this PC.") if goal.locked else "")
        self.figure_goal.show_figure(f"{done} / {goal.target} {unit}", detail)
        self.goal_bar.setValue(round(goal.fraction * 100))

    def set_chart_days(self, days: int) -> None:
        self.chart_days = days
        button = self.range_buttons.button(days)
        if button is not None:
            button.setChecked(True)
        if self.board is not None:
            self._fill_charts(self.board)

    def _fill_charts(self, board: Dashboard) -> None:
        charts, c = self.charts, self.colours
        while self.chart_grid.count():
            item = self.chart_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.charts_empty.setVisible(board.empty)
        self.charts_empty.setText(self.tr(
            "Here four charts will show your card reviews and quiz answers per day, your "
            "quiz accuracy and true retention week by week, the cards coming due in the next "
            "30 days and how you grade your cards. They start with your first review or "
            "quiz: press Ctrl+2 for flashcards or Ctrl+3 for a quiz."))
        for button in self.range_buttons.buttons():
            button.setVisible(not board.empty)
        self.range_label.setVisible(not board.empty)
        series = board.series(self.chart_days)
        days = [d.day for d in series]
        weekly = board.weekly(self.chart_days)
        buttons = board.buttons(self.chart_days)
        self.chart_widgets = {
            "activity": charts.day_chart(
                self.tr("Reviews and answers per day"), days,
                [(self.tr("Card reviews"), [d.reviews for d in series], c.accent),
                 (self.tr("Quiz answers"), [d.answers for d in series], c.muted)],
                c, self.tr("per day")),
            "accuracy": charts.day_chart(
                self.tr("Accuracy and true retention, by week"), [w[0] for w in weekly],
                [(self.tr("Quiz accuracy"), [w[1] for w in weekly], c.accent),
                 (self.tr("True retention"), [w[2] for w in weekly], c.success)],
                c, self.tr("share right"), percent=True),
            "due": charts.bar_chart(
                self.tr("Cards due in the next 30 days"),
                [str(n) for n in range(len(board.due_forecast))],
                [(self.tr("Cards due"), board.due_forecast, c.accent)], c,
                self.tr("cards"), self.tr("days from today"), label_every=5),
            "buttons": charts.bar_chart(
                self.tr("Answer buttons"),
                [self.tr("Again"), self.tr("Hard"), self.tr("Good"), self.tr("Easy")],
                [(self.tr("Reviews"), list(buttons), c.accent)], c, self.tr("reviews")),
        }
        self.chart_text.clear()
        for index, widget in enumerate(self.chart_widgets.values()):
            widget.focused.connect(self.chart_text.setText)
            self._put(self.chart_grid, widget, index // 2, index % 2)
            widget.setVisible(not board.empty)  # the empty state explains them instead

    def _put(self, grid: QGridLayout, widget: QWidget, row: int, column: int) -> None:
        grid.addWidget(widget, row, column)
        if self.page.isVisible():  # added to a page already shown, it would stay hidden
            widget.show()

    def _clear(self, grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_relationships(self, board: Dashboard) -> None:
        grid = self.relationships_grid
        self._clear(grid)
        self.relationships_hint.setVisible(board.empty)
        for column, text in enumerate((self.tr("Relationship"), self.tr("Mastery"),
                                       self.tr("Last 14 days"), self.tr("Trend"))):
            label = QLabel(text)
            label.setProperty("role", "muted")
            self._put(grid, label, 0, column)
        for row, relationship in enumerate(board.relationships, start=1):
            title = QLabel(relationship.title)
            title.setWordWrap(True)
            self._put(grid, title, row, 0)
            self._put(grid, self._score_bar(relationship.score), row, 1)
            self._put(grid, QLabel(percent(relationship.recent)), row, 2)
            change = relationship.change
            if change.direction is Direction.TOO_FEW:
                text = self.tr("not enough answers yet")
            elif change.direction is Direction.STEADY:
                text = self.tr("→ steady")
            else:
                text = (self.tr("↑ {n} points") if change.direction is Direction.UP
                        else self.tr("↓ {n} points")).format(n=change.points)
            trend_label = QLabel(text)
            trend_label.setProperty("role", "muted")
            self._put(grid, trend_label, row, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def _score_bar(self, score: float) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setValue(round(score * 100))
        bar.setTextVisible(False)
        bar.setMinimumWidth(80)
        row.addWidget(bar, 1)
        label = QLabel(percent(score))
        label.setMinimumWidth(40)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(label)
        return box

    def _fill_mastery(self, board: Dashboard) -> None:
        grid = self.mastery_grid
        self._clear(grid)
        self.practise_buttons: dict[str, QPushButton] = {}
        headers = (self.tr("Section"), self.tr("Read"), self.tr("Card retention"),
                   self.tr("Quiz accuracy"), self.tr("Mastery"), "")
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setProperty("role", "muted")
            self._put(grid, label, 0, column)
        for row, m in enumerate(board.mastery, start=1):
            title = QLabel(m.title)
            title.setWordWrap(True)
            self._put(grid, title, row, 0)
            self._put(grid, QLabel(self.tr("✓ read") if m.read else self.tr("not yet")), row, 1)
            self._put(grid, QLabel(percent(m.retention)), row, 2)
            self._put(grid, QLabel(percent(m.accuracy)), row, 3)
            self._put(grid, self._score_bar(m.score), row, 4)
            text = {"cards": self.tr("Practise cards"), "quiz": self.tr("Practise quiz"),
                    "read": self.tr("Read it")}[m.practise]
            button = QPushButton(text)
            button.setAccessibleName(f"{text}: {m.title}")
            button.clicked.connect(
                lambda _c=False, k=m.practise, s=m.section_id: self.practise_requested.emit(k, s))
            self._put(grid, button, row, 5)
            self.practise_buttons[m.section_id] = button
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(4, 2)

    # -- the goal --------------------------------------------------------------------------
    def choose_goal(self) -> None:
        board = self.store.progress.dashboard(self.report)
        dialog = GoalDialog(board.goal.kind, board.goal.target, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            from PySide6.QtWidgets import QMessageBox

            from studyapp.core.store import StoreError

            try:
                self.store.progress.set_goal(dialog.kind(), dialog.target.value())
            except StoreError as error:  # a full disk...: said, the goal stays as it was
                QMessageBox.warning(self, self.tr("Daily goal"),
                                    self.tr("Not saved: %1").replace("%1", str(error)))
                return
            self.refresh()


class GoalDialog(QDialog):
    def __init__(self, kind: str, target: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Daily goal"))
        self.kinds = QComboBox()
        self.kinds.addItem(self.tr("minutes of study"), "minutes")
        self.kinds.addItem(self.tr("cards reviewed and questions answered"), "reviews")
        self.kinds.setCurrentIndex(max(0, self.kinds.findData(kind)))
        self.target = QSpinBox()
        self.target.setRange(1, 1000)
        self.target.setValue(target)
        form = QFormLayout(self)
        form.setContentsMargins(16, 16, 16, 16)
        intro = QLabel(self.tr("A goal you reach most days beats a big one you miss."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("Each day:"), self.target)
        form.addRow(self.tr("Counting:"), self.kinds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def kind(self) -> str:
        return str(self.kinds.currentData())


class ProfileDetailsDialog(QDialog):
    """File → Profile details: the name and unit shown on exports."""

    def __init__(self, name: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profile details"))
        self.setMinimumWidth(420)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("e.g. 张伟"))
        self.unit = QLineEdit(unit)
        self.unit.setPlaceholderText(self.tr("optional, e.g. Organisation Department"))
        form = QFormLayout(self)
        form.setContentsMargins(16, 16, 16, 16)
        intro = QLabel(self.tr("Shown on the progress report and the results you export."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("Unit (department):"), self.unit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
