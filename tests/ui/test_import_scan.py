"""PySide's import hook is set aside while the window starts, and put back after."""

from __future__ import annotations

import builtins

import pytest

from studyapp.ui import import_scan


def test_imports_skip_pysides_hook_until_resumed() -> None:
    hook = getattr(builtins, "__feature_import__", None)
    if hook is None or builtins.__import__ is not hook:
        pytest.skip("PySide's import hook is not the installed __import__ here")
    resume = import_scan.pause()
    try:
        assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]
        import json.decoder  # noqa: F401 - imports still work meanwhile
    finally:
        resume()
    assert builtins.__import__ is hook
    resume()  # twice is harmless
    assert builtins.__import__ is hook


def test_another_tools_import_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def other(*args: object, **kwargs: object) -> object:
        return builtins.__orig_import__(*args, **kwargs)  # type: ignore[attr-defined]

    monkeypatch.setattr(builtins, "__import__", other)
    resume = import_scan.pause()
    assert builtins.__import__ is other
    resume()
    assert builtins.__import__ is other


def test_a_replacement_made_meanwhile_is_kept() -> None:
    hook = getattr(builtins, "__feature_import__", None)
    if hook is None or builtins.__import__ is not hook:
        pytest.skip("PySide's import hook is not the installed __import__ here")
    resume = import_scan.pause()
    plain = builtins.__import__

    def other(*args: object, **kwargs: object) -> object:
        return plain(*args, **kwargs)

    builtins.__import__ = other
    try:
        resume()
        assert builtins.__import__ is other
    finally:
        builtins.__import__ = hook
