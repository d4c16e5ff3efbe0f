"""--min-confidence / min_confidence: CLI queries, exports and the API drop events below it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyadwatch.api import ApiConfig, create_app
from dyadwatch.cli import app
from dyadwatch.store import EventFilter, Store
from dyadwatch.store.export import write_events
from dyadwatch.store.synth import DocBuilder, actor

runner = CliRunner()
CONFIDENCES = (0.2, 0.5, 0.9)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("conf") / "c.duckdb"
    d = DocBuilder(published="2023-05-02")
    for c in CONFIDENCES:
        d.event(actor("USA"), actor("CHN"), "ACCUSE", "reported", cameo="112", confidence=c)
    with Store(path) as s:
        s.write_batch([d.build("conf.txt")])
    return str(path)


def cli(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def test_cli_events_min_confidence(db: str) -> None:
    out = cli("events", "--db", db, "--json", "--min-confidence", "0.5")
    assert sorted(json.loads(x)["confidence"] for x in out.splitlines()) == [0.5, 0.9]
    assert len(cli("events", "--db", db, "--json").splitlines()) == 3  # default: everything


def test_cli_rejects_out_of_range(db: str) -> None:
    res = runner.invoke(app, ["events", "--db", db, "--min-confidence", "1.5"])
    assert res.exit_code == 2 and "between 0 and 1" in res.output


def test_cli_export_min_confidence(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    cli("export", "--db", db, "--format", "csv", "-o", str(out), "--min-confidence", "0.6")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [float(r["confidence"]) for r in rows] == [0.9]
    jl = cli("export", "--db", db, "--min-confidence", "0.3")
    assert len(jl.splitlines()) == 2


def test_store_export_rows_min_confidence(db: str) -> None:
    with Store(db, read_only=True) as s:
        f = EventFilter(min_confidence=0.5, limit=None)
        buf = io.StringIO()
        n = write_events(s.export_rows(f), "polecat", buf)
    assert n == 2


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=db))) as c:
        yield c


def test_api_events_and_export_min_confidence(client: TestClient) -> None:
    body = client.get("/api/events?min_confidence=0.5").json()
    assert body["total"] == 2
    assert all(e["confidence"] >= 0.5 for e in body["items"])
    assert client.get("/api/events").json()["total"] == 3
    r = client.get("/api/export?format=jsonl&min_confidence=0.9")
    assert r.status_code == 200
    assert [json.loads(x)["confidence"] for x in r.text.splitlines()] == [0.9]


def test_api_rejects_bad_min_confidence(client: TestClient) -> None:
    r = client.get("/api/events?min_confidence=2")
    assert r.status_code == 422
    assert "min_confidence" in r.text
