"""Whole-document parallelism on one machine: every stage runs in the worker processes.

``nlp.pipe(n_process=N)`` only parallelises parsing; actors, events, claims and time
still run one document at a time in the parent, so the parent becomes the bottleneck.
Here each worker process owns a full ``Pipeline`` (with ``n_process=1``) and the parent
only reads inputs and collects results, in input order, with a bounded number of
chunks in flight so memory stays flat.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from ..pipeline import Pipeline, Result
from ..records import RawInput, Rejection
from ..settings import Settings

_WORKER: Pipeline | None = None


def _init(settings: Settings) -> None:
    global _WORKER
    _WORKER = Pipeline(settings)
    _ = _WORKER.parser  # load the model once per worker, before the first chunk


def _run(chunk: list[RawInput | Rejection]) -> list[Result | Rejection]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.run(chunk))


def run_parallel(
    raws: Iterable[RawInput | Rejection],
    settings: Settings,
    processes: int = 2,
    chunk_size: int = 8,
) -> Iterator[Result | Rejection]:
    """Like ``Pipeline(settings).run(raws)``, on ``processes`` worker processes, in order."""
    if processes < 2:
        yield from Pipeline(settings).run(raws)
        return
    wset = settings.with_overrides(n_process=1)
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
    it = iter(raws)
    pending: deque[Future[list[Result | Rejection]]] = deque()
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init, initargs=(wset,)) as ex:
        while True:
            while len(pending) < 2 * processes:
                chunk = list(islice(it, chunk_size))
                if not chunk:
                    break
                pending.append(ex.submit(_run, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
