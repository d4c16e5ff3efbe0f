"""Time the API's heaviest queries over a large synthetic store.

Generates N synthetic events (default 1,000,000) with claims and documents straight into the
dyadwatch schema with DuckDB SQL (no spaCy), then times, over repeated runs, the dyad timeline
(SQL + pivot), the events page (filtered, counted, paged), the contested claims page and the dyad
ranking, both as library calls and through HTTP (Starlette TestClient: routing, validation and
JSON included). Writes p50/p95 into benchmarks/RESULTS.md under "## API queries".

    .venv/bin/python benchmarks/api.py                 # 1M events, 30 runs
    .venv/bin/python benchmarks/api.py --events 100000 --runs 10 --no-write
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.api import ApiConfig, cache, contested, create_app
from dyadwatch.api import queries as Q
from dyadwatch.api.db import Database
from dyadwatch.api.timeline import dyad_timeline
from dyadwatch.api.trends import ranked_dyads
from dyadwatch.records import PLOVER_TYPES, STATUSES
from dyadwatch.store.db import Store
from dyadwatch.store.queries import REFRESH_ACTORS, ClaimFilter, EventFilter

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## API queries"
COUNTRIES = [
    "IRN",
    "RUS",
    "USA",
    "UKR",
    "CHN",
    "ISR",
    "SYR",
    "TUR",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "PAK",
    "SAU",
    "IRQ",
    "AFG",
    "PRK",
    "KOR",
    "JPN",
    "EGY",
    "LBN",
    "YEM",
    "QAT",
    "ARE",
    "BLR",
    "POL",
    "VEN",
    "CUB",
    "BRA",
    "ZAF",
]

GENERATE = """
INSERT INTO events (event_id, doc_id, source_name, source_country, source_code, target_name,
    target_country, target_code, source_key, target_key, plover_type, plover_mode,
    plover_context, cameo, goldstein, date, date_start, date_precision, date_basis, status,
    attributed_to, trigger, weapons, sentence, start_char, end_char, evidence_text, confidence,
    record)
