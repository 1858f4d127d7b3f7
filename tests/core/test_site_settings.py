"""Machine-wide settings (core/site_settings.py): what IT's studyapp-site.ini sets, which file
wins, what a learner may change, and that a bad or strange file never stops the app."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from studyapp.core import paths, site_settings
from studyapp.core.report import load_report
from studyapp.core.site_settings import DailyGoal, SiteValue, load
from studyapp.core.store import open_store


def ini(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def rendered(settings: site_settings.SiteSettings) -> list[str]:
    return [str(problem) for problem in settings.problems]


def test_nothing_set_without_a_file(tmp_path: Path) -> None:
    settings = load([tmp_path / "none.ini"])
    assert settings == site_settings.SiteSettings()
    assert settings.language == SiteValue(None) and not settings.language.is_set
    assert settings.portable.value is False and settings.files == ()


def test_defaults_and_locked_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINING_SHARE", "/srv/training")
    path = ini(tmp_path / "studyapp-site.ini", """
[defaults]
language = en
daily_goal = 30 reviews
portable = no

[locked]
language = zh_CN
results_folder = $TRAINING_SHARE/results
""")
    settings = load([path])
    assert settings.language == SiteValue("zh_CN", locked=True, source=path)  # [locked] wins
    assert settings.results_folder == SiteValue(Path("/srv/training/results"), True, path)
    assert settings.daily_goal == SiteValue(DailyGoal("reviews", 30), False, path)
    assert settings.portable == SiteValue(False, False, path)
    assert settings.problems == () and settings.files == (path,)
    assert settings.as_dict()["daily_goal"] == {
        "value": {"kind": "reviews", "target": 30}, "locked": False, "source": str(path)}


def test_the_first_file_that_sets_a_key_wins(tmp_path: Path) -> None:
    beside = ini(tmp_path / "program" / "studyapp-site.ini",
                 "[defaults]\ndaily_goal = 15\n")
    system = ini(tmp_path / "etc" / "studyapp-site.ini",
                 "[locked]\ndaily_goal = 40\nlanguage = zh_CN\n")
    settings = load([beside, system])
    assert settings.daily_goal == SiteValue(DailyGoal("minutes", 15), False, beside)
    assert settings.language == SiteValue("zh_CN", True, system)
    assert settings.files == (beside, system)


def test_bad_values_are_reported_and_the_rest_still_applies(tmp_path: Path) -> None:
    path = ini(tmp_path / "studyapp-site.ini", """
[defaults]
language = Chinese
daily_goal = lots
portable = sometimes
results_folder =
colour = red

[locked]
daily_goal = 0 minutes

[other]
x = 1
""")
    settings = load([path])
    assert settings.language.value is None and settings.daily_goal.value is None
    assert settings.portable.value is False and settings.results_folder.value is None
    problems = rendered(settings)
    assert len(problems) == 7, problems
    assert all(problem.startswith(str(path)) for problem in problems)
    text = "\n".join(problems)
    for expected in ("language 'Chinese'", "daily_goal 'lots'", "daily_goal '0 minutes'",
                     "portable 'sometimes'", "results_folder is empty",
                     "unknown setting 'colour'", "unknown section [other]"):
        assert expected in text


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xef\xbb\xbf[locked]\r\nlanguage = zh_CN\r\n", None),  # Notepad: BOM and CRLF
    (b"[locked]\nlanguage = \xd6\xd0\xce\xc4\n", ":2: not UTF-8 text"),
    (b"language = zh_CN\n", ":1: not an INI file"),
    (b"[locked]\n" + b"; padding\n" * 10_000, "larger than 64 KiB"),
])
def test_strange_files_never_stop_the_app(tmp_path: Path, content: bytes,
                                          expected: str | None) -> None:
    path = tmp_path / "studyapp-site.ini"
    path.write_bytes(content)
    settings = load([path])
    if expected is None:
        assert settings.language == SiteValue("zh_CN", True, path)
        assert settings.problems == ()
    else:
        assert settings.language.value is None
        assert expected in rendered(settings)[0], rendered(settings)


def test_a_folder_or_a_pipe_in_its_place_is_skipped_without_waiting(tmp_path: Path) -> None:
    folder = tmp_path / "dir" / "studyapp-site.ini"
    folder.mkdir(parents=True)
    assert load([folder]) == site_settings.SiteSettings()
    if not hasattr(os, "mkfifo"):
        return
    pipe = tmp_path / "pipe.ini"
    os.mkfifo(pipe)
    result: list[site_settings.SiteSettings] = []
    reader = threading.Thread(target=lambda: result.append(load([pipe])), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock it before failing, so the test run does not hang
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a FIFO in the settings file's place blocked")
    assert result == [site_settings.SiteSettings()]


def test_the_search_order_and_the_environment_override(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(site_settings.ENV_FILE)
    found = site_settings.site_files()
    program = Path(sys.executable).resolve().parent / site_settings.FILE_NAME
    assert found[0] == program  # beside the program first, then the system's folder
    assert found[-1].parent in site_settings.system_dirs()
    chosen = ini(tmp_path / "try.ini", "[locked]\nportable = true\n")
    monkeypatch.setenv(site_settings.ENV_FILE, str(chosen))
    assert site_settings.site_files() == [chosen]
    assert load().portable == SiteValue(True, True, chosen)
    monkeypatch.setenv(site_settings.ENV_FILE, "")
    assert site_settings.site_files() == []


def test_portable_true_keeps_the_data_beside_the_program(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    monkeypatch.setenv(site_settings.ENV_FILE,
                       str(ini(tmp_path / "s.ini", "[defaults]\nportable = true\n")))
    expected = site_settings.program_dirs()[0] / "data"
    assert paths.resolve_data_dir() == expected
    monkeypatch.setenv(site_settings.ENV_FILE,
                       str(ini(tmp_path / "s.ini", "[defaults]\nportable = false\n")))
    assert paths.resolve_data_dir() != expected


def test_the_daily_goal_is_a_default_or_locked(tmp_path: Path) -> None:
    report = load_report()
    default = load([ini(tmp_path / "a.ini", "[defaults]\ndaily_goal = 45\n")])
    store = open_store(tmp_path / "data", "goal", site=default)
    try:
        goal = store.progress.dashboard(report).goal
        assert (goal.kind, goal.target, goal.chosen, goal.locked) == ("minutes", 45, False,
                                                                      False)
        store.progress.set_goal("reviews", 10)  # the learner's own goal replaces a default
        goal = store.progress.dashboard(report).goal
        assert (goal.kind, goal.target, goal.chosen) == ("reviews", 10, True)
    finally:
        store.close()
    locked = load([ini(tmp_path / "b.ini", "[locked]\ndaily_goal = 25 minutes\n")])
    store = open_store(tmp_path / "data", "goal", site=locked)
    try:
        goal = store.progress.dashboard(report).goal
        assert (goal.kind, goal.target, goal.chosen, goal.locked) == ("minutes", 25, False,
                                                                      True)
    finally:
        store.close()
    store = open_store(tmp_path / "data", "goal")  # no site file: the learner's goal again
    try:
        goal = store.progress.dashboard(report).goal
        assert (goal.kind, goal.target, goal.locked) == ("reviews", 10, False)
    finally:
        store.close()
