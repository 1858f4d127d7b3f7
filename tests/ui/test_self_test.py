"""The built app's smoke test (ui/self_test.py), run here on the source tree in a real
subprocess: it goes through each view and exports the PDF, and a message box fails it
instead of waiting for a click."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from studyapp.core.store import open_store


def self_test(data_dir: Path, out: Path) -> tuple[int, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_SELF_TEST": str(out)}
    result = subprocess.run([sys.executable, "-m", "studyapp", "--data-dir", str(data_dir)],
                            env=env, capture_output=True, text=True, timeout=300)
    report = out / "self-test.json"
    assert report.is_file(), result.stderr
    return result.returncode, json.loads(report.read_text(encoding="utf-8"))


def test_it_goes_through_every_view_and_exports_the_pdf(tmp_path: Path) -> None:
    status, report = self_test(tmp_path / "data", tmp_path / "out")
    assert status == 0 and report["ok"] is True, report
    assert list(report["views"]) == ["read", "cards", "quiz", "progress"]
    assert all(view["shown"] for view in report["views"].values())
    assert all(Path(view["png"]).stat().st_size > 1000 for view in report["views"].values())
    assert (tmp_path / "out" / "progress.pdf").read_bytes().startswith(b"%PDF")
    assert report["messages"] == []


def test_a_message_box_fails_it_instead_of_waiting(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data", "default")
    store.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('studyapp', 'm999_from_the_future', 'later')")
    store.close()
    status, report = self_test(tmp_path / "data", tmp_path / "out")
    assert status != 0 and report["ok"] is False
    assert any("newer version of StudyApp" in message for message in report["messages"])
