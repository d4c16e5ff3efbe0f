"""The gate must fail on a drop, on changed gold, and on a deliberately broken stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyadwatch.eval.base import SuiteResult
from dyadwatch.eval.gate import check, pin, run_gate
from dyadwatch.registry import registry
from dyadwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _result(v: float, h: str = "abc") -> SuiteResult:
    return SuiteResult(suite="x", metrics={"f1": v}, n=1, gold_hash=h)


def test_check_passes_within_tolerance_and_fails_below() -> None:
    entry = {"gold_hash": "abc", "tolerance": 0.01, "floors": {"f1": 0.80}}
    assert check(entry, _result(0.795)) == []
    assert check(entry, _result(0.78))
    assert any("gold files changed" in p for p in check(entry, _result(0.9, "zzz")))
    assert any("missing" in p for p in check({"floors": {"g": 1.0}}, _result(0.9)))


def test_pin_raises_floors_but_lowering_needs_a_reason() -> None:
    from dyadwatch.eval.gate import GateReport

    base: dict[str, Any] = {"suites": {"x": {"floors": {"f1": 0.8}}}}
    report = GateReport(results={"x": _result(0.7)})
    _, refused = pin(base, report, None)
    assert refused and base["suites"]["x"]["floors"]["f1"] == 0.8
    _, refused = pin(base, report, "gold set corrected")
    assert not refused and base["suites"]["x"]["floors"]["f1"] == 0.7
    assert base["suites"]["x"]["lowered"][0]["reason"] == "gold set corrected"


class _BrokenTimer:
    """A time stage that finds nothing: the gate must catch it."""

    def __init__(self, settings: Settings) -> None:
        pass

    def find(self, text: str, dct: str | None) -> list[Any]:
        return []

    def __call__(self, doc: Any, sdoc: Any, events: list[Any], claims: list[Any]) -> Any:
        return events, claims


registry.register("tests.broken_time.v1")(_BrokenTimer)


def test_gate_fails_when_a_stage_is_broken(shared_dir: Path, settings: Settings) -> None:
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text())
    entry = dict(baseline["suites"]["time"], sample=3)
    small = {"suites": {"time": entry}}
    broken = settings.with_overrides(time_impl="tests.broken_time.v1")
    report = run_gate(small, shared_dir, broken)
    assert not report.ok
    assert any("value_f1" in f for f in report.failures)
