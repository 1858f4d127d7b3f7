"""Validating and importing large generated question sets.

import_10k:   validate (load_file: parse + checks) and import 10,000 generated questions of
              every type into a fresh profile. Target: at most 2 s.
import_100k:  the same with 100,000 questions (ten files of 10,000, the most one file may
              hold: questionsets/limits.py), as a ratio to 10k measured in the same run.
              Target: at most 12 (cost grows linearly, not worse).

The questions are written in the native YAML format, the trainers' main format.
"""

from __future__ import annotations

import tempfile
import time
from functools import cache
from pathlib import Path

from benchmarks.common import Result

TARGET_10K_SECONDS = 2.0
TARGET_100K_RATIO = 12.0
SECTIONS = ["problems.1", "reasons.2", "suggestions.1.3", "suggestions.5.2"]

_TEMPLATES = [
    "  - id: q{n}\n    type: single\n    section: {section}\n    prompt: Question {n} about"
    " the report?\n    options: [first answer, second answer, third answer, fourth answer]\n"
    "    answer: B\n    explanation: Because the report says so.\n    tags: [generated]\n",
    "  - id: q{n}\n    type: multiple\n    prompt: Which of these apply ({n})?\n"
    "    options: [alpha, beta, gamma, delta]\n    answer: [A, C]\n",
    "  - id: q{n}\n    type: truefalse\n    section: {section}\n    prompt: Statement {n}.\n"
    "    answer: true\n",
    "  - id: q{n}\n    type: fill\n    prompt: Innovation originates from ____ ({n}).\n"
    "    answer: [practice, practise]\n",
    "  - id: q{n}\n    type: match\n    prompt: Match them ({n}).\n    pairs:\n"
    "      - {{left: innovation, right: pragmatism}}\n      - {{left: boldness, right: charge}}\n",
    "  - id: q{n}\n    type: order\n    prompt: Put in order ({n}).\n"
    "    items: [practice, understanding, re-practice, re-understanding]\n",
    "  - id: q{n}\n    type: numeric\n    prompt: How many relationships ({n})?\n"
    "    answer: 4\n    tolerance: 0\n",
]


def generated_set(count: int, start: int = 0) -> str:
    lines = [
        "format: studyapp-questions/1\n",
        f"id: generated-{count}-{start}\n",
        f"title: Generated set of {count}\n",
        "questions:\n",
    ]
    for n in range(start, start + count):
        template = _TEMPLATES[n % len(_TEMPLATES)]
        lines.append(template.format(n=n, section=SECTIONS[n % len(SECTIONS)]))
    return "".join(lines)


def validate_and_import(name: str, text: str, count: int, files: int = 1) -> float:
    """Seconds to validate and import ``files`` files like ``name`` holding ``text``
    (``count`` questions) into a fresh profile, as `studyapp import` does."""
    from studyapp.core.questionsets import load_file
    from studyapp.core.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(files):
            path = Path(folder) / f"{number}-{name}"
            path.write_text(text if files == 1 else generated_set(count, number * count),
                            encoding="utf-8")
            paths.append(path)
        store = open_store(Path(folder) / "data", "bench")
        added = 0
        try:
            started = time.perf_counter()
            for path in paths:
                result = load_file(path)
                if not result.ok or result.question_set is None:
                    raise RuntimeError(f"generated file has problems: {result.problems[:3]}")
                summary = store.question_sets.import_set(result.question_set,
                                                         sha256=result.sha256)
                added += summary.added
            elapsed = time.perf_counter() - started
        finally:
            store.close()
    if added != count * files:
        raise RuntimeError(f"imported {added} of {count * files} questions")
    return elapsed


@cache
def _seconds(count: int) -> float:
    if count > 10_000:  # ten files of 10,000
        return validate_and_import("generated.yaml", "", 10_000, count // 10_000)
    name, text = f"generated-{count}.yaml", generated_set(count)
    return min(validate_and_import(name, text, count) for _ in range(3))


def import_10k() -> Result:
    seconds = _seconds(10_000)
    return Result("import_10k", round(seconds, 3), "s", f"<= {TARGET_10K_SECONDS}",
                  seconds <= TARGET_10K_SECONDS, "validate + import, best of 3")


def import_100k() -> Result:
    ratio = _seconds(100_000) / _seconds(10_000)
    return Result("import_100k", round(ratio, 2), "x import_10k", f"<= {TARGET_100K_RATIO}",
                  ratio <= TARGET_100K_RATIO, f"100k took {_seconds(100_000):.2f} s")
