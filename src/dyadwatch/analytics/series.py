"""Per-period series for directed dyads: counts by PLOVER type, cooperation, conflict, net.

Each event contributes ``weight = status_weight(status) * intensity`` to the cooperation or
the conflict score of its (source key -> target key, period) cell, by its PLOVER quad class.
``intensity`` is |goldstein| when the event has a non-zero Goldstein score, else the PLOVER
type's default (data/analytics/plover_scores.tsv). net = cooperation - conflict.
A row is one event: an act said in several sentences of a document was already merged into
one event with several mentions (events.merge), so repetition does not inflate the series.
See docs/analytics.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..store.scores import STATUS_WEIGHTS, TypeScore, plover_scores

Freq = Literal["month", "week"]
__all__ = ["STATUS_WEIGHTS", "TypeScore", "plover_scores"]


def event_scores(
    plover_type: str,
    goldstein: float | None,
    status: str,
    weights: Mapping[str, float] | None = None,
) -> tuple[float, float]:
    """(cooperation, conflict) contribution of one event."""
    ts = plover_scores().get(plover_type)
    if ts is None:
        return 0.0, 0.0
    w = (weights or STATUS_WEIGHTS).get(status, 1.0)
    intensity = abs(goldstein) if goldstein else ts.intensity
    value = w * intensity
    return (value, 0.0) if ts.cls == "cooperation" else (0.0, value)


def period_start(d: date, freq: Freq) -> date:
    """First day of the month, or the Monday of the ISO week."""
    if freq == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


def next_period(d: date, freq: Freq) -> date:
    if freq == "week":
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def shift_periods(d: date, n: int, freq: Freq) -> date:
    """``d`` moved back ``n`` periods (n >= 0)."""
    if freq == "week":
        return d - timedelta(days=7 * n)
    months = d.year * 12 + d.month - 1 - n
    return date(months // 12, months % 12 + 1, 1)


def period_label(d: date, freq: Freq) -> str:
    if freq == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return f"{d.year:04d}-{d.month:02d}"


def periods(start: date, end: date, freq: Freq) -> list[date]:
    """Every period start from ``start`` to ``end`` inclusive."""
    out, cur = [], period_start(start, freq)
    last = period_start(end, freq)
    while cur <= last:
        out.append(cur)
        cur = next_period(cur, freq)
    return out


class Period(BaseModel):
    """One directed dyad in one period."""

    source: str
    target: str
    period: str  # "2022-12" or "2022-W49"
    start: date
    n_events: int = 0
    counts: dict[str, int] = Field(default_factory=dict)  # PLOVER type -> events
    statuses: dict[str, int] = Field(default_factory=dict)
    cooperation: float = 0.0
    conflict: float = 0.0
    net: float = 0.0
    goldstein: float = 0.0  # plain sum of Goldstein scores (GDELT-style)


def aggregate(
    rows: Iterable[Mapping[str, Any]],
    freq: Freq = "month",
    start: date | None = None,
    end: date | None = None,
    weights: Mapping[str, float] | None = None,
) -> dict[tuple[str, str], list[Period]]:
    """Event rows (source_key, target_key, plover_type, goldstein, status, date_start) ->
    zero-filled period series per directed dyad, over [start, end] (default: data span)."""
    cells: dict[tuple[str, str], dict[date, Period]] = defaultdict(dict)
    seen: list[date] = []
    for r in rows:
        d, src, tgt = r.get("date_start"), r.get("source_key"), r.get("target_key")
        if d is None or not src or not tgt:
            continue
        p0 = period_start(d, freq)
        if (start and p0 < period_start(start, freq)) or (end and p0 > period_start(end, freq)):
            continue
        seen.append(p0)
        cell = cells[(src, tgt)].get(p0)
        if cell is None:
            cell = Period(source=src, target=tgt, period=period_label(p0, freq), start=p0)
            cells[(src, tgt)][p0] = cell
        _add(cell, r, weights)
    if not seen:
        return {}
    span = periods(start or min(seen), end or max(seen), freq)
    out: dict[tuple[str, str], list[Period]] = {}
    for (src, tgt), by_start in sorted(cells.items()):
        out[(src, tgt)] = [
            by_start.get(p) or Period(source=src, target=tgt, period=period_label(p, freq), start=p)
            for p in span
        ]
    return out


def _add(cell: Period, r: Mapping[str, Any], weights: Mapping[str, float] | None) -> None:
    ptype, status, gs = r["plover_type"], r["status"], r.get("goldstein")
    coop, conf = event_scores(ptype, gs, status, weights)
    cell.n_events += 1
    cell.counts[ptype] = cell.counts.get(ptype, 0) + 1
    cell.statuses[status] = cell.statuses.get(status, 0) + 1
    cell.cooperation += coop
    cell.conflict += conf
    cell.net = cell.cooperation - cell.conflict
    cell.goldstein += float(gs or 0.0)
