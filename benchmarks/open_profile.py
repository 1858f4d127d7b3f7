"""Opening a big profile in a new process: ``python benchmarks/open_profile.py``

The profile of ``benchmarks.cards.big_profile()`` (100,000 cards, 1,000,000 reviews) is
closed cleanly, then opened by fresh processes (``open_store`` and close, as ``studyapp
stats`` or the window does), interleaved, 7 rounds each:

checked:  the lock file's note removed, so the open checks every page (``PRAGMA
          quick_check``), as every open did before (the baseline);
trusted:  the file exactly as StudyApp closed it: the full check is skipped (the window
          runs it on a thread after start-up; the backup checks what it copies).

Target: median trusted / checked at most 0.5 (the check was 0.5 s of a 0.6 s open).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result, median

ROUNDS = 7
TARGET_RATIO = 0.5
OPEN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    started = time.perf_counter()
    from studyapp.core.store import open_store
    store = open_store(Path(sys.argv[1]), "bench")
    took = time.perf_counter() - started
    checked = store.checked
    store.close()
    print(took, checked)
""")


def _open(data_dir: Path, forget_note: bool) -> tuple[float, bool]:
    if forget_note:
        (data_dir / "profiles" / "bench.lock").write_bytes(b"")
    out = subprocess.run([sys.executable, "-c", OPEN, str(data_dir)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]) * 1000, out[1] == "True"


def open_profile() -> Result:
    from benchmarks.cards import big_profile

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        with big_profile() as (store, _clock):
            store.close()  # cleanly: the lock file notes the file as closed
            shutil.copytree(store.path.parent.parent, data_dir)
        size = (data_dir / "profiles" / "bench.sqlite3").stat().st_size / (1 << 20)
        checked, trusted = [], []
        for _ in range(ROUNDS):
            took, did_check = _open(data_dir, forget_note=True)
            assert did_check
            checked.append(took)
            took, did_check = _open(data_dir, forget_note=False)
            assert not did_check
            trusted.append(took)
    ratio = median(trusted) / median(checked)
    return Result("open_profile", round(ratio, 3), "trusted/checked", f"<= {TARGET_RATIO}",
                  ratio <= TARGET_RATIO,
                  f"{size:.0f} MiB profile, new process each: checked {median(checked):.0f} ms, "
                  f"trusted {median(trusted):.0f} ms (medians of {ROUNDS})")


if __name__ == "__main__":
    result = open_profile()
    print(result.to_dict())
    sys.exit(0 if result.met else 1)
