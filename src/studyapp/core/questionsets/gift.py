"""Moodle GIFT import, following Moodle's own reader (question/format/gift/format.php).

A file is a series of questions separated by blank lines. ``//`` lines are comments,
``::name::`` names a question, ``$CATEGORY: a/b`` tags the questions after it, and each
question has one answer block ``{...}`` whose content decides the type, in Moodle's order:
empty -> essay, ``#...`` -> numerical, any ``~`` -> multiple choice, ``=`` with ``->`` ->
matching, ``T``/``TRUE``/``F``/``FALSE`` -> true/false, anything else -> short answer.

Where Moodle would silently import something odd (a second answer block, a stray brace, an
unclosed ``::name``) we report a problem instead, because a quiz with a wrong key is worse
than a file the trainer has to fix. Essays and descriptions cannot be graded here, so they
are reported too; every other question in the file still parses.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets import LoadResult
from studyapp.core.questionsets._text import file_stem, set_id_from_path, slugify, split_lines
from studyapp.core.questionsets.checks import MAX_CHOICES
from studyapp.core.questionsets.errors import Problem, problem
from studyapp.core.questionsets.limits import MAX_ITEM_CHARS, MAX_ITEMS, too_many_items
from studyapp.core.questionsets.model import Choice, NumericAnswer, Question, QuestionSet

__all__ = ["looks_like_gift", "parse"]

# Escaped control characters are swapped for Unicode noncharacters while the structure is
# parsed (Moodle uses "&&058;"-style placeholders), then swapped back. Noncharacters never
# occur in real text, and any that do are removed first so they cannot turn into syntax.
_ESCAPABLE = ":#={}~n"
_PLACEHOLDERS = "\ufdd0\ufdd1\ufdd2\ufdd3\ufdd4\ufdd5\ufdd6"
_RESTORE = str.maketrans(dict(zip(_PLACEHOLDERS, ":#={}~\n", strict=True)))
_DROP_PLACEHOLDERS = str.maketrans(dict.fromkeys(_PLACEHOLDERS))
_ESCAPE = re.compile(r"\\([\\:#={}~n])")

# Moodle's weight prefix "%50%", "%-100%", "%33.3%" at the start of an answer.
_MAX_ANSWERS = 100  # far more than the MAX_CHOICES the checks allow; no more are parsed
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_BLANK = "____"


def _escape_hint() -> Message:
    """Shown next to brace problems: the usual cause is a literal brace in the text."""
    return msg("write a literal brace as {open} or {close}", open="\\{", close="\\}")


def _too_long() -> Message:
    return msg("this question, with its answers, is longer than {limit:,} characters; "
               "shorten it", limit=MAX_ITEM_CHARS)

_GIFT_HINT = re.compile(r"\{[ \t\r\n]*(?:[=~#]|(?:TRUE|FALSE|T|F)[ \t]*[}#])")


class _Invalid(Exception):
    """A malformed question: becomes one Problem at the question's line."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english)
        self.message = message


@dataclass
class _Parsed:
    line: int
    name: str
    question: Question | None = None
    problem: Message | None = None


def looks_like_gift(text: str) -> bool:
    """True when the text has GIFT syntax: a ``::name::``, a ``$CATEGORY:`` or an answer block."""
    for raw in split_lines(text):
        line = raw.strip()
        if line.startswith("$CATEGORY:"):
            return True
        if line.startswith("::") and "::" in line[2:]:
            return True
    return _GIFT_HINT.search(text) is not None


def parse(text: str, path: str) -> LoadResult:
    """Parse GIFT text; every malformed question is one Problem, the others still load."""
    blocks = _blocks(text)
    if len(blocks) > MAX_ITEMS:
        return LoadResult(None, [too_many_items(path, blocks[MAX_ITEMS][1])])
    parsed = [_parse_block(lines, first_line, category)
              if sum(map(len, lines)) <= MAX_ITEM_CHARS
              else _Parsed(first_line, "", None, _too_long())
              for lines, first_line, category in blocks]
    ids = _question_ids(parsed)
    problems: list[Problem] = []
    questions: list[Question] = []
    for item in parsed:
        if item.question is None:
            assert item.problem is not None
            problems.append(problem(path, item.line, item.problem))
            continue
        item.question.id = ids[item.line]
        questions.append(item.question)
    if not questions:
        if not problems:
            problems.append(problem(path, 0, msg("no GIFT questions found in the file")))
        return LoadResult(None, problems)
    question_set = QuestionSet(
        id=set_id_from_path(path),
        title=file_stem(path),
        questions=questions,
        source=path,
        format="gift",
    )
    return LoadResult(question_set, problems)


