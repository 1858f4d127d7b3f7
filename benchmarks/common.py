"""What every benchmark returns, and a median helper."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any


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
