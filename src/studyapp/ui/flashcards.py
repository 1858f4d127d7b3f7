"""The Cards view: the deck list, the review screen, the done state, cram and browse.

Keys (a contract, ARCHITECTURE.md "Keys of the study screens"): the deck list opens with
"The four relationships" selected and Enter starts reviewing it; in a review Space or Enter
shows the answer, 1 2 3 4 grade Again / Hard / Good / Easy, Ctrl+Z undoes the last grade
and Esc leaves. The view asks ``store.reviews`` for everything; every grade is committed
before the next card shows.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.decks import RELATIONSHIPS_DECK, Deck
from studyapp.core.report import Report
from studyapp.core.scheduling import AGAIN, EASY, GOOD, HARD, RATINGS, STATE_NAMES
from studyapp.core.store import Store, StoreError
from studyapp.core.store.reviews import Answer, DeckCounts, StudyCard
from studyapp.ui.formatting import QT_TRANSLATE_NOOP
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours, reading_font

# Module-level text: translate("Context", ...) (lupdate knows this name).
translate = QCoreApplication.translate

MAX_ANSWER_MS = 60_000  # a card left on screen over lunch counts as a minute
DECK_ROLE = Qt.ItemDataRole.UserRole
# Core's card states (STATE_NAMES) as shown, through state_label(); marked for lupdate.
_STATES = (QT_TRANSLATE_NOOP("Flashcards", "new"), QT_TRANSLATE_NOOP("Flashcards", "learning"),
           QT_TRANSLATE_NOOP("Flashcards", "review"), QT_TRANSLATE_NOOP("Flashcards", "relearning"))


def state_label(state: str) -> str:
    """A card state's name ("new", "review") as shown."""
    return translate("Flashcards", state)




def grade_names() -> dict[int, str]:
    return {AGAIN: translate("Flashcards", "Again"), HARD: translate("Flashcards", "Hard"),
            GOOD: translate("Flashcards", "Good"), EASY: translate("Flashcards", "Easy")}


def interval_label(interval: timedelta) -> str:
    """Short, like Anki's: "1m", "10m", "3h", "4d", "1.2mo", "2.1y"."""
    minutes = interval.total_seconds() / 60
    if minutes < 60:
        return translate("Flashcards", "{n}m").format(n=max(1, round(minutes)))
    hours = minutes / 60
    if hours < 24:
        return translate("Flashcards", "{n}h").format(n=round(hours))
    days = hours / 24
    if days < 30:
        return translate("Flashcards", "{n}d").format(n=round(days))
    if days < 365:
        return translate("Flashcards", "{n}mo").format(n=f"{days / 30:.1f}".rstrip("0").rstrip("."))
    return translate("Flashcards", "{n}y").format(n=f"{days / 365:.1f}".rstrip("0").rstrip("."))


def when_label(moment: datetime, now: datetime) -> str:
    """When the next card is due, in the learner's own time."""
    local = moment.astimezone()
    if moment - now < timedelta(hours=1):
        minutes = max(1, round((moment - now).total_seconds() / 60))
        return (translate("Flashcards", "in {n} minutes").format(n=minutes) if minutes > 1
                else translate("Flashcards", "in a minute"))
    if local.date() == now.astimezone().date():
        return translate("Flashcards", "today at {time}").format(time=local.strftime("%H:%M"))
    if local.date() == (now.astimezone() + timedelta(days=1)).date():
        return translate("Flashcards", "tomorrow at {time}").format(time=local.strftime("%H:%M"))
    return translate("Flashcards", "on {date}").format(date=local.strftime("%d %b %Y"))


