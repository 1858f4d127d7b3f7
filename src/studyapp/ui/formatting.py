"""How stored values read in the window."""

from __future__ import annotations

from datetime import datetime


def local_time(stamp: str | None) -> str:
    """A stored ISO time stamp (UTC) in the PC's local time, e.g. '2026-03-14 09:26'."""
    try:
        return datetime.fromisoformat(stamp or "").astimezone().strftime("%Y-%m-%d %H:%M")
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
    ships, so Qt's numerus ``"%n questions"`` would read "1 questions" in English."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
