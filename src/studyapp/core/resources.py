"""One place that finds the files shipped with the app (report, questions, icons, styles).

An installed wheel carries ``resources/`` and ``questions/`` inside the ``studyapp``
package; an editable install or a source checkout keeps them at the project root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.core.messages import msg

if TYPE_CHECKING:  # importlib.resources loads only for a zipped package (~2 ms at start-up)
    from importlib.resources.abc import Traversable


class MissingResourceError(RuntimeError):
    """A file that ships with the app is not where it should be (a broken install)."""


@cache
def _root(kind: str) -> Traversable:
    module = Path(__file__).resolve()
    # A package loaded from plain files (a wheel's folder, a checkout) is its own folder:
    # what resources.files would give, without the ~2 ms its readers take to import.
    if module.is_file():
        packaged: Traversable = module.parents[1] / kind
    else:
        from importlib import resources

        packaged = resources.files("studyapp") / kind
    if packaged.is_dir():
        return packaged
    source_tree = module.parents[3] / kind
    if source_tree.is_dir():
        return source_tree
    raise MissingResourceError(msg(
        "The app's '{kind}' folder is missing. Reinstall StudyApp to repair it.", kind=kind
    ).render())


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``, e.g. ``resource("report", "report.json")``."""
    return _join(_root("resources"), parts)


def questions_dir() -> Traversable:
    """The folder of built-in question sets (``questions/``)."""
    return _root("questions")


def read_text(*parts: str) -> str:
    path = resource(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as error:
        raise MissingResourceError(msg(
            "The app's resource '{name}' is missing. Reinstall StudyApp to repair it.",
            name="/".join(parts)).render()) from error


def _join(root: Traversable, parts: tuple[str, ...]) -> Traversable:
    path = root
    for part in parts:
        path = path / part
    return path
