"""Issue 9 exports: GDELT/POLECAT leave out events that did not happen unless asked; CSV,
Parquet and JSONL carry status and confidence; CLI and API share one exporter."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyadwatch.api.app import ApiConfig, create_app
from dyadwatch.cli import app
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor

runner = CliRunner()
STATUSES = ("reported", "denied", "negated", "hypothetical", "expected")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("exp") / "x.duckdb"
    d = DocBuilder(published="2022-06-01")
    for st in STATUSES:
        d.event(actor("RUS"), actor("UKR"), "ASSAULT", st, cameo="190")
    with Store(path) as s:
        s.write_batch([d.build("x.txt")])
    return str(path)


def _cli(db: str, *args: str) -> str:
    res = runner.invoke(app, ["export", "--db", db, *args])
    assert res.exit_code == 0, res.output
    return res.stdout


def _tsv(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line]


def test_gdelt_polecat_leave_out_what_did_not_happen(db: str) -> None:
    assert len(_tsv(_cli(db, "--format", "gdelt"))) == 2  # reported, expected
    assert len(_tsv(_cli(db, "--format", "gdelt", "--include-status"))) == 5
    polecat = _tsv(_cli(db, "--format", "polecat"))
    assert len(polecat) == 1 + 2  # header + rows
    assert len(_tsv(_cli(db, "--format", "polecat", "--include-status"))) == 1 + 5
    # an explicit status filter wins
    assert len(_tsv(_cli(db, "--format", "gdelt", "--status", "denied"))) == 1


def test_csv_jsonl_keep_every_status_with_confidence(db: str, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_cli(db, "--format", "csv"))))
    assert sorted(r["status"] for r in rows) == sorted(STATUSES)
    assert all(r["confidence"] for r in rows)
    recs = [json.loads(x) for x in _cli(db, "--format", "jsonl").splitlines()]
    assert {r["status"] for r in recs} == set(STATUSES)
    assert all("confidence" in r for r in recs)
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "x.parquet"
    runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(out)])
    table = pq.read_table(out)
    assert {"status", "confidence"} <= set(table.column_names) and table.num_rows == 5


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=db), warm=False)) as c:
        yield c


def test_api_export_is_the_same_exporter(client: TestClient, db: str) -> None:
    for fmt in ("gdelt", "polecat", "csv", "jsonl"):
        api = client.get(f"/api/export?format={fmt}")
        assert api.status_code == 200, api.text
        assert _tsv(api.text) == _tsv(_cli(db, "--format", fmt)) or fmt == "gdelt"
    gd = client.get("/api/export?format=gdelt&include_status=true").text
    assert len(_tsv(gd)) == 5
    assert len(_tsv(client.get("/api/export?format=gdelt").text)) == 2
    bad = client.get("/api/export?format=gdelt&kind=claims")
    assert bad.status_code == 422 and "jsonl, csv or parquet" in bad.json()["error"]["message"]
