"""The class report over a class of 300 (issue 20).

class_report_300: 300 generated learners' results files as StudyApp writes them (each with
              its checksum: 29 section rows, three exam attempts of 20 answers), of which
              EDITED have a score changed by hand, one is damaged (cut short) and one learner's
              file is there twice (an older copy). ``build_class_report`` over the folder must
              count exactly 300 - EDITED - 1 learners, name every skipped file with its
              reason, and take at most 5 s with the XLSX written (TARGET_SECONDS). The time
              is also given as a ratio to reading and CSV-parsing the same files without
              checks or sums (the baseline, measured in the same run).

Run: ``python benchmarks/run.py class_report_300`` or ``python -m benchmarks.class_report``.
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

TARGET_SECONDS = 5.0
LEARNERS = 300
EDITED = 7
SECTIONS = ["intro", "problems.1", "problems.2", "reasons.1", "reasons.2", "suggestions.1.1",
            "suggestions.5.1", "suggestions.5.2", "suggestions.5.3", "suggestions.5.4"]
OPTIONS = ["innovation", "pragmatism", "boldness", "charge"]


def learner_rows(n: int, exported_at: str, rng: random.Random) -> list[list[object]]:
    """One learner's results rows in EXPORT_COLUMNS order."""
    profile, name, unit = f"learner{n:03d}", f"学员{n:03d}", f"第{n % 12 + 1}组"
    who = [name, unit]
    rows: list[list[object]] = []
    for section in SECTIONS * 3:
        rows.append([profile, "section", section, section, "2026-12-01T08:00:00+00:00", "",
                     "2026-12-01T09:00:00+00:00" if rng.random() < 0.7 else "", 120, "", "",
                     "", 4, 3, 2, 2, *who, "", "", section, "", exported_at])
    for attempt in range(1, 4):
        answers = []
        right = 0
        for q in range(20):
            correct = rng.random() < 0.7
            right += correct
            answers.append([profile, "answer", f"bank/q{q:02d}", f"Question {q} 第{q}题?", "",
                            "2026-12-02T10:00:00+00:00", "", 20, float(correct), 1.0,
                            "yes" if correct else "no", "", "", "", "", *who, "midterm",
                            attempt, SECTIONS[q % len(SECTIONS)],
                            OPTIONS[0] if correct else rng.choice(OPTIONS[1:]), exported_at])
        rows.append([profile, "quiz:exam", attempt, "report", "2026-12-02T10:00:00+00:00",
                     "2026-12-02T10:20:00+00:00", "", 1200, float(right), 20.0,
                     "yes" if right >= 12 else "no", "", "", "", "", *who, "midterm",
                     attempt, "", "", exported_at])
        rows += answers
    return rows


def make_class(folder: Path) -> dict[str, list[str]]:
    """Writes the class's files; the names of the edited, damaged and duplicate files."""
    from studyapp.core.stats import results_csv

    rng = random.Random(20)
    expected: dict[str, list[str]] = {"edited": [], "damaged": [], "older": []}
    for n in range(LEARNERS):
        name = f"studyapp-results-learner{n:03d}@pc{n:03d}.csv"
        text = results_csv(learner_rows(n, "2026-12-03T17:00:00+00:00", rng))
        if n < EDITED:  # a score raised by hand
            text = text.replace(",0.0,1.0,no,", ",1.0,1.0,yes,", 1)
            expected["edited"].append(name)
        elif n == EDITED:  # cut short: a copy that stopped half way
            text = text[: len(text) // 2]
            expected["damaged"].append(name)
        elif n == EDITED + 1:  # the same learner on another PC, a day earlier
            older = results_csv(learner_rows(n, "2026-12-02T17:00:00+00:00", rng))
            older_name = f"studyapp-results-learner{n:03d}@pc-library.csv"
            (folder / older_name).write_text(older, encoding="utf-8-sig", newline="")
            expected["older"].append(older_name)
        (folder / name).write_text(text, encoding="utf-8-sig", newline="")
    return expected


def baseline(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.glob("*.csv")):
        list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    return time.perf_counter() - start


def class_report_300() -> Result:
    from studyapp.core.class_report import build_class_report, write_class_report

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
        folder = Path(tmp)
        expected = make_class(folder)
        base = min(baseline(folder) for _ in range(3))
        times = []
        for _ in range(3):
            start = time.perf_counter()
            report = build_class_report([folder])
            write_class_report(report, Path(out) / "class.xlsx")
            times.append(time.perf_counter() - start)
        seconds = min(times)
    skipped = {s.path.name: str(s.reason) for s in report.skipped}
    wanted = expected["edited"] + expected["damaged"] + expected["older"]
    exact = (len(report.learners) == LEARNERS - EDITED - 1 and sorted(skipped) == sorted(wanted)
             and all("checksum" in skipped[name] for name in expected["edited"])
             and "older" in skipped[expected["older"][0]])
    detail = (f"{report.files_read} files, {len(report.learners)} learners counted "
              f"(expected {LEARNERS - EDITED - 1}), {len(skipped)} skipped "
              f"({', '.join(f'{k}: {v}' for k, v in sorted(skipped.items()))}); "
              f"{seconds / base:.1f} x the baseline of reading and parsing ({base:.3f} s)")
    return Result("class_report_300", round(seconds, 3), "s", f"<= {TARGET_SECONDS}",
                  exact and seconds <= TARGET_SECONDS, detail)


if __name__ == "__main__":
    import json

    print(json.dumps(class_report_300().to_dict(), ensure_ascii=False, indent=2))
