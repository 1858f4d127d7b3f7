"""YAML syntax errors in the trainer's words (core/questionsets/yaml_errors.py): each of
libyaml's problems that the table explains is met by a real broken file, the explanation
is what the trainer reads (in English and in Chinese), and an unlisted one keeps libyaml's
own text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from studyapp.core.language import catalogue
from studyapp.core.messages import use_catalogue
from studyapp.core.questionsets import native
from studyapp.core.questionsets.native import parse
from studyapp.core.questionsets.yaml_errors import _PROBLEMS, syntax_error_words

# A broken file for each problem text of the table, as libyaml reports it.
BROKEN = {
    "did not find expected node content": "id: [\n",
    "could not find expected ':'": "id: a\ntitle\nformat: 1\n",
    "mapping values are not allowed in this context": "id: a: b\n",
    "found unexpected end of stream": 'id: "abc\n',
    "did not find expected key": "id: 'a' b\n",
    "did not find expected '-' indicator": "questions:\n  - id: a\n   b: c\n",
    "did not find expected ',' or ']'": "id: [a b: c\n",
    "did not find expected ',' or '}'": "id: {a: b c: d\n",
    "found a tab character that violates indentation": "id: a\n\tb: c\n",
    "found a tab character where an indentation space is expected": "id: |\n  a\n\tb\n",
    "found character that cannot start any token": "id: @a\n",
    "found unknown escape character": 'id: "a\\q"\n',
    "did not find expected alphabetic or numeric character": "id: &\n",
    "found unknown directive name": "%FOO\n---\nid: a\n",
    "but found another document": "id: a\n---\nid: b\n",
    "did not find the expected '>'": "id: !<x\n",
    "did not find URI escaped octet": "id: !e!%zz a\n",
    "exceeded maximum nesting depth": "id: " + "[" * 2000 + "\n",
}


@pytest.fixture
def chinese() -> Iterator[None]:
    use_catalogue(catalogue("zh_CN"))
    yield
    use_catalogue(None)


def test_every_explained_problem_is_one_libyaml_reports() -> None:
    """The table's keys are libyaml's own texts: each broken file raises exactly that
    problem (a libyaml that words it otherwise would fail here, not silently go back to
    English)."""
    import yaml

    assert set(BROKEN) == set(_PROBLEMS)
    for problem_text, body in BROKEN.items():
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            loader = native._Loader(body)
            try:
                native._Reader(loader, "f.yaml").document()
            finally:
                loader.dispose()
        assert raised.value.problem == problem_text, body


@pytest.mark.parametrize("problem_text", sorted(BROKEN))
def test_the_trainer_reads_the_explanation_at_the_line(problem_text: str) -> None:
    (found,) = parse(BROKEN[problem_text], "f.yaml").problems
    assert found.message.startswith("YAML syntax error: ")
    assert problem_text not in found.message  # the explanation, not libyaml's words
    assert found.line >= 1 and found.column is not None


def test_a_quote_left_open_names_the_line_it_opened_on() -> None:
    (found,) = parse('id: x\ntitle: "abc\nformat: 1\n', "f.yaml").problems
    assert found.message == ("YAML syntax error: the file ends before the quote or bracket "
                             "opened on line 2 is closed")
    assert found.line == 4  # where the file ends


def test_the_explanations_read_in_chinese(chinese: None) -> None:
    expected = {
        "id: {a: b c: d\n": "YAML 语法错误：这个 { } 映射中缺少“,”或“}”",
        "id: a\n\tb: c\n": "YAML 语法错误：缩进中用了 Tab 键：YAML 只能用空格缩进",
        'id: "abc\n': "YAML 语法错误：文件已结束，但第 1 行开始的引号或括号没有闭合",
        "id: a: b\n": ("YAML 语法错误：此处不能出现“: ”（冒号加空格）："
                      "含有“: ”的文字请用引号括起来，或检查缩进"),
    }
    for body, message in expected.items():
        (found,) = parse(body, "f.yaml").problems
        assert found.message == message
    for body in BROKEN.values():
        (found,) = parse(body, "f.yaml").problems
        assert found.message.startswith("YAML 语法错误："), found.message
        assert not any("a" <= char <= "z" for char in found.message.removeprefix(
            "YAML 语法错误：").replace("YAML", "").replace("Tab", "")), found.message


def test_a_problem_not_in_the_table_keeps_libyaml_words() -> None:
    words = syntax_error_words("while parsing something new", "found a new kind of problem")
    assert words.render() == ("YAML syntax error: while parsing something new found a new "
                              "kind of problem")
    assert syntax_error_words(None, None).render() == "YAML syntax error: "
