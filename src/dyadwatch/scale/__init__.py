"""Scale-out: run extraction over a Dask cluster (docs/scale.md).

    from dyadwatch.scale import connect, distribute
    with connect("tcp://scheduler:8786") as client:      # or connect(workers=4): LocalCluster
        stats = distribute(client, ["articles/"], settings, db="news.duckdb")

Run as ``python -m dyadwatch.scale PATH... --db X`` or ``dyadwatch ingest-dask``.
"""

from __future__ import annotations

from .partition import Partition, Unit, partitions, read_unit, units
from .run import ScaleStats, connect, distribute, extract_partition, extract_to_shard

__all__ = [
    "Partition",
    "ScaleStats",
    "Unit",
    "connect",
    "distribute",
    "extract_partition",
    "extract_to_shard",
    "partitions",
    "read_unit",
    "units",
]
