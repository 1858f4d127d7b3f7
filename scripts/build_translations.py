"""Builds StudyApp's translations from their sources in resources/i18n/.

    python scripts/build_translations.py            # compile: .ts -> .qm, .po -> .mo
    python scripts/build_translations.py --check    # compiled files up to date? (exit 1 if not)
    python scripts/build_translations.py extract    # refresh the sources from the code

Two catalogues per language (docs/architecture.md, "Translations"):

- ``studyapp_<code>.ts`` -> ``studyapp_<code>.qm``: the window's texts (``self.tr``,
  ``QCoreApplication.translate``), extracted from src/studyapp/ui by pyside6-lupdate and
  compiled by pyside6-lrelease (both ship with PySide6).
- ``core_<code>.po`` -> ``core_<code>.mo``: core's and the command line's messages
  (``msg``, ``msg_n``, ``N_`` of core/messages.py), extracted by Babel (``extract`` needs the
  dev extra) and compiled here by a small msgfmt in pure Python, so that compiling needs
  nothing beyond PySide6.

The compiled .qm and .mo files are committed, so that a clean clone installed with
``pip install -e .`` has them; tests/i18n/test_catalogues.py fails when they are not what
this script makes of the sources. Never edit them by hand: edit the .ts (Qt Linguist, or
any editor) and the .po, then run this script. packaging/build.py runs it before a build.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
UI_SOURCES = ROOT / "src" / "studyapp" / "ui"
CORE_SOURCES = (ROOT / "src" / "studyapp" / "core", ROOT / "src" / "studyapp" / "cli.py")
LANGUAGES = ("zh_CN",)
PLURAL_FORMS = {"zh_CN": "nplurals=1; plural=0;"}


def qt_tool(name: str) -> list[str]:
    """pyside6-lupdate / pyside6-lrelease, beside this Python or through PySide6 itself."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", name]


def ui_files() -> list[Path]:
    return sorted(UI_SOURCES.rglob("*.py"))


def lupdate(ts_file: Path) -> None:
    """Refreshes ``ts_file`` from the UI code: new texts come in unfinished, gone ones are
    dropped, no line numbers (they would make every edit of the code a change here)."""
    subprocess.run([*qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, ui_files()), "-ts", str(ts_file)], check=True)


def compile_ts(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([*qt_tool("lrelease"), "-silent", "-nounfinished", str(ts_file), "-qm",
                    str(qm_file)], check=True)


# --- gettext: .po -> .mo --------------------------------------------------------------------

def read_po(po_file: Path) -> dict[str, str]:
    """The translated entries of a .po file as .mo keys and values: ``msgid`` (with
    ``\\0msgid_plural``) -> ``msgstr`` (the plural forms joined by ``\\0``). Fuzzy and
    untranslated entries are left out, as GNU msgfmt does."""
    entries: dict[str, str] = {}
    fields: dict[str, list[str]] = {}
    flags: set[str] = set()
    current: str | None = None

    def finish() -> None:
        if "msgid" in fields and "fuzzy" not in flags:
            key = "".join(fields["msgid"])
            if "msgid_plural" in fields:
                key += "\0" + "".join(fields["msgid_plural"])
                forms = sorted(name for name in fields if name.startswith("msgstr["))
                value = "\0".join("".join(fields[name]) for name in forms)
            else:
                value = "".join(fields.get("msgstr", []))
            if all(value.split("\0")):
                entries[key] = value
        fields.clear()
        flags.clear()

    for number, raw in enumerate(po_file.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if any(name.startswith("msgstr") for name in fields):
                finish()  # a comment after a translation starts the next entry
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"{po_file}:{number}: a string outside an entry")
            fields[current].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and any(name.startswith("msgstr") for name in fields):
            finish()
        current = keyword
        fields[current] = [ast.literal_eval(rest)]
    finish()
    return entries


def write_mo(entries: dict[str, str], mo_file: Path) -> None:
    """A GNU .mo file of ``entries`` (sorted keys, no hash table), as msgfmt writes one."""
    keys = sorted(entries)
    ids = strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        key_bytes, value_bytes = key.encode("utf-8"), entries[key].encode("utf-8")
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    start_keys = 7 * 4
    start_values = start_keys + len(keys) * 8
    start_ids = start_values + len(keys) * 8
    start_strs = start_ids + len(ids)
    key_table: list[int] = []
    value_table: list[int] = []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, start_ids + id_offset]
        value_table += [str_length, start_strs + str_offset]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), start_keys, start_values, 0, 0)
    mo_file.write_bytes(header + struct.pack(f"{len(key_table)}i", *key_table)
                        + struct.pack(f"{len(value_table)}i", *value_table) + ids + strs)


# --- the commands ------------------------------------------------------------------------------

def compile_all(out: Path = I18N) -> list[Path]:
    """Compiles every language's sources into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for code in LANGUAGES:
        ts_file, po_file = I18N / f"studyapp_{code}.ts", I18N / f"core_{code}.po"
        if ts_file.exists():
            compile_ts(ts_file, out / f"studyapp_{code}.qm")
            written.append(out / f"studyapp_{code}.qm")
        if po_file.exists():
            write_mo(read_po(po_file), out / f"core_{code}.mo")
            written.append(out / f"core_{code}.mo")
    return written


def stale_files() -> list[str]:
    """The compiled files that differ from what the sources compile to (or are missing)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = compile_all(Path(folder))
        return [path.name for path in fresh
                if not (I18N / path.name).exists()
                or (I18N / path.name).read_bytes() != path.read_bytes()]


def extract() -> None:
    """Refreshes the .ts files from the UI code and the .po files from core and the CLI."""
    from babel.messages.frontend import CommandLineInterface  # the dev extra

    def pybabel(args: list[str]) -> None:
        if CommandLineInterface().run(args):
            raise SystemExit(f"pybabel {args[2]} failed")

    for code in LANGUAGES:
        lupdate(I18N / f"studyapp_{code}.ts")
    pot = I18N / "core.pot"
    sources = [str(path.relative_to(ROOT)) for path in CORE_SOURCES]
    pybabel(["pybabel", "-q", "extract", "--no-location", "--sort-output",
             "--no-default-keywords", "-k", "msg", "-k", "msg_n:1,2", "-k", "N_",
             "-o", str(pot), *sources])
    for code in LANGUAGES:
        po_file = I18N / f"core_{code}.po"
        command = ["update", "--no-fuzzy-matching", "--ignore-obsolete"] \
            if po_file.exists() else ["init"]
        pybabel(["pybabel", "-q", *command, "-i", str(pot), "-o", str(po_file),
                 "-l", code, *(["-D", "core"] if command == ["init"] else [])])
    pot.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=("compile", "extract"),
                        default="compile")
    parser.add_argument("--check", action="store_true",
                        help="only say whether the compiled files are up to date")
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract()
        return 0
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"{I18N / name}: not what the sources compile to; run "
                  "python scripts/build_translations.py", file=sys.stderr)
        return 1 if stale else 0
    for path in compile_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
