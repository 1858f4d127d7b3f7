"""What Windows does differently, run here: its lock calls (through a stand-in for
``msvcrt`` that keeps Windows' rules), a profile file another process holds open (Windows
refuses to replace it), and a data folder on a network drive (no WAL there)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from studyapp.core.clock import system_clock
from studyapp.core.store import ProfileInUseError, open_store
from studyapp.core.store import backups as backups_module
from studyapp.core.store.backups import restore_backup, start_afresh
from studyapp.core.store.connection import journal_mode_for, on_network_drive
from studyapp.core.store.locking import LockBusy, MsvcrtBackend, ProfileLock


class FakeMsvcrt:
    """``msvcrt.locking`` as Windows does it: a byte range from the file position, locked
    per handle; ``LK_NBLCK`` fails at once (EACCES) when another handle holds a byte of it,
    ``LK_UNLCK`` fails when this handle does not hold it."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}  # (file, byte) -> the handle holding it

    def locking(self, fd: int, mode: int, count: int) -> None:
        status = os.fstat(fd)
        start = os.lseek(fd, 0, os.SEEK_CUR)
        keys = [((status.st_dev << 32) ^ status.st_ino, start + i) for i in range(count)]
        if mode == self.LK_NBLCK:
            if any(self.held.get(key, fd) != fd for key in keys):
                raise PermissionError(errno.EACCES, "Permission denied")
            for key in keys:
                self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if any(self.held.get(key) != fd for key in keys):
                raise PermissionError(errno.EACCES, "Permission denied")
            for key in keys:
                del self.held[key]


def test_the_windows_lock_branch_locks_the_first_byte_whatever_the_file_position(
        tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    backend = MsvcrtBackend(fake)
    path = tmp_path / "default.lock"
    path.write_bytes(b"\nclosed 1 2 3")
    first = os.open(path, os.O_RDWR)
    second = os.open(path, os.O_RDWR)
    try:
        os.lseek(first, 5, os.SEEK_SET)
        assert backend.try_lock(first)
        os.lseek(second, 9, os.SEEK_SET)  # another handle, elsewhere in the file
        assert not backend.try_lock(second)  # the same first byte: refused, not waited
        backend.unlock(first)
        assert backend.try_lock(second)
        backend.unlock(first)  # not held by this handle: nothing happens
        assert not backend.try_lock(first)
    finally:
        os.close(first)
        os.close(second)


def test_profile_lock_with_the_windows_backend_waits_then_gives_up(tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    path = tmp_path / "default.lock"
    other = os.open(path, os.O_RDWR | os.O_CREAT)  # another process's handle
    try:
        MsvcrtBackend(fake).try_lock(other)
        with pytest.raises(LockBusy):
            ProfileLock.acquire(path, wait=0.1, backend=MsvcrtBackend(fake))
        MsvcrtBackend(fake).unlock(other)
        lock = ProfileLock.acquire(path, wait=0.1, backend=MsvcrtBackend(fake))
        assert lock.first and fake.held
        lock.write_note("closed 1 2 3")  # the note lives after the locked byte
        assert lock.read_note() == "closed 1 2 3"
        lock.release()
        assert not fake.held
    finally:
        os.close(other)


def profile_with_backup(data_dir: Path) -> tuple[Path, Path]:
    store = open_store(data_dir, "default")
    store.notes.add("intro", "in the backup")
    backup = store.backups.backup_now().path
    store.notes.add("intro", "after the backup")
    path = store.path
    store.close()
    return path, backup


def held_open_elsewhere(monkeypatch: pytest.MonkeyPatch, held: Path, times: int) -> list[int]:
    """Windows' refusal to replace or move ``held`` while another process has it open, for
    the first ``times`` tries."""
    tries: list[int] = []
    real = os.replace

    def replace(source: Path, target: Path) -> None:
        if held in (Path(source), Path(target)) and len(tries) < times:
            tries.append(1)
            raise PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process")
        real(source, target)

    monkeypatch.setattr(backups_module, "_replace", replace)
    monkeypatch.setattr(backups_module, "REPLACE_PAUSE", 0.001)
    return tries


def test_a_restore_waits_out_a_file_held_briefly_and_then_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, backup = profile_with_backup(tmp_path)
    tries = held_open_elsewhere(monkeypatch, path, times=3)
    restore_backup(tmp_path, "default", backup, system_clock)
    assert len(tries) == 3
    store = open_store(tmp_path, "default")
    try:
        assert [n.text for n in store.notes.all()] == ["in the backup"]
    finally:
        store.close()


def test_a_restore_onto_a_file_held_open_says_so_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, backup = profile_with_backup(tmp_path)
    before = path.read_bytes()
    held_open_elsewhere(monkeypatch, path, times=10_000)
    with pytest.raises(ProfileInUseError, match="open in another program"):
        restore_backup(tmp_path, "default", backup, system_clock)
    assert path.read_bytes() == before  # never half-replaced
    assert not path.with_name(f".{path.name}.restoring").exists()
    with pytest.raises(ProfileInUseError, match="open in another program"):
        start_afresh(tmp_path, "default", system_clock)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if "damaged" in p.name] == []


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/home /home/shared nfs4 rw 0 0
//nas/study /mnt/study\\040drive cifs rw 0 0
"""


@pytest.mark.parametrize(("folder", "network"), [
    ("/home/shared/learner/StudyApp", True),
    ("/mnt/study drive/portable", True),
    ("/home/sharedother", False),
    ("/tmp", False),
])
def test_network_drives_are_recognised_from_the_mount_table(folder: str, network: bool) -> None:
    assert on_network_drive(Path(folder), MOUNTS, platform="linux") is network


def test_a_profile_on_a_network_drive_uses_the_rollback_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.store import connection

    assert journal_mode_for(tmp_path) == "wal"
    monkeypatch.setattr(connection, "on_network_drive", lambda folder: True)
    store = open_store(tmp_path, "default")
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        store.notes.add("intro", "saved without WAL")
    finally:
        store.close()
    assert not (tmp_path / "profiles" / "default.sqlite3-wal").exists()
