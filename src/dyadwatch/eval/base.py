"""What every evaluation suite returns, and how gold files are fingerprinted."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SuiteResult:
    suite: str
    metrics: dict[
        str, float
    ]  # headline metrics, all "higher is better", gated by eval/baseline.json
    n: int  # number of gold items scored
    gold_hash: str  # hash_files() of the gold files read
    details: dict[str, Any] = field(default_factory=dict)  # per-doc scores, confusions, ...
    notes: list[str] = field(default_factory=list)  # mappings applied, sampling used, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def hash_files(paths: Iterable[Path]) -> str:
    """Order-independent sha256 over file names and contents."""
    h = hashlib.sha256()
    for p in sorted(Path(x) for x in paths):
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
