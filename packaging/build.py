"""Builds StudyApp for office PCs and smoke-tests what it built. docs/packaging.md says more.

    python packaging/build.py [--skip-packages] [--chroot DIR]

0. The translations (scripts/build_translations.py: .ts -> .qm, .po -> .mo).
1. The app's icons from resources/app/studyapp.svg (make_icons.py); on Windows the version
   resource.
2. PyInstaller (packaging/studyapp.spec; installed from the ``build`` extra when missing):
   ``build/dist/StudyApp/``, one folder with the window program and the command line.
   On Linux the ICU data is trimmed to root/English/Chinese (trim_icu.py).
3. The smoke test of the BUILT program, with no network where the machine allows a network
   namespace: ``--version``; ``validate`` on the built-in sets; ``stats --json``; the window
   (offscreen) through each view and the PDF export (ui/self_test.py); portable mode (the
   marker file, and ``portable = true`` in studyapp-site.ini); a broken install (a missing
   data file) that must say so and fail.
4. The packages: Linux ``studyapp-VERSION-linux-ARCH.tar.xz`` and ``studyapp_VERSION_ARCH.deb``;
   Windows ``StudyApp-VERSION-windows-x64-portable.zip`` and, where Inno Setup's ISCC is
   found, ``StudyApp-VERSION-setup.exe``. Sizes go to ``build/dist/sizes.json`` and the limits
   (folder <= 120 MB, .tar.xz <= 50 MB) are checked.
5. ``--chroot DIR`` (Linux, as root): installs the .deb with ``dpkg -i`` into a copy of a
   clean Debian root made by debootstrap, then starts it there without network.

The build covers the CPU architecture and C library it runs on (x86_64 here): build on
each target architecture (amd64, arm64, loongarch64 for Kylin/UOS on Loongson...) and on the
oldest glibc to support.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DIST = BUILD / "dist"
FOLDER = DIST / "StudyApp"
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
MAX_FOLDER = 120_000_000  # bytes, unpacked
MAX_TAR_XZ = 50_000_000
DEB_NAME = "studyapp"
# xz -1: 15 s and 38.9 MB for the 110 MB folder here; -6 took 133 s for 35.0 MB (2 cores).
XZ_LEVEL = 1
CHINESE_NAME = "干部学习助手"  # docs/packaging.md → The name on the desktop


def version() -> str:
    text = (ROOT / "src" / "studyapp" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match is not None
    return match.group(1)


def step(text: str) -> float:
    print(f"\n== {text}", flush=True)
    return time.monotonic()


def run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], text=True, **kwargs)  # type: ignore[call-overload]


# -- building ----------------------------------------------------------------------------
def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller not installed: installing the build extra")
        run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10,<7"], check=True)


def windows_version_file(out: Path) -> Path:
    """The VERSIONINFO resource (File properties → Details on Windows)."""
    numbers = [int(part) for part in re.findall(r"\d+", version())[:3]] + [0, 0, 0]
    quad = tuple(numbers[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'StudyApp'),
      StringStruct('FileDescription', 'StudyApp {CHINESE_NAME}'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('InternalName', 'StudyApp'),
      StringStruct('LegalCopyright', 'MIT licence'),
      StringStruct('OriginalFilename', 'StudyApp.exe'),
      StringStruct('ProductName', 'StudyApp'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])])
  ]
)
"""
    out.write_text(text, encoding="utf-8")
    return out


def build_folder() -> None:
    started = step("translations")
    # The .qm and .mo the app loads, compiled from resources/i18n's .ts and .po sources.
    run([sys.executable, ROOT / "scripts" / "build_translations.py"], check=True)
    step("icons")
    icons = BUILD / "icons"
    run([sys.executable, ROOT / "packaging" / "make_icons.py", icons], check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    env = {**os.environ, "STUDYAPP_ICON_DIR": str(icons)}
    if WINDOWS:
        env["STUDYAPP_VERSION_FILE"] = str(windows_version_file(BUILD / "version_info.txt"))
    step("PyInstaller")
    ensure_pyinstaller()
    shutil.rmtree(FOLDER, ignore_errors=True)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", BUILD / "work", ROOT / "packaging" / "studyapp.spec"],
        check=True, env=env)
    if LINUX:
        icu = FOLDER / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73"
        if icu.is_file():
            run([sys.executable, ROOT / "packaging" / "trim_icu.py", icu], check=True)
        (FOLDER / "studyapp").symlink_to("StudyApp")  # the command line: the same program
        shutil.copyfile(icons / "studyapp.png", FOLDER / "studyapp.png")
    if WINDOWS:
        # `studyapp` in cmd finds studyapp.com before StudyApp.exe (PATHEXT): the console one.
        (FOLDER / "studyapp-console.exe").rename(FOLDER / "studyapp.com")
    print(f"built {FOLDER} in {time.monotonic() - started:.0f} s")


