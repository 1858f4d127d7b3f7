"""The native YAML format: reading every type, line numbers, trainer-friendly problems, dump."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from studyapp.core.questionsets import LoadResult, check_set, load_file
from studyapp.core.questionsets.model import Card, Choice, NumericAnswer, Question, QuestionSet
from studyapp.core.questionsets.native import dump, parse, schema
from studyapp.core.resources import read_text

PATH = "sets.yaml"

ALL_TYPES = textwrap.dedent("""\
    format: studyapp-questions/1
    id: four-relationships
    title: The four relationships
    version: "2"
    description: Questions on part III (5)
    language: zh-CN
    questions:
      - id: rel-001
        type: single
        section: suggestions.5.2
        prompt: "  Which is based on understanding the situation?  "
        options:
          - Rushing into battle
          - {text: Daring to charge, feedback: Right — it rests on research.}
          - Setting the tone early
        answer: B
        explanation: Daring to charge rests on research and analysis.
        evidence: "Dare to charge and charge is not the same."
        tags: [relationships, charge]
        difficulty: 2
      - id: rel-002
        type: multiple
        prompt: Pick two.
        options: [one, two, three, four]
        answer: [A, c]
      - {id: tf-1, type: truefalse, prompt: Daring is reckless., answer: false}
      - id: fill-1
        type: fill
        prompt: "Innovation originates from ____."
        answer: [practice, Practice]
      - id: match-1
        type: match
        prompt: Match each relationship to its key idea.
        pairs:
          - {left: boldness, right: charge}
          - {left: innovation, right: inheritance}
      - {id: order-1, type: order, prompt: Put in order, items: [first, second, third]}
      - {id: num-1, type: numeric, prompt: "How many relationships?", answer: 4, tolerance: 0.5}
      - {id: num-2, type: numeric, prompt: A range, range: [1, 3.5]}
    cards:
      - id: card-001
        section: suggestions.5.2
        front: Dare to charge vs. charge
        back: Not the same.
        evidence: Dare to charge and charge is not the same.
        tags: [cards]
    """)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_of(text: str) -> list[str]:
    return [str(problem) for problem in parse(text, PATH).problems]


def test_every_type_is_read_with_its_line() -> None:
    result = parse(ALL_TYPES, PATH)
    assert isinstance(result, LoadResult)
    assert result.problems == []
    qs = result.question_set
    assert qs is not None
    assert (qs.id, qs.title, qs.version, qs.language) == (
        "four-relationships", "The four relationships", "2", "zh-CN")
    assert qs.format == "native" and qs.source == PATH
    by_id = {q.id: q for q in qs.questions}
    single = by_id["rel-001"]
    assert single.line == line_of(ALL_TYPES, "- id: rel-001")
    assert single.prompt == "Which is based on understanding the situation?"
    assert single.choices == [
        Choice("Rushing into battle"),
        Choice("Daring to charge", True, "Right — it rests on research."),
        Choice("Setting the tone early"),
    ]
    assert single.section == "suggestions.5.2" and single.difficulty == 2
    assert single.tags == ["relationships", "charge"]
    assert [c.correct for c in by_id["rel-002"].choices] == [True, False, True, False]
    assert by_id["tf-1"].truth is False and by_id["tf-1"].line == line_of(ALL_TYPES, "- {id: tf-1")
    assert by_id["fill-1"].accepted == ["practice", "Practice"]
    assert by_id["match-1"].pairs == [("boldness", "charge"), ("innovation", "inheritance")]
    assert by_id["order-1"].sequence == ["first", "second", "third"]
    assert by_id["num-1"].numeric == [NumericAnswer(value=4.0, tolerance=0.5)]
    assert by_id["num-2"].numeric == [NumericAnswer(low=1.0, high=3.5)]
    assert qs.cards == [Card("card-001", "Dare to charge vs. charge", "Not the same.",
                             "suggestions.5.2", "", "Dare to charge and charge is not the same.",
                             ["cards"], line=line_of(ALL_TYPES, "- id: card-001"))]


def header(body: str) -> str:
    return "format: studyapp-questions/1\nid: s\ntitle: T\n" + textwrap.dedent(body)


def one_question(flow: str) -> str:
    """A set whose only question, on line 5, is the flow mapping ``{id: q, <flow>}``."""
    return header(f"questions:\n  - {{id: q, {flow}}}\n")


def test_answer_naming_no_option_points_at_the_answer_line() -> None:
    text = header("""\
        questions:
          - id: rel-003
            type: single
            prompt: Which?
            options: [a, b, c, d]
            answer: E
        """)
    assert problems_of(text) == [
        "sets.yaml:9: question 'rel-003': answer 'E' names no option; this question has "
        "options A-D"
    ]


def test_every_problem_is_reported_with_its_own_line() -> None:
    text = header("""\
        questions:
          - id: q1
            type: single
            prompt: Which?
            options: [a, b]
            anwser: A
          - id: q2
            type: truefalse
            prompt: ""
            answer: true
          - {id: q3, type: singel, prompt: x}
          - {id: q4, type: numeric, prompt: x}
          - {id: q1, type: order, prompt: x, items: [a, b], difficulty: 9}
        cards:
          - {id: c1, front: x}
        """)
    found = problems_of(text)
    expected = [
        "sets.yaml:5: question 'q1': missing 'answer' (a single question needs it)",
        "sets.yaml:9: question 'q1': unknown key 'anwser' (did you mean 'answer'?)",
        "sets.yaml:12: question 'q2': prompt is empty",
        "sets.yaml:14: question 'q3': 'singel' is not a question type; use one of single, "
        "multiple, truefalse, fill, match, order, numeric (did you mean 'single'?)",
        "sets.yaml:15: question 'q4': a numeric question needs either 'answer' (with an "
        "optional 'tolerance') or 'range: [low, high]', not both",
        "sets.yaml:16: question 'q1': difficulty must be from 1 (easy) to 5 (hard), not 9",
        "sets.yaml:16: id 'q1' is used twice: by the question on line 5 and by the question on "
        "line 16; ids must be unique in a set",
        "sets.yaml:18: card 'c1': missing 'back' (a card needs it)",
    ]
    assert sorted(found) == sorted(expected)
    assert [int(p.split(":")[1]) for p in found] == sorted(int(p.split(":")[1]) for p in found)


def test_items_with_problems_are_left_out_of_the_set() -> None:
    text = header("""\
        questions:
          - {id: good, type: truefalse, prompt: x, answer: true}
          - {id: bad, type: truefalse, prompt: x, answer: maybe}
        """)
    result = parse(text, PATH)
    assert result.question_set is not None
    assert [q.id for q in result.question_set.questions] == ["good"]
    assert [str(p) for p in result.problems] == [
        "sets.yaml:6: question 'bad': answer must be true or false, not text"
    ]


def test_keys_of_another_type_are_named() -> None:
    text = header("""\
        questions:
          - id: tf
            type: truefalse
            prompt: x
            answer: true
            options: [a, b]
        """)
    assert problems_of(text) == [
        "sets.yaml:9: question 'tf': 'options' does not belong in a truefalse question "
        "(it uses answer: true or false)"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x: &a [1]\ny: *a\n", "YAML anchors and aliases"),
        ("x: &a 1\n", "YAML anchors and aliases"),
        ("x: !!python/object:os.system echo\n", "not supported"),
        ("x: !custom 1\n", "not supported"),
        ("- a\n- b\n", "must start with keys"),
        ("a: [\n", "YAML syntax error"),
        ("a: 1\n---\nb: 2\n", "YAML syntax error"),
        ("", "the file is empty"),
        ("x: " + "[" * 30 + "]" * 30 + "\n", "nested more than 20 levels"),
    ],
)
def test_unsafe_or_broken_yaml_is_a_problem(body: str, message: str) -> None:
    result = parse(body, PATH)
    assert result.problems, body
    assert any(message in p.message for p in result.problems), result.problems


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    result = parse(bomb, PATH)
    assert result.question_set is None
    assert result.problems[0].line == 1


def test_yaml_syntax_error_names_line_and_column() -> None:
    problem = parse(header("questions:\n  - id: [x\n"), PATH).problems[0]
    assert problem.line >= 5 and problem.column is not None


def test_duplicate_keys_are_problems() -> None:
    text = header("""\
        questions:
          - {id: a, type: truefalse, prompt: x, answer: true, prompt: y}
        """)
    assert problems_of(text) == [
        "sets.yaml:5: 'prompt' appears twice (first on line 5); keep only one"
    ]


def test_unquoted_numbers_and_yes_no_are_kept_as_written_where_text_is_expected() -> None:
    text = header("""\
        version: 1.10
        questions:
          - {id: 7, type: single, prompt: 1921, options: [Yes, No, 3.0], answer: A}
          - {id: f, type: fill, prompt: "Year?", answer: 1921, tags: [on]}
        cards:
          - {id: c, front: 2024-01-01, back: off}
        """)
    result = parse(text, PATH)
    assert result.problems == []
    qs = result.question_set
    assert qs is not None and qs.version == "1.10"
    assert qs.questions[0].id == "7" and qs.questions[0].prompt == "1921"
    assert [c.text for c in qs.questions[0].choices] == ["Yes", "No", "3.0"]
    assert qs.questions[1].accepted == ["1921"] and qs.questions[1].tags == ["on"]
    assert (qs.cards[0].front, qs.cards[0].back) == ("2024-01-01", "off")


def test_html_is_kept_as_plain_text() -> None:
    text = header("""\
        cards:
          - {id: c, front: "<script>alert(1)</script><img src='http://x/y.png'>", back: "<b>b</b>"}
        """)
    qs = parse(text, PATH).question_set
    assert qs is not None
    assert qs.cards[0].front == "<script>alert(1)</script><img src='http://x/y.png'>"
    assert qs.cards[0].back == "<b>b</b>"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("format: studyapp-questions/2\nid: s\ntitle: T\ncards: [{id: c, front: f, back: b}]\n",
         "sets.yaml:1: format must be 'studyapp-questions/1' (found 'studyapp-questions/2')"),
        ("format: studyapp-questions/1\nid: Four Rel\ntitle: T\ncards: [{id: c, front: f, back: b}]"
         "\n",
         "sets.yaml:2: the set id 'Four Rel' may contain only lowercase letters"),
        ("format: studyapp-questions/1\nid: s\ncards: [{id: c, front: f, back: b}]\n",
         "sets.yaml:1: missing 'title' (a question set needs it)"),
        ("format: studyapp-questions/1\nid: s\ntitle: T\n",
         "sets.yaml:1: the set has no questions and no cards"),
        ("format: studyapp-questions/1\nid: s\ntitle: T\nquestions: []\nqestions: []\n",
         "sets.yaml:5: unknown key 'qestions' (did you mean 'questions'?)"),
        (one_question("type: single, prompt: p, options: [a], answer: A"),
         "sets.yaml:5: question 'q': a question needs 2 to 8 options; this one has 1"),
        (one_question("type: single, prompt: p, options: [a, b], answer: AB"),
         "sets.yaml:5: question 'q': answer must be the letter of the correct option (A to H)"),
        (one_question("type: multiple, prompt: p, options: [a, b], answer: 1"),
         "sets.yaml:5: question 'q': answer must be the letters of the correct options"),
        (one_question("type: fill, prompt: p, answer: []"),
         "sets.yaml:5: question 'q': answer is an empty list"),
        (one_question("type: order, prompt: p, items: [a]"),
         "sets.yaml:5: question 'q': an order question needs at least 2 items; this one has 1"),
        (one_question("type: match, prompt: p, pairs: [{left: a}, {left: b, right: c}]"),
         "sets.yaml:5: question 'q': missing 'right' (pair 1 needs it)"),
        (one_question("type: numeric, prompt: p, answer: .inf"),
         "sets.yaml:5: question 'q': numbers must be ordinary finite numbers"),
        (one_question("type: numeric, prompt: p, answer: 1, tolerance: -1"),
         "sets.yaml:5: question 'q': tolerance must not be negative"),
        (one_question("type: truefalse, prompt: p, answer: true, section: 5.2"),
         "sets.yaml:5: question 'q': '5.2' is not a section id"),
        (one_question("type: single, prompt: p, options: [a, {txt: b}], answer: A"),
         "sets.yaml:5: question 'q': unknown key 'txt' in option B (did you mean 'text'?)"),
        (header("questions: {a: 1}\n"), "sets.yaml:4: questions must be a list, not a mapping"),
        (header("questions:\n  - just text\n"), "sets.yaml:5: question 1: this must be keys and"),
    ],
)
def test_problems_are_told_in_the_trainers_words(body: str, message: str) -> None:
    found = problems_of(body)
    assert any(problem.startswith(message) for problem in found), found


def test_problem_messages_never_mention_schema_internals() -> None:
    text = header("""\
        questions:
          - {id: a, type: single, prompt: [x], options: {a: 1}, answer: [A]}
          - {id: b, type: match, prompt: x, pairs: [[a, b], 3], explanation: 4}
          - {id: c, type: numeric, prompt: x, answer: 1, range: [1, 2, 3]}
        cards: [{id: d, front: x, back: y, tags: x}]
        """)
    found = problems_of(text)
    assert len(found) >= 7
    for problem in found:
        assert "schema" not in problem and "is not of type" not in problem, problem


def round_trip(question_set: QuestionSet) -> QuestionSet:
    result = parse(dump(question_set), PATH)
    assert result.problems == [], dump(question_set)
    assert result.question_set is not None
    for item in [*result.question_set.questions, *result.question_set.cards]:
        item.line = 0
    return result.question_set


def test_dump_round_trips_every_type() -> None:
    original = parse(ALL_TYPES, PATH).question_set
    assert original is not None
    for item in [*original.questions, *original.cards]:
        item.line = 0
    assert round_trip(original) == original
    assert {q.type for q in original.questions} == {
        "single", "multiple", "truefalse", "fill", "match", "order", "numeric"}


def test_dump_round_trips_text_that_yaml_would_misread() -> None:
    tricky = ["yes", "1921", "null", "- dash", "a: b", "#hash", "'quoted'", '"double"',
              "line\nbreak", "中文 全角：冒号", "*star", "&amp", "!bang", "{brace}", "@at"]
    qs = QuestionSet(id="tricky", title="yes", version="1.10", source=PATH, format="native")
    for index, text in enumerate(tricky):
        qs.questions.append(Question(
            id=text if "\n" not in text else f"id{index}", type="fill", prompt=text,
            accepted=[text, "x"], tags=[text]))
        qs.cards.append(Card(id=f"c{index}", front=text, back=text, explanation=text))
    assert round_trip(qs) == qs


def test_dump_writes_a_readable_native_file() -> None:
    qs = QuestionSet(id="s", title="T", source=PATH, format="native", questions=[
        Question(id="q", type="multiple", prompt="p",
                 choices=[Choice("a", True), Choice("b"), Choice("c", True, "fb")]),
        Question(id="n", type="numeric", prompt="p", numeric=[NumericAnswer(value=4.0)]),
    ])
    text = dump(qs)
    assert text.startswith("format: studyapp-questions/1\nid: s\ntitle: T\n")
    assert "answer: AC" in text and "answer: 4\n" in text and "tolerance" not in text


def test_dump_refuses_what_the_native_format_cannot_hold() -> None:
    qs = QuestionSet(id="s", title="T", questions=[Question(
        id="n", type="numeric", prompt="p",
        numeric=[NumericAnswer(value=1.0), NumericAnswer(value=2.0)])])
    with pytest.raises(ValueError, match="question 'n' has 2 numeric answers"):
        dump(qs)


def test_the_shipped_schema_is_valid_and_accepts_the_example() -> None:
    shipped = json.loads(read_text("schema", "question-set.schema.json"))
    Draft202012Validator.check_schema(shipped)
    assert shipped == schema()
    import yaml

    assert list(Draft202012Validator(shipped).iter_errors(yaml.safe_load(ALL_TYPES))) == []


def test_every_complete_example_in_the_trainers_guide_is_valid() -> None:
    guide = Path(__file__).resolve().parents[3] / "docs" / "question-format.md"
    blocks = re.findall(r"```yaml\n(.*?)```", guide.read_text(encoding="utf-8"), re.DOTALL)
    examples = [block for block in blocks
                if block.startswith("format:") and "- ...\n" not in block]
    assert len(examples) >= 2
    kinds = set()
    for example in examples:
        result = parse(example, "guide.yaml")
        assert result.problems == []
        assert result.question_set is not None
        assert check_set(result.question_set, "guide.yaml") == []
        kinds |= {question.type for question in result.question_set.questions}
        kinds |= {"card" for _ in result.question_set.cards}
    assert kinds == {"single", "multiple", "truefalse", "fill", "match", "order", "numeric",
                     "card"}


def test_control_characters_are_a_problem_on_their_line() -> None:
    [problem] = parse("title: é中\nid: \x01\n", PATH).problems
    assert problem.line == 2 and "control character" in problem.message


def test_without_libyaml_the_same_file_gives_the_same_result() -> None:
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['yaml._yaml'] = None\n"
        "from studyapp.core.questionsets import native\n"
        "assert native._BYTE_POSITIONS is False\n"
        "text = sys.stdin.read()\n"
        "print(repr(native.parse(text, 'sets.yaml')))\n"
        "print(native.parse('title: é中\\nid: \\x01\\n', 'x').problems[0].line)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=ALL_TYPES, text=True,
                          capture_output=True, check=True, encoding="utf-8")
    with_libyaml, line = done.stdout.rsplit("\n", 2)[:2]
    assert with_libyaml == repr(parse(ALL_TYPES, PATH))
    assert line == "2"


@pytest.mark.parametrize("value", ["!!bool maybe", "!!float", "!!int twelve", "!!timestamp x"])
def test_a_bad_explicit_tag_is_a_problem_not_a_crash(tmp_path: Path, value: str) -> None:
    path = tmp_path / "tagged.yaml"
    path.write_text(
        "format: studyapp-questions/1\nid: tagged\ntitle: Tagged\nquestions:\n"
        f"  - id: q1\n    type: truefalse\n    prompt: Innovation.\n    answer: {value}\n",
        encoding="utf-8",
    )
    result = load_file(path)  # never raises
    assert not result.ok
    assert {problem.line for problem in result.problems} == {8}
