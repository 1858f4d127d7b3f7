"""The import plan: one diff for the CLI, its dry run and the import dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.importing import apply_plan, builtin_sets, load_files, plan_import
from studyapp.core.store import Store, open_store


def native(set_id: str, items: dict[str, str]) -> str:
    lines = [f"format: studyapp-questions/1\nid: {set_id}\ntitle: Set {set_id}\nquestions:"]
    for item_id, prompt in items.items():
        lines.append(f"  - {{id: {item_id}, type: truefalse, prompt: '{prompt}', answer: true}}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "data", "tester")
    yield opened  # type: ignore[misc]
    opened.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def plan_of(store: Store | None, *paths: Path):  # type: ignore[no-untyped-def]
    return plan_import(load_files(paths), store)


def test_the_plan_and_the_import_agree_through_a_sets_life(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "week.yaml"
    versions = [
        {"a": "A.", "b": "B.", "c": "C."},
        {"a": "A changed.", "b": "B.", "d": "D."},  # a changed, c retired, d added
        {"a": "A changed.", "c": "C is back.", "d": "D."},  # c returns, b retired
        {"a": "A changed.", "c": "C is back.", "d": "D."},  # the same again
    ]
    expected = [("new", 3, 0, 0, 0), ("update", 1, 1, 1, 1), ("update", 0, 1, 2, 1),
                (None, 0, 0, 3, 0)]
    for version, (state, added, updated, unchanged, retired) in zip(versions, expected,
                                                                    strict=True):
        path.write_text(native("week", version), encoding="utf-8")
        plan = plan_of(store, path)
        assert plan.ok, plan.problems
        [set_plan] = plan.sets
        counts = (len(set_plan.added), set_plan.updated, len(set_plan.unchanged),
                  len(set_plan.retired))
        assert counts == (added, updated, unchanged, retired)
        if state is None:
            assert set_plan.already_imported
            assert "already imported, nothing to change" in set_plan.describe()
            assert apply_plan(plan, store) == []
            continue
        assert f"({state})" in set_plan.describe()
        [summary] = apply_plan(plan, store)
        assert (summary.added, summary.updated, summary.unchanged, summary.retired) == counts
    assert [q.id for q in store.question_sets.get("week").questions] == ["a", "c", "d"]


def test_a_returning_item_is_planned_as_it_is_imported(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", native("s", {"x": "X.", "y": "Y."}))
    apply_plan(plan_of(store, path), store)
    write(tmp_path, "s.yaml", native("s", {"x": "X."}))
    apply_plan(plan_of(store, path), store)
    write(tmp_path, "s.yaml", native("s", {"x": "X.", "y": "Y."}))
    [set_plan] = plan_of(store, path).sets
    assert set_plan.returning == ["q:y"] and set_plan.added == [] and set_plan.updated == 1


def test_a_built_in_set_id_is_refused(store: Store, tmp_path: Path) -> None:
    store.question_sets.ensure_builtin()
    before = store.question_sets.get("four-relationships")
    path = write(tmp_path, "mine.yaml", native("four-relationships", {"q": "Mine."}))
    plan = plan_of(store, path)
    assert not plan.ok
    [problem] = plan.problems
    assert str(problem).startswith(f"{path}:2: set id 'four-relationships' is the id of a set "
                                   "built into StudyApp")
    with pytest.raises(ValueError):
        apply_plan(plan, store)
    after = store.question_sets.get("four-relationships")
    assert [q.id for q in after.questions] == [q.id for q in before.questions]


def test_the_shipped_built_in_file_itself_is_not_refused(store: Store) -> None:
    from studyapp.core.resources import questions_dir

    assert set(builtin_sets()) == {"four-relationships", "report-problems-and-reasons",
                                   "report-suggestions", "glossary"}
    shipped = Path(str(questions_dir() / "four-relationships.yaml"))
    assert plan_of(None, shipped).ok


def test_two_files_with_one_set_id_are_refused(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", native("same", {"a": "A."}))
    second = write(tmp_path, "b.yaml", native("same", {"b": "B."}))
    plan = plan_of(None, first, second)
    assert not plan.ok and plan.sets[0].ok
    [problem] = plan.problems
    assert str(problem).startswith(f"{second}:2: set id 'same' is also used by {first}")


def test_load_problems_are_part_of_the_plan(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "format: studyapp-questions/1\nid: x\n")
    plan = plan_of(None, path)
    assert not plan.ok and plan.problems


def test_a_set_imported_under_its_old_hashed_id_keeps_it(store: Store, tmp_path: Path) -> None:
    import hashlib

    from studyapp.core.questionsets import load_file

    path = tmp_path / "题库.csv"
    path.write_text("题型,题干,答案\n判断,创新源于实践。,对\n", encoding="utf-8")
    old_id = "set-" + hashlib.sha1("题库".encode()).hexdigest()[:8]
    earlier = load_file(path).question_set
    assert earlier is not None and earlier.id == "题库"
    earlier.id = old_id  # as StudyApp 0.1 named it
    store.question_sets.import_set(earlier, sha256="older")
    [set_plan] = plan_of(store, path).sets
    assert set_plan.question_set is not None and set_plan.question_set.id == old_id
    assert set_plan.existing is not None and len(set_plan.unchanged) == 1
    apply_plan(plan_of(store, path), store)
    assert [info.id for info in store.question_sets.list() if not info.builtin] == [old_id]
    # A new profile gets the readable id.
    [fresh] = plan_of(None, path).sets
    assert fresh.question_set is not None and fresh.question_set.id == "题库"


def test_stored_rows_are_compared_by_column_name() -> None:
    """A stored row read with its columns in another order is the same row (issue 14)."""
    from studyapp.core.store.question_sets import row_change

    new = {"set_id": "s", "id": "q1", "position": 0, "type": "truefalse", "prompt": "P.",
           "line": 3, "retired": 0}
    stored = dict(reversed(list({**new, "position": 5, "line": 9}.items())))
    assert row_change(stored, new) == "unchanged"
    assert row_change({**stored, "prompt": "Q."}, new) == "changed"
    assert row_change({**stored, "retired": 1}, new) == "returning"
    assert row_change(None, new) == "added"


def test_the_plan_reads_the_profile_by_column_name(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "week.yaml", native("week", {"a": "A.", "b": "B."}))
    apply_plan(plan_of(store, path), store)
    stored = store.question_sets.existing_items("week")["questions"]
    assert stored["a"]["prompt"] == "A." and stored["a"]["retired"] == 0
    write(tmp_path, "week.yaml", native("week", {"b": "B.", "a": "A."}))  # only moved
    [set_plan] = plan_of(store, path).sets
    assert set_plan.already_imported is False and not set_plan.has_changes