# -- the smoke test ----------------------------------------------------------------------
def cli_program() -> Path:
    return FOLDER / ("studyapp.com" if WINDOWS else "studyapp")


def gui_program() -> Path:
    return FOLDER / ("StudyApp.exe" if WINDOWS else "StudyApp")


def no_network_prefix() -> list[str]:
    """``unshare -n`` (a network namespace with no interfaces) where this machine allows it."""
    if not LINUX or shutil.which("unshare") is None:
        return []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


class Smoke:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.prefix = no_network_prefix()
        home = work / "home"
        home.mkdir()
        # Nothing of the builder's own: a home of its own, no site settings, no Python paths.
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("PYTHON", "STUDYAPP_", "VIRTUAL_ENV", "QT_"))}
        self.env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData"),
                        LOCALAPPDATA=str(home / "Local"), XDG_DATA_HOME=str(home / "data"),
                        XDG_CONFIG_HOME=str(home / "config"),
                        XDG_CONFIG_DIRS=str(work / "etc-xdg"), QT_QPA_PLATFORM="offscreen")
        self.failures: list[str] = []

    def call(self, program: Path, *args: str | Path, env: dict[str, str] | None = None,
             timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return run([*self.prefix, program, *args], capture_output=True, timeout=timeout,
                   env={**self.env, **(env or {})}, encoding="utf-8", errors="replace")

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok
                                                          else ""), flush=True)
        if not ok:
            self.failures.append(name)

    def run_all(self) -> list[str]:
        started = step("smoke test of the built program" + (
            f" (no network: {' '.join(self.prefix)})" if self.prefix else ""))
        self.version()
        self.validate()
        self.stats()
        self.window()
        self.portable()
        self.broken_install()
        print(f"smoke test: {len(self.failures)} failed, in {time.monotonic() - started:.0f} s")
        return self.failures

    def version(self) -> None:
        result = self.call(cli_program(), "--version")
        self.check("--version", result.returncode == 0
                   and result.stdout.strip().endswith(version()), result.stdout + result.stderr)

    def validate(self) -> None:
        sets = sorted((FOLDER / "_internal" / "studyapp" / "questions").glob("*.yaml"))
        result = self.call(cli_program(), "validate", *sets)
        self.check(f"validate on the {len(sets)} built-in sets",
                   len(sets) >= 4 and result.returncode == 0, result.stderr[-2000:])

    def stats(self) -> None:
        data = self.work / "stats-data"
        result = self.call(cli_program(), "--data-dir", data, "stats", "--json")
        try:
            stats = json.loads(result.stdout)
        except json.JSONDecodeError:
            stats = None
        self.check("stats --json", result.returncode == 0 and isinstance(stats, dict),
                   result.stdout[-500:] + result.stderr[-2000:])

    def window(self) -> None:
        out = self.work / "window"
        result = self.call(gui_program(), "--data-dir", self.work / "window-data",
                           env={"STUDYAPP_SELF_TEST": str(out)})
        report_file = out / "self-test.json"
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.is_file() \
            else {}
        views = report.get("views", {})
        self.check("the window through each view (offscreen)",
                   result.returncode == 0 and report.get("ok") is True
                   and all(views.get(v, {}).get("shown") for v in ("read", "cards", "quiz",
                                                                    "progress")),
                   json.dumps(report)[-2000:] + result.stderr[-2000:])
        pdf = out / "progress.pdf"
        self.check("the PDF export", pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"))
        shots = BUILD / "smoke"
        shutil.rmtree(shots, ignore_errors=True)
        if out.is_dir():
            shutil.copytree(out, shots)  # to look at: build/smoke/view-*.png, progress.pdf

    def portable(self) -> None:
        data = FOLDER / "data"
        for name, marker, text in (
                ("portable mode (studyapp-portable.txt)", "studyapp-portable.txt", ""),
                ("portable mode (studyapp-site.ini: portable = true)", "studyapp-site.ini",
                 "[locked]\nportable = true\n")):
            (FOLDER / marker).write_text(text, encoding="utf-8")
            try:
                result = self.call(cli_program(), "stats", "--json")
                made = (data / "profiles" / "default.sqlite3").is_file()
                self.check(name, result.returncode == 0 and made, result.stderr[-2000:])
            finally:
                (FOLDER / marker).unlink()
                shutil.rmtree(data, ignore_errors=True)

    def broken_install(self) -> None:
        report = FOLDER / "_internal" / "studyapp" / "resources" / "report" / "report.json"
        aside = report.with_name("report.json.aside")
        report.rename(aside)
        data = self.work / "broken-data"
        try:
            result = self.call(gui_program(), "--data-dir", data,
                               env={"STUDYAPP_SELF_TEST": str(self.work / "broken")})
        finally:
            aside.rename(report)
        log = data / "logs" / "studyapp.log"
        text = log.read_text(encoding="utf-8") if log.is_file() else ""
        said = self.work / "broken" / "self-test.json"
        messages = json.loads(said.read_text(encoding="utf-8"))["messages"] if said.is_file() \
            else []
        self.check("a broken install says so in a message box, logs it and stops",
                   result.returncode != 0 and "broken install" in text
                   and any("not installed completely" in m and "report/report.json" in m
                           for m in messages),
                   f"{messages} {text[-2000:]} {result.stderr[-2000:]}")


# -- packages ----------------------------------------------------------------------------
def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def architecture() -> str:
    if LINUX and shutil.which("dpkg"):
        return run(["dpkg", "--print-architecture"], capture_output=True,
                   check=True).stdout.strip()
    return {"x86_64": "amd64", "AMD64": "amd64", "aarch64": "arm64"}.get(
        platform.machine(), platform.machine().lower())


def tar_xz() -> Path:
    target = DIST / f"studyapp-{version()}-linux-{platform.machine()}.tar.xz"
    top = f"studyapp-{version()}"
    if shutil.which("tar") and shutil.which("xz"):  # xz -T0: every core
        run(["tar", "-C", DIST, "--owner=0", "--group=0", "--numeric-owner",
             f"--transform=s,^StudyApp,{top},", "-cf", target.with_suffix(""), "StudyApp"],
            check=True)
        target.unlink(missing_ok=True)
        run(["xz", "-T0", f"-{XZ_LEVEL}", target.with_suffix("")], check=True)
    else:
        with tarfile.open(target, "w:xz", preset=XZ_LEVEL) as archive:
            archive.add(FOLDER, arcname=top)
    return target


def desktop_entry() -> str:
    return f"""[Desktop Entry]
Type=Application
Name=StudyApp
Name[zh_CN]={CHINESE_NAME}
GenericName=Study and quiz
GenericName[zh_CN]=学习与测验
Comment=Study the report section by section, with flashcards and quizzes
Comment[zh_CN]=逐节学习报告，用记忆卡片和测验巩固所学
Exec=/opt/studyapp/StudyApp
Icon=studyapp
Terminal=false
Categories=Education;
Keywords=study;quiz;flashcards;training;
Keywords[zh_CN]=学习;测验;记忆卡片;干部;培训;
StartupWMClass=StudyApp
"""


def glibc_version() -> str:
    return platform.libc_ver()[1] or "2.17"


def deb() -> Path:
    arch = architecture()
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    opt = root / "opt" / "studyapp"
    shutil.copytree(FOLDER, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "studyapp").symlink_to("/opt/studyapp/studyapp")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "studyapp.desktop").write_text(desktop_entry(), encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size, source in (("256x256", BUILD / "icons" / "studyapp.png"),
                         ("48x48", BUILD / "icons" / "studyapp-48.png"),
                         ("scalable", ROOT / "resources" / "app" / "studyapp.svg")):
        folder = icons / size / "apps"
        folder.mkdir(parents=True)
        shutil.copyfile(source, folder / f"studyapp{source.suffix}")
    docs = root / "usr" / "share" / "doc" / DEB_NAME
    docs.mkdir(parents=True)
    shutil.copyfile(ROOT / "docs" / "packaging.md", docs / "packaging.md")
    control = root / "DEBIAN"
    control.mkdir()
    installed_kib = folder_bytes(root) // 1024
    (control / "control").write_text(f"""Package: {DEB_NAME}
Version: {version()}
Architecture: {arch}
Maintainer: StudyApp maintainers <studyapp@localhost>
Installed-Size: {installed_kib}
Depends: libc6 (>= {glibc_version()})
Recommends: fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei, fontconfig
Section: education
Priority: optional
Description: offline study and quiz app for a report on cadres' innovation ability
 StudyApp presents the report section by section, with flashcards (spaced
 repetition) and quizzes, and keeps each learner's progress in a local SQLite
 file; trainers load their own question sets from files. It needs no network.
 Installed in /opt/studyapp with the command studyapp; the window is
 "{CHINESE_NAME}" in the applications menu. Machine-wide settings:
 /etc/xdg/StudyApp/studyapp-site.ini (see /usr/share/doc/studyapp).
""", encoding="utf-8")
    for script, text in (("postinst", "configure"), ("postrm", "remove")):
        path = control / script
        path.write_text(f"""#!/bin/sh
set -e
# Menus and icons pick the app up (or drop it) at once where these tools are installed.
if [ "$1" = "{text}" ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
fi
exit 0
""", encoding="utf-8")
        path.chmod(0o755)
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    target = DIST / f"{DEB_NAME}_{version()}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{XZ_LEVEL}", "--build", root, target],
        check=True,
        stdout=subprocess.DEVNULL)
    return target


