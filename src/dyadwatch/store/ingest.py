"""Ingest: run the pipeline over inputs and write results in batches, one transaction each."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..pipeline import Pipeline, Result
from ..records import Document, Rejection
from ..settings import Settings
from ..sources import is_housekeeping, read_inputs
from .db import BatchStats, Store

log = logging.getLogger(__name__)

Progress = Callable[[int, BatchStats], None]  # (inputs done so far, totals so far)

_JSONL = (".jsonl", ".ndjson")
_CHEAP_BYTES = 200_000_000  # count JSONL lines only below this size


def _count_file(path: Path) -> int:
    name = path.name.lower()
    if name.endswith(_JSONL) and path.stat().st_size <= _CHEAP_BYTES:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    return 1


def count_inputs(paths: Iterable[str]) -> int | None:
    """Number of inputs the sources will yield, or None when unknown (stdin, huge JSONL).

    Mirrors the sources' walk (hidden entries skipped) closely enough for a progress bar.
    """
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_file():
            total += _count_file(path)
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(
                    _count_file(Path(root, f))
                    for f in files
                    if not f.startswith(".") and not is_housekeeping(f)
                )
        else:
            total += 1  # becomes a not_found rejection
    return total


Item = Result | Rejection | Document  # a bare Document = already stored, skipped


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Group a stream into batches of ``size`` inputs."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[str],
    settings: Settings,
    db: str | Path | Store | None = None,
    batch_size: int = 50,
    progress: Progress | None = None,
) -> BatchStats:
    """Extract ``paths`` and store everything, ``batch_size`` inputs per transaction.

    Documents already in the store are reported as skipped without running the NLP stages.
    A batch that fails to write is rolled back and the error raised; batches already
    committed stay, and re-running the same ingest skips them (same doc_ids).
    """
    if isinstance(db, Store):
        return _ingest_into(db, paths, settings, batch_size, progress)
    with Store(db or settings.db) as store:
        return _ingest_into(store, paths, settings, batch_size, progress)


def _ingest_into(
    store: Store,
    paths: Iterable[str],
    settings: Settings,
    batch_size: int,
    progress: Progress | None,
) -> BatchStats:
    total = BatchStats()
    done = 0
    pipe = Pipeline(settings)
    stream = pipe.run_skipping(
        read_inputs(list(paths), settings), lambda d: store.has_document(d.doc_id)
    )
    for batch in batches(stream, max(1, batch_size)):
        results = [x for x in batch if isinstance(x, Result)]
        rejections = [x for x in batch if isinstance(x, Rejection)]
        stats = store.write_batch(results, rejections)
        for doc in (x for x in batch if isinstance(x, Document)):
            stats.skipped += 1
            stats.skipped_inputs.append(doc.input or doc.doc_id)
        total.add(stats)
        done += len(batch)
        if progress:
            progress(done, total)
    return total
