"""PLOVER type -> cooperation/conflict class and default intensity, as SQL parameters.

Read from the analytics data file (data/analytics/plover_scores.tsv) when it is installed, so the
API and the analytics package score events the same way; the PLOVER manual's quad classes are the
fallback.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ..records import PLOVER_TYPES

COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
# Statuses that say the event did not (or not yet) happen do not move the scores.
UNSCORED_STATUSES = ("negated", "hypothetical")


@lru_cache(maxsize=1)
def score_table() -> tuple[tuple[str, str, float], ...]:
    """(type, class, intensity) for the 16 PLOVER types."""
    rows: dict[str, tuple[str, str, float]] = {}
    try:
        text = resources.files("dyadwatch").joinpath("data/analytics/plover_scores.tsv").read_text()
    except (FileNotFoundError, OSError):
        text = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0] in PLOVER_TYPES and parts[2] in ("cooperation", "conflict"):
            try:
                rows[parts[0]] = (parts[0], parts[2], float(parts[3]))
            except ValueError:
                continue
    for t in PLOVER_TYPES:
        rows.setdefault(t, (t, "cooperation" if t in COOPERATION else "conflict", 1.0))
    return tuple(rows[t] for t in PLOVER_TYPES)


def scores_cte() -> tuple[str, list[Any]]:
    """A ``scores(type, cls, intensity)`` CTE body with its parameters."""
    table = score_table()
    values = ", ".join("(?, ?, ?)" for _ in table)
    params: list[Any] = [v for row in table for v in row]
    return f"scores(type, cls, intensity) AS (VALUES {values})", params


def weight_sql(alias: str = "e") -> str:
    """Per-event weight: |Goldstein| when coded, else the type's default intensity."""
    unscored = ", ".join(f"'{s}'" for s in UNSCORED_STATUSES)
    return (
        f"CASE WHEN {alias}.status IN ({unscored}) THEN 0.0 "
        f"ELSE coalesce(abs({alias}.goldstein), s.intensity, 1.0) END"
    )
