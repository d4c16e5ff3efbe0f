"""Article-extraction benchmark suite: the metric itself, a quick sample and the full run."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.eval import extraction
from dyadwatch.settings import Settings

BENCH = (
    Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "article-extraction-benchmark"
)


@pytest.fixture(scope="module")
def bench() -> Path:
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"article-extraction benchmark not found at {BENCH}")
    return BENCH


def test_shingle_metric() -> None:
    text = "one two three four five six"
    assert extraction.match(text, text) == (1.0, 0.0, 0.0)
    assert extraction.match(text, "nothing in common at all here") == (0.0, 0.5, 0.5)
    tp, fp, fn = extraction.match(text, "one two three four five six seven")
    assert tp == pytest.approx(3 / 4) and fp == pytest.approx(1 / 4) and fn == 0
    assert extraction.macro([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]) == pytest.approx(
        {"precision": 0.75, "recall": 1.0, "f1": 2 * 0.75 / 1.75}
    )
    assert extraction.match("", "") == (0.0, 0.0, 0.0)


def test_bootstrap_is_deterministic() -> None:
    scores = [(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.8, 0.1, 0.1)]
    a, b = extraction.bootstrap(scores, n=200), extraction.bootstrap(scores, n=200)
    assert a == b
    lo, hi = a["f1"]["ci95"]  # type: ignore[index]
    assert 0 < lo <= hi <= 1


def test_sample_of_pages(bench: Path) -> None:
    res = extraction.run(bench, Settings(), sample=4)
    assert res.suite == "extraction" and res.n == 4 and len(res.gold_hash) == 16
    assert set(res.metrics) >= {"f1", "precision", "recall"}
    assert res.metrics["f1"] > 0.85, res.details["per_doc"]


@pytest.mark.slow
def test_full_benchmark(bench: Path) -> None:
    res = extraction.run(bench, Settings())
    assert res.n == 181
    assert res.metrics["f1"] >= 0.96, res.metrics
