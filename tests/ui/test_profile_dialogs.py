"""The profile dialogs, driven as a learner would: in use elsewhere, damaged, File → Backups.

The dialogs are modal (``exec``); a helper waits for the dialog to be on screen and then
types and clicks in it, as a person would. ``exec`` itself is replaced by the same thing done
in Python (show it application-modal, wait in a local event loop until it finishes): the
offscreen platform warns on every native modal ``exec`` and warnings fail the suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from studyapp.core.paths import profile_path
from studyapp.core.store import open_store
from studyapp.core.store.backups import (
    MANUAL,
    Backup,
    BackupJob,
    BackupProgress,
    list_backups,
)
from studyapp.core.store.locking import held_locks
from studyapp.ui.launch import WindowSession, start_gui
from studyapp.ui.profile_dialogs import (
    BackupsDialog,
    ClosingBackupDialog,
    InUseDialog,
    RecoveryDialog,
)

W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def modal_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(dialog: QDialog) -> int:
        loop = QEventLoop()
        dialog.finished.connect(loop.quit)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        loop.exec()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", exec_)


def answer_with(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    """Message boxes are answered by clicking their ``button_text`` button (a message box
    sizes itself on show, which the offscreen platform warns about, so it is not shown)."""
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button_text).click()
        return box.result()

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def when_shown(kind: type[W], act: Callable[[W], None], seen: list[QWidget]) -> None:
    """Once a ``kind`` (modal or not) is on screen, ``act`` on it (from the event loop)."""

    def poll() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible() and w not in seen]
        if shown:
            seen.append(shown[0])
            act(shown[0])
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Plain message boxes are recorded and closed at once."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(f"{box.text()} {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def start(qtbot: QtBot, data_dir: Path, profile: str = "default") -> WindowSession:
    session = start_gui(argparse.Namespace(data_dir=str(data_dir), profile=profile))
    assert session is not None and session.window is not None
    qtbot.addWidget(session.window)
    failures: list[bool] = []
    session.failed.connect(lambda: failures.append(True))
    qtbot.waitUntil(lambda: session.store is not None or bool(failures), timeout=15000)
    return session


def finish(session: WindowSession) -> None:
    if session.window is not None:
        session.window.close()
    session.close()
    assert [lock for lock in held_locks() if lock.startswith(str(session.data_dir))] == []


HOLD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from studyapp.core.store import open_store
    store = open_store(Path(sys.argv[1]), "default")
    print("held", flush=True)
    sys.stdin.readline()
    store.close()
""")


@pytest.fixture
def held_elsewhere(tmp_path: Path) -> Iterator[Path]:
    with subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield tmp_path
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def test_a_profile_open_elsewhere_offers_another(qtbot: QtBot, held_elsewhere: Path,
                                                messages: list[str]) -> None:
    seen: list[QWidget] = []

    def choose_new(dialog: InUseDialog) -> None:
        assert "“default” is open in another StudyApp" in dialog.heading.text()
        assert "open in another StudyApp" in dialog.detail
        dialog.profiles.clearEditText()
        qtbot.keyClicks(dialog.profiles, "guest")
        click(qtbot, dialog.open_button)

    when_shown(InUseDialog, choose_new, seen)
    session = start(qtbot, held_elsewhere)
    assert len(seen) == 1 and messages == []
    assert session.store is not None and session.store.profile == "guest"
    assert session.window is not None and session.window.profile_label.text() == "Profile: guest"
    finish(session)


def test_quitting_the_in_use_dialog_ends_without_a_traceback(
        qtbot: QtBot, held_elsewhere: Path, messages: list[str]) -> None:
    seen: list[QWidget] = []
    when_shown(InUseDialog, lambda d: click(qtbot, d.quit_button), seen)
    session = start(qtbot, held_elsewhere)
    assert len(seen) == 1 and session.store is None
    assert session.window is not None and not session.window.isVisible()
    assert messages == []


def damaged_profile_with_a_backup(data_dir: Path) -> tuple[Path, bytes]:
    store = open_store(data_dir, "default")
    store.notes.add("intro", "written before the damage")
    store.backups.backup_now()
    store.close()
    path = profile_path(data_dir, "default")
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(bytes(range(256)) * 64)
    return path, path.read_bytes()


