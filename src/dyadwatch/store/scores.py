"""PLOVER type -> quad class and default intensity, and status weights.

Lives in the store (below analytics) because the GDELT/POLECAT exports need the quad class
and the store must not import analytics; analytics.series re-exports both.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel

# How much an event counts toward the scores, by status. Denied, negated and hypothetical
# events did not happen (as far as the text says); foreseen ones count half.
STATUS_WEIGHTS: dict[str, float] = {
    "reported": 1.0,
    "claimed": 1.0,
    "alleged": 1.0,
    "acknowledged": 1.0,
    "expected": 0.5,
    "considered": 0.5,
    "denied": 0.0,
    "negated": 0.0,
    "hypothetical": 0.0,
}


class TypeScore(BaseModel):
    quad: int
    cls: Literal["cooperation", "conflict"]
    intensity: float


@cache
def plover_scores() -> dict[str, TypeScore]:
    """PLOVER type -> quad class and default intensity (editable TSV in data/analytics)."""
    text = resources.files("dyadwatch").joinpath("data/analytics/plover_scores.tsv").read_text()
    out: dict[str, TypeScore] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ptype, quad, cls, intensity = line.split("\t")[:4]
        out[ptype.strip()] = TypeScore(quad=int(quad), cls=cls.strip(), intensity=float(intensity))  # type: ignore[arg-type]
    return out
