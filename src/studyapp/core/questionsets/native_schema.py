"""The native format's schema (resources/schema/question-set.schema.json) and its errors
told in the trainer's words, at the line of the field they concern.

A document that passes the fast generated check (fastjsonschema) is valid; only one that
fails is checked again with jsonschema, whose errors say what and where.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from studyapp.core.questionsets.errors import Problem
from studyapp.core.questionsets.model import (
    QUESTION_TYPES,
)

if TYPE_CHECKING:
    from jsonschema import ValidationError


from studyapp.core.questionsets.native_values import FORMAT_TAG, LETTERS
from studyapp.core.questionsets.native_values import LinedMap as _Map
from studyapp.core.questionsets.native_values import LinedSeq as _Seq

__all__ = ["schema"]


def schema() -> dict[str, Any]:
    """The JSON Schema of the native format (shipped in ``resources/schema``)."""
    from studyapp.core.resources import read_text

    loaded: dict[str, Any] = json.loads(read_text("schema", "question-set.schema.json"))
    return loaded


@cache
def _validator() -> Any:
    # Imported here: jsonschema is slow to import and start-up must stay lean.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


@cache
def _fast_checks() -> tuple[Any, dict[str, Any]]:
    """Compiled checks: the set with its questions left unchecked, and a question by its type.

    Imported here like jsonschema. A compiled check is about ten times faster than the full
    validator but stops at the first error, so the full validator runs only on documents that
    fail it. Questions are checked by their type: for a question of one type the schema's
    ``if type is ...`` rules of the other types do not apply, and leaving them out saves trying
    (and failing) each of them on every question.
    """
    import fastjsonschema

    whole = schema()
    defs = whole["$defs"]
    question = defs["question"]
    outer = {**whole, "properties": {**whole["properties"], "questions": {"type": "array"}}}
    by_type: dict[str, Any] = {}
    for rule in question["allOf"]:
        kind = rule["if"]["properties"]["type"]["const"]
        one = {**question, "allOf": [rule["then"]]}
        by_type[kind] = fastjsonschema.compile({"$schema": whole["$schema"], "$defs": defs, **one})
    return fastjsonschema.compile(outer), by_type


def _passes_fast_check(document: _Map) -> bool:
    from fastjsonschema import JsonSchemaException

    outer, by_type = _fast_checks()
    try:
        outer(document)
        for item in document.get("questions", ()):
            kind = item.get("type") if isinstance(item, dict) else None
            if not isinstance(kind, str) or kind not in by_type:
                return False  # the full validator says what is wrong
            by_type[kind](item)
    except JsonSchemaException:
        return False
    return True


def _schema_problems(document: _Map, path: str, problems: list[Problem]) -> set[tuple[str, int]]:
    """Adds a problem per schema error; returns the (kind, index) of the items concerned."""
    broken: set[tuple[str, int]] = set()
    if _passes_fast_check(document):
        return broken
    for error in _validator().iter_errors(document):
        where = list(error.absolute_path)
        # An unknown key (a typo) leaves the rest of the item readable, so it is still checked.
        unknown_key = error.validator == "additionalProperties" and len(where) == 2
        if len(where) >= 2 and where[0] in ("questions", "cards") and isinstance(where[1], int) \
                and not unknown_key:
            broken.add((where[0], where[1]))
        for line, message in _describe(document, error):
            problems.append(Problem(path, line, message))
    return broken


def _line_of(document: _Map, where: list[Any]) -> int:
    line, node = document.line, document
    for part in where:
        if isinstance(node, _Map) and part in node:
            line, node = node.key_lines.get(part, line), node[part]
        elif isinstance(node, _Seq) and isinstance(part, int) and part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


def _item_label(document: _Map, kind: str, index: int) -> str:
    noun = "question" if kind == "questions" else "card"
    items = document.get(kind)
    item = items[index] if isinstance(items, _Seq) and index < len(items) else None
    if isinstance(item, _Map) and isinstance(item.get("id"), str) and item["id"]:
        return f"{noun} '{item['id']}'"
    return f"{noun} {index + 1}"


def _field_name(where: list[Any]) -> str:
    """'options' -> "options", ['options', 1] -> "option B", ['pairs', 0, 'left'] -> ..."""
    if not where:
        return ""
    head, rest = where[0], where[1:]
    if not rest or not isinstance(rest[0], int):
        return ".".join(str(part) for part in where)
    index = rest[0]
    if head == "options":
        name = f"option {LETTERS[index] if index < len(LETTERS) else index + 1}"
    elif head == "range":
        name = "the low end of range" if index == 0 else "the high end of range"
    else:
        singular = {"pairs": "pair", "items": "item", "tags": "tag", "answer": "answer"}
        name = f"{singular.get(str(head), str(head))} {index + 1}"
    if len(rest) > 1:
        name += " " + ".".join(str(part) for part in rest[1:])
    return name


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "keys and values (such as 'text: ...')",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _known_keys(schema_part: dict[str, Any]) -> list[str]:
    return list(schema_part.get("properties", {}))


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(document: _Map, error: ValidationError) -> list[tuple[int, str]]:
    """One or more (line, message) for a schema error."""
    where = list(error.absolute_path)
    prefix, field_path = "", where
    item: Any = None
    if len(where) >= 2 and where[0] in ("questions", "cards") and isinstance(where[1], int):
        prefix = _item_label(document, where[0], where[1]) + ": "
        field_path = where[2:]
        item = document[where[0]][where[1]]
    kind = item.get("type") if isinstance(item, _Map) else None
    kind_text = f"a {kind} question" if isinstance(kind, str) else "a question"
    field = _field_name(field_path)
    line = _line_of(document, where)
    instance = error.instance
    validator = error.validator

    def said(message: str) -> list[tuple[int, str]]:
        return [(line, prefix + message)]

    if validator == "additionalProperties" and isinstance(instance, _Map):
        known = _known_keys(error.schema)
        extras = [key for key in instance if key not in known]
        container = f" in {field}" if field else ""
        return [
            (instance.key_lines.get(key, line),
             f"{prefix}unknown key '{key}'{container}{_did_you_mean(key, known)}")
            for key in extras
        ]
    if validator == "required" and isinstance(instance, dict):
        missing = [key for key in error.validator_value if key not in instance]
        if not prefix and not field_path:
            need = "a question set"
        elif where and where[0] == "cards" and not field_path:
            need = "a card"
        elif not field_path:
            need = kind_text
        else:
            need = field
        return [(line, f"{prefix}missing '{key}' ({need} needs it)") for key in missing]
    if validator is None and isinstance(item, _Map):
        # A `false` subschema: keys that do not belong with this type. jsonschema does not
        # say which key it was, so name every such key of the item (duplicates are merged).
        return [
            (item.key_lines[key], f"{prefix}'{key}' does not belong in {kind_text}{_uses(kind)}")
            for key in _forbidden(kind) if key in item
        ]
    if validator == "type":
        expected = error.validator_value
        wanted = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(str(word), str(word)) for word in wanted)
        if instance is None or instance == "":
            return said(f"{field or 'this'} is empty")
        hint = ""
        if "string" in wanted and isinstance(instance, (list, dict)):
            hint = " (put text containing ': ' or starting with '[' or '{' in quotes)"
        return said(f"{field or 'this'} must be {words}, not {_kind_of(instance)}{hint}")
    if validator == "const" and field_path == ["format"]:
        return said(f"format must be '{FORMAT_TAG}' (found '{instance}')")
    if validator == "enum" and field_path == ["type"]:
        return said(
            f"'{instance}' is not a question type; use one of {', '.join(QUESTION_TYPES)}"
            + (_did_you_mean(instance, QUESTION_TYPES) if isinstance(instance, str) else "")
        )
    if validator == "pattern":
        return said(_pattern_message(field_path, instance, kind, top=not prefix))
    if validator == "minLength":
        return said(f"{field} is empty")
    if validator in ("minItems", "maxItems"):
        return said(_count_message(field_path, instance, kind))
    if field_path == ["points"] and validator in ("exclusiveMinimum", "maximum", "type"):
        return said(f"points must be a number above 0 and at most 1000 (the question's weight "
                    f"in an exam score), not {instance!r}")
    if validator in ("minimum", "maximum"):
        if field_path == ["difficulty"]:
            return said(f"difficulty must be from 1 (easy) to 5 (hard), not {instance}")
        return said(f"{field} must not be negative")
    if validator == "anyOf" and field_path == ["evidence"]:
        return said("evidence must be a quote, or a list of quotes (one per part of the answer)")
    if validator == "anyOf" and field_path == ["answer"]:
        return said('answer must be the letters of the correct options, like "AC" or [A, C]')
    if validator == "oneOf" and kind == "numeric":
        return said("a numeric question needs either 'answer' (with an optional 'tolerance') "
                    "or 'range: [low, high]', not both")
    return said(f"{field or 'this'}: {error.message}")


def _forbidden(kind: Any) -> list[str]:
    for rule in schema()["$defs"]["question"]["allOf"]:
        if rule["if"]["properties"]["type"]["const"] == kind:
            return [key for key, sub in rule["then"]["properties"].items() if sub is False]
    return []


def _uses(kind: Any) -> str:
    uses = {
        "single": "options and answer",
        "multiple": "options and answer",
        "truefalse": "answer: true or false",
        "fill": "answer (one text or a list of accepted texts)",
        "match": "pairs",
        "order": "items",
        "numeric": "answer with tolerance, or range",
    }
    return f" (it uses {uses[kind]})" if kind in uses else ""


def _pattern_message(field_path: list[Any], value: Any, kind: Any, top: bool) -> str:
    if field_path == ["id"] and top:
        return (f"the set id '{value}' may contain only lowercase letters, digits, '.', '_' "
                "and '-', starting with a letter or digit (e.g. four-relationships)")
    if field_path and field_path[0] == "answer":
        if kind == "single":
            return f"answer must be the letter of the correct option (A to H), not '{value}'"
        return f'answer must be the letters of the correct options, like "AC" or [A, C], ' \
               f"not '{value}'"
    if field_path == ["section"]:
        return (f"'{value}' is not a section id; section ids look like intro, problems.1 or "
                "suggestions.5.2")
    if field_path == ["language"]:
        return f"language must be a language code such as en or zh-CN, not '{value}'"
    if field_path == ["id"]:
        return "id must not contain line breaks"
    return f"{_field_name(field_path)} has an unexpected form: '{value}'"


def _count_message(field_path: list[Any], value: Any, kind: Any) -> str:
    count = len(value) if isinstance(value, (list, str)) else 0
    name = _field_name(field_path)
    if field_path == ["options"]:
        return f"a question needs 2 to 8 options; this one has {count}"
    if field_path == ["pairs"]:
        return f"a match question needs at least 2 pairs; this one has {count}"
    if field_path == ["items"]:
        return f"an order question needs at least 2 items; this one has {count}"
    if field_path == ["range"]:
        return "range must be two numbers: [low, high]"
    if field_path == ["answer"]:
        return "answer is an empty list"
    return f"{name} has {count} entries"


# --- Step 3: values to the model -------------------------------------------------------------
