"""One learner profile's SQLite database and the services the views ask for.

Views never run SQL: they call ``store.sections.mark_read(...)``,
``store.question_sets.import_set(...)`` and so on. Every write runs inside
``db.atomic()``; the connection uses WAL and enforces foreign keys.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from studyapp.core.migrations import migrations
from studyapp.core.paths import DEFAULT_PROFILE, DataDirError, profile_path
from studyapp.core.questionsets import collector_paused
from studyapp.core.questionsets.model import Card, Question, QuestionSet

SQLITE_HEADER = b"SQLite format 3\x00"
PROGRESS_EVERY = 500


class StoreError(RuntimeError):
    """The profile cannot be opened or changed; ``args[0]`` is a message for the user."""


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def item_key(set_id: str, item_id: str) -> str:
    """The key that history tables use for a question or card."""
    return f"{set_id}/{item_id}"


def open_store(data_dir: Path, profile: str = DEFAULT_PROFILE) -> Store:
    """Opens (creating and upgrading as needed) the profile's database."""
    try:
        path = profile_path(data_dir, profile)
    except DataDirError as error:
        raise StoreError(str(error)) from error
    _ensure_writable_folder(path.parent)
    if path.exists():
        _check_is_sqlite(path)
    try:
        # No sqlite-utils plugins: nothing installed beside the app runs code on a learner's
        # profile (and scanning for plugins costs start-up time).
        db = Database(path, execute_plugins=False)
        known = {migration.name for migration in migrations.pending(
            Database(memory=True, execute_plugins=False))}
        applied = {migration.name for migration in migrations.applied(db)}
        if applied - known:
            db.close()
            raise NewerDatabaseError(
                f"The profile '{profile}' ({path}) was saved by a newer version of StudyApp. "
                "Install that version (or newer) to open it; nothing was changed."
            )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=5000")
        if applied and migrations.pending(db):
            _backup(db, path.with_name(f"{path.name}.bak-{len(applied)}"))
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(
            f"The profile file {path} cannot be read ({error}). Restore it from a backup "
            f"(*.bak-* files next to it) or move it away to start afresh."
        ) from error
    return Store(db, path, profile)


def _ensure_writable_folder(folder: Path) -> None:
    probe = folder / ".studyapp-write-test"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise StoreError(
            f"StudyApp cannot write to its data folder {folder} ({error.strerror or error}). "
            "Choose a folder you can write to with --data-dir or STUDYAPP_DATA_DIR, "
            "or ask IT to give you write access."
        ) from error


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"StudyApp cannot read the profile file {path} ({error}).") from error
    if header and header != SQLITE_HEADER:
        raise CorruptDatabaseError(
            f"The profile file {path} is not a StudyApp database (it may be damaged). "
            "Move it away to start afresh, or restore it from a backup."
        )


def _backup(db: Database, target: Path) -> None:
    backup = sqlite3.connect(target)
    try:
        db.conn.backup(backup)
    finally:
        backup.close()


@dataclass
class SectionProgress:
    section_id: str
    opened_at: str | None = None
    read_at: str | None = None
    position: float = 0.0
    seconds: float = 0.0


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
class QuizAttempt:
    id: int
    mode: str
    scope: str
    started_at: str
    finished_at: str | None
    score: float | None
    max_score: float | None
    passed: bool | None


@dataclass
class ImportSummary:
    set_id: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0


@dataclass
class SetInfo:
    id: str
    title: str
    version: str
    description: str
    source: str
    format: str
    sha256: str
    imported_at: str
    builtin: bool
    question_count: int = 0
    card_count: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_section: dict[str, int] = field(default_factory=dict)