def portable_zip() -> Path:
    """Windows: the folder with the portable marker, zipped."""
    target = DIST / f"StudyApp-{version()}-windows-x64-portable.zip"
    marker = FOLDER / "studyapp-portable.txt"
    marker.write_text("StudyApp keeps its data in the data folder beside this file.\r\n",
                      encoding="utf-8")
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(FOLDER.rglob("*")):
                archive.write(path, Path("StudyApp") / path.relative_to(FOLDER))
    finally:
        marker.unlink()
    return target


def inno_setup() -> Path | None:
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(os.environ.get("ProgramFiles(x86)", "C:/Program Files (x86)"))
                          / "Inno Setup 6" / "ISCC.exe",) if p.is_file()), None)
    if iscc is None:
        print("Inno Setup's ISCC not found: no installer (choco install innosetup)")
        return None
    run([iscc, f"/DAppVersion={version()}", f"/DSourceDir={FOLDER}", f"/DOutputDir={DIST}",
         f"/DIconFile={BUILD / 'icons' / 'studyapp.ico'}",
         ROOT / "packaging" / "windows" / "studyapp.iss"], check=True)
    return DIST / f"StudyApp-{version()}-setup.exe"


def deb_in_chroot(package: Path, chroot: Path) -> list[str]:
    """Installs the .deb with dpkg -i in a copy of a clean Debian root and starts it there,
    with no network; the clean root itself is left as it was (root only)."""
    step(f"the .deb in a clean Debian root ({chroot})")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(dir=BUILD) as work_dir:
        root = Path(work_dir) / "root"
        run(["cp", "-a", chroot, root], check=True)
        shutil.copyfile(package, root / "tmp" / package.name)
        steps = [
            ("dpkg -i", f"dpkg -i /tmp/{package.name}"),
            ("studyapp --version", "studyapp --version"),
            ("the window offscreen", "QT_QPA_PLATFORM=offscreen STUDYAPP_SELF_TEST=/tmp/st "
             "/opt/studyapp/StudyApp --data-dir /tmp/data && grep -q '\"ok\": true' "
             "/tmp/st/self-test.json"),
            ("dpkg -r", "dpkg -r studyapp && test ! -e /usr/bin/studyapp"),
        ]
        prefix = no_network_prefix()
        for name, command in steps:
            result = run([*prefix, "chroot", root, "/bin/sh", "-c", command],
                         capture_output=True, timeout=300)
            ok = result.returncode == 0
            print(f"  {'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else
                  f": {result.stdout[-1500:]}{result.stderr[-1500:]}"), flush=True)
            if not ok:
                failures.append(name)
    return failures


