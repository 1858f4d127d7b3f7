"""The native question-set format: one YAML file per set (``format: studyapp-questions/1``).

Reading is done in three steps, each collecting every problem instead of stopping at the first:

1. YAML to plain values with a safe loader that refuses anchors and aliases (alias bombs),
   limits nesting, and remembers the line of every key and list item;
2. the structure is checked against ``resources/schema/question-set.schema.json`` and each
   schema error is told in the trainer's words at the line of the field it concerns;
3. every item that passed is mapped to the model. Items with problems are left out of the
   returned set, so the common checks (``checks.check_set``) never report them twice.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets.checks import duplicate_ids
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.limits import MAX_ITEMS, too_many_items_message
from studyapp.core.questionsets.model import (
    Card,
    Choice,
    NumericAnswer,
    Question,
    QuestionSet,
    evidence_quotes,
    join_evidence,
)
from studyapp.core.questionsets.native_schema import _item_label, _schema_problems, schema
from studyapp.core.questionsets.native_values import FORMAT_TAG, LETTERS
from studyapp.core.questionsets.native_values import LinedMap as _Map
from studyapp.core.questionsets.native_values import LinedSeq as _Seq
from studyapp.core.questionsets.yaml_errors import syntax_error_words

__all__ = ["FORMAT_TAG", "dump", "parse", "schema"]

if TYPE_CHECKING:

    from studyapp.core.questionsets import LoadResult

MAX_DEPTH = 20

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Tags whose value is kept as the text the trainer wrote (dates, '<<' and '=' keys).
_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


class _Refused(Exception):
    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message.english)
        self.line = line
        self.message = message


try:
    # libyaml scans and parses about ten times faster; values are built in Python (below).
    from yaml._yaml import CParser

    class _Events(CParser, SafeConstructor, Resolver):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _BYTE_POSITIONS = True  # libyaml reports positions in UTF-8 bytes
except ImportError:  # PyYAML built without libyaml
    _Events = yaml.SafeLoader  # type: ignore[misc, assignment]
    _BYTE_POSITIONS = False


class _Loader(_Events):
    """Safe loader: a source of parsing events, a tag resolver and the scalar constructors."""


_NUMBER_TAGS = (_BOOL, _INT, _FLOAT)
_CONSTRUCTED_TAGS = (_NULL, _BOOL, _INT, _FLOAT)


class _Reader:
    """Turns parsing events straight into plain values (with line information).

    No node tree is built in between: the events are read once, in order. Anchors and aliases
    (alias bombs) and nesting deeper than MAX_DEPTH are refused wherever they are, even inside
    values that are left out; problems are collected, except inside a value that is left out
    (the value of a repeated or non-text key, a collection with an unsupported tag).
    ``raw`` (in ``_Map`` and ``_Seq``) keeps the text of scalars that YAML read as numbers or
    booleans: unquoted 1921, yes or 3.10 where text is expected mean the text as written.
    """

    def __init__(self, loader: _Loader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.problems: list[Problem] = []
        self.items = 0  # items of the top-level lists (questions, cards) so far
        self._get_event: Callable[[], Any] = loader.get_event
        self._resolve = loader.resolve
        # First characters of plain scalars that may resolve to something other than text.
        resolvers = loader.yaml_implicit_resolvers
        self._maybe_not_text: Any = (
            None if None in resolvers or loader.yaml_path_resolvers else frozenset(resolvers)
        )

    def problem(self, line: int, message: Message) -> None:
        self.problems.append(problem(self.path, line, message))

    def document(self) -> tuple[int | None, Any]:
        """The line of the only document's root (None when the stream is empty) and its value.

        Raises what the parser raises, and _Refused.
        """
        get_event = self._get_event
        get_event()  # STREAM-START
        if self.loader.check_event(StreamEndEvent):
            get_event()
            return None, None
        get_event()  # DOCUMENT-START
        event = get_event()
        root_mark = event.start_mark
        value = self._node(event, 1, True)
        get_event()  # DOCUMENT-END
        if not self.loader.check_event(StreamEndEvent):
            extra = get_event()
            raise ComposerError("expected a single document in the stream", root_mark,
                                "but found another document", extra.start_mark)
        get_event()  # STREAM-END
        return root_mark.line + 1, value

    def _tag(self, event: Any) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            maybe = self._maybe_not_text
            if maybe is not None and not (event.implicit[0] and value[:1] in maybe):
                return _STR  # what resolve() says without trying every pattern
            return self._resolve(ScalarNode, value, event.implicit)
        return tag

    def _scalar(self, tag: str, event: Any, line: int) -> Any:
        if tag == _STR or tag in _AS_TEXT:
            return event.value.strip()
        if tag in _CONSTRUCTED_TAGS:
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            try:
                value = self.loader.construct_object(node)
            except (ValueError, LookupError, yaml.YAMLError):  # e.g. !!bool maybe, !!float ''
                self.problem(line, msg("'{value}' is not a valid {type}", value=event.value,
                                       type=tag.rsplit(':', 1)[-1]))
                return None
            return value
        self.problem(line, msg("the YAML tag '{tag}' is not supported in question sets", tag=tag))
        return None

    def _node(self, event: Any, depth: int, build: bool) -> Any:
        """The value of the node that ``event`` starts (None when not ``build``)."""
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _Refused(line, msg("YAML anchors and aliases ('&name', '*name') are not "
                                     "allowed; write each value out in full"))
        if depth > MAX_DEPTH:
            raise _Refused(line, msg("the file is nested more than {depth} levels deep",
                                     depth=MAX_DEPTH))
        if isinstance(event, ScalarEvent):
            return self._scalar(self._tag(event), event, line) if build else None
        is_sequence = isinstance(event, SequenceStartEvent)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self._resolve(SequenceNode if is_sequence else MappingNode, None,
                                event.implicit)
        if build and tag != (_SEQ if is_sequence else _MAP):
            self.problem(line, msg("the YAML tag '{tag}' is not supported in question sets",
                                   tag=tag))
            build = False
        if is_sequence:
            return self._sequence(line, depth, build)
        return self._mapping(line, depth, build)

    def _sequence(self, line: int, depth: int, build: bool) -> _Seq | None:
        get_event = self._get_event
        seq = _Seq(line) if build else None
        index = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is SequenceEndEvent:
                return seq
            item_line = event.start_mark.line + 1
            if depth == 2:  # an item of a top-level list: a question or a card
                self.items += 1
                if self.items > MAX_ITEMS:
                    raise _Refused(item_line, too_many_items_message())
            if kind is ScalarEvent and event.anchor is None and depth < MAX_DEPTH:
                if seq is not None:
                    tag = self._tag(event)
                    seq.append(event.value.strip() if tag == _STR
                               else self._scalar(tag, event, item_line))
                    seq.item_lines.append(item_line)
                    if tag in _NUMBER_TAGS:
                        seq.raw[index] = event.value.strip()
            else:
                value = self._node(event, depth + 1, seq is not None)
                if seq is not None:
                    seq.append(value)
                    seq.item_lines.append(item_line)
            index += 1

    def _mapping(self, line: int, depth: int, build: bool) -> _Map | None:
        get_event = self._get_event
        mapping = _Map(line) if build else None
        while True:
            event = get_event()
            kind = type(event)
            if kind is MappingEndEvent:
                return mapping
            key_line = event.start_mark.line + 1
            key: Any = None
            if kind is ScalarEvent and event.anchor is None and depth < MAX_DEPTH:
                if mapping is not None:
                    tag = self._tag(event)
                    key = event.value.strip() if tag == _STR else self._scalar(tag, event,
                                                                               key_line)
            else:
                # Only a scalar key is read; the contents of any other are left out.
                is_scalar = kind is ScalarEvent
                value = self._node(event, depth + 1, mapping is not None and is_scalar)
                key = value if is_scalar else None
            keep = False
            if mapping is not None:
                if not isinstance(key, str):
                    self.problem(key_line, msg("keys must be plain words such as 'prompt' or "
                                               "'answer'"))
                elif key in mapping:
                    self.problem(key_line, msg("'{key}' appears twice (first on line {line}); "
                                               "keep only one", key=key,
                                               line=mapping.key_lines[key]))
                else:
                    keep = True
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent and event.anchor is None and depth < MAX_DEPTH:
                if keep:
                    assert mapping is not None
                    value_line = event.start_mark.line + 1
                    tag = self._tag(event)
                    mapping[key] = (event.value.strip() if tag == _STR
                                    else self._scalar(tag, event, value_line))
                    mapping.key_lines[key] = key_line
                    if tag in _NUMBER_TAGS:
                        mapping.raw[key] = event.value.strip()
            else:
                value = self._node(event, depth + 1, keep)
                if keep:
                    assert mapping is not None
                    mapping[key] = value
                    mapping.key_lines[key] = key_line


def parse(text: str, path: str) -> LoadResult:
    """Read a native question set; every problem in the file is reported, nothing is raised."""
    from studyapp.core.questionsets import LoadResult

    path = str(path)
    try:
        loader = _Loader(text)
        try:
            reader = _Reader(loader, path)
            root_line, document = reader.document()
        finally:
            loader.dispose()
    except _Refused as refused:
        return LoadResult(None, [problem(path, refused.line, refused.message)])
    except yaml.MarkedYAMLError as error:
        return LoadResult(None, [_yaml_problem(path, error)])
    except yaml.reader.ReaderError as error:
        if _BYTE_POSITIONS:
            line = text.encode("utf-8")[: error.position].count(b"\n") + 1
        else:
            line = text[: error.position].count("\n") + 1
        return LoadResult(None, [problem(path, line, msg(
            "the file contains a control character (code {code:#x}) that YAML does not allow; "
            "remove it", code=error.character))])
    except yaml.YAMLError as error:
        return LoadResult(None, [problem(path, 0, msg("this is not valid YAML: {error}",
                                                      error=str(error)))])
    except UnicodeEncodeError:
        return LoadResult(None, [problem(path, 0, msg("the text contains characters that are "
                                                      "not valid Unicode; save it as UTF-8 "
                                                      "again"))])
    if root_line is None:
        return LoadResult(None, [problem(path, 0, msg("the file is empty"))])
    if not isinstance(document, _Map):
        reader.problem(root_line, msg("a question set must start with keys such as 'format:', "
                                      "'id:' and 'title:'"))
        return LoadResult(None, _sorted(reader.problems))
    _coerce_text(document)
    problems = reader.problems
    broken = _schema_problems(document, path, problems)
    question_set = _to_model(document, path, broken, problems)
    return LoadResult(question_set, _sorted(problems))


def _sorted(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda problem: problem.line)


def _yaml_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 0
    column = mark.column + 1 if mark is not None else None
    opened = error.context_mark.line + 1 if error.context_mark is not None else None
    return problem(path, line, syntax_error_words(error.context, error.problem, opened),
                   column)


# --- Step 1b: text fields given as unquoted numbers or booleans -------------------------------

_TEXT_KEYS_TOP = ("id", "title", "version", "description", "language")
_TEXT_KEYS_ITEM = ("id", "section", "prompt", "front", "back", "explanation", "evidence")


def _as_text(container: _Map | _Seq, key: Any) -> None:
    value = container[key]
    if isinstance(value, (bool, int, float)) and key in container.raw:
        container[key] = container.raw[key]
    elif isinstance(value, (datetime.date, datetime.datetime)):
        container[key] = str(value)


def _all_as_text(seq: Any) -> None:
    if isinstance(seq, _Seq):
        for index in range(len(seq)):
            _as_text(seq, index)


def _coerce_text(document: _Map) -> None:
    for key in _TEXT_KEYS_TOP:
        if key in document:
            _as_text(document, key)
    for kind in ("questions", "cards"):
        items = document.get(kind)
        if not isinstance(items, _Seq):
            continue
        for item in items:
            if not isinstance(item, _Map):
                continue
            for key in _TEXT_KEYS_ITEM:
                if key in item:
                    _as_text(item, key)
            _all_as_text(item.get("tags"))
            _all_as_text(item.get("evidence"))
            _all_as_text(item.get("items"))
            options = item.get("options")
            if isinstance(options, _Seq):
                for index, option in enumerate(options):
                    if isinstance(option, _Map):
                        for key in ("text", "feedback"):
                            if key in option:
                                _as_text(option, key)
                    else:
                        _as_text(options, index)
            pairs = item.get("pairs")
            if isinstance(pairs, _Seq):
                for pair in pairs:
                    if isinstance(pair, _Map):
                        for key in ("left", "right"):
                            if key in pair:
                                _as_text(pair, key)
            if item.get("type") == "fill" and "answer" in item:
                if isinstance(item["answer"], _Seq):
                    _all_as_text(item["answer"])
                else:
                    _as_text(item, "answer")


# --- Step 2: the JSON Schema, in the trainer's words -----------------------------------------


@cache
def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _tags(value: Any) -> list[str]:
    return [tag for tag in value if isinstance(tag, str)] if isinstance(value, list) else []


def _letters(answer: Any) -> list[str]:
    parts = answer if isinstance(answer, list) else [answer]
    found: list[str] = []
    for part in parts:
        for letter in re.findall(r"[A-Ha-h]", str(part)):
            if letter.upper() not in found:
                found.append(letter.upper())
    return found


def _evidence(item: _Map, label: Message, path: str, problems: list[Problem]) -> str:
    """One quote as written (line breaks are spaces), or a list of quotes joined one a line."""
    value = item.get("evidence")
    if isinstance(value, str):
        return " ".join(value.split()) if "\n" in value else value
    if not isinstance(value, _Seq):
        return ""
    quotes: list[str] = []
    for index, quote in enumerate(value):
        if isinstance(quote, str) and "\n" in quote:
            problems.append(problem(path, value.item_lines[index], msg(
                "{item}: evidence quote {number} runs over several lines; write each quote "
                "as one line of the list", item=label, number=index + 1)))
        elif isinstance(quote, str):
            quotes.append(quote)
    return join_evidence(quotes)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _to_model(
    document: _Map, path: str, broken: set[tuple[str, int]], problems: list[Problem]
) -> QuestionSet:
    question_set = QuestionSet(
        id=_text(document.get("id")),
        title=_text(document.get("title")),
        version=_text(document.get("version")) or "1",
        description=_text(document.get("description")),
        language=_text(document.get("language")) or "en",
        source=path,
        format="native",
    )
    questions = document.get("questions")
    cards = document.get("cards")
    if not (isinstance(questions, list) and questions) and not (isinstance(cards, list) and cards):
        problems.append(problem(path, document.line,
                                msg("the set has no questions and no cards; add at least one")))
    ids: list[tuple[str, str, int]] = []
    for kind, noun in (("questions", "question"), ("cards", "card")):
        items = document.get(kind)
        if isinstance(items, _Seq):
            ids += [(noun, item["id"], item.line) for item in items
                    if isinstance(item, _Map) and isinstance(item.get("id"), str)]
    problems += duplicate_ids(path, ids)
    if isinstance(questions, _Seq):
        for index, item in enumerate(questions):
            if ("questions", index) in broken or not isinstance(item, _Map):
                continue
            question = _question(item, _item_label(document, "questions", index), path, problems)
            if question is not None:
                question_set.questions.append(question)
    if isinstance(cards, _Seq):
        for index, item in enumerate(cards):
            if ("cards", index) in broken or not isinstance(item, _Map):
                continue
            question_set.cards.append(Card(
                id=item["id"],
                front=item["front"],
                back=item["back"],
                section=item.get("section"),
                explanation=_text(item.get("explanation")),
                evidence=_evidence(item, _item_label(document, "cards", index), path, problems),
                tags=_tags(item.get("tags")),
                line=item.line,
            ))
    return question_set


def _question(item: _Map, label: Message, path: str, problems: list[Problem]
              ) -> Question | None:
    question = Question(
        id=item["id"],
        type=item["type"],
        prompt=item["prompt"],
        section=item.get("section"),
        explanation=_text(item.get("explanation")),
        evidence=_evidence(item, label, path, problems),
        tags=_tags(item.get("tags")),
        difficulty=int(item["difficulty"]) if "difficulty" in item else None,
        points=float(item["points"]) if "points" in item else None,
        line=item.line,
        shuffle=item.get("shuffle") is not False,
    )
    answer: Any = item.get("answer")
    answer_line = item.key_lines.get("answer", item.line)
    if question.type in ("single", "multiple"):
        options = item["options"]
        named = _letters(answer)
        last = LETTERS[len(options) - 1]
        wrong = [letter for letter in named if LETTERS.index(letter) >= len(options)]
        if wrong:
            problems.append(problem(path, answer_line, msg(
                "{item}: answer '{answer}' names no option; this question has options A-{last}",
                item=label, answer="".join(wrong), last=last)))
            return None
        for index, option in enumerate(options):
            text, feedback = (
                (option["text"], _text(option.get("feedback")))
                if isinstance(option, dict) else (option, "")
            )
            question.choices.append(Choice(text, LETTERS[index] in named, feedback))
    elif question.type == "truefalse":
        question.truth = bool(answer)
    elif question.type == "fill":
        question.accepted = list(answer) if isinstance(answer, list) else [answer]
    elif question.type == "match":
        question.pairs = [(pair["left"], pair["right"]) for pair in item["pairs"]]
    elif question.type == "order":
        question.sequence = list(item["items"])
    else:
        numbers = [item.get("tolerance", 0), *(item.get("range") or [])]
        if "answer" in item:
            numbers.append(answer)
        if not all(_finite(number) for number in numbers):
            problems.append(problem(
                path, answer_line if "answer" in item else item.key_lines.get("range", item.line),
                msg("{item}: numbers must be ordinary finite numbers (not .inf or .nan)",
                    item=label)))
            return None
        if "range" in item:
            low, high = item["range"]
            question.numeric = [NumericAnswer(low=float(low), high=float(high))]
        else:
            question.numeric = [NumericAnswer(
                value=float(answer), tolerance=float(item.get("tolerance", 0)))]
    return question


# --- Writing ----------------------------------------------------------------------------------


def dump(question_set: QuestionSet) -> str:
    """The set in the native format, so that ``parse(dump(s))`` gives ``s`` back.

    Choice weights (partial credit from GIFT) have no native form; the correct options keep
    their all-or-nothing meaning. A numeric question with several accepted answers cannot be
    written either: ValueError names it.
    """
    document: dict[str, Any] = {"format": FORMAT_TAG, "id": question_set.id,
                                "title": question_set.title}
    if question_set.version:
        document["version"] = question_set.version
    if question_set.description:
        document["description"] = question_set.description
    if question_set.language and question_set.language != "en":
        document["language"] = question_set.language
    if question_set.questions:
        document["questions"] = [_dump_question(q) for q in question_set.questions]
    if question_set.cards:
        document["cards"] = [_dump_card(card) for card in question_set.cards]
    # libyaml's emitter writes what the pure-Python one does, ten times faster (the editor
    # checks the text Save would write after every pause in typing).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _dump_question(question: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"id": question.id, "type": question.type}
    if question.section:
        out["section"] = question.section
    out["prompt"] = question.prompt
    if question.type in ("single", "multiple"):
        out["options"] = [
            {"text": choice.text, "feedback": choice.feedback} if choice.feedback else choice.text
            for choice in question.choices
        ]
        out["answer"] = "".join(
            LETTERS[index] for index, choice in enumerate(question.choices) if choice.correct
        )
    elif question.type == "truefalse":
        out["answer"] = bool(question.truth)
    elif question.type == "fill":
        out["answer"] = question.accepted[0] if len(question.accepted) == 1 else question.accepted
    elif question.type == "match":
        out["pairs"] = [{"left": left, "right": right} for left, right in question.pairs]
    elif question.type == "order":
        out["items"] = list(question.sequence)
    else:
        if len(question.numeric) != 1:
            raise ValueError(msg("question '{id}' has {count} numeric answers; the native format "
                                 "holds exactly one value or range", id=question.id,
                                 count=len(question.numeric)).render())
        numeric = question.numeric[0]
        if numeric.low is not None and numeric.high is not None:
            out["range"] = [_number(numeric.low), _number(numeric.high)]
        else:
            out["answer"] = _number(numeric.value if numeric.value is not None else 0.0)
            if numeric.tolerance:
                out["tolerance"] = _number(numeric.tolerance)
    _dump_common(out, question.explanation, question.evidence, question.tags)
    if question.difficulty is not None:
        out["difficulty"] = question.difficulty
    if question.points is not None:
        out["points"] = _number(question.points)
    if not question.shuffle:
        out["shuffle"] = False
    return out


def _dump_card(card: Card) -> dict[str, Any]:
    out: dict[str, Any] = {"id": card.id}
    if card.section:
        out["section"] = card.section
    out["front"] = card.front
    out["back"] = card.back
    _dump_common(out, card.explanation, card.evidence, card.tags)
    return out


def _dump_common(out: dict[str, Any], explanation: str, evidence: str, tags: list[str]) -> None:
    if explanation:
        out["explanation"] = explanation
    quotes = evidence_quotes(evidence)
    if quotes:
        out["evidence"] = quotes[0] if len(quotes) == 1 else quotes
    if tags:
        out["tags"] = list(tags)
