"""`studyapp export` never harms a profile, follows links and keeps the umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.app import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def profile(isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(["stats"], capsys)[0] == 0  # creates the default profile
    path = isolated_data_dir / "profiles" / "default.sqlite3"
    assert path.exists()
    return path


def test_export_onto_the_profile_itself_is_refused(profile: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = profile.read_bytes()
    code, out, err = run(["export", str(profile)], capsys)
    assert code == 1 and out == ""
    assert "inside StudyApp's profiles folder" in err and "Traceback" not in err
    assert profile.read_bytes() == before
    assert run(["stats"], capsys)[0] == 0  # still a working profile


@pytest.mark.parametrize("name", ["default.sqlite3-wal", "results.csv", "other.sqlite3"])
def test_nothing_is_exported_into_the_profiles_folder(profile: Path, name: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    listing = sorted(p.name for p in profile.parent.iterdir())
    code, _, err = run(["export", str(profile.parent / name)], capsys)
    assert code == 1 and "profiles folder" in err
    assert sorted(p.name for p in profile.parent.iterdir()) == listing


def test_a_link_to_the_profile_is_refused_too(profile: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "results.csv"
    link.symlink_to(profile)
    before = profile.read_bytes()
    code, _, err = run(["export", str(link)], capsys)
    assert code == 1 and "profiles folder" in err
    assert link.is_symlink() and profile.read_bytes() == before


def test_any_sqlite_file_is_refused(profile: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "backup-of-a-profile.csv"
    copy.write_bytes(profile.read_bytes())
    code, _, err = run(["export", str(copy)], capsys)
    assert code == 1 and "SQLite database" in err
    assert copy.read_bytes() == profile.read_bytes()


def test_export_through_a_symlink_writes_the_target(profile: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "shared" / "results.csv"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "results.csv"
    link.symlink_to(real)
    code, _, _ = run(["export", str(link)], capsys)
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"\xef\xbb\xbfprofile,kind")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the old file's permissions kept
    assert sorted(p.name for p in real.parent.iterdir()) == ["results.csv"]


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_export_follows_the_umask(profile: Path, tmp_path: Path, umask: int,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"results-{umask:o}.csv"
    old = os.umask(umask)
    try:
        code, _, _ = run(["export", str(target)], capsys)
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_parallel_exports_all_succeed(profile: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    commands = [
        subprocess.Popen([sys.executable, "-m", "studyapp", "export", str(tmp_path / f"{n}.csv")],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    results = [(command.wait(timeout=120), command.stderr.read() if command.stderr else "")
               for command in commands]
    for command in commands:
        for stream in (command.stdout, command.stderr):
            if stream is not None:
                stream.close()
    assert all(code == 0 for code, _ in results), results
    assert not [p for p in profile.parent.iterdir() if "write-test" in p.name]


def test_nothing_is_exported_into_the_backups_folder(profile: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # An export there was listed as the newest backup (exit 0).
    assert run(["backup"], capsys)[0] == 0
    folder = profile.parent.parent / "backups" / "default"
    listing = sorted(p.name for p in folder.iterdir())
    for target in (folder / "20991231T235959Z.sqlite3", folder / "results.csv",
                   folder.parent / "x.csv"):
        code, _, err = run(["export", str(target)], capsys)
        assert code == 1 and "backups folder" in err and "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == listing


def test_files_named_like_backups_are_not_backups_and_never_prune_the_real_ones(
        profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Seven exports named like backups once made one `studyapp backup` delete all four real
    # backups: a backup is what StudyApp wrote (header and application id), not a name.
    folder = profile.parent.parent / "backups" / "default"
    real = []
    for _ in range(4):
        code, out, _ = run(["backup"], capsys)
        assert code == 0
        real.append(Path(out.strip()))
    for day in range(1, 8):
        (folder / f"2099010{day}T000000Z.sqlite3").write_text("card,grade\n", encoding="utf-8")
    code, out, _ = run(["backup"], capsys)
    assert code == 0
    real.append(Path(out.strip()))
    assert real[-1].exists()  # the one it just printed
    kept = [path for path in real if path.exists()]
    assert len(kept) == 3  # the calendar rule over the real ones: the 3 newest
    code, out, _ = run(["backups", "--json"], capsys)
    import json

    assert {Path(item["path"]) for item in json.loads(out)} == set(kept)
    assert len(list(folder.glob("2099*.sqlite3"))) == 7  # not ours: neither listed nor deleted


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_the_target_is_refused_without_hanging(
        profile: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "results.csv"
    os.mkfifo(pipe)
    finished = subprocess.run(
        [sys.executable, "-m", "studyapp", "--data-dir", str(profile.parent.parent),
         "export", str(pipe)], capture_output=True, text=True, timeout=60, check=False)
    assert finished.returncode == 1 and "not a regular file" in finished.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_device_or_a_folder_as_the_target_is_refused(
        profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for target in (Path(os.devnull), tmp_path):
        code, out, err = run(["export", str(target)], capsys)
        assert code == 1 and "not a regular file" in err and out == ""
