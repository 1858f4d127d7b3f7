"""One sitting at the Cards view: the queue, cram, what every key did and how to undo it.

As Anki's scheduler owns the card queue and its reviewer only draws, this object owns the
rules of a review and the Cards view (ui/flashcards.py, ui/card_review.py) only shows them:
which card is up, whether its answer is shown, how long it was on screen (capped, so a card
left over lunch counts as a minute), the grades, buries, suspensions and flags of this
sitting and their undo (Ctrl+Z brings back the card as it was), and the summary at the end.
Everything is written through ``store.reviews`` at once; time comes from the injected clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from studyapp.core.scheduling import AGAIN, RATINGS
from studyapp.core.store.reviews import Answer, ReviewsService, StudyCard

MAX_ANSWER_MS = 60_000  # a card left on screen over lunch counts as a minute
CRAM_AGAIN_GAP = 3  # a card graded Again in a cram comes back after this many others


class Action(Enum):
    """What a key did to a card (each can be undone)."""

    GRADE = "grade"
    BURY = "bury"
    SUSPEND = "suspend"
    FLAG = "flag"
    UNFLAG = "unflag"


@dataclass(frozen=True)
class Step:
    """One undoable action: what it was, on which card, and what undoing it needs."""

    action: Action
    card_key: str
    answer: Answer | None = None  # a scheduled grade (its review-log row)
    flag_before: int = 0
    cram_queue: tuple[StudyCard, ...] = ()  # a cram grade: the queue before it
    cram_done: int = 0


@dataclass(frozen=True)
class Summary:
    """The end of a sitting in numbers (the done page says them in words)."""

    cramming: bool
    reviews: int  # grades given (a cram's cards gone through)
    cards: int  # different cards graded
    minutes: int
    again_percent: int


@dataclass
class ReviewSession:
    """A review (or, with ``cram``, a drill that leaves the schedule alone) of one deck."""

    reviews: ReviewsService
    deck_id: str
    cram: bool = False
    ahead: bool = False  # study cards due after today
    cram_seed: int | None = None
    card: StudyCard | None = None
    revealed: bool = False
    answers: list[Answer] = field(default_factory=list)  # this sitting's scheduled grades
    steps: list[Step] = field(default_factory=list)  # what Ctrl+Z takes back, latest last
    started_at: datetime | None = None
    shown_at: datetime | None = None
    cram_queue: list[StudyCard] = field(default_factory=list)
    cram_done: int = 0

    def __post_init__(self) -> None:
        self.started_at = self.reviews.clock()
        if self.cram:
            self.cram_queue = self.reviews.cram_cards(self.deck_id, seed=self.cram_seed)

    def continue_ahead(self) -> None:
        """The same sitting goes on with cards due later (the done page's "Study ahead")."""
        self.ahead = True

    # -- the queue ------------------------------------------------------------------------
    def next(self) -> StudyCard | None:
        """Brings up the next card (None: done for now) with its answer hidden."""
        if self.cram:
            card = self.cram_queue[0] if self.cram_queue else None
        else:
            card = self.reviews.next_card(self.deck_id, ahead=self.ahead)
        self._show(card)
        return card

    def _show(self, card: StudyCard | None) -> None:
        self.card = card
        self.revealed = False
        self.shown_at = self.reviews.clock()

    def reveal(self) -> bool:
        if self.card is None or self.revealed:
            return False
        self.revealed = True
        return True

    def progress(self) -> tuple[int, int]:
        """(done, left): this sitting's grades and what is still to come today."""
        if self.cram:
            return self.cram_done, len(self.cram_queue)
        return len(self.answers), self.reviews.counts(self.deck_id).total

    def elapsed_ms(self) -> int:
        """How long the card has been on screen, capped at :data:`MAX_ANSWER_MS`."""
        if self.shown_at is None:
            return 0
        seconds = (self.reviews.clock() - self.shown_at).total_seconds()
        return max(0, min(MAX_ANSWER_MS, round(seconds * 1000)))

    # -- grading --------------------------------------------------------------------------
    def grade(self, rating: int) -> Answer | None:
        """Grades the shown card (after its answer is shown) and moves on. In a cram the
        schedule is untouched and Again puts the card back a few places later. Returns the
        stored answer (None in a cram). Raises StoreError when it cannot be saved."""
        if self.card is None or not self.revealed or rating not in RATINGS:
            return None
        if self.cram:
            before, done_before = tuple(self.cram_queue), self.cram_done
            card = self.cram_queue.pop(0)
            if rating == AGAIN:
                self.cram_queue.insert(min(CRAM_AGAIN_GAP, len(self.cram_queue)), card)
            else:
                self.cram_done += 1
            self.steps.append(Step(Action.GRADE, card.key, cram_queue=before,
                                   cram_done=done_before))
            self.next()
            return None
        answer = self.reviews.answer(self.card.key, rating, self.elapsed_ms())
        self.answers.append(answer)
        self.steps.append(Step(Action.GRADE, answer.card_key, answer=answer))
        self.next()
        return answer

    # -- the card's own marks --------------------------------------------------------------
    def bury(self) -> Step | None:
        """Out of today's queue; the next card comes up."""
        if self.card is None or self.cram:
            return None
        self.reviews.bury(self.card.key)
        return self._did(Step(Action.BURY, self.card.key), move_on=True)

    def suspend(self) -> Step | None:
        """Out of every queue until unsuspended; the next card comes up."""
        if self.card is None or self.cram:
            return None
        self.reviews.suspend(self.card.key)
        return self._did(Step(Action.SUSPEND, self.card.key), move_on=True)

    def toggle_flag(self) -> Step | None:
        if self.card is None or self.cram:
            return None
        before = self.card.flag
        self.reviews.set_flag(self.card.key, 0 if before else 1)
        self.card.flag = 0 if before else 1
        action = Action.FLAG if self.card.flag else Action.UNFLAG
        return self._did(Step(action, self.card.key, flag_before=before), move_on=False)

    def _did(self, step: Step, move_on: bool) -> Step:
        self.steps.append(step)
        if move_on:
            self.next()
        return step

    # -- undo -----------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self.steps)

    def undo(self) -> Step | None:
        """Takes back the latest action of this sitting and shows its card again as it was
        (answer hidden). Raises StoreError when the store refuses (the step is kept)."""
        if not self.steps:
            return None
        step = self.steps[-1]
        if step.action is Action.GRADE and step.answer is not None:
            self.reviews.undo(step.answer.review_id)
            if step.answer in self.answers:
                self.answers.remove(step.answer)
        elif step.action is Action.GRADE:
            self.cram_queue = list(step.cram_queue)
            self.cram_done = step.cram_done
        elif step.action is Action.BURY:
            self.reviews.unbury(step.card_key)
        elif step.action is Action.SUSPEND:
            self.reviews.suspend(step.card_key, False)
        else:
            self.reviews.set_flag(step.card_key, step.flag_before)
        self.steps.pop()
        if self.cram:
            self._show(self.cram_queue[0] if self.cram_queue else None)
        elif step.action in (Action.FLAG, Action.UNFLAG) and self.card is not None \
                and self.card.key == step.card_key:
            self.card.flag = step.flag_before  # the card stays as shown
        else:
            self._show(self.reviews.show(step.card_key))
        return step

    # -- the end --------------------------------------------------------------------------
    def summary(self) -> Summary:
        started = self.started_at or self.reviews.clock()
        seconds = max(1.0, (self.reviews.clock() - started).total_seconds())
        if self.cram:
            return Summary(True, self.cram_done, self.cram_done, max(1, round(seconds / 60)), 0)
        reviewed = len(self.answers)
        again = sum(1 for a in self.answers if a.rating == AGAIN)
        return Summary(False, reviewed, len({a.card_key for a in self.answers}),
                       max(1, round(seconds / 60)),
                       round(100 * again / reviewed) if reviewed else 0)
