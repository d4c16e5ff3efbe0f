#!/usr/bin/env python3
"""Start-up and write visibility of `dyadwatch serve` on a large store (issue 9).

1. Ready: start the server process on the store and time, from the start of the process,
   its first answer, then the first 200 of the contested claims view and of a dyad timeline
   (both wait for the derived tables the server builds at start-up).
2. Write visible: on a copy of the store opened writable (as `serve --token` does), write one
   synthetic seed-like document the way POST /api/documents does (store transaction, then the
   write's generation) and time until its contested group is in the ledger. The pipeline's
   NLP is not timed (no spaCy here): the write itself and the contested refresh are.

    python benchmarks/ready.py --db /tmp/b1m.duckdb      # a store made by benchmarks/api.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).parent))
from load import free_port  # noqa: E402

# the process answering at all, then the two views that wait for the derived tables
URLS = ("/api", "/api/claims?contested=true&limit=1", "/api/dyads/IRN/RUS/timeline")


def ready(db: Path) -> dict[str, float]:
    port = free_port()
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out: dict[str, float] = {}
    try:
        while len(out) < len(URLS) and time.perf_counter() - t0 < 300:  # noqa: SIM113
            for url in URLS:
                if url in out or (url != URLS[0] and URLS[0] not in out):
                    continue
                try:
                    r = httpx.get(f"http://127.0.0.1:{port}{url}", timeout=120)
                    if r.status_code == 200:
                        out[url] = time.perf_counter() - t0
                except httpx.HTTPError:
                    time.sleep(0.05)
        if len(out) == len(URLS):  # CPU the server used to get there, all its threads
            cpu = psutil.Process(proc.pid).cpu_times()
            out["server CPU-s"] = cpu.user + cpu.system
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def fill_actors(path: Path) -> None:
    """A store made by SQL (benchmarks/api.py before it filled them) has no actors rows;
    an ingested one has. Fill them first, untimed, so the write is the usual one."""
    from dyadwatch.store import Store
    from dyadwatch.store import queries as q

    with Store(path) as s:
        if s.one("SELECT 1 FROM actors LIMIT 1") is None:
            s.con.execute(q.REFRESH_ACTORS)


def write_visible(db: Path) -> dict[str, float]:
    from dyadwatch.api import contested
    from dyadwatch.api.db import Database
    from dyadwatch.store.synth import seed_like

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "w.duckdb"
        shutil.copy(db, copy)
        fill_actors(copy)
        d = Database(copy, writable=True, timeout_s=60)
        try:
            contested.ensure(d)
            before = len(contested.select(d))
            new = seed_like("2031-01-10")  # newest: first in the ledger
            t0 = time.perf_counter()
            assert d.store is not None
            with d.lock:  # as api/ingest.py
                d.store.write_batch([new])
                d.written[d.generation + 1] = [new.document.doc_id]
                d.generation += 1
            t1 = time.perf_counter()
            found = contested.select(d)
            assert len(found) == before + 1 and found[0].positions[0].doc_id == new.document.doc_id
            t2 = time.perf_counter()
        finally:
            d.close()
    return {"write": t1 - t0, "contested refresh": t2 - t1, "write to visible": t2 - t0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    for i in range(args.rounds):
        times = ready(args.db)
        print(f"ready round {i + 1}: " + ", ".join(f"{u} {t:.2f}" for u, t in times.items()))
    for i in range(args.rounds):
        times = write_visible(args.db)
        print(f"write round {i + 1}: " + ", ".join(f"{k} {t:.2f} s" for k, t in times.items()))


if __name__ == "__main__":
    main()
