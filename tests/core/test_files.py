"""Files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.files import write_text_atomically


def test_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "set.yaml"
    target.write_text("old", encoding="utf-8")
    write_text_atomically(target, "new: 新\n")
    assert target.read_text(encoding="utf-8") == "new: 新\n"
    assert [p.name for p in tmp_path.iterdir()] == ["set.yaml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "results.csv"
    target.write_text("old results", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", disk_full)
    with pytest.raises(OSError):
        write_text_atomically(target, "new results")
    assert target.read_text(encoding="utf-8") == "old results"
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]


def test_an_encoding_with_a_byte_order_mark(tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    write_text_atomically(target, "profile\r\n", encoding="utf-8-sig")
    assert target.read_bytes() == b"\xef\xbb\xbfprofile\r\n"


def test_an_sqlite_file_is_never_replaced(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    from studyapp.core.files import RefusedTarget

    target = tmp_path / "profile.sqlite3"
    with closing(sqlite3.connect(target)) as db:
        db.execute("CREATE TABLE t (x)")
        db.commit()
    before = target.read_bytes()
    with pytest.raises(RefusedTarget, match="SQLite database"):
        write_text_atomically(target, "profile,kind\n")
    assert target.read_bytes() == before


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