class Store:
    def __init__(self, db: Database, path: Path, profile: str) -> None:
        self.db = db
        self.path = path
        self.profile = profile
        self.sections = SectionsService(db)
        self.notes = NotesService(db)
        self.bookmarks = BookmarksService(db)
        self.question_sets = QuestionSetsService(db)

    def close(self) -> None:
        self.db.close()

    def quiz_attempts(self) -> list[QuizAttempt]:
        rows = self.db.execute(
            "SELECT id, mode, scope, started_at, finished_at, score, max_score, passed "
            "FROM quiz_attempts ORDER BY started_at, id"
        ).fetchall()
        return [
            QuizAttempt(id=row[0], mode=row[1], scope=row[2], started_at=row[3],
                        finished_at=row[4], score=row[5], max_score=row[6],
                        passed=None if row[7] is None else bool(row[7]))
            for row in rows
        ]

    def counts(self) -> dict[str, int]:
        """Row counts that the stats summary reports."""
        tables = ["notes", "bookmarks", "review_log", "quiz_attempts"]
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


class SectionsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _ensure_row(self, section_id: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO section_progress (section_id) VALUES (?)", [section_id]
        )

    def opened(self, section_id: str) -> None:
        """Records the first opening (once) and makes the section the one to resume at."""
        stamp = now()
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

    def mark_read(self, section_id: str, read: bool = True) -> None:
        with self.db.atomic():
            self._ensure_row(section_id)
            self.db.execute(
                "UPDATE section_progress SET read_at = CASE WHEN ? THEN "
                "coalesce(read_at, ?) ELSE NULL END WHERE section_id = ?",
                [read, now(), section_id],
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
        row = self.db.execute(
            "SELECT section_id, opened_at, read_at, position, seconds FROM section_progress "
            "WHERE section_id = ?",
            [section_id],
        ).fetchone()
        return SectionProgress(*row) if row else SectionProgress(section_id)

    def all_progress(self) -> dict[str, SectionProgress]:
        rows = self.db.execute(
            "SELECT section_id, opened_at, read_at, position, seconds FROM section_progress"
        ).fetchall()
        return {row[0]: SectionProgress(*row) for row in rows}

    def read_ids(self) -> set[str]:
        rows = self.db.execute(
            "SELECT section_id FROM section_progress WHERE read_at IS NOT NULL"
        ).fetchall()
        return {row[0] for row in rows}

    def last_opened(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'last_section'").fetchone()
        return row[0] if row else None


class NotesService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, section_id: str, text: str, paragraph: int | None = None) -> Note:
        stamp = now()
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
                "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?", [text, now(), note_id]
            )

    def delete(self, note_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM notes WHERE id = ?", [note_id])

    def for_section(self, section_id: str) -> list[Note]:
        return self._select("WHERE section_id = ?", [section_id])

    def all(self) -> list[Note]:
        return self._select("", [])

    def _select(self, where: str, params: list[Any]) -> list[Note]:
        rows = self.db.execute(
            "SELECT id, section_id, paragraph, text, created_at, updated_at FROM notes "
            f"{where} ORDER BY created_at, id",
            params,
        ).fetchall()
        return [Note(*row) for row in rows]


class BookmarksService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, section_id: str, paragraph: int | None = None, label: str = "") -> Bookmark:
        stamp = now()
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
        rows = self.db.execute(
            f"SELECT id, section_id, paragraph, label, created_at FROM bookmarks {where} "
            "ORDER BY created_at, id",
            params,
        ).fetchall()
        return [Bookmark(*row) for row in rows]


_QUESTION_COLUMNS = (
    "set_id, id, position, type, section_id, prompt, body_json, explanation, evidence, tags, "
    "difficulty, line, retired"
)
_CARD_COLUMNS = (
    "set_id, id, position, section_id, front, back, explanation, evidence, tags, line, retired"
)


def _question_row(set_id: str, position: int, q: Question) -> tuple[Any, ...]:
    return (
        set_id, q.id, position, q.type, q.section, q.prompt,
        json.dumps(q.body(), ensure_ascii=False), q.explanation, q.evidence,
        json.dumps(q.tags, ensure_ascii=False), q.difficulty, q.line, 0,
    )


def _card_row(set_id: str, position: int, c: Card) -> tuple[Any, ...]:
    return (
        set_id, c.id, position, c.section, c.front, c.back, c.explanation, c.evidence,
        json.dumps(c.tags, ensure_ascii=False), c.line, 0,
    )


class QuestionSetsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def import_set(
        self,
        question_set: QuestionSet,
        sha256: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Adds or updates a set in one transaction, keyed by (set id, item id).

        Items missing from the new version are retired, not deleted, so that learners'
        history still names them.
        """
        # A row per item would otherwise trigger collections that scan the whole set in vain.
        with collector_paused():
            return self._import_set(question_set, sha256, progress)

    def import_sets(
        self,
        sets: Sequence[tuple[QuestionSet, str]],
        progress: Callable[[int, int], None] | None = None,
    ) -> builtins.list[ImportSummary]:
        """Imports several (set, sha256) pairs in one transaction: all of them or none.

        ``progress(done, total)`` counts items across all the sets.
        """
        total = sum(len(s.questions) + len(s.cards) for s, _ in sets)
        summaries = []
        done_before = 0

        def overall(done: int, _size: int) -> None:
            if progress is not None:
                progress(done_before + done, total)

        with self.db.atomic():
            for question_set, sha256 in sets:
                summaries.append(self.import_set(question_set, sha256, overall))
                done_before += len(question_set.questions) + len(question_set.cards)
        return summaries

    def _import_set(
        self,
        question_set: QuestionSet,
        sha256: str,
        progress: Callable[[int, int], None] | None,
    ) -> ImportSummary:
        summary = ImportSummary(question_set.id)
        set_id = question_set.id
        total = len(question_set.questions) + len(question_set.cards)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO question_sets (id, title, version, description, language, source, "
                "format, sha256, imported_at, builtin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
                "version = excluded.version, description = excluded.description, "
                "language = excluded.language, source = excluded.source, "
                "format = excluded.format, sha256 = excluded.sha256, "
                "imported_at = excluded.imported_at, builtin = excluded.builtin",
                [set_id, question_set.title, question_set.version, question_set.description,
                 question_set.language, question_set.source, question_set.format, sha256,
                 now(), int(question_set.builtin)],
            )
            done = 0
            for table, columns, rows in (
                ("questions", _QUESTION_COLUMNS,
                 [_question_row(set_id, i, q) for i, q in enumerate(question_set.questions)]),
                ("cards", _CARD_COLUMNS,
                 [_card_row(set_id, i, c) for i, c in enumerate(question_set.cards)]),
            ):
                existing = {
                    row[1]: row
                    for row in self.db.execute(
                        f"SELECT {columns} FROM {table} WHERE set_id = ?", [set_id]
                    ).fetchall()
                }
                # position and line move when a trainer inserts a question: not a change.
                moved_only = {2, 9} if table == "cards" else {2, 11}
                changed: list[tuple[Any, ...]] = []
                for row in rows:
                    old = existing.pop(row[1], None)
                    if old is None:
                        summary.added += 1
                    elif _differs(old, row, ignore=moved_only | {len(row) - 1}) or old[-1]:
                        summary.updated += 1
                    else:
                        summary.unchanged += 1
                    changed.append(row)
                placeholders = ", ".join("?" * len(rows[0])) if rows else ""
                for start in range(0, len(changed), PROGRESS_EVERY):
                    self.db.conn.executemany(
                        f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({placeholders})",
                        changed[start:start + PROGRESS_EVERY],
                    )
                    done += len(changed[start:start + PROGRESS_EVERY])
                    if progress:
                        progress(done, total)
                retired_ids = [item_id for item_id, old in existing.items() if not old[-1]]
                summary.retired += len(retired_ids)
                self.db.conn.executemany(
                    f"UPDATE {table} SET retired = 1 WHERE set_id = ? AND id = ?",
                    [(set_id, item_id) for item_id in retired_ids],
                )
        if progress:
            progress(total, total)
        return summary

    def list(self) -> list[SetInfo]:
        rows = self.db.execute(
            "SELECT id, title, version, description, source, format, sha256, imported_at, "
            "builtin FROM question_sets ORDER BY builtin DESC, title"
        ).fetchall()
        infos = {
            row[0]: SetInfo(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                            builtin=bool(row[8]))
            for row in rows
        }
        for set_id, kind, count in self.db.execute(
            "SELECT set_id, type, count(*) FROM questions WHERE retired = 0 GROUP BY 1, 2"
        ).fetchall():
            infos[set_id].by_type[kind] = count
            infos[set_id].question_count += count
        for table in ("questions", "cards"):
            for set_id, section_id, count in self.db.execute(
                f"SELECT set_id, coalesce(section_id, ''), count(*) FROM {table} "
                "WHERE retired = 0 GROUP BY 1, 2"
            ).fetchall():
                by_section = infos[set_id].by_section
                by_section[section_id] = by_section.get(section_id, 0) + count
                if table == "cards":
                    infos[set_id].card_count += count
        return list(infos.values())

    def info(self, set_id: str) -> SetInfo:
        for info in self.list():
            if info.id == set_id:
                return info
        raise StoreError(f"There is no question set '{set_id}' in this profile.")

    def get(self, set_id: str) -> QuestionSet:
        """The set as it is now: its active (not retired) questions and cards."""
        row = self.db.execute(
            "SELECT id, title, version, description, language, source, format, builtin "
            "FROM question_sets WHERE id = ?",
            [set_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"There is no question set '{set_id}' in this profile.")
        question_set = QuestionSet(
            id=row[0], title=row[1], version=row[2], description=row[3], language=row[4],
            source=row[5], format=row[6], builtin=bool(row[7]),
        )
        for (item_id, kind, section, prompt, body, explanation, evidence, tags, difficulty,
             line) in self.db.execute(
            "SELECT id, type, section_id, prompt, body_json, explanation, evidence, tags, "
            "difficulty, line FROM questions WHERE set_id = ? AND retired = 0 "
            "ORDER BY position",
            [set_id],
        ).fetchall():
            question = Question(
                id=item_id, type=kind, prompt=prompt, section=section,
                explanation=explanation, evidence=evidence, tags=json.loads(tags),
                difficulty=difficulty, line=line,
            )
            question.set_body(json.loads(body))
            question_set.questions.append(question)
        for item_id, section, front, back, explanation, evidence, tags, line in self.db.execute(
            "SELECT id, section_id, front, back, explanation, evidence, tags, line FROM cards "
            "WHERE set_id = ? AND retired = 0 ORDER BY position",
            [set_id],
        ).fetchall():
            question_set.cards.append(
                Card(id=item_id, front=front, back=back, section=section,
                     explanation=explanation, evidence=evidence, tags=json.loads(tags), line=line)
            )
        return question_set

    def remove(self, set_id: str) -> None:
        """Removes a trainer's set; learners' results stay in the history tables."""
        info = self.info(set_id)
        if info.builtin:
            raise StoreError(
                f"'{info.title}' is built into StudyApp and cannot be removed."
            )
        with self.db.atomic():
            self.db.execute("DELETE FROM question_sets WHERE id = ?", [set_id])

    def ensure_builtin(self) -> builtins.list[ImportSummary]:
        """Imports the sets shipped in ``questions/`` that are new or changed."""
        from studyapp.core.questionsets import load_file, sha256_of
        from studyapp.core.resources import questions_dir

        known = {
            row[0]: row[1]
            for row in self.db.execute(
                "SELECT source, sha256 FROM question_sets WHERE builtin = 1"
            ).fetchall()
        }
        summaries = []
        folder = questions_dir()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith((".yaml", ".yml")) or not entry.is_file():
                continue
            path = Path(str(entry))
            digest = sha256_of(path)
            if known.get(entry.name) == digest:
                continue
            result = load_file(path)
            if result.question_set is None or not result.ok:
                problems = "; ".join(str(p) for p in result.problems[:3])
                raise StoreError(
                    f"The built-in question set {entry.name} is damaged ({problems}). "
                    "Reinstall StudyApp to repair it."
                )
            result.question_set.builtin = True
            result.question_set.source = entry.name
            summaries.append(self.import_set(result.question_set, sha256=digest))
        return summaries


def _differs(old: tuple[Any, ...], new: tuple[Any, ...], ignore: set[int]) -> bool:
    return any(o != n for i, (o, n) in enumerate(zip(old, new, strict=True)) if i not in ignore)
