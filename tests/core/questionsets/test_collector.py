"""load_file pauses the cyclic garbage collector while it parses, and always restores it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import studyapp.core.questionsets as questionsets
from studyapp.core.questionsets import LoadResult, collector_paused, load_file

NATIVE = """\
format: studyapp-questions/1
id: demo
title: Demo
questions:
  - {id: q1, type: truefalse, prompt: Practice comes first., answer: true}
"""


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_load_file_parses_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(NATIVE, encoding="utf-8")
    seen: list[bool] = []
    parse_text = questionsets._parse_text

    def spy(kind: str, text: str, name: str) -> LoadResult:
        seen.append(gc.isenabled())
        return parse_text(kind, text, name)

    monkeypatch.setattr(questionsets, "_parse_text", spy)
    assert load_file(path).ok
    assert seen == [False]
    assert gc.isenabled()


def test_load_file_restores_the_collector_after_bad_input_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not load_file(tmp_path / "missing.yaml").ok
    assert gc.isenabled()
    path = tmp_path / "demo.yaml"
    path.write_text(NATIVE, encoding="utf-8")

    def broken(kind: str, text: str, name: str) -> LoadResult:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(questionsets, "_parse_text", broken)
    with pytest.raises(RuntimeError, match="parser bug"):
        load_file(path)
    assert gc.isenabled()


def test_load_file_leaves_a_disabled_collector_disabled(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(NATIVE, encoding="utf-8")
    gc.disable()
    assert load_file(path).ok
    assert not gc.isenabled()


def test_pauses_nest_and_overlap_across_threads() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()

    started, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            started.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with collector_paused():
        thread.start()
        assert started.wait(5)
    assert not gc.isenabled()  # the worker's pause is still running
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_import_set_runs_with_the_collector_paused_and_restores_it(tmp_path: Path) -> None:
    from studyapp.core.store import StoreError, open_store

    store = open_store(tmp_path / "data", "default")
    try:
        result = load_file(_write(tmp_path))
        assert result.question_set is not None
        seen: list[bool] = []
        store.question_sets.import_set(
            result.question_set, progress=lambda done, total: seen.append(gc.isenabled()))
        assert seen and not any(seen)
        assert gc.isenabled()
        result.question_set.questions[0].prompt = None  # type: ignore[assignment]
        result.question_set.questions[0].id = None  # type: ignore[assignment]
        with pytest.raises(StoreError):  # a failure must restore the collector
            store.question_sets.import_set(result.question_set)
        assert gc.isenabled()
    finally:
        store.close()


def _write(folder: Path) -> Path:
    path = folder / "demo.yaml"
    path.write_text(NATIVE, encoding="utf-8")
    return path
