"""Files a user names are opened once, checked to be regular files and read with a bound; the
bytes planned are the bytes parsed, hashed and written (issue 15)."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from pathlib import Path

import pytest

from studyapp.core import questionsets
from studyapp.core.importing import apply_plan, load_files, plan_import
from studyapp.core.questionsets import load_file
from studyapp.core.questionsets import pictures as pictures_module
from studyapp.core.questionsets.pictures import MAX_PICTURE_BYTES, pictures_folder
from studyapp.core.store import Store, open_store
from studyapp.core.user_files import FileTooLarge, UnreadableFile, read_user_file

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _finishes(target, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    """The value of ``target()`` run in a thread that must end within ``seconds``."""
    box: list[object] = []

    def run() -> None:
        try:
            box.append(target())
        except Exception as error:  # handed to the test's thread
            box.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the path hung"
    if isinstance(box[0], Exception):
        raise box[0]
    return box[0]


@fifo_only
def test_a_named_pipe_as_question_file_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "questions.yaml"
    os.mkfifo(pipe)
    result = _finishes(lambda: load_file(pipe))
    assert [str(problem) for problem in result.problems] == [
        f"{pipe}:0: cannot read it: this is a named pipe, not a file"]


@fifo_only
def test_a_named_pipe_as_picture_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "chart.png")
    (tmp_path / "bank.csv").write_text("题型,题干,答案,图片\n判断,看图。,对,chart.png\n",
                                       encoding="utf-8")
    result = _finishes(lambda: load_file(tmp_path / "bank.csv"))
    assert result.ok
    assert result.question_set is not None and result.question_set.questions[0].image == ""
    assert ["cannot be read" in warning.message for warning in result.warnings] == [True]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_not_read_for_ever() -> None:
    with pytest.raises(UnreadableFile) as refused:
        _finishes(lambda: read_user_file("/dev/zero", 1024), 5)
    assert refused.value.message.english == "cannot read it: this is a device, not a file"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(UnreadableFile):
            read_user_file(path, 1024)
    finally:
        server.close()


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as folder:
        read_user_file(tmp_path, 10)
    assert folder.value.message.english == "cannot read it: this is a folder, not a file"
    with pytest.raises(UnreadableFile) as missing:
        read_user_file(tmp_path / "nope", 10)
    assert missing.value.message.english == "file not found"


def test_no_more_than_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 100)
    assert read_user_file(path, 100) == b"x" * 100
    with pytest.raises(FileTooLarge):
        read_user_file(path, 99)


def test_the_hash_is_of_the_bytes_parsed_even_when_the_file_is_swapped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "week.yaml"
    first = (b"format: studyapp-questions/1\nid: week\ntitle: Week\nquestions:\n"
             b"  - {id: q1, type: truefalse, prompt: 'A.', answer: true}\n")
    path.write_bytes(first)
    reader = questionsets.read_user_file

    def read_then_swap(name: str, limit: int) -> bytes:
        data = reader(name, limit)
        Path(name).write_bytes(first.replace(b"A.", b"B."))  # a sync tool, right after
        return data

    monkeypatch.setattr(questionsets, "read_user_file", read_then_swap)
    [loaded] = load_files([path])
    assert loaded.sha256 == hashlib.sha256(first).hexdigest()
    assert loaded.result.question_set is not None
    assert loaded.result.question_set.questions[0].prompt == "A."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "data", "tester")
    yield opened  # type: ignore[misc]
    opened.close()


def test_a_picture_that_grows_after_its_check_is_not_copied(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures_module, "MAX_PICTURE_BYTES", 1000)
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG" + b"\x00" * 996)  # exactly the limit
    (tmp_path / "bank.csv").write_text("题型,题干,答案,图片\n判断,看图。,对,chart.png\n",
                                       encoding="utf-8")
    plan = plan_import(load_files([tmp_path / "bank.csv"]), store)
    assert plan.ok
    with picture.open("ab") as grow:
        grow.write(b"\x00")  # one byte past the limit, after the bank was read
    with pytest.raises(OSError, match="larger than"):
        apply_plan(plan, store)
    folder = pictures_folder(store.path)
    assert not folder.exists() or not any(folder.iterdir())


def test_a_picture_replaced_after_its_check_is_not_copied(store: Store, tmp_path: Path) -> None:
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG first")
    (tmp_path / "bank.csv").write_text("题型,题干,答案,图片\n判断,看图。,对,chart.png\n",
                                       encoding="utf-8")
    plan = plan_import(load_files([tmp_path / "bank.csv"]), store)
    picture.write_bytes(b"\x89PNG other")
    with pytest.raises(OSError, match="changed after"):
        apply_plan(plan, store)
    assert MAX_PICTURE_BYTES == 10 * 1024 * 1024
