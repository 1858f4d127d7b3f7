"""Light and dark appearance: palettes, the accent colour, fonts and a small style sheet.

The app uses Qt's Fusion style with its own palettes so that it looks the same on every
office PC, follows the system's light or dark setting by default, and keeps contrast at
WCAG AA in both themes (tests/ui/test_theme.py measures it).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from studyapp.core.record import Record

READING_FAMILIES = [
    # Latin text in a comfortable book face where the platform has one, Chinese in a CJK face.
    "Georgia", "Cambria", "Noto Serif", "DejaVu Serif", "Liberation Serif",
    "Microsoft YaHei", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
]
UI_FAMILIES = [
    "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans",
    "Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
]
READING_POINT_SIZE = 13
MIN_ZOOM, MAX_ZOOM = -4, 12


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Colours(Record):
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    border: str
    accent: str  # for accent-coloured text, links and focus rings on this theme's background
    highlight: str
    highlighted_text: str
    success: str
    hit: str  # background of search hits in the text


LIGHT = Colours(
    window="#F4F2EF", base="#FFFFFF", alternate="#F8F6F3", text="#1F1F1F", muted="#5C5954",
    border="#D6D2CC", accent="#B22222", highlight="#B22222", highlighted_text="#FFFFFF",
    success="#1E7B34", hit="#FFE08A",
)
DARK = Colours(
    window="#1E1E1F", base="#262627", alternate="#2C2C2E", text="#ECEAE6", muted="#A9A49C",
    border="#45433F", accent="#F07C7C", highlight="#9E1F1F", highlighted_text="#FFFFFF",
    success="#6FCF86", hit="#6B5512",
)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def colours_for(choice: ThemeChoice) -> Colours:
    if choice is ThemeChoice.SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return DARK if choice is ThemeChoice.DARK else LIGHT


def palette_for(colours: Colours) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: colours.window,
        QPalette.ColorRole.WindowText: colours.text,
        QPalette.ColorRole.Base: colours.base,
        QPalette.ColorRole.AlternateBase: colours.alternate,
        QPalette.ColorRole.Text: colours.text,
        QPalette.ColorRole.Button: colours.alternate,
        QPalette.ColorRole.ButtonText: colours.text,
        QPalette.ColorRole.ToolTipBase: colours.base,
        QPalette.ColorRole.ToolTipText: colours.text,
        QPalette.ColorRole.PlaceholderText: colours.muted,
        QPalette.ColorRole.Highlight: colours.highlight,
        QPalette.ColorRole.HighlightedText: colours.highlighted_text,
        QPalette.ColorRole.Link: colours.accent,
        QPalette.ColorRole.LinkVisited: colours.accent,
        QPalette.ColorRole.Accent: colours.highlight,
        QPalette.ColorRole.Mid: colours.border,
        QPalette.ColorRole.BrightText: colours.highlighted_text,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.muted))
    return palette


def style_sheet(colours: Colours) -> str:
    """The few rules the palette cannot express: the rail, headings, focus rings."""
    c = colours
    return f"""
    QFrame#NavigationRail {{ background: {c.alternate}; border-right: 1px solid {c.border}; }}
    QToolButton#RailButton {{
        border: none; border-radius: 8px; padding: 8px 4px; margin: 2px 8px;
        color: {c.muted}; font-size: 9pt;
    }}
    QToolButton#RailButton:hover {{ background: {c.window}; color: {c.text}; }}
    QToolButton#RailButton:checked {{ background: {c.base}; color: {c.accent}; font-weight: 600; }}
    QToolButton#RailButton:focus {{ border: 2px solid {c.accent}; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="heading"] {{ font-size: 14pt; font-weight: 600; }}
    QLabel[role="empty"] {{ color: {c.muted}; padding: 16px; }}
    QTreeView, QListView, QTextBrowser, QPlainTextEdit, QLineEdit {{
        border: 1px solid {c.border}; border-radius: 6px;
    }}
    QTreeView:focus, QListView:focus, QTextBrowser:focus, QPlainTextEdit:focus,
    QLineEdit:focus {{ border: 2px solid {c.accent}; }}
    QTreeView::item, QListView::item {{ padding: 4px 2px; }}
    QTreeView {{ show-decoration-selected: 0; }}
    QPushButton {{ padding: 6px 12px; border-radius: 6px; border: 1px solid {c.border};
                   background: {c.base}; }}
    QPushButton:hover {{ border-color: {c.muted}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton:default {{ background: {c.highlight}; color: {c.highlighted_text};
                           border-color: {c.highlight}; }}
    QPushButton:disabled, QPushButton:default:disabled {{
        color: {c.muted}; background: {c.alternate}; border-color: {c.border}; }}
    QProgressBar {{ border: none; border-radius: 3px; background: {c.border};
                    max-height: 6px; }}
    QProgressBar::chunk {{ border-radius: 3px; background: {c.highlight}; }}
    QStatusBar {{ color: {c.muted}; }}
    QSplitter::handle {{ background: {c.border}; }}
    """


def ui_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def reading_font(zoom: int = 0) -> QFont:
    """The report's font: the reading face, one point larger per zoom step."""
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setPointSizeF(READING_POINT_SIZE + clamp_zoom(zoom))
    return font


def clamp_zoom(zoom: int) -> int:
    return max(MIN_ZOOM, min(MAX_ZOOM, zoom))


def apply_theme(app: QApplication, choice: ThemeChoice) -> Colours:
    """Sets the palette and style sheet for ``choice`` and returns the colours in use."""
    colours = colours_for(choice)
    app.setPalette(palette_for(colours))
    app.setStyleSheet(style_sheet(colours))
    return colours


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        colour = QColor(hex_colour)
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
