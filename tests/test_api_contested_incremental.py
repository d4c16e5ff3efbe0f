"""Issue 9 speed: after an API write the contested groups update from the written documents
only (a group never spans two documents), with the same result as regrouping everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.api import contested
from dyadwatch.api.db import Database
from dyadwatch.store import Store
from dyadwatch.store import contested as store_contested
from dyadwatch.store.synth import seed_like


def test_write_regroups_only_the_new_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.duckdb"
    with Store(path) as s:
        s.write_batch([seed_like("2022-01-10"), seed_like("2022-02-10")])
    db = Database(path, writable=True)
    try:
        assert len(contested.groups(db)) == 2
        calls: list[Any] = []
        real = store_contested.ledger

        def spy(store: Any, *args: Any, **kw: Any) -> Any:
            calls.append(kw.get("doc_id"))
            return real(store, *args, **kw)

        monkeypatch.setattr(contested, "ledger", spy)
        new = seed_like("2022-03-10")
        assert db.store is not None
        db.store.write_batch([new])  # as api/ingest.py does
        db.written[db.generation + 1] = [new.document.doc_id]
        db.generation += 1
        found = contested.groups(db)
        assert calls == [new.document.doc_id]  # no full regrouping
        assert len(found) == 3 and found[0].first_date and found[0].last_date >= "2022-03"
        full = sorted(g.group_id for g in real(db))  # type: ignore[arg-type]
        assert sorted(g.group_id for g in found) == full
        assert contested.ready(db)
        # an unknown change (no written record) falls back to the full grouping
        db.generation += 1
        contested.groups(db)
        assert calls[-1] is None
    finally:
        db.close()
