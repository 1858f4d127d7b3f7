"""Reading progress: which sections were opened and read, where, and for how long."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.store.service import Service


@dataclass
class SectionProgress:
    section_id: str
    opened_at: str | None = None
    read_at: str | None = None
    position: float = 0.0
    seconds: float = 0.0


_PROGRESS_COLUMNS = "section_id, opened_at, read_at, position, seconds"


class SectionsService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _ensure_row(self, section_id: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO section_progress (section_id) VALUES (?)", [section_id]
        )

    def opened(self, section_id: str) -> None:
        """Records the first opening (once) and makes the section the one to resume at."""
        stamp = iso(self.clock())
        with self.db.atomic():
            self._ensure_row(section_id)
            self.db.execute(
                "UPDATE section_progress SET opened_at = coalesce(opened_at, ?), "
                "last_opened_at = ? WHERE section_id = ?",
                [stamp, stamp, section_id],
            )
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('last_section', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [section_id],
            )

    def add_seconds(self, section_id: str, seconds: float) -> None:
        if seconds <= 0:
            return
        with self.db.atomic():
            self._ensure_row(section_id)
            self.db.execute(
                "UPDATE section_progress SET seconds = seconds + ? WHERE section_id = ?",
                [seconds, section_id],
            )
            # The Progress view's study time per day (see migrations.m007).
            self.db.execute(
                "INSERT INTO activity (hour, section_id, reading_seconds) VALUES (?, ?, ?) "
                "ON CONFLICT (hour, section_id) DO UPDATE SET "
                "reading_seconds = reading_seconds + excluded.reading_seconds",
                [iso(self.clock())[:13], section_id, seconds],
            )

    def mark_read(self, section_id: str, read: bool = True) -> None:
        with self.db.atomic():
            self._ensure_row(section_id)
            self.db.execute(
                "UPDATE section_progress SET read_at = CASE WHEN ? THEN "
                "coalesce(read_at, ?) ELSE NULL END WHERE section_id = ?",
                [read, iso(self.clock()), section_id],
            )

    def set_position(self, section_id: str, position: float) -> None:
        position = min(max(position, 0.0), 1.0)
        with self.db.atomic():
            self._ensure_row(section_id)
            self.db.execute(
                "UPDATE section_progress SET position = ? WHERE section_id = ?",
                [position, section_id],
            )

    def progress(self, section_id: str) -> SectionProgress:
        for row in self.db.query(
            f"SELECT {_PROGRESS_COLUMNS} FROM section_progress WHERE section_id = ?",
            [section_id],
        ):
            return SectionProgress(**row)
        return SectionProgress(section_id)

    def all_progress(self) -> dict[str, SectionProgress]:
        return {
            row["section_id"]: SectionProgress(**row)
            for row in self.db.query(f"SELECT {_PROGRESS_COLUMNS} FROM section_progress")
        }

    def read_ids(self) -> set[str]:
        return {
            row["section_id"]
            for row in self.db.query(
                "SELECT section_id FROM section_progress WHERE read_at IS NOT NULL"
            )
        }

    def last_opened(self) -> str | None:
        for row in self.db.query("SELECT value FROM meta WHERE key = 'last_section'"):
            return str(row["value"])
        return None
