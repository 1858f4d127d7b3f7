"""The built-in question sets pass `studyapp validate` and install once into a fresh profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core.questionsets import load_file
from studyapp.core.resources import questions_dir
from studyapp.core.store import Store, open_store


def builtin_files() -> list[Path]:
    return sorted(Path(str(questions_dir())).glob("*.yaml"))


def test_the_builtin_files_are_the_expected_ones() -> None:
    assert [path.name for path in builtin_files()] == [
        "four-relationships.yaml",
        "glossary.yaml",
        "report-problems-and-reasons.yaml",
        "report-suggestions.yaml",
    ]


@pytest.mark.parametrize("path", builtin_files(), ids=lambda path: path.name)
def test_cli_validate_accepts_the_builtin_file(
    path: Path, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code = main(["validate", str(path)])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    assert not isolated_data_dir.exists()


def test_cli_validate_accepts_all_builtin_files_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["validate", *(str(path) for path in builtin_files())])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    db = store.db
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("question_sets", "questions", "cards")
    }


def test_a_fresh_profile_gets_the_builtin_sets_once(isolated_data_dir: Path) -> None:
    expected = {}
    for path in builtin_files():
        result = load_file(path)
        assert result.ok and result.question_set is not None
        expected[result.question_set.id] = result.question_set

    store = open_store(isolated_data_dir, "fresh")
    try:
        assert store.question_sets.list() == []
        first = store.question_sets.ensure_builtin()
        assert len(first) == len(expected)

        infos = {info.id: info for info in store.question_sets.list()}
        assert set(infos) == set(expected)
        for set_id, question_set in expected.items():
            info = infos[set_id]
            assert info.builtin is True
            assert info.question_count == len(question_set.questions)
            assert info.card_count == len(question_set.cards)

        before = snapshot(store)
        assert store.question_sets.ensure_builtin() == []
        assert snapshot(store) == before
    finally:
        store.close()
