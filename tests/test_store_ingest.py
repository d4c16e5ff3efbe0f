"""End-to-end ingest through the real pipeline (2 small files + one rejection), twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.settings import Settings
from dyadwatch.store import Store, count_inputs, ingest
from dyadwatch.store.ingest import batches

WH = "corpus/wh-briefings/statements-releases/2022-01/"
SMALL = (
    "2022-01-09-statement-by-national-security-advisor-jake-sullivan-on-iranian-threats-"
    "and-provocations-against-american-citizens.md"
)


@pytest.fixture
def inputs(shared_dir: Path, tmp_path: Path) -> list[str]:
    seed = shared_dir / "seed" / "dw-2022-12-10-us-alarmed-iran-russia-ties.txt"
    small = shared_dir / WH / SMALL
    if not small.is_file():
        pytest.skip(f"corpus file missing: {small}")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.md").write_text(small.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder)]


def test_ingest_twice_is_idempotent(inputs: list[str], settings: Settings, tmp_path: Path) -> None:
    db = tmp_path / "e2e.duckdb"
    assert count_inputs(inputs) == 3
    seen: list[int] = []
    first = ingest(inputs, settings, db, batch_size=2, progress=lambda n, s: seen.append(n))
    assert first.stored == 2 and first.skipped == 0
    assert first.events > 0 and first.claims > 0
    assert sum(first.rejection_reasons.values()) == 1
    assert seen == [2, 3]
    with Store(db, read_only=True) as s:
        counts = s.counts()
        assert counts["documents"] == 2 and counts["rejections"] == 1
        assert counts["events"] == first.events and counts["claims"] == first.claims
        for ev in s.events(limit=None):
            doc = s.document(ev.doc_id)
            assert doc is not None
            source = (doc.title or "") if ev.headline else doc.text  # headline: title offsets
            assert source[ev.evidence.start : ev.evidence.end] == ev.evidence.text

    res = CliRunner().invoke(app, ["ingest", *inputs, "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "skipped (already stored)" in res.output
    with Store(db, read_only=True) as s:
        assert s.counts() == counts


def test_batches_group_results_and_rejections() -> None:
    from dyadwatch.records import Rejection

    rej = [Rejection(input=str(i), reason="empty", detail="") for i in range(5)]
    assert [len(b) for b in batches(rej, 2)] == [2, 2, 1]
