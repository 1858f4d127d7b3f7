"""The translation sources in resources/i18n are complete, current and consistent, and the
compiled catalogues are what scripts/build_translations.py makes of them.

- Every text the UI code has (a fresh pyside6-lupdate run) is in the .ts, translated; none is
  unfinished, obsolete or vanished, and the .ts holds nothing the code no longer has.
- Every core and CLI message (a fresh Babel extraction) is in the .po, translated, not fuzzy.
- A translation keeps its source's placeholders (``{name}``, ``{0}``, ``{d:.1f}``, ``%1``,
  ``%n``, ``%(prog)s``), keyboard mnemonic and HTML tags.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "studyapp_zh_CN.ts"
PO = I18N / "core_zh_CN.po"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%n|%\([a-z_]+\)[sdr]|%[sdr]")
TAG = re.compile(r"</?[a-z]+[^>]*>")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ts_messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text))


def test_every_ui_text_is_translated_and_none_is_stale(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    script = _script()
    subprocess.run([*script.qt_tool("lupdate"), "-silent", "-locations", "none",
                    *map(str, script.ui_files()), "-ts", str(fresh)], check=True, timeout=120)
    in_code = {(context, source) for context, source, _ in ts_messages(fresh)}
    committed = ts_messages(TS)
    in_ts = {(context, source) for context, source, _ in committed}
    assert sorted(in_code - in_ts) == [], "new texts: run scripts/build_translations.py extract"
    assert sorted(in_ts - in_code) == [], "texts the code no longer has: run ... extract"
    unfinished = [(context, source) for context, source, message in committed
                  if message.find("translation").get("type")  # type: ignore[union-attr]
                  or not all(translations_of(message))]
    assert unfinished == []
    assert len(committed) > 700


@pytest.mark.parametrize("ts", [TS], ids=["studyapp_zh_CN.ts"])
def test_ts_translations_keep_placeholders_mnemonics_and_tags(ts: Path) -> None:
    wrong = []
    for context, source, message in ts_messages(ts):
        for text in translations_of(message):
            if placeholders(text) != placeholders(source):
                wrong.append(f"{context}: {source!r} -> {text!r}: placeholders")
            if mnemonic(text) != mnemonic(source):
                wrong.append(f"{context}: {source!r} -> {text!r}: the & shortcut")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                wrong.append(f"{context}: {source!r} -> {text!r}: HTML tags")
    assert wrong == []


def _po_entries() -> list[tuple[str, str | None, list[str], bool]]:
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalogue = read_po(handle)
    entries = []
    for message in catalogue:
        if not message.id:
            continue
        singular, plural = (message.id if isinstance(message.id, tuple)
                            else (message.id, None))
        strings = list(message.string) if isinstance(message.string, tuple) \
            else [message.string]
        entries.append((singular, plural, strings, message.fuzzy))
    return entries


def test_every_core_message_is_translated_and_none_is_stale(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    from babel.messages.frontend import CommandLineInterface

    pot = tmp_path / "core.pot"
    sources = [str(path) for path in _script().CORE_SOURCES]
    assert not CommandLineInterface().run(
        ["pybabel", "-q", "extract", "--no-location", "--no-default-keywords", "-k", "msg",
         "-k", "msg_n:1,2", "-k", "N_", "-o", str(pot), *sources])
    from babel.messages.pofile import read_po

    with pot.open("rb") as handle:
        in_code = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(handle) if m.id}
    entries = _po_entries()
    in_po = {singular for singular, _, _, _ in entries}
    assert sorted(in_code - in_po) == [], "new messages: run scripts/build_translations.py extract"
    assert sorted(in_po - in_code) == [], "messages the code no longer has: run ... extract"
    assert [singular for singular, _, strings, fuzzy in entries
            if fuzzy or not all(strings)] == []


def test_po_translations_keep_placeholders() -> None:
    wrong = [f"{singular!r} -> {text!r}" for singular, plural, strings, _ in _po_entries()
             for text in strings
             if placeholders(text) != placeholders(singular)
             and placeholders(text) != placeholders(plural or singular)]
    assert wrong == []


def test_chinese_has_one_plural_form() -> None:
    header = PO.read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header
    assert all(len(strings) == 1 for _, plural, strings, _ in _po_entries() if plural)


def test_compiled_catalogues_are_what_the_sources_compile_to() -> None:
    stale = _script().stale_files()
    assert stale == [], f"run {sys.executable} scripts/build_translations.py"


def test_the_checker_finds_a_broken_placeholder() -> None:
    assert placeholders("第 {row} 行") != placeholders("Row {line}")
    assert placeholders("%n 个") == placeholders("%n items")
    assert mnemonic("文件(&F)") and not mnemonic("Tom && Jerry")
