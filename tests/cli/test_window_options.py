"""A start with only the window's options skips cli.py's full parser (app.window_options):
it must read them exactly as that parser does, and leave everything else to it."""

from __future__ import annotations

import pytest

from studyapp import cli
from studyapp.app import window_options
from studyapp.core.messages import use_catalogue


@pytest.fixture(autouse=True)
def english_afterwards() -> object:
    yield
    use_catalogue(None)


@pytest.mark.parametrize("argv", [
    [],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x", "--profile", "bob", "--lang", "zh_CN"],
    ["--lang=en", "--profile=anna"],
])
def test_window_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    fast = window_options(argv)
    assert fast is not None
    assert vars(fast) == vars(cli.parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["sets"],                          # a command
    ["--data-dir", "/tmp/x", "stats"],
    ["--prof", "anna"],                # an abbreviation argparse accepts
    ["--lang", "xx"],                  # a usage error: the full parser says what is wrong
    ["--data-dir", ""],
    ["--profile"],
    ["--profile", "--lang", "en"],
    ["--help"],
    ["--version"],
])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None
