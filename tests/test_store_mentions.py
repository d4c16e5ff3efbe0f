"""Merged events in the store: mentions round-trip, counts are events, exports say NumMentions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyadwatch.analytics import timeline
from dyadwatch.api import ApiConfig, create_app
from dyadwatch.pipeline import Result
from dyadwatch.store import Store
from dyadwatch.store.export import CSV_COLUMNS, GDELT_COLUMNS, write_events
from dyadwatch.store.synth import DocBuilder, actor


def _doc() -> Result:
    """Russia's shelling said three times (once denied), and one threat: 3 events, 5 mentions."""
    rus, ukr = actor("RUS", sector="MIL"), actor("UKR")
    d = DocBuilder(published="2023-03-16", outlet="Wire")
    first = d.event(rus, ukr, "ASSAULT", "reported", "2023-03-14", -10.0, sentence="A shelled B.")
    d.event(actor("RUS"), ukr, "ASSAULT", "claimed", "2023-03-14", -10.0, weapons=["rockets"])
    d.event(rus, ukr, "ASSAULT", "denied", "2023-03-14", -10.0)
    d.event(rus, ukr, "THREATEN", "reported", "2023-03-14", -4.0)
    d.claim(actor("UKR", "Kyiv", "GOV"), "assert", [first, 1])
    return d.build("wire/shelling.txt", merge=True)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "m.duckdb")
    s.write_batch([_doc()])
    return s


def test_mentions_round_trip(store: Store) -> None:
    assert store.counts()["events"] == 3
    shelling = next(e for e in store.events(status="reported", plover_type="ASSAULT"))
    assert len(shelling.mentions) == 2 and shelling.weapons == ["rockets"]
    assert shelling.mentions[0].text == shelling.evidence.text == "A shelled B."
    (claim,) = store.claims()
    assert claim.events == [shelling.event_id]
    rows = {r["event_id"]: r["n_mentions"] for r in store.event_rows(limit=None)}
    assert sorted(rows.values()) == [1, 1, 2]


def test_reingest_is_idempotent(store: Store) -> None:
    before = store.counts()
    stats = store.write_batch([_doc()])
    assert stats.stored == 0 and stats.events == 0
    assert store.counts() == before
    assert [e.event_id for e in _doc().events] == [e.event_id for e in store.events()]


def test_dyad_series_count_events_not_mentions(store: Store) -> None:
    (month,) = [p for p in timeline(store, "RUS", "UKR") if p.source == "RUS"]
    assert month.n_events == 3
    assert month.counts == {"ASSAULT": 2, "THREATEN": 1}


def test_exports_carry_mentions(store: Store) -> None:
    rows = store.export_rows(limit=None)
    buf = io.StringIO()
    write_events(rows, "gdelt", buf)
    gdelt = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(
        io.StringIO(buf.getvalue()), delimiter="\t", quoting=csv.QUOTE_NONE)]  # fmt: skip
    assert sorted(r["NumMentions"] for r in gdelt) == ["1", "1", "2"]
    assert {r["NumArticles"] for r in gdelt} == {"1"}
    buf = io.StringIO()
    write_events(rows, "csv", buf)
    table = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(table[0]) == list(CSV_COLUMNS)
    assert sorted(r["n_mentions"] for r in table) == ["1", "1", "2"]


def test_api_json_and_page_show_mentions(tmp_path: Path) -> None:
    path = tmp_path / "api.duckdb"
    with Store(path) as s:
        s.write_batch([_doc()])
    with TestClient(create_app(ApiConfig(db=str(path)))) as client:
        items = client.get("/api/events?limit=10").json()["items"]
        assert sorted(len(e["mentions"]) for e in items) == [1, 1, 2]
        merged = next(e for e in items if len(e["mentions"]) == 2)
        page = client.get(f"/documents/{merged['doc_id']}").text
        assert "2 mentions" in page
        assert page.count(f'id="ev-{merged["event_id"]}"') == 1  # one anchor, both highlighted
        assert page.count(f"ev-{merged['event_id']}") >= 3


def test_files_without_the_column_still_open(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.write_batch([_doc()])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX events_dyad; DROP INDEX events_doc")
    con.execute("ALTER TABLE events DROP COLUMN n_mentions")  # a file from before mentions
    con.execute("CREATE INDEX events_dyad ON events (source_key, target_key)")
    con.execute("CREATE INDEX events_doc ON events (doc_id)")
    con.close()
    with Store(path, read_only=True) as s:
        buf = io.StringIO()
        write_events(s.export_rows(limit=None), "gdelt", buf)
        assert buf.getvalue().count("\n") == 3
    with Store(path) as s:  # opened for writing: the column comes back, old rows count as 1
        assert s.one("SELECT sum(n_mentions) FROM events") == (3,)
