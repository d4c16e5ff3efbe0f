"""Store stage: embedded DuckDB tables for documents, events, claims, actors, rejections.

Public API (also used by dyadwatch.api):
    Store(path, read_only=False)       context manager; write_batch, events, claims, ...
    EventFilter / ClaimFilter          query parameters (all values bound as SQL parameters)
    ingest(paths, settings, db)        pipeline -> batched transactional writes
    ledger(store, dyad=...)            contested-claims ledger
"""

from __future__ import annotations

from .contested import ClaimGroup, EventRef, Position, ledger
from .db import BatchStats, Store, StoreError
from .ingest import count_inputs, ingest
from .params import FilterError, parse_dyad, parse_key
from .queries import ClaimFilter, EventFilter, from_params

__all__ = [
    "BatchStats",
    "ClaimFilter",
    "ClaimGroup",
    "EventFilter",
    "EventRef",
    "FilterError",
    "Position",
    "Store",
    "StoreError",
    "count_inputs",
    "from_params",
    "ingest",
    "ledger",
    "parse_dyad",
    "parse_key",
]
