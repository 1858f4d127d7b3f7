"""The import plan: what importing question-set files would add, change, retire and refuse.

One function, :func:`plan_import`, decides it for the command line (``studyapp import``, and
``--dry-run``, which prints the plan and writes nothing) and for the import dialog's preview,
so that the two never disagree; :func:`apply_plan` then writes exactly that plan, all files
or none, using the store's own rule for each item (``row_change``).

Refused, as problem lines naming file and line, with nothing written:
- a trainer's file whose set id is a built-in set's id (it would retire the built-in
  items, and be retired itself at the next start);
- two files in one import with the same set id (the second would retire the first's items).

A file whose bytes (SHA-256) are those of the set's last import, with no item to change, is
"already imported, nothing to change", and is not written again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.core.messages import msg
from studyapp.core.questionsets import SET_ID_LINE, LoadResult, load_file
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.model import QuestionSet
from studyapp.core.questionsets.pictures import copy_pictures, pictures_folder

if TYPE_CHECKING:
    from studyapp.core.store import ImportSummary, SetInfo, Store

__all__ = ["ImportPlan", "LoadedFile", "SetPlan", "apply_plan", "builtin_sets", "load_files",
           "plan_import"]


@dataclass
class LoadedFile:
    """A file as read for importing."""

    path: str
    result: LoadResult
    sha256: str = ""


@dataclass
class SetPlan:
    """What importing one file does. Item ids per kind of change ("q:" questions, "c:" cards)."""

    path: str
    question_set: QuestionSet | None
    sha256: str = ""
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # never block the import
    # How a spreadsheet's columns were understood: (header as written, meaning).
    columns: list[tuple[str, str]] = field(default_factory=list)
    existing: SetInfo | None = None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    returning: list[str] = field(default_factory=list)  # retired before, back now
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.question_set is not None and not self.problems

    @property
    def updated(self) -> int:
        """Items rewritten with new content: changed and returning (as ImportSummary counts)."""
        return len(self.changed) + len(self.returning)

    @property
    def already_imported(self) -> bool:
        """The very same file was imported last, and importing it again changes nothing."""
        return (self.existing is not None and bool(self.sha256)
                and self.existing.sha256 == self.sha256 and not self.has_changes)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.returning or self.retired)

    def describe(self) -> str:
        """One line for the command line: "set 'x' (new): 3 added, ..."."""
        assert self.question_set is not None
        set_id = self.question_set.id
        if self.already_imported:
            return msg("set '{id}': already imported, nothing to change", id=set_id).render()
        values = {"id": set_id, "added": len(self.added), "updated": self.updated,
                  "unchanged": len(self.unchanged), "retired": len(self.retired)}
        if self.existing is None:
            return msg("set '{id}' (new): {added} added, {updated} updated, {unchanged} "
                       "unchanged, {retired} retired", **values).render()
        return msg("set '{id}' (update): {added} added, {updated} updated, {unchanged} "
                   "unchanged, {retired} retired", **values).render()


@dataclass
class ImportPlan:
    sets: list[SetPlan]

    @property
    def problems(self) -> list[Problem]:
        return [problem for plan in self.sets for problem in plan.problems]

    @property
    def warnings(self) -> list[Problem]:
        return [warning for plan in self.sets for warning in plan.warnings]

    @property
    def ok(self) -> bool:
        return bool(self.sets) and all(plan.ok for plan in self.sets)

    @property
    def to_write(self) -> list[SetPlan]:
        return [plan for plan in self.sets if plan.ok and not plan.already_imported]


def load_files(paths: Sequence[str | Path], format: str | None = None) -> list[LoadedFile]:
    """Reads every file once (never raises for bad input), with the SHA-256 of the bytes
    parsed: a file swapped after the read cannot slip its own hash into the plan."""
    files = []
    for path in paths:
        result = load_file(path, format)
        digest = result.sha256 if result.question_set is not None else ""
        files.append(LoadedFile(str(path), result, digest))
    return files


@lru_cache(maxsize=1)
def builtin_sets() -> dict[str, str]:
    """The sets shipped with StudyApp (``questions/*.yaml``): set id -> SHA-256 of the file."""
    import hashlib

    from studyapp.core.resources import questions_dir

    sets = {}
    for entry in questions_dir().iterdir():
        if entry.name.endswith((".yaml", ".yml")) and entry.is_file():
            data = entry.read_bytes()
            found = SET_ID_LINE.search(data.decode("utf-8", errors="replace"))
            if found:
                sets[found.group(2)] = hashlib.sha256(data).hexdigest()
    return sets


def plan_import(files: Sequence[LoadedFile], store: Store | None,
                quality: bool = False) -> ImportPlan:
    """What importing ``files`` into ``store`` would do (``None``: an empty profile).

    Reads the profile only; never raises for bad input (refusals are problems). With
    ``quality``, a set without problems also gets the question-quality warnings
    (core/questionsets/quality.py), which never block the import.
    """
    known: dict[str, SetInfo] = {}
    if store is not None:
        known = {info.id: info for info in store.question_sets.list()}
    shipped = builtin_sets()
    builtin = set(shipped) | {set_id for set_id, info in known.items() if info.builtin}
    plans: list[SetPlan] = []
    first_with: dict[str, str] = {}
    for loaded in files:
        result = loaded.result
        plan = SetPlan(loaded.path, result.question_set, loaded.sha256, list(result.problems),
                       list(result.warnings), list(result.columns))
        plans.append(plan)
        question_set = result.question_set
        if question_set is None:
            continue
        _keep_legacy_id(question_set, loaded.path, known)
        set_id = question_set.id
        # (The shipped file itself, byte for byte, is no trainer's file: it may be checked.)
        if set_id in builtin and shipped.get(set_id) != loaded.sha256:
            plan.problems.insert(0, problem(loaded.path, result.id_line, msg(
                "set id '{id}' is the id of a set built into StudyApp; importing it would "
                "replace the built-in questions. Give your set its own id (e.g. '{id}-extra')",
                id=set_id)))
        if set_id in first_with:
            plan.problems.insert(0, problem(loaded.path, result.id_line, msg(
                "set id '{id}' is also used by {other}, which is imported too: the second "
                "would retire the first one's items. Give each set its own id, or import the "
                "files one at a time", id=set_id, other=first_with[set_id])))
        else:
            first_with[set_id] = loaded.path
        plan.existing = known.get(set_id)
        if plan.problems:
            continue
        if quality:
            from studyapp.core.questionsets.quality import quality_warnings

            plan.warnings.extend(quality_warnings(question_set, loaded.path))
        _diff(plan, question_set, store if plan.existing is not None else None)
    return ImportPlan(plans)


def _keep_legacy_id(question_set: QuestionSet, path: str, known: dict[str, SetInfo]) -> None:
    """A set made from a Chinese file name before set ids kept Chinese characters has the
    id "set-<hash>" in the profile: it keeps that id, and with it the learners' progress."""
    if question_set.format == "native" or question_set.id in known:
        return
    from studyapp.core.questionsets._text import legacy_set_id_from_path, set_id_from_path

    if question_set.id != set_id_from_path(path):
        return  # not an id made from the file name
    legacy = legacy_set_id_from_path(path)
    if legacy is not None and legacy in known:
        question_set.id = legacy


def _diff(plan: SetPlan, question_set: QuestionSet, store: Store | None) -> None:
    from studyapp.core.store.question_sets import new_rows, row_change

    existing = store.question_sets.existing_items(question_set.id) if store else {}
    lists = {"added": plan.added, "changed": plan.changed, "returning": plan.returning,
             "unchanged": plan.unchanged}
    for table, rows in new_rows(question_set).items():
        before = dict(existing.get(table, {}))
        prefix = "q:" if table == "questions" else "c:"
        for row in rows:
            lists[row_change(before.pop(row["id"], None), row)].append(prefix + row["id"])
        plan.retired += [prefix + item_id for item_id, old in before.items()
                         if not old["retired"]]


def apply_plan(plan: ImportPlan, store: Store,
               progress: Callable[[int, int], None] | None = None) -> list[ImportSummary]:
    """Writes the plan's sets in one transaction, all or none (skipping files already
    imported as they are). Raises ValueError when the plan has problems."""
    if not plan.ok:
        raise ValueError("the import plan has problems; nothing was imported")
    sets = [(p.question_set, p.sha256) for p in plan.to_write if p.question_set is not None]
    # Pictures first (named by content, so a failed import leaves only unused copies).
    copy_pictures([question_set for question_set, _ in sets], pictures_folder(store.path))
    return store.question_sets.import_sets(sets, progress=progress)
