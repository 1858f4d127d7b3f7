"""PySide's import hook, set aside while the window starts.

Importing PySide6 replaces Python's ``__import__`` with its own (``__feature_import__``,
kept in ``builtins`` with the original as ``__orig_import__``). It exists for
``from __feature__ import snake_case, true_property``, which StudyApp never uses, and for
that it runs a Python function at every import statement and reads the source of every
newly imported module to see whether it names PySide6 (``inspect.getsource``, about 0.1 ms
a module). Until the reader's text is first painted, imports go straight to the original;
then the hook is put back, so a later import behaves as PySide means it to.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable


def pause() -> Callable[[], None]:
    """Imports go to Python's own ``__import__`` until the function returned is called.
    Nothing changes when PySide's hook is not the one installed (another tool's hook)."""
    import PySide6.QtCore  # noqa: F401 - the first PySide import installs the hook

    hook = getattr(builtins, "__feature_import__", None)
    plain = getattr(builtins, "__orig_import__", None)
    if hook is None or plain is None or builtins.__import__ is not hook:
        return lambda: None
    builtins.__import__ = plain

    def resume() -> None:
        if builtins.__import__ is plain:  # nobody else replaced it meanwhile
            builtins.__import__ = hook

    return resume
