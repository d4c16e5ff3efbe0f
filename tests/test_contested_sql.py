"""The SQL grouping (store/contested_sql.py) gives the ledgers of the Python grouping it
replaced, on random stores (golden file: tests/data/README.md), and applies the same rules
as the Python helpers that remain (speaker labels, record dates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from contested_fixture import CASES, SEEDS, random_store
from dyadwatch.store import Store, ledger
from dyadwatch.store.contested import speaker_label
from dyadwatch.store.contested_sql import date_start_sql, speaker_sql
from dyadwatch.store.rows import date_start

GOLDEN = json.loads((Path(__file__).parent / "data" / "contested_golden.json").read_text())


def _plain(groups: list[Any]) -> list[dict[str, Any]]:
    """The old grouping listed a group's events in store row order, which a parallel insert
    does not fix: events are compared in id order."""
    out = []
    for g in groups:
        x = g.model_dump(mode="json")
        for e in x["events"]:
            e["stances"] = {k: sorted(v) for k, v in e["stances"].items()}
        x["events"].sort(key=lambda e: e["event_id"])
        out.append(x)
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_ledgers_equal_the_python_grouping(tmp_path: Path, seed: int) -> None:
    want = GOLDEN[str(seed)]
    with Store(tmp_path / "s.duckdb") as s:
        s.write_batch(random_store(seed))
        for case, expected in zip(CASES, want["ledgers"], strict=True):
            for g in expected:
                g["events"].sort(key=lambda e: e["event_id"])
            assert _plain(ledger(s, **case)) == expected, case  # type: ignore[arg-type]
        assert sorted(c.claim_id for c in s.claims(contested=True)) == want["contested_claims"]
        assert len(s.claims(contested=False)) == s.counts()["claims"] - len(
            want["contested_claims"]
        )


def test_golden_file_has_contested_and_cross_document_groups() -> None:
    """The fixture exercises what matters: contested groups, groups only joined across
    documents, and dyad and date filters that keep some groups and drop others."""
    counts = [[len(x) for x in GOLDEN[str(s)]["ledgers"]] for s in SEEDS]
    assert all(c[0] > 0 for c in counts)
    assert any(c[1] != c[3] for c in counts)  # across_documents joins groups
    assert any(0 < c[6] < c[1] for c in counts)


SPEAKERS = [
    (None, None, None),
    ("Maria Zakharova", "Zakharova", "RUSGOV"),
    (None, "his", None),
    ("", " They ", ""),
    (None, "his", "IRNGOV"),
    ("It", None, None),
    (None, "Someone", None),
    ("", "", None),
]


def test_speaker_rule_is_the_same_in_sql_and_python() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE c (speaker_name VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR)")
    con.executemany("INSERT INTO c VALUES (?, ?, ?)", SPEAKERS)
    got = [r[0] for r in con.execute(f"SELECT {speaker_sql('c')} FROM c").fetchall()]
    assert got == [speaker_label(*s) for s in SPEAKERS]


@pytest.mark.parametrize(
    "value", ["2023", "2023-05", "2023-05-07", "2023-02-30", "1999-13", "soon", "", None]
)
def test_record_date_start_is_the_same_in_sql_and_python(value: str | None) -> None:
    con = duckdb.connect()
    got = con.execute(
        f"SELECT {date_start_sql('v')} FROM (SELECT ?::VARCHAR AS v)", [value]
    ).fetchone()
    assert got is not None and got[0] == date_start(value)
