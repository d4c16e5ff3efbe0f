"""Store-backed analytics: dyad timelines, the trend alarm, and dyad summaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from ..store.contested import ClaimGroup
from .series import Freq, Period, aggregate, period_start, periods, shift_periods
from .trend import TrendResult, trend

if TYPE_CHECKING:
    from ..store import Store

_ROW_COLS = "source_key, target_key, plover_type, goldstein, status, date_start"


def _rows(
    store: Store,
    dyad: tuple[str, str] | None = None,
    directed: bool = False,
    since: date | str | None = None,
    until: date | str | None = None,
    statuses: list[str] | None = None,
) -> list[dict[str, Any]]:
    from ..store import EventFilter

    f = EventFilter(
        dyad=dyad, directed=directed, since=since, until=until, status=statuses, limit=None
    )
    return [
        {k: r[k] for k in _ROW_COLS.split(", ")}
        for r in store.event_rows(f)
        if r["source_key"] and r["target_key"] and r["date_start"]
    ]


def timeline(
    store: Store,
    a: str,
    b: str,
    freq: Freq = "month",
    directed: bool = False,
    since: date | str | None = None,
    until: date | str | None = None,
    statuses: list[str] | None = None,
) -> list[Period]:
    """Zero-filled period series for a -> b (and b -> a unless ``directed``).

    Both directions share the same period span. Rows are sorted by (source, target, start).
    """
    rows = _rows(store, (a.upper(), b.upper()), directed, since, until, statuses)
    series = aggregate(rows, freq)
    if not directed:  # always report both directions, even a silent one
        span = next(iter(series.values()), [])
        for key in ((a.upper(), b.upper()), (b.upper(), a.upper())):
            if key not in series and span:
                series[key] = [
                    Period(source=key[0], target=key[1], period=p.period, start=p.start)
                    for p in span
                ]
    return [p for key in sorted(series) for p in series[key]]


class DyadTrend(BaseModel):
    """Trend alarm result for one directed dyad (JSON-ready for the API)."""

    source: str
    target: str
    n_events: int
    window_start: date
    window_end: date
    cooperation: TrendResult
    conflict: TrendResult
    flagged: bool
    reasons: list[str] = Field(default_factory=list)


def _latest(store: Store) -> date | None:
    """ "Now" for the alarm: the newest publication date (an event foreseen for next year
    must not move the window), else the newest event date."""
    row = store.one("SELECT max(published_date) FROM documents")
    if row and row[0]:
        return row[0]
    row = store.one(
        "SELECT max(date_start) FROM events WHERE source_key IS NOT NULL AND target_key IS NOT NULL"
    )
    return row[0] if row else None


def rank_dyads(
    store: Store,
    freq: Freq = "month",
    window: int = 12,
    alpha: float = 0.05,
    min_periods: int = 6,
    min_events: int = 5,
    until: date | str | None = None,
    statuses: list[str] | None = None,
    metric: str = "both",
) -> list[DyadTrend]:
    """Trend alarm over every directed dyad: flagged dyads first, then by event count.

    The window is the last ``window`` periods ending at ``until`` (default: the newest
    publication date in the store), zero-filled, so a dyad that went quiet is seen as quiet.
    A dyad is flagged when its cooperation or conflict score (``metric``: both|cooperation|conflict)
    rises with Mann–Kendall p < alpha and Theil–Sen slope > 0, over at least ``min_periods``
    periods and ``min_events`` events in the window.
    """
    from ..store.rows import date_start

    end = date_start(until) if isinstance(until, str) else until
    end = end or _latest(store)
    if end is None:
        return []
    end = period_start(end, freq)
    start = shift_periods(end, window - 1, freq)
    rows = _rows(store, since=start, until=_period_end(end, freq), statuses=statuses)
    if rows:  # do not pad before the first data: a new store is not a flat history
        start = max(start, period_start(min(r["date_start"] for r in rows), freq))
    series = aggregate(rows, freq, start, end)
    out = [
        _dyad_trend(src, tgt, ps, alpha, min_periods, min_events, metric)
        for (src, tgt), ps in series.items()
    ]
    out.sort(key=lambda d: (not d.flagged, -d.n_events, d.source, d.target))
    return out


def _period_end(p: date, freq: Freq) -> date:
    from datetime import timedelta

    from .series import next_period

    return next_period(p, freq) - timedelta(days=1)


def _dyad_trend(
    src: str,
    tgt: str,
    ps: list[Period],
    alpha: float,
    min_periods: int,
    min_events: int,
    metric: str,
) -> DyadTrend:
    n = sum(p.n_events for p in ps)
    coop = trend([p.cooperation for p in ps], None, alpha, min_periods)
    conf = trend([p.conflict for p in ps], None, alpha, min_periods)
    reasons = []
    if n >= min_events:
        for name, res in (("cooperation", coop), ("conflict", conf)):
            if metric in ("both", name) and res.significant and (res.slope or 0) > 0:
                reasons.append(
                    f"{name} rising (slope {res.slope:+.2f}/period, p={res.p_value:.3f})"
                )
    return DyadTrend(
        source=src,
        target=tgt,
        n_events=n,
        window_start=ps[0].start,
        window_end=ps[-1].start,
        cooperation=coop,
        conflict=conf,
        flagged=bool(reasons),
        reasons=reasons,
    )


def alerts(store: Store, **kw: Any) -> list[DyadTrend]:
    """Dyads flagged by the trend alarm (keywords as :func:`rank_dyads`)."""
    return [d for d in rank_dyads(store, **kw) if d.flagged]


class DyadSummary(BaseModel):
    """Everything `dyadwatch dyad A B` shows (both directions)."""

    a: str
    b: str
    n_events: int
    by_type: dict[str, dict[str, int]]  # "A->B" -> PLOVER type -> count
    by_month: list[Period]
    cooperation: dict[str, float]  # "A->B" -> score
    conflict: dict[str, float]
    net: dict[str, float]
    goldstein: dict[str, float]
    statuses: dict[str, int]
    weapons: dict[str, int]
    contested: list[ClaimGroup]
    top_evidence: list[dict[str, Any]]
    trends: list[DyadTrend]


def dyad_summary(
    store: Store,
    a: str,
    b: str,
    since: date | str | None = None,
    until: date | str | None = None,
    statuses: list[str] | None = None,
    window: int = 12,
    alpha: float = 0.05,
    min_periods: int = 6,
    min_events: int = 5,
    top: int = 5,
) -> DyadSummary:
    """Summary of the dyad a <-> b: types, months, scores, statuses, weapons, contested
    claims, strongest evidence sentences and the trend alarm for both directions."""
    from ..store import EventFilter, ledger

    a, b = a.upper(), b.upper()
    rows = store.event_rows(
        EventFilter(dyad=(a, b), since=since, until=until, status=statuses, limit=None)
    )
    months = timeline(store, a, b, "month", since=since, until=until, statuses=statuses)
    keyed = _by_direction(months)
    trends = [
        t
        for t in rank_dyads(
            store,
            window=window,
            alpha=alpha,
            min_periods=min_periods,
            min_events=min_events,
            until=until,
            statuses=statuses,
        )
        if {t.source, t.target} == {a, b}
    ]
    weapons: Counter[str] = Counter(w for r in rows for w in r["weapons"] or [])
    return DyadSummary(
        a=a,
        b=b,
        n_events=len(rows),
        by_type={k: dict(_sum_counts(ps, "counts")) for k, ps in keyed.items()},
        by_month=months,
        cooperation={k: round(sum(p.cooperation for p in ps), 3) for k, ps in keyed.items()},
        conflict={k: round(sum(p.conflict for p in ps), 3) for k, ps in keyed.items()},
        net={k: round(sum(p.net for p in ps), 3) for k, ps in keyed.items()},
        goldstein={k: round(sum(p.goldstein for p in ps), 3) for k, ps in keyed.items()},
        statuses=dict(Counter(r["status"] for r in rows).most_common()),
        weapons=dict(weapons.most_common()),
        contested=ledger(store, dyad=(a, b), since=_s(since), until=_s(until)),
        top_evidence=_top_evidence(rows, top),
        trends=trends,
    )


def _s(d: date | str | None) -> str | None:
    return d.isoformat() if isinstance(d, date) else d


def _by_direction(ps: list[Period]) -> dict[str, list[Period]]:
    out: dict[str, list[Period]] = {}
    for p in ps:
        out.setdefault(f"{p.source}->{p.target}", []).append(p)
    return out


def _sum_counts(ps: list[Period], attr: str) -> Counter[str]:
    c: Counter[str] = Counter()
    for p in ps:
        c.update(getattr(p, attr))
    return c


def _top_evidence(rows: Sequence[Mapping[str, Any]], top: int) -> list[dict[str, Any]]:
    """Most telling sentences: confident, intense events; one per sentence."""
    from .series import STATUS_WEIGHTS, event_scores

    # a denial is telling evidence too; conditionals and negations much less so
    flat = {**STATUS_WEIGHTS, "denied": 1.0, "negated": 0.25, "hypothetical": 0.25}

    def weight(r: Mapping[str, Any]) -> float:
        coop, conf = event_scores(r["plover_type"], r["goldstein"], r["status"], flat)
        return (r["confidence"] or 0.5) * (coop + conf)

    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for r in sorted(rows, key=weight, reverse=True):
        key = (r["doc_id"], r["sentence"])
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "event_id": r["event_id"],
                "doc_id": r["doc_id"],
                "dyad": f"{r['source_key']}->{r['target_key']}",
                "plover_type": r["plover_type"],
                "status": r["status"],
                "date": r["date"],
                "sentence": r["sentence"],
                "evidence": r["evidence_text"],
            }
        )
        if len(out) >= top:
            break
    return out


__all__ = [
    "DyadSummary",
    "DyadTrend",
    "alerts",
    "dyad_summary",
    "periods",
    "rank_dyads",
    "timeline",
]
