"""The command line and the profile: exit 3 when it cannot be used now, backups, restore,
and honest messages (the real CLI in a subprocess wherever other processes are involved)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from studyapp.app import main
from studyapp.core.importing import builtin_sets
from studyapp.core.paths import profile_path

SET = """\
format: studyapp-questions/1
id: trainer-set
title: Trainer set
questions:
  - id: q1
    type: truefalse
    prompt: Daring to charge and charging rashly are the same.
    answer: false
"""


def studyapp(*argv: str, data_dir: Path, timeout: float = 60,
             env: dict[str, str] | None = None, **kwargs: object
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studyapp", "--data-dir", str(data_dir), *argv],
        capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "STUDYAPP_LOCK_WAIT": "1", **(env or {})}, **kwargs)  # type: ignore[call-overload]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in (result.stderr or "") + (result.stdout or "")


@pytest.fixture
def a_set(tmp_path: Path) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(SET, encoding="utf-8")
    return path


HOLD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from studyapp.core.store import open_store
    store = open_store(Path(sys.argv[1]), "default")
    store.question_sets.ensure_builtin()
    print("held", flush=True)
    sys.stdin.readline()
    store.close()
""")


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """The profile 'default', held open by another process (as a window would)."""
    data = tmp_path / "data"
    with subprocess.Popen([sys.executable, "-c", HOLD, str(data)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield data
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def test_a_write_while_another_process_holds_the_profile_waits_then_exits_3(
        held: Path, a_set: Path) -> None:
    path = profile_path(held, "default")
    before = sha(path)
    started = time.monotonic()
    result = studyapp("import", str(a_set), data_dir=held)
    waited = time.monotonic() - started
    assert result.returncode == 3, result.stderr
    assert "open in another StudyApp" in result.stderr
    assert waited >= 1  # STUDYAPP_LOCK_WAIT=1: it waited before giving up
    no_traceback(result)
    assert sha(path) == before
    restore = studyapp("restore", "nothing-such.sqlite3", data_dir=held)
    assert restore.returncode == 1 and "no backup" in restore.stderr


def test_reading_commands_work_while_the_profile_is_held(held: Path, tmp_path: Path,
                                                         a_set: Path) -> None:
    dry = studyapp("import", "--dry-run", str(a_set), data_dir=held)
    assert dry.returncode == 0 and "nothing was written" in dry.stdout, dry.stderr
    stats = studyapp("stats", "--json", data_dir=held)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["question_sets"]["count"] == len(builtin_sets())
    sets = studyapp("sets", data_dir=held)
    assert sets.returncode == 0 and "four-relationships" in sets.stdout
    export = studyapp("export", str(tmp_path / "out.csv"), data_dir=held)
    assert export.returncode == 0 and (tmp_path / "out.csv").is_file()
    backup = studyapp("backup", data_dir=held)
    assert backup.returncode == 0, backup.stderr
    assert Path(backup.stdout.strip()).is_file()
    listed = studyapp("backups", "--json", data_dir=held)
    assert [b["path"] for b in json.loads(listed.stdout)] == [backup.stdout.strip()]
    restore = studyapp("restore", backup.stdout.strip(), data_dir=held)
    assert restore.returncode == 3 and "open in another StudyApp" in restore.stderr


def test_six_stats_at_once_on_a_fresh_data_dir_all_succeed(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    processes = [subprocess.Popen(
        [sys.executable, "-m", "studyapp", "--data-dir", str(data), "stats", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "STUDYAPP_LOCK_WAIT": "60"}) for _ in range(6)]
    outcomes = []
    for process in processes:
        with process:
            try:
                out, err = process.communicate(timeout=120)
            finally:
                process.kill()
        outcomes.append((process.returncode, err, out and json.loads(out)["question_sets"]))
    assert outcomes == [outcomes[0]] * 6
    assert outcomes[0][:2] == (0, "") and outcomes[0][2]["count"] == len(builtin_sets())


def test_backup_backups_restore_round_trip(tmp_path: Path, a_set: Path) -> None:
    data = tmp_path / "data"
    assert studyapp("stats", data_dir=data).returncode == 0
    first = studyapp("backup", data_dir=data)
    assert first.returncode == 0, first.stderr
    backup = Path(first.stdout.strip())
    assert backup.parent == data / "backups" / "default" and backup.suffix == ".sqlite3"
    assert studyapp("import", str(a_set), data_dir=data).returncode == 0
    listed = studyapp("backups", data_dir=data)
    assert listed.returncode == 0 and str(backup) in listed.stdout

    restored = studyapp("restore", str(backup), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    sets = json.loads(studyapp("sets", "--json", data_dir=data).stdout)
    assert "trainer-set" not in {s["id"] for s in sets}
    entries = json.loads(studyapp("backups", "--json", data_dir=data).stdout)
    assert set(entries[0]) == {"path", "taken_at", "size", "label"}
    assert entries[0]["label"] == "before-restore"  # newest first: the file replaced
    assert studyapp("restore", entries[0]["path"], data_dir=data).returncode == 0
    sets = json.loads(studyapp("sets", "--json", data_dir=data).stdout)
    assert "trainer-set" in {s["id"] for s in sets}


def test_a_damaged_profile_exits_3_and_is_kept(tmp_path: Path, a_set: Path) -> None:
    data = tmp_path / "data"
    assert studyapp("stats", data_dir=data).returncode == 0
    path = profile_path(data, "default")
    pages = path.stat().st_size // 4096
    with open(path, "r+b") as handle:
        handle.seek(pages // 2 * 4096)
        handle.write(bytes(range(256)) * 16)
    before = sha(path)
    for command in (["import", str(a_set)], ["stats"]):
        result = studyapp(*command, data_dir=data)
        assert result.returncode == 3, (command, result.stderr)
        assert "is damaged" in result.stderr and "restore" in result.stderr
        no_traceback(result)
    assert sha(path) == before


def test_a_foreign_sqlite_file_exits_3_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = profile_path(data, "default")
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    before = sha(path)
    result = studyapp("stats", data_dir=data)
    assert result.returncode == 3 and "not a StudyApp profile" in result.stderr
    no_traceback(result)
    assert sha(path) == before


def test_output_to_a_full_device_is_a_plain_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "studyapp", "report"], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == ("studyapp: cannot write to standard output "
                                     "(No space left on device).")


def test_closed_standard_output_is_a_plain_error(tmp_path: Path) -> None:
    result = subprocess.run(
        f'"{sys.executable}" -m studyapp report >&-', shell=True, stderr=subprocess.PIPE,
        text=True, timeout=60)
    assert result.returncode == 1
    assert "standard output is closed" in result.stderr
    no_traceback(result)


def test_an_empty_data_dir_is_a_usage_error_not_the_real_profile(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", "", "stats"])
    assert exit_info.value.code == 2
    assert "--data-dir: is empty" in capsys.readouterr().err


def test_a_full_disk_during_import_exits_3_naming_the_disk(
        a_set: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        isolated_data_dir: Path) -> None:
    from studyapp.core.store.question_sets import QuestionSetsService

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    assert main(["stats"]) == 0
    monkeypatch.setattr(QuestionSetsService, "import_sets", full)
    capsys.readouterr()
    assert main(["import", str(a_set)]) == 3
    err = capsys.readouterr().err
    assert "is full" in err and "Free some space" in err


@pytest.mark.parametrize("name", ["NUL", "com1", "\U00020000" * 64])
def test_unportable_profile_names_exit_1(name: str, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    assert main(["--profile", name, "stats"]) == 1
    assert "profile name" in capsys.readouterr().err


def test_every_command_closes_every_connection_it_opens(
        a_set: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path) -> None:
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def tracking(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracking)
    assert main(["import", str(a_set)]) == 0
    assert main(["import", "--dry-run", str(a_set)]) == 0
    assert main(["stats", "--json"]) == 0
    assert main(["sets"]) == 0
    assert main(["export", str(tmp_path / "out.csv")]) == 0
    assert main(["backup"]) == 0
    backup = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["backups", "--json"]) == 0
    assert main(["restore", backup]) == 0
    path = profile_path(isolated_data_dir, "default")
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(bytes(range(256)) * 64)
    assert main(["stats"]) == 3
    assert len(opened) >= 9
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")


def test_an_empty_profile_file_exits_3_and_names_the_backup_to_restore(
        isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It was made into a new, empty profile with exit 0: the learner's history gone.
    assert main(["backup"]) == 0
    path = isolated_data_dir / "profiles" / "default.sqlite3"
    path.write_bytes(b"")
    capsys.readouterr()
    for command in (["stats"], ["import", "--dry-run", "x.yaml"], ["backup"]):
        assert main(command) == 3, command
        err = capsys.readouterr().err
        assert "is damaged (the file is empty" in err and "studyapp restore" in err
    assert path.stat().st_size == 0
    code = main(["restore", str(next((isolated_data_dir / "backups" / "default").iterdir()))])
    assert code == 0 and main(["stats"]) == 0


def test_a_writer_waits_for_the_lock_once_as_long_as_the_docs_say(
        isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # It waited twice (10.4 s where docs/cli.md says 5 s).
    from studyapp.core.store.locking import LockBusy, ProfileLock

    waits: list[float] = []

    def busy(cls: type, path: Path, wait: float = 0.0, backend: object = None) -> None:
        waits.append(wait)
        raise LockBusy(str(path))

    assert main(["stats"]) == 0
    monkeypatch.setattr(ProfileLock, "acquire", classmethod(busy))
    monkeypatch.delenv("STUDYAPP_LOCK_WAIT", raising=False)
    capsys.readouterr()
    assert main(["import", "x.yaml"]) == 3
    assert "open in another StudyApp" in capsys.readouterr().err
    assert waits == [5.0]
