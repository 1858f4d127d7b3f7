"""The Cards view: the deck list, the review screen, the done state, cram and browse.

Keys (a contract, ARCHITECTURE.md "Keys of the study screens"): the deck list opens with
"The four relationships" selected and Enter starts reviewing it; in a review Space or Enter
shows the answer, 1 2 3 4 grade Again / Hard / Good / Easy, B buries, S suspends, F flags
(each says what it did, "Ctrl+Z to undo"), Ctrl+Z takes back the latest of them and Esc
leaves. The rules of a sitting live in ``core.review_session.ReviewSession`` (queue, cram,
undo, timing, summary); this view only draws it. Every grade is committed before the next
card shows.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.report import Report
from studyapp.core.review_session import Action, ReviewSession, Step
from studyapp.core.scheduling import GOOD
from studyapp.core.store import Store, StoreError
from studyapp.core.store.reviews import StudyCard
from studyapp.ui.card_labels import interval_label, when_label
from studyapp.ui.card_review import ReviewPage, StatePage
from studyapp.ui.deck_list import DeckList
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours, reading_font


class FlashcardsView(QWidget):
    """Decks, review, done: the Cards view of the main window."""

    read_in_context = Signal(str, str)  # section id, the quote to highlight
    status_message = Signal(str)

    def __init__(self, store: Store, report: Report, settings: QSettings, colours: Colours,
                 parent: QWidget | None = None, menu: QMenu | None = None) -> None:
        """``menu``: where the card actions go (the window's Cards menu); one of its own
        when None."""
        super().__init__(parent)
        self.setObjectName("FlashcardsView")
        self._store = store
        self._report = report
        self._settings = settings
        self._colours = colours
        self.deck_id: str | None = None
        self.session: ReviewSession | None = None

        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        # the deck list
        self.deck_page = QWidget()
        heading = QLabel(self.tr("Flashcards"))
        heading.setProperty("role", "heading")
        self.deck_hint = QLabel(self.tr("Choose a deck and press Enter to review it. The schedule "
                                        "brings each card back just before you would forget it."))
        self.deck_hint.setProperty("role", "muted")
        self.deck_hint.setWordWrap(True)
        self.decks = DeckList(colours)
        self.decks.start_requested.connect(self.start)
        self.study_button = QPushButton(self.tr("Study"))
        self.study_button.setObjectName("StudyDeck")
        self.study_button.setDefault(True)
        self.study_button.clicked.connect(lambda: self.start(self.decks.current_deck() or ""))
        self.cram_button = QPushButton(self.tr("Cram"))
        self.cram_button.setToolTip(self.tr("Drill every card of the deck; the schedule is not "
                                            "changed"))
        self.cram_button.clicked.connect(lambda: self.cram(self.decks.current_deck() or ""))
        self.browse_button = QPushButton(self.tr("Browse"))
        self.browse_button.setIcon(icon("search", colours.text))
        self.browse_button.clicked.connect(lambda: self.browse(self.decks.current_deck() or ""))
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.setToolTip(self.tr("Daily limits, desired retention, and fitting "
                                                "the schedule to your own history"))
        self.schedule_button.clicked.connect(self.edit_schedule)
        for button in (self.study_button, self.cram_button, self.browse_button,
                       self.schedule_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.study_button)
        buttons.addWidget(self.cram_button)
        buttons.addWidget(self.browse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.schedule_button)
        deck_layout = QVBoxLayout(self.deck_page)
        deck_layout.setContentsMargins(32, 24, 32, 24)
        deck_layout.setSpacing(12)
        deck_layout.addWidget(heading)
        deck_layout.addWidget(self.deck_hint)
        deck_layout.addWidget(self.decks, 1)
        deck_layout.addLayout(buttons)
        self.deck_page.setMaximumWidth(900)
        deck_holder = QWidget()
        holder_layout = QHBoxLayout(deck_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.deck_page)
        self.stack.addWidget(deck_holder)
        self._deck_holder = deck_holder

        # the review
        self.review = ReviewPage(colours)
        self.review.face.show_requested.connect(self.reveal)
        self.review.face.grade_requested.connect(self.grade)
        self.review.face.undo_requested.connect(self.undo)
        self.review.face.leave_requested.connect(self.leave)
        self.review.face.context_button.clicked.connect(self._read_in_context)
        self.review.show_button.clicked.connect(self.reveal)
        self.review.back_button.clicked.connect(self.leave)
        for rating, button in self.review.grades.items():
            button.clicked.connect(lambda _checked=False, r=rating: self.grade(r))
        self.card_menu = menu if menu is not None else QMenu(self.tr("&Cards"), self)
        self.actions_by_name = self._make_actions()
        self.review.more_button.setMenu(self.card_menu)
        self.stack.addWidget(self.review)

        # done
        self.done = StatePage(colours)
        self.done.back_button.clicked.connect(self.leave)
        self.done.ahead_button.clicked.connect(lambda: self.start(self.deck_id or "",
                                                                  ahead=True))
        self.done.cram_button.clicked.connect(lambda: self.cram(self.deck_id or ""))
        self.stack.addWidget(self.done)
        self._stale = True  # the deck list is filled when first shown, not at start-up

    def _make_actions(self) -> dict[str, QAction]:
        def action(name: str, text: str, shortcut: str, slot: object) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.setShortcut(QKeySequence(shortcut))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            # Ctrl+Z works on the done page too: burying the last card must be undoable.
            (self if name == "undo_grade" else self.review).addAction(made)
            self.card_menu.addAction(made)
            return made

        return {
            "undo": action("undo_grade", self.tr("&Undo the last action"), "Ctrl+Z", self.undo),
            "flag": action("flag_card", self.tr("&Flag the card"), "F", self.toggle_flag),
            "bury": action("bury_card", self.tr("&Bury until tomorrow"), "B", self.bury),
            "suspend": action("suspend_card", self.tr("&Suspend the card"), "S", self.suspend),
            "info": action("card_info", self.tr("Card &info…"), "I", self.show_info),
            "context": action("read_context", self.tr("&Read in context"), "R",
                              self._read_in_context),
        }

    # -- the deck list --------------------------------------------------------------------
    def refresh(self) -> None:
        """Shows the decks and their counts as they are now (at once if the view is on
        screen, else when it is next shown)."""
        self._stale = True
        if self.isVisible():
            self._fill_decks()

    def _fill_decks(self) -> None:
        self._stale = False
        self.decks.show_decks(self._store.reviews.decks(), self._store.reviews.deck_counts())

    def open_deck(self, deck_id: str) -> bool:
        """Selects a deck in the list (e.g. the reader's "Practise this section")."""
        self._fill_decks()
        if not self.decks.has_deck(deck_id):
            return False
        self.stack.setCurrentWidget(self._deck_holder)
        self.decks.select(deck_id)
        self.decks.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def focus_current(self) -> None:
        current = self.stack.currentWidget()
        if current is self.review:
            self.review.face.setFocus(Qt.FocusReason.OtherFocusReason)
        elif current is self.done:
            self.done.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.decks.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self.stack.currentWidget() is self._deck_holder:
            self._fill_decks()
        self.focus_current()

    # -- reviewing ------------------------------------------------------------------------
    @property
    def card(self) -> StudyCard | None:
        return self.session.card if self.session else None

    @property
    def revealed(self) -> bool:
        return self.session is not None and self.session.revealed

    @property
    def cramming(self) -> bool:
        return self.session is not None and self.session.cram

    def start(self, deck_id: str, ahead: bool = False) -> None:
        if not deck_id:
            return
        self.deck_id = deck_id
        if ahead and self.session is not None and not self.session.cram:
            self.session.continue_ahead()
        else:
            self.session = ReviewSession(self._store.reviews, deck_id, ahead=ahead)
        self.review.title.setText(self._deck_title(deck_id))
        self.review.notice.hide()
        self._say("")
        self._next()

    def _deck_title(self, deck_id: str) -> str:
        try:
            return self._store.reviews.deck(deck_id).title
        except StoreError:
            return ""

    def cram(self, deck_id: str) -> None:
        if not deck_id:
            return
        self.deck_id = deck_id
        self.session = ReviewSession(self._store.reviews, deck_id, cram=True)
        self.review.title.setText(self.tr("Cram: {deck}").format(deck=self._deck_title(deck_id)))
        self.review.notice.setText(self.tr("Cramming: grades here do not change the schedule."))
        self.review.notice.show()
        self._say("")
        self._next()

    def _next(self) -> None:
        """Shows what the session has up now: a card, or the done page."""
        if self.session is None:
            return
        if self.session.card is None:
            self.session.next()
        self._draw()

    def _draw(self) -> None:
        session = self.session
        if session is None:
            return
        if session.card is None:
            self._show_done()
            return
        self.review.face.show_card(session.card, reading_font(self._zoom()),
                                   revealed=session.revealed)
        self._show_buttons()
        self._show_left()
        self.stack.setCurrentWidget(self.review)
        self.review.face.setFocus(Qt.FocusReason.OtherFocusReason)

    def _zoom(self) -> int:
        try:
            return int(str(self._settings.value("reader/zoom", 0)))
        except ValueError:
            return 0

    def _show_buttons(self) -> None:
        self.review.show_button.setVisible(not self.revealed)
        for rating, button in self.review.grades.items():
            button.setVisible(self.revealed)
            outcome = self.card.previews.get(rating) if self.card else None
            button.set_interval(interval_label(outcome.interval) if outcome else "")
        self.actions_by_name["undo"].setEnabled(bool(self.session and self.session.can_undo))
        for name in ("flag", "bury", "suspend", "info"):
            self.actions_by_name[name].setEnabled(not self.cramming)
        self.actions_by_name["context"].setEnabled(
            self.revealed and self.card is not None and bool(self.card.section_id))
        if self.card is not None:
            self.actions_by_name["flag"].setText(
                self.tr("Remove the &flag") if self.card.flag else self.tr("&Flag the card"))

    def _show_left(self) -> None:
        if self.session is None:
            return
        done, left = self.session.progress()
        if self.cramming:
            self.review.left_today.setText(self.tr("{n} to go").format(n=left))
        else:
            counts = self._store.reviews.counts(self.session.deck_id)
            self.review.left_today.setText(
                self.tr("New {new} · Learning {learning} · Review {review}").format(
                    new=counts.new, learning=counts.learning, review=counts.review))
            self.review.left_today.setToolTip(self.tr("Left today in this deck"))
        self.review.progress.setRange(0, max(1, done + left))
        self.review.progress.setValue(done)

    def _say(self, text: str) -> None:
        """What the last key did, in the review itself (and on the done page)."""
        for label in (self.review.did, self.done.did):
            label.setText(text)
            label.setVisible(bool(text))
        if text:
            self.status_message.emit(text)

    def reveal(self) -> None:
        if self.session is None or self.stack.currentWidget() is not self.review:
            return
        if self.session.revealed:
            self.grade(GOOD)  # Enter again after the answer: the usual choice, as in Anki
            return
        if self.session.reveal():
            self.review.face.reveal(True, self.session.card)
            self._show_buttons()
            self.review.face.setFocus(Qt.FocusReason.OtherFocusReason)

    def grade(self, rating: int) -> None:
        session = self.session
        if session is None or self.stack.currentWidget() is not self.review:
            return
        graded, steps = session.card, len(session.steps)
        try:
            answer = session.grade(rating)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Flashcards"), str(error))
            return
        if len(session.steps) == steps:
            return  # not graded (the answer not shown yet, or not a grade)
        self._say("")
        if answer is not None and answer.became_leech and graded is not None:
            self.review.notice.setText(
                self.tr("“{front}” has been forgotten {n} times: it is tagged as a leech{s}. "
                        "Rewording it, or reading its passage again, usually helps.").format(
                    front=_short(graded.front), n=answer.outcome.memory.lapses,
                    s=self.tr(" and suspended") if answer.suspended else ""))
            self.review.notice.show()
        self._draw()

    def undo(self) -> None:
        if self.session is None or not self.session.can_undo:
            return
        try:
            step = self.session.undo()
        except StoreError as error:
            self._say(str(error))
            return
        if step is None:
            return
        texts = {
            Action.GRADE: self.tr("Grade undone: the card is back as it was."),
            Action.BURY: self.tr("Bury undone: the card is back in today's reviews."),
            Action.SUSPEND: self.tr("Suspension undone: the card is back in your reviews."),
            Action.FLAG: self.tr("Flag undone."),
            Action.UNFLAG: self.tr("The flag is back."),
        }
        self._draw()
        self._say(texts[step.action])

    def leave(self) -> None:
        self.session = None
        self.stack.setCurrentWidget(self._deck_holder)
        self._fill_decks()
        if self.deck_id:
            self.decks.select(self.deck_id)
        self.decks.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_done(self) -> None:
        page = self.done
        summary = self.session.summary() if self.session else None
        if summary is not None and summary.cramming:
            page.heading.setText(self.tr("Cram finished"))
            page.summary.setText(self.tr("You went through {n} cards. The schedule is unchanged."
                                         ).format(n=summary.reviews))
            page.next_due.setText("")
        elif summary is not None and summary.reviews:
            page.heading.setText(self.tr("All done for today"))
            page.summary.setText(
                self.tr("You studied {cards} cards in {minutes} min ({n} reviews, again {again}%)."
                        ).format(cards=summary.cards, n=summary.reviews, minutes=summary.minutes,
                                 again=summary.again_percent))
        else:
            counts_total = self._store.reviews.card_counts()["total"]
            has_cards = bool(self._store.reviews.cram_cards(self.deck_id or "", limit=1)) \
                if self.deck_id else False
            if not has_cards:
                page.heading.setText(self.tr("No cards in this deck"))
                page.summary.setText(self.tr(
                    "Import a question set with flashcards (File → Import question set) or "
                    "choose another deck.") if not counts_total else self.tr(
                    "Every card here is suspended. Unsuspend them from Browse, or choose "
                    "another deck."))
            else:
                page.heading.setText(self.tr("All done for today"))
                page.summary.setText(self.tr("Nothing is due in this deck now."))
        if not self.cramming and self.deck_id:
            due = self._store.reviews.next_due(self.deck_id)
            now = self._store.reviews.clock()
            text = self.tr("The next card is due {when}.").format(when=when_label(due, now)) \
                if due else ""
            if self._store.reviews.new_left_today() == 0:
                text += " " + self.tr("You have learnt today's {n} new cards; more come tomorrow."
                                      ).format(n=self._store.reviews.settings().new_per_day)
            page.next_due.setText(text.strip())
            page.ahead_button.setVisible(due is not None)
        else:
            page.ahead_button.setVisible(False)
        self.actions_by_name["undo"].setEnabled(bool(self.session and self.session.can_undo))
        self.stack.setCurrentWidget(page)
        page.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the card's own marks: each says what it did, and Ctrl+Z takes it back -----------
    def _marked(self, step: Step | None, text: str) -> None:
        if step is None:
            return
        self._draw()
        self._say(self.tr("{did} Ctrl+Z to undo.").format(did=text))

    def toggle_flag(self) -> None:
        if self.session is not None:
            step = self.session.toggle_flag()
            self._marked(step, self.tr("Flagged.") if step and step.action is Action.FLAG
                         else self.tr("Flag removed."))

    def bury(self) -> None:
        if self.session is not None:
            self._marked(self.session.bury(), self.tr("Buried until tomorrow."))

    def suspend(self) -> None:
        if self.session is not None:
            self._marked(self.session.suspend(), self.tr(
                "Suspended: the card stays out of reviews until you unsuspend it in Browse."))

    def show_info(self) -> None:
        if self.card is not None and not self.cramming:
            from studyapp.ui.card_dialogs import CardInfoDialog

            CardInfoDialog(self._store, self.card.key, self).exec()

    def _read_in_context(self) -> None:
        if self.card is not None and self.card.section_id and self.revealed:
            self.read_in_context.emit(self.card.section_id, self.card.evidence)

    # -- browse and schedule --------------------------------------------------------------
    def browse(self, deck_id: str) -> None:
        if deck_id:
            from studyapp.ui.card_dialogs import BrowseDialog

            BrowseDialog(self._store, deck_id, self._deck_title(deck_id), self).exec()
            self.refresh()

    def edit_schedule(self) -> None:
        from studyapp.ui.schedule_dialog import ScheduleDialog

        ScheduleDialog(self._store, self).exec()
        self.refresh()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