def _blocks(text: str) -> list[tuple[list[str], int, str | None]]:
    """Questions as (trimmed lines without comments, line of the first one, category).

    Like Moodle, a blank line ends a question and every line is trimmed. A block that
    starts with ``$CATEGORY:`` sets the category for the blocks after it; unlike Moodle,
    lines after it in the same block are read as a question rather than as part of the
    category name.
    """
    blocks: list[tuple[list[str], int, str | None]] = []
    category: str | None = None
    current: list[tuple[int, str]] = []  # (line number, trimmed line)

    def close() -> None:
        nonlocal category, current
        if current and current[0][1].startswith("$CATEGORY:"):
            category = _category_tag(current[0][1][len("$CATEGORY:"):])
            current = current[1:]
        if current:
            blocks.append(([line for _, line in current], current[0][0], category))
        current = []

    for number, raw in enumerate(split_lines(text.translate(_DROP_PLACEHOLDERS)), start=1):
        line = raw.strip()
        if not line:
            close()
        elif not line.startswith("//"):
            current.append((number, line))
    close()
    return blocks


def _category_tag(raw: str) -> str | None:
    """``$course$/top/Week 1`` -> ``Week 1``: Moodle's context and "top" mean nothing here."""
    parts = [part.strip() for part in raw.strip().split("/")]
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "top":
        parts = parts[1:]
    tag = "/".join(part for part in parts if part)
    return tag or None


def _question_ids(parsed: list[_Parsed]) -> dict[int, str]:
    """Slug of the name when it is unique in the file, else ``q<line>``.

    Names of broken questions count too, so fixing one question never renames another.
    A name whose slug equals some other question's ``q<line>`` also falls back.
    """
    slugs = {item.line: slugify(item.name) for item in parsed}
    counts: dict[str, int] = {}
    for slug in slugs.values():
        if slug:
            counts[slug] = counts.get(slug, 0) + 1
    fallback = {line for line, slug in slugs.items() if not slug or counts[slug] > 1}
    # A line that falls back takes "q<line>"; a name with that slug must then fall back too.
    by_slug = {slug: line for line, slug in slugs.items() if slug and line not in fallback}
    pending = list(fallback)
    while pending:
        clash = by_slug.pop(f"q{pending.pop()}", None)
        if clash is not None:
            fallback.add(clash)
            pending.append(clash)
    return {line: f"q{line}" if line in fallback else slugs[line] for line in slugs}


def _parse_block(lines: list[str], line: int, category: str | None) -> _Parsed:
    tags = [category] if category else []
    text = _ESCAPE.sub(_protect, "\n".join(lines))
    name = ""
    try:
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                raise _Invalid(msg("the question name is not closed: write it as ::name:: "
                                   "before the question text"))
            name = _restore(text[2:end]).strip()
            text = text[end + 2:].strip()
        question = _parse_question(text, line)
    except _Invalid as invalid:
        return _Parsed(line, name, problem=invalid.message)
    question.tags = tags
    return _Parsed(line, name, question=question)


