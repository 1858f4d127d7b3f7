"""Question-quality warnings (core/questionsets/quality.py) and the surface-cue learner
(core/questionsets/surface.py): each kind of giveaway is found, with its file and line, and a
set written without giveaways gets none."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core.importing import load_files, plan_import
from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import Choice, Question, QuestionSet
from studyapp.core.questionsets.quality import quality_warnings
from studyapp.core.questionsets.surface import section_source, surface_credit, surface_score
from studyapp.core.questionsets.wording import content_words, stem

BIASED = Path(__file__).parents[2] / "fixtures" / "quality" / "biased.yaml"


def warnings_of(question_set: QuestionSet) -> list[str]:
    return [f"{w.line}: {w.message}" for w in quality_warnings(question_set, "set.yaml")]


def single(number: int, key: int, texts: list[str], section: str = "suggestions.5.2",
           prompt: str = "") -> Question:
    return Question(id=f"s{number}", type="single", line=number, section=section,
                    prompt=prompt or f"Which of these fits case number {number} best?",
                    choices=[Choice(text, i == key) for i, text in enumerate(texts)],
                    explanation="Each wrong choice mistakes which step comes first here.")


def a_set(questions: list[Question]) -> QuestionSet:
    return QuestionSet(id="example", title="Example", questions=questions)


@pytest.fixture(scope="module")
def biased() -> list[str]:
    result = load_file(BIASED)
    assert result.ok and result.question_set is not None, result.problems
    return [f"{w.line}: {w.message}" for w in quality_warnings(result.question_set, str(BIASED))]


@pytest.mark.parametrize(("line", "start"), [
    (7, "option A is the key of 5 of 5 single-choice questions"),
    (7, "question 'key-a-1': the key is the longest option, as in 5 of 5"),
    (7, "question 'key-a-1': the key repeats the most words of the source, as in 5 of 5"),
    (51, "question 'key-a-5': the prompt names the answer"),
    (63, "3 of 3 select-all questions have 3 right options"),
    (63, "3 of 3 select-all questions have all options but 2 right"),
    (87, "question 'copied-true-1': a true statement in the source's own words"),
    (93, "question 'copied-true-2': a true statement in the source's own words"),
    (106, "question 'no-explanation': no explanation"),
    (111, "question 'copied-explanation': the explanation only repeats the evidence"),
    (118, "question 'names-its-answer': the prompt contains its answer 'practice'"),
    (124, "question 'two-pairs': a match of 2 pairs"),
    (132, "question 'heading-evidence': the evidence is the section's heading"),
    (139, "question 'duplicate-prompt': nearly the same prompt as question "
          "'copied-explanation' (line 111)"),
])
def test_each_giveaway_of_the_biased_set_is_warned_about_at_its_line(
        biased: list[str], line: int, start: str) -> None:
    assert any(found.startswith(f"{line}: {start}") for found in biased), biased


def test_the_biased_set_gets_no_other_warning(biased: list[str]) -> None:
    # 5 single questions x (longest, most source words) + 1 position + 1 names the answer,
    # 2 select-all counts, 2 verbatim truths, 6 single-item findings.
    assert len(biased) == 22


def test_a_set_without_giveaways_gets_no_warning() -> None:
    texts = ["Decide after the facts are known", "Decide before the facts are known",
             "Copy what another unit decided", "Wait for the superior to decide"]
    cases = ["a pilot fails", "a plan is copied", "a slogan is posted", "a survey is skipped",
             "a rule is bent", "a team is split", "a site is visited", "a target is missed"]
    fair = a_set([single(i, i % 4, texts, prompt=f"What should the cadre do when {case}?")
                  for i, case in enumerate(cases)])
    assert warnings_of(fair) == []


def test_a_key_that_repeats_the_source_is_warned_about_only_when_it_is_a_habit() -> None:
    copied = "Understanding the situation, mastering the law and in-depth research"
    made_up = ["Speed", "Luck of the draw", "Orders from above"]
    habit = a_set([single(i, 0, [copied, *made_up]) for i in range(1, 4)]
                  + [single(i, 0, ["Speed first", "Luck", copied, "Orders"]) for i in (4, 5)])
    found = warnings_of(habit)
    assert sum("repeats the most words of the source" in f for f in found) == 3
    once = a_set([single(1, 0, [copied, *made_up])]
                 + [single(i, i % 4, ["Speed first", "Luck", copied, "Orders"])
                    for i in range(2, 6) if i % 4 != 2])
    assert not any("repeats the most words" in f for f in warnings_of(once))


def test_select_all_with_counts_varied_from_one_to_all_is_fine() -> None:
    def multiple(number: int, answer: str) -> Question:
        return Question(id=f"m{number}", type="multiple", line=number, prompt=f"Pick {number}",
                        explanation="Only the named steps come before the decision itself.",
                        choices=[Choice(t, "ABCDE"[i] in answer)
                                 for i, t in enumerate(["vv", "ww", "xx", "yy", "zz"])])
    varied = a_set([multiple(1, "A"), multiple(2, "BDE"), multiple(3, "ABCDE"), multiple(4, "CE")])
    assert warnings_of(varied) == []
    fixed = a_set([multiple(1, "A"), multiple(2, "BDE"), multiple(3, "ACE"), multiple(4, "CDE")])
    assert warnings_of(fixed) == [
        "2: 3 of 4 select-all questions have 3 right options; vary the number of right "
        "options from 1 to all",
        "2: 3 of 4 select-all questions have all options but 2 right; vary the number of "
        "right options from 1 to all"]


def near_duplicates(prompts: list[str]) -> list[str]:
    texts = ["Decide after the facts are known", "Decide before the facts are known",
             "Copy what another unit decided", "Wait for the superior to decide"]
    found = warnings_of(a_set([single(i, i % 4, texts, prompt=prompt)
                               for i, prompt in enumerate(prompts)]))
    return [line for line in found if "nearly the same prompt" in line]


def test_a_prompt_reworded_by_two_words_is_a_near_duplicate() -> None:
    # Two content words of ten changed: too few words shared for the word test (2/3 < 3/4),
    # but the wording is the other's but for them. The prompts between are not alike.
    base = ("When the county pilot of the reform fails, what should the leading cadre "
            "report to the masses first?")
    reworded = base.replace("county", "township").replace("masses", "public")
    between = ["Which habit keeps a leading body from copying another unit's plan?",
               "What does the report ask of cadres who fear taking responsibility?",
               "Why must innovation start from the actual conditions of a place?"]
    assert near_duplicates([base, *between, reworded]) == [
        "4: question 's4': nearly the same prompt as question 's0' (line 0); one gives the "
        "other away"]
    assert near_duplicates([base, *between]) == []


def test_the_cli_warns_with_quality_and_still_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BIASED)]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["validate", "--quality", str(BIASED)]) == 0
    err = capsys.readouterr().err
    assert f"{BIASED}:124: warning: question 'two-pairs': a match of 2 pairs" in err


def test_the_import_plan_carries_quality_warnings_only_when_asked() -> None:
    files = load_files([BIASED])
    assert plan_import(files, None).warnings == []
    plan = plan_import(files, None, quality=True)
    assert plan.ok and len(plan.warnings) == 22


def test_the_surface_cue_learner_follows_words_counts_and_copies() -> None:
    source = section_source()
    copied = single(1, 0, ["Understanding the situation, mastering the law and in-depth "
                           "research", "Speed", "Luck", "Orders"])
    assert surface_credit(copied, source(copied)) == 1.0
    tied = single(2, 0, ["Speed", "Luck", "Orders", "Habit"])
    assert surface_credit(tied, source(tied)) == 0.25
    statement = Question(id="t", type="truefalse", section="suggestions.5.2", truth=False,
                         prompt="Dare to charge and charge is the same.")
    assert surface_credit(statement, source(statement)) == 0.0  # copied, so it says True
    score = surface_score(a_set([copied, tied, statement]), source)
    assert score.answered == 3 and score.share == pytest.approx(1.25 / 3)


def test_words_are_compared_by_a_light_stem() -> None:
    assert stem("charging") == stem("charge") == stem("charges")
    assert stem("innovative") == stem("innovation") == stem("innovate")
    assert content_words("The report says what is innovation?") == ["innov"]


def builtin_sets() -> list[tuple[str, QuestionSet]]:
    from studyapp.core.resources import questions_dir

    loaded = []
    for path in sorted(Path(str(questions_dir())).glob("*.yaml")):
        result = load_file(path)
        assert result.ok and result.question_set is not None, result.problems
        loaded.append((str(path), result.question_set))
    return loaded


def test_the_builtin_sets_give_no_quality_warning() -> None:
    found = [str(w) for path, question_set in builtin_sets()
             for w in quality_warnings(question_set, path)]
    assert found == []


def test_the_surface_cue_learner_scores_at_most_35_percent_on_every_builtin_set() -> None:
    source = section_source()
    scores = {question_set.id: surface_score(question_set, source).share
              for _, question_set in builtin_sets()}
    assert scores and all(share <= 0.35 for share in scores.values()), scores
