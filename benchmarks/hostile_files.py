"""Hostile question-set files at full size: each is refused or read quickly, in bounded memory.

``python benchmarks/hostile_files.py [NAME ...]`` builds each file of issues 6 and 15, then
runs ``studyapp validate`` on it in a fresh interpreter and reports the wall time and the
child's own peak memory (VmHWM, read from /proc in the child: ru_maxrss would carry the
parent's peak over). Target (issue 15): every file up to the 20 MB limit imported or refused
in at most 5 s and 600 MB on a 2-core machine, with a problem line (or "ok") and exit status
0 or 1, never a traceback or a hang.

Before the fixes of issue 6: the 5 KB merge-cell run took 20 s (6 KB over five minutes), the
226 KB one-row workbook 18 s and 1.9 GB, 800 KB of GIFT [html] 22 s. Before those of issue 15:
a named pipe hung for ever; a Word paper cost 1 ms a paragraph (50k: 49 s; 1.2M paragraphs
still running at 240 s with 940 MB); a .docx part declared as 1 KB inflating to 1 GB 2.1 GB;
19 MB of Aiken 25.5 s / 866 MB, GIFT 29 s / 811 MB, YAML 25 s / 666 MB; an xlsx with 1.99M
shared strings 30 s, 1M empty rows 16.8 s, one cell at XFD1048576 5-7 s, 200k empty rows
6.3-7 s; a 2.5 MB text paper 8.6 s; a CSV of 100k bad rows 5.4-6.9 s; 14 MB of GIFT escapes
565 MB. Before the fix of the near-duplicate check, ``validate --quality`` of 10,000 questions
written with 18 words (yaml_10k_few_words_quality) ran for minutes (1,000 of them: 21 s).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result

TARGET_SECONDS = 5.0
TARGET_MB = 600.0
GIVE_UP_SECONDS = 60  # a child still running then has missed the target by far
SIZE_LIMIT = 20 * 1024 * 1024  # questionsets.MAX_FILE_BYTES

_CHILD = """
import sys
from studyapp.app import main
code = main(["validate", *sys.argv[1:]])
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


def _filled(item: Callable[[int], bytes], head: bytes = b"",
            limit: int = SIZE_LIMIT - 1024 * 1024) -> bytes:
    """``head`` and items 1, 2, ... up to ``limit`` bytes (19 MB: just under the file limit)."""
    parts = [head]
    size = len(head)
    number = 0
    while size < limit:
        number += 1
        part = item(number)
        parts.append(part)
        size += len(part)
    return b"".join(parts)


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx made by python-docx with ``body`` as its document's paragraphs."""
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b"<w:document " + _W + b"><w:body>" + body + b"</w:body></w:document>")
            archive.writestr(info.filename, data)
    return out.getvalue()


