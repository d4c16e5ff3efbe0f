#!/usr/bin/env python3
"""Shared pieces of the benchmarks: corpus selection, child runs, peak-RSS sampling.

Every measurement runs in a fresh child process so model loading, thinc ops and
memory from one run never leak into the next; the parent samples the resident
memory of the child *and its children* (spaCy ``n_process`` workers) with psutil.

Child entry point (used by throughput.py and scaling.py)::

    python benchmarks/common.py {pipeline|bare|parallel} --n 200 --n-process 1 \
        [--stages] [--profile F]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
WH = ROOT.parent / "shared" / "corpus" / "wh-briefings"
MiB = 1024 * 1024


def wh_paths(corpus: Path, n: int | None) -> list[str]:
    """The first ``n`` items of the WH corpus in INDEX.jsonl (date) order; all when None."""
    index = corpus / "INDEX.jsonl"
    if not index.is_file():
        raise SystemExit(f"error: {index} not found (pass --corpus)")
    out: list[str] = []
    with index.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(str(corpus / json.loads(line)["path"]))
            if n is not None and len(out) >= n:
                break
    return out


def machine() -> str:
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (
        f"{cpu}, {psutil.cpu_count()} cores, {mem:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()}"
    )


# --- parent side ---------------------------------------------------------------------


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += p.memory_info().rss
    return total


def run_child(args: list[str], interval: float = 0.05) -> dict[str, Any]:
    """Run this file as a child with ``args``; return its JSON plus peak tree RSS in MiB."""
    env = dict(os.environ)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(ps))
            except psutil.NoSuchProcess:
                return
            done.wait(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    done.set()
    t.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({proc.returncode}): {' '.join(cmd)}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mib"] = round(peak / MiB, 1)
    return result


# --- child side ----------------------------------------------------------------------


class StageClock:
    """CPU time spent inside each stage (robust to busy neighbours), by wrapping stage objects."""

    def __init__(self) -> None:
        self.secs: dict[str, float] = defaultdict(float)

    def call(self, name: str, fn: Any) -> Any:
        def wrapped(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                self.secs[name] += time.process_time() - t

        return wrapped

    def iterate(self, name: str, it: Iterable[Any]) -> Iterator[Any]:
        src = iter(it)
        while True:
            t = time.process_time()
            try:
                item = next(src)
            except StopIteration:
                self.secs[name] += time.process_time() - t
                return
            self.secs[name] += time.process_time() - t
            yield item


def instrument(pipe: Any, clock: StageClock) -> None:
    """Time every stage of a Pipeline in place (same objects, wrapped entry points)."""
    pipe.cleaner = clock.call("clean", pipe.cleaner)
    pipe.actors.mentions = clock.call("actors", pipe.actors.mentions)
    pipe.coder = clock.call("events", pipe.coder)
    pipe.attributor = clock.call("claims", pipe.attributor)
    pipe.timer = clock.call("time", pipe.timer)
    pipe.confidence = clock.call("confidence", pipe.confidence)
    parser = pipe.parser
    inner_pipe = parser.pipe
    parser.pipe = lambda items: clock.iterate("nlp", inner_pipe(items))


def cpu_now() -> float:
    """CPU seconds of this process plus its reaped children (spaCy n_process workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def settings_for(n_process: int) -> Any:
    from dyadwatch.settings import load_settings

    return load_settings().with_overrides(n_process=n_process)


def tally(results: Iterable[Any]) -> dict[str, int]:
    """Documents, words, events, claims and rejections in a stream of pipeline results."""
    from dyadwatch.pipeline import Result

    n = dict(docs=0, words=0, events=0, claims=0, rejected=0)
    for r in results:
        if isinstance(r, Result):
            n["docs"] += 1
            n["words"] += len(r.document.text.split())
            n["events"] += len(r.events)
            n["claims"] += len(r.claims)
        else:
            n["rejected"] += 1
    return n


def child_parallel(paths: list[str], n_process: int) -> dict[str, Any]:
    """End-to-end with whole documents spread over processes (dyadwatch.scale.local)."""
    from dyadwatch.scale.local import run_parallel
    from dyadwatch.sources import read_inputs

    settings = settings_for(n_process)
    t0, c0 = time.perf_counter(), cpu_now()  # includes starting the workers (model loads)
    counts = tally(run_parallel(read_inputs(paths, settings), settings, processes=n_process))
    secs, cpu = time.perf_counter() - t0, cpu_now() - c0
    out: dict[str, Any] = {"mode": "parallel", "n_process": n_process}
    out.update(counts, secs=round(secs, 3), cpu=round(cpu, 3))
    return out


def child_pipeline(paths: list[str], n_process: int, stages: bool) -> dict[str, Any]:
    """End-to-end: sources -> clean -> nlp -> actors -> events -> claims -> time, streamed."""
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.sources import read_inputs

    settings = settings_for(n_process)
    pipe = Pipeline(settings)
    # load the model before the clock starts, as the bare run does (this also loads the
    # stages' dictionaries and patterns, with one small warm-up document: start-up, not
    # per-document cost)
    _ = pipe.parser
    clock = StageClock()
    if stages:
        instrument(pipe, clock)
    t0, c0 = time.perf_counter(), cpu_now()
    raws = clock.iterate("sources", read_inputs(paths, settings)) if stages else None
    counts = tally(pipe.run(raws if raws is not None else read_inputs(paths, settings)))
    secs, cpu = time.perf_counter() - t0, cpu_now() - c0
    out: dict[str, Any] = {"mode": "pipeline", "n_process": n_process}
    out.update(counts, secs=round(secs, 3), cpu=round(cpu, 3))
    if stages:
        named = sum(clock.secs.values())
        out["stages"] = {k: round(v, 3) for k, v in sorted(clock.secs.items())}
        out["stages"]["pipeline overhead"] = round(cpu - named, 3)
    return out


def cleaned_texts(paths: list[str], settings: Any) -> list[str]:
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import Document
    from dyadwatch.sources import read_inputs

    pipe = Pipeline(settings)
    return [d.text for d in pipe.clean(read_inputs(paths, settings)) if isinstance(d, Document)]


def child_bare(paths: list[str], n_process: int) -> dict[str, Any]:
    """Just the product's parse (its nlp stage: the configured model, ``nlp.pipe`` in batches of
    ``[nlp] batch_size`` documents and at most ``dyadwatch.nlp.BATCH_CHARS`` characters) over
    the texts the pipeline's cleaner produces (cleaning untimed)."""
    from dyadwatch.registry import registry

    settings = settings_for(n_process)
    texts = cleaned_texts(paths, settings)
    parser = registry.get(settings.nlp_impl)(settings)  # loads the model, as Pipeline does
    t0, c0 = time.perf_counter(), cpu_now()
    tokens = sum(len(d) for d, _ in parser.pipe((t, None) for t in texts))
    secs, cpu = time.perf_counter() - t0, cpu_now() - c0
    words = sum(len(t.split()) for t in texts)
    return {
        "mode": "bare",
        "n_process": n_process,
        "docs": len(texts),
        "words": words,
        "tokens": tokens,
        "secs": round(secs, 3),
        "cpu": round(cpu, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="benchmark child (see module docstring)")
    ap.add_argument("mode", choices=("pipeline", "bare", "parallel"))
    ap.add_argument("--corpus", type=Path, default=WH)
    ap.add_argument("--n", type=int, default=None, help="first N documents (default all)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--stages", action="store_true", help="time each pipeline stage")
    ap.add_argument("--profile", type=Path, help="write cProfile stats of the run here")
    args = ap.parse_args(argv)
    paths = wh_paths(args.corpus, args.n)
    if args.mode == "bare":
        result = child_bare(paths, args.n_process)
    elif args.mode == "parallel":
        result = child_parallel(paths, args.n_process)
    elif args.profile:
        import cProfile

        prof = cProfile.Profile()
        result = prof.runcall(child_pipeline, paths, args.n_process, args.stages)
        prof.dump_stats(str(args.profile))
    else:
        result = child_pipeline(paths, args.n_process, args.stages)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
