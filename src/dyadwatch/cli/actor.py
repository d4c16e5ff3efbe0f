"""`actor` command: resolve actor phrases against the dated dictionaries."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..actors import ActorDictionaryError
from ..registry import registry
from . import app
from .options import args_to_settings

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@app.command()
def actor(
    phrases: Annotated[list[str] | None, typer.Argument(help="Actor phrases to resolve.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Date the phrase is read at (YYYY-MM-DD).")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="File with one phrase per line ('-' = stdin).")
    ] = None,
    user_dictionary: Annotated[
        str | None, typer.Option(help="Extra people TSV overriding the packaged one.")
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Settings file.")] = None,
) -> None:
    """Print one JSON line per phrase: country, sector, code, name, role and the entry used."""
    if date is not None and not _DATE.match(date):
        raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--date")
    items = list(phrases or [])
    if file is not None:
        if str(file) == "-":
            items += sys.stdin.read().splitlines()
        elif not file.is_file():
            raise typer.BadParameter(f"no such file: {file}", param_hint="--file")
        else:
            items += file.read_text(encoding="utf-8", errors="replace").splitlines()
    items = [p.strip() for p in items if p.strip()]
    if not items:
        raise typer.BadParameter("give at least one phrase, or --file", param_hint="PHRASES")
    settings = args_to_settings(config, user_dictionary=user_dictionary)
    try:
        resolver = registry.get(settings.actors_impl)(settings)
        for phrase in items:
            found = resolver.resolve_phrase(phrase, date)
            row: dict[str, object] = {"phrase": phrase, "date": date}
            keys = ("country", "sector", "code", "name", "role", "kind", "entry", "resolved_by")
            row.update({k: getattr(found, k) if found else None for k in keys})
            typer.echo(json.dumps(row, ensure_ascii=False))
    except ActorDictionaryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
