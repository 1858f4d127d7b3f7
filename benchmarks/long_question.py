"""Can one question at the limits freeze the window? ``python benchmarks/long_question.py``

Issue 15: "no question can freeze the window (long text is shown in a scrolling view, laid
out once)". A question at the limits of ``core/questionsets/limits.py``: a prompt of
``MAX_FIELD_CHARS`` (32,767) characters, 8 options, an explanation and evidence of as many,
and a card whose front, back, explanation and evidence are that long, shown where a learner
or a trainer meets them:

quiz:    the Quiz view's question page (a practice on that question), and its feedback
         once a wrong option is answered (the answers and the explanation in words);
cards:   the Cards view, the card's answer shown;
preview: the import dialog's preview of a file holding them (the item in full).

Each is timed from the action to the end of the first paint of the whole window
(``repaint()``, then the events it leaves), and again for a resize of the window (a new
width: the text laid out again). The baseline, in the same run, is the same action on a
normal question (a 200-character prompt, 8 options of 60, a short card); a bare window's
show + first paint is printed beside. Medians of ``ROUNDS``.

Target: none over ``TARGET_MS`` (a frame a learner does not take for a hang), and each
long show + first paint and relayout at most ``TARGET_RATIO`` times the same on the normal
question, though the long one holds some 400 times the text: what is left is laying the text
out once (about 16 ms per field at the limit).

Before ``ui/long_text.py`` (word-wrapped labels): quiz 418 ms and 260 ms to relayout, the
feedback 539 ms, cards 513 ms, import preview 978 ms and 308 ms to relayout.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result

ROUNDS = 5
TARGET_RATIO = 8.0
TARGET_MS = 200.0


def _words(length: int, seed: int) -> str:
    words = ["relationship", "innovation", "pragmatism", "reform", "the", "of", "and",
             "development", "correctly", "handle", "between", "steady", "progress"]
    out: list[str] = []
    size, n = 0, seed
    while size < length:
        word = words[n % len(words)]
        out.append(word)
        size += len(word) + 1
        n = n * 7 + 3
    return " ".join(out)[:length]


def _timed(app: object, window: object, action: Callable[[], object]) -> float:
    from PySide6.QtWidgets import QApplication

    began = time.perf_counter()
    action()
    window.repaint()  # type: ignore[attr-defined]
    QApplication.processEvents()
    return (time.perf_counter() - began) * 1000


def long_question() -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from studyapp.core.questionsets.limits import MAX_FIELD_CHARS
    from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
    from studyapp.core.questionsets.native import dump
    from studyapp.core.report import load_report
    from studyapp.core.store import open_store
    from studyapp.ui.import_dialog import ImportDialog
    from studyapp.ui.launch import settings_for
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.theme import LIGHT, ThemeChoice

    app = QApplication.instance() or QApplication([])
    size = MAX_FIELD_CHARS
    long_set = QuestionSet("long", "Long", questions=[Question(
        "long", "single", _words(size, 1), section="suggestions.5.1",
        choices=[Choice(_words(size, n + 2), n == 0) for n in range(8)],
        explanation=_words(size, 20), evidence=_words(size, 21))],
        cards=[Card(id="long", front=_words(size, 11), back=_words(size, 12),
                    explanation=_words(size, 13), evidence=_words(size, 14),
                    section="suggestions.5.1")])
    times: dict[str, list[float]] = {}

    def note(name: str, ms: float) -> None:
        times.setdefault(name, []).append(ms)

    normal_set = QuestionSet("normal", "Normal", questions=[Question(
        "normal", "single", _words(200, 1), section="suggestions.5.1",
        choices=[Choice(_words(60, n + 2), n == 0) for n in range(8)],
        explanation=_words(200, 20), evidence=_words(150, 21))],
        cards=[Card(id="normal", front=_words(120, 11), back=_words(200, 12),
                    explanation=_words(200, 13), evidence=_words(150, 14),
                    section="suggestions.5.1")])
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        store = open_store(data, "bench")
        files = {}
        for question_set in (long_set, normal_set):
            store.question_sets.import_set(question_set)
            files[question_set.id] = data / f"{question_set.id}.yaml"
            files[question_set.id].write_text(dump(question_set), encoding="utf-8")
        window = MainWindow(settings_for(data), data, LIGHT, ThemeChoice.SYSTEM, "bench")
        window.attach(store, load_report())
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        for _ in range(ROUNDS):
            bare = QWidget()
            bare.resize(1280, 800)
            note("bare", _timed(app, bare, bare.show))
            bare.close()
            for set_id in ("normal", "long"):
                window.show_view("quiz")
                quiz = window.quiz_view
                session = quiz.engine.start("practice", f"set:{set_id}", count=None, seed=1)
                note(f"{set_id} quiz", _timed(app, window, lambda s=session, q=quiz: q.open(s)))
                note(f"{set_id} quiz relayout",
                     _timed(app, window, lambda: window.resize(1000, 760)))
                window.resize(1280, 800)
                page = quiz.question

                def answer(page: object = page) -> None:
                    page.number(2)  # type: ignore[attr-defined]  # a wrong option
                    page.enter()  # type: ignore[attr-defined]  # answered: the feedback

                note(f"{set_id} quiz feedback", _timed(app, window, answer))
                quiz.question.leave()
                app.processEvents()

                window.show_view("cards")
                cards = window.cards_view

                def show_card(view: object = cards, deck: str = f"set:{set_id}") -> None:
                    view.start(deck)  # type: ignore[attr-defined]
                    view.reveal()  # type: ignore[attr-defined]

                note(f"{set_id} cards", _timed(app, window, show_card))
                note(f"{set_id} cards relayout",
                     _timed(app, window, lambda: window.resize(1000, 760)))
                window.resize(1280, 800)
                cards.leave()
                app.processEvents()

                dialog = ImportDialog(store, [])
                dialog.show()
                app.processEvents()
                loaded: list[bool] = []
                dialog.loaded.connect(lambda seen=loaded: seen.append(True))
                began = time.perf_counter()
                dialog.set_paths([files[set_id]])
                while not loaded:
                    app.processEvents()
                    time.sleep(0.001)
                dialog.repaint()
                app.processEvents()
                note(f"{set_id} preview", (time.perf_counter() - began) * 1000)
                note(f"{set_id} preview relayout",
                     _timed(app, dialog, lambda d=dialog: d.resize(640, 600)))
                dialog.close()
                dialog.deleteLater()
                app.processEvents()
        window.close()
        store.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare_ms = medians.pop("bare")
    ratios = {name.removeprefix("long "): medians[name] / max(medians["normal" + name[4:]], 1.0)
              for name in medians if name.startswith("long ")}
    worst = max(ratios, key=lambda name: ratios[name])
    slowest = max(medians[f"long {name}"] for name in ratios)
    detail = "; ".join(f"{name}: long {medians['long ' + name]:.0f} ms, normal "
                       f"{medians['normal ' + name]:.0f} ms ({ratio:.1f}x)"
                       for name, ratio in ratios.items())
    met = ratios[worst] <= TARGET_RATIO and slowest <= TARGET_MS
    return Result("long_question", round(ratios[worst], 2), "x the normal question (worst)",
                  f"<= {TARGET_RATIO:g} and <= {TARGET_MS:g} ms", met,
                  f"worst {worst}; slowest long {slowest:.0f} ms; bare window "
                  f"{bare_ms:.1f} ms; {detail}")

if __name__ == "__main__":
    result = long_question()
    print(result.to_dict())
    sys.exit(0 if result.met else 1)
