"""Trend tests on short, noisy count series: Theil–Sen slope and Mann–Kendall test.

Both are rank-based, so a single spike month (one big story) cannot fake a trend the way
it would with least squares. Implemented here (O(n^2) pairs; n is a few dozen periods) so the
alarm needs nothing beyond the standard library and scipy's normal distribution.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from statistics import median
from typing import Literal

from pydantic import BaseModel

Direction = Literal["rising", "falling", "flat", "insufficient"]


class TrendResult(BaseModel):
    """Outcome of :func:`trend` on one series (JSON-ready for the API)."""

    n: int  # periods tested (after windowing)
    total: float  # sum of the tested values
    slope: float | None  # Theil–Sen slope, units per period
    intercept: float | None
    tau: float | None  # Kendall's tau-b-like score S / (n(n-1)/2)
    s: int | None  # Mann–Kendall S statistic
    z: float | None
    p_value: float | None  # two-sided
    alpha: float
    significant: bool
    direction: Direction
    reason: str | None = None  # why the test was not run ("too short", ...)


def theil_sen(y: Sequence[float], x: Sequence[float] | None = None) -> tuple[float, float]:
    """Median of pairwise slopes; intercept = median(y) - slope * median(x)."""
    xs = list(range(len(y))) if x is None else list(x)
    if len(y) < 2:
        raise ValueError("Theil–Sen needs at least two points")
    slopes = [
        (y[j] - y[i]) / (xs[j] - xs[i])
        for i in range(len(y))
        for j in range(i + 1, len(y))
        if xs[j] != xs[i]
    ]
    if not slopes:
        raise ValueError("Theil–Sen needs two distinct x values")
    slope = median(slopes)
    intercept = median(y) - slope * median(xs)  # Sen's "separate" intercept, as scipy
    return float(slope), float(intercept)


def mann_kendall(y: Sequence[float]) -> tuple[int, float, float]:
    """Return (S, z, two-sided p) with the tie-corrected variance and continuity correction."""
    n = len(y)
    if n < 3:
        raise ValueError("Mann–Kendall needs at least three points")
    s = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            d = y[j] - y[i]
            s += (d > 0) - (d < 0)
    ties = Counter(y).values()
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0
    if var <= 0:  # all values equal
        return 0, 0.0, 1.0
    if s > 0:
        z = (s - 1) / math.sqrt(var)
    elif s < 0:
        z = (s + 1) / math.sqrt(var)
    else:
        z = 0.0
    p = math.erfc(abs(z) / math.sqrt(2.0))  # = 2 * (1 - Phi(|z|))
    return s, z, p


def trend(
    series: Sequence[float],
    window: int | None = 12,
    alpha: float = 0.05,
    min_periods: int = 6,
    min_total: float = 0.0,
) -> TrendResult:
    """Test the last ``window`` values of an evenly spaced series for a monotonic trend.

    ``series`` must already be zero-filled (one value per period, oldest first).
    ``significant`` is True when p < alpha; ``direction`` is rising/falling only then.
    Fewer than ``min_periods`` values, a window whose absolute values sum below ``min_total``
    or to zero, gives direction "insufficient" and no p-value: a quiet dyad must not raise
    alarms, and an empty window is not a "flat, p = 1" trend.
    """
    ys = [float(v) for v in (series[-window:] if window else series)]
    n, total = len(ys), float(sum(ys))
    short = n < max(3, min_periods)
    # |values|: a net score series is negative for a conflict dyad, and must still be tested
    mass = float(sum(abs(v) for v in ys))
    if short or mass == 0.0 or mass < min_total:
        reason = (
            f"too short ({n} < {max(3, min_periods)} periods)"
            if short
            else "no events in the window"
            if mass == 0.0
            else "too few events"
        )
        return TrendResult(
            n=n,
            total=total,
            alpha=alpha,
            slope=None,
            intercept=None,
            tau=None,
            s=None,
            z=None,
            p_value=None,
            significant=False,
            direction="insufficient",
            reason=reason,
        )
    slope, intercept = theil_sen(ys)
    s, z, p = mann_kendall(ys)
    significant = p < alpha
    direction: Direction = "flat"
    if significant and s > 0:
        direction = "rising"
    elif significant and s < 0:
        direction = "falling"
    return TrendResult(
        n=n,
        total=total,
        alpha=alpha,
        slope=slope,
        intercept=intercept,
        tau=s / (n * (n - 1) / 2),
        s=s,
        z=z,
        p_value=p,
        significant=significant,
        direction=direction,
    )
