"""`ingest-dask`: distributed extraction over a Dask cluster (docs/scale.md)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from . import app
from .options import args_to_settings


@app.command("ingest-dask")
def ingest_dask(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders or JSONL the workers can read.")
    ],
    db: Annotated[
        str | None, typer.Option("--db", help="DuckDB file (default: settings db).")
    ] = None,
    shards: Annotated[
        str | None, typer.Option("--shards", help="Write JSONL shards to this folder instead.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Running scheduler, e.g. tcp://host:8786.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Local worker processes (no --scheduler).")] = 2,
    partition_size: Annotated[int, typer.Option(help="Documents per partition.")] = 50,
    config: Annotated[str | None, typer.Option("--config", help="Settings file.")] = None,
) -> None:
    """Extract on a Dask cluster; this process is the only database writer."""
    from ..scale import ScaleStats, connect, distribute

    if partition_size < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--partition-size")
    if workers < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--workers")
    if db and shards:
        raise typer.BadParameter("give --db or --shards, not both", param_hint="--shards")
    if "-" in paths:
        raise typer.BadParameter("stdin cannot be distributed; use `dyadwatch ingest -`")
    settings = args_to_settings(config)

    def report(s: ScaleStats) -> None:
        typer.echo(f"partition {s.done}/{s.partitions}: {s.documents} documents", err=True)

    with connect(scheduler, workers) as client:
        stats = distribute(
            client,
            paths,
            settings,
            db=db,
            shard_dir=shards,
            partition_size=partition_size,
            progress=report,
        )
    sys.stdout.write(json.dumps(stats.as_dict()) + "\n")
