"""`extract` and `ingest` commands."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from ..pipeline import Pipeline, records
from ..records import Document, Rejection
from ..sources import read_inputs
from . import app
from .options import args_to_settings, check_published

Config = Annotated[str | None, typer.Option("--config", help="Settings file overriding defaults.")]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, JSONL, or '-' for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    config: Config = None,
) -> None:
    """Extract document, claim, event and rejection records as JSONL (no database)."""
    if fmt != "jsonl":
        raise typer.BadParameter("only --format jsonl is supported", param_hint="--format")
    check_published(published)
    settings = args_to_settings(config, published=published, url=url, outlet=outlet, model=model)
    pipe = Pipeline(settings)
    out = sys.stdout
    docs = rejected = 0
    for rec in records(pipe.run(read_inputs(paths, settings))):
        docs += isinstance(rec, Document)
        rejected += isinstance(rec, Rejection)
        out.write(json.dumps(rec.to_json_dict(), ensure_ascii=False) + "\n")
    if rejected and not docs:
        typer.echo(f"error: every input was rejected ({rejected})", err=True)
        raise typer.Exit(1)