def _paper_docx(paragraphs: int) -> bytes:
    """A Word paper whose questions are an automatically numbered list (style List Number),
    four paragraphs a question, cut to ``paragraphs`` (or to what fits in 20 MB)."""
    rng = random.Random(2)
    numbered = (b'<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>Q %x?</w:t>'
                b"</w:r></w:p>")
    option = b"<w:p><w:r><w:t>%s %x</w:t></w:r></w:p>"
    questions = [numbered % rng.getrandbits(64) + option % (b"A.", rng.getrandbits(64))
                 + option % (b"B.", rng.getrandbits(64)) + option % ("答案：A".encode(), 0)
                 for _ in range(paragraphs // 4)]
    data = _docx(b"".join(questions))
    while len(data) > SIZE_LIMIT:
        questions = questions[: len(questions) * 9 // 10]
        data = _docx(b"".join(questions))
    return data


def lying_docx(inflated: int) -> bytes:
    """A .docx whose word/document.xml declares 1 KB in the zip directory and inflates to
    ``inflated`` bytes (the CRC is of the real data)."""
    import zlib

    data = _docx(b"<w:p><w:r><w:t>1. Q?</w:t></w:r></w:p>")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, source.read(info))
    # Append the bomb by hand: a local header and a central record that both say 1 KB.
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    chunk = b"<w:p/>" * (1 << 16)
    compressed = []
    for _ in range(inflated // len(chunk)):
        compressed.append(packed.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    compressed.append(packed.flush())
    body = b"".join(compressed)
    archive_bytes = bytearray(out.getvalue())
    name = b"word/document.xml"
    end = archive_bytes.rfind(b"PK\x05\x06")
    central_start = int.from_bytes(archive_bytes[end + 16:end + 20], "little")
    central = bytes(archive_bytes[central_start:end])
    entries = int.from_bytes(archive_bytes[end + 10:end + 12], "little")
    offset = central_start
    local = (b"PK\x03\x04" + (20).to_bytes(2, "little") + b"\x00\x00" + (8).to_bytes(2, "little")
             + b"\x00\x00\x00\x00" + crc.to_bytes(4, "little") + len(body).to_bytes(4, "little")
             + (1024).to_bytes(4, "little") + len(name).to_bytes(2, "little") + b"\x00\x00" + name)
    record = (b"PK\x01\x02" + (20).to_bytes(2, "little") * 2 + b"\x00\x00"
              + (8).to_bytes(2, "little") + b"\x00\x00\x00\x00" + crc.to_bytes(4, "little")
              + len(body).to_bytes(4, "little") + (1024).to_bytes(4, "little")
              + len(name).to_bytes(2, "little") + b"\x00" * 12 + offset.to_bytes(4, "little")
              + name)
    new_central = central + record
    central_at = offset + len(local) + len(body)
    tail = (b"PK\x05\x06" + b"\x00" * 4 + (entries + 1).to_bytes(2, "little") * 2
            + len(new_central).to_bytes(4, "little") + central_at.to_bytes(4, "little")
            + b"\x00\x00")
    return bytes(archive_bytes[:central_start]) + local + body + new_central + tail


def _shared_strings(count: int) -> bytes:
    """A workbook with ``count`` shared strings (its sheet uses the first)."""
    data = _workbook(lambda xml: xml)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    strings = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
               b'.org/spreadsheetml/2006/main">'
               + b"".join(b"<si><t>%d</t></si>" % n for n in range(count)) + b"</sst>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                archive.writestr(info.filename, source.read(info))
        archive.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


CSV_TEXT = "type,question,A,B,answer\n" + (
    "single,領導幹部提高創新能力的關鍵是什麼？,加強學習與實踐,擴大規模,A\n"
    "single,次のうち正しいものはどれですか。,東京,大阪,A\n") * 2000

def _few_words_set(questions: int) -> bytes:
    """A set at the question limit written with 18 words: every prompt shares most of its
    words with thousands of others, the worst case of the near-duplicate check."""
    rng = random.Random(7)
    words = ("innovation ability leadership cadres reform practice masses method courage "
             "pilot county system research team policy development thinking reality").split()

    def phrase(count: int) -> str:
        return " ".join(rng.choice(words) for _ in range(count))

    lines = ["format: studyapp-questions/1", "id: few-words", "title: Few words", "questions:"]
    for n in range(questions):
        lines += [f"- id: q{n}", "  type: single", "  section: suggestions.5.2",
                  f"  prompt: {phrase(12)}?", f"  explanation: {phrase(8)}",
                  "  evidence: Dare to charge and charge is not the same.", "  options:",
                  *(f"  - {phrase(rng.randint(4, 9))} {n}-{letter}" for letter in "abcd"),
                  f"  answer: {'ABCD'[n % 4]}"]
    return ("\n".join(lines) + "\n").encode()


# With --quality (studyapp validate --quality: the import dialog's and the editor's checks).
QUALITY = {"yaml_10k_few_words_quality"}

FILES: dict[str, tuple[str, Callable[[], bytes] | None]] = {
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
    # issue 15
    "named_pipe": ("pipe.yaml", None),
    "aiken_19mb": ("big.txt", lambda: _filled(
        lambda n: b"Question %d: which is right?\nA. yes\nB. no\nANSWER: A\n\n" % n)),
    "gift_19mb": ("big.gift", lambda: _filled(
        lambda n: b"::q%d:: Question %d is right. {T}\n\n" % (n, n))),
    "yaml_19mb": ("big.yaml", lambda: _filled(
        lambda n: b"  - {id: q%d, type: truefalse, prompt: 'Statement %d.', answer: true}\n"
        % (n, n), b"format: studyapp-questions/1\nid: big\ntitle: Big\nquestions:\n")),
    "yaml_19mb_prompt": ("prompt.yaml", lambda: (
        b"format: studyapp-questions/1\nid: p\ntitle: P\nquestions:\n"
        b"  - id: q1\n    type: truefalse\n    answer: true\n    prompt: '"
        + b"x" * (19 * 1024 * 1024) + b"'\n")),
    "gift_escapes_14mb": ("escapes.gift", lambda: (
        b"::q1:: " + b"\\{" * (7 * 1024 * 1024) + b" {=a ~b}\n")),
    "gift_escapes_many": ("escapes-many.gift", lambda: _filled(
        lambda n: b"::q%d:: " % n + b"\\{\\}" * 200 + b" {=a ~b}\n\n")),
    "csv_100k_bad_rows": ("bad.csv", lambda: b"type,question,answer\n" + b"".join(
        b"nonsense,Row %d?,maybe\n" % n for n in range(100_000))),
    "csv_19mb": ("big.csv", lambda: _filled(
        lambda n: b"truefalse,Statement %d.,true\n" % n, b"type,question,answer\n")),
    "paper_text_2_5mb": ("paper.txt", lambda: _filled(
        lambda n: f"{n}. 第{n}题的题干是什么？\nA. 甲\nB. 乙\nC. 丙\n答案：A\n".encode(),
        limit=2_500_000)),
    "paper_text_19mb_lines": ("lines.txt", lambda: (
        "1. 题干？\nA. 甲\nB. 乙\n答案：A\n".encode() + _filled(
            lambda n: "这一行不属于任何题 %d\n".encode() % n, limit=SIZE_LIMIT - 100))),
    "docx_50k_paragraphs": ("paper50k.docx", lambda: _paper_docx(50_000)),
    "docx_1_2m_paragraphs": ("paper1m.docx", lambda: _paper_docx(1_200_000)),
    "docx_part_lies_1gb": ("bomb.docx", lambda: lying_docx(1 << 30)),
    "xlsx_1_99m_shared_strings": ("strings.xlsx", lambda: _shared_strings(1_990_000)),
    "xlsx_1m_empty_rows": ("rows.xlsx", lambda: _workbook(lambda xml: xml.replace(
        b"</sheetData>", b"".join(b'<row r="%d"/>' % n for n in range(3, 1_000_003))
        + b"</sheetData>"))),
    "xlsx_200k_empty_cells_rows": ("emptyrows.xlsx", lambda: _workbook(lambda xml: xml.replace(
        b"</sheetData>", b"".join(b'<row r="%d"><c r="A%d"/></row>' % (n, n)
                                  for n in range(3, 200_003)) + b"</sheetData>"))),
    "yaml_10k_few_words_quality": ("few-words.yaml", lambda: _few_words_set(10_000)),
    "xlsx_cell_xfd1048576": ("far.xlsx", lambda: _workbook(lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t>'
                         b"</is></c></row></sheetData>"))),
}


def measure(name: str) -> Result:
    file_name, build = FILES[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        if build is None:
            os.mkfifo(path)  # a named pipe with no writer: opening it to read would wait
        else:
            path.write_bytes(build())
        size = path.stat().st_size if build is not None else 0
        started = time.perf_counter()
        try:
            options = ["--quality"] if name in QUALITY else []
            child = subprocess.run([sys.executable, "-c", _CHILD, str(path), *options],
                                   capture_output=True, text=True, encoding="utf-8",
                                   timeout=GIVE_UP_SECONDS)
        except subprocess.TimeoutExpired:
            return Result(name, GIVE_UP_SECONDS, "s", f"<= {TARGET_SECONDS:g}", False,
                          f"{size / 1024:,.0f} KB, still running after {GIVE_UP_SECONDS} s")
        elapsed = time.perf_counter() - started
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
    for name in sys.argv[1:] or FILES:
        result = measure(name)
        failed += not result.met
        print(f"{result.name:<27} {result.value:>6} s  {'met ' if result.met else 'MISS'}  "
              f"{result.detail}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
