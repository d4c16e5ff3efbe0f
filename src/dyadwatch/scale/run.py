"""Extraction over a Dask cluster: workers run the Pipeline, the client is the one DB writer.

DuckDB allows one writer per file, so workers never open the database: each
returns its partition's results (or writes a JSONL shard on a shared disk) and
the client writes every returned partition in its own transaction as soon as it
completes.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline, Result, records
from ..records import Rejection
from ..settings import Settings
from .partition import Partition, partitions, read_unit

Outcome = list[Result | Rejection]
Progress = Callable[["ScaleStats"], None]

_PIPELINES: dict[tuple[str, int], Pipeline] = {}
_LOCK = threading.Lock()


@dataclass
class ScaleStats:
    """What a distributed run did (documents = accepted inputs)."""

    partitions: int = 0
    done: int = 0
    documents: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    claims: int = 0
    rejections: int = 0
    seconds: float = 0.0
    shards: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def worker_settings(settings: Settings) -> Settings:
    """Dask worker processes are daemonic and cannot fork spaCy workers: one process each."""
    return settings.with_overrides(n_process=1)


def _pipeline(settings: Settings) -> Pipeline:
    """One Pipeline (and spaCy model) per worker thread, reused across partitions."""
    key = (json.dumps(asdict(settings), sort_keys=True, default=str), threading.get_ident())
    with _LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is None:
            pipe = _PIPELINES[key] = Pipeline(settings)
    return pipe


def _inputs(part: Partition, settings: Settings) -> Iterator[Any]:
    for unit in part.units:
        yield from read_unit(unit, settings)


def extract_partition(part: Partition, settings: Settings) -> Outcome:
    """Worker side: run the pipeline over one partition and return everything it produced."""
    pipe = _pipeline(settings)
    return list(pipe.run(_inputs(part, settings)))


def extract_to_shard(part: Partition, settings: Settings, shard_dir: str) -> dict[str, Any]:
    """Worker side: write the partition's records as JSONL (RECORDS.md) and return counts."""
    pipe = _pipeline(settings)
    dest = Path(shard_dir) / f"part-{part.index:05d}.jsonl"
    dest.parent.mkdir(parents=True, exist_ok=True)
    counts = {"document": 0, "event": 0, "claim": 0, "rejection": 0}
    tmp = dest.with_suffix(".jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records(pipe.run(_inputs(part, settings))):
            counts[rec.kind] += 1
            fh.write(json.dumps(rec.to_json_dict(), ensure_ascii=False) + "\n")
    tmp.replace(dest)  # a shard is either complete or absent
    return {"shard": str(dest), **counts}


def _count(stats: ScaleStats, outcome: Outcome) -> tuple[list[Result], list[Rejection]]:
    results = [r for r in outcome if isinstance(r, Result)]
    rejected = [r for r in outcome if isinstance(r, Rejection)]
    stats.documents += len(results)
    stats.events += sum(len(r.events) for r in results)
    stats.claims += sum(len(r.claims) for r in results)
    stats.rejections += len(rejected)
    return results, rejected


def _futures(client: Any, parts: list[Partition], fn: Callable[..., Any], *args: Any) -> Any:
    """One Dask bag partition per input partition; compute them as futures."""
    import dask.bag as dbag

    bag = dbag.from_sequence(parts, npartitions=len(parts)).map(fn, *args)
    return client.compute(bag.to_delayed())


def _completed(futures: Iterable[Any]) -> Iterator[Any]:
    from distributed import as_completed

    for fut in as_completed(list(futures)):
        value = fut.result()  # a list: one bag partition holds one input partition
        fut.release()
        yield from value


def distribute(
    client: Any,
    paths: Iterable[str],
    settings: Settings,
    db: str | Path | None = None,
    shard_dir: str | Path | None = None,
    partition_size: int = 50,
    progress: Progress | None = None,
) -> ScaleStats:
    """Extract ``paths`` on the cluster behind ``client``; store in ``db`` or write shards.

    With ``shard_dir`` the workers write ``part-NNNNN.jsonl`` there (it must be a disk they
    share); otherwise the client writes each finished partition to ``db`` in one transaction.
    """
    t0 = time.perf_counter()
    parts = partitions(paths, partition_size)
    stats = ScaleStats(partitions=len(parts))
    wset = worker_settings(settings)
    if not parts:
        return stats
    if shard_dir is not None:
        for info in _completed(_futures(client, parts, extract_to_shard, wset, str(shard_dir))):
            stats.done += 1
            stats.shards.append(info["shard"])
            stats.documents += info["document"]
            stats.events += info["event"]
            stats.claims += info["claim"]
            stats.rejections += info["rejection"]
            if progress:
                progress(stats)
        stats.shards.sort()
    else:
        from ..store import Store

        with Store(db or settings.db) as store:
            for outcome in _completed(_futures(client, parts, extract_partition, wset)):
                results, rejected = _count(stats, outcome)
                written = store.write_batch(results, rejected)
                stats.stored += written.stored
                stats.skipped += written.skipped
                stats.done += 1
                if progress:
                    progress(stats)
    stats.seconds = round(time.perf_counter() - t0, 3)
    return stats


@contextmanager
def connect(
    scheduler: str | None = None, workers: int = 2, processes: bool = True
) -> Iterator[Any]:
    """A Client for ``scheduler`` (tcp://host:port), or for a LocalCluster started here."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=":0",  # any free port: never clash with another cluster
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
