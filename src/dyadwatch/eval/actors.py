"""Actor suite: phrases built from the curated knowledge base (``data/actors/test/gold.tsv``).

Each phrase is resolved alone with its date (``resolve_phrase``), as the events stage resolves
an argument, and scored on its country (ISO3, or the body code of an international body) and
its sector. This tests the matching and dating of the knowledge base, not its coverage of
real news (that is the real-news suite's side accuracy). Headline metrics: country_accuracy,
sector_accuracy, both_accuracy (country and sector right); details give per-class accuracies
and the misses.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..actors import make_resolver
from ..actors.lexicon import INTL_CODES
from ..records import Actor
from ..settings import Settings
from .base import SuiteResult, hash_files

GOLD = Path(__file__).resolve().parents[1] / "data/actors/test/gold.tsv"


def load_gold(path: Path) -> list[dict[str, str]]:
    """Rows of the gold TSV (``path`` may be the file or its folder)."""
    if path.is_dir():
        path = path / "gold.tsv"
    out: list[dict[str, str]] = []
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) != len(header):
            raise ValueError(f"{path}:{n}: expected {len(header)} tab-separated columns")
        out.append(dict(zip(header, cols, strict=True)))
    return out


def actor_key(actor: Actor | None) -> str:
    """Country, else the body code of an international body, else '' (a code that is only a
    sector, "PTY" for a candidate of no known country, is no country)."""
    if actor is None:
        return ""
    body = (actor.code or "")[:3]
    return str(actor.country or (body if body in INTL_CODES else ""))


def run(path: Path, settings: Settings, sample: int | None = None) -> SuiteResult:
    gold = load_gold(path)
    if sample:
        gold = gold[:sample]
    resolver = make_resolver(settings)
    hits: Counter[str] = Counter()
    by_class: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    for g in gold:
        actor = resolver.resolve_phrase(g["phrase"], g["date"] or None)
        country_ok = actor_key(actor) == g["country"]
        sector_ok = (actor.sector if actor else None) == (g["sector"] or None)
        c = by_class.setdefault(g["class"], Counter())
        for key, ok in (("country", country_ok), ("sector", sector_ok)):
            hits[key] += ok
            c[key] += ok
        hits["both"] += country_ok and sector_ok
        c["n"] += 1
        if not (country_ok and sector_ok):
            got = (actor_key(actor), actor.sector if actor else None)
            misses.append({**g, "got": list(got)})
    n = len(gold) or 1
    metrics = {f"{k}_accuracy": round(hits[k] / n, 4) for k in ("country", "sector", "both")}
    classes = {
        k: {
            "n": v["n"],
            "country": round(v["country"] / v["n"], 3),
            "sector": round(v["sector"] / v["n"], 3),
        }
        for k, v in sorted(by_class.items())
    }
    return SuiteResult(
        suite="actors",
        metrics=metrics,
        n=len(gold),
        gold_hash=hash_files([path if path.is_file() else path / "gold.tsv"]),
        details={"classes": classes, "misses": misses},
        notes=["phrases built from the curated KB (scripts/build_actor_tests.py)"],
    )
