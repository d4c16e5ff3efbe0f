"""The SQL behind the API and the dashboard (parameterised; schema in store/schema.sql)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..store.queries import LINKS_SQL, ClaimFilter, EventFilter, claim_where, event_where
from . import cache, contested
from .db import Database
from .filtered import pairs_source

EVENT_ORDER = "ORDER BY e.date_start DESC NULLS LAST, e.doc_id, e.start_char, e.event_id"
CLAIM_ORDER = "ORDER BY c.date_start DESC NULLS LAST, c.doc_id, c.start_char, c.claim_id"


def _record(raw: Any) -> dict[str, Any]:
    return json.loads(raw) if isinstance(raw, str) else dict(raw)


def _page(
    db: Database,
    table: str,
    where_body: str,
    params: list[Any],
    order: str,
    limit: int,
    offset: int,
) -> tuple[int, list[str]]:
    """Total and one page of records as stored JSON text (parsed only where needed).

    A filter that DuckDB cannot push into the scan (a dyad's two directions) made the top-N
    read every sort key of every row. So the matches are found on the filter columns and the
    date alone, the page's date is cut off there, and only the rows at or above it (the page
    and its ties) are sorted on every key and have their JSON read: 2x faster on a million
    events. ``order`` must start with the date, newest first.
    """
    a = table[0]
    lead = f"ORDER BY {a}.date_start DESC NULLS LAST, "
    assert order.startswith(lead), order
    sql = f"SELECT count(*) FROM {table} {a} WHERE {where_body}"
    total = _cached_total(db, sql, params)
    if total is None and offset:
        total = _count(db, sql, params)
    if total is not None and offset >= total:
        return total, []  # past the end: the cut-off would keep every match
    rows = db.rows(
        f"""WITH m AS MATERIALIZED (
            SELECT {a}.rowid AS rid, {a}.date_start AS k FROM {table} {a} WHERE {where_body}),
        cut AS (SELECT k FROM m ORDER BY k DESC NULLS LAST LIMIT 1 OFFSET ?),
        c AS (SELECT rid FROM m WHERE k >= (SELECT k FROM cut) OR (SELECT k FROM cut) IS NULL)
        SELECT {a}.record::VARCHAR AS record, (SELECT count(*) FROM m) AS total
        FROM {table} {a} WHERE {a}.rowid IN (SELECT rid FROM c) {order} LIMIT ? OFFSET ?""",
        [*params, limit + offset - 1, limit, offset],
    )
    if total is None:
        total = int(rows[0]["total"]) if rows else _count(db, sql, params)
        _keep_total(db, sql, params, total)
    return total, [r["record"] for r in rows]


def _cached_total(db: Database, sql: str, params: list[Any]) -> int | None:
    key = (db.generation, sql, repr(params))
    with db.totals_lock:
        found = db.totals.get(key)
        if found is not None:
            db.totals.move_to_end(key)
        return found


def _keep_total(db: Database, sql: str, params: list[Any], total: int) -> None:
    with db.totals_lock:
        db.totals[(db.generation, sql, repr(params))] = total
        while len(db.totals) > TOTALS_KEPT:
            db.totals.popitem(last=False)


def _count(db: Database, sql: str, params: list[Any]) -> int:
    """A filter's total, kept per store version: paging through the same filter (or asking
    again) does not count every match again."""
    found = _cached_total(db, sql, params)
    if found is None:
        found = int(db.scalar(sql, params) or 0)
        _keep_total(db, sql, params, found)
    return found


TOTALS_KEPT = 1024


def events_page(
    db: Database,
    f: EventFilter,
    limit: int,
    offset: int,
    side: tuple[str, str, str | None] | None = None,
    foreground: bool = False,
) -> tuple[int, list[str]]:
    """A page of event records; ``side`` = (source|target, code, name) pins one side exactly;
    ``foreground`` leaves background references out (they are listed apart)."""
    if f.contested is not None:
        contested.ensure(db)
    where, params = event_where(f, "e", contested.SQL)
    if foreground:
        where += f" AND {FOREGROUND_SQL}"
    if side is not None:
        col = "e.source" if side[0] == "source" else "e.target"
        where += f" AND {col}_code = ?"
        params.append(side[1])
        if side[2]:
            where += f" AND {col}_name = ?"
            params.append(side[2])
    return _page(db, "events", where, params, EVENT_ORDER, limit, offset)


def claims_page(db: Database, f: ClaimFilter, limit: int, offset: int) -> tuple[int, list[str]]:
    if f.contested is not None:
        contested.ensure(db)
    where, params = claim_where(f, "c", contested.SQL)
    return _page(db, "claims", where, params, CLAIM_ORDER, limit, offset)


def confidences(db: Database, event_ids: list[str]) -> dict[str, float]:
    """Confidence of each listed event that has one (the ledger shows it beside the event)."""
    rows = db.rows(
        "SELECT event_id, confidence FROM events WHERE list_contains(?, event_id)"
        " AND confidence IS NOT NULL",
        [event_ids],
    )
    return {r["event_id"]: float(r["confidence"]) for r in rows}


def linked_claim_ids(db: Database, f: EventFilter) -> list[str]:
    """Ids of the claims about at least one matching event."""
    where, params = event_where(f, "e", contested.SQL)
    rows = db.rows(
        f"SELECT DISTINCT l.claim_id FROM {LINKS_SQL} l JOIN events e ON e.event_id = l.event_id"
        f" WHERE {where}",
        params,
    )
    return [r["claim_id"] for r in rows]


def list_events(
    db: Database,
    f: EventFilter,
    limit: int,
    offset: int,
    side: tuple[str, str, str | None] | None = None,
    foreground: bool = False,
) -> tuple[int, list[dict]]:
    total, raw = events_page(db, f, limit, offset, side, foreground)
    return total, [json.loads(r) for r in raw]


def list_claims(db: Database, f: ClaimFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
    total, raw = claims_page(db, f, limit, offset)
    return total, [json.loads(r) for r in raw]


def get_document(db: Database, doc_id: str) -> dict[str, Any] | None:
    row = db.one("SELECT record FROM documents WHERE doc_id = ?", [doc_id])
    if row is None:
        return None
    events = db.rows(
        "SELECT record FROM events WHERE doc_id = ? ORDER BY start_char, event_id", [doc_id]
    )
    claims = db.rows(
        "SELECT record FROM claims WHERE doc_id = ? ORDER BY start_char, claim_id", [doc_id]
    )
    return {
        "document": _record(row["record"]),
        "events": [_record(r["record"]) for r in events],
        "claims": [_record(r["record"]) for r in claims],
    }


def list_documents(db: Database, limit: int, offset: int) -> tuple[int, list[dict]]:
    total = db.scalar("SELECT count(*) FROM documents")
    # The page first, then counts for its documents only: counting per document inside the
    # page query aggregated every event of the store (0.5 s on a million events).
    rows = db.rows(
        "SELECT d.doc_id, d.title, d.outlet, d.url, d.published FROM documents d"
        " ORDER BY d.published_date DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    ids = [r["doc_id"] for r in rows]
    counts: dict[str, dict[str, int]] = {i: {"n_events": 0, "n_claims": 0} for i in ids}
    for table, col in (("events", "n_events"), ("claims", "n_claims")):
        found = db.rows(
            f"SELECT doc_id, count(*) AS n FROM {table}"  # our table names
            " WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id",
            [ids],
        )
        for r in found:
            counts[r["doc_id"]][col] = int(r["n"])
    return int(total or 0), [{**r, **counts[r["doc_id"]]} for r in rows]


# --- dyads -------------------------------------------------------------------------------------


def _dyad_where(db: Database, a: str, b: str, f: EventFilter | None) -> tuple[str, list[Any]]:
    """The dyad (both ways) and the filters of ``f``, if any."""
    f = replace(f, dyad=(a, b), directed=False) if f is not None else EventFilter(dyad=(a, b))
    if f.contested is not None:
        contested.ensure(db)
    return event_where(f, "e", contested.SQL)


# Not a background reference (cache.BACKGROUND_DAYS): the events the charts count.
FOREGROUND_SQL = (
    f"NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id AND {cache.background_sql()})"
)


def dyad_breakdown(db: Database, a: str, b: str, f: EventFilter | None = None) -> dict[str, Any]:
    """Status split and weapons mentioned, both directions together (under filters ``f``),
    background references left out as on the charts."""
    body, params = _dyad_where(db, a, b, f)
    where = f"WHERE {body} AND {FOREGROUND_SQL}"
    status = db.rows(
        f"SELECT e.status, count(*) AS n FROM events e {where} GROUP BY 1 ORDER BY n DESC, 1",
        params,
    )
    weapons = db.rows(
        f"SELECT w AS weapon, count(*) AS n FROM (SELECT unnest(e.weapons) AS w FROM events e"
        f" {where}) GROUP BY 1 ORDER BY n DESC, 1 LIMIT 50",
        params,
    )
    return {"status": status, "weapons": weapons}


def background_events(
    db: Database, a: str, b: str, limit: int = 50, f: EventFilter | None = None
) -> list[dict[str, Any]]:
    """The dyad's background references: events dated far from their document's publication
    (cache.BACKGROUND_DAYS), listed apart and kept off the time axis."""
    body, params = _dyad_where(db, a, b, f)
    return db.rows(
        "SELECT e.event_id, e.doc_id, e.date, e.plover_type, e.status, e.evidence_text,"
        " d.published_date AS published FROM events e JOIN documents d ON d.doc_id = e.doc_id"
        f" WHERE {body} AND {cache.background_sql()} ORDER BY e.date_start, e.event_id LIMIT ?",
        [*params, limit],
    )


# --- actors and network ------------------------------------------------------------------------


def list_actors(
    db: Database, q: str | None, country: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    source = "actors"  # rebuilt by the store after every write batch
    conds: list[str] = []
    params: list[Any] = []
    if q:
        conds.append("(contains(lower(a.name), lower(?)) OR a.code = upper(?))")
        params += [q, q]
    if country:
        conds.append("a.country = ?")
        params.append(country)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    total = db.scalar(f"SELECT count(*) FROM {source} a {where}", params)
    rows = db.rows(
        f"SELECT a.code, a.country, a.sector, a.name, a.kind, a.n_events, a.n_claims,"
        f" a.first_date, a.last_date FROM {source} a {where}"
        f" ORDER BY a.n_events + a.n_claims DESC, a.code, a.name NULLS FIRST LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return int(total or 0), rows


def network(
    db: Database, max_nodes: int = 40, top_dyads: int | None = None, f: EventFilter | None = None
) -> dict[str, Any]:
    """The ``top_dyads`` busiest undirected dyads as weighted edges (cooperation and conflict)
    and their actors as nodes; without it, the edges among the ``max_nodes`` busiest actors.
    Filters ``f`` (dates, types, status, ...) narrow the events counted."""
    source, params = pairs_source(db, f, "month")
    rows = db.rows(
        f"SELECT a, b, sum(n) AS n, sum(cooperation) AS cooperation, sum(conflict) AS conflict"
        f" FROM {source} t WHERE freq = 'month' GROUP BY a, b ORDER BY n DESC, a, b"
        " LIMIT ?",
        [*params, top_dyads or 400],
    )
    volume: dict[str, int] = {}
    for r in rows:
        for k in (r["a"], r["b"]):
            volume[k] = volume.get(k, 0) + int(r["n"])
    nodes = sorted(volume, key=lambda k: (-volume[k], k))
    if top_dyads is None:
        nodes = nodes[:max_nodes]
    keep = set(nodes)
    edges = [
        {
            "a": r["a"],
            "b": r["b"],
            "n": int(r["n"]),
            "cooperation": round(float(r["cooperation"] or 0), 3),
            "conflict": round(float(r["conflict"] or 0), 3),
        }
        for r in rows
        if r["a"] in keep and r["b"] in keep
    ]
    return {"nodes": [{"id": k, "n": volume[k]} for k in nodes], "edges": edges}


# --- claims ledger -----------------------------------------------------------------------------
