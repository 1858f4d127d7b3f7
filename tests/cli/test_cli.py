"""The command-line contract: output, exit codes, and nothing written on problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core.report import load_report

GOOD = """\
format: studyapp-questions/1
id: trainer-set
title: Trainer set
questions:
  - id: q1
    type: truefalse
    section: suggestions.5.2
    prompt: Daring to charge and charging rashly are the same.
    answer: false
    evidence: Dare to charge and charge is not the same.
"""
BAD = """\
format: studyapp-questions/1
id: broken
title: Broken
questions:
  - id: q1
    type: single
    prompt: Which?
    options: [one, two]
    answer: E
  - id: q1
    type: truefalse
    prompt: ""
    answer: true
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return {"good": good, "bad": bad}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_report_json_holds_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["report", "--json"], capsys)
    tree = json.loads(out)
    ids: list[str] = []

    def walk(node: dict) -> None:
        assert set(node) >= {"id", "title", "number", "paragraphs", "children"}
        ids.append(node["id"])
        for child in node["children"]:
            walk(child)

    walk(tree)
    assert code == 0 and ids[1:] == load_report().section_ids


def test_validate_reports_every_problem_with_its_line_and_writes_nothing(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, out, err = run(["validate", str(files["good"]), str(files["bad"])], capsys)
    lines = [line for line in err.splitlines() if line.startswith(str(files["bad"]))]
    assert code == 1 and out == ""
    assert any(":9:" in line and "'E'" in line for line in lines), err
    assert any("twice" in line or "duplicate" in line for line in lines), err
    assert len(lines) >= 3
    assert not isolated_data_dir.exists()


def test_import_is_all_or_nothing(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(["import", str(files["good"]), str(files["bad"])], capsys)
    assert code == 1
    code, out, _ = run(["sets", "--json"], capsys)
    assert "trainer-set" not in [s["id"] for s in json.loads(out)]

    code, out, _ = run(["import", str(files["good"])], capsys)
    assert code == 0 and "1 added" in out
    code, out, _ = run(["sets", "--json"], capsys)
    sets = {s["id"]: s for s in json.loads(out)}
    assert sets["trainer-set"]["questions"] == 1
    assert sets["trainer-set"]["by_type"] == {"truefalse": 1}
    assert sets["trainer-set"]["builtin"] is False


def test_options_work_before_and_after_the_command(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "elsewhere"
    assert run(["--data-dir", str(data), "import", str(files["good"])], capsys)[0] == 0
    code, out, _ = run(["stats", "--json", "--data-dir", str(data), "--profile", "default"],
                       capsys)
    summary = json.loads(out)
    assert code == 0 and summary["question_sets"]["questions"] >= 1
    assert summary["sections"]["total"] == len(load_report().pages)
    assert sum(part["sections"] for part in summary["sections"]["parts"]) == len(
        load_report().pages)
    assert (data / "profiles" / "default.sqlite3").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["validate", "x.yaml", "--format", "word"])
    assert exited.value.code == 2


def test_missing_file_and_bad_profile_are_input_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["validate", "no-such-file.yaml"], capsys)
    assert code == 1 and "no-such-file.yaml:0:" in err
    code, _, err = run(["--profile", "../x", "stats"], capsys)
    assert code == 1 and "profile name" in err and "Traceback" not in err


def test_export_writes_a_csv_excel_can_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "results.csv"
    code, _, _ = run(["export", str(target)], capsys)
    raw = target.read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")
    header, first = raw.decode("utf-8-sig").splitlines()[:2]
    assert header.startswith("profile,kind,item") and first.startswith("default,section,intro")


def test_installed_command_runs_from_another_folder(tmp_path: Path) -> None:
    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path / "data"))
    completed = subprocess.run(
        [sys.executable, "-m", "studyapp", "report"], cwd=tmp_path, env=env,
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    assert completed.stdout.startswith("Research on improving the innovation ability")
    version = subprocess.run(
        [sys.executable, "-m", "studyapp", "--version"], capture_output=True, text=True,
        check=True,
    )
    assert version.stdout.startswith("studyapp ")


def test_stats_json_counts_quiz_attempts_and_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studyapp.core.questionsets.model import Choice, Question, QuestionSet
    from studyapp.core.quiz import QuizEngine
    from studyapp.core.store import open_store

    data = tmp_path / "quizzes"
    store = open_store(data, "default")
    store.question_sets.import_set(QuestionSet("s", "S", questions=[
        Question(f"q{n}", "single", "?", section="suggestions.5.1",
                 choices=[Choice("yes", True), Choice("no")]) for n in range(3)]))
    engine = QuizEngine(store)
    practice = engine.start("practice", "set:s", seed=1)
    practice.answer(0, 0)
    practice.answer(1, 1)
    practice.finish()
    exam = engine.start("exam", "set:s", seed=1)
    exam.answer(0, 0)
    store.close()
    code, out, _ = run(["--data-dir", str(data), "stats", "--json"], capsys)
    summary = json.loads(out)
    assert code == 0
    assert summary["quiz"] == {"attempts": 2, "finished": 1, "in_progress": 1, "answers": 3,
                               "correct": 2, "mistakes": 1}
    assert summary["quiz_attempts"] == 2
    code, out, _ = run(["--data-dir", str(data), "stats"], capsys)
    assert "Quiz answers: 3 (2 right), 1 quizzes in progress, 1 in the mistake notebook" in out
