"""Event exports: our JSONL contract, flat CSV, Parquet, GDELT 2.0 events TSV, POLECAT TSV.

Column layouts are documented in docs/exports.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import IO, Any

from ..records import STATUSES, Event
from .params import FilterError
from .queries import (
    CLAIM_ORDER,
    EVENT_ORDER,
    ClaimFilter,
    Contested,
    EventFilter,
    claim_where,
    event_where,
    paged,
)
from .rows import date_start
from .scores import plover_scores

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")

# GDELT 2.0 Event table, in file order (61 columns, tab-separated, no header).
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)

# POLECAT weekly release columns (Harvard Dataverse TSV), in order, plus our "Story ID".
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version", "Story ID",
)  # fmt: skip

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "date", "date_precision", "date_basis", "source_key", "source_name",
    "source_country", "source_sector", "source_code", "target_key", "target_name",
    "target_country", "target_sector", "target_code", "plover_type", "plover_mode",
    "plover_context", "cameo", "goldstein", "status", "attributed_to", "trigger", "weapons",
    "sentence", "start_char", "end_char", "evidence_text", "confidence", "outlet", "url",
    "published", "n_mentions",
)  # fmt: skip


def quad_class(cameo: str | None, plover_type: str) -> int:
    """CAMEO quad class from the root code (01-05, 06-08, 09-14, 15-20), else PLOVER's."""
    if cameo and cameo[:2].isdigit() and 1 <= int(cameo[:2]) <= 20:
        root = int(cameo[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 14 else 4
    ts = plover_scores().get(plover_type)
    return ts.quad if ts else 0


@cache
def iso3_to_cow() -> dict[str, str]:
    """ISO3 -> Correlates of War numeric code (data/store/iso3_cow.tsv)."""
    text = resources.files("dyadwatch").joinpath("data/store/iso3_cow.tsv").read_text()
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso, cow = line.split("\t")[:2]
            out[iso] = cow
    return out


def _s(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def n_mentions_of(r: dict[str, Any]) -> int:
    """Mentions of the event in its document (rows from files without the column: 1)."""
    return int(r.get("n_mentions") or 1)


def _gdelt_id(event_id: str) -> int:
    """Stable positive int64 from our hex event id (GDELT ids are integers)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int.from_bytes(event_id.encode()[:7].ljust(7, b"\0"), "big")


def _fraction(d: date) -> str:
    return f"{d.year + (d.timetuple().tm_yday / 365.0):.4f}"


def gdelt_row(r: dict[str, Any], added: datetime) -> list[str]:
    """One GDELT 2.0 event row (61 values) from a flattened event row + document columns."""
    d: date | None = r.get("date_start")
    cameo = r.get("cameo") or ""
    sectors = [r.get("source_sector"), r.get("target_sector")]
    a1 = [r.get("source_code"), r.get("source_name"), r.get("source_country"), "", "", "", "",
          sectors[0], "", ""]  # fmt: skip
    a2 = [r.get("target_code"), r.get("target_name"), r.get("target_country"), "", "", "", "",
          sectors[1], "", ""]  # fmt: skip
    vals: list[Any] = [
        _gdelt_id(r["event_id"]),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        d.year if d else "",
        _fraction(d) if d else "",
        *a1,
        *a2,
        1 if r.get("sentence") == 0 else 0,  # lead sentence, as GDELT's IsRootEvent
        cameo,
        cameo[:3],
        cameo[:2],
        quad_class(cameo, r["plover_type"]),
        r.get("goldstein"),
        n_mentions_of(r),
        1,  # NumSources, NumArticles: an event is coded per document
        1,
        "",
        *([""] * 24),
        added.strftime("%Y%m%d%H%M%S"),
        r.get("url") or r.get("input") or "",
    ]
    return [_s(v) for v in vals]


def polecat_row(r: dict[str, Any]) -> list[str]:
    """One POLECAT-style row from a flattened event row + document columns."""
    cow = iso3_to_cow()
    d: date | None = r.get("date_start")
    vals: dict[str, Any] = {
        "Event ID": r["event_id"],
        "Event Date": d.isoformat() if d else "",
        "Event Type": r["plover_type"].lower(),
        "Event Mode": r.get("plover_mode") or "",
        "Event Intensity": r.get("goldstein"),
        "Quad Code": quad_class(None, r["plover_type"]),
        "Contexts": ";".join(r.get("plover_context") or []),
        "Actor Name": r.get("source_name"),
        "Actor Country": r.get("source_country"),
        "Actor COW": cow.get(r.get("source_country") or "", ""),
        "Primary Actor Sector": r.get("source_sector"),
        "Actor Sectors": r.get("source_sector"),
        "Actor Name Raw": r.get("source_text"),
        "Recipient Name": r.get("target_name"),
        "Recipient Country": r.get("target_country"),
        "Recipient COW": cow.get(r.get("target_country") or "", ""),
        "Primary Recipient Sector": r.get("target_sector"),
        "Recipient Sectors": r.get("target_sector"),
        "Recipient Name Raw": r.get("target_text"),
        "Source": r.get("outlet"),
        "Publication Date": r.get("published"),
        "Language": r.get("language") or "en",
        "Version": "dyadwatch",
        "Story ID": r.get("doc_id"),
    }
    return [_s(vals.get(c)) for c in POLECAT_COLUMNS]


def csv_row(r: dict[str, Any]) -> list[str]:
    out = []
    for c in CSV_COLUMNS:
        v = r.get(c)
        out.append(";".join(v) if isinstance(v, list) else "" if v is None else str(v))
    return out


def _tsv(out: IO[str], rows: Iterable[list[str]]) -> None:
    """Plain TSV as GDELT/POLECAT ship it: no quoting (values are already tab/newline-free)."""
    for row in rows:
        out.write("\t".join(row) + "\n")


def _jsonl_line(r: dict[str, Any]) -> str:
    rec = r["record"]
    return (rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False)) + "\n"


# GDELT and POLECAT code events that happened: these are left out unless asked for.
NOT_HAPPENED = ("denied", "negated", "hypothetical")
_DOC_COLS = "d.outlet, d.url, d.published, d.input, d.language"
_CSV_SQL = {"date": "e.date", "outlet": "d.outlet", "url": "d.url", "published": "d.published",
            "n_mentions": "coalesce(e.n_mentions, 1)"}  # fmt: skip


def export_filter(f: EventFilter, fmt: str, include_status: bool = False) -> EventFilter:
    """GDELT/POLECAT keep events the text says happened, unless ``include_status`` (or an
    explicit status filter) says otherwise."""
    if fmt not in ("gdelt", "polecat") or include_status or f.status:
        return f
    return replace(f, status=[s for s in STATUSES if s not in NOT_HAPPENED])


def export_sql(
    kind: str, fmt: str, f: EventFilter | ClaimFilter, contested: Contested | None = None
) -> tuple[str, list[Any]]:
    """The one export query: the columns each format needs, the filter, a stable order."""
    if fmt not in FORMATS:
        raise FilterError("format", f"unknown value {fmt!r}; valid values: {', '.join(FORMATS)}")
    if kind == "claims":
        if fmt not in ("jsonl", "csv", "parquet"):
            raise FilterError("format", f"claims export as jsonl, csv or parquet, not {fmt!r}")
        assert isinstance(f, ClaimFilter)
        where, params = claim_where(f, "c", contested)
        cols = "c.record::VARCHAR AS record" if fmt == "jsonl" else "c.* EXCLUDE (record)"
        order = ", ".join(f"c.{k}" for k in CLAIM_ORDER.split(", "))
        return paged(f"SELECT {cols} FROM claims c WHERE {where}", order, f, params), params
    if kind != "events":
        raise FilterError("kind", f"unknown value {kind!r}; valid values: events, claims")
    assert isinstance(f, EventFilter)
    where, params = event_where(f, "e", contested)
    if fmt == "jsonl":
        cols = "e.record::VARCHAR AS record"
    elif fmt in ("csv", "parquet"):
        cols = ", ".join(f"{_CSV_SQL.get(c, 'e.' + c)} AS {c}" for c in CSV_COLUMNS)
    else:
        cols = f"e.* EXCLUDE (record), {_DOC_COLS}"
    order = ", ".join(f"e.{k}" for k in EVENT_ORDER.split(", "))
    sql = f"SELECT {cols} FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE {where}"
    return paged(sql, order, f, params), params


def text_chunks(
    fmt: str, batches: Iterable[list[dict[str, Any]]], kind: str = "events"
) -> Iterator[str]:
    """jsonl, csv, gdelt or polecat text, one chunk per batch of rows from :func:`export_sql`.

    The one writer behind `dyadwatch export` and GET /api/export: both stream through it.
    """
    if fmt not in FORMATS or fmt == "parquet":
        raise ValueError(f"unknown text export format {fmt!r}")
    added = datetime.now()
    header = True
    for rows in batches:
        buf = io.StringIO()
        if fmt == "jsonl":
            buf.writelines(_jsonl_line(r) for r in rows)
        elif fmt == "csv":
            w = csv.writer(buf, lineterminator="\n")
            cols = _columns(rows)
            if header:
                w.writerow(cols)
            w.writerows(_cells(r, cols) for r in rows)
        elif fmt == "gdelt":
            _tsv(buf, (gdelt_row({**r, "n_mentions": n_mentions_of(r)}, added) for r in rows))
        else:
            if header:
                _tsv(buf, [list(POLECAT_COLUMNS)])
            _tsv(buf, (polecat_row(r) for r in rows))
        header = False
        yield buf.getvalue()
    if header and fmt == "polecat":  # no rows: still the header
        yield "\t".join(POLECAT_COLUMNS) + "\n"
    elif header and fmt == "csv" and kind == "events":
        yield ",".join(CSV_COLUMNS) + "\n"


def batches(con: Any, sql: str, params: list[Any], size: int = 2000) -> Iterator[list[dict]]:
    """Dict rows of a DuckDB query, ``size`` at a time (the CLI's side of the API's stream)."""
    cur = con.cursor()
    try:
        res = cur.execute(sql, params)
        names = [d[0] for d in res.description or []]
        while chunk := res.fetchmany(size):
            yield [dict(zip(names, r, strict=True)) for r in chunk]
    finally:
        cur.close()


def _columns(rows: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(k for k in (rows[0] if rows else {}) if k != "record")


def _cells(r: dict[str, Any], cols: tuple[str, ...]) -> list[str]:
    out = []
    for c in cols:
        v = r.get(c)
        out.append(";".join("" if x is None else str(x) for x in v) if isinstance(v, list)
                   else "" if v is None else str(v))  # fmt: skip
    return out


def write_parquet(reader: Any, out: IO[bytes] | str) -> int:
    """Write an Arrow record-batch reader (from DuckDB) to Parquet; returns the row count."""
    import pyarrow.parquet as pq

    rows = 0
    with pq.ParquetWriter(out, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def write_events(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    out: IO[Any],
    records: Callable[[], Iterable[Event]] | None = None,
) -> int:
    """Write event rows in ``fmt`` to ``out`` (text stream; bytes for parquet). Returns count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        assert records is not None, "jsonl export needs the records"
        for ev in records():
            out.write(json.dumps(ev.to_json_dict(), ensure_ascii=False) + "\n")
            n += 1
        return n
    rows = [{**r, "n_mentions": n_mentions_of(r)} for r in rows]
    if fmt == "parquet":
        return _parquet(rows, out)
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        w.writerows(csv_row(r) for r in rows)
    elif fmt == "gdelt":
        added = datetime.now()
        _tsv(out, (gdelt_row(r, added) for r in rows))
    else:
        _tsv(out, [list(POLECAT_COLUMNS), *(polecat_row(r) for r in rows)])
    return len(rows)


def _parquet(rows: list[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = {c: [r.get(c) for r in rows] for c in CSV_COLUMNS}
    table = (
        pa.table(cols) if rows else pa.table({c: pa.array([], pa.string()) for c in CSV_COLUMNS})
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    out.write(buf.getvalue())
    return len(rows)


def published_date(value: str | None) -> date | None:
    return date_start(value)
