"""Dyad ranking by volume and trend for /api/dyads and the home page.

Trend = the analytics package's test (Theil–Sen slope + Mann–Kendall) on the last ``window``
periods of the net (cooperation − conflict) score; the alarm fires when it is significant.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ..analytics.trend import trend
from .queries import period_range


def rank_dyads(
    rows: list[dict[str, Any]], freq: str, sort: str, alpha: float = 0.05, window: int = 12
) -> list[dict[str, Any]]:
    """Turn per-period dyad rows into ranked dyads with sparkline series and trend stats."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[(r["a"], r["b"])].append(r)
    # every series runs to the latest period seen anywhere: a dyad gone quiet trends to zero
    last = max((r["period"] for r in rows if r["period"] is not None), default=None)
    out: list[dict[str, Any]] = []
    for (a, b), rs in grouped.items():
        dated = [r for r in rs if r["period"] is not None]
        total = sum(int(r["n"]) for r in rs)
        coop = sum(float(r["cooperation"] or 0) for r in rs)
        conf = sum(float(r["conflict"] or 0) for r in rs)
        periods: list[date] = []
        if dated and last is not None:
            periods = period_range(dated[0]["period"], last, freq)
        by_p = {
            r["period"]: float(r["cooperation"] or 0) - float(r["conflict"] or 0) for r in dated
        }
        net = [round(by_p.get(p, 0.0), 3) for p in periods]
        result = trend(net, window=window, alpha=alpha)
        out.append(
            {
                "dyad": f"{a}-{b}",
                "a": a,
                "b": b,
                "events": total,
                "cooperation": round(coop, 3),
                "conflict": round(conf, 3),
                "net": round(coop - conf, 3),
                "first_period": periods[0].isoformat() if periods else None,
                "last_period": periods[-1].isoformat() if periods else None,
                "trend": {
                    **result.model_dump(mode="json"),
                    "window": window,
                    "alarm": result.significant,
                },
                "series": {"periods": [x.isoformat() for x in periods], "net": net},
            }
        )
    if sort == "trend":
        out.sort(
            key=lambda d: (
                not d["trend"]["alarm"],
                -abs(d["trend"]["slope"] or 0.0),
                -d["events"],
                d["dyad"],
            )
        )
    else:
        out.sort(key=lambda d: (-d["events"], d["dyad"]))
    return out
