"""Dask scale-out: partitioning is faithful, and a tiny cluster gives what the serial run gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.scale import Unit, partitions, read_unit, units
from dyadwatch.settings import Settings, load_settings
from dyadwatch.sources import read_inputs

TEXTS = [
    "WASHINGTON, March 3, 2023. Russia launched missiles at Kyiv on Friday, Ukrainian officials "
    "said. The United States condemned the attack and announced new sanctions against Moscow, "
    "the State Department said in a statement on Saturday.",
    "Iran has supplied hundreds of drones to Russia for use in Ukraine, the White House said on "
    "Tuesday. National Security Council spokesman John Kirby said Tehran was also considering "
    "selling ballistic missiles to Moscow. Iran denied sending weapons since the invasion began.",
    "President Biden spoke with President Zelenskyy of Ukraine on Monday and pledged continued "
    "security assistance. The two leaders discussed Russia's attacks on Ukraine's energy grid "
    "and the United States' commitment to Ukraine's defence, according to a readout.",
]


def _jsonl(tmp: Path, texts: list[str], name: str = "tiny.jsonl") -> Path:
    path = tmp / name
    rows = [
        {"id": f"t{i}", "text": t, "published": "2023-03-04", "outlet": "Test", "url": None}
        for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_units_cut_jsonl_into_line_slices(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, TEXTS * 3)  # 9 lines
    (tmp_path / "note.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("x", encoding="utf-8")
    got = list(units([str(tmp_path)], size=4))
    assert got == [
        Unit(str(tmp_path / "note.txt")),
        Unit(str(path), 0, 4),
        Unit(str(path), 4, 8),
        Unit(str(path), 8, 9),
    ]
    parts = partitions([str(tmp_path)], size=4)
    assert [p.docs for p in parts] == [1, 4, 4, 1]
    assert [p.index for p in parts] == [0, 1, 2, 3]
    walked = {r.input.split(":")[0] for r in read_inputs([str(tmp_path)], load_settings())}
    assert walked == {u.path for u in got}  # the same files as a serial folder walk


def test_slices_read_exactly_like_the_sources_stage(tmp_path: Path, settings: Settings) -> None:
    path = _jsonl(tmp_path, TEXTS * 2)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n{not json\n")  # blank line then a bad line: numbering must stay right
    serial = [(r.input, getattr(r, "content", None)) for r in read_inputs([str(path)], settings)]
    sliced = [
        (r.input, getattr(r, "content", None))
        for p in partitions([str(path)], size=4)
        for u in p.units
        for r in read_unit(u, settings)
    ]
    assert sliced == serial
    assert serial[-1][0] == f"{path}:8"


def test_partition_rejects_stdin_and_bad_sizes() -> None:
    with pytest.raises(ValueError, match="stdin"):
        partitions(["-"])
    with pytest.raises(ValueError, match="at least 1"):
        partitions(["x"], size=0)


def test_nothing_to_do_needs_no_cluster(tmp_path: Path, settings: Settings) -> None:
    from dyadwatch.scale import distribute

    empty = tmp_path / "empty"
    empty.mkdir()
    stats = distribute(None, [str(empty)], settings, db=tmp_path / "x.duckdb")
    assert stats.partitions == 0 and stats.documents == 0


def _summary(results: list[Any]) -> list[tuple[str, int, int]]:
    out = [
        (r.document.doc_id, len(r.events), len(r.claims)) for r in results if isinstance(r, Result)
    ]
    return sorted(out)


@pytest.fixture(scope="module")
def client() -> Any:
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as c,
        Client(c) as cl,
    ):
        yield cl


def test_dask_run_matches_serial_and_writes_duckdb(
    tmp_path: Path, settings: Settings, client: Any
) -> None:
    from dyadwatch.scale import distribute
    from dyadwatch.store import Store

    path = _jsonl(tmp_path, TEXTS)
    missing = str(tmp_path / "missing.txt")
    serial = list(Pipeline(settings).run(read_inputs([str(path), missing], settings)))
    db = tmp_path / "scale.duckdb"
    seen: list[int] = []
    stats = distribute(
        client,
        [str(path), missing],
        settings,
        db=db,
        partition_size=2,
        progress=lambda s: seen.append(s.done),
    )
    assert stats.partitions == 2 and seen == [1, 2]
    assert stats.documents == len([r for r in serial if isinstance(r, Result)]) == 3
    assert stats.rejections == 1 and stats.stored == 3
    with Store(db, read_only=True) as store:
        counts = store.counts()
        stored = sorted(d["doc_id"] for d in store.documents())
    assert stored == sorted(d for d, _, _ in _summary(serial))
    assert counts["events"] == stats.events == sum(e for _, e, _ in _summary(serial))
    assert counts["claims"] == stats.claims == sum(c for _, _, c in _summary(serial))


def test_dask_shards_hold_the_record_stream(
    tmp_path: Path, settings: Settings, client: Any
) -> None:
    from dyadwatch.scale import distribute

    path = _jsonl(tmp_path, TEXTS)
    stats = distribute(client, [str(path)], settings, shard_dir=tmp_path / "out", partition_size=2)
    assert [Path(s).name for s in stats.shards] == ["part-00000.jsonl", "part-00001.jsonl"]
    recs = [json.loads(line) for s in stats.shards for line in Path(s).read_text().splitlines()]
    docs = [r for r in recs if r["kind"] == "document"]
    assert len(docs) == 3 == stats.documents
    assert sum(r["kind"] == "event" for r in recs) == stats.events
    for r in recs:
        if r["kind"] in ("event", "claim"):
            doc = next(d for d in docs if d["doc_id"] == r["doc_id"])
            ev = r["evidence"]
            assert doc["text"][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.slow  # starts two worker processes that each load spaCy (~10 s)
def test_run_parallel_matches_serial_in_order(tmp_path: Path, settings: Settings) -> None:
    from dyadwatch.pipeline import records
    from dyadwatch.scale.local import run_parallel

    path = _jsonl(tmp_path, TEXTS)
    inputs = [str(path), str(tmp_path / "missing.txt")]
    serial = [
        r.to_json_dict() for r in records(Pipeline(settings).run(read_inputs(inputs, settings)))
    ]
    par = run_parallel(read_inputs(inputs, settings), settings, processes=2, chunk_size=1)
    assert [r.to_json_dict() for r in records(par)] == serial


def test_ingest_dask_cli_rejects_bad_options(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    runner = CliRunner()
    both = runner.invoke(
        app, ["ingest-dask", str(tmp_path), "--db", "x.duckdb", "--shards", str(tmp_path)]
    )
    assert both.exit_code != 0 and "not both" in both.output
    stdin = runner.invoke(app, ["ingest-dask", "-"])
    assert stdin.exit_code != 0 and "stdin" in stdin.output
    size = runner.invoke(app, ["ingest-dask", str(tmp_path), "--partition-size", "0"])
    assert size.exit_code != 0 and "at least 1" in size.output


@pytest.mark.slow  # starts a LocalCluster of worker processes
def test_ingest_dask_cli_on_a_local_cluster(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    path = _jsonl(tmp_path, TEXTS)
    out = CliRunner().invoke(
        app, ["ingest-dask", str(path), "--db", str(tmp_path / "c.duckdb"), "--workers", "1"]
    )
    assert out.exit_code == 0, out.output
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    assert stats["documents"] == 3 and stats["stored"] == 3
