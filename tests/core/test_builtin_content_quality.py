"""The built-in sets as a test of understanding: keys that do not give themselves away.

Each check is a function that returns its findings (empty when the content is fine); the tests
at the top run them on the built-in sets, and the tests at the bottom feed each one a small
bad set to show that it can fail.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

import pytest

from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.model import (
    Card,
    Choice,
    Question,
    QuestionSet,
    evidence_quotes,
)
from studyapp.core.resources import questions_dir

RELATIONSHIPS = ["suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4"]
IDEA_TAGS = {"understanding", "scenario"}
MAX_KEY_SHARE = 0.40  # of a set's single-answer questions, for any one option position
MAX_LONGEST_KEY_SHARE = 0.50  # single-answer questions whose key is the longest option
MAX_SELECT_ALL_POSITION_SHARE = 0.75  # select-all questions in which one position is right
MAX_QUOTE_USES = 3  # items (questions and cards, all sets) that may share one evidence quote
MAX_PROMPT_RATIO = 0.85  # difflib ratio of two prompts
MAX_PROMPT_JACCARD = 0.75  # shared share of two prompts' words
MIN_IDEA_QUESTIONS = 8  # per relationship, tagged understanding or scenario
MIN_CONTRAST_QUESTIONS = 10
MIN_RELATIONSHIP_QUESTIONS = 40
MIN_GLOSSARY_CARDS = 10
ABSOLUTE_WORDS = {"only", "all", "same", "always", "never", "every", "completely", "entirely",
                  "nothing", "none", "must"}
MAX_ABSOLUTE_GAP = 0.25  # share of false statements with such words minus share of true ones

STOP_WORDS = set("""
a an the and or of to in on for with by as at from is are be been was were it its this that
these those which who whom what why how does do did not no can can't cannot will would should
we you they their them our your he she his her i me my than then so such there here also into
about more most very just only report report's says say said according
""".split())


# --- The checks ------------------------------------------------------------------------------


def key_index(question: Question) -> int:
    return next(index for index, choice in enumerate(question.choices) if choice.correct)


def key_position_findings(question_set: QuestionSet) -> list[str]:
    """An option position that is the key of more than MAX_KEY_SHARE of single questions."""
    singles = [q for q in question_set.questions if q.type == "single"]
    if len(singles) < 5:
        return []
    counts = Counter("ABCDEFGH"[key_index(q)] for q in singles)
    return [f"{question_set.id}: {letter} is the key of {count} of {len(singles)} single "
            f"questions ({count / len(singles):.0%} > {MAX_KEY_SHARE:.0%})"
            for letter, count in sorted(counts.items())
            if count / len(singles) > MAX_KEY_SHARE]


def longest_key_findings(question_set: QuestionSet) -> list[str]:
    """The key is the (strictly) longest option in more than MAX_LONGEST_KEY_SHARE of the
    single questions, or (the bias turned round) the shortest one."""
    singles = [q for q in question_set.questions if q.type == "single"]
    if len(singles) < 5:
        return []
    findings = []
    for word, pick in (("longest", max), ("shortest", min)):
        hits = [q.id for q in singles if _strictly(pick, q.choices) == key_index(q)]
        share = len(hits) / len(singles)
        if share > MAX_LONGEST_KEY_SHARE:
            findings.append(f"{question_set.id}: the key is the {word} option in {len(hits)} of "
                            f"{len(singles)} single questions ({share:.0%})")
    return findings


def _strictly(pick: Callable[[list[int]], int], choices: list[Choice]) -> int | None:
    lengths = [len(choice.text) for choice in choices]
    top = pick(lengths)
    return lengths.index(top) if lengths.count(top) == 1 else None


def select_all_findings(question_set: QuestionSet) -> list[str]:
    """Select-all answers that follow a pattern: one option position right in nearly all of
    them, one size or one answer for most of them, or every option right."""
    multiples = [q for q in question_set.questions if q.type == "multiple"]
    # Every option right is allowed (issue 17: the number of right options varies from 1 to
    # all); only a habit of it would be a pattern, which the size check below finds.
    findings: list[str] = []
    if len(multiples) < 4:
        return findings
    answers = ["".join("ABCDEFGH"[i] for i, c in enumerate(q.choices) if c.correct)
               for q in multiples]
    for index, letter in enumerate("ABCDEFGH"):
        having = [q for q in multiples if len(q.choices) > index]
        right = sum(1 for q in having if q.choices[index].correct)
        if len(having) >= 4 and right / len(having) > MAX_SELECT_ALL_POSITION_SHARE:
            findings.append(f"{question_set.id}: option {letter} is right in {right} of "
                            f"{len(having)} select-all questions")
    sizes = Counter(len(answer) for answer in answers)
    size, count = sizes.most_common(1)[0]
    if count / len(answers) > 0.6:
        findings.append(f"{question_set.id}: {count} of {len(answers)} select-all questions have "
                        f"{size} right options")
    answer, count = Counter(answers).most_common(1)[0]
    if count / len(answers) > 0.3:
        findings.append(f"{question_set.id}: {count} of {len(answers)} select-all questions "
                        f"have the answer {answer}")
    return findings


def truefalse_findings(question_set: QuestionSet) -> list[str]:
    """True and false statements not written alike: a lopsided key, or false statements that
    give themselves away with absolute words ("only", "all", "same" ...) more than true ones."""
    statements = [q for q in question_set.questions if q.type == "truefalse"]
    if len(statements) < 4:
        return []
    findings = []
    true = [q for q in statements if q.truth]
    false = [q for q in statements if not q.truth]
    if not 0.3 <= len(true) / len(statements) <= 0.7:
        findings.append(f"{question_set.id}: {len(true)} of {len(statements)} true/false "
                        "statements are true")
    if true and false:
        gap = _absolute_share(false) - _absolute_share(true)
        if gap > MAX_ABSOLUTE_GAP:
            findings.append(f"{question_set.id}: false statements use absolute words "
                            f"({', '.join(sorted(ABSOLUTE_WORDS))}) {gap:.0%} more often than "
                            "true ones")
    return findings


def _absolute_share(statements: list[Question]) -> float:
    return sum(1 for q in statements if ABSOLUTE_WORDS & set(words(q.prompt))) / len(statements)


def shared_quote_findings(items: Iterable[Question | Card]) -> list[str]:
    """An evidence quote used by more than MAX_QUOTE_USES items: a generic line that cannot
    carry the answer of all of them."""
    users: dict[str, list[str]] = {}
    for item in items:
        if {"boundary", "sort"} & set(item.tags):
            # A boundary or sorting case is judged by the defining sentences of the relationships,
            # which many cases rightly share.
            continue
        for quote in evidence_quotes(item.evidence):
            users.setdefault(normalised(quote), []).append(item.id)
    return [f"the quote {quote[:60]!r} is the evidence of {len(ids)} items: {', '.join(ids)}"
            for quote, ids in users.items() if len(ids) > MAX_QUOTE_USES]


def restating_explanation_findings(items: Iterable[Question | Card]) -> list[str]:
    """An explanation that only repeats its evidence (contained in it or nearly equal to it),
    or adds fewer than three words of its own to the prompt and the evidence."""
    findings = []
    for item in items:
        if not item.explanation.strip():
            continue
        explanation = normalised(item.explanation)
        evidence = normalised(" ".join(evidence_quotes(item.evidence)))
        prompt = item.prompt if isinstance(item, Question) else f"{item.front} {item.back}"
        if evidence and (explanation in evidence
                         or difflib.SequenceMatcher(None, explanation, evidence).ratio() > 0.75):
            findings.append(f"{item.id}: the explanation repeats the evidence")
            continue
        own = set(content_words(item.explanation)) - set(content_words(evidence)) \
            - set(content_words(prompt))
        if len(own) < 3:
            findings.append(f"{item.id}: the explanation adds nothing to the prompt and "
                            f"evidence (own words: {sorted(own)})")
    return findings


def near_duplicate_findings(questions: list[Question]) -> list[str]:
    """Two questions whose prompts are nearly the same text or the same words."""
    findings = []
    prepared = [(q, normalised(q.prompt), set(content_words(q.prompt))) for q in questions]
    for (one, text_one, words_one), (two, text_two, words_two) in combinations(prepared, 2):
        matcher = difflib.SequenceMatcher(None, text_one, text_two)
        close = matcher.real_quick_ratio() > MAX_PROMPT_RATIO and matcher.ratio() > MAX_PROMPT_RATIO
        union = words_one | words_two
        jaccard = len(words_one & words_two) / len(union) if union else 1.0
        if close or jaccard > MAX_PROMPT_JACCARD:
            findings.append(f"{one.id} and {two.id} have near-identical prompts")
    return findings


def relationship_findings(questions: list[Question]) -> list[str]:
    """The four relationships: at least 40 questions, 8 per relationship on its idea
    (tagged understanding or scenario), and 10 that contrast them or tie them to parts I-II."""
    findings = []
    on_relationships = [q for q in questions if q.section in RELATIONSHIPS]
    if len(on_relationships) < MIN_RELATIONSHIP_QUESTIONS:
        findings.append(f"{len(on_relationships)} questions on the four relationships "
                        f"(< {MIN_RELATIONSHIP_QUESTIONS})")
    for section in RELATIONSHIPS:
        ideas = [q for q in questions if q.section == section and IDEA_TAGS & set(q.tags)]
        if len(ideas) < MIN_IDEA_QUESTIONS:
            findings.append(f"{section}: {len(ideas)} questions tagged understanding or scenario "
                            f"(< {MIN_IDEA_QUESTIONS})")
    contrast = [q for q in questions if "contrast" in q.tags]
    if len(contrast) < MIN_CONTRAST_QUESTIONS:
        findings.append(f"{len(contrast)} questions tagged contrast (< {MIN_CONTRAST_QUESTIONS})")
    return findings


def glossary_findings(cards: list[Card]) -> list[str]:
    glossary = [card for card in cards if "glossary" in card.tags]
    findings = [f"{card.id}: a glossary card without evidence" for card in glossary
                if not evidence_quotes(card.evidence)]
    if len(glossary) < MIN_GLOSSARY_CARDS:
        findings.append(f"{len(glossary)} glossary cards (< {MIN_GLOSSARY_CARDS})")
    return findings


def normalised(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.casefold())


def content_words(text: str) -> list[str]:
    return [word[:6] for word in words(text) if word not in STOP_WORDS and len(word) > 2]


# --- The built-in sets -----------------------------------------------------------------------


def builtin_files() -> list[Path]:
    return sorted(Path(str(questions_dir())).glob("*.yaml"))


@pytest.fixture(scope="module")
def sets() -> list[QuestionSet]:
    loaded = []
    for path in builtin_files():
        result = load_file(path)
        assert result.ok and result.question_set is not None, result.problems
        loaded.append(result.question_set)
    return loaded


@pytest.fixture(scope="module")
def questions(sets: list[QuestionSet]) -> list[Question]:
    return [question for question_set in sets for question in question_set.questions]


@pytest.fixture(scope="module")
def cards(sets: list[QuestionSet]) -> list[Card]:
    return [card for question_set in sets for card in question_set.cards]


PER_SET = [key_position_findings, longest_key_findings, select_all_findings, truefalse_findings]


@pytest.mark.parametrize("check", PER_SET, ids=lambda check: check.__name__)
def test_each_builtin_set_passes(check: Callable[[QuestionSet], list[str]],
                                 sets: list[QuestionSet]) -> None:
    assert [finding for question_set in sets for finding in check(question_set)] == []


def test_no_evidence_quote_is_shared_by_more_than_three_items(
        questions: list[Question], cards: list[Card]) -> None:
    assert shared_quote_findings([*questions, *cards]) == []


def test_explanations_say_why_instead_of_repeating_the_evidence(
        questions: list[Question], cards: list[Card]) -> None:
    assert restating_explanation_findings([*questions, *cards]) == []


def test_no_two_questions_have_near_identical_prompts(questions: list[Question]) -> None:
    assert near_duplicate_findings(questions) == []


def test_the_four_relationships_have_questions_on_their_ideas(questions: list[Question]) -> None:
    assert relationship_findings(questions) == []


def test_there_is_a_glossary_of_key_terms_with_evidence(cards: list[Card]) -> None:
    assert glossary_findings(cards) == []


# --- Each check can fail -----------------------------------------------------------------------


def single(index: int, key: int, texts: list[str] | None = None) -> Question:
    texts = texts or ["one", "two", "three", "four"]
    return Question(id=f"s{index}", type="single", prompt=f"Question number {index}?",
                    choices=[Choice(text, i == key) for i, text in enumerate(texts)])


def multiple(index: int, answer: str) -> Question:
    return Question(id=f"m{index}", type="multiple", prompt=f"Select {index}",
                    choices=[Choice(t, "ABCDE"[i] in answer) for i, t in enumerate("vwxyz")])


def statement(index: int, prompt: str, truth: bool) -> Question:
    return Question(id=f"t{index}", type="truefalse", prompt=prompt, truth=truth)


def a_set(questions: list[Question]) -> QuestionSet:
    return QuestionSet(id="synthetic", title="Synthetic", questions=questions)


def test_a_key_position_used_too_often_is_found() -> None:
    balanced = a_set([single(i, i % 4) for i in range(8)])
    assert key_position_findings(balanced) == []
    lopsided = a_set([single(i, 0 if i < 4 else i % 4) for i in range(8)])
    assert key_position_findings(lopsided) == [
        "synthetic: A is the key of 5 of 8 single questions (62% > 40%)"]


def test_a_key_that_is_mostly_the_longest_or_shortest_option_is_found() -> None:
    fair = a_set([single(i, i % 4, ["short", "a longer one", "mid one", "tiny"])
                  for i in range(8)])
    assert longest_key_findings(fair) == []
    biased = a_set([single(i, i % 4, ["the much longer key" if j == i % 4 else "short"
                                       for j in range(4)]) for i in range(8)])
    assert longest_key_findings(biased) == [
        "synthetic: the key is the longest option in 8 of 8 single questions (100%)"]
    terse = a_set([single(i, i % 4, ["key" if j == i % 4 else "a longer distractor"
                                      for j in range(4)]) for i in range(8)])
    assert longest_key_findings(terse) == [
        "synthetic: the key is the shortest option in 8 of 8 single questions (100%)"]


def test_select_all_patterns_are_found() -> None:
    varied = a_set([multiple(1, "AC"), multiple(2, "BDE"), multiple(3, "C"), multiple(4, "ABD"),
                    multiple(5, "BE")])
    assert select_all_findings(varied) == []
    always_a = a_set([multiple(1, "AB"), multiple(2, "ACD"), multiple(3, "A"), multiple(4, "AE"),
                      multiple(5, "ABC")])
    assert select_all_findings(always_a) == [
        "synthetic: option A is right in 5 of 5 select-all questions"]
    same = a_set([multiple(1, "ABC"), multiple(2, "ABC"), multiple(3, "BD"), multiple(4, "C"),
                  multiple(5, "DE"), multiple(6, "ABC")])
    assert select_all_findings(same) == [
        "synthetic: 3 of 6 select-all questions have the answer ABC"]
    sized = a_set([multiple(1, "AB"), multiple(2, "CD"), multiple(3, "BE"), multiple(4, "AD"),
                   multiple(5, "CDE")])
    assert select_all_findings(sized) == [
        "synthetic: 4 of 5 select-all questions have 2 right options"]
    everything = a_set([multiple(1, "ABCDE")])
    assert select_all_findings(everything) == []


def test_false_statements_that_give_themselves_away_are_found() -> None:
    alike = a_set([statement(1, "Inheritance is copying.", False),
                   statement(2, "Practice tests innovation.", True),
                   statement(3, "Charging is based on research.", False),
                   statement(4, "Innovation must rest on reality.", True)])
    assert truefalse_findings(alike) == []
    telltale = a_set([statement(1, "Only superiors may innovate.", False),
                      statement(2, "Practice tests innovation.", True),
                      statement(3, "All experience is outdated.", False),
                      statement(4, "Inheritance is a reasonable choice.", True)])
    assert [f.split(" (")[0] for f in truefalse_findings(telltale)] == [
        "synthetic: false statements use absolute words"]
    lopsided = a_set([statement(i, f"Statement {i}.", i == 0) for i in range(5)])
    assert truefalse_findings(lopsided) == ["synthetic: 1 of 5 true/false statements are true"]


def test_a_generic_quote_shared_by_many_items_is_found() -> None:
    generic = "The main manifestations are:"
    items: list[Question | Card] = [
        Question(id=f"q{i}", type="truefalse", prompt="p", truth=True, evidence=generic)
        for i in range(3)]
    assert shared_quote_findings(items) == []
    items.append(Card(id="c", front="f", back="b", evidence=f"Other quote\n{generic}"))
    assert shared_quote_findings(items) == [
        "the quote 'the main manifestations are' is the evidence of 4 items: q0, q1, q2, c"]


def test_an_explanation_that_only_repeats_the_evidence_is_found() -> None:
    quote = "Dare to charge and charge is not the same."
    why = Question(id="why", type="truefalse", prompt="Charging is daring.", truth=False,
                   evidence=quote, explanation="Daring rests on research into the situation; "
                                               "charging rushes in without it.")
    copy = Question(id="copy", type="truefalse", prompt="Charging is daring.", truth=False,
                    evidence=quote, explanation="False. Dare to charge and charge is not the same.")
    echo = Question(id="echo", type="truefalse", prompt="Is charging the same as daring?",
                    truth=False, evidence=quote,
                    explanation="The report says daring to charge is not the same as charging.")
    assert restating_explanation_findings([why]) == []
    assert restating_explanation_findings([copy]) == ["copy: the explanation repeats the evidence"]
    assert [f.split(" (")[0] for f in restating_explanation_findings([echo])] == [
        "echo: the explanation adds nothing to the prompt and evidence"]


def test_near_identical_prompts_are_found() -> None:
    one = Question(id="a", type="truefalse", truth=True,
                   prompt="The report says that inheritance is not copying.")
    reworded = Question(id="b", type="truefalse", truth=False,
                        prompt="The report says that inheritance is copying.")
    shuffled = Question(id="c", type="truefalse", truth=False,
                        prompt="Copying is, the report says, not inheritance.")
    other = Question(id="d", type="truefalse", truth=True,
                     prompt="Practice is the source of innovation and also its test.")
    assert near_duplicate_findings([one, other]) == []
    assert near_duplicate_findings([one, reworded, shuffled]) == [
        "a and b have near-identical prompts", "a and c have near-identical prompts",
        "b and c have near-identical prompts"]


def test_missing_relationship_floors_and_tags_are_found() -> None:
    tagged = [Question(id=f"{s}-{i}", type="truefalse", prompt="p", truth=True, section=s,
                       tags=["understanding" if i % 2 else "scenario"] + (["contrast"] * (i < 3)))
              for s in RELATIONSHIPS for i in range(10)]
    assert relationship_findings(tagged) == []
    untagged = [Question(id=q.id, type=q.type, prompt=q.prompt, truth=True, section=q.section,
                         tags=[] if q.section == RELATIONSHIPS[1] else q.tags) for q in tagged]
    assert relationship_findings(untagged[:36]) == [
        "36 questions on the four relationships (< 40)",
        "suggestions.5.2: 0 questions tagged understanding or scenario (< 8)",
        "suggestions.5.4: 6 questions tagged understanding or scenario (< 8)",
        "9 questions tagged contrast (< 10)",
    ]


def test_a_thin_glossary_is_found() -> None:
    cards = [Card(id=f"g{i}", front="term", back="meaning", tags=["glossary"],
                  evidence="quote" if i else "") for i in range(10)]
    assert glossary_findings(cards) == ["g0: a glossary card without evidence"]
    assert glossary_findings(cards[1:]) == ["9 glossary cards (< 10)"]
