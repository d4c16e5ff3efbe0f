"""Issue 9 speed: after an API write the contested tables update from the written documents
only (a group never spans two documents), with the same result as regrouping everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.api import contested
from dyadwatch.api.db import Database
from dyadwatch.store import Store, contested_sql, ledger
from dyadwatch.store.synth import seed_like


def _plain(groups: Any) -> list[dict[str, Any]]:
    return sorted((g.model_dump() for g in groups), key=lambda g: g["group_id"])


def test_write_regroups_only_the_new_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.duckdb"
    with Store(path) as s:
        s.write_batch([seed_like("2022-01-10"), seed_like("2022-02-10")])
    db = Database(path, writable=True)
    try:
        assert len(contested.groups(db)) == 2
        scopes: list[Any] = []
        real = contested_sql.build

        def spy(con: Any, out: Any, **kw: Any) -> Any:
            scopes.append(kw.get("docs"))
            return real(con, out, **kw)

        monkeypatch.setattr(contested, "build", spy)
        new = seed_like("2022-03-10")
        assert db.store is not None
        db.store.write_batch([new])  # as api/ingest.py does
        db.written[db.generation + 1] = [new.document.doc_id]
        db.generation += 1
        found = contested.groups(db)
        assert len(scopes) == 1 and scopes[0][1] == [[new.document.doc_id]]  # no full regrouping
        assert len(found) == 3 and found[0].last_date and found[0].last_date >= "2022-03"
        assert _plain(found) == _plain(ledger(db.store))
        assert contested.ready(db)
        ids = {r["claim_id"] for r in db.rows(f"SELECT claim_id FROM {contested.CLAIMS_TABLE}")}
        assert ids == {p.claim_id for g in found for p in g.positions}
        # the same document written again (skipped by the store) changes nothing
        db.written[db.generation + 1] = [new.document.doc_id]
        db.generation += 1
        assert _plain(contested.groups(db)) == _plain(found)
        # an unknown change (no written record) falls back to the full grouping
        db.generation += 1
        contested.groups(db)
        assert scopes[-1] is None
        assert _plain(contested.groups(db)) == _plain(found)
    finally:
        db.close()


def test_ledger_slices_build_only_the_entries_shown(tmp_path: Path) -> None:
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        s.write_batch([seed_like(f"2022-{m:02d}-10") for m in range(1, 7)])
    db = Database(path)
    try:
        found = contested.select(db)
        assert len(found) == 6
        page = found[1:3]
        assert [g.group_id for g in page] == found.ids[1:3]
        assert [g.last_date for g in found] == sorted((g.last_date for g in found), reverse=True)
    finally:
        db.close()
