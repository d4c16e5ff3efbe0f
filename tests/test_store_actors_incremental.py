"""The actors table grows batch by batch (store/queries.py ADD_ACTORS) and equals a full
rebuild over every event and claim."""

from __future__ import annotations

from pathlib import Path

from contested_fixture import random_store
from dyadwatch.store import Store
from dyadwatch.store import queries as q

ORDER = "SELECT * FROM actors ORDER BY actor_key, code NULLS FIRST, name NULLS FIRST"


def test_batches_add_up_to_the_full_rebuild(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        docs = [r for seed in (3, 17, 19) for r in random_store(seed)]
        for i in range(0, len(docs), 4):
            s.write_batch(docs[i : i + 4])
        s.write_batch(docs[:3])  # skipped documents add nothing
        grown = s.con.execute(ORDER).fetchall()
        s.con.execute("DELETE FROM actors")
        s.con.execute(q.REFRESH_ACTORS)
        assert grown == s.con.execute(ORDER).fetchall()
        assert len(grown) > 10 and sum(r[6] for r in grown) > 0


def test_empty_actors_table_is_rebuilt_whole(tmp_path: Path) -> None:
    with Store(tmp_path / "b.duckdb") as s:
        docs = random_store(17)
        s.write_batch(docs[:5])
        full = s.con.execute(ORDER).fetchall()
        s.con.execute("DELETE FROM actors")  # e.g. a store filled by SQL (benchmarks/api.py)
        s.write_batch(docs[5:6])
        s.write_batch(docs[:5])
        again = s.con.execute(ORDER).fetchall()
        assert {r[0] for r in full} <= {r[0] for r in again}
