"""A broken install says so in a message box and in the log (missing files, a missing Qt
plugin), and the log takes every uncaught error, rotating."""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studyapp.core import app_log
from studyapp.ui import install_check, launch


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(f"{box.text()} {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


@pytest.fixture(autouse=True)
def log_closed() -> object:
    yield None
    app_log.stop_logging()


def start(data_dir: Path) -> launch.WindowSession | None:
    return launch.start_gui(argparse.Namespace(data_dir=str(data_dir), profile=None))


def test_a_whole_install_has_nothing_to_say(qtbot: QtBot, tmp_path: Path,
                                            shown: list[str]) -> None:
    assert install_check.install_problems() == []
    session = start(tmp_path)
    assert session is not None and session.window is not None
    qtbot.addWidget(session.window)
    qtbot.waitUntil(lambda: session.store is not None)
    assert shown == []
    log = app_log.log_path(tmp_path).read_text(encoding="utf-8")
    assert "StudyApp " in log and f"data {tmp_path}" in log
    session.window.close()
    session.close()


def test_missing_image_plugins_are_a_broken_install(qtbot: QtBot, tmp_path: Path,
                                                    shown: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    plugins = tmp_path / "plugins" / "imageformats"  # only the JPEG plugin is installed
    plugins.mkdir(parents=True)
    (plugins / "libqjpeg.so").write_bytes(b"")
    monkeypatch.setattr(QCoreApplication, "libraryPaths",
                        staticmethod(lambda: [str(tmp_path / "plugins")]))
    assert start(tmp_path) is None
    assert len(shown) == 1
    assert "StudyApp cannot start" in shown[0] and "not installed completely" in shown[0]
    assert "image plugins for gif, webp, svg are missing" in shown[0]
    assert "Reinstall StudyApp" in shown[0] and "Traceback" not in shown[0]
    log = app_log.log_path(tmp_path).read_text(encoding="utf-8")
    assert "ERROR broken install: Qt's image plugins for gif, webp, svg" in log


def test_missing_files_are_a_broken_install(qtbot: QtBot, tmp_path: Path, shown: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    real = install_check.resource

    def without_the_report(*parts: str):  # returns a Traversable
        return real("report", "gone.json") if parts == ("report", "report.json") else real(
            *parts)

    monkeypatch.setattr(install_check, "resource", without_the_report)
    assert start(tmp_path) is None
    assert "The app's file 'resources/report/report.json' is missing." in shown[0]


def test_a_missing_platform_plugin_is_named_before_qt_would_abort(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert install_check.platform_plugin_problem() is None  # offscreen is there
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    real_path = QLibraryInfo.path
    monkeypatch.setattr(QLibraryInfo, "path", staticmethod(
        lambda which: str(tmp_path) if which == QLibraryInfo.LibraryPath.PluginsPath
        else real_path(which)))
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqoffscreen.so").write_bytes(b"")
    problem = install_check.platform_plugin_problem()
    assert problem is not None
    assert "platform plugin 'xcb' is missing from" in problem and str(tmp_path) in problem
    (tmp_path / "platforms" / "libqxcb.so").write_bytes(b"")
    assert install_check.platform_plugin_problem() is None
    (tmp_path / "platforms" / "libqxcb.so").unlink()
    assert launch.run_gui(argparse.Namespace(data_dir=str(tmp_path), profile=None)) == 1
    assert "platform plugin 'xcb' is missing" in capsys.readouterr().err


def test_the_log_rotates(tmp_path: Path) -> None:
    path = app_log.start_logging(tmp_path)
    assert path == tmp_path / "logs" / "studyapp.log"
    line = "x" * 1000
    for _ in range(5000):  # about 5 MB through a 1 MiB log
        app_log.log.info(line)
    app_log.stop_logging()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["studyapp.log", "studyapp.log.1", "studyapp.log.2", "studyapp.log.3"]
    assert all(p.stat().st_size <= app_log.MAX_BYTES for p in path.parent.iterdir())


def test_a_log_that_cannot_be_written_does_not_stop_the_app(tmp_path: Path) -> None:
    (tmp_path / "logs").write_text("a file where the logs folder should be")
    assert app_log.start_logging(tmp_path) is None
    assert not app_log.is_logging_to(app_log.log_path(tmp_path))
    app_log.log.error("goes nowhere, raises nothing")


def test_an_error_in_a_thread_goes_to_the_log(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = app_log.start_logging(tmp_path)
    assert path is not None
    monkeypatch.setattr(threading, "excepthook", launch._log_thread_error)

    def fail() -> None:
        raise RuntimeError("worker broke")

    worker = threading.Thread(target=fail, name="reader-worker")
    worker.start()
    worker.join()
    for handler in app_log.log.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "uncaught error in thread reader-worker: worker broke" in text
    assert "Traceback" in text and "RuntimeError" in text
    assert logging.getLogger("studyapp").propagate is False
