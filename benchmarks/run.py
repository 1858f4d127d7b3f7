"""Run StudyApp's benchmarks: ``python benchmarks/run.py [NAME...]``.

Prints a table and writes benchmarks/results.json: a list of objects with name, value,
unit, target, met (and detail). Each benchmark module states its targets. A benchmark
that cannot run on this machine (the anki_* ones without ``pip install -e ".[bench]"``)
is recorded with ``"met": null`` and "skipped: ..." in its detail.
Exit status 1 when a target is missed; skipped ones do not count.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import (
    backup_heartbeat,
    banks,
    cards,
    class_report,
    dashboard,
    editor_typing,
    imports,
    long_question,
    open_profile,
    scaling,
    startup,
    vs_anki,
)
from benchmarks.common import Result

BENCHMARKS: dict[str, Callable[[], Result]] = {
    "startup": startup.startup,
    "startup_memory": startup.startup_memory,
    "startup_ready": startup.startup_ready,
    "startup_ready_memory": startup.startup_ready_memory,
    "import_10k": imports.import_10k,
    "import_100k": imports.import_100k,
    "paper_10k": banks.paper_10k,
    "bank_csv_10k": banks.bank_csv_10k,
    "next_card": cards.next_card,
    "answer_card": cards.answer_card,
    "deck_counts": cards.deck_counts,
    "optimize": cards.optimize,
    "dashboard": dashboard.dashboard,
    "open_profile": open_profile.open_profile,
    "backup_heartbeat": backup_heartbeat.backup_heartbeat,
    "long_question": long_question.long_question,
    "editor_typing": editor_typing.editor_typing,
    "anki_next_card": vs_anki.next_card,
    "anki_answer": vs_anki.answer,
    "anki_first_counts": vs_anki.first_counts,
    "anki_open": vs_anki.open_profile,
    "anki_optimise": vs_anki.optimise,
    "anki_warm_counts": vs_anki.warm_counts,
    "class_report_300": class_report.class_report_300,
    "scaling_next_card": scaling.next_card,
    "scaling_answer": scaling.answer,
    "scaling_counts": scaling.counts,
    "scaling_dashboard": scaling.dashboard,
}
RESULTS_FILE = Path(__file__).with_name("results.json")


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}",
              file=sys.stderr)
        return 2
    results = []
    print(f"{'benchmark':<22} {'value':>10} {'unit':<16} {'target':<10} met   detail")
    for name in names:
        result = BENCHMARKS[name]()
        results.append(result)
        print(f"{result.name:<22} {result.value:>10} {result.unit:<16} {result.target:<10} "
              f"{_verdict(result.met):<5} {result.detail}", flush=True)
    RESULTS_FILE.write_text(json.dumps([r.to_dict() for r in results], indent=2) + "\n")
    return 1 if any(r.met is False for r in results) else 0


def _verdict(met: bool | None) -> str:
    return "skip" if met is None else "yes" if met else "NO"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
