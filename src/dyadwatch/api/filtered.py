"""Dyad aggregates under the dashboard's filters, so every chart follows the filter form.

Without filters the charts read the pre-aggregated tables of cache.py. With any filter (dates,
types, status, minimum confidence, outlet, ...) the same aggregates are computed from the
matching events, as a subquery of the same columns: the timeline, the ranking and the network
then run their usual SQL over it. Background references stay off the charts either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from ..store.queries import EventFilter, event_where
from . import cache, contested
from .db import Database
from .scores import scores_cte, weight_sql

# Fields that do not narrow the events (paging, bookkeeping).
_NOT_FILTERS = {"limit", "offset", "resolved", "directed"}


def is_filtered(f: EventFilter | None) -> bool:
    """True when ``f`` narrows the events beyond a dyad (which the cached tables key on)."""
    if f is None:
        return False
    return any(
        getattr(f, x.name) is not None and getattr(f, x.name) != []
        for x in fields(f)
        if x.name not in _NOT_FILTERS and x.name != "dyad"
    )


def _events_sql(db: Database, f: EventFilter) -> tuple[str, list[Any]]:
    """The ``ev`` rows of cache.py's build (one per charted event) for the matching events."""
    if f.contested is not None:
        contested.ensure(db)
    cte, params = scores_cte()
    where, where_params = event_where(replace(f, limit=None, offset=0), "e", contested.SQL)
    sql = (
        f"WITH {cte}, ev AS (SELECT e.source_key AS src, e.target_key AS tgt,"
        " least(e.source_key, e.target_key) AS a, greatest(e.source_key, e.target_key) AS b,"
        f" e.date_start, e.plover_type AS type, s.cls, {weight_sql()} AS w"
        " FROM events e LEFT JOIN scores s ON s.type = e.plover_type"
        " LEFT JOIN documents d ON d.doc_id = e.doc_id"
        " WHERE e.source_key IS NOT NULL AND e.target_key IS NOT NULL"
        f" AND e.date_start IS NOT NULL AND NOT ({cache.background_sql()}) AND {where})"
    )
    return sql, [*params, *where_params]


def periods_source(db: Database, f: EventFilter | None, freq: str) -> tuple[str, list[Any]]:
    """A relation with cache.TABLE's columns (one ``freq``): the table itself when unfiltered."""
    table = cache.ensure(db)
    if not is_filtered(f):
        return table, []
    assert f is not None
    ev, params = _events_sql(db, f)
    sql = (
        f"({ev} SELECT ? AS freq, a, b, src, tgt, date_trunc(?, date_start)::DATE AS period,"
        " type, count(*) AS n,"
        " sum(CASE WHEN cls = 'cooperation' THEN w ELSE 0 END) AS cooperation,"
        " sum(CASE WHEN cls = 'conflict' THEN w ELSE 0 END) AS conflict"
        " FROM ev GROUP BY ALL)"
    )
    return sql, [*params, freq, freq]


def pairs_source(db: Database, f: EventFilter | None, freq: str) -> tuple[str, list[Any]]:
    """A relation with cache.PAIRS's columns (undirected dyads per period, self-pairs left out)."""
    if not is_filtered(f):
        cache.ensure(db)
        return cache.PAIRS, []
    inner, params = periods_source(db, f, freq)
    sql = (
        "(SELECT freq, a, b, period, sum(n) AS n, sum(cooperation) AS cooperation,"
        f" sum(conflict) AS conflict FROM {inner} t WHERE a <> b GROUP BY ALL)"
    )
    return sql, params


def publication_span(db: Database, f: EventFilter) -> tuple[str, str] | None:
    """First and last publication date of the documents behind the matching events: the
    default span of a time axis (a reference to 1951 or 2030 must not stretch it)."""
    where, params = event_where(replace(f, limit=None, offset=0), "e", contested.SQL)
    if f.contested is not None:
        contested.ensure(db)
    row = db.one(
        "SELECT min(d.published_date)::VARCHAR AS lo, max(d.published_date)::VARCHAR AS hi"
        f" FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE {where}",
        params,
    )
    if row is None or row["lo"] is None:
        return None
    return str(row["lo"]), str(row["hi"])


def event_ids(db: Database, f: EventFilter) -> set[str]:
    """Ids of every matching event."""
    if f.contested is not None:
        contested.ensure(db)
    where, params = event_where(replace(f, limit=None, offset=0), "e", contested.SQL)
    rows = db.rows(f"SELECT e.event_id FROM events e WHERE {where}", params)
    return {r["event_id"] for r in rows}


def matching_groups(db: Database, groups: Sequence[Any], f: EventFilter | None) -> Sequence[Any]:
    """The contested groups (ledger entries) with at least one event matching ``f``."""
    if not is_filtered(f):
        return groups
    assert f is not None
    keep = event_ids(db, replace(f, contested=True))
    return [g for g in groups if any(e.event_id in keep for e in g.events)]
