"""Contested claims, as the store defines them (store/contested.py), cached per store version.

A group of linked events and claims is contested when one speaker asserts, supports,
acknowledges or accuses while a different speaker denies or rejects. Grouping runs in Python
over the whole store, so the API computes it once per store version (start-up, then after each
API write) and keeps the contested claim and event ids in memory tables the SQL filters join.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from ..store.contested import ClaimGroup, ledger
from ..store.queries import Contested
from ..store.rows import date_start
from .db import CACHE_CATALOG, Database

CLAIMS_TABLE = f"{CACHE_CATALOG}.contested_claims"
EVENTS_TABLE = f"{CACHE_CATALOG}.contested_events"
# What the query layer joins for contested=true/false.
SQL = Contested(
    claims=f"(SELECT claim_id FROM {CLAIMS_TABLE})", events=f"(SELECT event_id FROM {EVENTS_TABLE})"
)


def groups(db: Database) -> list[ClaimGroup]:
    """Contested groups of the whole store, newest first; rebuilt when the store changed."""
    cached = db.contested
    if cached and cached[0] == db.generation:
        return cast(list[ClaimGroup], cached[1])
    with db.contested_lock:
        cached = db.contested
        if cached and cached[0] == db.generation:
            return cast(list[ClaimGroup], cached[1])
        generation = db.generation
        found = _incremental(db, cached, generation)
        if found is None:
            found = ledger(cast(Any, db))  # Database.rows has the signature ledger() uses
        found.sort(key=lambda g: (g.last_date or "", g.group_id), reverse=True)
        _save_ids(db, found)
        db.contested = (generation, found)
        return found


def _incremental(
    db: Database, cached: tuple[int, list[Any]] | None, generation: int
) -> list[ClaimGroup] | None:
    """Groups after API writes, from the written documents only (a group never spans two
    documents), or None when the whole store must be grouped."""
    if cached is None:
        return None
    docs: list[str] = []
    for g in range(cached[0] + 1, generation + 1):
        if g not in db.written:
            return None
        docs += db.written[g]
    fresh = {g.group_id: g for d in dict.fromkeys(docs) for g in ledger(cast(Any, db), doc_id=d)}
    kept = [g for g in cast(list[ClaimGroup], cached[1]) if g.group_id not in fresh]
    for g in range(cached[0] + 1, generation + 1):
        db.written.pop(g, None)
    return kept + list(fresh.values())


def _save_ids(db: Database, found: list[ClaimGroup]) -> None:
    claim_ids = sorted({p.claim_id for g in found for p in g.positions})
    event_ids = sorted({e.event_id for g in found for e in g.events})
    cur = db.cursor()
    try:
        for table, col, ids in (
            (CLAIMS_TABLE, "claim_id", claim_ids),
            (EVENTS_TABLE, "event_id", event_ids),
        ):
            cur.execute(f"CREATE OR REPLACE TABLE {table} ({col} VARCHAR PRIMARY KEY)")
            if ids:
                cur.execute(f"INSERT INTO {table} SELECT unnest(?::VARCHAR[])", [ids])
    finally:
        cur.close()


def ready(db: Database) -> bool:
    """True when the groups for the current store version are computed (no waiting)."""
    return db.contested is not None and db.contested[0] == db.generation


def ensure(db: Database) -> None:
    """Make the id tables current before a query that filters on them."""
    groups(db)


def select(
    db: Database,
    dyad: tuple[str, str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[ClaimGroup]:
    """Groups with an event on the dyad (either direction), overlapping the date range."""
    out = []
    pair = {f"{dyad[0]}-{dyad[1]}", f"{dyad[1]}-{dyad[0]}"} if dyad else None
    for g in groups(db):
        if pair and not pair & set(g.dyads):
            continue
        last, first = date_start(g.last_date), date_start(g.first_date)
        if date_from and last and last < date_from:
            continue
        if date_to and first and first > date_to:
            continue
        out.append(g)
    return out
