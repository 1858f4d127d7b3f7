"""Every user-visible string in studyapp.ui goes through Qt's translation functions.

Two guards:

- An AST walk over src/studyapp/ui/ finds string literals and f-strings handed straight to a
  Qt text sink (``QLabel("Import")``, ``button.setToolTip(f"...")``, ``QMessageBox.warning``'s
  title and text, ``showMessage``, header labels, ...) instead of through ``self.tr(...)`` or
  ``QCoreApplication.translate("Context", ...)``. It also finds translation calls that
  ``pyside6-lupdate`` cannot extract: an f-string or a joined string as the source text, a
  module-level ``tr()`` wrapper (lupdate files its strings under an empty context, so a
  translation would never be found at run time), ``other.tr(...)`` (lupdate takes the
  context from the word before ``.tr``).
- ``pyside6-lupdate`` is run over the UI modules into a temporary .ts file, and strings from
  several modules must come out under the context the code looks them up in.

Text that is not words passes: icon and object names are not sinks, and ``""``, ``"·"``,
``"→"``, numbers or a format skeleton of placeholders only (``"{0} / {1}"``, ``"%1"``) have no
letters once placeholders and HTML tags are taken out.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

UI_DIR = Path(__file__).resolve().parents[2] / "src" / "studyapp" / "ui"

# Constructors whose positional string arguments are shown (label, button and action texts,
# a message box's title and text).
SINK_CLASSES = frozenset({
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QAction", "QMenu", "QCommandLinkButton", "QMessageBox", "QTreeWidgetItem",
    "QListWidgetItem", "QTableWidgetItem", "QStandardItem", "QProgressDialog",
})

# Methods whose string arguments are shown. A value of None: every positional argument;
# otherwise the positions that carry text (the others are indexes, icons, parents).
SINK_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": None,
    "setToolTip": None,
    "setStatusTip": None,
    "setWhatsThis": None,
    "setWindowTitle": None,
    "setWindowIconText": None,
    "setPlaceholderText": None,
    "setAccessibleName": None,
    "setAccessibleDescription": None,
    "setTitle": None,
    "setSubTitle": None,
    "setLabelText": None,
    "setInformativeText": None,
    "setDetailedText": None,
    "setButtonText": None,
    "setCancelButtonText": None,
    "setOkButtonText": None,
    "setPrefix": None,
    "setSuffix": None,
    "setSpecialValueText": None,
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "setHeaderLabels": None,
    "setHorizontalHeaderLabels": None,
    "setVerticalHeaderLabels": None,
    "addTab": None,
    "insertTab": None,
    "addItems": None,
    "addAction": None,
    "addMenu": None,
    "addButton": None,
    "addRow": None,
    "showMessage": None,
    "setNameFilter": None,
    "setNameFilters": None,
    # QMessageBox / QFileDialog / QInputDialog statics: (parent, title, text, ...)
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
}

# Keyword arguments that carry shown text, wherever they appear.
TEXT_KEYWORDS = frozenset({"text", "title", "caption", "toolTip", "label"})

# The app's own helpers are sinks too: a parameter of a function or method defined in
# studyapp.ui with one of these names is shown (``self._action("&Quit", ...)``,
# ``heading("Problems")``, ``confirm(self, title, text, yes, no)``).
TEXT_PARAMETERS = frozenset({"text", "title", "label", "message", "tooltip", "tip", "caption",
                             "yes", "no"})

# Literals that are shown as they are in every language. Keep this list short: each entry
# says why it cannot be translated.
ALLOWED = frozenset({
    "StudyApp",  # the product name
})

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%n|%L\d+|%[sdf]|&[a-z]+;|&#\d+;|<[^<>]*>")


def has_words(text: str) -> bool:
    """True if ``text`` would need translating: letters remain once placeholders go."""
    stripped = _PLACEHOLDER.sub("", text)
    for word in ALLOWED:
        stripped = stripped.replace(word, "")
    return any(char.isalpha() for char in stripped)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.why}: {self.text!r}"


def _is_translation_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        if func.attr == "tr":
            return True
        # QCoreApplication.translate, not QPainter.translate(point)
        return func.attr == "translate" and isinstance(func.value, ast.Name) and (
            func.value.id in {"QCoreApplication", "QApplication", "QGuiApplication"})
    return isinstance(func, ast.Name) and func.id in {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _is_text(node: ast.expr) -> bool:
    """A literal, an f-string or a translation: an argument that is text, not an icon."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(
        node, ast.JoinedStr) or _is_translation_call(node)


