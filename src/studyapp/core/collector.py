"""Python's cyclic garbage collector paused around work that makes many objects at once.

Parsing a large question set, reading the optimiser's history or checking a draft in the
question editor makes hundreds of thousands of objects that all stay alive until the work is
done and form no reference cycles. Each collection they trigger scans an ever larger heap in
vain (a 100,000-question parse took 22 s instead of 10 s), and a full pass holds the
interpreter lock long enough to freeze the window while a worker runs. Reference counting
still frees everything.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pauses the cyclic collector for the block; re-entrant and thread-safe. The collector
    is switched on again when the last block running in any thread ends, and only if it was
    on when the first one began."""
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()
