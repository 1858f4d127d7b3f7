"""How stored values read in the window."""

from __future__ import annotations

from datetime import datetime


def local_time(stamp: str | None) -> str:
    """A stored ISO time stamp (UTC) in the PC's local time, e.g. '2026-03-14 09:26'."""
    try:
        return datetime.fromisoformat(stamp or "").astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp or "–"
