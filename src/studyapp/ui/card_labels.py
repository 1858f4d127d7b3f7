"""How cards read in the window: their states, the grades, intervals ("10m", "4d") and
when the next card is due."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from studyapp.core.scheduling import AGAIN, EASY, GOOD, HARD
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, clock_time_text, day_text

# Module-level text: translate("Context", ...) (lupdate knows this name).
translate = QCoreApplication.translate

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
        return translate("Flashcards", "today at {time}").format(time=clock_time_text(local))
    if local.date() == (now.astimezone() + timedelta(days=1)).date():
        return translate("Flashcards", "tomorrow at {time}").format(time=clock_time_text(local))
    return translate("Flashcards", "on {date}").format(date=day_text(local.date()))
