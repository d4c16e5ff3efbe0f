"""The evaluation suites, where their gold data lives under ../shared, and how to run them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..settings import Settings
from .base import SuiteResult


@dataclass(frozen=True)
class Suite:
    name: str
    module: str  # dyadwatch.eval.<module> exposes run(path, settings, sample=None, **kw)
    shared_path: str  # gold location relative to ../shared
    anchors: str  # published figures to compare with (docs/quality.md)
    kwargs: tuple[tuple[str, Any], ...] = ()


SUITES: dict[str, Suite] = {
    s.name: s
    for s in (
        Suite(
            "extraction",
            "extraction",
            "eval/article-extraction-benchmark",
            "trafilatura 0.958 F1, newspaper4k 0.949, readability-lxml 0.922",
        ),
        Suite(
            "time",
            "time",
            "eval/timebank/TBAQ-cleaned",
            "HeidelTime value F1 77.6, SUTime 67.4 (TE3 test)",
        ),
        Suite(
            "attribution",
            "attribution",
            "eval/polnear",
            "exact F1 source/cue/content: BERT+Cofe 83.2/75.3/72.9, CRF 50.6/53.4/28.6",
            (("split", "dev"),),
        ),
        Suite(
            "events",
            "events",
            "reference/plover/PLOVER_GSR_CAMEO.json",
            "NGEC demo models macro F1 0.52 (VOA holdout)",
        ),
        Suite(
            "realnews",
            "realnews",
            "eval/realnews-events/dev.jsonl",
            "issue #7 goals: tuple F1 0.60, type F1 0.75, status 0.85",
        ),
        Suite(
            "whnews",
            "realnews",
            str(Path(__file__).resolve().parents[1] / "data/eval/wh-events/check.jsonl"),
            "issue #7: the project's own WH set, check half (never tuned on)",
            (("suite", "whnews"),),
        ),
        Suite(
            "actors",
            "actors",
            str(Path(__file__).resolve().parents[1] / "data/actors/test/gold.tsv"),
            "issue #8 goals: country 0.92, sector 0.80 (on real news)",
        ),
        Suite(
            "seed",
            "seed",
            "seed/dw-2022-12-10-us-alarmed-iran-russia-ties.txt",
            "issue #2 acceptance checklist",
        ),
    )
}


def run_suite(
    name: str,
    settings: Settings,
    path: Path | None = None,
    shared: Path | None = None,
    sample: int | None = None,
    **kwargs: Any,
) -> SuiteResult:
    suite = SUITES[name]
    if path is None:
        if shared is None:
            raise ValueError(f"suite {name!r} needs a gold path or --shared")
        path = shared / suite.shared_path
    if not path.exists():
        raise FileNotFoundError(f"gold data for suite {name!r} not found: {path}")
    mod = importlib.import_module(f"dyadwatch.eval.{suite.module}")
    merged = {**dict(suite.kwargs), **kwargs}
    result: SuiteResult = mod.run(path, settings, sample=sample, **merged)
    return result
