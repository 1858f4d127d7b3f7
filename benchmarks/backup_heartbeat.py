"""Does a backup of a big profile hold up the window? ``python benchmarks/backup_heartbeat.py``

A QTimer beats every 5 ms on the GUI thread; the longest gap between two beats is the
longest frame the window could not draw. Measured, in one run, on the big profile of
``benchmarks.cards.big_profile()`` (100,000 cards, 1,000,000 reviews):

idle:        no backup (the baseline: what the event loop itself costs);
gui_thread:  ``store.backups.backup_now()`` called on the GUI thread, as the window did;
threaded:    the window's way now: ``store.backups.job()`` run by ``ui/store_jobs.py`` on a
             thread of its own (its own connection; SQLite releases Python's lock while it
             copies and checks the pages).

Target (issue 16): while the threaded backup runs, no frame of the GUI thread is longer
than 50 ms. The ratio threaded / idle is printed beside it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result

BEAT_MS = 5
TARGET_FRAME_MS = 50.0


def _longest_frame(app: object, start: object, running: object) -> tuple[float, float]:
    """Beats the heartbeat while ``start()``'s work runs (``running()`` says until when);
    the longest gap between beats and the work's wall time, both in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(BEAT_MS)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    loop = QEventLoop()
    began = time.perf_counter()

    def watch() -> None:
        if running():  # type: ignore[operator]
            QTimer.singleShot(BEAT_MS, watch)
        else:
            loop.quit()

    timer.start()
    QTimer.singleShot(20, lambda: (start(), watch()))  # type: ignore[operator]
    loop.exec()
    beats.append(time.perf_counter())  # the loop's last turn ends the last frame
    timer.stop()
    took = (time.perf_counter() - began) * 1000
    gaps = [(b - a) * 1000 for a, b in zip(beats, beats[1:], strict=False)]
    return (max(gaps) if gaps else took), took


def backup_heartbeat() -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.cards import big_profile
    from studyapp.ui.store_jobs import StoreJobs

    app = QApplication.instance() or QApplication([])
    with big_profile() as (store, _clock):
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = store.path.stat().st_size / (1 << 20)
        deadline = [0.0]
        idle, _ = _longest_frame(app, lambda: deadline.__setitem__(0, time.perf_counter() + 1),
                                 lambda: time.perf_counter() < deadline[0])
        done = [False]

        def on_gui_thread() -> None:
            store.backups.backup_now()
            done[0] = True

        blocking, blocking_took = _longest_frame(app, on_gui_thread, lambda: not done[0])
        jobs = StoreJobs()
        threaded, threaded_took = _longest_frame(
            app, lambda: jobs.backup(store.backups.job()), lambda: jobs.busy())
        jobs.wait()
    met = threaded <= TARGET_FRAME_MS
    return Result(
        "backup_heartbeat", round(threaded, 1), "ms longest frame", f"<= {TARGET_FRAME_MS:g}",
        met, f"{size:.0f} MiB profile; idle {idle:.1f} ms (ratio {threaded / idle:.2f}); "
             f"backup on the GUI thread {blocking:.0f} ms frame ({blocking_took:.0f} ms); "
             f"threaded backup took {threaded_took:.0f} ms")


if __name__ == "__main__":
    result = backup_heartbeat()
    print(result.to_dict())
    sys.exit(0 if result.met else 1)