class DeckList(QTreeWidget):
    """Decks with their new / learning / due counts; Enter or a double click starts."""

    start_requested = Signal(str)

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeckList")
        self.setAccessibleName(self.tr("Decks"))
        self._colours = colours
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Deck"), self.tr("New"), self.tr("Learning"), self.tr("Due")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        for column in (1, 2, 3):
            self.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                               | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 84)
        self.itemActivated.connect(self._activated)
        self._items: dict[str, QTreeWidgetItem] = {}

    def show_decks(self, decks: list[Deck], counts: dict[str, DeckCounts]) -> None:
        current = self.current_deck() or RELATIONSHIPS_DECK
        expanded = {deck_id for deck_id, item in self._items.items() if item.isExpanded()}
        first_time = not self._items
        self.clear()
        self._items = {}
        parents: list[QTreeWidgetItem] = []
        for deck in decks:
            title = self.tr("Set: {title}").format(title=deck.title) if deck.kind == "set" \
                else deck.title
            item = QTreeWidgetItem([title, "", "", ""])
            item.setData(0, DECK_ROLE, deck.id)
            item.setToolTip(0, deck.title)
            if deck.kind in ("relationships", "report", "set"):
                font = item.font(0)
                font.setWeight(QFont.Weight.DemiBold)
                item.setFont(0, font)
            self._set_counts(item, counts.get(deck.id, DeckCounts()))
            depth = deck.depth
            del parents[depth:]
            if deck.kind in ("relationships", "set"):
                parents.clear()
            if parents and depth > 0:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
                parents.clear()
            parents.append(item)
            self._items[deck.id] = item
        for deck_id, item in self._items.items():
            item.setExpanded(deck_id in expanded or (first_time and deck_id == "report"))
        self.select(current if current in self._items else RELATIONSHIPS_DECK)

    def _set_counts(self, item: QTreeWidgetItem, counts: DeckCounts) -> None:
        for column, value in ((1, counts.new), (2, counts.learning), (3, counts.review)):
            item.setText(column, str(value))
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            if not value:
                item.setForeground(column, self.palette().placeholderText())

    def select(self, deck_id: str) -> None:
        item = self._items.get(deck_id)
        if item is not None:
            parent = item.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def current_deck(self) -> str | None:
        item = self.currentItem()
        return str(item.data(0, DECK_ROLE)) if item is not None else None

    def has_deck(self, deck_id: str) -> bool:
        return deck_id in self._items

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.start_requested.emit(str(item.data(0, DECK_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            deck_id = self.current_deck()
            if deck_id:
                self.start_requested.emit(deck_id)
            return
        super().keyPressEvent(event)


class CardFace(QFrame):
    """The card, centred: front, and once shown the back, evidence and source link.

    It holds the keyboard focus during a review and turns the keys into requests."""

    show_requested = Signal()
    grade_requested = Signal(int)
    undo_requested = Signal()
    leave_requested = Signal()

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardFace")
        self.setAccessibleName(self.tr("Flashcard"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            f"QFrame#CardFace {{ background: {colours.base}; border: 1px solid "
            f"{colours.border}; border-radius: 12px; }}"
            f"QFrame#CardFace:focus {{ border: 2px solid {colours.accent}; }}"
            "QFrame#CardFace QLabel { background: transparent; border: none; }"
        )
        self.setMaximumWidth(760)
        self.flag = QLabel()
        self.flag.setProperty("role", "muted")
        self.flag.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.front = QLabel()
        self.front.setObjectName("CardFront")
        self.back = QLabel()
        self.back.setObjectName("CardBack")
        for label in (self.front, self.back):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setStyleSheet(f"color: {colours.border}; background: {colours.border};")
        self.rule.setFixedHeight(1)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setProperty("role", "muted")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.evidence = QLabel()
        self.evidence.setObjectName("CardEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.evidence.setStyleSheet(f"color: {colours.muted}; font-style: italic;")
        self.context_button = QPushButton(self.tr("Read in context"))
        self.context_button.setObjectName("ReadInContext")
        self.context_button.setIcon(icon("book-open", colours.text))
        self.context_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.context_button.setToolTip(self.tr("Open the report at this passage (R)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 32)
        layout.setSpacing(16)
        layout.addWidget(self.flag)
        layout.addSpacing(48)  # the front stays put when the back appears
        layout.addWidget(self.front)
        layout.addWidget(self.rule)
        layout.addWidget(self.back)
        layout.addWidget(self.explanation)
        layout.addWidget(self.evidence)
        layout.addWidget(self.context_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_card(self, card: StudyCard, font: QFont, revealed: bool) -> None:
        front_font = QFont(font)
        front_font.setPointSizeF(font.pointSizeF() * 1.35)
        self.front.setFont(front_font)
        self.back.setFont(font)
        self.front.setText(card.front)
        self.back.setText(card.back)
        self.explanation.setText(card.explanation)
        self.evidence.setText(f"“{card.evidence}”" if card.evidence else "")
        marks = []
        if card.flag:
            marks.append(self.tr("⚑ Flagged"))
        if card.leech:
            marks.append(self.tr("Leech"))
        self.flag.setText(" · ".join(marks))
        self.reveal(revealed, card)

    def reveal(self, revealed: bool, card: StudyCard | None = None) -> None:
        self.rule.setVisible(revealed)
        self.back.setVisible(revealed)
        self.explanation.setVisible(revealed and bool(self.explanation.text()))
        self.evidence.setVisible(revealed and bool(self.evidence.text()))
        self.context_button.setVisible(revealed and card is not None and bool(card.section_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif plain and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_requested.emit()
        elif plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.grade_requested.emit(int(key) - int(Qt.Key.Key_0))
        elif key == Qt.Key.Key_Escape:
            self.leave_requested.emit()
        else:
            super().keyPressEvent(event)


class GradeButton(QPushButton):
    def __init__(self, rating: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating = rating
        self.setObjectName(f"Grade{rating}")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumSize(QSize(128, 56))

    def set_interval(self, text: str) -> None:
        name = grade_names()[self.rating]
        self.setText(f"{name}\n{text} · {self.rating}" if text else f"{name}\n{self.rating}")
        self.setAccessibleName(f"{name} {text}".strip())


class ReviewPage(QWidget):
    """One card at a time; what is left today above, the grades below."""

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.left_today = QLabel()
        self.left_today.setObjectName("LeftToday")
        self.left_today.setProperty("role", "muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(4)
        self.back_button = QPushButton(self.tr("Decks"))
        self.back_button.setIcon(icon("chevron-left", colours.text))
        self.back_button.setToolTip(self.tr("Leave the review (Esc)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.more_button = QPushButton(self.tr("Card"))
        self.more_button.setToolTip(self.tr("Undo, flag, bury, suspend, card info"))
        self.more_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.left_today)
        top.addSpacing(8)
        top.addWidget(self.more_button)

        self.notice = QLabel()
        self.notice.setObjectName("ReviewNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            f"QLabel#ReviewNotice {{ background: {colours.alternate}; border: 1px solid "
            f"{colours.border}; border-radius: 8px; padding: 8px 12px; }}")
        self.notice.hide()

        self.face = CardFace(colours)
        self.show_button = QPushButton(self.tr("Show answer") + "   " + self.tr("Space"))
        self.show_button.setObjectName("ShowAnswer")
        self.show_button.setMinimumSize(QSize(260, 56))
        self.show_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.grades = {rating: GradeButton(rating) for rating in RATINGS}
        grade_row = QHBoxLayout()
        grade_row.setSpacing(8)
        grade_row.addStretch(1)
        grade_row.addWidget(self.show_button)
        for button in self.grades.values():
            grade_row.addWidget(button)
        grade_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        layout.addWidget(self.face, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(grade_row)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.face.setMinimumWidth(min(760, max(320, self.width() - 96)))


class StatePage(QWidget):
    """The done state (and the empty one): what was achieved and what comes next."""

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setPixmap(icon("circle-check", colours.success).pixmap(QSize(56, 56)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel()
        self.heading.setObjectName("DoneHeading")
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setObjectName("DoneSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_due = QLabel()
        self.next_due.setObjectName("NextDue")
        self.next_due.setProperty("role", "muted")
        self.next_due.setWordWrap(True)
        self.next_due.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ahead_button = QPushButton(self.tr("Study ahead"))
        self.ahead_button.setObjectName("StudyAhead")
        self.cram_button = QPushButton(self.tr("Cram this deck"))
        self.cram_button.setObjectName("CramDeck")
        self.back_button = QPushButton(self.tr("Back to the decks"))
        self.back_button.setObjectName("BackToDecks")
        self.back_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.ahead_button, self.cram_button, self.back_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addSpacing(8)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.next_due)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.back_button.click()
        else:
            super().keyPressEvent(event)


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
        self.card: StudyCard | None = None
        self.revealed = False
        self.cramming = False
        self._cram_queue: list[StudyCard] = []
        self._shown_at = 0.0
        self._undo: list[Answer] = []
        self._session: list[Answer] = []
        self._cram_done = 0
        self._session_started = time.monotonic()
        self._ahead = False

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
            self.review.addAction(made)
            self.card_menu.addAction(made)
            return made

        return {
            "undo": action("undo_grade", self.tr("&Undo the last grade"), "Ctrl+Z", self.undo),
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale or self.stack.currentWidget() is self._deck_holder:
            self._fill_decks()
        self.focus_current()

    # -- reviewing ------------------------------------------------------------------------
    def start(self, deck_id: str, ahead: bool = False) -> None:
        if not deck_id:
            return
        self.deck_id = deck_id
        self.cramming = False
        if not ahead:
            self._session = []
            self._undo = []
            self._session_started = time.monotonic()
        self._ahead = ahead
        self.review.title.setText(self._deck_title(deck_id))
        self.review.notice.hide()
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
        self.cramming = True
        self._cram_done = 0
        self._session = []
        self._undo = []
        self._session_started = time.monotonic()
        self._cram_queue = self._store.reviews.cram_cards(deck_id)
        self.review.title.setText(self.tr("Cram: {deck}").format(deck=self._deck_title(deck_id)))
        self.review.notice.setText(self.tr("Cramming: grades here do not change the schedule."))
        self.review.notice.show()
        self._next()

    def _next(self) -> None:
        if self.deck_id is None:
            return
        if self.cramming:
            card = self._cram_queue[0] if self._cram_queue else None
        else:
            card = self._store.reviews.next_card(self.deck_id, ahead=self._ahead)
        if card is None:
            self._show_done()
            return
        self.card = card
        self.revealed = False
        self._shown_at = time.monotonic()
        self.review.face.show_card(card, reading_font(self._zoom()), revealed=False)
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
        self.actions_by_name["undo"].setEnabled(bool(self._undo))
        for name in ("flag", "bury", "suspend", "info"):
            self.actions_by_name[name].setEnabled(not self.cramming)
        self.actions_by_name["context"].setEnabled(
            self.revealed and self.card is not None and bool(self.card.section_id))
        if self.card is not None:
            self.actions_by_name["flag"].setText(
                self.tr("Remove the &flag") if self.card.flag else self.tr("&Flag the card"))

    def _show_left(self) -> None:
        if self.cramming or self.deck_id is None:
            left = len(self._cram_queue)
            self.review.left_today.setText(self.tr("{n} to go").format(n=left))
            done = self._cram_done
        else:
            counts = self._store.reviews.counts(self.deck_id)
            self.review.left_today.setText(
                self.tr("New {new} · Learning {learning} · Review {review}").format(
                    new=counts.new, learning=counts.learning, review=counts.review))
            self.review.left_today.setToolTip(self.tr("Left today in this deck"))
            left = counts.total
            done = len(self._session)
        self.review.progress.setRange(0, max(1, done + left))
        self.review.progress.setValue(done)

    def reveal(self) -> None:
        if self.card is None or self.stack.currentWidget() is not self.review:
            return
        if self.revealed:
            # Enter again after the answer: the usual choice, as in Anki.
            self.grade(GOOD)
            return
        self.revealed = True
        self.review.face.reveal(True, self.card)
        self._show_buttons()
        self.review.face.setFocus(Qt.FocusReason.OtherFocusReason)

    def grade(self, rating: int) -> None:
        if self.card is None or not self.revealed or rating not in RATINGS:
            return
        if self.stack.currentWidget() is not self.review:
            return
        if self.cramming:
            card = self._cram_queue.pop(0)
            if rating == AGAIN:
                self._cram_queue.insert(min(3, len(self._cram_queue)), card)
            else:
                self._cram_done += 1
            self._next()
            return
        elapsed = min(MAX_ANSWER_MS, round((time.monotonic() - self._shown_at) * 1000))
        try:
            answer = self._store.reviews.answer(self.card.key, rating, elapsed)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Flashcards"), str(error))
            return
        self._undo.append(answer)
        self._session.append(answer)
        if answer.became_leech:
            self.review.notice.setText(
                self.tr("“{front}” has been forgotten {n} times: it is tagged as a leech{s}. "
                        "Rewording it, or reading its passage again, usually helps.").format(
                    front=_short(self.card.front), n=answer.outcome.memory.lapses,
                    s=self.tr(" and suspended") if answer.suspended else ""))
            self.review.notice.show()
        self._next()

    def undo(self) -> None:
        if self.cramming or not self._undo:
            return
        answer = self._undo.pop()
        try:
            self._store.reviews.undo(answer.review_id)
        except StoreError as error:
            self.status_message.emit(str(error))
            return
        if answer in self._session:
            self._session.remove(answer)
        card = self._store.reviews.show(answer.card_key)
        self.card = card
        self.revealed = False
        self._shown_at = time.monotonic()
        self.review.face.show_card(card, reading_font(self._zoom()), revealed=False)
        self._show_buttons()
        self._show_left()
        self.stack.setCurrentWidget(self.review)
        self.review.face.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_message.emit(self.tr("Grade undone: the card is back as it was."))

    def leave(self) -> None:
        self.card = None
        self.cramming = False
        self.stack.setCurrentWidget(self._deck_holder)
        self._fill_decks()
        if self.deck_id:
            self.decks.select(self.deck_id)
        self.decks.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_done(self) -> None:
        self.card = None
        page = self.done
        reviewed = self._cram_done if self.cramming else len(self._session)
        if self.cramming:
            page.heading.setText(self.tr("Cram finished"))
            page.summary.setText(self.tr("You went through {n} cards. The schedule is unchanged."
                                         ).format(n=reviewed))
            page.next_due.setText("")
        elif reviewed:
            seconds = max(1, round(time.monotonic() - self._session_started))
            minutes = max(1, round(seconds / 60))
            again = sum(1 for a in self._session if a.rating == AGAIN)
            cards = len({a.card_key for a in self._session})
            page.heading.setText(self.tr("All done for today"))
            page.summary.setText(
                self.tr("You studied {cards} cards in {minutes} min ({n} reviews, again {again}%)."
                        ).format(cards=cards, n=reviewed, minutes=minutes,
                            again=round(100 * again / reviewed)))
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
        self.stack.setCurrentWidget(page)
        page.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the card's own marks -------------------------------------------------------------
    def toggle_flag(self) -> None:
        if self.card is None or self.cramming:
            return
        self._store.reviews.set_flag(self.card.key, 0 if self.card.flag else 1)
        self.card.flag = 0 if self.card.flag else 1
        self.review.face.show_card(self.card, reading_font(self._zoom()), self.revealed)
        self._show_buttons()
        self.status_message.emit(self.tr("Flagged.") if self.card.flag
                                 else self.tr("Flag removed."))

    def bury(self) -> None:
        if self.card is None or self.cramming:
            return
        self._store.reviews.bury(self.card.key)
        self.status_message.emit(self.tr("Buried until tomorrow."))
        self._next()

    def suspend(self) -> None:
        if self.card is None or self.cramming:
            return
        self._store.reviews.suspend(self.card.key)
        self.status_message.emit(self.tr("Suspended: the card stays out of reviews until you "
                                         "unsuspend it in Browse."))
        self._next()

    def show_info(self) -> None:
        if self.card is not None and not self.cramming:
            CardInfoDialog(self._store, self.card.key, self).exec()

    def _read_in_context(self) -> None:
        if self.card is not None and self.card.section_id and self.revealed:
            self.read_in_context.emit(self.card.section_id, self.card.evidence)

    # -- browse and schedule --------------------------------------------------------------
    def browse(self, deck_id: str) -> None:
        if deck_id:
            BrowseDialog(self._store, deck_id, self._deck_title(deck_id), self).exec()
            self.refresh()

    def edit_schedule(self) -> None:
        from studyapp.ui.schedule_dialog import ScheduleDialog

        ScheduleDialog(self._store, self).exec()
        self.refresh()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


class CardInfoDialog(QDialog):
    """A card's reviews, stability, difficulty, retrievability now and next due."""

    def __init__(self, store: Store, card_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card info"))
        self.setMinimumSize(520, 440)
        info = store.reviews.info(card_key)
        memory = info.card.memory
        facts = [
            (self.tr("Card"), info.card.front),
            (self.tr("State"), state_label(STATE_NAMES[memory.state])),
            (self.tr("Reviews"), str(len(info.reviews))),
            (self.tr("Lapses"), str(memory.lapses)),
            (self.tr("Stability"), self.tr("{d:.1f} days").format(d=memory.stability)
             if memory.stability is not None else "–"),
            (self.tr("Difficulty"), f"{memory.difficulty:.1f} / 10"
             if memory.difficulty is not None else "–"),
            (self.tr("Recall chance now"), f"{info.retrievability:.0%}"
             if info.retrievability is not None else "–"),
            (self.tr("Next due"), memory.due.astimezone().strftime("%d %b %Y %H:%M")
             if memory.due and memory.state else self.tr("new: not scheduled yet")),
            (self.tr("Time spent"), self.tr("{s} s").format(s=round(info.total_ms / 1000))),
        ]
        grid = QFormLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for name, value in facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addRow(QLabel(name), shown)
        names = grade_names()
        history = QTableWidget(len(info.reviews), 3)
        history.setObjectName("CardReviews")
        history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Grade"), self.tr("Time")])
        history.verticalHeader().hide()
        history.setShowGrid(False)
        history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, review in enumerate(reversed(info.reviews)):
            when = datetime.fromisoformat(review.reviewed_at).astimezone()
            history.setItem(row, 0, QTableWidgetItem(when.strftime("%d %b %Y %H:%M")))
            history.setItem(row, 1, QTableWidgetItem(names.get(review.rating, "?")))
            history.setItem(row, 2, QTableWidgetItem(
                self.tr("{s} s").format(s=round((review.duration_ms or 0) / 1000))))
        history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Reviews, newest first")))
        layout.addWidget(history, 1)
        layout.addWidget(buttons)


class BrowseDialog(QDialog):
    """A deck's cards in a searchable list with their state and due date."""

    def __init__(self, store: Store, deck_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._deck_id = deck_id
        self.setWindowTitle(self.tr("Browse: {deck}").format(deck=title))
        self.setMinimumSize(760, 520)
        self.search = QLineEdit()
        self.search.setObjectName("BrowseSearch")
        self.search.setPlaceholderText(self.tr("Search the fronts and backs"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.fill)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("BrowseTable")
        self.table.setHorizontalHeaderLabels([self.tr("Front"), self.tr("State"), self.tr("Due"),
                                              self.tr("Marks")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.suspend_button = QPushButton(self.tr("Suspend / unsuspend"))
        self.suspend_button.clicked.connect(self._toggle_suspend)
        self.info_button = QPushButton(self.tr("Card info…"))
        self.info_button.clicked.connect(self._info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.suspend_button)
        row.addWidget(self.info_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._keys: list[str] = []
        self._suspended: list[bool] = []
        self.fill()

    def fill(self) -> None:
        rows = self._store.reviews.browse(self._deck_id, self.search.text())
        self.table.setRowCount(len(rows))
        self._keys = [r.key for r in rows]
        self._suspended = [r.suspended for r in rows]
        for index, row in enumerate(rows):
            due = datetime.fromisoformat(row.due).astimezone().strftime("%d %b %Y") \
                if row.due else "–"
            marks = [m for m, on in ((self.tr("suspended"), row.suspended),
                                     (self.tr("buried"), row.buried),
                                     (self.tr("flagged"), bool(row.flag)),
                                     (self.tr("leech"), row.leech))
                     if on]
            cells = (row.front, state_label(row.state), due, ", ".join(marks))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(f"{row.front}\n\n{row.back}")
                self.table.setItem(index, column, item)
        self.count.setText(self.tr("{n} cards").format(n=len(rows)))

    def _current(self) -> int:
        return self.table.currentRow()

    def _toggle_suspend(self) -> None:
        index = self._current()
        if 0 <= index < len(self._keys):
            self._store.reviews.suspend(self._keys[index], not self._suspended[index])
            self.fill()
            self.table.selectRow(index)

    def _info(self) -> None:
        index = self._current()
        if 0 <= index < len(self._keys):
            CardInfoDialog(self._store, self._keys[index], self).exec()
