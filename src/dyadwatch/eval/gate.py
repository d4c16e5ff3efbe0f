"""Quality gate: every suite's headline metrics must stay at or above the floors
pinned in eval/baseline.json, on the same gold files (same hash).

    python -m dyadwatch.eval.gate --shared ../shared --baseline eval/baseline.json
    python -m dyadwatch.eval.gate ... --pin             # raise floors to today's numbers
    python -m dyadwatch.eval.gate ... --pin --reason "why"   # needed to lower a floor

A floor may drop by ``tolerance`` (measurement noise) before the gate fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..settings import Settings, load_settings
from .base import SuiteResult
from .suites import run_suite


@dataclass
class GateReport:
    failures: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    results: dict[str, SuiteResult] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def check(entry: dict[str, Any], result: SuiteResult) -> list[str]:
    """Return the reasons this suite fails its pinned entry (empty if it passes)."""
    problems = []
    if entry.get("gold_hash") and entry["gold_hash"] != result.gold_hash:
        problems.append(
            f"{result.suite}: gold files changed (hash {result.gold_hash} != pinned "
            f"{entry['gold_hash']}); re-pin the floors with --pin --reason"
        )
    tol = float(entry.get("tolerance", 0.0))
    for metric, floor in entry.get("floors", {}).items():
        got = result.metrics.get(metric)
        if got is None:
            problems.append(f"{result.suite}.{metric}: metric missing from results")
        elif got < float(floor) - tol:
            problems.append(f"{result.suite}.{metric}: {got:.4f} < floor {floor:.4f} - {tol}")
    return problems


def run_gate(
    baseline: dict[str, Any],
    shared: Path,
    settings: Settings,
    only: list[str] | None = None,
) -> GateReport:
    report = GateReport()
    for name, entry in baseline["suites"].items():
        if only and name not in only:
            continue
        try:
            result = run_suite(name, settings, shared=shared, sample=entry.get("sample"))
        except Exception as exc:  # a crashing suite is a failing suite
            report.failures.append(f"{name}: suite crashed: {exc!r}")
            continue
        report.results[name] = result
        problems = check(entry, result)
        report.failures.extend(problems)
        shown = ", ".join(f"{k}={v:.4f}" for k, v in sorted(result.metrics.items()))
        report.lines.append(f"{'FAIL' if problems else 'ok  '} {name}: {shown}")
    return report


def pin(
    baseline: dict[str, Any], report: GateReport, reason: str | None
) -> tuple[dict[str, Any], list[str]]:
    """Raise floors to measured values; lowering one needs a reason, kept beside it."""
    refused = []
    for name, result in report.results.items():
        entry = baseline["suites"][name]
        entry["gold_hash"] = result.gold_hash
        floors = entry.setdefault("floors", {})
        for metric in list(floors) or list(result.metrics):
            new = round(result.metrics.get(metric, 0.0), 4)
            old = floors.get(metric)
            if old is not None and new < old:
                if not reason:
                    refused.append(f"{name}.{metric}: {new} < {old} (give --reason to lower)")
                    continue
                entry.setdefault("lowered", []).append(
                    {"metric": metric, "from": old, "to": new, "reason": reason}
                )
            floors[metric] = new
    return baseline, refused


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--baseline", default="eval/baseline.json")
    ap.add_argument("--suite", action="append", help="only these suites")
    ap.add_argument("--pin", action="store_true", help="write measured floors")
    ap.add_argument("--reason", help="required to lower a floor")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not shared.is_dir():
        print(f"eval gate: ../shared not found at {shared}; cannot score", file=sys.stderr)
        return 2
    baseline = json.loads(Path(args.baseline).read_text())
    report = run_gate(baseline, shared, load_settings(), args.suite)
    print("\n".join(report.lines))
    if args.pin:
        baseline, refused = pin(baseline, report, args.reason)
        Path(args.baseline).write_text(json.dumps(baseline, indent=2) + "\n")
        for r in refused:
            print("refused:", r, file=sys.stderr)
        return 1 if refused else 0
    for f in report.failures:
        print("GATE FAIL:", f, file=sys.stderr)
    print("eval gate:", "passed" if report.ok else f"FAILED ({len(report.failures)})")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
