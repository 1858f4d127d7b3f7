"""Print the surface-cue learner's score on question sets (core/questionsets/surface.py).

    python scripts/surface_cue_score.py [FILE ...]     # default: questions/*.yaml

For each set: the share of its choice questions (single, select-all, true/false) that a
learner who understood nothing gets right by following the wording, overall and by type.
The built-in sets must stay at or below 35% (issue 17); the default pass mark is 60%.
"""

from __future__ import annotations

import sys
from pathlib import Path

from studyapp.core.questionsets import load_file
from studyapp.core.questionsets.surface import section_source, surface_score

TARGET = 0.35


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or sorted(Path("questions").glob("*.yaml"))
    source = section_source()
    worst = 0.0
    for path in paths:
        result = load_file(path)
        if result.question_set is None:
            print(f"{path}: cannot be read: {result.problems[0] if result.problems else ''}")
            continue
        score = surface_score(result.question_set, source)
        if not score.answered:
            print(f"{path}: no choice questions")
            continue
        worst = max(worst, score.share)
        by_type = ", ".join(f"{kind} {score.marks[kind]:.1f}/{count}"
                            for kind, count in score.counts.items() if count)
        print(f"{path}: {score.share:.0%} of {score.answered} choice questions ({by_type})")
    print(f"worst set: {worst:.0%} (target at most {TARGET:.0%})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
