"""The Progress view on a heavy profile: 1,000,000 card reviews and 100,000 quiz answers.

dashboard: time from asking the main window for the Progress view (first time in the
           session, so the charts module loads then) until it has painted, in a fresh interpreter
           (offscreen, 1280x800), median of RUNS. Target: at most 150 ms (issue 16), and
           coming back to it (Read, then Progress again) at most 40 ms. The clock starts
           once the window is idle after start-up (its first frame drawn and the services
           the other views use loaded, as the window does right after that frame): a
           learner's click comes after both.

The profile is made once per run: a year of study, three hours a day, over the built-in
cards and questions. Rows go in without the summary triggers and the summary is rebuilt
after (as migrations m007 and m008 do), which is much faster than a million trigger calls
and gives the same tables.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import Result, median

RUNS = 5
TARGET_MS = 150.0
BACK_TARGET_MS = 40.0
REVIEWS = 1_000_000
ANSWERS = 100_000

_PROBE = r"""
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from studyapp.core.report import load_report
from studyapp.core.store import open_store
from studyapp.ui.main_window import MainWindow
from studyapp.ui.theme import ThemeChoice, apply_theme
from pathlib import Path

app = QApplication(sys.argv)
colours = apply_theme(app, ThemeChoice.LIGHT)
data = Path(sys.argv[1])
settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
settings.setValue("window/view", "read")  # every run opens on the reader, as at first
window = MainWindow(settings, data, colours, ThemeChoice.LIGHT, "heavy")
store = open_store(data, "heavy")
window.attach(store, load_report())
window.resize(1280, 800)
window.show()
app.processEvents()  # the first frame (the reader)
app.processEvents()  # what the window does once it is drawn: it loads the other services
start = time.perf_counter()
window.show_view("progress")
window.dashboard.grab()  # lays out and paints the whole view, charts included
app.processEvents()
elapsed = (time.perf_counter() - start) * 1000
again = time.perf_counter()
window.show_view("read")
window.show_view("progress")
window.dashboard.grab()
back = (time.perf_counter() - again) * 1000
rows = store.db.execute("SELECT count(*) FROM activity").fetchone()[0]
print(json.dumps({"ms": elapsed, "back_ms": back, "activity_rows": rows}))
"""


def make_profile(data_dir: Path) -> None:
    from studyapp.core.migrations import (
        ACTIVITY_TRIGGERS,
        SUMMARY_TRIGGERS,
        rebuild_activity,
        rebuild_activity_summaries,
    )
    from studyapp.core.store import open_store

    store = open_store(data_dir, "heavy")
    store.question_sets.ensure_builtin()
    db = store.db
    cards = [f"{r[0]}/{r[1]}" for r in db.execute("SELECT set_id, id FROM cards")]
    questions = [f"{r[0]}/{r[1]}" for r in db.execute("SELECT set_id, id FROM questions")]
    rng = random.Random(1)
    start = datetime(2026, 1, 1, 1, tzinfo=UTC)
    hours = [start + timedelta(days=d, hours=h) for d in range(365) for h in (0, 10, 12)]

    def moment(n: int, total: int) -> str:
        hour = hours[n * len(hours) // total]
        return (hour + timedelta(seconds=rng.randrange(3600))).isoformat(timespec="seconds")

    triggers = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'activity_%'")]
    with db.atomic():
        for name in triggers:
            db.execute(f"DROP TRIGGER {name}")
        db.conn.executemany(
            "INSERT INTO review_log (card_key, rating, reviewed_at, duration_ms) "
            "VALUES (?, ?, ?, ?)",
            ((rng.choice(cards), rng.choice((1, 2, 3, 3, 3, 4)), moment(n, REVIEWS),
              rng.randrange(2000, 12000)) for n in range(REVIEWS)))
        # Ten answers an attempt, as practice quizzes give them (one per question each).
        per_attempt = 10
        db.conn.executemany(
            "INSERT INTO quiz_attempts (id, mode, scope, started_at, finished_at) "
            "VALUES (?, 'practice', 'report', ?, ?)",
            ((n + 1, moment(n * per_attempt, ANSWERS), moment(n * per_attempt, ANSWERS))
             for n in range(ANSWERS // per_attempt)))

        def answers() -> Iterator[tuple[int, str, int, str, int]]:
            for attempt in range(ANSWERS // per_attempt):
                for k, key in enumerate(rng.sample(questions, per_attempt)):
                    yield (attempt + 1, key, int(rng.random() < 0.7),
                           moment(attempt * per_attempt + k, ANSWERS),
                           rng.randrange(3000, 30000))

        db.conn.executemany(
            "INSERT INTO quiz_answers (attempt_id, question_key, answer_json, correct, "
            "answered_at, duration_ms) VALUES (?, ?, '1', ?, ?, ?)", answers())
        db.conn.executemany(
            "UPDATE card_state SET due = ?, state = 2, reps = 5 WHERE card_key = ?",
            (((start + timedelta(days=360 + rng.randrange(40))).isoformat(timespec="seconds"),
              key) for key in cards))
        rebuild_activity(db)
        rebuild_activity_summaries(db)
        db.executescript(ACTIVITY_TRIGGERS + SUMMARY_TRIGGERS)
    store.close()


def _probe_environment() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # An installed app has its bytecode compiled (as in benchmarks/startup.py): this
    # machine's PYTHONDONTWRITEBYTECODE would make every run compile the views' sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def dashboard() -> Result:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        make_profile(data_dir)
        times, back, rows = [], [], 0
        for _ in range(RUNS):
            out = subprocess.run(
                [sys.executable, "-c", _PROBE, str(data_dir)], capture_output=True, text=True,
                check=True, env=_probe_environment())
            result = json.loads(out.stdout.strip().splitlines()[-1])
            times.append(result["ms"])
            back.append(result["back_ms"])
            rows = result["activity_rows"]
    value, back_ms = round(median(times), 1), median(back)
    return Result("dashboard", value, "ms", f"<= {TARGET_MS:g}",
                  value <= TARGET_MS and back_ms <= BACK_TARGET_MS,
                  f"{REVIEWS:,} reviews, {ANSWERS:,} answers, {rows} summary rows; "
                  f"coming back {back_ms:.1f} ms (<= {BACK_TARGET_MS:g})")
