"""Store: transactions, idempotent re-ingest, filters, read-only use, contested claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.pipeline import Result
from dyadwatch.records import Rejection
from dyadwatch.store import ClaimFilter, EventFilter, Store, StoreError, ledger
from dyadwatch.store.synth import DocBuilder, actor, seed_like


def _other_doc() -> Result:
    d = DocBuilder(published="2023-03-05", outlet="Wire")
    d.event(actor("USA"), actor("CHN"), "ACCUSE", "reported", goldstein=-2.0)
    d.event(actor("CHN"), actor("USA"), "REJECT", "reported", "2023-03-04", -4.0)
    d.event(actor("UNO"), actor("UKR"), "AID", "reported", weapons=[])
    return d.build("wire/a.txt")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.duckdb")
    s.write_batch(
        [seed_like(), _other_doc()], [Rejection(input="x.bin", reason="binary", detail="nul")]
    )
    return s


def test_synthetic_offsets_are_real() -> None:
    r = seed_like()
    for ev in r.events:
        assert r.document.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    for cl in r.claims:
        assert r.document.text[cl.content.start : cl.content.end] == cl.content.text


def test_write_counts(store: Store) -> None:
    c = store.counts()
    assert c["documents"] == 2
    assert c["events"] == 5 + 3
    assert c["claims"] == 4
    assert c["rejections"] == 1
    assert c["actors"] > 0


def test_reingest_changes_nothing(store: Store) -> None:
    before = store.counts()
    stats = store.write_batch(
        [seed_like(), _other_doc()], [Rejection(input="x.bin", reason="binary", detail="nul")]
    )
    assert stats.stored == 0 and stats.skipped == 2
    assert stats.events == 0 and stats.claims == 0 and stats.rejections == 0
    assert store.counts() == before


def test_duplicate_inside_one_batch_is_skipped(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as s:
        stats = s.write_batch([seed_like(), seed_like()])
        assert (stats.stored, stats.skipped) == (1, 1)
        assert s.counts()["documents"] == 1


@pytest.mark.parametrize("where", ["_insert_claims_rows", "_refresh_actors"])
def test_failed_batch_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    s = Store(tmp_path / "f.duckdb")
    s.write_batch([_other_doc()])
    before = s.counts()

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("injected failure")

    monkeypatch.setattr(Store, where, boom)
    with pytest.raises(RuntimeError, match="injected"):
        s.write_batch([seed_like()], [Rejection(input="y", reason="empty", detail="")])
    monkeypatch.undo()
    assert s.counts() == before
    assert not s.has_document(seed_like().document.doc_id)
    # and the store still works afterwards
    assert s.write_batch([seed_like()]).stored == 1


def test_read_only(store: Store, tmp_path: Path) -> None:
    store.close()
    with Store(tmp_path / "t.duckdb", read_only=True) as ro:
        assert ro.counts()["documents"] == 2
        with pytest.raises(StoreError):
            ro.write_batch([seed_like()])
    with pytest.raises(StoreError, match="not found"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_event_filters(store: Store) -> None:
    both = store.events(dyad="IRN-RUS")
    assert len(both) == 5
    directed = store.events(dyad=("IRN", "RUS"), directed=True)
    assert {(e.source.country, e.target.country) for e in directed} == {("IRN", "RUS")}  # type: ignore[union-attr]
    assert len(directed) == 2
    assert {e.status for e in store.events(status="claimed,denied")} == {"claimed", "denied"}
    assert [e.weapons for e in store.events(weapon="su-3")] == [["Su-35"]]
    assert len(store.events(since="2023-01-01")) == 4  # 2023 Su-35 + 3 wire events
    assert len(store.events(since="2023", until="2023-01-31")) == 1
    assert len(store.events(plover_type="accuse,reject")) == 2
    assert len(store.events(actor="UNO")) == 1
    assert len(store.events(country="CHN")) == 2
    assert len(store.events(mode="military")) == 3
    assert len(store.events(limit=3)) == 3
    assert len(store.events(limit=3, offset=6)) == 2
    assert store.events(text="cooperate IRN (claimed")[0].status == "claimed"


def test_filters_are_parameters_not_sql(store: Store) -> None:
    evil = "x' OR 1=1 --"
    assert store.events(actor=evil) == []
    assert store.events(text=evil) == []
    assert store.events(text="%") == []  # LIKE wildcards are escaped
    assert store.counts()["events"] == 8


def test_bad_filter_values(store: Store) -> None:
    with pytest.raises(ValueError, match="since"):
        store.events(since="last tuesday")
    with pytest.raises(ValueError, match="dyad"):
        store.events(dyad="IRN")


def test_document_and_claims(store: Store) -> None:
    doc_id = seed_like().document.doc_id
    doc = store.document(doc_id)
    assert doc is not None and doc.outlet == "DW"
    assert store.document("nope") is None
    assert [c.stance for c in store.claims(stance="deny,reject")] == ["reject", "deny"]
    assert len(store.claims(ClaimFilter(speaker="kirby"))) == 1
    assert len(store.claims(country="GBR")) == 1


def test_contested_ledger(store: Store) -> None:
    groups = ledger(store)
    assert len(groups) == 1
    g = groups[0]
    assert g.contested
    assert set(g.asserted_by) == {"John Kirby", "James Cleverly"}
    assert set(g.denied_by) == {"Vassily Nebenzia", "IRN"}
    drones = [e for e in g.events if e.status == "alleged"][0]
    assert drones.stances["deny"] == ["IRN"]  # the denied twin of the alleged event
    assert "John Kirby" in drones.stances["assert"]
    assert ledger(store, dyad="USA-CHN") == []
    assert len(store.claims(contested=True)) == 4


def test_not_contested_when_same_actor_or_no_denial(tmp_path: Path) -> None:
    d = DocBuilder(published="2022-05-01")
    ev = d.event(actor("RUS"), actor("UKR"), "ASSAULT", "claimed")
    a = d.claim(actor("USA", "Official A", "GOV"), "assert", [ev])
    d.claim(actor("USA", "Official B", "GOV"), "reject", about=[a])  # same actor key: no contest
    d2 = DocBuilder(published="2022-05-02")
    ev2 = d2.event(actor("RUS"), actor("UKR"), "ASSAULT", "claimed")
    d2.claim(actor("USA"), "assert", [ev2])
    d2.claim(actor("GBR"), "support", [ev2])
    with Store(tmp_path / "n.duckdb") as s:
        s.write_batch([d.build(), d2.build()])
        assert ledger(s) == []
        assert len(ledger(s, contested_only=False)) == 2
        assert s.claims(contested=True) == []


def test_actors_table(store: Store) -> None:
    actors = {a["actor_key"]: a for a in store.actors()}
    assert actors["USAGOV|John Kirby"]["n_claims"] == 1
    assert actors["IRN|IRN"]["n_events"] == 5
    assert actors["UNO|UNO"]["country"] is None


def test_dyad_summary_dict(store: Store) -> None:
    from dyadwatch.analytics import dyad_summary

    s = dyad_summary(store, "IRN", "RUS").model_dump(mode="json")
    assert s["n_events"] == 5
    assert s["by_type"]["RUS->IRN"] == {"COOPERATE": 2, "AID": 1}
    assert s["weapons"]["Su-35"] == 1
    assert len(s["contested"]) == 1


def test_rejections_kept(store: Store) -> None:
    assert [(r.input, r.reason) for r in store.rejections()] == [("x.bin", "binary")]


def test_event_filter_object(store: Store) -> None:
    f = EventFilter(dyad="RUS-IRN", directed=True, status=["expected"])
    rows = store.event_rows(f)
    assert len(rows) == 1 and rows[0]["weapons"] == ["Su-35"]
    assert "record" not in rows[0]


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (event_id VARCHAR)")  # an older / foreign layout
    con.close()
    for ro in (True, False):
        with pytest.raises(StoreError, match="not a dyadwatch database"):
            Store(path, read_only=ro)


def test_actor_keys() -> None:
    from dyadwatch.records import Actor
    from dyadwatch.store.rows import actor_key

    assert actor_key(Actor(text="Iran", country="IRN", code="IRNGOV")) == "IRN"
    assert actor_key(Actor(text="the UN", code="UNO")) == "UNO"
    assert actor_key(Actor(text="Moscow", code="RUSGOV")) == "RUS"  # country left empty
    assert actor_key(Actor(text="officials", code="GOV", sector="GOV")) is None
    assert actor_key(Actor(text="Smith", name="Smith")) is None
    assert actor_key(None) is None


def test_contested_across_documents(tmp_path: Path) -> None:
    a = DocBuilder(published="2023-02-01", outlet="A")
    ev = a.event(actor("IRN"), actor("RUS"), "AID", "claimed", "2023-01-20", weapons=["drones"])
    a.claim(actor("USA", "Spokesman", "GOV"), "assert", [ev])
    b = DocBuilder(published="2023-02-03", outlet="B")
    ev2 = b.event(actor("IRN"), actor("RUS"), "AID", "denied", "2023-01")
    b.claim(actor("IRN", "Minister", "GOV"), "deny", [ev2])
    with Store(tmp_path / "x.duckdb") as s:
        s.write_batch([a.build(), b.build()])
        assert ledger(s) == []  # no link inside either article
        groups = ledger(s, across_documents=True)
        assert len(groups) == 1
        assert groups[0].asserted_by == ["Spokesman"] and groups[0].denied_by == ["Minister"]
        assert len({e.doc_id for e in groups[0].events}) == 2


def test_disk_full_gives_a_clear_error_and_keeps_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed COMMIT (full disk) has already aborted the transaction, so ROLLBACK fails
    too; the message must still say what happened, and the store stay consistent."""
    import duckdb

    s = Store(tmp_path / "full.duckdb")
    s.write_batch([_other_doc()])
    before = s.counts()

    def full(self: Store) -> None:
        self.con.execute("ROLLBACK")  # as DuckDB does when the write fails
        raise duckdb.IOException("Could not write file: No space left on device")

    monkeypatch.setattr(Store, "_refresh_actors", full)
    with pytest.raises(StoreError, match="no space left on device; nothing from this batch"):
        s.write_batch([seed_like()])
    monkeypatch.undo()
    assert s.counts() == before and not s.has_document(seed_like().document.doc_id)


def test_lock_message_names_the_holder_and_the_way_out(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], "
         "read_only=True); print('ready', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as err:
            Store(path)
        msg = str(err.value)
        assert f"process {holder.pid}" in msg and "dyadwatch serve" in msg
        assert "/api/documents" in msg
    finally:
        holder.kill()
        holder.wait()


def test_store_imports_nothing_above_it() -> None:
    """store sits below analytics and api: no module of it may import them (no cycle)."""
    import ast
    from pathlib import Path

    import dyadwatch.store as pkg

    bad = []
    for path in Path(pkg.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                mod = "." * node.level + node.module
                if any(x in mod.split(".") for x in ("analytics", "api", "cli")):
                    bad.append(f"{path.name}: {mod}")
    assert bad == []