def _protect(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\\" if char == "\\" else _PLACEHOLDERS[_ESCAPABLE.index(char)]


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _parse_question(text: str, line: int) -> Question:
    start = text.find("{")
    finish = text.find("}")
    if start < 0 and finish < 0:
        raise _Invalid(msg("description items (text without an answer block {{...}}) are not "
                           "supported (there is nothing to answer); remove it or add an answer "
                           "block"))
    if finish < 0:
        raise _Invalid(msg("the answer block is not closed: '{open}' has no matching '{close}' "
                           "before the next blank line (blank lines separate questions; {hint})",
                           open="{", close="}", hint=_escape_hint()))
    if start < 0:
        raise _Invalid(msg("'}}' without an opening '{{' ({hint})", hint=_escape_hint()))
    if finish < start:
        raise _Invalid(msg("'}}' comes before the '{{' of the answer block ({hint})",
                           hint=_escape_hint()))
    answer_text = text[start + 1:finish]
    rest = text[finish + 1:]
    if "{" in answer_text:
        raise _Invalid(msg("'{{' inside the answer block: blocks cannot be nested ({hint})",
                           hint=_escape_hint()))
    if "{" in rest or "}" in rest:
        raise _Invalid(msg("more than one answer block: a question has exactly one {{...}} "
                           "({hint})", hint=_escape_hint()))

    # Missing-word format: the block in mid-sentence becomes a blank in the prompt.
    if rest.strip():
        question_text = text[:start] + _BLANK + rest
    else:
        question_text = text[:start]
    answer_text = answer_text.strip()
    general_feedback = ""
    separator = answer_text.rfind("####")
    if separator >= 0:
        general_feedback = answer_text[separator + 4:]
        answer_text = answer_text[:separator].strip()

    prompt, text_format = _with_format(question_text, "moodle")
    explanation, _ = _with_format(general_feedback, text_format)
    question = Question(id="", type="single", prompt=prompt, explanation=explanation, line=line)

    if not answer_text:
        raise _Invalid(msg("essay questions are not supported (they need a human to grade); "
                           "remove it or turn it into another type"))
    if answer_text.startswith("#"):
        _numerical(question, answer_text[1:], text_format)
    elif "~" in answer_text:
        _multiple_choice(question, answer_text, text_format)
    elif "=" in answer_text and "->" in answer_text:
        _matching(question, answer_text, text_format)
    elif _true_false_key(answer_text) in _TRUE_FALSE:
        _true_false(question, answer_text, text_format)
    else:
        _short_answer(question, answer_text, text_format)
    return question


def _with_format(text: str, default: str) -> tuple[str, str]:
    """Moodle's parse_text_with_format: an optional ``[html]``-style prefix, then the text.

    HTML becomes plain text here (tags dropped, entities decoded); nothing is fetched or run.
    """
    text_format = default
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in _TEXT_FORMATS:
            text_format = text[1:end]
            text = text[end + 1:]
    text = _restore(text).strip()
    if text_format == "html":
        text = _html_to_text(text)
    return text, text_format


def _split_answers(answer_text: str, marker: str) -> list[str]:
    """Moodle's explode on the marker, dropping an empty first piece; pieces are trimmed."""
    answers = [part.strip() for part in answer_text.split(marker)]
    if answers and not answers[0]:
        answers.pop(0)
    return answers


def _weight(answer: str) -> tuple[float | None, str]:
    """The ``%50%`` prefix as a fraction (None without one) and the answer after it."""
    match = _WEIGHT.match(answer)
    if match is None:
        return None, answer
    percent = float(match.group(1))
    if not -100.0 <= percent <= 100.0:
        raise _Invalid(msg("answer weight {weight} is outside -100%..100%",
                           weight=match.group(0)))
    return percent / 100.0, answer[match.end():]


def _with_feedback(answer: str, text_format: str) -> tuple[str, str]:
    """``answer#feedback`` -> (answer, feedback), each with its own optional format prefix."""
    text, _, feedback = answer.partition("#")
    return _with_format(text.strip(), text_format)[0], _with_format(feedback.strip(),
                                                                    text_format)[0]


def _multiple_choice(question: Question, answer_text: str, text_format: str) -> None:
    # As in Moodle: an "=" answer means one right answer; without one, the "~%n%" weights
    # say which answers are right and the learner may pick several.
    single = "=" in answer_text
    answers = _split_answers(answer_text.replace("=", "~="), "~")
    if len(answers) < 2:
        raise _Invalid(msg("a multiple-choice question needs at least 2 answers"))
    if len(answers) > _MAX_ANSWERS:  # refused before each one is parsed (bounded work)
        raise _Invalid(msg("a multiple-choice question has {count:,} answers; a question "
                           "may have at most {limit}", count=len(answers), limit=MAX_CHOICES))
    choices: list[Choice] = []
    any_weight = False
    for answer in answers:
        if answer.startswith("="):
            weight: float | None = 1.0
            answer = answer[1:]
        else:
            weight, answer = _weight(answer)
            any_weight = any_weight or weight is not None
        text, feedback = _with_feedback(answer, text_format)
        if not text:
            raise _Invalid(msg("an answer is empty (check for a stray ~ or =)"))
        choices.append(Choice(text=text, feedback=feedback, weight=weight))
    for choice in choices:
        choice.weight = choice.weight or 0.0
        choice.correct = choice.weight >= 1.0 if single else choice.weight > 0
    if single:
        right = sum(choice.correct for choice in choices)
        if right > 1:
            raise _Invalid(msg("{count} answers are marked fully right (=); a one-answer "
                               "question needs exactly one (for several right answers use "
                               "~%50% weights instead of =)", count=right))
        if not any_weight:
            # All or nothing: no partial credit was written, so none is stored.
            for choice in choices:
                choice.weight = None
    else:
        total = sum(choice.weight or 0.0 for choice in choices if choice.correct)
        if total == 0:
            raise _Invalid(msg("no right answer: mark it with = (one right answer) or give the "
                               "right answers positive weights such as ~%50%"))
        if round(total, 2) != 1.0:
            raise _Invalid(msg("the positive answer weights add up to {total:g}%; "
                               "they must add up to 100%", total=total * 100))
    question.type = "single" if single else "multiple"
    question.choices = choices


def _matching(question: Question, answer_text: str, text_format: str) -> None:
    pairs: list[tuple[str, str]] = []
    answers = _split_answers(answer_text, "=")
    for answer in answers:
        left, arrow, right = answer.partition("->")
        if not arrow:
            raise _Invalid(msg("matching answer '{answer}' has no '->': write each "
                               "pair as =left -> right", answer=_restore(answer)[:60]))
        left_text = _with_format(left.strip(), text_format)[0]
        right_text = _restore(right).strip()
        if not right_text:
            raise _Invalid(msg("matching answer '{answer}' has nothing after '->'",
                               answer=_restore(answer)[:60]))
        # "= -> Chat" is a Moodle distractor: a right-hand item matching nothing. A pair
        # list cannot hold it, and the question is still fair without it, so it is left out.
        if left_text:
            pairs.append((left_text, right_text))
    if len(pairs) < 2:
        raise _Invalid(msg("a matching question needs at least 2 pairs (=left -> right)"))
    question.type = "match"
    question.pairs = pairs


def _true_false_key(answer_text: str) -> str:
    """The answer without feedback, as Moodle checks it for T/TRUE/F/FALSE (case matters)."""
    return answer_text.partition("#")[0].strip()


def _true_false(question: Question, answer_text: str, text_format: str) -> None:
    parts = answer_text.split("#", 2)
    question.type = "truefalse"
    question.truth = _TRUE_FALSE[parts[0].strip()]
    # Moodle's first feedback is shown after a wrong answer and says what is right, so it
    # explains the question; the second is praise for a right answer and is left out.
    wrong_feedback = _with_format(parts[1].strip(), text_format)[0] if len(parts) > 1 else ""
    question.explanation = "\n\n".join(
        part for part in (wrong_feedback, question.explanation) if part
    )


def _short_answer(question: Question, answer_text: str, text_format: str) -> None:
    # Only answers worth 100% are accepted: the quiz marks a fill answer right or wrong,
    # and accepting a 50% answer as right would be wrong.
    accepted: list[str] = []
    for answer in _split_answers(answer_text, "="):
        weight, answer = _weight(answer)
        text = _with_feedback(answer, text_format)[0]
        if text and (weight is None or weight >= 1.0):
            if "*" in text:
                raise _Invalid(msg("the short answer '{answer}' uses the wildcard *, "
                                   "which is not supported; list the accepted answers instead",
                                   answer=text[:60]))
            accepted.append(text)
    if not accepted:
        raise _Invalid(msg("the short-answer question has no fully right answer "
                           "(=answer or =%100%answer)"))
    question.type = "fill"
    question.accepted = accepted


def _numerical(question: Question, answer_text: str, text_format: str) -> None:
    # "~#feedback" after the answers is Moodle's feedback for any wrong number.
    answer_text = answer_text.partition("~")[0]
    answers = _split_answers(answer_text, "=")
    if not answers:
        raise _Invalid(msg("the numerical question has no answer: write it as {{#number}}, "
                           "{{#number:margin}} or {{#low..high}}"))
    accepted: list[NumericAnswer] = []
    for answer in answers:
        weight, answer = _weight(answer)
        text = _with_feedback(answer, text_format)[0]
        numeric = _numeric_answer(text)
        # As for short answers, partial-credit numbers are left out: right means 100%.
        if weight is None or weight >= 1.0:
            accepted.append(numeric)
    if not accepted:
        raise _Invalid(msg("the numerical question has no fully right answer (=number or "
                           "=%100%number)"))
    question.type = "numeric"
    question.numeric = accepted


def _numeric_answer(text: str) -> NumericAnswer:
    """``3.14``, ``3.14:0.01`` (value and margin) or ``1..5`` (range)."""
    if text.find("..") > 0:
        low_text, _, high_text = text.partition("..")
        low, high = _number(low_text), _number(high_text)
        if low > high:
            raise _Invalid(msg("the range {range} goes from high to low; write it as low..high",
                               range=text))
        return NumericAnswer(low=low, high=high)
    if text.find(":") > 0:
        value_text, _, tolerance_text = text.partition(":")
        value, tolerance = _number(value_text), _number(tolerance_text)
        if tolerance < 0:
            raise _Invalid(msg("the margin in {answer} is negative", answer=text))
        return NumericAnswer(value=value, tolerance=tolerance)
    return NumericAnswer(value=_number(text))


def _number(text: str) -> float:
    text = text.strip()
    if _NUMBER.fullmatch(text):
        value = float(text)
        if math.isfinite(value):
            return value
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        raise _Invalid(msg("'{text}' is not a number (use a dot as the decimal separator)",
                           text=text[:60]))
    raise _Invalid(msg("'{text}' is not a number", text=text[:60]))


_BREAK_TAGS = frozenset(
    "br p div li tr table ul ol blockquote pre h1 h2 h3 h4 h5 h6 hr dd dt".split()
)
_HIDDEN_TAGS = ("script", "style")


def _html_to_text(markup: str) -> str:
    """Plain text from an HTML fragment: tags dropped, script/style content dropped,
    block tags as line breaks, whitespace collapsed, entities decoded.

    A hand-written scan rather than a regex or an HTML parser so that any input, however
    malformed, takes time linear in its length.
    """
    lower = markup.lower()
    chunks: list[str] = []
    position = 0
    size = len(markup)
    while position < size:
        opening = markup.find("<", position)
        # "<" starts a tag only before a letter, "/", "!" or "?", as in browsers.
        while opening >= 0 and not (opening + 1 < size
                                    and (markup[opening + 1].isalpha()
                                         or markup[opening + 1] in "/!?")):
            opening = markup.find("<", opening + 1)
        closing = markup.find(">", opening + 1) if opening >= 0 else -1
        if opening < 0 or closing < 0:
            chunks.append(_collapse(markup[position:]))
            break
        chunks.append(_collapse(markup[position:opening]))
        name = _TAG_NAME.match(markup, opening + 1, closing + 1)
        tag = name.group(1).lower() if name else ""
        position = closing + 1
        if tag in _BREAK_TAGS:
            chunks.append("\n")
        elif tag in _HIDDEN_TAGS and markup[opening + 1] != "/":
            end = lower.find(f"</{tag}", position)
            position = size if end < 0 else end
    return _tidy_lines(html.unescape("".join(chunks)))


def _tidy_lines(text: str) -> str:
    """Spaces around line breaks dropped, at most one empty line in a row, ends stripped.

    Line by line: re.sub(r" *\n *") scanned a long run of spaces again from each of its
    positions (800 KB of "<b> </b>" took 22 s).
    """
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_TAG_NAME = re.compile(r"/?([a-zA-Z][a-zA-Z0-9]*)")
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text) if text else text
