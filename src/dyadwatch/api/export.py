"""GET /api/export: filtered events or claims as JSONL, CSV (both streamed) or Parquet."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from . import contested
from .db import Database
from .filters import Filters, where_sql
from .queries import CLAIM_ORDER, EVENT_ORDER


def _sql(db: Database, f: Filters, kind: str, columns: str) -> tuple[str, list[Any]]:
    if f.contested is not None:
        contested.ensure(db)
    if kind == "claims":
        conds, params = f.claim_where()
        return f"SELECT {columns} FROM claims c {where_sql(conds)} {CLAIM_ORDER}", params
    if f.stances:
        raise HTTPException(422, "stance: applies to kind=claims only")
    conds, params = f.event_where()
    return f"SELECT {columns} FROM events e {where_sql(conds)} {EVENT_ORDER}", params


def _alias(kind: str) -> str:
    return "c" if kind == "claims" else "e"


def _jsonl(db: Database, sql: str, params: list[Any], timeout_s: float) -> Iterator[bytes]:
    for _cols, rows in db.stream(sql, params, timeout_s=timeout_s):
        yield "".join(
            (r[0] if isinstance(r[0], str) else json.dumps(r[0], ensure_ascii=False)) + "\n"
            for r in rows
        ).encode("utf-8")


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join("" if x is None else str(x) for x in v)
    return "" if v is None else v


def _csv(db: Database, sql: str, params: list[Any], timeout_s: float) -> Iterator[bytes]:
    header_done = False
    for cols, rows in db.stream(sql, params, timeout_s=timeout_s):
        buf = io.StringIO()
        writer = csv.writer(buf)
        if not header_done:
            writer.writerow(cols)
            header_done = True
        writer.writerows([_cell(v) for v in r] for r in rows)
        yield buf.getvalue().encode("utf-8")


def _parquet(db: Database, sql: str, params: list[Any], name: str, timeout_s: float) -> Response:
    fd, path = tempfile.mkstemp(prefix="dyadwatch-export-", suffix=".parquet")
    os.close(fd)
    try:
        db.write_parquet(sql, params, path, timeout_s)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=name,
        background=BackgroundTask(os.unlink, path),
    )


def export_response(
    db: Database, f: Filters, fmt: str, kind: str, timeout_s: float | None = None
) -> Response:
    """Stream the matching rows; the full JSON records for jsonl, flattened columns otherwise."""
    limit = timeout_s or db.timeout_s
    a = _alias(kind)
    name = f"dyadwatch-{kind}.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "jsonl":
        sql, params = _sql(db, f, kind, f"{a}.record")
        return StreamingResponse(
            _jsonl(db, sql, params, limit), media_type="application/x-ndjson", headers=disposition
        )
    sql, params = _sql(db, f, kind, f"{a}.* EXCLUDE (record)")
    if fmt == "csv":
        return StreamingResponse(
            _csv(db, sql, params, limit), media_type="text/csv; charset=utf-8", headers=disposition
        )
    return _parquet(db, sql, params, name, limit)
