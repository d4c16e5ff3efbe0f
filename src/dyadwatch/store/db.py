"""Embedded DuckDB store: one file, one transaction per batch, idempotent re-ingest."""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from ..pipeline import Result
from ..records import Claim, Document, Event, Rejection
from . import queries as q
from .rows import (
    CLAIM_COLS,
    DOC_COLS,
    EVENT_COLS,
    claim_row,
    date_start,
    document_row,
    event_row,
)

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """A store that cannot be opened or written (clear message for the CLI/API)."""


@dataclass
class BatchStats:
    """What one write_batch (or a whole ingest) did."""

    stored: int = 0
    skipped: int = 0
    events: int = 0
    claims: int = 0
    rejections: int = 0
    rejection_reasons: Counter[str] = field(default_factory=Counter)
    skipped_inputs: list[str] = field(default_factory=list)

    def add(self, other: BatchStats) -> None:
        self.stored += other.stored
        self.skipped += other.skipped
        self.events += other.events
        self.claims += other.claims
        self.rejections += other.rejections
        self.rejection_reasons.update(other.rejection_reasons)
        self.skipped_inputs.extend(other.skipped_inputs)


_REQUIRED = {
    "documents": ("doc_id", "record"),
    "events": ("event_id", "source_key", "target_key", "date_start", "record"),
    "claims": ("claim_id", "speaker_key", "about_claims", "record"),
    "actors": ("actor_key", "n_events"),
    "rejections": ("input", "reason"),
}


def _schema_sql() -> str:
    return resources.files("dyadwatch.store").joinpath("schema.sql").read_text()


def open_failure(path: str, exc: Exception, read_only: bool) -> str:
    """Say what holds the file: DuckDB names the holder's process in its lock error."""
    msg = str(exc)
    if "lock" not in msg.lower():
        return f"cannot open database {path}: {msg}"
    holder = re.search(r"held in (.+?)(?: \(PID (\d+)\))", msg)
    who = f"process {holder.group(2)} ({holder.group(1)})" if holder else "another process"
    if read_only:
        return f"cannot read {path}: {who} has it open for writing (an ingest or a writable server)"
    return (
        f"cannot write {path}: {who} holds it (a running `dyadwatch serve`, even read-only, or "
        "another ingest). Stop it, or ingest through the server: start it with "
        "DYADWATCH_API_TOKEN set and POST to /api/documents (README)"
    )


def write_failure(path: str, exc: Exception) -> str:
    msg = str(exc)
    if "no space left" in msg.lower() or "disk full" in msg.lower():
        return f"cannot write {path}: no space left on device; nothing from this batch was kept"
    return f"cannot write {path}: {msg}; nothing from this batch was kept"


