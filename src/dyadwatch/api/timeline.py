"""Dyad timeline: per direction and period, counts by PLOVER type and cooperation/conflict scores.

Reads the pre-aggregated ``dyad_periods`` table (cache.py) as numeric columns and pivots them
with numpy, so a ten-year weekly timeline costs milliseconds rather than a Python loop per row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..records import PLOVER_TYPES
from ..store.queries import EventFilter, event_where
from . import contested
from .db import Database
from .filtered import periods_source

WEEK0 = date(1970, 1, 5)  # a Monday: DuckDB's date_trunc('week') starts weeks on Monday


def period_index_sql(freq: str) -> str:
    if freq == "week":
        return "(period - DATE '1970-01-05') // 7"
    return "year(period) * 12 + month(period) - 1"


def period_date(index: int, freq: str) -> date:
    if freq == "week":
        return WEEK0 + timedelta(days=7 * index)
    return date(index // 12, index % 12 + 1, 1)


def period_end(start: date, freq: str) -> date:
    """First day after the period."""
    if freq == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def fetch(
    db: Database, a: str, b: str, freq: str, f: EventFilter | None = None
) -> dict[str, np.ndarray]:
    """The dyad's aggregate rows; under filters ``f``, from the matching events only."""
    table, params = periods_source(db, f, freq)
    return db.numpy(
        f"SELECT (src = ?)::INTEGER AS fwd, list_position(?, type) - 1 AS ti,"
        f" {period_index_sql(freq)} AS pi, n, cooperation, conflict"
        f" FROM {table} t WHERE freq = ? AND a = ? AND b = ? AND src <> tgt"
        f" AND list_position(?, type) IS NOT NULL",
        [a, list(PLOVER_TYPES), *params, freq, min(a, b), max(a, b), list(PLOVER_TYPES)],
    )


def _direction(
    src: str, tgt: str, counts: np.ndarray, coop: np.ndarray, conf: np.ndarray
) -> dict[str, Any]:
    used = [i for i, _t in enumerate(PLOVER_TYPES) if counts[i].any()]
    c, k = coop.sum(axis=0), conf.sum(axis=0)
    return {
        "source": src,
        "target": tgt,
        "total": int(counts.sum()),
        "counts": {PLOVER_TYPES[i]: counts[i].tolist() for i in used},
        "scores": {PLOVER_TYPES[i]: np.round(coop[i] - conf[i], 3).tolist() for i in used},
        "cooperation": np.round(c, 3).tolist(),
        "conflict": np.round(k, 3).tolist(),
        "net": np.round(c - k, 3).tolist(),
    }


def dyad_timeline(
    db: Database, a: str, b: str, freq: str, f: EventFilter | None = None
) -> dict[str, Any]:
    """Both directions on one shared, gap-free period axis (of the events matching ``f``)."""
    cols = fetch(db, a, b, freq, f)
    pi = np.asarray(cols["pi"], dtype=np.int64)
    if pi.size:
        first, last = int(pi.min()), int(pi.max())
    else:
        first, last = 0, -1
    n_periods = last - first + 1
    shape = (2, len(PLOVER_TYPES), n_periods)
    counts = np.zeros(shape, dtype=np.int64)
    coop = np.zeros(shape)
    conf = np.zeros(shape)
    if pi.size:
        where = (
            1 - np.asarray(cols["fwd"], dtype=np.int64),
            np.asarray(cols["ti"], np.int64),
            pi - first,
        )
        np.add.at(counts, where, np.asarray(cols["n"], dtype=np.int64))
        np.add.at(coop, where, np.asarray(cols["cooperation"], dtype=float))
        np.add.at(conf, where, np.asarray(cols["conflict"], dtype=float))
    return {
        "dyad": [a, b],
        "freq": freq,
        "periods": [period_date(i, freq).isoformat() for i in range(first, last + 1)],
        "directions": {
            f"{a}->{b}": _direction(a, b, counts[0], coop[0], conf[0]),
            f"{b}->{a}": _direction(b, a, counts[1], coop[1], conf[1]),
        },
    }


def sample_event(
    db: Database, src: str, tgt: str, freq: str, start: date, f: EventFilter | None = None
) -> dict[str, Any] | None:
    """The earliest event of a chart point (direction, period) among those matching ``f``
    (the chart's filters; a bar's PLOVER type among them)."""
    base = f if f is not None else EventFilter(limit=None)
    since = max(start, base.date_from) if base.date_from else start
    f = replace(base, dyad=(src, tgt), directed=True, since=since)
    where, params = event_where(f, "e", contested.SQL)
    if f.contested is not None:
        contested.ensure(db)
    return db.one(
        f"SELECT e.doc_id, e.event_id FROM events e WHERE {where} AND e.date_start < ?"
        " ORDER BY e.date_start, e.start_char, e.event_id LIMIT 1",
        [*params, period_end(start, freq)],
    )
