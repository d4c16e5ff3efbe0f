"""Event weights for cooperation/conflict scores, as SQL: the analytics package's definition.

weight = status weight (analytics.series.STATUS_WEIGHTS: denied/negated/hypothetical count 0,
expected/considered half) x intensity (|Goldstein| when non-zero, else the PLOVER type's default
from data/analytics/plover_scores.tsv). Using the same tables keeps the API's scores equal to
`dyadwatch dyad`'s.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..analytics.series import STATUS_WEIGHTS, plover_scores
from ..records import PLOVER_TYPES, STATUSES

COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")


@lru_cache(maxsize=1)
def score_table() -> tuple[tuple[str, str, float], ...]:
    """(type, class, intensity) for the 16 PLOVER types."""
    known = plover_scores()
    rows = []
    for t in PLOVER_TYPES:
        ts = known.get(t)
        if ts is not None:
            rows.append((t, ts.cls, ts.intensity))
        else:  # the manual's quad classes when the data file lacks a type
            rows.append((t, "cooperation" if t in COOPERATION else "conflict", 1.0))
    return tuple(rows)


def scores_cte() -> tuple[str, list[Any]]:
    """A ``scores(type, cls, intensity)`` CTE body with its parameters."""
    table = score_table()
    values = ", ".join("(?, ?, ?)" for _ in table)
    params: list[Any] = [v for row in table for v in row]
    return f"scores(type, cls, intensity) AS (VALUES {values})", params


def weight_sql(alias: str = "e") -> str:
    """Per-event weight; needs the scores CTE joined as ``s``. Status names and weights are
    the fixed tables above (never request input), so they are written as literals."""
    cases = " ".join(
        f"WHEN '{s}' THEN {float(w)!r}" for s, w in STATUS_WEIGHTS.items() if s in STATUSES
    )
    return (
        f"(CASE {alias}.status {cases} ELSE 1.0 END) * (CASE WHEN coalesce({alias}.goldstein, 0)"
        f" <> 0 THEN abs({alias}.goldstein) ELSE coalesce(s.intensity, 0.0) END)"
    )