def test_a_damaged_profile_can_be_restored_from_its_newest_sound_backup(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    path, damaged = damaged_profile_with_a_backup(tmp_path)
    seen: list[QWidget] = []

    def restore(dialog: RecoveryDialog) -> None:
        assert dialog.backup is not None
        detail = dialog.detail.text()
        assert detail.startswith("Details: ") and "default.sqlite3: " in detail
        click(qtbot, dialog.restore_button)

    when_shown(RecoveryDialog, restore, seen)
    session = start(qtbot, tmp_path)
    assert len(seen) == 1
    assert session.store is not None
    assert [n.text for n in session.store.notes.all()] == ["written before the damage"]
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name and p.suffix != ".lock"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never overwritten
    assert len(messages) == 1 and str(kept[0]) in messages[0]
    finish(session)


def test_a_damaged_profile_can_start_afresh_keeping_the_damaged_file(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    path, damaged = damaged_profile_with_a_backup(tmp_path)
    seen: list[QWidget] = []
    when_shown(RecoveryDialog, lambda d: click(qtbot, d.afresh_button), seen)
    session = start(qtbot, tmp_path)
    assert len(seen) == 1 and session.store is not None
    assert session.store.notes.all() == []
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in kept] == [damaged]
    finish(session)


def test_quitting_the_recovery_dialog_changes_nothing(qtbot: QtBot, tmp_path: Path,
                                                      messages: list[str]) -> None:
    path, damaged = damaged_profile_with_a_backup(tmp_path)
    seen: list[QWidget] = []
    when_shown(RecoveryDialog, lambda d: click(qtbot, d.quit_button), seen)
    session = start(qtbot, tmp_path)
    assert len(seen) == 1 and session.store is None
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in path.parent.iterdir()) == ["default.lock", "default.sqlite3"]


