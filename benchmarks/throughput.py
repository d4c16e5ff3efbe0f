#!/usr/bin/env python3
"""End-to-end extraction vs a bare ``nlp.pipe`` over the same cleaned texts.

For each process count and each N (first N documents of the White House corpus)
it runs, each in a fresh process: the bare spaCy parse of the cleaned texts, and
``Pipeline.run`` over the sources (read, clean, parse, actors, events, claims,
time). It prints words/s for both, their ratio (goal >= 0.85; from wall-clock,
and from CPU seconds, which busy neighbours disturb less), and peak RSS of the
process tree (spaCy ``n_process`` workers included). Peak RSS that does not
grow with N shows the pipeline streams.

    python benchmarks/throughput.py                # N=200, 1 and 2 processes
    python benchmarks/throughput.py --n 100 400 --processes 1 --stages
    python benchmarks/throughput.py --n 200 --profile /tmp/pipe.prof   # cProfile, 1 process
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pstats
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import WH, machine, run_child  # noqa: E402

GOAL = 0.85


def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Fastest wall time of the repeats; peak RSS is the largest seen."""
    top = dict(min(runs, key=lambda r: r["secs"]))
    top["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    top["cpu"] = min(r["cpu"] for r in runs)
    return top


def measure(
    corpus: Path, n: int, procs: int, stages: bool, repeat: int, parallel: bool = False
) -> dict[str, Any]:
    base = ["--corpus", str(corpus), "--n", str(n), "--n-process", str(procs)]
    bares, fulls, pars = [], [], []
    for _ in range(repeat):  # interleaved, so a busy spell hits both sides alike
        bares.append(run_child(["bare", *base]))
        fulls.append(run_child(["pipeline", *base, *(["--stages"] if stages else [])]))
        if parallel and procs > 1:
            pars.append(run_child(["parallel", *base]))
    bare, full = best(bares), best(fulls)
    bare_wps = bare["words"] / bare["secs"]
    full_wps = full["words"] / full["secs"]
    extra: dict[str, Any] = {}
    if pars:
        par = best(pars)
        extra = {
            "parallel_words_s": round(par["words"] / par["secs"]),
            "parallel_ratio": round(par["words"] / par["secs"] / bare_wps, 3),
            "parallel_peak_rss_mib": par["peak_rss_mib"],
            "parallel_events": par["events"],
        }
    return extra | {
        "n": n,
        "n_process": procs,
        "docs": full["docs"],
        "words": full["words"],
        "bare_words_s": round(bare_wps),
        "pipeline_words_s": round(full_wps),
        "ratio": round(full_wps / bare_wps, 3),
        "cpu_ratio": round(bare["cpu"] / full["cpu"], 3),
        "load_1min": round(os.getloadavg()[0], 1),
        "bare_peak_rss_mib": bare["peak_rss_mib"],
        "pipeline_peak_rss_mib": full["peak_rss_mib"],
        "events": full["events"],
        "claims": full["claims"],
        "rejected": full["rejected"],
        "stages": full.get("stages"),
        "same_texts": bare["words"] == full["words"] and bare["docs"] == full["docs"],
    }


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| N | processes | docs | words | bare words/s | pipeline words/s | ratio | CPU ratio "
        "| peak RSS bare (MiB) | peak RSS pipeline (MiB) | events | claims | load |"
    )
    lines = [head, "|" + "---|" * 13]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['n_process']} | {r['docs']} | {r['words']} | {r['bare_words_s']} "
            f"| {r['pipeline_words_s']} | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} "
            f"| {r['bare_peak_rss_mib']} | {r['pipeline_peak_rss_mib']} | {r['events']} "
            f"| {r['claims']} | {r['load_1min']} |"
        )
    return "\n".join(lines)


def stage_table(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        if not r.get("stages"):
            continue
        total = sum(r["stages"].values()) or 1.0
        parts = ", ".join(
            f"{k} {v:.1f}s ({100 * v / total:.0f}%)"
            for k, v in sorted(r["stages"].items(), key=lambda kv: -kv[1])
        )
        out.append(f"- N={r['n']}, {r['n_process']} process(es): {parts}")
    return "\n".join(out)


def profile(corpus: Path, n: int, dest: Path, top: int) -> None:
    run_child(["pipeline", "--corpus", str(corpus), "--n", str(n), "--profile", str(dest)])
    stats = pstats.Stats(str(dest))
    stats.sort_stats("cumulative").print_stats(r"dyadwatch", top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=WH, help="wh-briefings folder")
    ap.add_argument("--n", type=int, nargs="+", default=[200], help="first N documents")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--stages", action="store_true", help="time each stage (1-process runs)")
    ap.add_argument("--profile", type=Path, help="cProfile one 1-process pipeline run to this file")
    ap.add_argument("--top", type=int, default=25, help="rows of profile output")
    ap.add_argument(
        "--parallel",
        action="store_true",
        help="with >1 process, also time dyadwatch.scale.local.run_parallel (whole documents)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="interleaved repeats; best wall kept")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    args = ap.parse_args(argv)
    if args.profile:
        profile(args.corpus, args.n[0], args.profile, args.top)
        return 0
    rows = []
    for procs in args.processes:
        for n in args.n:
            row = measure(
                args.corpus, n, procs, args.stages and procs == 1, args.repeat, args.parallel
            )
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    print(f"\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {machine()}")
    print(f"command: python benchmarks/throughput.py {' '.join(argv or sys.argv[1:])}\n")
    print(table(rows))
    par = [r for r in rows if "parallel_words_s" in r]
    if par:
        print("\nWhole-document processes (dyadwatch.scale.local.run_parallel):")
        for r in par:
            print(
                f"- N={r['n']}, {r['n_process']} processes: {r['parallel_words_s']} words/s, "
                f"ratio {r['parallel_ratio']:.2f} vs bare, "
                f"peak RSS {r['parallel_peak_rss_mib']} MiB"
            )
    if any(r.get("stages") for r in rows):
        print("\nCPU time per stage (pipeline run):\n" + stage_table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    low = [r for r in rows if r["ratio"] < GOAL]
    if low:
        print(f"\nratio below the {GOAL} goal in {len(low)} run(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
