"""GET /api/export: the store's exporter (store/export.py) over HTTP.

The query and every format come from store/export.py, as for `dyadwatch export`; this module
only streams the text formats and sends Parquet as a temporary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from ..store.export import export_filter, export_sql, text_chunks
from ..store.queries import ClaimFilter, EventFilter
from . import contested
from .db import Database

MEDIA = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "polecat": "text/tab-separated-values; charset=utf-8",
}
SUFFIX = {"gdelt": "tsv", "polecat": "tsv"}


def _dicts(db: Database, sql: str, params: list[Any], timeout_s: float) -> Iterator[list[dict]]:
    """Runs the query now (a timeout is a clean 503), then yields dict batches lazily."""
    stream = db.stream(sql, params, timeout_s=timeout_s)
    return ([dict(zip(cols, r, strict=True)) for r in rows] for cols, rows in stream)


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
    db: Database,
    f: EventFilter | ClaimFilter,
    fmt: str,
    kind: str,
    timeout_s: float | None = None,
    include_status: bool = False,
) -> Response:
    """All matching rows in ``fmt``; GDELT/POLECAT leave out events that did not happen."""
    limit = timeout_s or db.timeout_s
    if isinstance(f, EventFilter):
        f = export_filter(f, fmt, include_status)
    if f.contested is not None:
        contested.ensure(db)
    sql, params = export_sql(kind, fmt, f, contested.SQL)
    name = f"dyadwatch-{kind}.{SUFFIX.get(fmt, fmt)}"
    if fmt == "parquet":
        return _parquet(db, sql, params, name, limit)
    chunks = (c.encode("utf-8") for c in text_chunks(fmt, _dicts(db, sql, params, limit), kind))
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(chunks, media_type=MEDIA[fmt], headers=disposition)
