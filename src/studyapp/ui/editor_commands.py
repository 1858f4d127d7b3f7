"""Undo and redo for the question editor: each core Edit (core/editing.py) as a QUndoCommand.

Typing into one field of one item is one step: a "replace" edit merges with the one before
it when both carry the same merge key (item and field). The document (``EditorDocument``, the
window) applies an edit and redraws what it shows.

Undo keys belong to the editor's stack, not to a field: a line edit or text box would
otherwise take Ctrl+Z for its own small undo (that knows nothing of options added or
questions moved) and the two histories would fight. ``UndoKeysToStack`` is an event filter
that refuses Qt's "shortcut override" for the undo and redo keys in the editor's fields, so
the window's Undo and Redo actions get them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget

from studyapp.core.editing import Edit

MERGE_ID = 0x5ED1  # any fixed number: QUndoStack only merges commands of the same id


class EditorDocument(Protocol):
    def apply_edit(self, edit: Edit, forwards: bool, first: bool) -> None: ...


class EditCommand(QUndoCommand):
    """One edit; ``merge_key`` (e.g. "questions/3/prompt") joins keystrokes into one step."""

    def __init__(self, document: EditorDocument, edit: Edit, text: str,
                 merge_key: str = "") -> None:
        super().__init__(text)
        self.document = document
        self.edit = edit
        self.merge_key = merge_key
        self._first = True

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditCommand) and other.merge_key == self.merge_key
                and self.edit.op == other.edit.op == "replace"
                and self.edit.index == other.edit.index):
            return False
        self.edit = Edit("replace", self.edit.kind, self.edit.index, self.edit.before,
                         other.edit.after)
        return True

    def redo(self) -> None:
        self.document.apply_edit(self.edit, forwards=True, first=self._first)
        self._first = False

    def undo(self) -> None:
        self.document.apply_edit(self.edit, forwards=False, first=False)


class UndoKeysToStack(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z (and the platform's undo and redo keys) typed in any
    field of ``window`` to the window's actions instead of the field's own undo."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and isinstance(watched, QWidget) and watched.window() is self.window
                and _is_undo_key(event)):
            event.ignore()  # not the field's: the shortcut goes to the window's action
            return True
        return False


def _is_undo_key(event: QKeyEvent) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z"))
