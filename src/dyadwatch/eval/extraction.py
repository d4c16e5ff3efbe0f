"""Article body extraction on the article-extraction benchmark (Zyte, MIT).

Metric (the benchmark's own, see its README/evaluate.py): word tokens (``\\w+``),
4-gram shingles as multisets; per document tp/fp/fn are normalised to sum to 1
so long pages do not dominate; precision and recall are averaged over
documents and F1 is their harmonic mean. Intervals come from a bootstrap over
documents with a fixed seed.

Rerun: ``python -m dyadwatch.eval.extraction ../shared/eval/article-extraction-benchmark``
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from ..clean import Cleaner
from ..records import RawInput, Rejection
from ..settings import Settings, load_settings
from .base import SuiteResult, hash_files

_TOKEN = re.compile(r"\w+")
N_BOOTSTRAP = 1000
SEED = 13
Score = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Token n-grams; a text shorter than n words is one short shingle."""
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def match(gold: str, pred: str) -> Score:
    """Normalised (tp, fp, fn) over shingle multisets."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(s: Score) -> float:
    tp, fp, fn = s
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(s: Score) -> float:
    tp, fp, fn = s
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def macro(scores: list[Score]) -> dict[str, float]:
    ps = [_precision(s) for s in scores if s[0] + s[1] > 0]
    rs = [_recall(s) for s in scores if s[0] + s[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def bootstrap(scores: list[Score], n: int = N_BOOTSTRAP, seed: int = SEED) -> dict[str, object]:
    """Percentile 95% intervals and the benchmark's 1.96*stdev half-width."""
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {"f1": [], "precision": [], "recall": []}
    for _ in range(n):
        sample = [scores[rng.randrange(len(scores))] for _ in scores]
        for k, v in macro(sample).items():
            draws[k].append(v)
    out: dict[str, object] = {}
    for k, vals in draws.items():
        vals.sort()
        lo, hi = vals[int(0.025 * (n - 1))], vals[int(0.975 * (n - 1))]
        out[k] = {
            "ci95": [round(lo, 4), round(hi, 4)],
            "pm": round(1.96 * statistics.stdev(vals), 4),
        }
    return out


def predict(cleaner: Cleaner, html: str, url: str | None, key: str) -> str:
    """Body text our clean stage gives for one page ("" when it finds none)."""
    raw = RawInput(input=key, content=html, format="html", url=url)
    ex = cleaner.extract(raw)
    if isinstance(ex, Rejection):
        return ""
    # a wire dateline is taken off the body into Document.dateline; the benchmark's body has it
    return f"{ex.dateline} {ex.text}" if ex.dateline else ex.text


def run(path: Path, settings: Settings, sample: int | None = None) -> SuiteResult:
    path = Path(path)
    gold_file = path / "ground-truth.json"
    gold: dict[str, dict[str, str]] = json.loads(gold_file.read_text(encoding="utf-8"))
    keys = sorted(gold)
    notes = ["metric: benchmark 4-gram shingle P/R, macro over documents, F1 of the means"]
    if sample is not None and sample < len(keys):
        keys = sorted(random.Random(SEED).sample(keys, sample))
        notes.append(f"sampled {sample} of {len(gold)} pages (seed {SEED})")
    cleaner = Cleaner(settings)
    per_doc: dict[str, dict[str, float]] = {}
    scores: list[Score] = []
    files = [gold_file]
    for key in keys:
        html_file = path / "html" / f"{key}.html.gz"
        files.append(html_file)
        html = gzip.decompress(html_file.read_bytes()).decode("utf-8", errors="replace")
        pred = predict(cleaner, html, gold[key].get("url"), key)
        s = match(gold[key].get("articleBody", ""), pred)
        scores.append(s)
        per_doc[key] = {"precision": _precision(s), "recall": _recall(s), "chars": len(pred)}
    metrics = {k: round(v, 4) for k, v in macro(scores).items()}
    notes.append("title/date accuracy not scored: ground-truth.json has only articleBody and url")
    return SuiteResult(
        suite="extraction",
        metrics=metrics,
        n=len(keys),
        gold_hash=hash_files(files),
        details={"bootstrap": bootstrap(scores), "per_doc": per_doc},
        notes=notes,
    )


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else Path("../shared/eval/article-extraction-benchmark")
    sample = int(argv[1]) if len(argv) > 1 else None
    res = run(path, load_settings(), sample)
    print(json.dumps({"metrics": res.metrics, "n": res.n, "ci": res.details["bootstrap"]}))


if __name__ == "__main__":
    main(sys.argv[1:])
