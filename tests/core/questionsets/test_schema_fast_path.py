"""The compiled schema check that guards the fast path agrees with the full validator."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.questionsets import native, native_schema

VALID: dict[str, Any] = {
    "format": "studyapp-questions/1",
    "id": "agree",
    "title": "Agreement",
    "questions": [
        {"id": "s", "type": "single", "prompt": "P?", "options": ["a", "b"], "answer": "A"},
        {"id": "m", "type": "multiple", "prompt": "P?", "options": ["a", {"text": "b"}],
         "answer": ["A", "B"]},
        {"id": "t", "type": "truefalse", "prompt": "P.", "answer": True},
        {"id": "f", "type": "fill", "prompt": "P ____.", "answer": ["x", "y"]},
        {"id": "p", "type": "match", "prompt": "P.",
         "pairs": [{"left": "a", "right": "b"}, {"left": "c", "right": "d"}]},
        {"id": "o", "type": "order", "prompt": "P.", "items": ["a", "b"]},
        {"id": "n", "type": "numeric", "prompt": "P?", "answer": 4, "tolerance": 0},
        {"id": "r", "type": "numeric", "prompt": "P?", "range": [1, 5], "difficulty": 3},
    ],
    "cards": [{"id": "c", "front": "F", "back": "B", "tags": ["t"]}],
}

JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10), st.floats(allow_nan=False),
    st.text(max_size=5), st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
KEYS = st.sampled_from(
    ["id", "type", "prompt", "options", "answer", "pairs", "items", "range", "tolerance",
     "difficulty", "tags", "front", "back", "section", "evidence", "anwser"]
)


def full_validator_accepts(document: Any) -> bool:
    return bool(jsonschema.Draft202012Validator(native.schema()).is_valid(document))


def test_the_valid_document_passes_both() -> None:
    assert full_validator_accepts(VALID)
    assert native_schema._passes_fast_check(VALID)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["questions", "cards"]), index=st.integers(0, 7), key=KEYS,
       value=JUNK, delete=st.booleans())
def test_both_checks_agree_on_mutated_documents(
    kind: str, index: int, key: str, value: Any, delete: bool
) -> None:
    document = copy.deepcopy(VALID)
    items = document[kind]
    item = items[index % len(items)]
    if delete:
        item.pop(key, None)
    else:
        item[key] = value
    assert native_schema._passes_fast_check(document) == full_validator_accepts(document)  # type: ignore[arg-type]
