"""What every benchmark returns, and a median helper."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

CACHE = Path.home() / ".cache" / "studyapp-bench"  # generated profiles, kept between runs


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: str  # e.g. "<= 2.0"
    met: bool | None  # None: not run here (detail says why), e.g. an optional package missing
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def skipped(name: str, unit: str, target: str, why: str) -> Result:
    """A benchmark this machine cannot run: recorded with ``met: null``, never a failure."""
    return Result(name, 0.0, unit, target, None, f"skipped: {why}")


def median(values: list[float]) -> float:
    return statistics.median(values)


def studyapp_cache(cards: int, reviews: int) -> Path:
    """The cache's data folder for a generated profile of that size, named after the
    schema (a digest of core/migrations.py) that made it. A profile cached before a new
    migration would be upgraded by the first open of every run, and the upgrade's backup
    of the whole profile would still be reaching the disk during the timed rounds; the
    folders of other schemas are removed when this one is made. Made when missing: the
    caller builds into it and then writes its "done" file."""
    spec = importlib.util.find_spec("studyapp.core.migrations")
    assert spec is not None and spec.origin is not None
    schema = hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()[:12]
    folder = CACHE / f"studyapp-{cards}-{reviews}-{schema}"
    if not (folder / "done").exists():
        name = f"studyapp-{cards}-{reviews}"
        for stale in [*CACHE.glob(name), *CACHE.glob(f"{name}-*")]:
            shutil.rmtree(stale, ignore_errors=True)
        folder.mkdir(parents=True)
    return folder