class Store:
    """A dyadwatch DuckDB database. Use as a context manager.

    ``read_only=True`` is for serving: several processes may read one file, and nothing
    (not even the schema) is written.
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._batch_docs: list[str] | None = None  # documents of the batch being written
        if read_only and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"database not found: {self.path} (run `dyadwatch ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(open_failure(self.path, exc, read_only)) from exc
        try:
            if not read_only:
                self._create_schema()
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    def _create_schema(self) -> None:
        try:
            self.con.execute(_schema_sql())
        except duckdb.Error as exc:  # e.g. an index on a column an old layout lacks
            self._check_schema()
            raise StoreError(f"cannot create the schema in {self.path}: {exc}") from exc

    def _check_schema(self) -> None:
        """Refuse files that are not (or an older layout of) a dyadwatch database."""
        rows = self.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
        ).fetchall()
        have = {(t, c) for t, c in rows}
        need = {(t, c) for t, cols in _REQUIRED.items() for c in cols}
        missing = sorted(f"{t}.{c}" for t, c in need - have)
        if missing:
            raise StoreError(
                f"{self.path} is not a dyadwatch database of this version "
                f"(missing {', '.join(missing[:5])}); ingest into a new file"
            )

    # --- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------
    def write_batch(
        self, results: Sequence[Result], rejections: Sequence[Rejection] = ()
    ) -> BatchStats:
        """Write results and rejections in ONE transaction; on any error nothing remains.

        A document already stored (same doc_id, i.e. same normalized body) is skipped with
        its events and claims, so re-ingesting the same input changes no count.
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        stats = BatchStats()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._write(results, rejections, stats)
            self._refresh_actors()
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(write_failure(self.path, exc)) from exc
            raise
        return stats

    def _rollback(self) -> None:
        """Roll back if a transaction is still open. When the write failed inside COMMIT
        (a full disk), DuckDB has already aborted it and ROLLBACK itself fails; that second
        error must not hide the first."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            log.debug("rollback after a failed write: no transaction left", exc_info=True)

    def _write(
        self, results: Sequence[Result], rejections: Sequence[Rejection], stats: BatchStats
    ) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        fresh: list[Result] = []
        seen: set[str] = set()
        for res in results:
            doc_id = res.document.doc_id
            if doc_id in seen or self.has_document(doc_id):
                stats.skipped += 1
                stats.skipped_inputs.append(res.document.input or doc_id)
                continue
            seen.add(doc_id)
            fresh.append(res)
        self._insert_documents([r.document for r in fresh], now)
        pubs = [date_start(r.document.published) for r in fresh]
        ev_rows = [event_row(e, p) for r, p in zip(fresh, pubs, strict=True) for e in r.events]
        cl_rows = [claim_row(c, p) for r, p in zip(fresh, pubs, strict=True) for c in r.claims]
        stats.events = self._insert_many("events", EVENT_COLS, ev_rows)
        stats.claims = self._insert_claims_rows(cl_rows)
        stats.stored = len(fresh)
        self._batch_docs = [r.document.doc_id for r in fresh]
        stats.rejections = self._insert_rejections(rejections, now)
        stats.rejection_reasons.update(r.reason for r in rejections)

    def _insert_documents(self, docs: Sequence[Document], now: datetime) -> None:
        self._insert_many("documents", DOC_COLS, [document_row(d, now) for d in docs])

    def _insert_claims_rows(self, rows: list[tuple[Any, ...]]) -> int:
        return self._insert_many("claims", CLAIM_COLS, rows)

    def _insert_many(self, table: str, cols: str, rows: list[tuple[Any, ...]]) -> int:
        """Bulk insert through an Arrow table (row-wise executemany is ~100x slower)."""
        if not rows:
            return 0
        names = [c.strip() for c in cols.split(",")]
        batch = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
        before = self._count(table)
        self.con.register("_dw_batch", batch)
        try:
            self.con.execute(
                f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM _dw_batch"
            )  # table and cols are ours, never user input
        finally:
            self.con.unregister("_dw_batch")
        return self._count(table) - before

    def _insert_rejections(self, rejections: Sequence[Rejection], now: datetime) -> int:
        if not rejections:
            return 0
        before = self._count("rejections")
        rows = [(r.input, r.reason, r.detail, now) for r in rejections]
        self.con.executemany(
            "INSERT OR IGNORE INTO rejections (input, reason, detail, rejected_at) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )
        return self._count("rejections") - before

    def _refresh_actors(self) -> None:
        """Add the batch's actors; rebuild the table when it is empty (a store filled
        another way): rebuilding it on every batch read every event's JSON (seconds on a
        million events)."""
        docs, self._batch_docs = self._batch_docs, None
        has_actors = self.one("SELECT 1 FROM actors LIMIT 1") is not None
        if has_actors and docs is not None:
            for sql in q.ADD_ACTORS:
                self.con.execute(sql, [docs, docs, docs])
            return
        self.con.execute("DELETE FROM actors")
        self.con.execute(q.REFRESH_ACTORS)

    def _count(self, table: str) -> int:
        row = self.one(f"SELECT count(*) FROM {table}")  # table is ours
        return int(row[0]) if row else 0

    # --- reading -------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        row = self.one("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id])
        return row is not None

    def counts(self) -> dict[str, int]:
        """Row count per table."""
        return {
            t: self._count(t) for t in ("documents", "events", "claims", "actors", "rejections")
        }

    def document(self, doc_id: str) -> Document | None:
        row = self.one("SELECT record FROM documents WHERE doc_id = ?", [doc_id])
        return Document.model_validate(json.loads(row[0])) if row else None

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Document metadata (no text), newest first."""
        sql = (
            "SELECT doc_id, input, url, outlet, title, published, agencies, ingested_at "
            "FROM documents ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?"
        )
        return self.rows(sql, [limit, offset])

    def event_rows(self, f: q.EventFilter | None = None, **kw: Any) -> list[dict[str, Any]]:
        """Flattened event rows (no JSON) matching the filter; keywords as EventFilter."""
        return self.rows(*self._event_sql("* EXCLUDE (record)", f or q.EventFilter(**kw)))

    def events(self, f: q.EventFilter | None = None, **kw: Any) -> list[Event]:
        """Event records matching the filter, oldest first."""
        sql, params = self._event_sql("record", f or q.EventFilter(**kw))
        return [Event.model_validate(json.loads(r[0])) for r in self._fetch(sql, params)]

    def claim_rows(self, f: q.ClaimFilter | None = None, **kw: Any) -> list[dict[str, Any]]:
        """Flattened claim rows matching the filter; keywords as ClaimFilter."""
        return self.rows(*self._claim_sql("* EXCLUDE (record)", f or q.ClaimFilter(**kw)))

    def claims(self, f: q.ClaimFilter | None = None, **kw: Any) -> list[Claim]:
        """Claim records matching the filter (``contested=True``: only contested ones)."""
        sql, params = self._claim_sql("record", f or q.ClaimFilter(**kw))
        return [Claim.model_validate(json.loads(r[0])) for r in self._fetch(sql, params)]

    def export_rows(self, f: q.EventFilter | None = None, **kw: Any) -> list[dict[str, Any]]:
        """Event rows joined with their document's outlet, url, published, input, language."""
        f = f or q.EventFilter(**kw)
        where, params = q.event_where(f, "e")
        sql = (
            "SELECT e.* EXCLUDE (record), d.outlet, d.url, d.published, d.input, d.language "
            f"FROM events e JOIN documents d USING (doc_id) WHERE {where}"
        )
        order = ", ".join(f"e.{c}" for c in q.EVENT_ORDER.split(", "))
        return self.rows(q.paged(sql, order, f, params), params)

    def _event_sql(self, select: str, f: q.EventFilter) -> tuple[str, list[Any]]:
        where, params = q.event_where(f)
        sql = q.paged(f"SELECT {select} FROM events WHERE {where}", q.EVENT_ORDER, f, params)
        return sql, params

    def _claim_sql(self, select: str, f: q.ClaimFilter) -> tuple[str, list[Any]]:
        contested = None
        if f.contested is not None:  # group the store into temporary tables (contested_sql)
            from .contested import build_for

            place = build_for(self)
            contested = q.Contested(
                claims=f"(SELECT claim_id FROM {place('claims')})",
                events=f"(SELECT event_id FROM {place('events')})",
            )
        where, params = q.claim_where(f, contested=contested)
        sql = q.paged(f"SELECT {select} FROM claims WHERE {where}", q.CLAIM_ORDER, f, params)
        return sql, params

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params).fetchall()

    def actors(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Distinct actors with event/claim counts, most active first."""
        sql = "SELECT * FROM actors ORDER BY n_events + n_claims DESC, actor_key"
        if limit is not None:
            return self.rows(sql + " LIMIT ?", [limit])
        return self.rows(sql)

    def rejections(self) -> list[Rejection]:
        rows = self.con.execute(
            "SELECT input, reason, detail FROM rejections ORDER BY rejected_at, input"
        ).fetchall()
        return [Rejection(input=i, reason=r, detail=d or "") for i, r, d in rows]

    def one(self, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...] | None:
        """First row or None; always drains the result (DuckDB refuses new work otherwise)."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0] if rows else None

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Run a parameterised query and return dict rows."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
