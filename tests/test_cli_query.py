"""Query CLI on a small synthetic database (no spaCy): events, claims, dyad, alerts, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor, seed_like

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "q.duckdb"
    results = [seed_like()]
    for m in range(12):  # RUS->UKR conflict rising month by month
        d = DocBuilder(published=f"2022-{m + 1:02d}-15")
        for _ in range(m + 1):
            d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported", cameo="190")
        results.append(d.build(f"s/{m}.txt"))
    with Store(path) as s:
        s.write_batch(results)
    return str(path)


def run(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def test_events_json_filters(db: str) -> None:
    out = run("events", "--db", db, "--dyad", "IRN-RUS", "--since", "2022-01-01",
              "--status", "claimed,denied", "--json")  # fmt: skip
    recs = [json.loads(x) for x in out.splitlines()]
    assert {r["status"] for r in recs} == {"claimed", "denied"}
    assert all(r["kind"] == "event" for r in recs)
    assert len(recs) == 2


def test_events_table(db: str) -> None:
    out = run("events", "--db", db, "--weapon", "su-35")
    assert "Su-35" in out and "1 events" in out


def test_claims_and_contested(db: str) -> None:
    out = run("claims", "--db", db, "--stance", "deny", "--json")
    assert [json.loads(x)["stance"] for x in out.splitlines()] == ["deny"]
    ledger = [
        json.loads(x) for x in run("claims", "--contested", "--db", db, "--json").splitlines()
    ]
    assert len(ledger) == 1 and ledger[0]["contested"]
    assert "Vassily Nebenzia" in ledger[0]["denied_by"]
    table = run("claims", "--contested", "--db", db)
    assert "John Kirby" in table and "reject" in table


def test_dyad_summary(db: str) -> None:
    s = json.loads(run("dyad", "IRN", "RUS", "--db", db, "--json"))
    assert s["n_events"] == 5 and s["weapons"]["Su-35"] == 1
    assert len(s["contested"]) == 1
    out = run("dyad", "RUS", "UKR", "--db", db)
    assert "ASSAULT" in out and "ALERT" in out


def test_alerts(db: str) -> None:
    flagged = [json.loads(x) for x in run("alerts", "--db", db, "--json").splitlines()]
    assert [(d["source"], d["target"]) for d in flagged] == [("RUS", "UKR")]
    assert "RUS->UKR" in run("alerts", "--db", db)
    everything = run("alerts", "--db", db, "--all", "--json").splitlines()
    assert len(everything) > len(flagged)


@pytest.mark.parametrize("fmt", ["gdelt", "polecat", "csv", "jsonl"])
def test_export_formats(db: str, fmt: str) -> None:
    out = run("export", "--format", fmt, "--db", db, "--dyad", "RUS-UKR")
    if fmt == "jsonl":
        assert len(out.splitlines()) == 78
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == 78
    else:
        rows = [line.split("\t") for line in out.splitlines()]
        assert len(rows) == 78 + (fmt == "polecat")
        assert len(rows[-1]) == (61 if fmt == "gdelt" else len(rows[0]))


def test_export_parquet_to_file(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "ev.parquet"
    runner.invoke(app, ["export", "--format", "parquet", "--db", db, "-o", str(out)])
    assert pq.read_table(out).num_rows == 83


def test_clear_errors(db: str, tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "not found" in res.output
    res = runner.invoke(app, ["events", "--db", db, "--since", "someday"])
    assert res.exit_code == 2 and "since" in res.output
    res = runner.invoke(app, ["export", "--db", db, "--format", "xml"])
    assert res.exit_code == 2 and "format: unknown value 'xml'; valid values: jsonl" in res.output
    res = runner.invoke(app, ["events", "--db", db, "--dyad", "IRN"])
    assert res.exit_code == 2 and "dyad" in res.output


def test_ingest_cli_summary_rejections(tmp_path: Path) -> None:
    """Inputs that never reach the NLP stages: rejections stored, summary by reason."""
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "   "}\nnot json at all\n', encoding="utf-8")
    db = tmp_path / "r.duckdb"
    args = ["ingest", str(src), str(tmp_path / "missing.txt"), "--db", str(db)]
    res = runner.invoke(app, args)
    assert res.exit_code == 1, res.output  # every input rejected
    assert "every input was rejected" in res.output
    assert "malformed_jsonl" in res.output and "not_found" in res.output
    with Store(db, read_only=True) as s:
        reasons = sorted(r.reason for r in s.rejections())
        assert len(reasons) == 3 and "malformed_jsonl" in reasons and "not_found" in reasons
        before = s.counts()
    assert runner.invoke(app, [*args, "--quiet"]).exit_code == 1
    with Store(db, read_only=True) as s:
        assert s.counts() == before


def test_ingest_cli_bad_batch_size(tmp_path: Path) -> None:
    res = runner.invoke(
        app, ["ingest", "x", "--db", str(tmp_path / "a.duckdb"), "--batch-size", "0"]
    )
    assert res.exit_code != 0
