"""Exam definitions, the results file's checksum and the class report's skipping rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.class_report import build_class_report, read_results_file
from studyapp.core.clock import FakeClock
from studyapp.core.exams import draw_exam, dump_exam, import_exam, parse_exam, start_exam
from studyapp.core.questionsets.errors import ProblemsFound
from studyapp.core.questionsets.model import Choice, Question, QuestionSet
from studyapp.core.report import load_report
from studyapp.core.results_folder import FolderUnreachable, write_results_file
from studyapp.core.stats import ChecksumError
from studyapp.core.store import Store, open_store

EXAM = """format: studyapp-exam/1
id: final
title: 结业考试
scope: set:s
questions:
  per_type:
    single: 3
    truefalse: 1
time_limit: 10
pass_mark: 50
attempts: 1
answers_shown: never
seed: 7
deadline: 2030-01-31
"""


def a_set() -> QuestionSet:
    return QuestionSet("s", "S", questions=[
        Question(f"q{n}", "single", f"Q{n}?", section="suggestions.5.1",
                 choices=[Choice("right", True), Choice("wrong")]) for n in range(5)] + [
        Question("t", "truefalse", "T?", section="suggestions.5.2", truth=True)])


@pytest.fixture
def learner(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "data", "张伟", clock=FakeClock())
    store.question_sets.import_set(a_set())
    store.progress.set_profile_details("张伟", "一处")
    yield store
    store.close()


def test_an_exam_reads_back_as_written_and_draws_the_same_for_everyone(learner: Store) -> None:
    exam = parse_exam(EXAM, "final.studyexam")
    assert parse_exam(dump_exam(exam)) == exam
    assert exam.per_type == {"single": 3, "truefalse": 1} and exam.pass_mark == 0.5
    questions = learner.quizzes.questions()
    first = [i.key for i in draw_exam(exam, questions)]
    assert first == [i.key for i in draw_exam(exam, questions)]
    variant_b = [i.key for i in draw_exam(exam, questions, seed=8)]
    assert sorted(variant_b) == sorted(first)


def test_every_problem_of_an_exam_file_is_named_with_its_line() -> None:
    with pytest.raises(ProblemsFound) as found:
        parse_exam("id: a b\ntitle: T\nquestions: {per_type: {essay: 2}}\nseed: x\nwhat: 1\n",
                   "bad.studyexam")
    lines = [str(p) for p in found.value.problems]
    assert lines[0].startswith("bad.studyexam:1: 'id' must be")
    assert any(line.startswith("bad.studyexam:3: 'essay' is not a question type")
               for line in lines)
    assert any(line.startswith("bad.studyexam:4: 'seed'") for line in lines)
    assert any(line.startswith("bad.studyexam:5: unknown field 'what'") for line in lines)


def test_results_carry_the_exam_and_the_checksum_catches_an_edit(learner: Store,
                                                                 tmp_path: Path) -> None:
    source = tmp_path / "final.studyexam"
    source.write_text(EXAM, encoding="utf-8")
    exam, new = import_exam(learner, source)
    session = start_exam(learner, learner.clock, exam)
    for index in range(len(session.items)):
        session.answer(index, 1 if session.items[index].question.type == "single" else True)
    session.finish()
    folder = tmp_path / "share"
    with pytest.raises(FolderUnreachable):
        write_results_file(learner, load_report(), folder, pc="pc1")
    folder.mkdir()
    written = write_results_file(learner, load_report(), folder, pc="pc1")
    assert written.name == "studyapp-results-张伟@pc1.csv"
    text = written.read_text(encoding="utf-8-sig")
    assert ",answer,s/q" in text and ",final,1," in text
    parsed = read_results_file(written)
    assert parsed.attempts["1"].exam == "final" and len(parsed.answers) == 4
    edited = folder / "edited.csv"
    edited.write_text(text.replace(",no,", ",yes,", 1), encoding="utf-8-sig", newline="")
    with pytest.raises(ChecksumError, match="checksum does not match"):
        read_results_file(edited)


def test_the_class_report_skips_damaged_foreign_and_older_files_by_name(
        learner: Store, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    newer = write_results_file(learner, load_report(), folder, pc="office")
    text = newer.read_text(encoding="utf-8-sig")
    from studyapp.core.stats import results_csv, results_rows  # the same learner, earlier

    rows = results_rows(learner, load_report(), exported_at="2000-01-01T00:00:00+00:00")
    (folder / "older.csv").write_text(results_csv(rows), encoding="utf-8-sig", newline="")
    (folder / "cut.csv").write_text(text[:200], encoding="utf-8-sig")
    (folder / "foreign.csv").write_text("name,score\nx,1\n", encoding="utf-8")
    (folder / "binary.csv").write_bytes(b"\xff\xfe\x00garbage")
    report = build_class_report([folder])
    assert [f.path.name for f in report.learners] == [newer.name]
    reasons = {s.path.name: str(s.reason) for s in report.skipped}
    assert set(reasons) == {"older.csv", "cut.csv", "foreign.csv", "binary.csv"}
    assert "older results file" in reasons["older.csv"]
    assert "checksum" in reasons["cut.csv"]
    assert "not a StudyApp results file" in reasons["foreign.csv"]
    assert "not UTF-8" in reasons["binary.csv"]


def test_the_paper_exam_names_a_handed_out_exam_as_the_glossary_does(learner: Store) -> None:
    """docs/zh-glossary.md: an exam a trainer hands out is 考试; 模拟考试 is the built-in one."""
    from studyapp.core import language
    from studyapp.core.paper import paper_exam

    exam = parse_exam(EXAM, "final.studyexam")
    language.use_language("zh_CN")
    try:
        facts = paper_exam(exam, learner.quizzes.questions()).facts
    finally:
        language.use_language("en")
    assert facts[-1] == "考试：final"
    assert not [fact for fact in facts if "模拟考试" in fact]


def test_an_exam_files_problem_in_chinese_says_kaoshi() -> None:
    from studyapp.core import language

    language.use_language("zh_CN")
    try:
        with pytest.raises(ProblemsFound) as raised:
            parse_exam("- not a mapping\n", "final.studyexam")
        said = [p.message for p in raised.value.problems]
    finally:
        language.use_language("en")
    assert [text for text in said if text.startswith("考试定义应由字段组成")], said