def test_file_backups_lists_backs_up_and_restores_with_confirmation(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_with(monkeypatch, "Restore")
    session = start(qtbot, tmp_path)
    assert session.store is not None and session.window is not None
    session.store.notes.add("intro", "first note")
    seen: list[QWidget] = []
    state: dict[str, int] = {}

    def back_up_then_close(dialog: BackupsDialog) -> None:
        try:
            assert not dialog.table.isVisible() and dialog.empty.isVisible()  # none yet
            click(qtbot, dialog.backup_button)
            qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up: "))
            state["rows"] = dialog.table.rowCount()
            assert dialog.table.item(0, 1).text().endswith("KB")
        finally:
            dialog.reject()

    when_shown(BackupsDialog, back_up_then_close, seen)
    session.window.backups_action.trigger()
    assert len(seen) == 1 and state["rows"] == 1

    session.store.notes.add("intro", "second note")
    old_window = session.window

    def restore_selected(dialog: BackupsDialog) -> None:
        assert dialog.table.rowCount() == 1
        dialog.table.selectRow(0)
        click(qtbot, dialog.restore_button)

    when_shown(BackupsDialog, restore_selected, seen)
    session.window.backups_action.trigger()
    assert len(seen) == 2 and len(asked) == 1 and "Restore the backup of" in asked[0]
    assert session.window is not old_window  # the profile was reopened in a fresh window
    assert [n.text for n in session.store.notes.all()] == ["first note"]
    labels = [b.label for b in session.store.backups.list()]
    assert labels == ["before-restore", MANUAL]
    finish(session)


def test_back_up_now_right_after_the_automatic_backup_is_listed_as_manual(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    session = start(qtbot, tmp_path)
    assert session.store is not None and session.window is not None
    assert session.backup_if_due()  # the timer's backup
    qtbot.waitUntil(lambda: not session.jobs.busy())
    session.store.notes.add("intro", "a note")
    seen: list[QWidget] = []
    state: dict[str, list[str]] = {}

    def back_up(dialog: BackupsDialog) -> None:
        try:
            click(qtbot, dialog.backup_button)
            qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up: "))
            state["kinds"] = [dialog.table.item(row, 2).text()
                              for row in range(dialog.table.rowCount())]
        finally:
            dialog.reject()

    when_shown(BackupsDialog, back_up, seen)
    session.window.backups_action.trigger()
    # Newest first; two in one second keep only the newer, the manual one.
    assert state["kinds"] in (["Manual", "Automatic"], ["Manual"])
    assert messages == []
    finish(session)


def test_restore_can_be_cancelled(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_with(monkeypatch, "Cancel")
    store = open_store(tmp_path, "default")
    store.backups.backup_now()
    store.notes.add("intro", "kept")
    dialog = BackupsDialog(store.backups)
    qtbot.addWidget(dialog)
    chosen: list[Path] = []
    dialog.restore_chosen.connect(chosen.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    click(qtbot, dialog.restore_button)
    assert len(asked) == 1 and chosen == []
    assert [n.text for n in store.notes.all()] == ["kept"]
    store.close()


def test_the_session_backs_up_when_due_and_on_close(qtbot: QtBot, tmp_path: Path,
                                                    messages: list[str]) -> None:
    session = start(qtbot, tmp_path)
    assert session.store is not None and session.backup_timer.isActive()
    assert session.backup_if_due()  # the timer's tick: no backup yet, so one is due
    qtbot.waitUntil(lambda: not session.jobs.busy())  # taken on a thread of its own
    assert len(session.store.backups.list()) == 1
    session.backup_if_due()
    assert len(session.store.backups.list()) == 1  # nothing changed since
    session.store.notes.add("intro", "changed")
    backups = session.store.backups
    finish(session)
    assert len(backups.list()) in (1, 2)  # a second unless it fell in the same second
    assert backups.list()[0].taken_at >= backups.list()[-1].taken_at


class HeldBackups:
    """Backup jobs that note the thread they run on and copy one page a step, waiting at
    each step until ``release`` is set or the job is stopped: a backup that takes time."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[str] = []
        self.release = threading.Event()
        original = BackupJob.run

        def run(job: BackupJob, progress: BackupProgress | None = None,
                stop: threading.Event | None = None) -> Backup:
            self.threads.append(threading.current_thread().name)

            def step(done: int, total: int) -> None:
                if progress is not None:
                    progress(done, total)
                while not self.release.is_set() and not (stop is not None and stop.is_set()):
                    time.sleep(0.005)

            return original(job, step, stop)

        monkeypatch.setattr(BackupJob, "run", run)
        monkeypatch.setattr("studyapp.core.store.backups.BACKUP_STEP_PAGES", 1)


def partials(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".partial")]


def test_back_up_now_runs_on_the_backup_thread_and_shows_its_progress(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    held = HeldBackups(monkeypatch)
    session = start(qtbot, tmp_path)
    assert session.store is not None and session.window is not None
    session.store.notes.add("intro", "a note")
    seen: list[QWidget] = []
    state: dict[str, object] = {}

    def back_up(dialog: BackupsDialog) -> None:
        try:
            click(qtbot, dialog.backup_button)
            qtbot.waitUntil(lambda: dialog.progress.maximum() > 0
                            and dialog.progress.value() > 0)  # pages copied of all
            state["during"] = (dialog.progress.isVisible(), dialog.backup_button.isEnabled(),
                               dialog.restore_button.isEnabled(), dialog.status.text())
            held.release.set()
            qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up: "))
            state["after"] = (dialog.progress.isVisible(), dialog.backup_button.isEnabled(),
                              dialog.table.rowCount())
        finally:
            held.release.set()
            dialog.reject()

    when_shown(BackupsDialog, back_up, seen)
    session.window.backups_action.trigger()
    during = state["during"]
    assert isinstance(during, tuple) and during[:3] == (True, False, False)
    assert str(during[3]).startswith("Making a backup… ")
    assert state["after"] == (False, True, 1)
    assert held.threads == ["studyapp-backup"]  # not the GUI thread
    assert messages == []
    finish(session)


def test_back_up_now_says_in_the_dialog_why_it_failed(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    from studyapp.core.store import DiskFullError

    def full(*_args: object, **_kwargs: object) -> Backup:
        raise DiskFullError("The disk that holds the backups is full.")

    monkeypatch.setattr("studyapp.core.store.backups.take_backup", full)
    store = open_store(tmp_path, "default")
    dialog = BackupsDialog(store.backups)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.backup_button)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible())
    assert dialog.status.text() == "Not backed up: The disk that holds the backups is full."
    assert dialog.backup_button.isEnabled() and messages == []
    dialog.jobs.wait()
    store.close()


def test_the_backup_on_close_runs_on_the_backup_thread_saying_making_a_backup(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    held = HeldBackups(monkeypatch)
    session = start(qtbot, tmp_path)
    assert session.store is not None
    session.store.notes.add("intro", "a note")
    folder = session.store.backups.folder
    seen: list[QWidget] = []
    headings: list[str] = []

    def let_go(dialog: ClosingBackupDialog) -> None:
        headings.append(dialog.heading.text())
        held.release.set()

    when_shown(ClosingBackupDialog, let_go, seen)
    finish(session)  # the window closes; the session waits for its backup
    assert headings == ["Making a backup of “default”…"]
    assert held.threads == ["studyapp-backup"]
    assert len(list_backups(folder)) == 1 and partials(folder) == []
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets()
                   if isinstance(w, ClosingBackupDialog))
    assert messages == []


@pytest.mark.parametrize("how", ["closed without it", "waited too long"])
def test_a_backup_on_close_that_is_given_up_leaves_nothing_half_written(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: list[str], how: str) -> None:
    HeldBackups(monkeypatch)  # never let go: only stopping ends it
    if how == "waited too long":
        monkeypatch.setattr("studyapp.ui.launch.CLOSE_BACKUP_LIMIT_S", 1.0)
    session = start(qtbot, tmp_path)
    assert session.store is not None
    older = session.store.backups.backup_now()
    session.store.notes.add("intro", "after the backup")
    folder = session.store.backups.folder
    seen: list[QWidget] = []
    half_written: list[str] = []

    def give_up(dialog: ClosingBackupDialog) -> None:
        half_written.extend(partials(folder))  # the copy had begun
        if how == "closed without it":
            click(qtbot, dialog.skip_button)

    when_shown(ClosingBackupDialog, give_up, seen)
    finish(session)
    assert len(half_written) == 1
    assert sorted(p.name for p in folder.iterdir()) == [older.path.name]
    reopened = open_store(tmp_path, "default")
    assert [n.text for n in reopened.notes.all()] == ["after the backup"]
    reopened.close()
    assert messages == []


def test_a_full_disk_while_studying_is_named_not_called_saved(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    import sqlite3

    from studyapp.core.app_log import log_path
    from studyapp.ui.launch import _error_reporter

    session = start(qtbot, tmp_path)
    assert session.store is not None
    log = log_path(tmp_path)  # start_gui opened the data folder's log
    report = _error_reporter(log, session)
    error = sqlite3.OperationalError("database or disk is full")
    report(type(error), error, None)
    other = ValueError("a bug")
    report(type(other), other, None)
    assert len(messages) == 2
    assert "is full, so StudyApp cannot save" in messages[0]
    assert str(session.store.path) in messages[0] and "progress is saved" not in messages[0]
    assert "Something went wrong: a bug. Your progress is saved." in messages[1]
    assert log.read_text(encoding="utf-8").count("uncaught error:") == 2
    finish(session)


def test_the_window_waiting_for_a_profile_held_elsewhere_closes_when_asked(
        qtbot: QtBot, held_elsewhere: Path, messages: list[str]) -> None:
    # With a modal dialog the window's close button was ignored for over 15 s.
    seen: list[QWidget] = []
    when_shown(InUseDialog, lambda d: None, seen)
    session = start_gui(argparse.Namespace(data_dir=str(held_elsewhere), profile="default"))
    assert session is not None and session.window is not None
    qtbot.addWidget(session.window)
    failures: list[bool] = []
    session.failed.connect(lambda: failures.append(True))
    qtbot.waitUntil(lambda: bool(seen))
    assert not seen[0].isModal() and QApplication.activeModalWidget() is None
    session.window.close()  # the title bar's close button
    qtbot.waitUntil(lambda: bool(failures))
    assert session.store is None and session.dialog is None and not seen[0].isVisible()
    session.close()


def test_a_profile_held_elsewhere_opens_by_itself_once_the_other_lets_go(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    with subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        seen: list[QWidget] = []
        when_shown(InUseDialog, lambda d: None, seen)
        session = start_gui(argparse.Namespace(data_dir=str(tmp_path), profile="default"))
        assert session is not None and session.window is not None
        qtbot.addWidget(session.window)
        qtbot.waitUntil(lambda: bool(seen))
        assert process.stdin is not None
        process.stdin.close()  # the other StudyApp closes
        process.wait(timeout=30)
    qtbot.waitUntil(lambda: session.store is not None, timeout=10000)
    assert session.store is not None and session.store.profile == "default"
    assert session.dialog is None
    assert not any(isinstance(w, InUseDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    finish(session)


def test_an_empty_profile_file_offers_the_newest_sound_backup(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    # Emptied by a sync tool: it was silently made a new profile, the history gone.
    path, _ = damaged_profile_with_a_backup(tmp_path)
    path.write_bytes(b"")
    seen: list[QWidget] = []

    def restore(dialog: RecoveryDialog) -> None:
        assert dialog.backup is not None and "0 bytes" in dialog.detail.text()
        click(qtbot, dialog.restore_button)

    when_shown(RecoveryDialog, restore, seen)
    session = start(qtbot, tmp_path)
    assert len(seen) == 1 and session.store is not None
    assert [n.text for n in session.store.notes.all()] == ["written before the damage"]
    finish(session)


def test_damage_found_after_start_up_leads_to_the_recovery_dialog(
        qtbot: QtBot, tmp_path: Path, messages: list[str]) -> None:
    # A page turned to noise without a write (a failing disk): the open trusts the file as
    # it was closed, so the check after start-up (on its own thread) must find it.
    store = open_store(tmp_path, "default")
    for number in range(300):
        store.notes.add("intro", f"note {number} " + "x" * 200)
    store.backups.backup_now()
    store.close()
    path = profile_path(tmp_path, "default")
    status = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(status.st_size // 4096 // 2 * 4096)
        handle.write(bytes(range(256)) * 16)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # as if nothing wrote
    seen: list[QWidget] = []

    def restore(dialog: RecoveryDialog) -> None:
        assert dialog.backup is not None
        click(qtbot, dialog.restore_button)

    when_shown(RecoveryDialog, restore, seen)
    session = start(qtbot, tmp_path)  # opens: the file looks as it was closed
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    qtbot.waitUntil(lambda: session.store is not None and session.dialog is None)
    assert session.store is not None and len(session.store.notes.all()) == 300
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert kept == [] or all(p.stat().st_size > 0 for p in kept)
    finish(session)


def test_one_fault_reads_the_same_in_the_window_and_in_the_cli(
        qtbot: QtBot, tmp_path: Path, messages: list[str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Each translated errors itself: a full disk was "disk I/O error ... USB stick" in one.
    import errno
    import shutil
    import sqlite3
    from collections import namedtuple

    from studyapp import cli
    from studyapp.core.app_log import log_path
    from studyapp.ui.launch import _error_reporter

    session = start(qtbot, tmp_path)
    assert session.store is not None
    cli._opened.append(session.store.path)
    monkeypatch.setattr(shutil, "disk_usage",
                        lambda _p: namedtuple("U", "total used free")(1 << 30, 1 << 30, 0))
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = 778  # type: ignore[attr-defined]
    report = _error_reporter(log_path(tmp_path), session)
    try:
        for error in (io_error, OSError(errno.ENOSPC, "No space left on device")):
            report(type(error), error, None)
            assert cli._store_failure(error) == 3
            printed = capsys.readouterr().err.strip()
            assert "is full" in printed and "USB" not in printed
            assert messages[-1].startswith(printed)
    finally:
        cli._opened.pop()
        finish(session)
