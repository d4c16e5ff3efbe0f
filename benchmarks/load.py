#!/usr/bin/env python3
"""Load test of `dyadwatch serve` on loopback: concurrency C for S seconds over the GET
endpoints, R rounds; requests/s, p50/p99 latency, errors, and the server's resident memory
after each round (it must stay flat). Bounded: loopback only, a fixed duration.

    python benchmarks/load.py --db demo.duckdb                  # an existing store
    python benchmarks/load.py --events 1000000                  # generate the benchmark store
    python benchmarks/load.py --db x.duckdb --concurrency 20 --seconds 30 --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ENDPOINTS = [
    "/api/events?limit=50",
    "/api/events?dyad=IRN-RUS&limit=50",
    "/api/events?type=ASSAULT&status=claimed&limit=50",
    "/api/claims?limit=50",
    "/api/claims?contested=true&limit=50",
    "/api/dyads?sort=trend",
    "/api/dyads/IRN/RUS/timeline?freq=month",
    "/api/documents?limit=50",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(db: Path, port: int, cache_mb: int | None = None) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)]
    if cache_mb is not None:
        cmd += ["--cache-mb", str(cache_mb)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api", timeout=2).status_code < 500:
                return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("server did not start within 300 s")


async def worker(client: httpx.AsyncClient, stop: float, n: int, out: list[tuple[float, bool]]):
    i = n
    while time.monotonic() < stop:
        url = ENDPOINTS[i % len(ENDPOINTS)]
        i += 1
        t0 = time.perf_counter()
        try:
            ok = (await client.get(url)).status_code < 400
        except httpx.HTTPError:
            ok = False
        out.append((time.perf_counter() - t0, ok))


async def one_round(port: int, concurrency: int, seconds: float) -> list[tuple[float, bool]]:
    out: list[tuple[float, bool]] = []
    limits = httpx.Limits(max_connections=concurrency)
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = time.monotonic() + seconds
        await asyncio.gather(*(worker(client, stop, n, out) for n in range(concurrency)))
    return out


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[int(q) - 1] if len(xs) > 1 else xs[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--events", type=int, help="generate a synthetic store of N events")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--cache-mb", type=int, help="server's response cache (serve --cache-mb; 0: off)"
    )
    args = ap.parse_args()
    db = args.db
    if db is None or not db.exists():
        if not args.events:
            raise SystemExit("give --db of an existing store, or --events N to generate one")
        sys.path.insert(0, str(Path(__file__).parent))
        from api import generate

        db = db or Path(tempfile.mkdtemp()) / "load.duckdb"
        print(f"generating {args.events:,} events into {db} ...", file=sys.stderr)
        generate(db, args.events)
    port = free_port()
    server = start(db, port, args.cache_mb)
    proc = psutil.Process(server.pid)
    cache = "default" if args.cache_mb is None else f"{args.cache_mb} MiB"
    print(f"store {db}, concurrency {args.concurrency}, {args.seconds:g} s a round, cache {cache}")
    print(
        "| round | requests | req/s | p50 ms | p99 ms | errors | server RSS MiB |"
        " server CPU ms/request |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    try:
        for r in range(1, args.rounds + 1):
            cpu0 = sum(proc.cpu_times()[:2])
            res = asyncio.run(one_round(port, args.concurrency, args.seconds))
            cpu = sum(proc.cpu_times()[:2]) - cpu0  # all the server's threads, load-free
            lat = [t * 1000 for t, _ in res]
            errors = sum(1 for _, ok in res if not ok)
            rss = proc.memory_info().rss / 2**20
            print(
                f"| {r} | {len(res)} | {len(res) / args.seconds:.1f} | {pct(lat, 50):.0f} | "
                f"{pct(lat, 99):.0f} | {errors} | {rss:.0f} | {cpu * 1000 / len(res):.1f} |"
            )
            sys.stdout.flush()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
