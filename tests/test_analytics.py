"""Analytics: trend tests on synthetic series with known trends, scores, timelines, alarm."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from scipy import stats

from dyadwatch import analytics
from dyadwatch.analytics import mann_kendall, theil_sen, trend
from dyadwatch.analytics.series import aggregate, event_scores, periods, shift_periods
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor


def _noise(n: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    return [rng.gauss(0, 1) for _ in range(n)]


def test_rising_series_is_significant() -> None:
    ys = [0.8 * i + e for i, e in enumerate(_noise(12, 1))]
    r = trend(ys, window=12, alpha=0.05)
    assert r.significant and r.direction == "rising"
    assert r.slope is not None and 0.5 < r.slope < 1.1
    assert r.p_value is not None and r.p_value < 0.01


def test_falling_series() -> None:
    ys = [10 - 0.9 * i + e for i, e in enumerate(_noise(12, 2))]
    r = trend(ys)
    assert r.direction == "falling" and r.slope is not None and r.slope < 0


@pytest.mark.parametrize("seed", range(5))
def test_flat_noise_is_not_flagged(seed: int) -> None:
    r = trend([5 + e for e in _noise(12, 100 + seed)], alpha=0.01)
    assert not r.significant and r.direction == "flat"


def test_too_short_and_too_quiet() -> None:
    r = trend([1, 2, 3, 4], window=12, min_periods=6)
    assert r.direction == "insufficient" and r.p_value is None and not r.significant
    q = trend([0, 0, 0, 0, 0, 1, 1], min_periods=6, min_total=5)
    assert q.direction == "insufficient" and q.reason == "too few events"


def test_window_takes_the_last_periods() -> None:
    ys = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] + list(range(12))  # falls, then rises
    assert trend(ys, window=12).direction == "rising"
    assert trend(ys[:12], window=12).direction == "falling"  # the older window falls


def test_theil_sen_matches_scipy() -> None:
    ys = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]
    slope, intercept = theil_sen(ys)
    ref = stats.theilslopes(ys, range(len(ys)))
    assert slope == pytest.approx(ref.slope)
    assert intercept == pytest.approx(ref.intercept)


def test_mann_kendall_agrees_with_kendalltau() -> None:
    ys = [2, 3, 3, 5, 4, 6, 8, 7, 9, 9, 12, 11]
    s, _z, p = mann_kendall(ys)
    tau = stats.kendalltau(range(len(ys)), ys)
    assert s > 0 and tau.statistic > 0
    # both test the same null; the normal approximation tracks scipy's p-value closely
    assert p == pytest.approx(tau.pvalue, rel=0.35)
    assert mann_kendall([4, 4, 4, 4]) == (0, 0.0, 1.0)


def test_event_scores() -> None:
    assert event_scores("COOPERATE", None, "reported") == (6.0, 0.0)
    assert event_scores("ASSAULT", -10.0, "claimed") == (0.0, 10.0)
    assert event_scores("AID", 7.0, "expected") == (3.5, 0.0)
    assert event_scores("AID", 7.0, "denied") == (0.0, 0.0)
    assert event_scores("REQUEST", None, "reported")[1] > 0  # verbal conflict per PLOVER


def test_periods_and_shift() -> None:
    assert periods(date(2022, 11, 15), date(2023, 2, 1), "month") == [
        date(2022, 11, 1), date(2022, 12, 1), date(2023, 1, 1), date(2023, 2, 1),
    ]  # fmt: skip
    assert shift_periods(date(2023, 2, 1), 13, "month") == date(2022, 1, 1)
    weeks = periods(date(2022, 12, 7), date(2022, 12, 20), "week")
    assert weeks == [date(2022, 12, 5), date(2022, 12, 12), date(2022, 12, 19)]


def test_aggregate_zero_fills() -> None:
    rows = [
        {"source_key": "A", "target_key": "B", "plover_type": "ASSAULT", "goldstein": None,
         "status": "reported", "date_start": date(2022, 1, 10)},
        {"source_key": "A", "target_key": "B", "plover_type": "CONSULT", "goldstein": 1.0,
         "status": "reported", "date_start": date(2022, 4, 2)},
    ]  # fmt: skip
    s = aggregate(rows, "month")[("A", "B")]
    assert [p.period for p in s] == ["2022-01", "2022-02", "2022-03", "2022-04"]
    assert [p.n_events for p in s] == [1, 0, 0, 1]
    assert s[0].conflict == 9.5 and s[3].cooperation == 1.0 and s[3].net == 1.0


def _escalation_store(path: Path) -> Store:
    """RUS->UKR conflict rising over 12 months; USA->FRA flat consultations."""
    store = Store(path)
    results = []
    for m in range(12):
        d = DocBuilder(published=f"2022-{m + 1:02d}-15")
        for _ in range(m + 1):  # 1, 2, ... 12 assaults
            d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported")
        for _ in range(2):
            d.event(actor("USA"), actor("FRA"), "CONSULT", "reported")
        results.append(d.build(f"synthetic/{m}.txt"))
    store.write_batch(results)
    return store


def test_rank_dyads_flags_only_the_rising_dyad(tmp_path: Path) -> None:
    with _escalation_store(tmp_path / "a.duckdb") as store:
        ranked = analytics.rank_dyads(store, window=12)
        flagged = [(d.source, d.target) for d in ranked if d.flagged]
        assert flagged == [("RUS", "UKR")]
        top = ranked[0]
        assert top.conflict.direction == "rising" and "conflict rising" in top.reasons[0]
        usa = next(d for d in ranked if d.source == "USA")
        assert usa.cooperation.direction == "flat" and not usa.flagged
        assert [(d.source, d.target) for d in analytics.alerts(store)] == [("RUS", "UKR")]
        # cooperation-only alarm ignores the conflict trend
        assert analytics.alerts(store, metric="cooperation") == []


def test_alarm_needs_enough_periods_and_events(tmp_path: Path) -> None:
    with _escalation_store(tmp_path / "b.duckdb") as store:
        assert analytics.alerts(store, window=4, min_periods=6) == []
        assert analytics.alerts(store, min_events=1000) == []


def test_timeline_both_directions(tmp_path: Path) -> None:
    with _escalation_store(tmp_path / "c.duckdb") as store:
        tl = analytics.timeline(store, "UKR", "RUS")
        assert {(p.source, p.target) for p in tl} == {("RUS", "UKR"), ("UKR", "RUS")}
        fwd = [p for p in tl if p.source == "RUS"]
        assert [p.n_events for p in fwd] == list(range(1, 13))
        assert all(p.n_events == 0 for p in tl if p.source == "UKR")
        weekly = analytics.timeline(store, "RUS", "UKR", freq="week", directed=True)
        assert sum(p.n_events for p in weekly) == 78 and weekly[0].period.startswith("2022-W")


def test_dyad_summary_trend(tmp_path: Path) -> None:
    with _escalation_store(tmp_path / "d.duckdb") as store:
        s = analytics.dyad_summary(store, "RUS", "UKR")
        assert s.n_events == 78
        assert s.conflict["RUS->UKR"] == pytest.approx(78 * 9.5)
        assert s.net["RUS->UKR"] < 0
        assert [t.flagged for t in s.trends] == [True]


def test_weekly_alarm(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        results = []
        for w in range(10):  # cooperation rising week by week in Jan-Mar 2023
            d = DocBuilder(published=(date(2023, 1, 2) + timedelta(days=7 * w)).isoformat())
            for _ in range(w + 1):
                d.event(actor("CHN"), actor("BRA"), "AGREE", "reported")
            results.append(d.build(f"w/{w}.txt"))
        store.write_batch(results)
        monthly = analytics.alerts(store, freq="month")
        weekly = analytics.alerts(store, freq="week", window=10)
        assert monthly == []  # three months only: too short to test
        assert [(d.source, d.target) for d in weekly] == [("CHN", "BRA")]
        assert weekly[0].cooperation.direction == "rising"
