"""Analytics: dyad time series, cooperation/conflict scores and the trend alarm.

Library API (used by the CLI and dyadwatch.api; see docs/analytics.md):
    timeline(store, a, b, freq="month", directed=False, since=None, until=None) -> list[Period]
    rank_dyads(store, freq="month", window=12, alpha=0.05, min_periods=6, min_events=5)
        -> list[DyadTrend]        (flagged first)
    alerts(store, **same)          -> list[DyadTrend]   (flagged only)
    trend(series, window=12, alpha=0.05, min_periods=6) -> TrendResult
    dyad_summary(store, a, b, ...) -> DyadSummary
All results are pydantic models: ``.model_dump(mode="json")`` gives JSON-ready dicts.
"""

from __future__ import annotations

from .dyads import DyadSummary, DyadTrend, alerts, dyad_summary, rank_dyads, timeline
from .series import STATUS_WEIGHTS, Period, aggregate, event_scores, plover_scores
from .trend import TrendResult, mann_kendall, theil_sen, trend

__all__ = [
    "STATUS_WEIGHTS",
    "DyadSummary",
    "DyadTrend",
    "Period",
    "TrendResult",
    "aggregate",
    "alerts",
    "dyad_summary",
    "event_scores",
    "mann_kendall",
    "plover_scores",
    "rank_dyads",
    "theil_sen",
    "timeline",
    "trend",
]
