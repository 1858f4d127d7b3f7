"""Question-quality warnings: giveaways that let a learner score without understanding.

``studyapp validate --quality`` and the import dialog run :func:`quality_warnings` on a set
that loaded; every finding is a warning with the file and line of the item it concerns,
never a problem, so a trainer's set is still imported as it is. The built-in sets give none.
The checks and their thresholds are listed in docs/question-format.md ("Question quality"):

- one option letter is the key of too many single-choice questions;
- the key is the longest option, or the option with the most (or the fewest) of the source's
  words (core/questionsets/surface.py), in too many single-choice questions;
- select-all questions with one fixed number of right options;
- true statements copied from the source while the false ones are not (verbatim is true);
- a prompt that names its answer;
- near-duplicate prompts;
- a bare explanation (none, or one that only repeats the evidence or the prompt);
- a match of fewer than three pairs;
- a heading quoted as evidence.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator

from studyapp.core.messages import Message, msg
from studyapp.core.questionsets.errors import Problem, warning
from studyapp.core.questionsets.model import Card, Question, QuestionSet, evidence_quotes
from studyapp.core.questionsets.surface import (
    SourceWords,
    is_verbatim,
    least_cued,
    most_cued,
    section_source,
)
from studyapp.core.questionsets.wording import content_words, normalised, tokens, word_set
from studyapp.core.report import Report, load_report

MAX_KEY_POSITION_SHARE = 0.40  # of the single questions, for one option letter
MIN_SINGLES_FOR_POSITION = 5  # fewer: a letter's share says nothing
MAX_CUED_KEY_SHARE = 0.35  # single questions whose key is the longest / most-source option
MAX_FIXED_COUNT_SHARE = 0.50  # select-all questions sharing one number of right options
MIN_MULTIPLES_FOR_COUNT = 3
MAX_VERBATIM_TRUE_SHARE = 0.60  # of the verbatim statements, the share that are true
MAX_PROMPT_RATIO = 0.85  # difflib ratio of two prompts' text
MAX_PROMPT_JACCARD = 0.75  # share of words two prompts have in common
MIN_JACCARD_WORDS = 4  # shorter prompts are compared by their text only
MAX_CANDIDATES = 100  # later prompts weighed against each prompt, the rarest words' first
MAX_WORDING_COMPARISONS = 8  # of those, compared word by word (the most word pairs shared)
# Two long prompts 85% alike in wording differ in a word or two, so they share far more than
# this of their pairs of neighbouring words (a substituted word breaks two pairs).
MIN_PAIR_SHARE = 0.2
MIN_WORDING_RATIO = 0.6  # alike in fewer of their words than this: not 85% alike in letters
MIN_OWN_WORDS = 3  # words an explanation adds to the prompt and the evidence
MIN_MATCH_PAIRS = 3


def quality_warnings(question_set: QuestionSet, path: str, report: Report | None = None,
                     source: SourceWords | None = None) -> list[Problem]:
    """Every quality warning on ``question_set`` (read from ``path``), in line order."""
    report = report or load_report()
    source = source or section_source(report)
    found = [warning(path, line, message.render())
             for line, message in _findings(question_set, report, source)]
    return sorted(dict.fromkeys(found), key=lambda problem: problem.line)


def _findings(question_set: QuestionSet, report: Report,
              source: SourceWords) -> Iterator[tuple[int, Message]]:
    questions = question_set.questions
    singles = [q for q in questions if q.type == "single" and q.choices]
    yield from _key_positions(singles)
    yield from _cued_keys(singles, source)
    yield from _select_all_counts([q for q in questions if q.type == "multiple" and q.choices])
    yield from _verbatim_truths([q for q in questions if q.type == "truefalse"], source)
    for question in questions:
        yield from _names_the_answer(question)
        yield from _bare_explanation(question)
        if question.type == "match" and len(question.pairs) < MIN_MATCH_PAIRS:
            yield question.line, msg(
                "question '{id}': a match of {n} pairs; the last pair follows from the others, "
                "so give at least {least}", id=question.id, n=len(question.pairs),
                least=MIN_MATCH_PAIRS)
    items: list[Question | Card] = [*questions, *question_set.cards]
    for item in items:
        yield from _heading_evidence(item, report)
    for card in question_set.cards:
        yield from _bare_explanation(card)
    yield from _near_duplicates(questions)


def _key(question: Question) -> int:
    return next((i for i, choice in enumerate(question.choices) if choice.correct), -1)


def _key_positions(singles: list[Question]) -> Iterator[tuple[int, Message]]:
    if len(singles) < MIN_SINGLES_FOR_POSITION:
        return
    counts = Counter(_key(q) for q in singles)
    for index, count in sorted(counts.items()):
        if index >= 0 and count / len(singles) > MAX_KEY_POSITION_SHARE:
            first = next(q for q in singles if _key(q) == index)
            yield first.line, msg(
                "option {letter} is the key of {count} of {total} single-choice questions "
                "({share:.0%}); a learner who always picks {letter} scores that much",
                letter="ABCDEFGH"[index], count=count, total=len(singles),
                share=count / len(singles))


def _cued_keys(singles: list[Question], source: SourceWords) -> Iterator[tuple[int, Message]]:
    """Keys that are the longest option, or the one most in the source's words, in more
    than MAX_CUED_KEY_SHARE of the single questions: each such question is named."""
    if not singles:
        return
    longest = [q for q in singles if _strictly_longest(q) == _key(q)]
    if len(longest) / len(singles) > MAX_CUED_KEY_SHARE:
        for question in longest:
            yield question.line, msg(
                "question '{id}': the key is the longest option, as in {count} of {total} "
                "single-choice questions of this set; write distractors as long as the key",
                id=question.id, count=len(longest), total=len(singles))
    cued = [q for q in singles
            if most_cued([c.text for c in q.choices], source(q)) == [_key(q)]]
    if len(cued) / len(singles) > MAX_CUED_KEY_SHARE:
        for question in cued:
            yield question.line, msg(
                "question '{id}': the key repeats the most words of the source, as in {count} "
                "of {total} single-choice questions of this set; word the distractors as "
                "closely to the source as the key, wrong in meaning",
                id=question.id, count=len(cued), total=len(singles))
    # The cue turned round: distractors copied from the source around a paraphrased key.
    uncued = [q for q in singles
              if least_cued([c.text for c in q.choices], source(q)) == [_key(q)]]
    if len(uncued) / len(singles) > MAX_CUED_KEY_SHARE:
        for question in uncued:
            yield question.line, msg(
                "question '{id}': the key repeats the fewest words of the source, as in {count} "
                "of {total} single-choice questions of this set; copy the source in some keys "
                "too, so that neither the copied nor the reworded option gives the answer away",
                id=question.id, count=len(uncued), total=len(singles))


def _strictly_longest(question: Question) -> int | None:
    lengths = [len(choice.text) for choice in question.choices]
    top = max(lengths)
    return lengths.index(top) if lengths.count(top) == 1 else None


def _select_all_counts(multiples: list[Question]) -> Iterator[tuple[int, Message]]:
    if len(multiples) < MIN_MULTIPLES_FOR_COUNT:
        return
    for label, measure in (
            ("right", lambda q: sum(c.correct for c in q.choices)),
            ("wrong", lambda q: sum(not c.correct for c in q.choices))):
        size, count = Counter(measure(q) for q in multiples).most_common(1)[0]
        if count / len(multiples) > MAX_FIXED_COUNT_SHARE:
            first = next(q for q in multiples if measure(q) == size)
            text = ("{count} of {total} select-all questions have {size} right options; "
                    "vary the number of right options from 1 to all" if label == "right" else
                    "{count} of {total} select-all questions have all options but {size} "
                    "right; vary the number of right options from 1 to all")
            yield first.line, msg(text, count=count, total=len(multiples), size=size)


def _verbatim_truths(statements: list[Question],
                     source: SourceWords) -> Iterator[tuple[int, Message]]:
    verbatim = [q for q in statements if is_verbatim(q.prompt, source(q))]
    true = [q for q in verbatim if q.truth]
    if verbatim and len(true) / len(verbatim) > MAX_VERBATIM_TRUE_SHARE:
        for question in true:
            yield question.line, msg(
                "question '{id}': a true statement in the source's own words, as {count} of "
                "the {total} statements that copy it are true; a learner who calls every "
                "copied statement true scores; paraphrase true statements, copy false ones",
                id=question.id, count=len(true), total=len(verbatim))


def _names_the_answer(question: Question) -> Iterator[tuple[int, Message]]:
    prompt = word_set(question.prompt)
    if question.type == "fill":
        named = [text for text in question.accepted if word_set(text)
                 and word_set(text) <= prompt]
        if named:
            yield question.line, msg("question '{id}': the prompt contains its answer "
                                     "'{answer}'", id=question.id, answer=named[0])
        return
    if question.type != "single" or len(question.choices) < 2:
        return
    shared = [len(word_set(choice.text) & prompt) for choice in question.choices]
    key = _key(question)
    key_words = word_set(question.choices[key].text)
    others = [count for index, count in enumerate(shared) if index != key]
    if key_words and shared[key] >= 2 and shared[key] >= 2 * len(key_words) / 3 \
            and shared[key] > max(others) + 1:
        yield question.line, msg(
            "question '{id}': the prompt names the answer: the key repeats {count} of the "
            "prompt's words, no other option more than {most}", id=question.id,
            count=shared[key], most=max(others))


def _bare_explanation(item: Question | Card) -> Iterator[tuple[int, Message]]:
    kind = msg("question") if isinstance(item, Question) else msg("card")
    if not item.explanation.strip():
        if isinstance(item, Question):
            yield item.line, msg("question '{id}': no explanation; say why the answer is right "
                                 "(and why the tempting wrong ones are wrong)", id=item.id)
        return
    explanation = normalised(item.explanation)
    evidence = normalised(" ".join(evidence_quotes(item.evidence)))
    if evidence and (explanation in evidence or _alike(explanation, evidence, 0.75)):
        yield item.line, msg("{kind} '{id}': the explanation only repeats the evidence; say "
                             "why the answer is right", kind=kind, id=item.id)
        return
    asked = item.prompt if isinstance(item, Question) else f"{item.front} {item.back}"
    own = word_set(item.explanation) - word_set(evidence) - word_set(asked) \
        - word_set(" ".join(_answer_texts(item)))
    if len(own) < MIN_OWN_WORDS:
        yield item.line, msg("{kind} '{id}': the explanation adds almost nothing to the prompt, "
                             "answer and evidence; say why the answer is right",
                             kind=kind, id=item.id)


def _answer_texts(item: Question | Card) -> list[str]:
    if isinstance(item, Card):
        return []
    return [c.text for c in item.choices if c.correct] + list(item.accepted)


def _heading_evidence(item: Question | Card, report: Report) -> Iterator[tuple[int, Message]]:
    if not item.section or item.section not in report:
        return
    heading = normalised(report.get(item.section).heading)
    for quote in evidence_quotes(item.evidence):
        if heading and normalised(quote) and normalised(quote) in heading:
            kind = msg("question") if isinstance(item, Question) else msg("card")
            yield item.line, msg("{kind} '{id}': the evidence is the section's heading, which "
                                 "names a topic and proves no answer; quote the sentence that "
                                 "does", kind=kind, id=item.id)
            return


def _near_duplicates(questions: list[Question]) -> Iterator[tuple[int, Message]]:
    """Pairs of prompts nearly alike in words or in wording. Each prompt is weighed against
    at most MAX_CANDIDATES later ones, those that share its rarest words first (two prompts
    with more than MAX_PROMPT_JACCARD of their words in common share one of the rarest
    quarter of either's words). The costlier comparison of wording runs for at most
    MAX_WORDING_COMPARISONS of them, those with the most word pairs in common (a prompt
    reworded by a word or two keeps most of its word pairs): a file at the 10,000-question
    limit, even one written with a handful of words, is checked in seconds, not hours."""
    prepared = [_Prompt(q) for q in questions]
    postings: dict[str, list[int]] = {}
    for index, prompt in enumerate(prepared):
        for word in prompt.words:
            postings.setdefault(word, []).append(index)
    for index, one in enumerate(prepared):
        rarest = sorted(one.words, key=lambda word: (len(postings[word]), word))
        candidates: set[int] = set()
        for word in rarest[: len(rarest) // 4 + 1]:
            later = postings[word]
            start = bisect.bisect_right(later, index)
            candidates.update(later[start:start + MAX_CANDIDATES - len(candidates)])
            if len(candidates) >= MAX_CANDIDATES:
                break
        close: list[int] = []
        to_compare: list[tuple[float, int]] = []
        words, pairs, long = one.words, one.pairs, one.long
        for other in candidates:
            two = prepared[other]
            if not (long and two.long):
                to_compare.append((0.0, other))
                continue
            common = len(words & two.words)
            if common / (len(words) + len(two.words) - common) > MAX_PROMPT_JACCARD:
                close.append(other)
                continue
            common = len(pairs & two.pairs)
            shared = common / max(1, len(pairs) + len(two.pairs) - common)
            if shared >= MIN_PAIR_SHARE:
                to_compare.append((-shared, other))
        to_compare.sort()
        close.extend(other for _, other in to_compare[:MAX_WORDING_COMPARISONS]
                     if one.worded_like(prepared[other]))
        for other in sorted(close):
            later_question = prepared[other].question
            yield later_question.line, msg(
                "question '{id}': nearly the same prompt as question '{other}' (line "
                "{line}); one gives the other away", id=later_question.id, other=one.question.id,
                line=one.question.line)


class _Prompt:
    """A prompt's words as the near-duplicate check weighs them."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.tokens = tokens(question.prompt)
        self.words = set(content_words(question.prompt))
        self.pairs = set(zip(self.tokens, self.tokens[1:], strict=False))
        self.long = len(self.words) >= MIN_JACCARD_WORDS
        self.text = " ".join(self.tokens)

    def worded_like(self, other: _Prompt) -> bool:
        """More than MAX_PROMPT_RATIO of the two texts in common, letter by letter, in order.
        Long prompts are first compared word by word (weighted by length, far cheaper), and
        only those close by words are compared by letters (a reworded "county"/"township"
        still shares letters)."""
        if self.long and other.long:
            blocks = difflib.SequenceMatcher(None, self.tokens, other.tokens).get_matching_blocks()
            common = sum(len(token) + 1 for a, _, size in blocks
                         for token in self.tokens[a:a + size])
            by_words = 2 * common / (len(self.text) + len(other.text) + 2)
            if by_words > MAX_PROMPT_RATIO:
                return True
            if by_words < MIN_WORDING_RATIO:
                return False
        return _alike(self.text, other.text, MAX_PROMPT_RATIO)


def _alike(one: str, two: str, ratio: float) -> bool:
    """More than ``ratio`` of the two texts in common, letter by letter, in order (the cheap
    upper bounds first)."""
    matcher = difflib.SequenceMatcher(None, one, two)
    return (matcher.real_quick_ratio() > ratio and matcher.quick_ratio() > ratio
            and matcher.ratio() > ratio)
