"""The native format's schema (resources/schema/question-set.schema.json) and its errors
told in the trainer's words, at the line of the field they concern.

A document that passes the fast generated check (fastjsonschema) is valid; only one that
fails is checked again with jsonschema, whose errors say what and where.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any

from studyapp.core.messages import N_, Message, msg
from studyapp.core.questionsets.errors import Problem, problem
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
            problems.append(problem(path, line, message))
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


def _item_label(document: _Map, kind: str, index: int) -> Message:
    items = document.get(kind)
    item = items[index] if isinstance(items, _Seq) and index < len(items) else None
    if isinstance(item, _Map) and isinstance(item.get("id"), str) and item["id"]:
        return (msg("question '{id}'", id=item["id"]) if kind == "questions"
                else msg("card '{id}'", id=item["id"]))
    return (msg("question {number}", number=index + 1) if kind == "questions"
            else msg("card {number}", number=index + 1))


# Names for a key (N_ texts) used instead of the key as written: the question editor sets
# its form's labels here while it checks (core/editing.py), so that its problems name the
# field the trainer sees (题目, not prompt); a file's problems keep the key.
FIELD_NAMES: ContextVar[Mapping[str, str] | None] = ContextVar("FIELD_NAMES", default=None)


def _field_name(where: list[Any]) -> str | Message:
    """'options' -> "options", ['options', 1] -> "option B", ['pairs', 0, 'left'] -> ..."""
    if not where:
        return ""
    head, rest = where[0], where[1:]
    names = FIELD_NAMES.get()
    if not rest and names is not None and head in names:
        return msg(names[head])
    if not rest or not isinstance(rest[0], int):
        return ".".join(str(part) for part in where)
    index = rest[0]
    name: str | Message
    if head == "options":
        name = msg("option {letter}", letter=LETTERS[index] if index < len(LETTERS) else index + 1)
    elif head == "range":
        name = msg("the low end of range") if index == 0 else msg("the high end of range")
    elif head in _ENTRY_NAMES:
        name = msg(_ENTRY_NAMES[head], number=index + 1)
    else:
        name = f"{head} {index + 1}"
    if len(rest) > 1:
        name = msg("{field} {key}", field=name, key=".".join(str(part) for part in rest[1:]))
    return name


_ENTRY_NAMES = {"pairs": N_("pair {number}"), "items": N_("item {number}"),
                "tags": N_("tag {number}"), "answer": N_("answer {number}")}

_TYPE_WORDS = {
    "string": N_("text"),
    "array": N_("a list"),
    "object": N_("keys and values (such as 'text: ...')"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
}


def _kind_of(value: Any) -> str | Message:
    if value is None:
        return msg("empty")
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return msg("the number {value}", value=value)
    if isinstance(value, str):
        return msg("text")
    if isinstance(value, list):
        return msg("a list")
    return msg("a mapping")


def _known_keys(schema_part: dict[str, Any]) -> list[str]:
    return list(schema_part.get("properties", {}))


def _did_you_mean(word: str, choices: Iterable[str]) -> str | Message:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg(" (did you mean '{word}'?)", word=close[0]) if close else ""


def _describe(document: _Map, error: ValidationError) -> list[tuple[int, Message]]:
    """One or more (line, message) for a schema error."""
    where = list(error.absolute_path)
    label: Message | None = None
    field_path = where
    item: Any = None
    if len(where) >= 2 and where[0] in ("questions", "cards") and isinstance(where[1], int):
        label = _item_label(document, where[0], where[1])
        field_path = where[2:]
        item = document[where[0]][where[1]]
    kind = item.get("type") if isinstance(item, _Map) else None
    kind_text = msg("a {kind} question", kind=kind) if isinstance(kind, str) else msg("a question")
    field = _field_name(field_path)
    this = field or msg("this")
    line = _line_of(document, where)
    instance = error.instance
    validator = error.validator

    def of_item(message: Message) -> Message:
        return message if label is None else msg("{item}: {problem}", item=label,
                                                 problem=message)

    def said(message: Message) -> list[tuple[int, Message]]:
        return [(line, of_item(message))]

    if validator == "additionalProperties" and isinstance(instance, _Map):
        known = _known_keys(error.schema)
        extras = [key for key in instance if key not in known]
        return [
            (instance.key_lines.get(key, line), of_item(
                msg("unknown key '{key}' in {field}{hint}", key=key, field=field,
                    hint=_did_you_mean(key, known)) if field else
                msg("unknown key '{key}'{hint}", key=key, hint=_did_you_mean(key, known))))
            for key in extras
        ]
    if validator == "required" and isinstance(instance, dict):
        missing = [key for key in error.validator_value if key not in instance]
        need: str | Message
        if label is None and not field_path:
            need = msg("a question set")
        elif where and where[0] == "cards" and not field_path:
            need = msg("a card")
        elif not field_path:
            need = kind_text
        else:
            need = field
        return [(line, of_item(msg("missing '{key}' ({need} needs it)", key=key, need=need)))
                for key in missing]
    if validator is None and isinstance(item, _Map):
        # A `false` subschema: keys that do not belong with this type. jsonschema does not
        # say which key it was, so name every such key of the item (duplicates are merged).
        return [
            (item.key_lines[key], of_item(msg("'{key}' does not belong in {kind}{uses}", key=key,
                                              kind=kind_text, uses=_uses(kind))))
            for key in _forbidden(kind) if key in item
        ]
    if validator == "type":
        expected = error.validator_value
        wanted = expected if isinstance(expected, list) else [expected]
        words = msg(" or ").render().join(
            msg(_TYPE_WORDS[str(word)]).render() if str(word) in _TYPE_WORDS else str(word)
            for word in wanted)
        if instance is None or instance == "":
            return said(msg("{field} is empty", field=this))
        if "string" in wanted and isinstance(instance, (list, dict)):
            return said(msg("{field} must be {words}, not {found} (put text containing ': ' or "
                            "starting with '[' or '{{' in quotes)", field=this, words=words,
                            found=_kind_of(instance)))
        return said(msg("{field} must be {words}, not {found}", field=this, words=words,
                        found=_kind_of(instance)))
    if validator == "const" and field_path == ["format"]:
        return said(msg("format must be '{tag}' (found '{found}')", tag=FORMAT_TAG,
                        found=instance))
    if validator == "enum" and field_path == ["type"]:
        return said(msg("'{value}' is not a question type; use one of {types}{hint}",
                        value=instance, types=", ".join(QUESTION_TYPES),
                        hint=_did_you_mean(instance, QUESTION_TYPES)
                        if isinstance(instance, str) else ""))
    if validator == "pattern":
        return said(_pattern_message(field_path, instance, kind, top=label is None))
    if validator == "minLength":
        return said(msg("{field} is empty", field=field))
    if validator in ("minItems", "maxItems"):
        return said(_count_message(field_path, instance, kind))
    if field_path == ["points"] and validator in ("exclusiveMinimum", "maximum", "type"):
        return said(msg("points must be a number above 0 and at most 1000 (the question's "
                        "weight in an exam score), not {value!r}", value=instance))
    if validator in ("minimum", "maximum"):
        if field_path == ["difficulty"]:
            return said(msg("difficulty must be from 1 (easy) to 5 (hard), not {value}",
                            value=instance))
        return said(msg("{field} must not be negative", field=field))
    if validator == "anyOf" and field_path == ["evidence"]:
        return said(msg("evidence must be a quote, or a list of quotes (one per part of the "
                        "answer)"))
    if validator == "anyOf" and field_path == ["answer"]:
        return said(msg('{field} must be the letters of the correct options, like "AC" or '
                        '[A, C]', field=field))
    if validator == "oneOf" and kind == "numeric":
        return said(msg("a numeric question needs either 'answer' (with an optional "
                        "'tolerance') or 'range: [low, high]', not both"))
    return said(msg("{field}: {error}", field=this, error=error.message))


def _forbidden(kind: Any) -> list[str]:
    for rule in schema()["$defs"]["question"]["allOf"]:
        if rule["if"]["properties"]["type"]["const"] == kind:
            return [key for key, sub in rule["then"]["properties"].items() if sub is False]
    return []


_USES = {
    "single": N_("options and answer"),
    "multiple": N_("options and answer"),
    "truefalse": N_("answer: true or false"),
    "fill": N_("answer (one text or a list of accepted texts)"),
    "match": N_("pairs"),
    "order": N_("items"),
    "numeric": N_("answer with tolerance, or range"),
}


def _uses(kind: Any) -> str | Message:
    return msg(" (it uses {keys})", keys=msg(_USES[kind])) if kind in _USES else ""


def _pattern_message(field_path: list[Any], value: Any, kind: Any, top: bool) -> Message:
    if field_path == ["id"] and top:
        return msg("the set id '{value}' may contain only lowercase letters, digits, '.', '_' "
                   "and '-', starting with a letter or digit (e.g. four-relationships)",
                   value=value)
    if field_path and field_path[0] == "answer":
        answer = _field_name(["answer"])
        if kind == "single":
            return msg("{field} must be the letter of the correct option (A to H), not "
                       "'{value}'", field=answer, value=value)
        return msg('{field} must be the letters of the correct options, like "AC" or [A, C], '
                   "not '{value}'", field=answer, value=value)
    if field_path == ["section"]:
        return msg("'{value}' is not a section id; section ids look like intro, problems.1 or "
                   "suggestions.5.2", value=value)
    if field_path == ["language"]:
        return msg("language must be a language code such as en or zh-CN, not '{value}'",
                   value=value)
    if field_path == ["id"]:
        return msg("id must not contain line breaks")
    return msg("{field} has an unexpected form: '{value}'", field=_field_name(field_path),
               value=value)


def _count_message(field_path: list[Any], value: Any, kind: Any) -> Message:
    count = len(value) if isinstance(value, (list, str)) else 0
    if field_path == ["options"]:
        return msg("a question needs 2 to 8 options; this one has {count}", count=count)
    if field_path == ["pairs"]:
        return msg("a match question needs at least 2 pairs; this one has {count}", count=count)
    if field_path == ["items"]:
        return msg("an order question needs at least 2 items; this one has {count}",
                   count=count)
    if field_path == ["range"]:
        return msg("range must be two numbers: [low, high]")
    if field_path == ["answer"]:
        return msg("{field} is an empty list", field=_field_name(field_path))
    return msg("{field} has {count} entries", field=_field_name(field_path), count=count)


# --- Step 3: values to the model -------------------------------------------------------------
