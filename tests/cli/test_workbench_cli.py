"""`studyapp paper` and `studyapp class-report` (docs/cli.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp import app


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = app.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_paper_prints_variants_sheets_and_key_that_render(
        qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # qapp: the suite's one QApplication (printing reuses it; alone, the command makes an
    # offscreen QGuiApplication of its own, which would then clash with the widget tests).
    import pypdfium2

    target = tmp_path / "exam.pdf"
    code, out, err = run(["paper", "relationships", "--count", "6", "--title", "四个关系测验",
                          "--out", str(target)], capsys)
    assert code == 0, err
    assert "6 questions" in out
    document = pypdfium2.PdfDocument(target)
    try:
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    joined = "\n".join(texts)
    for part in ("variant A", "variant B", "Answer sheet", "Answer key"):
        assert part in joined
    from studyapp.ui.progress_report import cjk_family

    if cjk_family() is not None:  # a PC without a CJK font prints boxes (docs/packaging.md)
        assert "四个关系测验" in texts[0]
    assert any(t.startswith("Answer key") for t in texts)  # the key starts a page of its own


def test_paper_refuses_a_bad_scope_and_a_wrong_extension(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["paper", "nonsense", "--out", str(tmp_path / "x.pdf")], capsys)
    assert code == 1 and "'scope' must be" in err
    code, _, err = run(["paper", "report", "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 2 and not (tmp_path / "x.docx").exists()


def test_class_report_names_each_skipped_file_and_writes_xlsx_and_csv(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "share"
    folder.mkdir()
    code, _, _ = run(["export", str(folder / "a.csv")], capsys)
    assert code == 0
    (folder / "edited.csv").write_text(
        (folder / "a.csv").read_text(encoding="utf-8-sig").replace("intro", "INTRO", 1),
        encoding="utf-8-sig", newline="")
    code, out, err = run(["class-report", str(folder), "--out", str(tmp_path / "c.xlsx")],
                         capsys)
    assert code == 0 and "1 learners from 2 files; 1 skipped" in out
    assert "edited.csv: skipped: edited or damaged" in err
    book = load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames == ["Learners", "Sections", "Exams", "Most-missed questions",
                               "Files skipped"]
    code, _, _ = run(["class-report", str(folder / "a.csv"), "--out", str(tmp_path / "c.csv")],
                     capsys)
    assert code == 0 and "# Learners" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    code, _, err = run(["class-report", str(tmp_path / "none"), "--out",
                        str(tmp_path / "d.csv")], capsys)
    assert code == 1 and "none:0: no such file or folder" in err
