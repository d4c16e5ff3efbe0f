"""Issue 9: the CLI refuses bad values with exit 2 and the query layer's message, resolves
country names, exits non-zero when every input is rejected, and honours --limit."""

from __future__ import annotations

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
    path = tmp_path_factory.mktemp("clierr") / "e.duckdb"
    d = DocBuilder(published="2022-06-01")
    d.event(actor("CHN"), actor("PHL"), "COERCE", "reported")
    with Store(path) as s:  # two documents, each with a contested group
        s.write_batch([seed_like(), seed_like("2022-11-01"), d.build("scs.txt")])
    return str(path)


def _lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.startswith("{")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "foo"], "status: unknown value 'foo'; valid values: reported, "),
        (["--type", "FIGHT"], "type: unknown value 'FIGHT'; valid values: AGREE, "),
        (["--country", "Narnia"], "country: unknown country 'Narnia'"),
        (["--dyad", "IRN-Narnia"], "dyad[1]: unknown country 'Narnia'"),
        (["--since", "2022-13-45"], "since: not a valid date: '2022-13-45'"),
        (["--until", "yesterday"], "until: expected YYYY-MM-DD"),
        (["--min-confidence", "2"], "min_confidence: expected a number between 0 and 1"),
    ],
)
def test_bad_values_exit_2_with_valid_values(db: str, args: list[str], message: str) -> None:
    res = runner.invoke(app, ["events", "--db", db, *args])
    assert res.exit_code == 2, res.output
    assert message in " ".join(res.output.split())


def test_country_names_and_demonyms_resolve(db: str) -> None:
    by_code = _lines(
        runner.invoke(app, ["events", "--db", db, "--country", "RUS", "--json"]).stdout
    )
    assert by_code
    for name in ("Russia", "Russian"):
        res = runner.invoke(app, ["events", "--db", db, "--country", name, "--json"])
        assert res.exit_code == 0, res.output
        assert f"resolved country: {name!r} -> RUS" in res.stderr
        assert _lines(res.stdout) == by_code


def test_dyad_command_takes_names(db: str) -> None:
    res = runner.invoke(app, ["dyad", "China", "Philippines", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert "'China' -> CHN" in res.stderr and "'Philippines' -> PHL" in res.stderr
    summary = _lines(res.stdout)[0]
    assert (summary["a"], summary["b"], summary["n_events"]) == ("CHN", "PHL", 1)
    bad = runner.invoke(app, ["dyad", "China", "Narnia", "--db", db])
    assert bad.exit_code == 2 and "b: unknown country 'Narnia'" in bad.output


def test_claims_contested_honours_limit(db: str) -> None:
    base = ["claims", "--contested", "--db", db, "--json"]
    assert len(_lines(runner.invoke(app, base).stdout)) == 2
    assert len(_lines(runner.invoke(app, [*base, "--limit", "1"]).stdout)) == 1
    assert len(_lines(runner.invoke(app, [*base, "--limit", "1", "--offset", "1"]).stdout)) == 1


def test_claims_bad_stance_and_dates(db: str) -> None:
    res = runner.invoke(app, ["claims", "--db", db, "--stance", "shout"])
    assert res.exit_code == 2 and "stance: unknown value 'shout'; valid values" in res.output
    res = runner.invoke(app, ["claims", "--contested", "--db", db, "--since", "someday"])
    assert res.exit_code == 2 and "since:" in res.output


def test_published_yesterday_refused_like_since(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Russia and Iran held talks in Tehran on Monday.\n", encoding="utf-8")
    for cmd in (["extract", str(doc)], ["ingest", str(doc), "--db", str(tmp_path / "x.duckdb")]):
        res = runner.invoke(app, [*cmd, "--published", "yesterday"])
        assert res.exit_code == 2, res.output
        assert "published: expected YYYY-MM-DD" in res.output
    assert not (tmp_path / "x.duckdb").exists()


def test_extract_exits_1_when_every_input_is_rejected(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "   "}\nnot json\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src)])
    assert res.exit_code == 1
    assert "every input was rejected" in res.stderr
    assert all(r["kind"] == "rejection" for r in _lines(res.stdout))