WITH base AS (
    SELECT i,
        -- 5% of events are IRN-RUS (both directions), the rest spread over 30 countries
        CASE WHEN i % 20 = 0 THEN (CASE WHEN i % 40 = 0 THEN 'IRN' ELSE 'RUS' END)
             ELSE $countries[1 + (hash(i) % 30)::INTEGER] END AS src,
        CASE WHEN i % 20 = 0 THEN (CASE WHEN i % 40 = 0 THEN 'RUS' ELSE 'IRN' END)
             ELSE $countries[1 + (hash(i * 7 + 1) % 30)::INTEGER] END AS tgt,
        $types[1 + (hash(i * 3) % 16)::INTEGER] AS ptype,
        $statuses[1 + (hash(i * 5) % 9)::INTEGER] AS status,
        DATE '2015-01-01' + (hash(i * 11) % 3650)::INTEGER AS d,
        'd' || (i // 8) AS doc_id
    FROM range(?) t(i)
)
SELECT 'e' || i, doc_id, src, src, src, tgt, tgt, tgt, src, tgt, ptype,
    CASE WHEN i % 3 = 0 THEN 'military' END, [], NULL,
    CASE WHEN i % 2 = 0 THEN ((hash(i) % 200)::DOUBLE / 10 - 10) END,
    strftime(d, '%Y-%m-%d'), d, 'day', 'publication', status, [],
    'trigger', CASE WHEN i % 50 = 0 THEN ['Su-35'] ELSE [] END, 0, 0, 40,
    src || ' did something to ' || tgt || ' in event ' || i, 0.5,
    json_object('kind', 'event', 'event_id', 'e' || i, 'doc_id', doc_id,
        'source', json_object('text', src, 'country', src, 'code', src),
        'target', json_object('text', tgt, 'country', tgt, 'code', tgt),
        'plover', json_object('type', ptype), 'date', strftime(d, '%Y-%m-%d'),
        'status', status, 'trigger', 'trigger',
        'evidence', json_object('sentence', 0, 'start', 0, 'end', 40,
            'text', src || ' did something to ' || tgt))
FROM base
"""

CLAIMS = """
INSERT INTO claims (claim_id, doc_id, speaker_name, speaker_country, speaker_code, speaker_key,
    cue, stance, content_start, content_end, content_text, quoted, date, date_start, date_basis,
    events, about_claims, sentence, start_char, end_char, evidence_text, record)
SELECT 'c' || e.event_id, e.doc_id, e.source_name, e.source_country, e.source_code,
    e.source_key, 'said', CASE WHEN hash(e.event_id) % 4 = 0 THEN 'deny' ELSE 'assert' END,
    0, 40, e.evidence_text, false, e.date, e.date_start, 'publication', [e.event_id], [], 0, 0,
    40, e.evidence_text,
    json_object('kind', 'claim', 'claim_id', 'c' || e.event_id, 'doc_id', e.doc_id,
        'stance', CASE WHEN hash(e.event_id) % 4 = 0 THEN 'deny' ELSE 'assert' END,
        'events', [e.event_id])
FROM events e WHERE hash(e.event_id) % 10 = 0
"""

# The target denies a fifth of those: contested groups for the ledger (two different speakers).
DENIALS = """
INSERT INTO claims (claim_id, doc_id, speaker_name, speaker_country, speaker_code, speaker_key,
    cue, stance, content_start, content_end, content_text, quoted, date, date_start, date_basis,
    events, about_claims, sentence, start_char, end_char, evidence_text, record)
SELECT 'd' || e.event_id, e.doc_id, e.target_name, e.target_country, e.target_code,
    e.target_key, 'denied', 'deny', 0, 40, e.evidence_text, false, e.date, e.date_start,
    'publication', [e.event_id], [], 0, 0, 40, e.evidence_text,
    json_object('kind', 'claim', 'claim_id', 'd' || e.event_id, 'doc_id', e.doc_id,
        'stance', 'deny', 'events', [e.event_id])
FROM events e WHERE hash(e.event_id) % 10 = 0 AND hash(e.event_id) % 4 <> 0
    AND hash(e.event_id || 'd') % 5 = 0
"""

DOCS = """
INSERT INTO documents (doc_id, title, published, published_date, text, record)
SELECT doc_id, 'doc ' || doc_id, min(date), min(date_start), 'text',
    json_object('kind', 'document', 'doc_id', doc_id)
FROM events GROUP BY doc_id
"""


def generate(path: Path, n: int) -> dict[str, int]:
    Store(path).close()  # schema
    con = duckdb.connect(str(path))
    con.execute("SET VARIABLE countries = ?", [COUNTRIES])
    con.execute("SET VARIABLE types = ?", [list(PLOVER_TYPES)])
    con.execute("SET VARIABLE statuses = ?", [list(STATUSES)])
    sql = GENERATE
    for name in ("countries", "types", "statuses"):
        sql = sql.replace(f"${name}", f"getvariable('{name}')")
    con.execute(sql, [n])
    con.execute(CLAIMS)
    con.execute(DENIALS)
    con.execute(DOCS)
    con.execute(REFRESH_ACTORS)  # as every ingest batch leaves it
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("events", "claims", "documents")  # type: ignore[index]
    }
    con.execute("CHECKPOINT")
    con.close()
    return counts


def timed(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {"p50": statistics.median(samples), "p95": p95, "min": samples[0]}


def run(path: Path, runs: int) -> list[tuple[str, dict[str, float]]]:
    from fastapi.testclient import TestClient

    db = Database(path, timeout_s=60)
    irn_rus = EventFilter(dyad=("IRN", "RUS"), limit=None)

    def direct() -> Any:
        """What the timeline cost before cache.py: aggregate the events table per request."""
        return db.rows(
            "SELECT source_key, date_trunc('month', date_start) AS period, plover_type,"
            " count(*) AS n, sum(abs(goldstein)) AS g FROM events"
            " WHERE (source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?)"
            " GROUP BY ALL",
            ["IRN", "RUS", "RUS", "IRN"],
        )

    t0 = time.perf_counter()
    cache.ensure(db)  # what the server does once at start-up (and after each API write)
    build_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    n_groups = len(contested.groups(db))  # likewise: the store's grouping, in SQL
    groups_ms = (time.perf_counter() - t0) * 1000
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("timeline IRN-RUS, month (library)", lambda: dyad_timeline(db, "IRN", "RUS", "month")),
        ("timeline IRN-RUS, week (library)", lambda: dyad_timeline(db, "IRN", "RUS", "week")),
        (
            "baseline: month counts by type straight from events (no aggregates, no scores)",
            lambda: direct(),
        ),
        (
            "events dyad=IRN-RUS, page of 50 + total (library)",
            lambda: Q.events_page(db, irn_rus, 50, 0),
        ),
        (
            "events type=ASSAULT&status=claimed, page of 50 + total (library)",
            lambda: Q.events_page(db, EventFilter(plover_type="ASSAULT", status="claimed"), 50, 0),
        ),
        (
            "events q=event 4242 text search (library)",
            lambda: Q.events_page(db, EventFilter(text="event 4242"), 50, 0),
        ),
        (
            "claims contested, page of 50 + total (library)",
            lambda: Q.claims_page(db, ClaimFilter(contested=True), 50, 0),
        ),
        (
            "dyad ranking by trend, month (library)",
            lambda: ranked_dyads(db, "month", "trend"),
        ),
    ]
    out = [(name, timed(fn, runs)) for name, fn in cases]
    out[:0] = [
        (
            "dyad aggregates build (once per start/write)",
            {"p50": build_ms, "p95": build_ms, "min": build_ms},
        ),
        (
            f"contested groups build, {n_groups:,} groups (once per start; writes regroup"
            " their documents only)",
            {"p50": groups_ms, "p95": groups_ms, "min": groups_ms},
        ),
    ]
    db.close()
    cfg = ApiConfig(db=str(path), query_timeout_s=60, response_cache_mb=0)
    with TestClient(create_app(cfg, warm=False)) as c:
        http: list[tuple[str, str]] = [
            ("GET /api/dyads/IRN/RUS/timeline?freq=month", "/api/dyads/IRN/RUS/timeline"),
            ("GET /api/events?dyad=IRN-RUS&limit=50", "/api/events?dyad=IRN-RUS&limit=50"),
            ("GET /api/events?dyad=IRN-RUS&limit=500", "/api/events?dyad=IRN-RUS&limit=500"),
            ("GET /api/dyads?sort=trend", "/api/dyads?sort=trend"),
        ]
        for name, url in http:

            def call(u: str = url) -> None:
                assert c.get(u).status_code == 200

            out.append((name + " (HTTP)", timed(call, runs)))
    return out


def write_results(text: str) -> None:
    """Replace only our section of RESULTS.md (other sections belong to other benchmarks)."""
    old = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |^<!-- |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _m: text, old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new)


def report(
    counts: dict[str, int],
    runs: int,
    rows: list[tuple[str, dict[str, float]]],
    gen_s: float,
    command: str,
) -> str:
    lines = [
        HEADING,
        "",
        f"Synthetic store: {counts['events']:,} events, {counts['claims']:,} claims, "
        f"{counts['documents']:,} documents over 10 years and 30 countries (5% IRN–RUS); "
        f"generated in {gen_s:.1f} s. {runs} timed runs after one warm-up, one process; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs (shared with other "
        "work while measured), DuckDB "
        f"{duckdb.__version__}. Goal: timeline p50 < 100 ms.",
        "",
        f"Command: `{command}`",
        "",
        "Timelines, the dyad ranking and the network read per-dyad aggregates held in memory "
        "(src/dyadwatch/api/cache.py); contested filters and the ledger read the contested "
        "groups (store/contested_sql.py, grouped in DuckDB into in-memory tables). Both are "
        "built when the server starts (in a background thread): the first two rows; after an "
        "API write the aggregates are rebuilt and the contested groups of the written "
        "documents only. The baseline row is a simpler per-request aggregation over events. "
        "Event and claim pages count all matches (the total is then kept per store version, "
        "so the timed runs after the warm-up reuse it), then read the JSON of one page only. "
        "Library calls bypass the server's response cache (api/response_cache.py); the HTTP "
        "rows run with it off too.",
        "",
        "| query | p50 ms | p95 ms | min ms |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {n} | {t['p50']:.1f} | {t['p95']:.1f} | {t['min']:.1f} |" for n, t in rows]
    return "\n".join(lines) + "\n\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--db", help="Reuse/create this file instead of a temporary one.")
    ap.add_argument("--no-write", action="store_true", help="Do not update RESULTS.md.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        if args.db and path.exists():
            con = duckdb.connect(str(path), read_only=True)
            counts = {
                t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("events", "claims", "documents")
            }
            con.close()
        else:
            counts = generate(path, args.events)
        gen_s = time.perf_counter() - t0
        rows = run(path, args.runs)
    command = f".venv/bin/python benchmarks/api.py --events {args.events} --runs {args.runs}"
    text = report(counts, args.runs, rows, gen_s, command)
    print(text)
    if not args.no_write:
        write_results(text)
        print(f"updated {RESULTS}")


if __name__ == "__main__":
    main()
