"""The question editor's document (core/editing.py): round trips of every built-in set, the
one rule of checking (the editor says what `studyapp validate` says about the saved file),
reversible edits, stable ids, and the spreadsheet export."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core import editing
from studyapp.core.editing import Edit
from studyapp.core.editing_xlsx import export_xlsx
from studyapp.core.importing import apply_plan, load_files, plan_import
from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import QUESTION_TYPES, Card, Choice, Question
from studyapp.core.resources import questions_dir
from studyapp.core.store import open_store

BUILTIN = sorted(Path(str(questions_dir())).glob("*.yaml"))


def without_lines(items: list[Question] | list[Card]) -> list[object]:
    return [dataclasses.replace(item, line=0) for item in items]


@pytest.mark.parametrize("path", BUILTIN, ids=lambda path: path.name)
def test_every_builtin_set_opens_read_only_and_its_copy_saves_and_validates_unchanged(
        path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = editing.open_file(path)
    assert draft.read_only and draft.path is None
    with pytest.raises(PermissionError):
        editing.save(draft, tmp_path / "x.yaml")
    copy = editing.duplicate(draft)
    assert copy.question_set.id == f"{draft.question_set.id}-copy" and not copy.read_only
    assert editing.check(copy).ok
    saved = tmp_path / f"{copy.question_set.id}.yaml"
    editing.save(copy, saved)

    assert main(["validate", str(saved)]) == 0, capsys.readouterr().err
    reread = load_file(saved)
    assert reread.ok and not reread.warnings
    assert reread.question_set is not None
    assert without_lines(reread.question_set.questions) == without_lines(
        draft.question_set.questions)
    assert without_lines(reread.question_set.cards) == without_lines(draft.question_set.cards)
    # Opened again from the saved file, it is the trainer's own: editable, saved in place.
    again = editing.open_file(saved)
    assert not again.read_only and again.path == saved


def test_the_editor_finds_exactly_what_validate_prints_for_the_saved_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = editing.new_draft("Week 1")
    for kind in QUESTION_TYPES:
        draft.question_set.questions.append(editing.blank_question(draft, kind))
    draft.question_set.cards.append(editing.blank_card(draft))
    filled = editing.blank_question(draft, "truefalse", "suggestions.5.2")
    filled.prompt = "Daring to charge and charging are the same."
    filled.evidence = "Dare to charge and charge is not quite the same."  # not word for word
    draft.question_set.questions.append(filled)
    path = tmp_path / "week-1.yaml"
    editing.save(draft, path)
    findings = editing.check(draft)

    assert main(["validate", str(path)]) == 1
    printed = [line for line in capsys.readouterr().err.splitlines()
               if line.startswith(str(path))]
    # The same problems at the same places; only a field is named as the form labels it.
    renamed = {": prompt is": ": the question is", ": answer ": ": the answer ",
               ": front is": ": the card's front is", ": back is": ": the card's back is"}
    expected = []
    for text in printed:
        for key, name in renamed.items():
            text = text.replace(key, name)
        expected.append(text)
    assert expected != printed
    assert [str(f.problem) for f in findings.problems + findings.warnings] == expected
    # Each is placed on its item: the empty prompts on their questions, the evidence on the last.
    assert {f.index for f in findings.problems if f.kind == "questions"} == set(range(8))
    assert any("evidence not found" in f.problem.message
               for f in findings.for_item("questions", 7))
    assert [f.kind for f in findings.problems if "front is empty" in f.problem.message] == [
        "cards"]


def test_a_builtin_set_id_is_refused_as_validate_refuses_it() -> None:
    draft = editing.new_draft("Mine", set_id="glossary")
    draft.question_set.cards.append(Card("c1", "Front", "Back"))
    [finding] = editing.check(draft).problems
    assert finding.kind is None and "built into StudyApp" in finding.problem.message


def test_edits_apply_and_revert_exactly() -> None:
    draft = editing.open_file(BUILTIN[0])
    draft = editing.duplicate(draft)
    before = editing.check(draft).text
    first = draft.question_set.questions[0]
    changed = dataclasses.replace(first, prompt="A new prompt?")
    new = editing.blank_question(draft, "order")
    edits = [
        Edit("replace", "questions", 0, first, changed),
        Edit("insert", "questions", 2, after=new),
        Edit("move", "questions", 0, to=3),
        Edit("remove", "cards", 1, before=draft.question_set.cards[1]),
        Edit("info", before=editing.set_info(draft.question_set),
             after={**editing.set_info(draft.question_set), "title": "Renamed"}),
    ]
    for edit in edits:
        editing.apply(draft, edit)
    assert draft.question_set.title == "Renamed"
    assert draft.question_set.questions[3].prompt == "A new prompt?"
    assert draft.question_set.questions[1].id == new.id
    changed.prompt = "changed after the edit"  # an edit holds copies, not the caller's items
    assert draft.question_set.questions[3].prompt == "A new prompt?"
    for edit in reversed(edits):
        editing.revert(draft, edit)
    assert editing.check(draft).text == before


def test_new_ids_follow_the_sets_style_and_never_clash() -> None:
    assert editing.next_id({"rel-008", "rel-009"}, ["rel-007", "rel-008"], "q-") == "rel-010"
    assert editing.next_id(set(), [], "q-") == "q-001"
    assert editing.next_id({"q-001", "x"}, ["x"], "q-") == "q-002"
    draft = editing.new_draft("Ids")
    ids = set()
    for kind in QUESTION_TYPES:
        question = editing.blank_question(draft, kind)
        draft.question_set.questions.append(question)
        ids.add(question.id)
    assert len(ids) == len(QUESTION_TYPES)
    assert editing.new_draft("第一章 Quiz").question_set.id == "第一章-quiz"


def test_saving_again_keeps_the_learners_history_of_unchanged_items(tmp_path: Path) -> None:
    draft = editing.duplicate(editing.open_file(BUILTIN[0]))
    path = tmp_path / "mine.yaml"
    editing.save(draft, path)
    store = open_store(tmp_path / "data", "learner")
    try:
        apply_plan(plan_import(load_files([path]), store), store)
        reopened = editing.open_file(path)
        question = reopened.question_set.questions[5]
        editing.apply(reopened, Edit("replace", "questions", 5, question,
                                     dataclasses.replace(question, explanation="Clearer now.")))
        editing.apply(reopened, Edit("insert", "questions", 0,
                                     after=editing.blank_question(reopened, "truefalse")))
        reopened.question_set.questions[0].prompt = "A new statement."
        editing.save(reopened, path)
        [plan] = plan_import(load_files([path]), store).sets
        assert plan.changed == [f"q:{question.id}"]
        assert len(plan.added) == 1 and plan.retired == [] and plan.returning == []
        total = len(draft.question_set.questions) + len(draft.question_set.cards)
        assert len(plan.unchanged) == total - 1
    finally:
        store.close()


def test_the_spreadsheet_export_reads_back_as_the_same_questions(tmp_path: Path) -> None:
    draft = editing.duplicate(editing.open_file(BUILTIN[0]))
    first = draft.question_set.questions[0]
    first.choices[1] = Choice("Changed option", first.choices[1].correct, "Why (not).")
    target = tmp_path / "four-relationships-copy.xlsx"
    left_out = export_xlsx(draft.question_set, target)
    kept = [q for q in draft.question_set.questions if q.id not in left_out]
    assert left_out and all(q.type in ("match", "order", "numeric")
                            for q in draft.question_set.questions if q.id in left_out)
    reread = load_file(target)
    assert reread.ok, reread.problems
    assert reread.question_set is not None
    assert reread.question_set.id == draft.question_set.id
    assert without_lines(reread.question_set.questions) == without_lines(kept)
    assert without_lines(reread.question_set.cards) == without_lines(draft.question_set.cards)


def test_in_chinese_the_editor_names_a_field_as_its_form_does(tmp_path: Path) -> None:
    """The form says 题目 / 答案 / 正面; the editor's problems say so too, where the file's
    own problems (studyapp validate) keep the key as written in it (prompt)."""
    from studyapp.core import language

    draft = editing.new_draft("Week 1")
    draft.question_set.questions.append(editing.blank_question(draft, "single"))
    draft.question_set.cards.append(editing.blank_card(draft))
    path = tmp_path / "week-1.yaml"
    editing.save(draft, path)
    language.use_language("zh_CN")
    try:
        shown = [f.problem.message for f in editing.check(draft).problems]
        in_file = [p.message for p in load_file(path).problems]
    finally:
        language.use_language("en")
    assert "题目“q-001”：“题目” 为空" in shown
    assert any(text.startswith("题目“q-001”：“答案” 必须是正确选项的字母") for text in shown)
    assert "卡片“card-001”：“正面” 为空" in shown
    assert not [text for text in shown if "prompt" in text or "answer" in text]
    assert "题目“q-001”：prompt 为空" in in_file


def test_a_set_without_problems_gets_the_quality_warnings_on_their_items(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As `studyapp validate --quality` prints them for the saved file, placed on the question.
    draft = editing.new_draft("Week 2", set_id="week-2")
    question = editing.blank_question(draft, "truefalse", "suggestions.5.2")
    question.prompt = "Daring to charge is not the same as charging recklessly."
    question.evidence = "Dare to charge and charge is not the same."
    draft.question_set.questions.append(question)
    path = tmp_path / "week-2.yaml"
    editing.save(draft, path)
    findings = editing.check(draft)
    assert findings.problems == []
    assert main(["validate", "--quality", str(path)]) == 0
    printed = [line for line in capsys.readouterr().err.splitlines()
               if line.startswith(str(path))]
    assert [str(f.problem) for f in findings.warnings] == printed
    assert any("no explanation" in f.problem.message for f in findings.for_item("questions", 0))
    assert editing.check(draft, quality=False).warnings == []
