"""`studyapp import`: refusals (built-in id, one set id twice), --dry-run, the same file twice."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from studyapp.app import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def native(set_id: str, *items: str) -> str:
    body = "".join(f"  - {{id: {item}, type: truefalse, prompt: '{item}?', answer: true}}\n"
                   for item in items)
    return f"format: studyapp-questions/1\nid: {set_id}\ntitle: {set_id}\nquestions:\n{body}"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def sets(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(["sets", "--json"], capsys)
    assert code == 0
    result: list[dict[str, object]] = json.loads(out)
    return result


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_built_in_set_id_is_refused_and_the_profile_unchanged(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sets(capsys)
    profile = isolated_data_dir / "profiles" / "default.sqlite3"
    mine = write(tmp_path, "mine.yaml", native("four-relationships", "x"))
    snapshot = digest(profile)
    code, out, err = run(["import", str(mine)], capsys)
    assert code == 1 and out == ""
    assert f"{mine}:2: set id 'four-relationships' is the id of a set built into" in err
    assert "nothing was imported" in err and "Traceback" not in err
    assert digest(profile) == snapshot
    assert sets(capsys) == before


def test_two_files_with_the_same_set_id_are_refused(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write(tmp_path, "a.yaml", native("week", "a1"))
    second = write(tmp_path, "b.yaml", native("week", "b1"))
    before = sets(capsys)
    code, _, err = run(["import", str(first), str(second)], capsys)
    assert code == 1
    assert f"{second}:2: set id 'week' is also used by {first}" in err
    assert sets(capsys) == before
    code, _, err = run(["validate", str(first), str(second)], capsys)
    assert code == 1 and "also used by" in err


def test_dry_run_prints_the_plan_and_writes_nothing(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "week.yaml", native("week", "a", "b"))
    code, out, _ = run(["import", "--dry-run", str(path)], capsys)
    assert code == 0
    assert f"{path}: would import set 'week' (new): 2 added, 0 updated, 0 unchanged, " \
           "0 retired" in out
    assert "nothing was written" in out
    assert not (isolated_data_dir / "profiles").exists()  # not even a new profile

    assert run(["import", str(path)], capsys)[0] == 0
    profile = isolated_data_dir / "profiles" / "default.sqlite3"
    write(tmp_path, "week.yaml", native("week", "b", "c"))
    snapshot = digest(profile)
    code, out, _ = run(["import", "--dry-run", str(path)], capsys)
    assert code == 0
    assert "set 'week' (update): 1 added, 0 updated, 1 unchanged, 1 retired" in out
    assert digest(profile) == snapshot
    code, out, _ = run(["import", str(path)], capsys)
    assert code == 0 and "set 'week': 1 added, 0 updated, 1 unchanged, 1 retired" in out


def test_the_same_file_twice_is_noticed(tmp_path: Path, isolated_data_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "week.yaml", native("week", "a"))
    assert run(["import", str(path)], capsys)[0] == 0
    [week] = [info for info in sets(capsys) if info["id"] == "week"]
    code, out, _ = run(["import", str(path)], capsys)
    assert code == 0
    assert out == f"{path}: set 'week': already imported, nothing to change\n"
    [again] = [info for info in sets(capsys) if info["id"] == "week"]
    assert again["imported_at"] == week["imported_at"]  # not written again


def test_a_chinese_file_name_gives_a_readable_set_id(tmp_path: Path, isolated_data_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "第一章 练习.csv"
    path.write_text("题型,题干,答案\n判断,创新源于实践。,对\n", encoding="utf-8")
    code, out, _ = run(["import", str(path)], capsys)
    assert code == 0 and "set '第一章-练习'" in out
    assert "第一章-练习" in [info["id"] for info in sets(capsys)]


def test_dry_run_works_beside_a_window_holding_the_profile(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    path = write(tmp_path, "week.yaml", native("week", "a"))
    assert run(["import", str(path)], capsys)[0] == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom pathlib import Path\nfrom studyapp.core.store import open_store\n"
         "store = open_store(Path(sys.argv[1]), 'default')\nprint('held', flush=True)\n"
         "time.sleep(30)\n", str(isolated_data_dir)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        write(tmp_path, "week.yaml", native("week", "a", "b"))
        code, out, err = run(["import", "--dry-run", str(path)], capsys)
        assert code == 0, err
        assert "set 'week' (update): 1 added" in out
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def test_titles_and_file_names_never_reach_the_terminal_raw(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "week\x1b[2J.yaml"
    path.write_text(native("week", "a").replace("title: week", 'title: "T\\e]0;owned\\a"'),
                    encoding="utf-8")
    for argv in (["validate", str(path)], ["import", str(path)], ["sets"]):
        code, out, err = run(argv, capsys)
        assert code == 0, err
        assert "\x1b" not in out + err and "\x07" not in out + err
    assert "T\\x1b]0;owned\\x07" in out
