"""Trims the ICU data that Qt's libraries bring (libicudata.so.73: 32 MB) to the locales the
app is used in, on Linux builds. ``python packaging/trim_icu.py LIBICUDATA``

Qt's wheels link ICU for collation, text boundaries, time zones and legacy codecs; the data
library holds all of that for some 800 locales. This keeps everything that is not
per-locale (Unicode properties, normalisation, converters, time zones, the supplemental
data) and the locale data of ``root``, English and Chinese (``en*``, ``zh*``), and rebuilds
the library with ICU's own tools (``icupkg``, ``genccode``; Debian's ``icu-devtools``) and
gcc, under the same name, soname and entry point. Other locales' month names, currency
names and collations are what is left out (Qt formats dates and numbers from its own CLDR
tables, not ICU's). Nothing happens, and the script says so, where a tool is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# yue: Hong Kong Chinese's number spelling (rbnf/zh_Hant_HK) refers to it.
KEPT_LOCALES = re.compile(r"^(root|en|zh|yue)(_[A-Za-z0-9_]*)?\.res$")
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9_]*)?\.res$")
TOOLS = ("icupkg", "genccode", "gcc", "readelf")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol (``icudt73_dat``), and its offset and size in the file."""
    symbols = subprocess.run(["readelf", "-Ws", str(library)], capture_output=True, text=True,
                             check=True).stdout
    match = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+DEFAULT\s+(\d+)\s+"
                      r"(icudt\d+_dat)\b", symbols)
    if match is None:
        raise SystemExit(f"{library}: no icudt*_dat symbol")
    address, size, section, name = match.groups()
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True,
                              check=True).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if row is None:
        raise SystemExit(f"{library}: section {section} not found")
    section_address, section_offset = int(row.group(1), 16), int(row.group(2), 16)
    return name, int(address, 16) - section_address + section_offset, int(size, 0)


def removable(items: list[str]) -> list[str]:
    """The package items to leave out: other locales' data (the break-iterator dictionaries
    stay: the root rules refer to them)."""
    out = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        if LOCALE.match(name) and not KEPT_LOCALES.match(name):
            out.append(item)
    return out


def trim(library: Path) -> tuple[int, int]:
    """Replaces ``library`` with the trimmed one; its sizes before and after."""
    before = library.stat().st_size
    name, offset, size = _symbol(library)
    entry = name[: -len("_dat")]
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        package = work / f"{entry}l.dat"
        with library.open("rb") as handle:
            handle.seek(offset)
            package.write_bytes(handle.read(size))
        listing = subprocess.run(["icupkg", "-l", str(package)], capture_output=True,
                                 text=True, check=True).stdout.split()
        drop = removable(listing)
        (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        # icupkg names the items after the output file: it must keep the input's name.
        (work / "out").mkdir()
        trimmed = work / "out" / package.name
        subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(package), str(trimmed)],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["genccode", "-q", "-a", "gcc", "-e", entry, "-f", "data", "-d",
                        str(work), str(trimmed)], check=True)
        built = work / library.name
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o",
                        str(built), str(work / "data.S")], check=True)
        shutil.copyfile(built, library)
    print(f"{library.name}: {len(drop)} of {len(listing)} items left out, "
          f"{before / 1e6:.1f} -> {library.stat().st_size / 1e6:.1f} MB")
    return before, library.stat().st_size


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    if missing_tools():
        print(f"ICU data not trimmed: {', '.join(missing_tools())} not found "
              "(apt-get install icu-devtools gcc)")
        raise SystemExit(0)
    trim(Path(sys.argv[1]))
