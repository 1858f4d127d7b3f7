"""Qt looks ``self.tr`` up under the class of the object, while lupdate files the text under
the class the call is written in: a class that calls ``self.tr`` and is the base of another
class would never find its translations (ui/window_menus.py uses translate("MainWindow", ...)
for that reason)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

UI_DIR = Path(__file__).resolve().parents[2] / "src" / "studyapp" / "ui"


def bases_calling_tr(sources: dict[str, str]) -> list[str]:
    """'module: Class' for every class that calls self.tr and is a base of another class."""
    calls_tr: dict[str, str] = {}
    bases: set[str] = set()
    for module, source in sources.items():
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef):
                continue
            bases.update(base.id for base in node.bases if isinstance(base, ast.Name))
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr" and isinstance(call.func.value, ast.Name)
                        and call.func.value.id == "self"):
                    calls_tr[node.name] = module
                    break
    return sorted(f"{calls_tr[name]}: {name}" for name in calls_tr.keys() & bases)


def test_no_ui_class_calling_tr_is_subclassed() -> None:
    sources = {path.name: path.read_text("utf-8") for path in sorted(UI_DIR.glob("*.py"))}
    assert bases_calling_tr(sources) == []


def test_the_check_finds_a_subclassed_class_calling_tr() -> None:
    snippet = '''
class Menus(QMainWindow):
    def build(self):
        self.menuBar().addMenu(self.tr("&File"))

class Window(Menus):
    pass
'''
    assert bases_calling_tr({"snippet.py": snippet}) == ["snippet.py: Menus"]


def test_qt_looks_tr_up_under_the_objects_own_class(qapp: QCoreApplication) -> None:
    """Why the rule holds: the context of self.tr is the class of the object."""
    contexts: list[str] = []

    class Recorder(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            contexts.append(context)
            return ""

    class Base(QObject):
        def text(self) -> str:
            return self.tr("hello")

    class Derived(Base):
        pass

    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        Derived().text()
    finally:
        qapp.removeTranslator(recorder)
    assert contexts == ["Derived"]
