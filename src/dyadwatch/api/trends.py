"""Dyad ranking by volume and trend for /api/dyads and the home page.

Trend = the analytics package's test (Theil–Sen slope + Mann–Kendall) on the last ``window``
periods of the net (cooperation − conflict) score; the alarm fires when it is significant and
the slope is not zero (a dyad with one early event and silence since is "significant" for
Mann–Kendall, but its median trend is flat: no alarm). Every series runs to the period of the
newest publication, so a dyad gone quiet trends towards zero and a date far in the future (an
event foreseen for 2030) cannot empty every window.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..analytics.trend import trend
from ..store.queries import EventFilter
from .db import Database
from .filtered import pairs_source
from .timeline import period_date, period_index_sql

Source = tuple[str, list[Any]]  # a relation with cache.PAIRS's columns, and its parameters


def _pairs(db: Database, src: Source, freq: str, min_events: int) -> list[dict[str, Any]]:
    return db.rows(
        f"SELECT a, b, sum(n)::BIGINT AS events, sum(cooperation) AS cooperation,"
        f" sum(conflict) AS conflict, min({period_index_sql(freq)}) AS first"
        f" FROM {src[0]} t WHERE freq = ? GROUP BY a, b HAVING sum(n) >= ? ORDER BY a, b",
        [*src[1], freq, min_events],
    )


def _net_matrix(db: Database, src: Source, freq: str, min_events: int) -> tuple[np.ndarray, int]:
    """Net score per (dyad, period), dyads in _pairs order; returns (matrix, first period)."""
    cols = db.numpy(
        f"""
        WITH pp AS (SELECT * FROM {src[0]} t WHERE freq = ?),
        d AS (
            SELECT a, b, row_number() OVER (ORDER BY a, b) - 1 AS id FROM pp
            GROUP BY a, b HAVING sum(n) >= ?
        )
        SELECT d.id, {period_index_sql(freq)} AS pi, p.cooperation - p.conflict AS net
        FROM pp p JOIN d ON d.a = p.a AND d.b = p.b
        """,
        [*src[1], freq, min_events],
    )
    ids = np.asarray(cols["id"], dtype=np.int64)
    pi = np.asarray(cols["pi"], dtype=np.int64)
    if not ids.size:
        return np.zeros((0, 0)), 0
    first, last = int(pi.min()), int(pi.max())
    matrix = np.zeros((int(ids.max()) + 1, last - first + 1))
    np.add.at(matrix, (ids, pi - first), np.asarray(cols["net"], dtype=float))
    return matrix, first


def _last_period(db: Database, freq: str, first: int, n_periods: int, until: Any = None) -> int:
    """Column of "now": the newest publication's period (an event foreseen for 2030 must not
    move the window, as analytics.rank_dyads), else the newest event period; a filter's
    ``until`` ends it earlier."""
    newest = db.scalar("SELECT max(published_date) FROM documents")
    if newest is not None and until is not None:
        newest = min(newest, until)
    if newest is None or not n_periods:
        return n_periods - 1
    pi = db.scalar(f"SELECT {period_index_sql(freq)} FROM (SELECT date_trunc(?, ?::DATE)::DATE"
                   " AS period)", [freq, newest])  # fmt: skip
    return max(0, min(n_periods - 1, int(pi) - first))


def ranked_dyads(
    db: Database,
    freq: str = "month",
    sort: str = "trend",
    min_events: int = 1,
    limit: int = 50,
    alpha: float = 0.05,
    window: int = 12,
    f: EventFilter | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """All undirected dyads with at least ``min_events`` (of the events matching ``f``),
    ranked; series only for the top."""
    src = pairs_source(db, f, freq)
    pairs = _pairs(db, src, freq, min_events)
    matrix, first = _net_matrix(db, src, freq, min_events)
    until = f.date_to if f is not None else None
    matrix = matrix[:, : _last_period(db, freq, first, matrix.shape[1], until) + 1]
    out: list[dict[str, Any]] = []
    for i, p in enumerate(pairs):
        start = min(int(p["first"]) - first, max(matrix.shape[1] - 1, 0))
        series = matrix[i, start:] if matrix.size else np.zeros(0)
        result = trend(series.tolist(), window=window, alpha=alpha)
        coop, conf = float(p["cooperation"] or 0), float(p["conflict"] or 0)
        out.append(
            {
                "dyad": f"{p['a']}-{p['b']}",
                "a": p["a"],
                "b": p["b"],
                "events": int(p["events"]),
                "cooperation": round(coop, 3),
                "conflict": round(conf, 3),
                "net": round(coop - conf, 3),
                "trend": {
                    **result.model_dump(mode="json"),
                    "window": window,
                    "alarm": bool(result.significant and result.slope),
                },
                "_row": (i, start),
            }
        )
    if sort == "trend":
        out.sort(
            key=lambda d: (
                not d["trend"]["alarm"],
                -abs(d["trend"]["slope"] or 0.0),
                d["trend"]["slope"] or 0.0,  # a worsening dyad before an improving one
                -d["events"],
                d["dyad"],
            )
        )
    else:
        out.sort(key=lambda d: (-d["events"], d["dyad"]))
    top = out[:limit]
    for d in top:
        i, start = d.pop("_row")
        n_periods = matrix.shape[1] if matrix.size else 0
        periods = [period_date(first + j, freq).isoformat() for j in range(start, n_periods)]
        d["first_period"] = periods[0] if periods else None
        d["last_period"] = periods[-1] if periods else None
        d["series"] = {
            "periods": periods,
            "net": np.round(matrix[i, start:], 3).tolist() if matrix.size else [],
        }
    return len(out), top
