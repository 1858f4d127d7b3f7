"""Question sets in the profile: import (keyed by set and item id), list, get, remove."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.messages import msg
from studyapp.core.questionsets import collector_paused
from studyapp.core.questionsets.model import Card, Question, QuestionSet
from studyapp.core.store.builtin_sets import builtin_files_to_install
from studyapp.core.store.checks import StoreError
from studyapp.core.store.service import Service

PROGRESS_EVERY = 500


def item_key(set_id: str, item_id: str) -> str:
    """The key that history tables use for a question or card."""
    return f"{set_id}/{item_id}"


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


_QUESTION_COLUMNS = (
    "set_id", "id", "position", "type", "section_id", "prompt", "body_json", "explanation",
    "evidence", "tags", "difficulty", "line", "retired",
)
_CARD_COLUMNS = (
    "set_id", "id", "position", "section_id", "front", "back", "explanation", "evidence", "tags",
    "line", "retired",
)
COLUMNS = {"questions": _QUESTION_COLUMNS, "cards": _CARD_COLUMNS}
# Where an item sits in its file moves when a trainer inserts a question: not a change.
_MOVED_ONLY = ("position", "line", "retired")

Row = dict[str, Any]


def _question_row(set_id: str, position: int, q: Question) -> Row:
    return {
        "set_id": set_id, "id": q.id, "position": position, "type": q.type,
        "section_id": q.section, "prompt": q.prompt,
        "body_json": json.dumps(q.body(), ensure_ascii=False), "explanation": q.explanation,
        "evidence": q.evidence, "tags": json.dumps(q.tags, ensure_ascii=False),
        "difficulty": q.difficulty, "line": q.line, "retired": 0,
    }


def _card_row(set_id: str, position: int, c: Card) -> Row:
    return {
        "set_id": set_id, "id": c.id, "position": position, "section_id": c.section,
        "front": c.front, "back": c.back, "explanation": c.explanation, "evidence": c.evidence,
        "tags": json.dumps(c.tags, ensure_ascii=False), "line": c.line, "retired": 0,
    }


def new_rows(question_set: QuestionSet) -> dict[str, builtins.list[Row]]:
    """The rows an import writes, by table ("questions", "cards"), each by column name."""
    set_id = question_set.id
    return {
        "questions": [_question_row(set_id, i, q) for i, q in enumerate(question_set.questions)],
        "cards": [_card_row(set_id, i, c) for i, c in enumerate(question_set.cards)],
    }


def row_change(old: Row | None, new: Row) -> str:
    """What importing ``new`` does to an item: "added", "returning" (it was retired and comes
    back), "changed" or "unchanged". The one rule for the import and its plan; rows are
    compared column by column by name, so a column added to a table cannot shift the rest."""
    if old is None:
        return "added"
    if old["retired"]:
        return "returning"
    differs = any(old.get(name) != value for name, value in new.items()
                  if name not in _MOVED_ONLY)
    return "changed" if differs else "unchanged"


class QuestionSetsService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

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
                 iso(self.clock()), int(question_set.builtin)],
            )
            done = 0
            rows_by_table = new_rows(question_set)
            existing_by_table = self.existing_items(set_id)
            for table, columns in COLUMNS.items():
                rows = rows_by_table[table]
                existing = existing_by_table[table]
                changed: list[tuple[Any, ...]] = []
                for row in rows:
                    change = row_change(existing.pop(row["id"], None), row)
                    if change == "added":
                        summary.added += 1
                    elif change == "unchanged":
                        summary.unchanged += 1
                    else:
                        summary.updated += 1
                    changed.append(tuple(row[name] for name in columns))
                placeholders = ", ".join("?" * len(columns))
                for start in range(0, len(changed), PROGRESS_EVERY):
                    self.db.conn.executemany(
                        f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({placeholders})",
                        changed[start:start + PROGRESS_EVERY],
                    )
                    done += len(changed[start:start + PROGRESS_EVERY])
                    if progress:
                        progress(done, total)
                retired_ids = [item_id for item_id, old in existing.items() if not old["retired"]]
                summary.retired += len(retired_ids)
                self.db.conn.executemany(
                    f"UPDATE {table} SET retired = 1 WHERE set_id = ? AND id = ?",
                    [(set_id, item_id) for item_id in retired_ids],
                )
        if progress:
            progress(total, total)
        return summary

    def existing_items(self, set_id: str) -> dict[str, dict[str, Row]]:
        """The set's stored rows (retired ones too), by table and item id, each by column."""
        found: dict[str, dict[str, Row]] = {}
        for table, columns in COLUMNS.items():
            cursor = self.db.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE set_id = ?", [set_id])
            names = [description[0] for description in cursor.description]
            rows = (dict(zip(names, row, strict=True)) for row in cursor.fetchall())
            found[table] = {row["id"]: row for row in rows}
        return found

    def list(self) -> list[SetInfo]:
        infos = {
            row["id"]: SetInfo(**{**row, "builtin": bool(row["builtin"])})
            for row in self.db.query(
                "SELECT id, title, version, description, source, format, sha256, imported_at, "
                "builtin FROM question_sets ORDER BY builtin DESC, title"
            )
        }
        for row in self.db.query(
            "SELECT set_id, type, count(*) AS n FROM questions WHERE retired = 0 GROUP BY 1, 2"
        ):
            infos[row["set_id"]].by_type[row["type"]] = row["n"]
            infos[row["set_id"]].question_count += row["n"]
        for table in ("questions", "cards"):
            for row in self.db.query(
                f"SELECT set_id, coalesce(section_id, '') AS section_id, count(*) AS n "
                f"FROM {table} WHERE retired = 0 GROUP BY 1, 2"
            ):
                info = infos[row["set_id"]]
                info.by_section[row["section_id"]] = (
                    info.by_section.get(row["section_id"], 0) + row["n"])
                if table == "cards":
                    info.card_count += row["n"]
        return list(infos.values())

    def info(self, set_id: str) -> SetInfo:
        for info in self.list():
            if info.id == set_id:
                return info
        raise StoreError(msg("There is no question set '{id}' in this profile.",
                                 id=set_id).render())

    def get(self, set_id: str) -> QuestionSet:
        """The set as it is now: its active (not retired) questions and cards."""
        found = list(self.db.query(
            "SELECT id, title, version, description, language, source, format, builtin "
            "FROM question_sets WHERE id = ?",
            [set_id],
        ))
        if not found:
            raise StoreError(msg("There is no question set '{id}' in this profile.",
                                 id=set_id).render())
        question_set = QuestionSet(**{**found[0], "builtin": bool(found[0]["builtin"])})
        for row in self.db.query(
            "SELECT id, type, section_id, prompt, body_json, explanation, evidence, tags, "
            "difficulty, line FROM questions WHERE set_id = ? AND retired = 0 "
            "ORDER BY position",
            [set_id],
        ):
            question = Question(
                id=row["id"], type=row["type"], prompt=row["prompt"], section=row["section_id"],
                explanation=row["explanation"], evidence=row["evidence"],
                tags=json.loads(row["tags"]), difficulty=row["difficulty"], line=row["line"],
            )
            question.set_body(json.loads(row["body_json"]))
            question_set.questions.append(question)
        for row in self.db.query(
            "SELECT id, section_id, front, back, explanation, evidence, tags, line FROM cards "
            "WHERE set_id = ? AND retired = 0 ORDER BY position",
            [set_id],
        ):
            question_set.cards.append(
                Card(id=row["id"], front=row["front"], back=row["back"],
                     section=row["section_id"], explanation=row["explanation"],
                     evidence=row["evidence"], tags=json.loads(row["tags"]), line=row["line"])
            )
        return question_set

    def remove(self, set_id: str) -> None:
        """Removes a trainer's set; learners' results stay in the history tables."""
        info = self.info(set_id)
        if info.builtin:
            raise StoreError(msg("'{title}' is built into StudyApp and cannot be removed.",
                                 title=info.title).render())
        with self.db.atomic():
            self.db.execute("DELETE FROM question_sets WHERE id = ?", [set_id])

    def ensure_builtin(self) -> builtins.list[ImportSummary]:
        """Imports the sets shipped in ``questions/`` that are new or changed."""
        from studyapp.core.questionsets import load_file

        summaries = []
        for path, digest in builtin_files_to_install(self.db):
            result = load_file(path)
            if result.question_set is None or not result.ok:
                problems = "; ".join(str(p) for p in result.problems[:3])
                raise StoreError(msg("The built-in question set {name} is damaged ({problems}). "
                                     "Reinstall StudyApp to repair it.", name=path.name,
                                     problems=problems).render())
            result.question_set.builtin = True
            result.question_set.source = path.name
            summaries.append(self.import_set(result.question_set, sha256=digest))
        return summaries


