"""The question editor's preview: the item as the learner sees it, in the learner's widgets.

A question is shown by the Quiz view's own page (ui/quiz_question.QuestionPage) in a
one-question practice session, so the trainer can answer it and read the feedback exactly
as a learner would; the options are shuffled as a quiz shuffles them. Nothing is recorded:
the session's store is ``_NothingKept``, which keeps no answer. A card is shown on the Cards
view's own face (ui/card_review.CardFace); Space turns it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from studyapp.core.clock import system_clock
from studyapp.core.questionsets.model import Card, Question
from studyapp.core.quiz import QuizSession, draw
from studyapp.core.report import Report
from studyapp.core.scheduling import Memory
from studyapp.core.store.quizzes import AttemptRecord, StoredQuestion
from studyapp.core.store.reviews import StudyCard
from studyapp.ui.card_review import CardFace
from studyapp.ui.quiz_question import QuestionPage
from studyapp.ui.theme import Colours, reading_font

PREVIEW_SEED = 20  # the same shuffle each time the item is shown, until it changes


class _NothingKept:
    """The quiz store's methods a practice session calls, keeping nothing (a preview)."""

    def __getattr__(self, name: str) -> Any:
        if name in ("save_answer", "remove_answer", "save_progress", "finish", "discard"):
            return lambda *args, **kwargs: None
        raise AttributeError(name)


class _PreviewStore:
    quizzes = _NothingKept()


class PreviewPane(QWidget):
    def __init__(self, report: Report, settings: QSettings, colours: Colours,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorPreview")
        self.report = report
        self.page = QuestionPage(report, settings, colours)
        self.page.leave_button.hide()  # nothing to leave: the preview stays
        # The page gives the learner's focus to the answer whenever it shows a question; here
        # the trainer is typing in the form, so only a focus already in the preview moves.
        self.page._focus_answer = self._focus_answer_if_here  # type: ignore[method-assign]
        for signal in (self.page.finished, self.page.left):
            signal.connect(self._again)
        self.card = CardFace(colours)
        self.card.show_requested.connect(lambda: self.card.reveal(True, self._study_card))
        self.card_holder = QWidget()
        card_layout = QVBoxLayout(self.card_holder)
        card_layout.setContentsMargins(16, 16, 16, 16)
        card_layout.addWidget(self.card)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.card_holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.session: QuizSession | None = None
        self._study_card: StudyCard | None = None
        self._shown: Question | Card | None = None
        self._title = ""

    def show_item(self, item: Question | Card | None, set_title: str) -> None:
        """Shows ``item`` afresh when it changed (an answer being tried is kept otherwise)."""
        if item is None or item == self._shown:
            return
        self._shown = copy.deepcopy(item)
        self._title = set_title
        if isinstance(item, Card):
            self._show_card(item)
        else:
            self._show_question(item)

    def _show_question(self, question: Question) -> None:
        stored = StoredQuestion(f"preview/{question.id}", "preview", copy.deepcopy(question),
                                self._title)
        items = draw([stored], None, PREVIEW_SEED)
        record = AttemptRecord(
            id=0, mode="practice", scope="preview", started_at="", finished_at=None, score=None,
            max_score=None, passed=None, seed=PREVIEW_SEED, plan=[], time_limit_s=None,
            time_used_s=0.0, policy={}, pass_mark=None, flags=[], position=0)
        self.session = QuizSession(_PreviewStore(), system_clock, record, items)  # type: ignore[arg-type]
        self.stack.setCurrentWidget(self.page)
        self.page.open(self.session)

    def _show_card(self, card: Card) -> None:
        self._study_card = StudyCard(
            key=f"preview/{card.id}", set_id="preview", item_id=card.id, section_id=card.section,
            front=card.front, back=card.back, explanation=card.explanation,
            evidence=card.evidence, tags=list(card.tags), memory=Memory())
        self.card.show_card(self._study_card, reading_font(), revealed=False)
        self.stack.setCurrentWidget(self.card_holder)

    def _focus_answer_if_here(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            QuestionPage._focus_answer(self.page)

    def _again(self) -> None:
        """The learner's Enter after the feedback: the same question, ready to try again."""
        shown, self._shown = self._shown, None
        self.show_item(shown, self._title)

    def focus_preview(self) -> None:
        if self.stack.currentWidget() is self.card_holder:
            self.card.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.page.show_question(0)
