"""studyapp.core and studyapp.cli never load Qt (docs/architecture.md, "Layers")."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_core_and_cli_import_no_pyside6() -> None:
    script = textwrap.dedent(
        """
        import pkgutil, sys
        import studyapp.core, studyapp.cli, studyapp.app
        for module in pkgutil.walk_packages(studyapp.core.__path__, "studyapp.core."):
            __import__(module.name)
        from studyapp.cli import build_parser
        build_parser()
        loaded = sorted(name for name in sys.modules if name.startswith("PySide6"))
        print("core modules:", sum(1 for n in sys.modules if n.startswith("studyapp.core.")))
        print("PySide6:", loaded)
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "PySide6: []" in completed.stdout, completed.stdout
    assert "core modules: 0" not in completed.stdout
