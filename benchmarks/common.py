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
    met: bool
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def median(values: list[float]) -> float:
    return statistics.median(values)
