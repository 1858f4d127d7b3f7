"""The learner's notes and bookmarks on the report, and the note being written (its draft)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.store.service import Service


@dataclass
class Note:
    id: int
    section_id: str
    paragraph: int | None
    text: str
    created_at: str
    updated_at: str


@dataclass
class Bookmark:
    id: int
    section_id: str
    paragraph: int | None
    label: str
    created_at: str


@dataclass
class NoteDraft:
    """A note not saved yet: kept per section until it is saved or thrown away."""

    section_id: str
    text: str
    paragraph: int | None
    note_id: int | None  # the note being edited; None for a new note
    saved_at: str


DRAFT_PREFIX = "note_draft:"  # drafts live in the meta table: one row per section


class NotesService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def add(self, section_id: str, text: str, paragraph: int | None = None) -> Note:
        stamp = iso(self.clock())
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO notes (section_id, paragraph, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [section_id, paragraph, text, stamp, stamp],
            )
        return Note(int(cursor.lastrowid or 0), section_id, paragraph, text, stamp, stamp)

    def update(self, note_id: int, text: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                [text, iso(self.clock()), note_id],
            )

    def delete(self, note_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM notes WHERE id = ?", [note_id])

    def for_section(self, section_id: str) -> list[Note]:
        return self._select("WHERE section_id = ?", [section_id])

    def save_draft(self, section_id: str, text: str, paragraph: int | None = None,
                   note_id: int | None = None) -> None:
        """Keeps what the learner is typing on ``section_id`` (an empty text drops it)."""
        if not text.strip():
            self.discard_draft(section_id)
            return
        value = json.dumps({"text": text, "paragraph": paragraph, "note_id": note_id,
                            "saved_at": iso(self.clock())}, ensure_ascii=False)
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                            [DRAFT_PREFIX + section_id, value])

    def draft(self, section_id: str) -> NoteDraft | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?",
                              [DRAFT_PREFIX + section_id]).fetchone()
        return _draft(section_id, row[0]) if row else None

    def drafts(self) -> list[NoteDraft]:
        rows = self.db.execute("SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key",
                               [DRAFT_PREFIX + "%"]).fetchall()
        found = [_draft(key[len(DRAFT_PREFIX):], value) for key, value in rows]
        return [draft for draft in found if draft is not None]

    def discard_draft(self, section_id: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM meta WHERE key = ?", [DRAFT_PREFIX + section_id])

    def all(self) -> list[Note]:
        return self._select("", [])

    def _select(self, where: str, params: list[Any]) -> list[Note]:
        return [
            Note(**row)
            for row in self.db.query(
                "SELECT id, section_id, paragraph, text, created_at, updated_at FROM notes "
                f"{where} ORDER BY created_at, id",
                params,
            )
        ]


def _draft(section_id: str, value: str) -> NoteDraft | None:
    try:
        data = json.loads(value)
        return NoteDraft(section_id, str(data["text"]), data.get("paragraph"),
                         data.get("note_id"), str(data.get("saved_at", "")))
    except (ValueError, KeyError, TypeError):
        return None  # a damaged draft is not worth an error: the notes themselves are safe


class BookmarksService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def add(self, section_id: str, paragraph: int | None = None, label: str = "") -> Bookmark:
        stamp = iso(self.clock())
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO bookmarks (section_id, paragraph, label, created_at) "
                "VALUES (?, ?, ?, ?)",
                [section_id, paragraph, label, stamp],
            )
        return Bookmark(int(cursor.lastrowid or 0), section_id, paragraph, label, stamp)

    def rename(self, bookmark_id: int, label: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE bookmarks SET label = ? WHERE id = ?", [label.strip(), bookmark_id]
            )

    def remove(self, bookmark_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])

    def all(self) -> list[Bookmark]:
        return self._select("", [])

    def for_section(self, section_id: str) -> list[Bookmark]:
        return self._select("WHERE section_id = ?", [section_id])

    def _select(self, where: str, params: list[Any]) -> list[Bookmark]:
        return [
            Bookmark(**row)
            for row in self.db.query(
                f"SELECT id, section_id, paragraph, label, created_at FROM bookmarks {where} "
                "ORDER BY created_at, id",
                params,
            )
        ]
