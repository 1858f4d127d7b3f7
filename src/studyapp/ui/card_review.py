"""The Cards view's pages: the card face (which turns keys into requests), the grade
buttons, the review page and the done state."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.scheduling import RATINGS
from studyapp.core.store.reviews import StudyCard
from studyapp.ui.card_labels import grade_names
from studyapp.ui.icons import icon
from studyapp.ui.theme import Colours


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

    def keyPressEvent(self, event: QKeyEvent) -> None:
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


def did_label() -> QLabel:
    """Where the review says what B, S, F or Ctrl+Z just did ("… Ctrl+Z to undo")."""
    label = QLabel()
    label.setObjectName("ReviewDid")
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.hide()
    return label


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
        self.did = did_label()

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
        layout.addWidget(self.did)
        layout.addWidget(self.face, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(grade_row)

    def resizeEvent(self, event: object) -> None:
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
        self.did = did_label()
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
        layout.addWidget(self.did)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_button.click()
        else:
            super().keyPressEvent(event)
