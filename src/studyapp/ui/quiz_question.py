"""One quiz question at a time: practice-like modes give feedback after each answer, an
exam saves answers and gives none until it is submitted (its slim top bar: question n of
N, the countdown, the answer card, flag and submit)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.quiz import QuizSession, Unfinished
from studyapp.core.report import Report
from studyapp.core.store import StoreError
from studyapp.ui.icons import icon
from studyapp.ui.quiz_answer_card import AnswerCard
from studyapp.ui.quiz_answers import AnswerControl, PairButton, answer_control
from studyapp.ui.quiz_feedback import FeedbackPanel
from studyapp.ui.theme import Colours, reading_font
from studyapp.ui.widgets import centred, confirm, icon_label, text_label

TICK_MS = 250
SAVE_CLOCK_EVERY_S = 5.0
COLUMN_WIDTH = 820


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PageState(StrEnum):
    """Where the learner is with the question on the page."""

    ANSWERING = "answering"
    FEEDBACK = "feedback"  # answered: the feedback shows (practice-like modes, the review)


def show_text(label: QLabel, text: str) -> None:
    """A line that takes no room when empty (the page must fit a small window)."""
    label.setText(text)
    label.setVisible(bool(text))


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
        self.state = PageState.ANSWERING
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
        self.crumb = text_label("", "muted")
        self.prompt = text_label()
        self.prompt.setObjectName("QuestionPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A bank's picture for the question (图片 column), copied into the profile on import.
        self.profile_database: Path | None = None
        self.picture = QLabel()
        self.picture.setObjectName("QuestionPicture")
        self.picture.hide()
        self.hint = text_label("", "muted")
        self.answer_holder = QVBoxLayout()
        self.feedback = FeedbackPanel(colours)
        self.feedback.read_in_context.connect(self.read_in_context)
        self.message = text_label("", "muted")
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
        holder = self.holder = QWidget()
        holder_layout = self.holder_layout = QHBoxLayout(holder)
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
        shortcut("R", self.read_evidence)  # as in Cards: once the answer is shown
        shortcut("Ctrl+Shift+R", self.read_evidence)

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
                index + 1, session.streak))
        self.progress.setRange(0, len(session.items))
        self.progress.setValue(index + (1 if self.review else 0))
        show_text(self.message, "")
        self.feedback.hide()
        given = session.response(index)
        if given is not None:
            self.control.set_response(given)
        if self.review or (session.gives_feedback and session.answered(index)):
            self.control.lock(show_solution=True)
            self.feedback.show_grade(item, session.grade(index), given, self.report)
            self.state = PageState.FEEDBACK
        else:
            self.state = PageState.ANSWERING
        show_text(self.hint, "" if self.state is PageState.FEEDBACK else self.control.hint())
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
            if self.state is PageState.FEEDBACK:
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
        elif self.state is PageState.ANSWERING:
            self.primary.setText(self.tr("Answer"))
        else:
            over = last or session.ended
            self.primary.setText(self.tr("See the result") if over else self.tr("Next question"))

    def _changed(self) -> None:
        show_text(self.message, "")
        self.save_current()  # an exam keeps every choice the moment it is made

    # -- keys and actions ------------------------------------------------------------------
    def number(self, number: int) -> None:
        if self.control is not None and self.state is PageState.ANSWERING and not self.review:
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
            if not self.save_current():
                return
            if self.index >= len(session.items) - 1:
                self.submit_exam()
            else:
                self.show_question(self.index + 1)
            return
        if self.state is PageState.ANSWERING:
            response = self.control.response()
            if response is None:
                show_text(self.message, self.tr("Choose or type an answer first; Esc leaves."))
                return
            if session.not_a_number(self.index, response):
                show_text(self.message, self.tr("“{answer}” is not a number: type it in digits, "
                                             "e.g. 4 or 2.5.").format(answer=response))
                return
            unfinished = session.unfinished(self.index, response)
            if unfinished is not None and not self._answer_anyway(
                    session.items[self.index].question.type, unfinished):
                self.window().activateWindow()
                self._focus_answer()
                return
            try:
                grade = session.answer(self.index, response, self._duration_ms())
            except StoreError as error:  # a full disk...: the answer stays on screen
                self._not_saved(error)
                return
            self.control.lock(show_solution=True)
            self.feedback.show_grade(session.items[self.index], grade, response, self.report)
            show_text(self.hint, "")
            self.state = PageState.FEEDBACK
            self._update_primary()
            self.primary.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, self._keep_question_in_view)
            return
        if session.ended or self.index >= len(session.items) - 1:
            self.finish()
        else:
            self.show_question(self.index + 1)

    def _keep_question_in_view(self) -> None:
        """After an answer: the feedback scrolled into view, but never the question out of
        it; when both cannot fit, the prompt stays at the top and the feedback starts below."""
        holder = self.holder
        self.holder_layout.activate()  # the feedback was just shown: place it first
        margin = 8
        prompt_top = self.prompt.mapTo(holder, QPoint(0, 0)).y() - margin
        feedback_bottom = self.feedback.mapTo(holder, QPoint(0, self.feedback.height())).y()
        wanted = feedback_bottom + margin - self.scroller.viewport().height()
        self.scroller.verticalScrollBar().setValue(max(0, min(prompt_top, wanted)))

    def _answer_anyway(self, kind: str, unfinished: Unfinished) -> bool:
        """Asks before grading an answer core finds unfinished; True to grade it."""
        if kind == "order":
            text = self.tr("The items are still in the order they were shown — answer anyway?")
        elif unfinished.missing == 1:
            text = self.tr("1 of {total} rows is not paired yet — answer anyway?").format(
                total=unfinished.total)
        else:
            text = self.tr("{missing} of {total} rows are not paired yet — answer anyway?").format(
                missing=unfinished.missing, total=unfinished.total)
        return confirm(self, self.tr("Answer"), text, self.tr("&Answer anyway"),
                       self.tr("&Go back to the question"), default_yes=False)

    def read_evidence(self) -> None:
        """R: the report at the question's passage, once the feedback shows (the rule of
        Cards: the answer first, then the context). Typing R into an answer box stays text."""
        if self.state is PageState.FEEDBACK and self.feedback.read_button.isVisible():
            self.feedback.read_button.click()

    def _duration_ms(self) -> int | None:
        if self.session is None or self.shown_at is None:
            return None
        return max(0, int((self.session.clock() - self.shown_at).total_seconds() * 1000))

    def save_current(self) -> bool:
        """An exam keeps the answer on screen (or its clearing) before moving anywhere.
        False when it could not be saved (said on the page): then stay on the question."""
        session = self.session
        if session is None or self.control is None or not self.exam or session.finished:
            return True
        try:
            session.keep(self.index, self.control.response(), self._duration_ms())
        except StoreError as error:
            self._not_saved(error)
            return False
        return True

    def _not_saved(self, error: StoreError) -> None:
        """The store's plain message (a full disk says so) where the learner looks; what
        was saved before stays saved, and the answer stays on screen to try again."""
        show_text(self.message, self.tr("Not saved: %1").replace("%1", str(error)))

    def step(self, delta: int) -> None:
        if self.session is None or not (self.exam or self.review):
            return
        target = self.index + delta
        if 0 <= target < len(self.session.items) and self.save_current():
            self.show_question(target)

    def _jump(self, index: int) -> None:
        if self.save_current():
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
        if not self.save_current():
            return
        left = len(session.unanswered())
        if left:
            text = (self.tr("1 question is not answered.") if left == 1 else
                    self.tr("{0} questions are not answered.").format(left))
            text = self.tr("{not_answered} Submit the exam anyway? Unanswered questions score "
                           "0.").format(not_answered=text)
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
        try:
            self.session.finish()
        except StoreError as error:
            self._not_saved(error)
            return
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
