"""Small widgets and label helpers shared by the dialogs and the study views: the 8-pixel
grid, plain and muted labels, headings, a status-message row with its line icon, counts in a
quiet table, a centred column, and a yes/no question in the app's own words."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.icons import icon
from studyapp.ui.theme import ui_font

# The 8-pixel grid: outer margins, gaps between blocks, gaps inside a block.
MARGIN = 24
GAP = 16
SMALL_GAP = 8


def text_label(text: str = "", role: str | None = None, wrap: bool = True) -> QLabel:
    """A label, wrapping by default, styled by the theme's ``QLabel[role=...]`` rules
    ("heading", "muted", "empty")."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


def verdict_font(scale: float) -> QFont:
    """The UI font, larger and semi-bold: "Right", "Not right", "Passed"."""
    font = ui_font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def muted(label: QLabel) -> QLabel:
    """Secondary text: the theme's ``QLabel[role="muted"]`` rule, else the placeholder colour.

    Not both: a style sheet colour turns the placeholder role into a half-transparent colour,
    which fails contrast on the dark theme.
    """
    label.setProperty("role", "muted")
    plain(label)
    app = QApplication.instance()
    if not (isinstance(app, QApplication) and app.styleSheet()):
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def plain(label: QLabel) -> QLabel:
    """Shows the label's text as written, never as rich text.

    Trainer text (titles, descriptions, file names, problems quoting a cell) is plain text:
    as Qt's automatic format a title such as ``<img src="file:///dev/zero">`` would be
    rendered, and the image loaded from that file.
    """
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tip(text: str) -> str:
    """A tooltip showing ``text`` as written (tooltips, too, render what looks like HTML)."""
    return f"<qt>{html.escape(text)}</qt>" if text else ""


def muted_colour_name(palette: QPalette) -> str:
    """The placeholder colour laid over the window colour, as '#rrggbb' for rich text."""
    top = palette.color(QPalette.ColorRole.PlaceholderText)
    under = palette.color(QPalette.ColorRole.Window)
    alpha = top.alphaF()
    mixed = [round(a * alpha + b * (1 - alpha)) for a, b in zip(
        (top.red(), top.green(), top.blue()), (under.red(), under.green(), under.blue()),
        strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def heading(text: str, scale: float = 1.25) -> QLabel:
    label = plain(QLabel(text))
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def counts_table(headers: Sequence[str], rows: Sequence[tuple[str, Sequence[int]]],
                 palette: QPalette | None = None) -> QLabel:
    """A quiet table (rich text, so long section titles wrap): a label and count columns."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    muted_colour = muted_colour_name(palette or label.palette())
    cell = f'style="padding: 2px 0 2px {GAP}px"'
    head = "".join(
        f'<th align="{"left" if i == 0 else "right"}" '
        f'style="font-weight: normal; padding: 0 0 4px {0 if i == 0 else GAP}px">'
        f'<span style="color: {muted_colour}">{html.escape(text)}</span></th>'
        for i, text in enumerate(headers)
    )
    body = "".join(
        f'<tr><td style="padding: 2px 0">{_label_html(text, muted_colour)}</td>'
        + "".join(f'<td align="right" {cell}>{count if count else "–"}</td>' for count in counts)
        + "</tr>"
        for text, counts in rows
    )
    label.setText(f'<table width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>')
    return label


def _label_html(text: str, muted_colour: str) -> str:
    """'label\x1fid' shows the id after the label in the muted colour."""
    label, _, extra = text.partition("\x1f")
    out = html.escape(label)
    if extra:
        out += f' <span style="color: {muted_colour}">{html.escape(extra)}</span>'
    return out


def message_row() -> tuple[QWidget, QLabel, QLabel]:
    """A row for a status message: an icon (never colour alone) and wrapping text."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SMALL_GAP)
    icon = QLabel()
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    text = plain(QLabel())
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout.addWidget(icon)
    layout.addWidget(text, 1)
    row.hide()
    return row, icon, text


# The kinds of message, as the stock pixmaps callers name them, drawn with the app's own
# line icons (resources/icons) in the theme's colours: Qt's stock icons clash with them.
_LINE_ICONS = {
    QStyle.StandardPixmap.SP_MessageBoxWarning: ("circle-alert", QPalette.ColorRole.Link),
    QStyle.StandardPixmap.SP_MessageBoxCritical: ("circle-alert", QPalette.ColorRole.Link),
    QStyle.StandardPixmap.SP_MessageBoxQuestion: ("circle-alert", QPalette.ColorRole.WindowText),
    QStyle.StandardPixmap.SP_DialogApplyButton: ("circle-check", QPalette.ColorRole.WindowText),
    QStyle.StandardPixmap.SP_DialogOkButton: ("circle-check", QPalette.ColorRole.WindowText),
    QStyle.StandardPixmap.SP_MessageBoxInformation: ("info", QPalette.ColorRole.WindowText),
}


def line_icon(kind: QStyle.StandardPixmap, palette: QPalette) -> QIcon:
    """The app's line icon for a kind of message (information when unknown)."""
    name, role = _LINE_ICONS.get(kind, ("info", QPalette.ColorRole.WindowText))
    return icon(name, palette.color(role).name())


def show_message(row: QWidget, icon: QLabel, text: QLabel, message: str,
                 kind: QStyle.StandardPixmap | None) -> None:
    if not message:
        row.hide()
        return
    if kind is None:
        icon.clear()
        icon.hide()
    else:
        size = row.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(line_icon(kind, row.palette()).pixmap(size, size))
        icon.show()
    text.setText(message)
    row.show()


def centred(layout: QHBoxLayout, column: QWidget) -> None:
    """The column takes the width up to its maximum, centred (text wraps, never clips)."""
    column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout.addStretch(1)
    layout.addWidget(column, 100)
    layout.addStretch(1)


def icon_label(name: str, colour: str, size: int) -> QLabel:
    """A line icon as a label of its own size."""
    label = QLabel()
    label.setPixmap(icon(name, colour).pixmap(QSize(size, size)))
    label.setFixedSize(size, size)
    return label


class ConfirmDialog(QDialog):
    """A yes/no question in the app's own words (buttons named for what they do)."""

    def __init__(self, parent: QWidget, title: str, text: str, yes: str, no: str,
                 default_yes: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        message = text_label(text)
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
    """Asks ``text`` with buttons ``yes`` and ``no``; True when the learner chose ``yes``."""
    dialog = ConfirmDialog(parent, title, text, yes, no, default_yes)
    (dialog.yes if default_yes else dialog.no).setFocus(Qt.FocusReason.OtherFocusReason)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.hide()
    dialog.deleteLater()
    parent.window().activateWindow()  # back to the window (a platform without a manager)
    return accepted


# Room left around a window for a window manager's title bar and frame, and a panel.
SCREEN_ROOM = QSize(40, 64)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Opens ``window`` at ``width`` x ``height``, or smaller where its screen is smaller (a
    960x600 laptop, or 150% scaling): a window taller than the screen hides its buttons."""
    screen = window.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry().size() - SCREEN_ROOM if screen else QSize(width, height)
    window.resize(min(width, room.width()), min(height, room.height()))
