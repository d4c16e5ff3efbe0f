"""Contested claims, as the store defines them (store/contested_sql.py), kept per store version.

A group of linked events and claims is contested when one speaker asserts, supports,
acknowledges or accuses while a different speaker denies or rejects. The grouping runs in
DuckDB into in-memory tables of the cache catalog: over the whole store when the server starts
(about a second for a million events), then after each API write over the written documents
only (a group never spans two documents). The SQL filters (contested=true/false) join these
tables; the ledger builds entries only for the page it shows.
"""

from __future__ import annotations

from datetime import date

import duckdb

from ..store.contested import ClaimGroup, GroupList, groups_where, load_groups
from ..store.contested_sql import build, catalog_place
from ..store.queries import Contested
from .db import CACHE_CATALOG, Database

PLACE = catalog_place(CACHE_CATALOG, "cg_")  # groups, claims, events of contested groups
_STAGE = catalog_place(CACHE_CATALOG, "cgnew_")  # a write's documents, before the merge
_WORK = catalog_place(CACHE_CATALOG, "cgwork_")  # intermediate tables of a build
CLAIMS_TABLE = PLACE("claims")
EVENTS_TABLE = PLACE("events")
# What the query layer joins for contested=true/false.
SQL = Contested(
    claims=f"(SELECT claim_id FROM {CLAIMS_TABLE})", events=f"(SELECT event_id FROM {EVENTS_TABLE})"
)


def ready(db: Database) -> bool:
    """True when the groups for the current store version are computed (no waiting)."""
    return db.contested == db.generation


def ensure(db: Database) -> None:
    """Make the contested tables current: regroup the documents written since the last
    build, or the whole store when that is not known (start-up)."""
    if ready(db):
        return
    with db.contested_lock:
        if ready(db):
            return
        generation = db.generation
        docs = _written(db, generation)
        cur = db.cursor()
        try:
            if docs is None:
                build(cur, PLACE, contested_only=True, work=_WORK)
            elif docs:
                _merge(cur, docs)
        finally:
            cur.close()
        for g in [g for g in db.written if g <= generation]:
            db.written.pop(g, None)
        db.contested = generation


def _written(db: Database, generation: int) -> list[str] | None:
    """Documents written since the last build, or None when the whole store must be grouped."""
    if db.contested is None:
        return None
    docs: list[str] = []
    for g in range(db.contested + 1, generation + 1):
        if g not in db.written:
            return None
        docs += db.written[g]
    return list(dict.fromkeys(docs))


def _merge(cur: duckdb.DuckDBPyConnection, docs: list[str]) -> None:
    """Group the written documents alone and swap their rows in, in one transaction."""
    listed = "(SELECT unnest(?::VARCHAR[]))"
    build(
        cur, _STAGE, contested_only=True, work=_WORK,
        docs=("SELECT unnest(?::VARCHAR[]) AS doc_id", [docs]),
    )  # fmt: skip
    cur.execute(
        f"{_STAGE.new('gone')} AS SELECT group_id FROM {PLACE('claims')} WHERE doc_id IN {listed}"
        f" UNION SELECT group_id FROM {PLACE('events')} WHERE doc_id IN {listed}",
        [docs, docs],
    )
    cur.execute("BEGIN TRANSACTION")
    try:
        gone = f"(SELECT group_id FROM {_STAGE('gone')})"
        for name in ("groups", "claims", "events"):
            cur.execute(f"DELETE FROM {PLACE(name)} WHERE group_id IN {gone}")
            cur.execute(f"INSERT INTO {PLACE(name)} SELECT * FROM {_STAGE(name)}")
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise


def select(
    db: Database,
    dyad: tuple[str, str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> GroupList:
    """Groups with an event on the dyad (either direction), overlapping the date range,
    newest first; entries are built for the slice that is read."""
    ensure(db)
    where, params = groups_where(dyad, date_from, date_to)
    rows = db.rows(
        f"SELECT group_id FROM {PLACE('groups')} WHERE {where}"
        " ORDER BY coalesce(last_date, '') DESC, group_id DESC",
        params,
    )
    return GroupList([r["group_id"] for r in rows], lambda ids: _load(db, ids))


def _load(db: Database, ids: list[str]) -> list[ClaimGroup]:
    cur = db.cursor()
    try:
        return load_groups(cur, PLACE, ids)
    finally:
        cur.close()


def groups(db: Database) -> GroupList:
    """Every contested group of the store, newest first."""
    return select(db)
