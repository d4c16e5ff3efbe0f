#!/usr/bin/env python3
"""Documents/s and peak RSS of the end-to-end pipeline at growing corpus sizes.

Each size runs in a fresh process over the first N White House documents (date
order). Streaming means peak RSS stays flat while N grows 40-fold.

    python benchmarks/scaling.py                       # N = 100 and 1000 (a few minutes each)
    python benchmarks/scaling.py --sizes 100 1000 all  # 'all' = the whole corpus (3,985; long)
    python benchmarks/scaling.py --processes 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import WH, machine, run_child  # noqa: E402


def measure(corpus: Path, size: str, procs: int) -> dict[str, Any]:
    args = ["pipeline", "--corpus", str(corpus), "--n-process", str(procs)]
    if size != "all":
        args += ["--n", str(int(size))]
    r = run_child(args)
    return {
        "n": size,
        "n_process": procs,
        "docs": r["docs"],
        "rejected": r["rejected"],
        "words": r["words"],
        "secs": r["secs"],
        "docs_s": round(r["docs"] / r["secs"], 2),
        "words_s": round(r["words"] / r["secs"]),
        "cpu_words_s": round(r["words"] / r["cpu"]) if r.get("cpu") else None,
        "peak_rss_mib": r["peak_rss_mib"],
        "events": r["events"],
        "claims": r["claims"],
        "load_1min": round(os.getloadavg()[0], 1),
    }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| N | processes | docs | words | seconds | docs/s | words/s | words/CPU-s "
        "| peak RSS (MiB) | events | claims | load |",
        "|" + "---|" * 12,
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['n_process']} | {r['docs']} | {r['words']} | {r['secs']:.0f} "
            f"| {r['docs_s']} | {r['words_s']} | {r['cpu_words_s']} | {r['peak_rss_mib']} "
            f"| {r['events']} | {r['claims']} | {r['load_1min']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WH, help="wh-briefings folder")
    ap.add_argument("--sizes", nargs="+", default=["100", "1000"], help="N values or 'all'")
    ap.add_argument("--processes", type=int, default=1, help="settings.n_process")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    args = ap.parse_args(argv)
    for s in args.sizes:
        if s != "all" and not s.isdigit():
            ap.error(f"size must be a number or 'all', not {s!r}")
    rows = []
    for size in args.sizes:
        rows.append(measure(args.corpus, size, args.processes))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {machine()}")
    print(f"command: python benchmarks/scaling.py {' '.join(argv or sys.argv[1:])}\n")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    peaks = [r["peak_rss_mib"] for r in rows]
    if len(peaks) > 1:
        print(f"\npeak RSS spread: {min(peaks)}-{max(peaks)} MiB ({max(peaks) / min(peaks):.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
