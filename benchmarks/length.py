#!/usr/bin/env python3
"""Time and peak memory of the whole pipeline against document length.

One synthetic news text per run (news-like sentences about many actors, made by a seeded
generator), at each length, with and without sentence punctuation (no punctuation = one
endless "sentence", the worst case for per-sentence work). Each run is a fresh child process,
so peak RSS is that run's alone. Goal (issue 10): time(1M) / time(100k) <= 12 and peak memory
under 2 GB at 1M characters.

    python benchmarks/length.py --sizes 10000 100000 1000000 --timeout 600
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = [
    "Russia",
    "Ukraine",
    "Iran",
    "China",
    "the United States",
    "Turkey",
    "Israel",
    "the European Union",
    "NATO",
    "Japan",
    "India",
    "Brazil",
    "Egypt",
    "Germany",
]
VERBS = [
    "accused",
    "met",
    "criticised",
    "thanked",
    "threatened",
    "urged",
    "condemned",
    "praised",
    "warned",
    "signed an agreement with",
    "held talks with",
    "sanctioned",
]
TAILS = ["on Monday", "last week", "in Geneva", "after the vote", "over the border dispute",
         "according to officials", "the ministry said", "in a statement on Friday"]  # fmt: skip


def make_text(n_chars: int, punct: bool, seed: int = 13) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_chars:
        a, b = rng.sample(ACTORS, 2)
        s = f"{a} {rng.choice(VERBS)} {b} {rng.choice(TAILS)}"
        s = s[0].upper() + s[1:] + (". " if punct else " ")
        parts.append(s)
        size += len(s)
    return "".join(parts)[:n_chars]


def child(n_chars: int, punct: bool) -> None:
    from dyadwatch.pipeline import Pipeline, Result
    from dyadwatch.records import RawInput
    from dyadwatch.settings import load_settings

    settings = load_settings().with_overrides(max_chars=max(n_chars, 1_000_000))
    pipe = Pipeline(settings)
    pipe.parser  # load the model before timing  # noqa: B018
    raw = RawInput(input=f"synthetic-{n_chars}", content=make_text(n_chars, punct))
    t0 = time.perf_counter()
    out = list(pipe.run([raw]))
    secs = time.perf_counter() - t0
    res = out[0]
    events = len(res.events) if isinstance(res, Result) else 0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(secs, 2), "peak_mib": round(rss), "events": events,
                      "kind": type(res).__name__}))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--no-punct", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, not args.no_punct)
        return
    print("| characters | punctuation | seconds | peak MiB | events |")
    print("|---:|---|---:|---:|---:|")
    for punct in (True, False):
        for n in args.sizes:
            cmd = [sys.executable, __file__, "--child", str(n)] + ([] if punct else ["--no-punct"])
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
                row = json.loads(out.stdout.strip().splitlines()[-1])
                cells = [row["seconds"], row["peak_mib"], row["events"]]
            except subprocess.TimeoutExpired:
                cells = [f"> {args.timeout:g} (stopped)", "-", "-"]
            except (IndexError, json.JSONDecodeError):
                cells = ["failed", "-", out.stderr.strip().splitlines()[-1][:60]]
            print(f"| {n:,} | {'yes' if punct else 'no'} | " + " | ".join(map(str, cells)) + " |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
