"""How stored values read in the window: every date, time, weekday and month name goes
through here, in the window's language (QLocale's default, set by ui/translations.py), so
that a Chinese window never shows "五 04 12月 2026" nor an English one "5 11月".

Python's ``strftime`` is not used for what a person reads: it follows the C library's locale
(Qt sets it from the system), not the language the learner chose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

if TYPE_CHECKING:  # datetime itself loads with the first date shown (not at start-up)
    from datetime import date, datetime

# Qt date patterns per shipped language: (English, Chinese).
_PATTERNS = {
    "day": ("d MMM yyyy", "yyyy年M月d日"),            # 4 Dec 2026 / 2026年12月4日
    "weekday_day": ("ddd d MMM yyyy", "yyyy年M月d日 dddd"),  # Fri 4 Dec 2026 / …日 星期五
    "short_day": ("d MMM", "M月d日"),                 # 5 Nov / 11月5日 (chart axes)
    "month": ("MMM", "M月"),                          # Nov / 11月 (the heat map's months)
}


def _chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def _format(day: date, kind: str) -> str:
    locale = QLocale()
    english, chinese = _PATTERNS[kind]
    return locale.toString(QDate(day.year, day.month, day.day),
                           chinese if _chinese(locale) else english)


def day_text(day: date) -> str:
    """A day: '4 Dec 2026', '2026年12月4日'."""
    return _format(day, "day")


def weekday_day_text(day: date) -> str:
    """A day with its weekday: 'Fri 4 Dec 2026', '2026年12月4日 星期五'."""
    return _format(day, "weekday_day")


def short_day_text(day: date) -> str:
    """A day without its year (chart axes): '5 Nov', '11月5日'."""
    return _format(day, "short_day")


def month_text(day: date) -> str:
    """The month's short name: 'Nov', '11月'."""
    return _format(day, "month")


def weekday_name(weekday: int) -> str:
    """Monday (0) to Sunday (6), short: 'Mon', '周一'."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def clock_time_text(moment: datetime) -> str:
    """A time of day, 24-hour: '09:26'."""
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def date_time_text(moment: datetime) -> str:
    """A day and its time: '4 Dec 2026 09:26', '2026年12月4日 09:26'."""
    return f"{day_text(moment.date())} {clock_time_text(moment)}"


def local_time(stamp: str | None) -> str:
    """A stored ISO time stamp (UTC) in the PC's local time, e.g. '14 Mar 2026 09:26'."""
    try:
        from datetime import datetime

        return date_time_text(datetime.fromisoformat(stamp or "").astimezone())
    except ValueError:
        return stamp or "–"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate under ``context`` and returns it unchanged: for
    tables of shown words, translated with ``QCoreApplication.translate(context, text)`` (or
    ``self.tr`` in that class) where they are shown. Qt's own is typed ``object``."""
    return text


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 question', '3 questions': the count and the word for it. Pass both words
    translated (``plural(n, self.tr("question"), self.tr("questions"))``): no English .qm
    ships, so Qt's numerus ``"%n questions"`` would read "1 questions" in English. Chinese
    translates both words to the same measure word and noun ('3 道题')."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
