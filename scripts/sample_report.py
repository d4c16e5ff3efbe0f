#!/usr/bin/env python3
"""Events on the sample corpus, for judging by hand: rates, unknown sides, and a
reproducible random draw of events (issue 7 asks for before/after reports).

    python scripts/sample_report.py --out docs/judging/sample-before.md
        [--corpus corpus/sample/wh-2022-2023.jsonl] [--n 30] [--seed 7] [--json counts.json]

The draw is ``random.Random(seed).sample(sorted(event ids), n)``, so the same code on the
same corpus draws the same events. The sample corpus and the real-news dev set share White
House documents: a drawn event whose evidence shares 5 words in a row with a dev sentence is
skipped and replaced by the next draw of the same generator (only their number is printed), so
that judging never annotates a dev sentence. The Markdown has an empty ``verdict`` column.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Actor, Event, Rejection
from dyadwatch.settings import load_settings
from dyadwatch.sources import read_inputs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "corpus" / "sample" / "wh-2022-2023.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_gold_leak as leak  # noqa: E402  (a sibling script, not a package)


def run(corpus: Path) -> tuple[list[Result], list[Rejection]]:
    settings = load_settings()
    results: list[Result] = []
    rejected: list[Rejection] = []
    for item in Pipeline(settings).run(read_inputs([str(corpus)], settings)):
        (rejected if isinstance(item, Rejection) else results).append(item)  # type: ignore[arg-type]
    return results, rejected


def counts(results: list[Result], rejected: list[Rejection]) -> dict[str, Any]:
    events = [e for r in results for e in r.events]
    words = sum(len(r.document.text.split()) for r in results)
    n = len(events) or 1
    no_src = sum(e.source is None for e in events)
    no_tgt = sum(e.target is None for e in events)
    either = sum(e.source is None or e.target is None for e in events)
    unplaced = sum(
        any(a is not None and not (a.country or a.code) for a in (e.source, e.target))
        for e in events
    )
    return {
        "documents": len(results),
        "rejected": len(rejected),
        "words": words,
        "events": len(events),
        "events_per_1000_words": round(1000 * len(events) / words, 2) if words else 0.0,
        "share_unknown_side": round(either / n, 3),
        "share_unknown_source": round(no_src / n, 3),
        "share_unknown_target": round(no_tgt / n, 3),
        "share_side_without_country_or_code": round(unplaced / n, 3),
    }


def dev_grams(shared: Path) -> set[tuple[str, ...]]:
    """5-word runs of the real-news dev sentences (empty when ../shared is absent)."""
    dev = shared / leak.DEV
    if not dev.is_file():
        return set()
    return set(leak.gold_index(leak.dev_texts(dev), 5, set()))


def draw(
    results: list[Result], n: int, seed: int, avoid: set[tuple[str, ...]]
) -> tuple[list[tuple[Result, Event]], int]:
    """n events at random, and how many drawn ones were skipped as dev-set sentences."""
    by_id = {e.event_id: (r, e) for r in results for e in r.events}
    ids = sorted(by_id)
    rng = random.Random(seed)
    picked = rng.sample(ids, min(n, len(ids)))
    seen, skipped = set(picked), 0
    while True:
        bad = [i for i in picked if any(g in avoid for g in leak.ngrams(
            leak.words(by_id[i][1].evidence.text), 5))]  # fmt: skip
        if not bad:
            return [by_id[i] for i in picked], skipped
        skipped += len(bad)
        picked = [i for i in picked if i not in bad]
        rest = [i for i in ids if i not in seen]
        more = rng.sample(rest, min(len(bad), len(rest)))
        seen.update(more)
        picked += more


def cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip() or "—"


def side(a: Actor | None) -> str:
    if a is None:
        return "**null**"
    return cell(f"{a.text} ({a.country or a.code or '?'}, {a.sector or '?'})")


def doc_ref(r: Result) -> str:
    d = r.document
    slug = (d.source_id or d.input or d.doc_id).rsplit("/", 1)[-1].removesuffix(".md")
    return cell(f"{d.published} {slug[:60]}")


def markdown(
    c: dict[str, Any], sample: list[tuple[Result, Event]], skipped: int, meta: dict[str, str]
) -> str:
    lines = [
        f"# Sample corpus events ({meta['label']})",
        "",
        f"Corpus `{meta['corpus']}`, code `{meta['commit']}`, run {meta['when']} "
        f"({meta['seconds']} s). Command: `{meta['command']}`.",
        "",
        "| measure | value |",
        "|---|---|",
        *(f"| {k.replace('_', ' ')} | {v} |" for k, v in c.items()),
        "",
        f"## {len(sample)} events drawn at random (random.Random({meta['seed']}) over sorted ids)",
        "",
        f"{skipped} drawn event(s) skipped and redrawn: the sentence is in the real-news dev set.",
        "",
        "| # | doc | evidence | trigger | source | target | type / mode | status | date | conf"
        " | verdict |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for i, (r, e) in enumerate(sample, 1):
        lines.append(
            f"| {i} | {doc_ref(r)} | {cell(e.evidence.text)} | {cell(e.trigger)} "
            f"| {side(e.source)} | {side(e.target)} | {e.plover.type} / {e.plover.mode or '—'} "
            f"| {e.status} | {e.date or '—'} | {e.confidence:.2f} |  |"
        )
    return "\n".join(lines) + "\n"


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--label", default="before")
    ap.add_argument("--json", type=Path, help="also write the counts as JSON")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    t0 = time.time()
    results, rejected = run(args.corpus)
    c = counts(results, rejected)
    meta = {
        "label": args.label,
        "corpus": str(args.corpus.resolve().relative_to(ROOT))
        if args.corpus.resolve().is_relative_to(ROOT)
        else str(args.corpus),
        "commit": commit(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "seconds": f"{time.time() - t0:.0f}",
        "seed": str(args.seed),
        "command": "python scripts/sample_report.py " + " ".join(argv or sys.argv[1:]),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sample, skipped = draw(results, args.n, args.seed, dev_grams(args.shared))
    args.out.write_text(markdown(c, sample, skipped, meta), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(c, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(c, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
