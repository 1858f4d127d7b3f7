"""GIFT import: Moodle's own examples, each question type, and every kind of broken question."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from studyapp.core.questionsets import LoadResult, load_file
from studyapp.core.questionsets.gift import looks_like_gift, parse
from studyapp.core.questionsets.model import Choice, NumericAnswer, Question

MOODLE = Path(__file__).parents[2] / "fixtures" / "moodle"


def load(name: str) -> LoadResult:
    path = MOODLE / name
    return parse(path.read_text(encoding="utf-8"), str(path))


def one(text: str) -> Question:
    """The only question of a one-question file, which must parse without problems."""
    result = parse(text, "quiz.gift")
    assert result.problems == []
    assert result.question_set is not None
    [question] = result.question_set.questions
    return question


def problems_of(text: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in parse(text, "quiz.gift").problems]


# --- Moodle's examples -------------------------------------------------------------------


def test_moodle_examples_all_43_questions_import() -> None:
    # 43 as in the fixture's README, and as counted by hand: the file's four parts hold 5
    # ("class description", lines 8-16), 28 ("documentation", 25-159), 6 ("gift/format.php",
    # 167-178) and 4 ("more complicated", 184-207) blank-line-separated questions. Blocks of
    # only comments are skipped; "[markdown]..." on line 108 follows a comment line in the
    # same block and is one question.
    result = load("gift-examples.gift")
    assert result.problems == []
    assert result.question_set is not None
    questions = result.question_set.questions
    assert len(questions) == 43
    assert Counter(q.type for q in questions) == {
        "single": 16, "fill": 9, "numeric": 8, "truefalse": 5, "match": 3, "multiple": 2,
    }
    assert len({q.id for q in questions}) == 43


def test_set_identity_comes_from_the_file_name() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    assert result.question_set.id == "gift-examples"
    assert result.question_set.title == "gift-examples"
    assert result.question_set.format == "gift"
    assert result.question_set.source == str(MOODLE / "gift-examples.gift")


def test_moodle_examples_details() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    by_line = {q.line: q for q in result.question_set.questions}

    grant = by_line[8]
    assert (grant.id, grant.type, grant.prompt) == ("q8", "single", "Who's buried in Grant's tomb?")
    assert [(c.text, c.correct, c.weight) for c in grant.choices] == [
        ("Grant", False, None), ("Jefferson", False, None), ("no one", True, None)]

    # Missing word: the block in mid-sentence becomes the blank.
    assert by_line[10].prompt == "Grant is ____ in Grant's tomb."
    assert by_line[45].type == "fill"
    assert by_line[45].prompt == "Two plus two equals ____."
    assert by_line[45].accepted == ["four", "4"]

    # A comment line just before the question: its line is the first non-comment line.
    assert by_line[85].prompt == "What's 2 plus 2?"

    assert by_line[12].truth is False
    assert by_line[51].truth is True
    assert by_line[61].pairs[3] == ("India", "New Delhi")
    assert by_line[177].pairs == [("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo")]
    assert by_line[177].prompt == (
        "Match the following countries with their corresponding\ncapitals.")


def test_names_become_ids_when_unique() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    by_line = {q.line: q.id for q in result.question_set.questions}
    assert by_line[90] == "kanji-origins"
    assert by_line[184] == "grant-s-tomb"
    assert by_line[195] == "jesus-hometown-short-answer-ex"
    # "Jesus' hometown" names two questions: neither gets the name.
    assert (by_line[117], by_line[123]) == ("q117", "q123")


def test_numerical_forms() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    by_line = {q.line: q for q in result.question_set.questions}
    assert by_line[16].numeric == [NumericAnswer(value=1822, tolerance=1)]
    assert by_line[70].numeric == [NumericAnswer(value=1822, tolerance=0)]
    assert by_line[72].numeric == [NumericAnswer(value=3.1415, tolerance=0.0005)]
    assert by_line[74].numeric == [NumericAnswer(low=3.141, high=3.142)]
    # {# =1822:0 =%50%1822:2}: only the full-credit answer is kept (a quiz answer is right
    # or wrong here, and 1824 is not right).
    assert by_line[76].numeric == [NumericAnswer(value=1822, tolerance=0)]
    assert by_line[202].numeric == [NumericAnswer(value=1822, tolerance=0)]


def test_weights_feedback_and_formats() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    by_line = {q.line: q for q in result.question_set.questions}

    assert by_line[98].choices[0].feedback == "feedback comment on the wrong answer"
    assert by_line[98].choices[2] == Choice("right answer", True, "Very good!", None)

    # One "=" plus partial credit: single choice that keeps every weight.
    assert [(c.text, c.correct, c.weight) for c in by_line[117].choices] == [
        ("Jerusalem", False, 0.0), ("Bethlehem", False, 0.25), ("Galilee", False, 0.5),
        ("Nazareth", True, 1.0)]
    # No "=": several right answers by positive weight; negative weights are kept.
    assert by_line[130].type == "multiple"
    assert [(c.correct, c.weight) for c in by_line[130].choices] == [
        (False, 0.0), (True, 0.5), (True, 0.5), (False, 0.0)]
    assert [c.weight for c in by_line[136].choices] == [-0.5, 0.5, 0.5, -0.5]

    # Short answers: only the 100% ones are accepted.
    assert by_line[123].accepted == ["Nazareth"]
    assert by_line[108].prompt == "Who's buried in **Grant's tomb**?"  # [markdown] kept as text
    assert by_line[113].explanation == "No one is buried in Grant's tomb."


def test_escaped_control_characters() -> None:
    result = load("gift-examples.gift")
    assert result.question_set is not None
    by_line = {q.line: q for q in result.question_set.questions}
    assert [c.text for c in by_line[143].choices] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"]
    control = by_line[148]
    assert control.id == "gift-control-characters"
    assert [c.text for c in control.choices] == ["~", "=", "#", "{", "}", "\\"]
    assert [c.correct for c in control.choices] == [False] * 5 + [True]
    assert control.choices[3].feedback == "{ is a control character."
    assert control.choices[5].feedback.startswith("Correct! \\ (backslash) is not a control")
    assert control.choices[5].feedback.endswith("(as shown in this example).")


def test_fixture_with_essay_reports_the_essay_and_parses_the_rest() -> None:
    result = load("gift-fixture-with-essay.gift")
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "essay questions are not supported (they need a human to grade); "
            "remove it or turn it into another type")]
    assert str(result.problems[0]).endswith(
        "gift-fixture-with-essay.gift:2: essay questions are not supported (they need a human "
        "to grade); remove it or turn it into another type")
    assert result.question_set is not None
    questions = {q.line: q for q in result.question_set.questions}
    assert sorted(questions) == [5, 14, 22, 31, 34, 41, 46, 49]

    activities = questions[5]
    assert (activities.id, activities.type) == ("moodle-activities", "match")
    assert activities.prompt == "Match the activity to the description."  # [html] stripped
    # "= -> Chat" is a distractor with nothing to pair; the four real pairs remain.
    assert [right for _, right in activities.pairs] == ["Forum", "Choice", "Database", "Wiki"]
    assert activities.pairs[0][0] == "An activity supporting asynchronous discussions."

    assert questions[14].choices[1].feedback == "wrong, it's yellow"  # "# [html]wrong..."
    colours = questions[22]
    assert colours.type == "multiple"
    assert [c.weight for c in colours.choices] == [0.5, -1.0, 0.5, -1.0]
    assert colours.choices[3].text == "blue"
    assert questions[31].numeric == [NumericAnswer(value=3, tolerance=2)]
    assert questions[34].accepted == ["Frog"]

    tf = questions[41]
    assert (tf.id, tf.type, tf.truth) == ("q1", "truefalse", False)
    # The wrong-answer feedback explains; "You gave the right answer." is praise, left out.
    assert tf.explanation == ("42 is the Ultimate Answer.\n\n"
                              "This is, of course, a Hitchiker's Guide to the Galaxy reference.")
    # "2-08 TSL" names two questions, so both fall back to their line.
    assert (questions[46].id, questions[49].id) == ("q46", "q49")
    assert questions[46].truth is True and questions[49].truth is True


def test_load_file_reads_gift_files() -> None:
    result = load_file(MOODLE / "gift-examples.gift")
    assert result.ok, result.problems
    assert result.question_set is not None and len(result.question_set.questions) == 43


def test_load_file_reads_gift_in_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "Week 1.txt"
    path.write_text("// week one\n::a::Is it?{T}\n\nTwo plus two equals {=four =4}.\n",
                    encoding="utf-8")
    result = load_file(path)
    assert result.ok, result.problems
    assert result.question_set is not None
    assert result.question_set.format == "gift"
    assert result.question_set.id == "week-1"


# --- question types one by one ---------------------------------------------------------------


def test_true_false_spellings() -> None:
    assert one("Q?{T}").truth is True
    assert one("Q?{TRUE}").truth is True
    assert one("Q?{F}").truth is False
    assert one("Q?{FALSE#Wrong: it is false.#Well done.}").explanation == "Wrong: it is false."
    # Moodle checks the letters case-sensitively: "{true}" is a short answer "true".
    assert one("Q?{true}").accepted == ["true"]


def test_general_feedback_becomes_the_explanation() -> None:
    question = one("Capital of France?{=Paris =paris ####Paris has been the capital since 987.}")
    assert question.accepted == ["Paris", "paris"]
    assert question.explanation == "Paris has been the capital since 987."


def test_multiple_numeric_answers() -> None:
    question = one("Pick a year.{#=1822:0 =1066}")
    assert question.numeric == [NumericAnswer(value=1822, tolerance=0), NumericAnswer(value=1066)]
    assert one("A number from 1 to 5?{#1..5}").numeric == [NumericAnswer(low=1, high=5)]
    assert one("Below zero?{#-5..-1}").numeric == [NumericAnswer(low=-5, high=-1)]
    assert one("Pi?{#3.14:0.01 ~#Not even close.}").numeric == [
        NumericAnswer(value=3.14, tolerance=0.01)]


def test_category_lines_tag_the_questions_after_them() -> None:
    text = ("$CATEGORY: $course$/top/Week 1\n\nA?{T}\n\n$CATEGORY: tops/b\n// note\nB?{F}\n\n"
            "$CATEGORY:\n\nC?{T}\n")
    result = parse(text, "quiz.gift")
    assert result.problems == []
    assert result.question_set is not None
    assert [(q.line, q.tags) for q in result.question_set.questions] == [
        (3, ["Week 1"]), (7, ["tops/b"]), (11, [])]


def test_html_is_turned_into_plain_text_safely() -> None:
    question = one("[html]<p>Is 1 &lt; 2 &amp;&amp; 3 > 2?</p><script>alert('x')</script>"
                   "<img src='http://example.com/x.png'>a < b{T}")
    assert question.prompt == "Is 1 < 2 && 3 > 2?\na < b"
    assert one("[plain]<b>bold</b>{T}").prompt == "<b>bold</b>"


def test_escaped_newline_and_colon() -> None:
    question = one(r"::a\:b::Line one\nline two: 50\% {=x\=y}")
    assert question.id == "a-b"
    # \% is no GIFT escape: the backslash stays.
    assert question.prompt == "Line one\nline two: 50\\%"
    assert question.accepted == ["x=y"]


def test_ids_avoid_clashing_with_line_ids() -> None:
    # The name "q5" would clash with the unnamed question on line 5, so it falls back too.
    result = parse("::q5::A?{T}\n\n::same::B?{T}\n\nC?{T}\n\n::same::D?{T}\n\n::ok::E?{T}",
                   "quiz.gift")
    assert result.question_set is not None
    assert [q.id for q in result.question_set.questions] == ["q1", "q3", "q5", "q7", "ok"]


def test_crlf_and_cr_line_endings_keep_line_numbers() -> None:
    for newline in ("\r\n", "\r"):
        result = parse(newline.join(["// c", "A?{T}", "", "", "B?{", "=b}"]), "quiz.gift")
        assert result.question_set is not None
        assert [q.line for q in result.question_set.questions] == [2, 5]


# --- broken questions: one problem each, the rest still parses --------------------------------


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("Unclosed {=a =b", "the answer block is not closed"),
        ("Stray } here", "'}' without an opening '{'"),
        ("Backwards } then {T", "'}' comes before the '{'"),
        ("Nested {=a {=b}}", "'{' inside the answer block"),
        ("Two {T} blocks {F}", "more than one answer block"),
        ("::Unclosed name {T}", "the question name is not closed"),
        ("Nothing to answer here.", "description items"),
        ("Write an essay. {}", "essay questions are not supported"),
        ("Only one {~a}", "needs at least 2 answers"),
        ("None right {~a ~b}", "no right answer"),
        ("Bad sum {~%50%a ~%20%b ~c}", "add up to 70%"),
        ("Two right {=a =b ~c}", "2 answers are marked fully right"),
        ("Empty answer {~ ~b =c}", "an answer is empty"),
        ("Weight {~%150%a =b}", "outside -100%..100%"),
        ("Pairs {=a -> b}", "at least 2 pairs"),
        ("Pairs {=a -> b =c ->}", "has nothing after '->'"),
        ("Pairs {=a -> b =c}", "has no '->'"),
        ("Half {=%50%cat =%0%dog}", "no fully right answer"),
        ("Wild {=Naz*}", "wildcard"),
        ("Number {#three}", "'three' is not a number"),
        ("Number {#3,14}", "use a dot as the decimal separator"),
        ("Number {#1e999}", "'1e999' is not a number"),
        ("Number {#5..1}", "goes from high to low"),
        ("Number {#5:-1}", "the margin in 5:-1 is negative"),
        ("Number {#}", "has no answer"),
        ("Number {#=%50%3}", "no fully right answer"),
    ],
)
def test_each_broken_question_is_one_problem_and_the_rest_parses(broken: str,
                                                                  message: str) -> None:
    text = f"// first\nGood one?{{T}}\n\n{broken}\n\nAnother good one?{{=yes}}\n"
    result = parse(text, "quiz.gift")
    assert len(result.problems) == 1, result.problems
    [problem] = result.problems
    assert problem.line == 4
    assert problem.path == "quiz.gift"
    assert message in problem.message
    assert result.question_set is not None
    assert [q.line for q in result.question_set.questions] == [2, 6]


def test_every_broken_question_is_reported() -> None:
    text = "A {=a\n\nB {#x}\n\nC?{T}\n\n// description next\nD has no block\n"
    assert [line for line, _ in problems_of(text)] == [1, 3, 8]


def test_a_brace_left_open_across_a_blank_line_reports_both_halves() -> None:
    messages = problems_of("Open {\n~a\n\n~b =c}\n")
    assert [line for line, _ in messages] == [1, 4]


def test_empty_input_is_one_problem_without_a_set() -> None:
    for text in ("", "\n\n", "// only a comment\n"):
        result = parse(text, "empty.gift")
        assert result.question_set is None
        assert [(p.line, p.message) for p in result.problems] == [
            (0, "no GIFT questions found in the file")]


def test_a_file_of_only_broken_questions_has_no_set() -> None:
    result = parse("Essay {}\n", "quiz.gift")
    assert result.question_set is None
    assert len(result.problems) == 1


# --- detection ---------------------------------------------------------------------------------


def test_looks_like_gift() -> None:
    for name in ("gift-examples.gift", "gift-fixture-with-essay.gift"):
        assert looks_like_gift((MOODLE / name).read_text(encoding="utf-8"))
    for name in ("aiken-questions.txt", "aiken-errors.txt"):
        assert not looks_like_gift((MOODLE / name).read_text(encoding="utf-8"))
    assert looks_like_gift("$CATEGORY: x\n")
    assert looks_like_gift("::name:: text")
    assert looks_like_gift("Is it? {\n  TRUE }")
    assert not looks_like_gift("A set {of} braces and a :: colon")
