"""Per-dyad period aggregates, built once in memory and rebuilt after each API write.

Background references (see BACKGROUND_DAYS) are left out, so the charts span the publication
dates. Timelines, the dyad ranking and the network only need counts and scores per directed dyad,
period and PLOVER type. Aggregating a million events on every request costs ~100 ms; reading a
few thousand pre-aggregated rows, sorted by dyad so DuckDB's zone maps skip the rest, costs a few
ms. The store file cannot change underneath: a read-only server holds DuckDB's file lock, and the
server's own writes bump ``Database.generation``.
"""

from __future__ import annotations

import logging
import threading
import time

from .db import CACHE_CATALOG, Database
from .scores import scores_cte, weight_sql

TABLE = f"{CACHE_CATALOG}.dyad_periods"  # freq, a, b, src, tgt, period, type -> n, scores
PAIRS = f"{CACHE_CATALOG}.pair_periods"  # freq, a, b, period -> n, scores (a < b, both ways)
log = logging.getLogger(__name__)
BACKGROUND_MIN_EVENTS = 200_000  # smaller stores rebuild at once (well under a second)
_building: set[int] = set()


# An event dated this far from its document's publication is a background reference ("under
# the 1951 treaty", a 2014 annexation, a 2030 target): listed apart, never on a time axis.
BACKGROUND_DAYS = 365


def background_sql(event: str = "e", doc: str = "d") -> str:
    """True for a background reference; events joined to their documents as ``doc``."""
    return f"coalesce(abs({event}.date_start - {doc}.published_date) > {BACKGROUND_DAYS}, FALSE)"


def _build_sql() -> tuple[str, list[object]]:
    cte, params = scores_cte()
    parts = []
    for freq in ("month", "week"):
        parts.append(
            f"""SELECT '{freq}' AS freq, a, b, src, tgt,
                   date_trunc('{freq}', date_start)::DATE AS period, type, count(*) AS n,
                   sum(CASE WHEN cls = 'cooperation' THEN w ELSE 0 END) AS cooperation,
                   sum(CASE WHEN cls = 'conflict' THEN w ELSE 0 END) AS conflict
            FROM ev GROUP BY ALL"""
        )
    sql = f"""
    CREATE OR REPLACE TABLE {TABLE} AS
    WITH {cte},
    ev AS (
        SELECT e.source_key AS src, e.target_key AS tgt,
               least(e.source_key, e.target_key) AS a, greatest(e.source_key, e.target_key) AS b,
               e.date_start, e.plover_type AS type, s.cls, {weight_sql()} AS w
        FROM events e LEFT JOIN scores s ON s.type = e.plover_type
        LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE e.source_key IS NOT NULL AND e.target_key IS NOT NULL
          AND e.date_start IS NOT NULL AND NOT ({background_sql()})
    )
    SELECT * FROM ({" UNION ALL ".join(parts)}) ORDER BY freq, a, b, src, period, type
    """
    return sql, params


def _build(db: Database) -> None:
    generation = db.generation
    sql, params = _build_sql()
    t0 = time.perf_counter()
    cur = db.cursor()
    try:
        cur.execute(sql, params)
        cur.execute(
            f"CREATE OR REPLACE TABLE {PAIRS} AS SELECT freq, a, b, period,"
            " sum(n) AS n, sum(cooperation) AS cooperation, sum(conflict) AS conflict"
            f" FROM {TABLE} WHERE a <> b GROUP BY ALL ORDER BY freq, a, b, period"
        )
    finally:
        cur.close()
    db.cache_build_s = time.perf_counter() - t0
    db.cache_events = int(db.scalar("SELECT count(*) FROM events") or 0)
    db.cache_generation = generation


def _rebuild_in_background(db: Database) -> None:
    def run() -> None:
        try:
            with db.cache_lock:
                if db.cache_generation != db.generation:
                    _build(db)
        except Exception:  # the next request retries in the foreground
            log.warning("background rebuild of dyad aggregates failed", exc_info=True)
        finally:
            _building.discard(id(db))

    if id(db) not in _building:
        _building.add(id(db))
        threading.Thread(target=run, daemon=True, name="dyadwatch-cache").start()


def ensure(db: Database) -> str:
    """Name of the aggregate table, (re)built if the store changed since it was last built.

    The first build blocks. After a write, small stores rebuild at once; large ones (over
    BACKGROUND_MIN_EVENTS events) rebuild in the background while readers keep the previous
    aggregates, which then lag the newest batch by a few seconds.
    """
    if db.cache_generation == db.generation:
        return TABLE
    if db.cache_generation is not None and db.cache_events > BACKGROUND_MIN_EVENTS:
        _rebuild_in_background(db)
        return TABLE
    with db.cache_lock:
        if db.cache_generation != db.generation:
            _build(db)
    return TABLE
