"""DuckDB access for the API: one shared connection, a cursor per request, a time limit per query.

The service never runs user-supplied SQL: every statement lives in this package and every value
arrives as a bound parameter.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

TABLES = ("documents", "events", "claims", "actors", "rejections")
FILE_CATALOG = "dw"  # the store file, attached read-only when writes are off
CACHE_CATALOG = "dwcache"  # in-memory tables derived from the store (cache.py)


class QueryTimeout(RuntimeError):
    """A query ran past the configured limit and was interrupted."""


class DatabaseUnavailable(RuntimeError):
    """The database file is missing or lacks the dyadwatch schema."""


class Database:
    """Read-only unless writes are enabled, so a viewing server cannot alter the store.

    Opens through the store's ``Store`` so writes go through its transactional ``write_batch``
    on the same DuckDB instance the readers use.
    """

    def __init__(self, path: str | Path, *, writable: bool = False, timeout_s: float = 5.0) -> None:
        from ..store.db import Store, StoreError

        self.path = str(path)
        self.writable = writable
        self.timeout_s = timeout_s
        self.lock = threading.Lock()  # one write batch at a time within this process
        self.store: Store | None = None
        self.generation = 0  # bumped after every write, so derived tables know to rebuild
        self.cache_generation: int | None = None
        self.cache_build_s = 0.0
        self.cache_events = 0  # events in the store at the last aggregate build
        self.cache_lock = threading.Lock()  # held while the dyad aggregates are (re)built
        self.contested_lock = threading.Lock()  # held while contested groups are computed
        self.contested: int | None = None  # generation of the contested tables (contested.py)
        # generation -> documents that write stored: contested groups (one document each)
        # update from these alone instead of regrouping the whole store (contested.py)
        self.written: dict[int, list[str]] = {}
        # (generation, count SQL, parameters) -> total, least recently used first (queries.py)
        self.totals: OrderedDict[tuple[int, str, str], int] = OrderedDict()
        self.totals_lock = threading.Lock()
        if writable:
            try:
                self.store = Store(self.path)
            except StoreError as exc:
                raise DatabaseUnavailable(str(exc)) from exc
            self.con = self.store.con
            self._attach_cache()
            return
        if self.path != ":memory:" and not Path(self.path).is_file():
            raise DatabaseUnavailable(f"database not found: {self.path} (run `dyadwatch ingest`)")
        # An in-memory instance with the file attached read-only: the file cannot change, and
        # the in-memory side can hold the API's derived tables (cache.py).
        self.con = duckdb.connect(":memory:")
        try:
            quoted = self.path.replace("'", "''")
            self.con.execute(f"ATTACH '{quoted}' AS {FILE_CATALOG} (READ_ONLY)")
        except duckdb.Error as exc:
            self.con.close()
            raise DatabaseUnavailable(f"cannot open database {self.path}: {exc}") from exc
        self.con.execute(f"USE {FILE_CATALOG}")
        names = {
            r[0]
            for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = ?",
                [FILE_CATALOG],
            ).fetchall()
        }
        missing = sorted(set(TABLES) - names)
        if missing:
            self.con.close()
            raise DatabaseUnavailable(
                f"{self.path} is not a dyadwatch database (missing {missing})"
            )
        self._attach_cache()

    def _attach_cache(self) -> None:
        self.con.execute(f"ATTACH ':memory:' AS {CACHE_CATALOG}")

    def counts(self) -> dict[str, int]:
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}") or 0) for t in TABLES}  # our names

    def close(self) -> None:
        """Close once any derived-table build has finished (closing under it would fail)."""
        held = [
            lock for lock in (self.cache_lock, self.contested_lock) if lock.acquire(timeout=120)
        ]
        try:
            self.con.close()
        finally:
            for lock in held:
                lock.release()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self.con.cursor()
        if not self.writable:
            cur.execute(f"USE {FILE_CATALOG}")
        return cur

    def _run(
        self,
        cur: duckdb.DuckDBPyConnection,
        sql: str,
        params: Sequence[Any],
        timeout_s: float | None = None,
    ) -> Any:
        """Execute with a watchdog that interrupts DuckDB once the time limit passes."""
        limit = timeout_s or self.timeout_s
        timer = threading.Timer(limit, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return cur.execute(sql, list(params))
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"query exceeded {limit:g} s") from exc
        finally:
            timer.cancel()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.cursor()
        try:
            res = self._run(cur, sql, params)
            cols = [d[0] for d in res.description]
            return [dict(zip(cols, r, strict=True)) for r in res.fetchall()]
        finally:
            cur.close()

    def numpy(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any]:
        """Columns as numpy arrays: no Python object per row for numeric results."""
        cur = self.cursor()
        try:
            return dict(self._run(cur, sql, params).fetchnumpy())
        finally:
            cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.cursor()
        try:
            row = self._run(cur, sql, params).fetchone()
            return row[0] if row else None
        finally:
            cur.close()

    def stream(
        self,
        sql: str,
        params: Sequence[Any] = (),
        batch: int = 2000,
        timeout_s: float | None = None,
    ) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """Run now (so a timeout is a clean 503), then yield (columns, rows) batches lazily."""
        cur = self.cursor()
        try:
            res = self._run(cur, sql, params, timeout_s)
        except BaseException:
            cur.close()
            raise
        return self._batches(cur, res, batch)

    @staticmethod
    def _batches(
        cur: duckdb.DuckDBPyConnection, res: Any, batch: int
    ) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        try:
            cols = [d[0] for d in res.description]
            while True:
                chunk = res.fetchmany(batch)
                if not chunk:
                    break
                yield cols, chunk
        finally:
            cur.close()

    def write_parquet(
        self, sql: str, params: Sequence[Any], path: str, timeout_s: float | None = None
    ) -> int:
        """Write the result to a Parquet file batch by batch; returns the row count."""
        from ..store.export import write_parquet

        cur = self.cursor()
        try:
            return write_parquet(
                self._run(cur, sql, params, timeout_s).to_arrow_reader(50_000), path
            )
        finally:
            cur.close()
