"""Words of a text as the question-quality checks compare them.

A surface cue is a match of words, not of meaning, so the checks need a crude but stable idea
of "the same word": lower case, a light suffix strip ("charging", "charges" and "charge" are
one word; "innovative", "innovation" and "innovate" are one word) and no function words ("the",
"of", "which"...). Chinese text has no spaces: each Han character counts as a word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\u3400-\u9fff]")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ness", "ment", "ies", "ied", "ed", "es", "ly",
             "s", "e")
STEM_LENGTH = 5  # innovation, innovative, innovate -> "innov"

STOP_WORDS = frozenset("""
a an the and or nor but of to in on for with by as at from is are be been being was were it
its it's this that these those which who whom whose what why how when where does do did done
not no can can't cannot could will would should shall may might must we you they their them
our ours your he she his her i me my than then so such there here also into about more most
very just only own one's one ones all any each both other others some if else while has have had
report report's says say said according according per its itself themselves yes
""".split())


def tokens(text: str) -> list[str]:
    """Lower-case words (and Han characters) of ``text``, in order, function words kept."""
    return _TOKEN.findall(text.casefold().replace("\u2019", "'"))


@functools.lru_cache(maxsize=65536)  # a set repeats its words thousands of times
def stem(word: str) -> str:
    """A crude stem: "charging" and "charge" -> "charg", "innovative" -> "innov"."""
    if len(word) <= 3 or not word.isascii():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def content_words(text: str) -> list[str]:
    """The stems of the words that carry meaning, in order (repeats kept)."""
    return [stem(word) for word in tokens(text)
            if word not in STOP_WORDS and (len(word) > 2 or not word.isascii())]


def word_set(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def normalised(text: str) -> str:
    """Lower-case words joined by single spaces, punctuation dropped (for text likeness)."""
    return " ".join(tokens(text))


def overlap(words: Iterable[str], source: frozenset[str]) -> int:
    """How many different words of ``words`` occur in ``source``."""
    return len(set(words) & source)