# -- main --------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-packages", action="store_true",
                        help="build and smoke-test the folder only")
    parser.add_argument("--chroot", type=Path,
                        help="a clean Debian root (debootstrap) to install the .deb in")
    args = parser.parse_args(argv)
    if args.chroot is not None and not (args.chroot / "var" / "lib" / "dpkg").is_dir():
        parser.error(f"{args.chroot} is not a Debian root (debootstrap makes one)")
    started = time.monotonic()
    BUILD.mkdir(exist_ok=True)
    build_folder()
    with tempfile.TemporaryDirectory(dir=BUILD) as work:
        failures = Smoke(Path(work)).run_all()
    sizes: dict[str, object] = {"version": version(), "machine": platform.machine(),
                                "folder_bytes": folder_bytes(FOLDER)}
    if not args.skip_packages:
        step("packages")
        made = []
        if LINUX:
            made.append(tar_xz())
            if shutil.which("dpkg-deb"):
                made.append(deb())
        if WINDOWS:
            made.append(portable_zip())
            installer = inno_setup()
            if installer is not None:
                made.append(installer)
        for path in made:
            sizes[path.name] = path.stat().st_size
            print(f"  {path} {path.stat().st_size / 1e6:.1f} MB")
        deb_file = next((p for p in made if p.suffix == ".deb"), None)
        if args.chroot is not None and deb_file is not None:
            failures += deb_in_chroot(deb_file, args.chroot)
    step("sizes")
    print(f"  folder {sizes['folder_bytes'] / 1e6:.1f} MB (limit {MAX_FOLDER / 1e6:.0f} MB)")
    if LINUX and sizes["folder_bytes"] > MAX_FOLDER:  # type: ignore[operator]
        failures.append("the folder is over 120 MB")
    for name, size in sizes.items():
        if name.endswith(".tar.xz") and size > MAX_TAR_XZ:  # type: ignore[operator]
            failures.append(f"{name} is over 50 MB")
    (DIST / "sizes.json").write_text(json.dumps(sizes, indent=2), encoding="utf-8")
    print(f"\n{'FAILED: ' + '; '.join(failures) if failures else 'build and smoke test passed'}"
          f" ({time.monotonic() - started:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
