"""`ingest`: extract inputs and store them in DuckDB, batch by batch, with a progress bar."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..store import BatchStats, StoreError, count_inputs
from ..store import ingest as run_ingest
from . import app
from .options import args_to_settings, check_published

err = Console(stderr=True)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, JSONL, or '-' for stdin.")],
    db: Annotated[
        str | None, typer.Option("--db", help="DuckDB file (default: settings db).")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Inputs per transaction.")] = 50,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    config: Annotated[str | None, typer.Option("--config", help="Settings file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract and store documents, events, claims and rejections (re-ingest is a no-op)."""
    if batch_size < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--batch-size")
    check_published(published)
    settings = args_to_settings(config, published=published, url=url, outlet=outlet, model=model)
    path = db or settings.db
    total = None if quiet else count_inputs(paths)
    start = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[info]}"), console=err, disable=quiet, transient=False,
    )  # fmt: skip
    with progress:
        task = progress.add_task("ingest", total=total, info="")

        def tick(done: int, stats: BatchStats) -> None:
            info = f"stored {stats.stored} · skipped {stats.skipped} · rejected {stats.rejections}"
            progress.update(task, completed=done, info=info)

        try:
            stats = run_ingest(paths, settings, path, batch_size=batch_size, progress=tick)
        except StoreError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
    print_summary(stats, path, time.perf_counter() - start)
    rejected = sum(stats.rejection_reasons.values())
    if rejected and not stats.stored and not stats.skipped:
        err.print(f"[red]error:[/red] every input was rejected ({rejected})")
        raise typer.Exit(1)


def print_summary(stats: BatchStats, path: str, seconds: float) -> None:
    """Final ingest summary on stderr (stdout stays clean for pipes)."""
    t = Table(title=f"ingest into {path}", show_header=False, title_justify="left")
    t.add_column("what")
    t.add_column("n", justify="right")
    t.add_row("documents stored", str(stats.stored))
    t.add_row("skipped (already stored)", str(stats.skipped))
    t.add_row("events", str(stats.events))
    t.add_row("claims", str(stats.claims))
    t.add_row("rejections", str(sum(stats.rejection_reasons.values())))
    for reason, n in sorted(stats.rejection_reasons.items()):
        t.add_row(f"  {reason}", str(n))
    docs = stats.stored + stats.skipped
    rate = f"{docs / seconds:.2f} docs/s" if seconds > 0 else "-"
    t.add_row("time", f"{seconds:.1f}s ({rate})")
    err.print(t)
