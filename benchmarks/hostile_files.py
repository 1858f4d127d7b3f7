"""Hostile question-set files at full size: each is refused or read quickly, in bounded memory.

``python benchmarks/hostile_files.py`` builds each file of issue 6, then runs
``studyapp validate`` on it in a fresh interpreter and reports the wall time and the child's
own peak memory (VmHWM, read from /proc in the child: ru_maxrss would carry the parent's
peak over). Targets: each file at most 3 s and 300 MB, with a problem line (or "ok") and
exit status 0 or 1, never a traceback.

Before the fixes: the 5 KB merge-cell run took 20 s (6 KB over five minutes), the 226 KB
one-row workbook 18 s and 1.9 GB, 800 KB of GIFT [html] 22 s.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_MB = 300.0

_CHILD = """
import sys
from studyapp.app import main
code = main(["validate", sys.argv[1]])
with open("/proc/self/status") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
print(f"PEAK {int(peak) / 1024:.0f}", file=sys.stderr)
sys.exit(code)
"""


def _workbook(change: Callable[[bytes], bytes]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "答案"])
    sheet.append(["判断", "S.", "对"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            archive.writestr(info.filename, data)
    return out.getvalue()


def _wide(cells: int, random_values: bool) -> bytes:
    rng = random.Random(1)
    body = (b"".join(b'<c t="n"><v>%d</v></c>' % rng.randrange(10**9) for _ in range(cells))
            if random_values else b'<c t="n"><v>1</v></c>' * cells)
    return _workbook(lambda xml: xml.replace(b"</sheetData>",
                                             b'<row r="3">' + body + b"</row></sheetData>"))


CSV_TEXT = "type,question,A,B,answer\n" + (
    "single,領導幹部提高創新能力的關鍵是什麼？,加強學習與實踐,擴大規模,A\n"
    "single,次のうち正しいものはどれですか。,東京,大阪,A\n") * 2000

FILES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xlsx_merge_run_6kb": ("merge.xlsx", lambda: _workbook(
        lambda xml: xml.replace(b"</worksheet>", b"<mergeCells>" + b"<mergeCell " * 60_000))),
    "xlsx_one_row_2m_cells": ("wide.xlsx", lambda: _wide(2_000_000, False)),
    "xlsx_one_row_random_2m": ("wide-random.xlsx", lambda: _wide(2_000_000, True)),
    "xlsx_200k_merges": ("merges.xlsx", lambda: _workbook(lambda xml: xml.replace(
        b"</sheetData>", b"</sheetData><mergeCells>" + b"".join(
            b'<mergeCell ref="A%d:A%d"/>' % (2 * n + 3, 2 * n + 4) for n in range(200_000))
        + b"</mergeCells>"))),
    "gift_html_800kb": ("tags.gift", lambda: (
        "::q1:: [html]x" + "<b> </b> " * 90_000 + " {=a ~b}\n").encode()),
    "csv_shift_jis": ("sjis.csv", lambda: CSV_TEXT.replace("領導幹部提高創新能力", "私たち")
                      .encode("shift_jis", "replace")),
    "csv_big5_read": ("big5.csv", lambda: CSV_TEXT.replace(
        "single,次のうち正しいものはどれですか。,東京,大阪,A\n", "").encode("big5")),
    "csv_escape_codes": ("controls.csv", lambda: (
        "编号,题型,题干,答案\n" + "q\u202e1,\x1b[2J\x1b]0;x\x07,S.,对\n" * 5000).encode()),
}


def measure(name: str) -> Result:
    file_name, build = FILES[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        path.write_bytes(build())
        started = time.perf_counter()
        child = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True,
                               text=True, encoding="utf-8", timeout=600)
        elapsed = time.perf_counter() - started
        size = path.stat().st_size
    peak = next((float(line.split()[1]) for line in child.stderr.splitlines()
                 if line.startswith("PEAK ")), float("nan"))
    first = next((line for line in child.stderr.splitlines() if not line.startswith("PEAK")),
                 child.stdout.strip())
    clean = child.returncode in (0, 1) and "Traceback" not in child.stderr
    met = elapsed <= TARGET_SECONDS and peak <= TARGET_MB and clean
    return Result(name, round(elapsed, 2), "s", f"<= {TARGET_SECONDS:g}", met,
                  f"{size / 1024:,.0f} KB, peak {peak:.0f} MB, exit {child.returncode}: "
                  f"{first[:110]}")


def main() -> int:
    failed = 0
    for name in FILES:
        result = measure(name)
        failed += not result.met
        print(f"{result.name:<26} {result.value:>6} s  {'met ' if result.met else 'MISS'}  "
              f"{result.detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
