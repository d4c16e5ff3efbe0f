"""Exports parse back: GDELT 2.0 (61 columns), POLECAT TSV, CSV, JSONL, Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dyadwatch.records import Event
from dyadwatch.store import Store
from dyadwatch.store.export import (
    CSV_COLUMNS,
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    quad_class,
    write_events,
)
from dyadwatch.store.synth import DocBuilder, actor, seed_like


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "e.duckdb")
    d = DocBuilder(published="2023-03-05", outlet="Wire", url="https://example.org/a")
    d.event(actor("USA", "Joe\tTab", "GOV"), actor("CHN"), "ACCUSE", "reported", cameo="112",
            goldstein=-2.0, sentence='He said "no"\tand left.')  # fmt: skip
    s.write_batch([seed_like(), d.build()])
    return s


def _export(store: Store, fmt: str, **kw: object) -> str:
    buf = io.StringIO()
    f = {"limit": None, **kw}
    write_events(store.export_rows(**f), fmt, buf, lambda: store.events(**f))
    return buf.getvalue()


def test_gdelt_columns_and_values(store: Store) -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS.index("EventCode") == 26 and GDELT_COLUMNS.index("GoldsteinScale") == 30
    text = _export(store, "gdelt")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 6
    assert all(len(r) == 61 for r in rows)
    by = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    acc = next(r for r in by if r["Actor1CountryCode"] == "USA")
    assert acc["SQLDATE"] == "20230305" and acc["MonthYear"] == "202303" and acc["Year"] == "2023"
    assert acc["EventCode"] == "112" and acc["EventBaseCode"] == "112"
    assert acc["EventRootCode"] == "11" and acc["QuadClass"] == "3"
    assert float(acc["GoldsteinScale"]) == -2.0
    assert acc["Actor1Name"] == "Joe Tab"  # tabs never break the columns
    assert acc["SOURCEURL"] == "https://example.org/a"
    assert len(acc["DATEADDED"]) == 14 and acc["GLOBALEVENTID"].isdigit()
    su35 = next(r for r in by if r["SQLDATE"] == "20230101")
    assert su35["Actor1CountryCode"] == "RUS" and su35["Actor2CountryCode"] == "IRN"


def test_quad_class() -> None:
    assert quad_class("0431", "CONSULT") == 1
    assert quad_class("073", "AID") == 2
    assert quad_class("190", "ASSAULT") == 4
    assert quad_class(None, "THREATEN") == 3


def test_polecat_header_and_rows(store: Store) -> None:
    text = _export(store, "polecat", dyad="IRN-RUS")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == POLECAT_COLUMNS
    assert POLECAT_COLUMNS[:4] == ("Event ID", "Event Date", "Event Type", "Event Mode")
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == 5
    su = next(r for r in body if r["Event Date"] == "2023-01-01")
    assert su["Event Type"] == "aid" and su["Actor Country"] == "RUS"
    assert su["Actor COW"] == "365" and su["Recipient COW"] == "630"
    assert su["Quad Code"] == "2" and su["Source"] == "DW" and su["Story ID"]


def test_csv_roundtrip(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    acc = next(r for r in rows if r["plover_type"] == "ACCUSE")
    assert acc["evidence_text"] == 'He said "no"\tand left.'


def test_jsonl_is_the_record_contract(store: Store) -> None:
    lines = _export(store, "jsonl", status="expected,considered").splitlines()
    recs = [Event.model_validate(json.loads(x)) for x in lines]
    assert [r.weapons for r in recs] == [[], ["Su-35"]]
    assert all(json.loads(x)["kind"] == "event" for x in lines)


def test_parquet(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    buf = io.BytesIO()
    n = write_events(store.export_rows(limit=None), "parquet", buf)
    table = pq.read_table(io.BytesIO(buf.getvalue()))
    assert n == table.num_rows == 6
    assert table.column_names == list(CSV_COLUMNS)


def test_unknown_format(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        write_events([], "xml", io.StringIO())
