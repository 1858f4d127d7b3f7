"""The Quiz view: a start page of modes, one question at a time, feedback, exams with a
countdown and an answer card, results with a review, and the mistake notebook.

Keys (the contract in ARCHITECTURE.md): the list of modes opens with Practice on the four
relationships selected; Up/Down choose, Enter starts. In a question 1-9 pick an option
(toggle, for multiple answers), typing fills ``fill`` and ``numeric``; Enter submits, and
Enter again goes on after the feedback. Esc leaves (an exam in progress asks first, and keeps
its answers). In an exam PageUp/PageDown go to the previous/next question, Ctrl+G flags,
Ctrl+K shows the answer card, Ctrl+Return submits.

The view renders what ``studyapp.core.quiz`` hands it and sends the answers back; it runs no
SQL and scores nothing itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from studyapp.core.exams import answers_visible
from studyapp.core.quiz import QuizEngine, QuizSession
from studyapp.core.report import Report
from studyapp.core.scoring import Policy
from studyapp.core.store import Store
from studyapp.core.trend import Direction
from studyapp.ui.formatting import local_time
from studyapp.ui.quiz_question import QuestionPage, clock_text
from studyapp.ui.quiz_results import NotebookPage, ResultPage
from studyapp.ui.quiz_start import ResumeOffer, StartPage
from studyapp.ui.theme import Colours
from studyapp.ui.widgets import confirm, text_label


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
        from studyapp.ui.exam_panel import AssignedExamsPanel

        self.assigned = AssignedExamsPanel(store, colours)
        self.assigned.started.connect(self.open)
        self.assigned.status_message.connect(self.status_message)
        self.start.extras.addWidget(self.assigned)
        self.empty = text_label(self.tr("There are no questions here yet. Import a question set "
                                        "with File → Import question set (Ctrl+O)."), "empty")
        self.pages = QStackedWidget()
        for page in (self.start, self.question, self.result, self.notebook, self.offer):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # The start page's counts are worked out when the view is first shown, not while
        # the window opens (start-up shows only the first view).
        self._stale = True

    def showEvent(self, event: Any) -> None:
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
        self.assigned.refresh()
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
            change = score.change
            if change.direction is Direction.TOO_FEW:
                words = self.tr("not enough answers yet")
            elif change.direction is Direction.UP:
                words = self.tr("↑ up {0} points").format(change.points)
            elif change.direction is Direction.DOWN:
                words = self.tr("↓ down {0} points").format(change.points)
            else:
                words = self.tr("→ steady")
            scores.append((name, self.tr("{0}% right of the last {1}").format(
                round(score.share * 100), min(score.answers, 10)), words))
        self.start.show_scores(best, scores)
        interrupted = self.engine.interrupted_exam()
        self.start.show_interrupted(self._interrupted_text() if interrupted else None)

    def _interrupted_text(self) -> str:
        waiting = self.engine.interrupted_summary()
        if waiting is None:
            return ""
        return self.tr("An exam started {0} was not submitted: {1} of {2} questions answered, "
                       "{3} left.").format(local_time(waiting.record.started_at),
                                           waiting.answered, waiting.questions,
                                           clock_text(waiting.left_s))

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
        elif page is self.result:
            self.result.focus_main()

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
            session = self.engine.start_or_empty(mode, scope, count=count, **kwargs)
        else:
            session = self.engine.start_or_empty(mode)
        if session is None:
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
        answers, left = len(session.given), clock_text(session.remaining() or 0)
        self.status_message.emit(
            self.tr("Exam resumed with 1 answer and {left} left.").format(left=left)
            if answers == 1 else
            self.tr("Exam resumed with {0} answers and {1} left.").format(answers, left))

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
        self.result.allow_review(  # an exam may keep its answers back
            answers_visible(self.store, session.attempt_id, self.store.clock()))
        self.pages.setCurrentWidget(self.result)
        self.window().activateWindow()  # after the submit question's message box
        self.result.focus_main()

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