def _is_message_signal(func: ast.expr) -> bool:
    """``self.status_message.emit(...)``: a signal whose text the window shows."""
    if not isinstance(func, ast.Attribute):
        return False
    signal = func.value
    name = signal.attr if isinstance(signal, ast.Attribute) else getattr(signal, "id", "")
    return "message" in name or "status" in name


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


Helpers = dict[str, frozenset[int]]  # helper name -> positions of shown text


def text_helpers(tree: ast.AST) -> Helpers:
    """Functions and methods defined in ``tree`` that take shown text, and where."""
    helpers: dict[str, set[int]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        names = [arg.arg for arg in node.args.args]
        skip = 1 if names and names[0] in {"self", "cls"} else 0
        positions = {index - skip for index, name in enumerate(names)
                     if index >= skip and name in TEXT_PARAMETERS}
        if positions:
            helpers.setdefault(node.name, set()).update(positions)
    return {name: frozenset(positions) for name, positions in helpers.items()}


class _Walker(ast.NodeVisitor):
    def __init__(self, path: str, helpers: Helpers) -> None:
        self.path = path
        self.helpers = helpers
        self.findings: list[Finding] = []

    def _flag(self, node: ast.AST, text: str, why: str) -> None:
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), text, why))

    # -- shown text that bypasses translation -------------------------------------------

    def _check_shown(self, node: ast.AST, sink: str) -> None:
        """Flag literal words in an expression whose value is shown to the user."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if has_words(node.value):
                self._flag(node, node.value, f"untranslated text passed to {sink}")
        elif isinstance(node, ast.JoinedStr):
            literal = "".join(
                part.value for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            if has_words(literal):
                self._flag(node, literal, f"untranslated f-string passed to {sink}")
        elif isinstance(node, ast.BinOp):
            self._check_shown(node.left, sink)
            if not isinstance(node.op, ast.Mod):
                self._check_shown(node.right, sink)
        elif isinstance(node, ast.IfExp):
            self._check_shown(node.body, sink)
            self._check_shown(node.orelse, sink)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self._check_shown(value, sink)
        elif isinstance(node, (ast.List, ast.Tuple)):
            for element in node.elts:
                self._check_shown(element, sink)
        elif isinstance(node, ast.Call) and not _is_translation_call(node):
            func = node.func
            # "text {0}".format(...), "sep".join(...): the literal is what is shown.
            if isinstance(func, ast.Attribute) and func.attr in {"format", "join", "arg"}:
                self._check_shown(func.value, sink)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if _is_translation_call(node):
            self._check_translation(node)
        elif name in SINK_CLASSES:
            for arg in node.args:
                self._check_shown(arg, name)
        elif name in {"addItem", "insertItem"}:
            # QComboBox.addItem(text, data), addItem(icon, text, data), insertItem(i, text, data)
            texts = node.args[1:2] if name == "insertItem" else node.args[:1]
            if texts and not _is_text(texts[0]):
                texts = node.args[1:2] if name == "addItem" else node.args[2:3]
            for arg in texts:
                self._check_shown(arg, name)
        elif name in SINK_METHODS:
            positions = SINK_METHODS[name]
            for index, arg in enumerate(node.args):
                if positions is None or index in positions:
                    self._check_shown(arg, name)
        elif name == "emit" and _is_message_signal(node.func):
            for arg in node.args:
                self._check_shown(arg, "a message signal")
        elif name in self.helpers:
            for index, arg in enumerate(node.args):
                if index in self.helpers[name]:
                    self._check_shown(arg, name)
            for keyword in node.keywords:
                if keyword.arg in TEXT_PARAMETERS:
                    self._check_shown(keyword.value, f"{name}({keyword.arg}=)")
        if name in SINK_CLASSES or name in SINK_METHODS:
            for keyword in node.keywords:
                if keyword.arg in TEXT_KEYWORDS:
                    self._check_shown(keyword.value, f"{name}({keyword.arg}=)")
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        # pyside6-lupdate does not look inside an f-string: f"{tr('Name:')}" stays English.
        # (A variable source, marked with QT_TRANSLATE_NOOP elsewhere, needs no extraction.)
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                for inner in ast.walk(part.value):
                    if not (isinstance(inner, ast.Call) and _is_translation_call(inner)):
                        continue
                    is_tr = isinstance(inner.func, ast.Attribute) and inner.func.attr == "tr"
                    source = inner.args[0 if is_tr else 1:][:1]
                    if source and isinstance(source[0], ast.Constant):
                        self._flag(inner, ast.unparse(inner)[:60],
                                   "a translation inside an f-string is not extracted: "
                                   "translate into a variable first")
        self.generic_visit(node)

    # -- translation calls lupdate cannot extract ----------------------------------------

    def _check_translation(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id == "tr":
            self._flag(node, ast.unparse(node)[:60],
                       "module-level tr() is extracted without a context: use self.tr() or "
                       "QCoreApplication.translate('Context', ...)")
            return
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            if not (isinstance(func.value, ast.Name) and func.value.id == "self"):
                self._flag(node, ast.unparse(node)[:60],
                           "only self.tr() gets its class as context from lupdate")
            source_index = 0
        else:
            source_index = 1  # translate("Context", "source", ...)
            if node.args and not (
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                self._flag(node, ast.unparse(node)[:60], "the context must be a literal")
        if len(node.args) <= source_index:
            return
        source = node.args[source_index]
        if isinstance(source, ast.JoinedStr):
            self._flag(node, ast.unparse(source)[:60],
                       "an f-string cannot be extracted: use '{name}' and .format(name=...)")
        elif isinstance(source, ast.BinOp):
            self._flag(node, ast.unparse(source)[:60],
                       "a joined string cannot be extracted: translate one literal")


def find_untranslated(source: str, path: str = "<snippet>",
                      helpers: Helpers | None = None) -> list[Finding]:
    """What in ``source`` shows text that is not translated, or translates it in a way that
    lupdate cannot extract. ``helpers``: text-taking functions defined elsewhere (by default
    only those defined in ``source``)."""
    tree = ast.parse(source, filename=path)
    walker = _Walker(path, {**text_helpers(tree), **(helpers or {})})
    walker.visit(tree)
    return walker.findings


def _ui_modules() -> list[Path]:
    return sorted(UI_DIR.glob("*.py"))


def _ui_helpers() -> Helpers:
    """Text-taking helpers of every UI module (heading() is defined in import_dialog and
    used in the sets dialog)."""
    helpers: dict[str, frozenset[int]] = {}
    for module in _ui_modules():
        for name, positions in text_helpers(ast.parse(module.read_text("utf-8"))).items():
            helpers[name] = helpers.get(name, frozenset()) | positions
    return helpers


# -- the guard ----------------------------------------------------------------------------


@pytest.mark.parametrize("module", _ui_modules(), ids=lambda path: path.name)
def test_ui_module_has_no_untranslated_text(module: Path) -> None:
    findings = find_untranslated(module.read_text(encoding="utf-8"), module.name, _ui_helpers())
    assert not findings, "\n".join(str(finding) for finding in findings)


# -- the guard can fail ---------------------------------------------------------------------


def test_guard_flags_literals_in_sinks() -> None:
    snippet = '''
class View(QWidget):
    def build(self, count):
        QLabel("Mark as read")
        QPushButton(icon, "Import", self)
        self.button.setToolTip(f"Open {count} sets")
        self.status.showMessage("Saved", 2000)
        QMessageBox.warning(self, "Import failed", self.tr("Could not read the file."))
        self.table.setHeaderLabels([self.tr("Name"), "Questions"])
        menu.addAction("&Quit")
        self.label.setText("Done: " + name)
        self.label.setText("{0} of {1} read".format(a, b))
        self.field.setPlaceholderText(text="Search")
        self.w.setText(("Hide" if shown else self.tr("Show")))
        self._action("&Export results…", "Ctrl+E", self.export)
        heading("Problems", 1.1)
        self.status_message.emit(f"Text size {size} pt")
        self.kinds.addItem(self.tr("minutes of study"), "minutes")
        self.kinds.addItem(icon, "cards reviewed", "reviews")
        self.mode_chosen.emit("exam mode")

    def _action(self, text, shortcut, slot):
        return QAction(text, self)
'''
    texts = [finding.text for finding in find_untranslated(snippet)]
    assert texts == [
        "Mark as read", "Import", "Open  sets", "Saved", "Import failed", "Questions",
        "&Quit", "Done: ", "{0} of {1} read", "Search", "Hide", "&Export results…",
        "Text size  pt", "cards reviewed",
    ]
    helpers = {"heading": frozenset({0})}  # defined in another module
    assert [finding.text for finding in find_untranslated(snippet, helpers=helpers)][-3] == (
        "Problems")


def test_guard_flags_translation_calls_lupdate_cannot_extract() -> None:
    snippet = '''
def tr(text):
    return QCoreApplication.translate("Quiz", text)

class View(QWidget):
    def build(self, count, other):
        tr("Next question")
        self.tr(f"{count} questions")
        QCoreApplication.translate("Quiz", "Imported " + str(count))
        other.tr("Their text")
        QCoreApplication.translate(CONTEXT, "Text")
        painter.translate(self.rect().topLeft())
        html = f"<td>{e(QCoreApplication.translate('Paper', 'Name:'))}</td>"
'''
    whys = [finding.why for finding in find_untranslated(snippet)]
    assert len(whys) == 6
    assert whys[0].startswith("module-level tr()")
    assert whys[1].startswith("an f-string")
    assert whys[2].startswith("a joined string")
    assert whys[3].startswith("only self.tr()")
    assert whys[4].startswith("the context must be a literal")
    assert whys[5].startswith("a translation inside an f-string")


def test_guard_passes_translated_and_wordless_text() -> None:
    snippet = '''
class View(QWidget):
    def build(self, n, name):
        QLabel(self.tr("Mark as read"))
        QPushButton(QCoreApplication.translate("Import", "Import"))
        self.label.setText("")
        self.label.setText("·")
        self.label.setText("→")
        self.label.setText("12")
        self.label.setText(f"{n} / {name}")
        self.label.setText("<b>{0}</b>".format(name))
        self.label.setText("%1".arg(n) if n else "—")
        self.label.setText(self.tr("{count} sets").format(count=n))
        self.label.setText(self.tr("%n questions", "", n))
        self.label.setText(name)
        self.setObjectName("importButton")
        self.setWindowTitle("StudyApp")
'''
    assert find_untranslated(snippet) == []


def test_wordless_text() -> None:
    assert not has_words("{0} · {1}")
    assert not has_words("%1 / %2")
    assert not has_words("<b>%1</b>&nbsp;")
    assert not has_words("<h3>StudyApp {0}</h3>")
    assert has_words("{0} questions")
    assert has_words("问题")  # Chinese is words too: it would be a source string


# -- extraction for real ----------------------------------------------------------------------


def _lupdate() -> list[str]:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-lupdate")
    if found:
        return [found]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "lupdate"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """context -> source texts, as pyside6-lupdate extracts them from src/studyapp/ui."""
    ts = tmp_path_factory.mktemp("i18n") / "studyapp.ts"
    files = [str(path) for path in _ui_modules()]
    completed = subprocess.run(
        [*_lupdate(), *files, "-ts", str(ts)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    messages: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        messages.setdefault(name, set()).update(
            message.findtext("source") or "" for message in context.iter("message")
        )
    return messages


def test_lupdate_extracts_no_context_free_strings(extracted: dict[str, set[str]]) -> None:
    # A module-level tr() wrapper lands here: at run time it looks its text up under
    # another context, so no translation of it would ever be found.
    assert "" not in extracted, sorted(extracted[""])[:20]


def test_lupdate_finds_plural_forms(tmp_path: Path) -> None:
    """``self.tr("...%n...", "", n)`` comes out as a numerus message."""
    source = tmp_path / "plural.py"
    source.write_text('class W(QWidget):\n    def f(self, n):\n'
                      '        return self.tr("Warnings (%n)", "", n)\n', encoding="utf-8")
    ts = tmp_path / "plural.ts"
    subprocess.run([*_lupdate(), str(source), "-ts", str(ts)], capture_output=True,
                   timeout=60, check=True)
    message = ET.parse(ts).getroot().find("context/message")
    assert message is not None and message.get("numerus") == "yes"


@pytest.mark.parametrize(("context", "source"), [
    ("ImportDialog", "Import"),
    ("ImportDialog", "Fix these {count} problems in {where} and try again; nothing has been "
                     "imported."),
    ("import", "Single choice"),  # a QT_TRANSLATE_NOOP table
    ("import", "Answer: {0}"),  # a module-level function
    ("QuestionSetsDialog", "Remove…"),
    ("QuestionSetsDialog", "Kind"),
    ("ScheduleDialog", "Optimise my schedule"),
    ("BackupsDialog", "Before an upgrade"),
    ("SectionText", "In this part"),
    ("ReaderView", "Mark as read"),
    ("ContentsPanel", "Search the report (Ctrl+F)"),
    ("MainWindow", "&Quit"),
    ("MainWindow", "Read the report"),  # the rail's table
    ("QuestionPage", "Next question"),
    ("Flashcards", "Again"),  # the grade names (a module-level function)
    ("Flashcards", "Good"),
    ("ReviewPage", "Show answer"),
])
def test_lupdate_extracts_known_strings(
    extracted: dict[str, set[str]], context: str, source: str
) -> None:
    assert source in extracted.get(context, set()), (
        f"{source!r} not under {context!r}; it is under "
        f"{[name for name, texts in extracted.items() if source in texts]}"
    )
